package com.roseash.platform.web;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.UUID;

import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * 4xx and 5xx answers as pages in the layout. A 4xx says what was wrong with the request; a 5xx shows
 * an incident id that is also in the log, never a stack trace.
 */
public final class ErrorPages {

    private static final System.Logger LOG = System.getLogger(ErrorPages.class.getName());

    private final PageRenderer renderer;

    public ErrorPages(PageRenderer renderer) {
        this.renderer = renderer;
    }

    /** Error handlers for the public routing, and the 404 page for every path no route claimed. */
    public void install(HttpRouting.Builder routing) {
        routing.error(HttpException.class, (request, response, e) -> {
            Status status = e.status();
            if (status.code() >= 500) {
                internalError(request, response, e);
            } else {
                render(request, response, status, reasonFor(status, e.getMessage()));
            }
        });
        routing.error(Throwable.class, this::internalError);
    }

    /** Registered last: whatever no route claimed is a 404 page. */
    public void installNotFound(HttpRouting.Builder routing) {
        routing.any((request, response) -> render(request, response, Status.NOT_FOUND_404,
                "There is no page at " + request.path().path() + "."));
    }

    public void render(ServerRequest request, ServerResponse response, Status status, String message) {
        renderer.renderStatus(request, response, status, new Page(heading(status), "error",
                Map.of("status", status.code(), "heading", heading(status), "message", message)));
    }

    private void internalError(ServerRequest request, ServerResponse response, Throwable e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.ERROR, "Incident " + incident + " on " + request.prologue().method().text() + " "
                + request.path().path(), e);
        if (response.isSent()) {
            return;
        }
        try {
            render(request, response, Status.INTERNAL_SERVER_ERROR_500,
                    "Something went wrong on our side. If it keeps happening, quote incident " + incident + ".");
        } catch (RuntimeException renderFailure) {
            LOG.log(Level.ERROR, "Incident " + incident + ": the error page failed too", renderFailure);
            response.status(Status.INTERNAL_SERVER_ERROR_500).send("Internal error, incident " + incident);
        }
    }

    private static String reasonFor(Status status, String message) {
        if (message == null || message.isBlank() || message.equals(status.reasonPhrase())) {
            return status == Status.NOT_FOUND_404 ? "There is no such page." : status.reasonPhrase() + ".";
        }
        return message;
    }

    private static String heading(Status status) {
        return switch (status.code()) {
            case 400 -> "Bad request";
            case 403 -> "Forbidden";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 500 -> "Something went wrong";
            case 503 -> "Temporarily unavailable";
            default -> status.reasonPhrase();
        };
    }
}
