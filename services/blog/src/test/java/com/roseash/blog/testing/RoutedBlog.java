package com.roseash.blog.testing;

import java.net.http.HttpResponse;

import com.roseash.blog.BlogService;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.testing.RoutedClient;
import com.roseash.platform.testing.RoutedService;
import com.roseash.platform.testing.TestServices;

/**
 * The blog as {@link BlogService#parts} builds it, with the demo content, reached through its routing
 * without sockets: what {@code start} would serve, minus the server. Page tests use it; {@code BlogServiceTest}
 * is the one that starts the blog on its three sockets.
 */
public final class RoutedBlog implements AutoCloseable {

    public final DatabaseSettings database;
    private final RoutedService blog;

    public RoutedBlog(String redisUrl) {
        this(redisUrl, BlogDatabase.migrated());
    }

    /** Another replica of a blog whose database is {@code database}. */
    public RoutedBlog(String redisUrl, DatabaseSettings database) {
        this.database = database;
        BlogService.loadDemoContentIfEmpty(database);
        blog = new RoutedService(BlogService.parts(TestServices.overrides(database, redisUrl)));
    }

    /** A page on the public routing, as one reader who keeps cookies across calls. */
    public HttpResponse<String> get(String path, String... headers) {
        return blog.get(path, headers);
    }

    /** A call to the internal routing (fragments), as another service makes it. */
    public HttpResponse<String> internal(String path) {
        return blog.internal(path);
    }

    /** A new visitor with no cookies yet. */
    public RoutedClient visitor() {
        return blog.visitor();
    }

    @Override
    public void close() {
        blog.close();
    }
}
