package com.roseash.blog.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.roseash.blog.menu.MenuItem;
import com.roseash.blog.menu.MenuRepository;
import com.roseash.platform.auth.Roles;
import com.roseash.platform.cache.PageCache;
import com.roseash.platform.db.Transactions;
import com.roseash.platform.markdown.MarkdownRenderer;
import com.roseash.platform.web.FormData;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import io.helidon.common.parameters.Parameters;
import io.helidon.dbclient.DbClient;
import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The editor, for editors only: write, preview, publish and unpublish posts and pages, and edit the
 * menu. Every change empties the page cache, so readers see it at once. Mounted at {@link #MOUNT}; the
 * templates link to the absolute {@code /editor/...} paths.
 */
public final class EditorRoutes implements HttpService {

    public static final String MOUNT = "/editor";

    private final EditorRepository entries;
    private final DbClient db;
    private final MenuRepository menu;
    private final MarkdownRenderer markdown;
    private final PageRenderer renderer;
    private final PageCache pages;
    private final Roles roles;

    public EditorRoutes(EditorRepository entries, DbClient db, MenuRepository menu, MarkdownRenderer markdown,
                        PageRenderer renderer, PageCache pages, Roles roles) {
        this.entries = entries;
        this.db = db;
        this.menu = menu;
        this.markdown = markdown;
        this.renderer = renderer;
        this.pages = pages;
        this.roles = roles;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", editors(this::list))
                .get("/new", editors(this::newForm))
                .post("/new", editors(this::create))
                .get("/menu", editors((req, res) -> menuForm(req, res, Status.OK_200, menuText(menu.items()), "")))
                .post("/menu", editors(this::saveMenu))
                .get("/{id}/", editors(this::editForm))
                .post("/{id}/", editors(this::save));
    }

    private Handler editors(Handler handler) {
        return roles.require("editor", handler);
    }

    private void list(ServerRequest request, ServerResponse response) {
        renderer.render(request, response, new Page("Editor", "blog/editor/list", Map.of("entries", entries.all())));
    }

    private void newForm(ServerRequest request, ServerResponse response) {
        String kind = kind(request.query().first("kind").orElse("post"));
        form(request, response, Status.OK_200, Map.of("kind", kind, "isNew", true, "entry", Map.of("kind", kind)));
    }

    private void create(ServerRequest request, ServerResponse response) {
        Parameters fields = FormData.of(request);
        String kind = kind(fields.first("kind").orElse("post"));
        EntryDraft draft = EntryDraft.from(fields, kind);
        Map<String, String> problems = new HashMap<>(draft.problems());
        if (problems.isEmpty()) {
            var id = entries.create(draft);
            if (id.isPresent()) {
                if ("publish".equals(fields.first("action").orElse(""))) {
                    entries.publish(id.get());
                }
                pages.clear();
                redirect(response, MOUNT + "/" + id.get() + "/");
                return;
            }
            problems.put("slug", "Another " + kind + " has this address already.");
        }
        form(request, response, Status.BAD_REQUEST_400,
                Map.of("kind", kind, "isNew", true, "entry", draft, "problems", problems));
    }

    private void editForm(ServerRequest request, ServerResponse response) {
        EditableEntry entry = entry(request);
        form(request, response, Status.OK_200, Map.of("kind", entry.kind(), "entry", entry, "id", entry.id(),
                "published", entry.published(), "preview", entry.html()));
    }

    private void save(ServerRequest request, ServerResponse response) {
        EditableEntry existing = entry(request);
        Parameters fields = FormData.of(request);
        String action = fields.first("action").orElse("save");
        if (action.equals("unpublish")) {
            entries.unpublish(existing.id());
            pages.clear();
            redirect(response, MOUNT + "/" + existing.id() + "/");
            return;
        }
        EntryDraft draft = EntryDraft.from(fields, existing.kind());
        Map<String, String> problems = new HashMap<>(draft.problems());
        if (action.equals("preview") || !problems.isEmpty()) {
            Map<String, Object> model = new HashMap<>(Map.of("kind", existing.kind(), "entry", draft, "id", existing.id(),
                    "published", existing.published(), "preview", markdown.render(draft.markdown()), "previewing", true));
            model.put("problems", problems);
            form(request, response, problems.isEmpty() ? Status.OK_200 : Status.BAD_REQUEST_400, model);
            return;
        }
        if (!entries.update(existing.id(), draft)) {
            form(request, response, Status.BAD_REQUEST_400, Map.of("kind", existing.kind(), "entry", draft, "id", existing.id(),
                    "problems", Map.of("slug", "Another " + existing.kind() + " has this address already.")));
            return;
        }
        if (action.equals("publish")) {
            entries.publish(existing.id());
        }
        pages.clear();
        redirect(response, MOUNT + "/" + existing.id() + "/");
    }

    private void saveMenu(ServerRequest request, ServerResponse response) {
        String text = FormData.of(request).first("menu").orElse("");
        List<MenuItem> items = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int bar = line.indexOf('|');
            String label = bar < 0 ? "" : line.substring(0, bar).strip();
            String url = bar < 0 ? "" : line.substring(bar + 1).strip();
            if (label.isEmpty() || !(url.startsWith("/") || url.startsWith("https://") || url.startsWith("http://"))) {
                menuForm(request, response, Status.BAD_REQUEST_400, text,
                        "Line " + (i + 1) + " must read \"Label | /path\" or \"Label | https://...\".");
                return;
            }
            items.add(new MenuItem(label, url));
        }
        Transactions.inTransaction(db, tx -> MenuRepository.replace(tx, items));
        pages.clear();
        redirect(response, MOUNT + "/menu");
    }

    private void form(ServerRequest request, ServerResponse response, Status status, Map<String, Object> model) {
        renderer.renderStatus(request, response, status, new Page("Edit", "blog/editor/form", model));
    }

    private void menuForm(ServerRequest request, ServerResponse response, Status status, String text, String problem) {
        renderer.renderStatus(request, response, status, new Page("Menu", "blog/editor/menu",
                Map.of("menu", text, "problem", problem)));
    }

    private EditableEntry entry(ServerRequest request) {
        String raw = request.path().pathParameters().get("id");
        try {
            return entries.byId(Long.parseLong(raw)).orElseThrow(() -> new NotFoundException("There is no entry " + raw + "."));
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no entry " + raw + ".");
        }
    }

    private static String kind(String requested) {
        return "page".equals(requested) ? "page" : "post";
    }

    private static String menuText(List<MenuItem> items) {
        StringBuilder text = new StringBuilder();
        items.forEach(item -> text.append(item.label()).append(" | ").append(item.url()).append('\n'));
        return text.toString();
    }

    private static void redirect(ServerResponse response, String location) {
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }
}
