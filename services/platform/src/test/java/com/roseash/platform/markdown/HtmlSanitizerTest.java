package com.roseash.platform.markdown;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.swing.text.MutableAttributeSet;
import javax.swing.text.html.HTML;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.parser.ParserDelegator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitizerTest {

    /** The elements HtmlSanitizer allows, and those the parser implies around a fragment. */
    private static final Set<String> ALLOWED = Set.of("html", "head", "body", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "s", "del", "ins", "sup", "sub", "small", "mark",
            "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr",
            "th", "td", "caption", "time", "span", "div");

    /** The attribute the parser marks an element it implied with. */
    private static final Object IMPLIED = HTMLEditorKit.ParserCallback.IMPLIED;

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "<svg onload=alert(1)><circle/></svg>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<div onclick=\"alert(1)\">x</div>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<form action=\"https://evil.example\"><input name=q></form>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<body onload=alert(1)>",
            "<img src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
            "<style>body{display:none}</style>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    })
    void nothingExecutableSurvives(String attack) {
        String html = HtmlSanitizer.sanitize(attack);

        assertThat(html.toLowerCase())
                .doesNotContain("<script").doesNotContain("javascript:").doesNotContain("onerror")
                .doesNotContain("onload").doesNotContain("onclick").doesNotContain("<iframe").doesNotContain("style=")
                .doesNotContain("<object").doesNotContain("<embed").doesNotContain("<form").doesNotContain("<svg")
                .doesNotContain("<style").doesNotContain("<meta").doesNotContain("data:text/html");
        // Read as a browser reads it, character references decoded: only allowed elements, no handler, no script URL.
        for (Element element : parse(html)) {
            assertThat(ALLOWED).as(html).contains(element.name());
            element.attributes().forEach((name, value) -> {
                assertThat(name).as(html).doesNotStartWith("on").isNotEqualTo("style");
                assertThat(asUrl(value)).as(html + ": " + name).doesNotStartWith("javascript").doesNotStartWith("vbscript")
                        .doesNotStartWith("data:text");
            });
        }
    }

    @Test
    void aLinkToEntityEncodedJavascriptKeepsNoHref() {
        // A title keeps the anchor (one with no attribute left is dropped whole), so its href can be looked for.
        String attack = "<a title=\"Market\" "
                + "href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>";
        assertThat(parse(attack)).as("the parser decodes what a browser decodes")
                .anySatisfy(a -> assertThat(a.attributes()).containsEntry("href", "javascript:alert(1)"));

        String html = HtmlSanitizer.sanitize(attack);

        assertThat(parse(html)).filteredOn(element -> element.name().equals("a")).as(html).singleElement()
                .satisfies(a -> assertThat(a.attributes()).as(html).containsEntry("title", "Market").doesNotContainKey("href"));
    }

    @Test
    void aSafeLinkKeepsItsDecodedHref() {
        String html = HtmlSanitizer.sanitize("<a href=\"https://market.example/?stall=1&amp;day=sat\">market</a>");

        assertThat(parse(html)).filteredOn(element -> element.name().equals("a")).singleElement()
                .satisfies(a -> assertThat(a.attributes()).containsEntry("href", "https://market.example/?stall=1&day=sat"));
    }

    @Test
    void markdownLinksToScriptsAndRawHtmlAreNeutralised() {
        String html = markdown.render("""
                [click](javascript:alert(1)) and <img src=x onerror="alert(1)">

                <script>alert('raw block')</script>
                """);

        assertThat(html).doesNotContain("javascript:").doesNotContain("onerror").doesNotContain("<script");
        assertThat(html).contains("click");
        assertThat(parse(html)).allSatisfy(element -> assertThat(element.attributes().values())
                .allSatisfy(value -> assertThat(asUrl(value)).doesNotStartWith("javascript")));
    }

    @Test
    void ordinaryMarkdownRendersAsExpected() {
        String html = markdown.render("""
                # Harvest

                We picked **forty** kilos of *plums*. See [the market](https://market.example/plums) or [our page](/about/).

                - bread
                - honey

                | stall | items |
                |---|---|
                | bakery | 12 |

                ```java
                var x = 1 < 2;
                ```
                """);

        assertThat(html).contains("<h1>Harvest</h1>").contains("<strong>forty</strong>").contains("<em>plums</em>")
                .contains("<li>bread</li>").contains("<table>").contains("<td>bakery</td>")
                .contains("<code class=\"language-java\">var x &#61; 1 &lt; 2;")
                .containsPattern("<a href=\"https://market.example/plums\" rel=\"nofollow noopener\">")
                .contains("href=\"/about/\"");
    }

    /** An element as parsed: its name and attributes, values with character references decoded. */
    private record Element(String name, Map<String, String> attributes) {
    }

    /** {@code html} as the JDK's HTML parser reads it: every element, in order (the implied html, head and body too). */
    private static List<Element> parse(String html) {
        List<Element> elements = new ArrayList<>();
        HTMLEditorKit.ParserCallback callback = new HTMLEditorKit.ParserCallback() {
            @Override
            public void handleStartTag(HTML.Tag tag, MutableAttributeSet attributes, int position) {
                add(tag, attributes);
            }

            @Override
            public void handleSimpleTag(HTML.Tag tag, MutableAttributeSet attributes, int position) {
                if (attributes.getAttribute(HTML.Attribute.ENDTAG) == null) {
                    add(tag, attributes);
                }
            }

            private void add(HTML.Tag tag, MutableAttributeSet attributes) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Enumeration<?> names = attributes.getAttributeNames(); names.hasMoreElements();) {
                    Object name = names.nextElement();
                    if (name != IMPLIED) {
                        values.put(name.toString().toLowerCase(Locale.ROOT), String.valueOf(attributes.getAttribute(name)));
                    }
                }
                elements.add(new Element(tag.toString().toLowerCase(Locale.ROOT), values));
            }
        };
        try {
            new ParserDelegator().parse(new StringReader(html), callback, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return elements;
    }

    /** An attribute as a browser takes it for a URL: without the whitespace and control characters it skips. */
    private static String asUrl(String value) {
        return value.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
    }
}
