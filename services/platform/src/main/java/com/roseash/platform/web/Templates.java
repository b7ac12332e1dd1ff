package com.roseash.platform.web;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

/**
 * Mustache templates from the classpath folder {@code templates/}: the platform ships the layout and
 * the error page, each service its own pages. {@code {{x}}} escapes HTML; {@code {{{x}}}} is for HTML we
 * produced or sanitised ourselves.
 */
public final class Templates {

    private final MustacheFactory factory = new DefaultMustacheFactory("templates");

    /** Renders {@code name} (without the {@code .mustache} suffix); later scopes win over earlier ones. */
    public String render(String name, Object... scopes) {
        Mustache mustache = factory.compile(name + ".mustache");
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, List.of(scopes)).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
