package com.roseash.market.importing;

import java.net.URI;

/**
 * A page as fetched for import.
 *
 * @param url  where the page was finally found, after redirects: relative addresses in it resolve against this
 * @param html the body, decoded by the charset the server named (UTF-8 when it named none)
 */
public record FetchedPage(URI url, String html) {
}
