package com.roseash.platform.markdown;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitizerTest {

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
    }

    @Test
    void markdownLinksToScriptsAndRawHtmlAreNeutralised() {
        String html = markdown.render("""
                [click](javascript:alert(1)) and <img src=x onerror="alert(1)">

                <script>alert('raw block')</script>
                """);

        assertThat(html).doesNotContain("javascript:").doesNotContain("onerror").doesNotContain("<script");
        assertThat(html).contains("click");
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
}
