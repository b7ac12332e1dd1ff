package com.roseash.blog.feed;

import com.roseash.blog.posts.EntryRepository;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;

/** {@code /feed.xml}: the Atom feed. */
public final class FeedRoutes {

    private final EntryRepository entries;
    private final AtomFeed feed;
    private final int size;

    public FeedRoutes(EntryRepository entries, AtomFeed feed, int size) {
        this.entries = entries;
        this.feed = feed;
        this.size = size;
    }

    public void install(HttpRouting.Builder routing) {
        routing.get("/feed.xml", (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, "application/atom+xml; charset=UTF-8");
            response.send(feed.render(entries.latestPosts(size)));
        });
    }
}
