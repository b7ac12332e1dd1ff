/**
 * Who is visiting, as request-scoped values: the signed-in {@code CurrentUser} and the
 * layout's {@code AccountMenu}. Sign-in ({@code platform.auth}) puts them in the request
 * context and pages ({@code platform.web}) read them, so neither package depends on the other for them.
 */
package com.roseash.platform.visitor;
