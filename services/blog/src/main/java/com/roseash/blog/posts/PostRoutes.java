package com.roseash.blog.posts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.roseash.blog.embeds.CardEmbeds;
import com.roseash.blog.embeds.UpcomingEvents;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageOf;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Paging;
import com.roseash.platform.web.Slugs;
import com.roseash.platform.web.TrailingSlash;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The reader's pages: the home page (newest posts, paginated), a post, a tag's posts, and pages such as
 * About at the top level. Links are relative where they can be, and every one stays boosted. Mounted at the
 * root; its catch-all {@code /{slug}/} sees only paths no other group's prefix claims.
 */
public final class PostRoutes implements HttpService {

    private final EntryRepository entries;
    private final TagRepository tags;
    private final PageRenderer renderer;
    private final int pageSize;
    private final CardEmbeds embeds;
    private final UpcomingEvents upcoming;

    public PostRoutes(EntryRepository entries, TagRepository tags, PageRenderer renderer, int pageSize,
                      CardEmbeds embeds, UpcomingEvents upcoming) {
        this.upcoming = upcoming;
        this.entries = entries;
        this.tags = tags;
        this.renderer = renderer;
        this.pageSize = pageSize;
        this.embeds = embeds;
    }

    /** View of a list item: the summary plus what the template cannot compute. */
    record ListItem(EntrySummary summary, String base, String publishedIso, String publishedHuman, boolean hasTags) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::home)
                .get("/posts/{slug}/", this::post)
                .get("/posts/{slug}", TrailingSlash::redirect)
                .get("/tag/{slug}/", this::tag)
                .get("/tag/{slug}", TrailingSlash::redirect)
                .get("/{slug}/", this::page);
    }

    private void home(ServerRequest request, ServerResponse response) {
        int page = Paging.pageNumber(request);
        renderer.renderShared(request, response, () -> {
            PageOf<EntrySummary> posts = entries.publishedPosts(page, pageSize);
            Paging.requireExists(posts);
            Map<String, Object> model = new HashMap<>(listModel(posts, ""));
            if (page == 1) {
                // Inside the shared render, cached with the page: the list is the same for every reader.
                model.put("upcomingEvents", upcoming.html());
            }
            return new Page(page == 1 ? "" : "Page " + page, "blog/home", model);
        });
    }

    private void tag(ServerRequest request, ServerResponse response) {
        String slug = Slugs.fromPath(request, "tag");
        int page = Paging.pageNumber(request);
        renderer.renderShared(request, response, () -> {
            Tag tag = tags.bySlug(slug).orElseThrow(() -> new NotFoundException("There is no tag " + slug + "."));
            PageOf<EntrySummary> posts = entries.publishedPostsTagged(slug, page, pageSize);
            Paging.requireExists(posts);
            Map<String, Object> model = new HashMap<>(listModel(posts, "../../"));
            model.put("tag", tag);
            return new Page("#" + tag.name(), "blog/tag", model);
        });
    }

    private void post(ServerRequest request, ServerResponse response) {
        entry(request, response, Kind.POST, "blog/post");
    }

    private void page(ServerRequest request, ServerResponse response) {
        entry(request, response, Kind.PAGE, "blog/page");
    }

    private void entry(ServerRequest request, ServerResponse response, Kind kind, String template) {
        String slug = Slugs.fromPath(request, kind.dbValue());
        renderer.renderShared(request, response, () -> {
            Entry stored = entries.published(kind, slug)
                    .orElseThrow(() -> new NotFoundException("There is no " + kind.dbValue() + " called " + slug + "."));
            // Inside the shared render: the cards carry nothing per visitor, and are cached with the page.
            Entry entry = stored.withHtml(embeds.withCards(stored.html()));
            return new Page(entry.title(), template, Map.of("entry", entry,
                    "publishedIso", Dates.iso(entry.publishedAt()), "publishedHuman", Dates.human(entry.publishedAt()),
                    "hasTags", !entry.tags().isEmpty()));
        });
    }

    private static Map<String, Object> listModel(PageOf<EntrySummary> posts, String base) {
        List<ListItem> items = posts.items().stream()
                .map(s -> new ListItem(s, base, Dates.iso(s.publishedAt()), Dates.human(s.publishedAt()), !s.tags().isEmpty()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("posts", posts);
        model.put("items", items);
        if (posts.hasPrevious()) {
            model.put("previousPage", posts.page() - 1);
        }
        if (posts.hasNext()) {
            model.put("nextPage", posts.page() + 1);
        }
        return model;
    }
}
