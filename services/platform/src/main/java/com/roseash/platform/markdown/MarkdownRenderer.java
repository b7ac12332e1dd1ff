package com.roseash.platform.markdown;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Markdown (CommonMark with GFM tables) to HTML that is safe to put in a page. */
public final class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        var extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).build();
    }

    /** Raw HTML inside the Markdown is allowed through the parser and then cut down by the sanitiser. */
    public String render(String markdown) {
        return HtmlSanitizer.sanitize(renderer.render(parser.parse(markdown == null ? "" : markdown)));
    }
}
