package com.roseash.platform.errors;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.roseash.platform.web.Boost;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import com.roseash.platform.web.SecurityHeaders;
import io.helidon.common.Weighted;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * 4xx and 5xx answers in the form the client reads ({@link ResponseFormat}): a page in the layout for
 * browsers, {@code application/problem+json} for API clients, and always JSON on the internal socket. A 4xx
 * says what was wrong with the request; a 5xx shows an incident id that is also in the log, never the
 * exception's message or a stack trace.
 */
public final class ErrorResponses implements HttpFeature, Weighted {

    /**
     * The lowest weight: its catch-all 404 must come after every route group (docs/platform.md, "Features and
     * their weights").
     */
    public static final double WEIGHT = 10;
    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

    private final Optional<PageRenderer> pages;

    private ErrorResponses(Optional<PageRenderer> pages) {
        this.pages = pages;
    }

    /** The public socket: pages for browsers, problem+json for the rest. */
    public static ErrorResponses pagesOrJson(PageRenderer renderer) {
        return new ErrorResponses(Optional.of(renderer));
    }

    /** The internal socket: only services call it, so always problem+json. */
    public static ErrorResponses jsonOnly() {
        return new ErrorResponses(Optional.empty());
    }

    /**
     * A 400 with {@code detail} for the client, keeping the connection open. Helidon's own
     * {@code BadRequestException} reaches this feature too since Helidon 4.5 (4.1 answered it itself, in plain
     * text, without calling any error handler); {@code ServiceServerTest} holds both.
     */
    public static HttpException badRequest(String detail) {
        return new HttpException(detail, Status.BAD_REQUEST_400, true);
    }

    @Override
    public double weight() {
        return WEIGHT;
    }

    /** Error handlers for the routing, and a 404 for every path no route claimed. */
    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.error(HttpException.class, (request, response, e) -> {
            Status status = e.status();
            if (status.code() >= 500) {
                internalError(request, response, e);
            } else {
                render(request, response, status, reasonFor(status, e.getMessage()));
            }
        });
        routing.error(Throwable.class, this::internalError);
        routing.any((request, response) -> render(request, response, Status.NOT_FOUND_404,
                "There is no page at " + request.path().absolute().path() + "."));
    }

    /**
     * Answers for what Helidon refuses before routing (a request line or headers it cannot parse, an overlong
     * address, too large headers): the same choice of a page in the layout or problem+json, from the headers when
     * Helidon got as far as reading them, else a page (a refused address is likelier typed or pasted into a browser than
     * sent by a client of ours), with a fixed reason per status (never the request echoed back). Each carries
     * {@code X-Content-Type-Options}; see {@link #directHandlers(SecurityHeaders)} for the public socket.
     */
    public DirectHandlers directHandlers() {
        return directHandlers(Map.of(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff"));
    }

    /** {@link #directHandlers()} whose answers carry the public socket's security headers, as every public answer does. */
    public DirectHandlers directHandlers(SecurityHeaders security) {
        return directHandlers(security.everyAnswer());
    }

    private DirectHandlers directHandlers(Map<HeaderName, String> securityHeaders) {
        DirectHandler handler = (request, event, status, headers, message) -> {
            String detail = directReason(status);
            boolean page = pages.isPresent()
                    && (headersUnread(request) || ResponseFormat.of(request.headers()) == ResponseFormat.PAGE);
            String body = page
                    ? pages.get().standalone(new Page(heading(status), "error",
                            Map.of("status", status.code(), "heading", heading(status), "message", detail)))
                    : ProblemDetails.of(status, detail).toJson();
            DirectHandler.TransportResponse.Builder response = DirectHandler.TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .header(HeaderNames.CONTENT_TYPE, page ? "text/html; charset=UTF-8" : ProblemDetails.MEDIA_TYPE);
            securityHeaders.forEach(response::header);
            return response.keepAlive(false).entity(body).build();
        };
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    /** Every HTTP/1.1 request names its Host: without one, Helidon refused the request line before reading headers. */
    private static boolean headersUnread(DirectHandler.TransportRequest request) {
        return !request.headers().contains(HeaderNames.HOST);
    }

    private static String directReason(Status status) {
        return switch (status.code()) {
            case 400 -> "The request is malformed: its address, headers or body could not be read.";
            case 413 -> "The request is too large.";
            case 414 -> "The address is too long.";
            case 431 -> "The request's headers are too large.";
            default -> status.code() >= 500 ? "Something went wrong on our side." : status.reasonPhrase() + ".";
        };
    }

    /** Answers {@code status} with {@code detail}, which the client sees: never put an exception's message here. */
    public void render(ServerRequest request, ServerResponse response, Status status, String detail) {
        request.context().get(SecurityHeaders.class).ifPresent(headers -> headers.applyTo(request, response));
        if (pages.isPresent() && ResponseFormat.of(request) == ResponseFormat.PAGE) {
            response.headers().add(Boost.VARY, "Accept");
            pages.get().renderStatus(request, response, status, new Page(heading(status), "error",
                    Map.of("status", status.code(), "heading", heading(status), "message", detail)));
            return;
        }
        if (pages.isPresent()) {
            response.headers().add(Boost.VARY, "Accept");
        }
        response.status(status)
                .header(HeaderNames.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE)
                .send(ProblemDetails.of(status, detail).toJson());
    }

    private void internalError(ServerRequest request, ServerResponse response, Throwable e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.ERROR, "Incident " + incident + " on " + request.prologue().method().text() + " "
                + request.path().absolute().path(), e);
        if (response.isSent()) {
            return;
        }
        String detail = "Something went wrong on our side. If it keeps happening, quote incident " + incident + ".";
        try {
            render(request, response, Status.INTERNAL_SERVER_ERROR_500, detail);
        } catch (RuntimeException renderFailure) {
            LOG.log(Level.ERROR, "Incident " + incident + ": the error page failed too", renderFailure);
            response.status(Status.INTERNAL_SERVER_ERROR_500)
                    .header(HeaderNames.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE)
                    .send(ProblemDetails.of(Status.INTERNAL_SERVER_ERROR_500, detail).toJson());
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
            case 413 -> "Request too large";
            case 414 -> "Address too long";
            case 415 -> "Unsupported form";
            case 500 -> "Something went wrong";
            case 503 -> "Temporarily unavailable";
            default -> status.reasonPhrase();
        };
    }
}
