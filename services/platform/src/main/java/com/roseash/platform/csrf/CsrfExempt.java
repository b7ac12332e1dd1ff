package com.roseash.platform.csrf;

import java.util.List;

/**
 * Implemented by a route group that other servers post to (ActivityPub inboxes, payment notifications,
 * token endpoints): those callers hold no CSRF cookie and authenticate their own way (signatures, client
 * secrets). The server exempts these paths, joined to the group's mount prefix, and no others.
 */
public interface CsrfExempt {

    /** Path patterns relative to the group's mount, in Helidon's syntax: {@code /token}, {@code /{user}/inbox}. */
    List<String> csrfExemptPaths();
}
