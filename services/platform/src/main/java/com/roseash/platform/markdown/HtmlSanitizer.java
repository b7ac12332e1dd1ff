package com.roseash.platform.markdown;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The only HTML that reaches a page body: an explicit allow-list. No script, no event handler, no
 * style, no frame, no form; links and images only to http(s), mailto or relative URLs. Ghost's HTML
 * and our own Markdown output both pass through here before they are stored.
 */
public final class HtmlSanitizer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
                    "em", "strong", "b", "i", "u", "s", "del", "ins", "sup", "sub", "small", "mark",
                    "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption",
                    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "time", "span", "div")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .allowAttributes("src", "alt", "title", "width", "height", "loading").onElements("img")
            .allowAttributes("datetime").onElements("time")
            .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9+#_-]{1,30}")).onElements("code")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("[0-9]{1,3}")).onElements("th", "td")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
            .toFactory();

    private HtmlSanitizer() {
    }

    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
