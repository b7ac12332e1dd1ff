package com.roseash.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.helidon.common.Weighted;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * Static files: htmx from its webjar (never a CDN), and the platform's own script and stylesheet from
 * the classpath folder {@code static/}. A service adds its files to the same folder. Mounted before the
 * service's route groups (higher weight), so no page pattern can shadow a file.
 */
public final class StaticAssets implements HttpFeature, Weighted {

    public static final double WEIGHT = 500;
    public static final String HTMX_PATH = "/static/vendor/htmx.min.js";

    @Override
    public double weight() {
        return WEIGHT;
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.register("/static/vendor", StaticContentService.create(
                "META-INF/resources/webjars/htmx.org/" + htmxVersion() + "/dist"));
        routing.register("/static", StaticContentService.create("static"));
    }

    /** The webjar's version, read from its Maven metadata so an upgrade is a one-line POM change. */
    public static String htmxVersion() {
        try (InputStream in = StaticAssets.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/htmx.org/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The htmx.org webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
