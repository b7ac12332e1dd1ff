package com.roseash.account.newsletters;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.roseash.platform.auth.Roles;
import com.roseash.platform.markdown.MarkdownRenderer;
import com.roseash.platform.web.FormData;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.Slugs;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Admins' newsletter pages: create lists, write an issue in Markdown (rendered and sanitised for its HTML part,
 * the Markdown itself its plain-text part), preview it, send it, and watch the send's progress.
 */
public final class NewsletterEditorRoutes implements HttpService {

    public static final String MOUNT = "/editor/newsletters";

    private final NewsletterRepository newsletters;
    private final MarkdownRenderer markdown;
    private final PageRenderer renderer;
    private final Roles roles;
    private final Runnable sendNow;

    /** @param sendNow starts a sender pass at once, rather than at its next interval */
    public NewsletterEditorRoutes(NewsletterRepository newsletters, MarkdownRenderer markdown, PageRenderer renderer,
                                  Roles roles, Runnable sendNow) {
        this.newsletters = newsletters;
        this.markdown = markdown;
        this.renderer = renderer;
        this.roles = roles;
        this.sendNow = sendNow;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", admins((req, res) -> list(req, res, Status.OK_200, Map.of(), Map.of())))
                .post("/lists", admins(this::createList))
                .post("/issues", admins(this::createIssue))
                .get("/issues/{id}/", admins(this::issue))
                .post("/issues/{id}/send", admins(this::send));
    }

    private Handler admins(Handler handler) {
        return roles.require("admin", handler);
    }

    private void list(ServerRequest request, ServerResponse response, Status status, Map<String, String> problems,
                      Map<String, String> form) {
        renderer.renderStatus(request, response, status, new Page("Newsletters editor", "account/newsletters/editor",
                Map.of("newsletters", newsletters.all(), "issues", newsletters.issues(), "problems", problems, "form", form)));
    }

    private void createList(ServerRequest request, ServerResponse response) {
        Parameters form = FormData.of(request);
        String name = form.first("name").orElse("").strip();
        String slug = Slugs.slugify(name);
        String description = form.first("description").orElse("").strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.isEmpty() || name.length() > 120 || !Slugs.isValid(slug)) {
            problems.put("name", "A list needs a name of 1 to 120 characters, with a letter or digit.");
        } else if (description.length() > 1000) {
            problems.put("description", "A description is at most 1,000 characters.");
        } else if (!newsletters.create(slug, name, description)) {
            problems.put("name", "There is a list called that already.");
        }
        if (!problems.isEmpty()) {
            list(request, response, Status.BAD_REQUEST_400, problems, Map.of("name", name, "description", description));
            return;
        }
        NewsletterRoutes.redirect(response, MOUNT + "/");
    }

    private void createIssue(ServerRequest request, ServerResponse response) {
        Parameters form = FormData.of(request);
        String list = form.first("newsletter").orElse("");
        String subject = form.first("subject").orElse("").strip();
        String body = form.first("markdown").orElse("");
        Map<String, String> problems = new LinkedHashMap<>();
        var newsletter = newsletters.bySlug(list);
        if (newsletter.isEmpty()) {
            problems.put("newsletter", "Choose one of the lists.");
        }
        if (subject.isEmpty() || subject.length() > 200 || subject.contains("\n")) {
            problems.put("subject", "A subject is one line of 1 to 200 characters.");
        }
        if (body.isBlank() || body.length() > 100_000) {
            problems.put("markdown", "An issue needs a text of at most 100,000 characters.");
        }
        if (!problems.isEmpty()) {
            list(request, response, Status.BAD_REQUEST_400, problems, Map.of("subject", subject, "markdown", body));
            return;
        }
        long id = newsletters.createIssue(newsletter.orElseThrow().id(), subject, body, markdown.render(body));
        NewsletterRoutes.redirect(response, MOUNT + "/issues/" + id + "/");
    }

    private void issue(ServerRequest request, ServerResponse response) {
        Issue issue = find(request);
        Map<String, Object> model = new HashMap<>();
        model.put("issue", issue);
        renderer.render(request, response, new Page(issue.subject(), "account/newsletters/issue", model));
    }

    private void send(ServerRequest request, ServerResponse response) {
        Issue issue = find(request);
        if (newsletters.startSending(issue.id())) {
            sendNow.run();
        }
        NewsletterRoutes.redirect(response, MOUNT + "/issues/" + issue.id() + "/");
    }

    private Issue find(ServerRequest request) {
        String raw = request.path().pathParameters().get("id");
        try {
            return newsletters.issue(Long.parseLong(raw)).orElseThrow(() -> new NotFoundException("There is no such issue."));
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is nothing at " + raw + ".");
        }
    }
}
