package com.roseash.blog.feed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.roseash.blog.posts.Entry;
import com.roseash.blog.posts.Kind;
import com.roseash.blog.posts.TagRef;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

class AtomFeedTest {

    @Test
    void aFeedReaderFindsEveryPostWithItsLinkDatesAndEscapedContent() throws Exception {
        Entry older = new Entry(Kind.POST, "apple-day", "Apple day", "<p>Forty varieties</p>", "Apples & pears",
                null, Instant.parse("2026-09-12T11:00:00Z"), Instant.parse("2026-09-13T08:00:00Z"), "Maren Holt",
                List.of(new TagRef("garden", "Garden")));
        Entry newer = new Entry(Kind.POST, "bread", "Bread <workshop> & \"more\"", "<p>Sourdough &amp; rye</p>", "",
                null, Instant.parse("2026-10-14T12:00:00Z"), null, "", List.of());

        String xml = new AtomFeed("Rose Ash", "https://blog.coop.example/").render(List.of(newer, older));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(text(root, "title")).isEqualTo("Rose Ash");
        assertThat(text(root, "updated")).isEqualTo("2026-10-14T12:00:00Z");

        var entries = root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(2);
        Element first = (Element) entries.item(0);
        assertThat(text(first, "title")).isEqualTo("Bread <workshop> & \"more\"");
        assertThat(text(first, "id")).isEqualTo("https://blog.coop.example/posts/bread/");
        assertThat(text(first, "content")).isEqualTo("<p>Sourdough &amp; rye</p>");
        assertThat(text(first, "name")).as("author falls back to the site").isEqualTo("Rose Ash");
        Element second = (Element) entries.item(1);
        assertThat(text(second, "summary")).isEqualTo("Apples & pears");
        assertThat(text(second, "updated")).isEqualTo("2026-09-13T08:00:00Z");
        assertThat(((Element) second.getElementsByTagNameNS("*", "category").item(0)).getAttribute("term")).isEqualTo("garden");
        Element link = (Element) second.getElementsByTagNameNS("*", "link").item(0);
        assertThat(link.getAttribute("href")).isEqualTo("https://blog.coop.example/posts/apple-day/");
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }
}
