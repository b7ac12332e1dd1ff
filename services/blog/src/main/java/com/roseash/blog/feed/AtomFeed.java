package com.roseash.blog.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.roseash.blog.posts.Entry;

/** The blog's Atom 1.0 feed (RFC 4287) of the newest published posts. */
public final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final String siteName;
    private final String baseUrl;

    /** @param baseUrl the blog's public URL, ending with a slash */
    public AtomFeed(String siteName, String baseUrl) {
        this.siteName = siteName;
        this.baseUrl = baseUrl;
    }

    public String render(List<Entry> posts) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", baseUrl);
            text(xml, "title", siteName);
            Instant updated = posts.stream().map(p -> p.updatedAt() != null ? p.updatedAt() : p.publishedAt())
                    .max(Instant::compareTo).orElse(Instant.EPOCH);
            text(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
            link(xml, "self", baseUrl + "feed.xml", "application/atom+xml");
            link(xml, "alternate", baseUrl, "text/html");
            for (Entry post : posts) {
                String url = baseUrl + "posts/" + post.slug() + "/";
                xml.writeStartElement("entry");
                text(xml, "id", url);
                text(xml, "title", post.title());
                text(xml, "published", DateTimeFormatter.ISO_INSTANT.format(post.publishedAt()));
                text(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(
                        post.updatedAt() != null ? post.updatedAt() : post.publishedAt()));
                link(xml, "alternate", url, "text/html");
                xml.writeStartElement("author");
                text(xml, "name", post.authorName().isBlank() ? siteName : post.authorName());
                xml.writeEndElement();
                for (var tag : post.tags()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", tag.slug());
                    xml.writeAttribute("label", tag.name());
                }
                if (!post.excerpt().isBlank()) {
                    text(xml, "summary", post.excerpt());
                }
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(post.html());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
