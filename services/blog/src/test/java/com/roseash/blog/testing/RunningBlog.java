package com.roseash.blog.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.roseash.blog.BlogService;
import com.roseash.platform.testing.TestServices;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.server.RunningService;

/** The blog service started in-process the way the stack starts it, on free loopback ports, with demo content. */
public final class RunningBlog implements AutoCloseable {

    public final RunningService service;
    public final DatabaseSettings database;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public RunningBlog(String redisUrl, Map<String, String> extra) {
        database = BlogDatabase.migrated();
        BlogService.loadDemoContentIfEmpty(database);
        Map<String, String> overrides = TestServices.overrides(database, redisUrl);
        overrides.putAll(extra);
        service = BlogService.start(overrides);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(URI.create("http://127.0.0.1:" + service.publicPort() + path), headers);
    }

    public HttpResponse<String> internal(String path) {
        return send(URI.create("http://127.0.0.1:" + service.internalPort() + path));
    }

    public HttpResponse<String> admin(String path) {
        return send(URI.create("http://127.0.0.1:" + service.adminPort() + path));
    }

    private HttpResponse<String> send(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + uri + " failed", e);
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
