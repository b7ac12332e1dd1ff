package com.roseash.blog.feed;

import com.roseash.blog.embeds.CardEmbeds;
import com.roseash.blog.posts.EntryRepository;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code /feed.xml}: the Atom feed, a group of one route mounted at {@link #MOUNT}. */
public final class FeedRoutes implements HttpService {

    public static final String MOUNT = "/feed.xml";

    private final EntryRepository entries;
    private final AtomFeed feed;
    private final int size;
    private final CardEmbeds embeds;

    public FeedRoutes(EntryRepository entries, AtomFeed feed, int size, CardEmbeds embeds) {
        this.entries = entries;
        this.feed = feed;
        this.size = size;
        this.embeds = embeds;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, "application/atom+xml; charset=UTF-8");
            // A feed reader gets a link for each product a post shows, not its card with a cart form.
            response.send(feed.render(entries.latestPosts(size).stream()
                    .map(post -> post.withHtml(embeds.withLinks(post.html()))).toList()));
        });
    }
}
