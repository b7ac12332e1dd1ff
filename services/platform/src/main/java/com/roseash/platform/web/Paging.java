package com.roseash.platform.web;

import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/** The {@code ?page=} of a paginated list: a bad number is the visitor's 400, a page past the end a 404. */
public final class Paging {

    private Paging() {
    }

    /** The requested page, numbered from 1; 1 when the query names none. */
    public static int pageNumber(ServerRequest request) {
        String raw = request.query().first("page").orElse("1");
        try {
            int page = Integer.parseInt(raw);
            if (page < 1) {
                throw badRequest("page must be 1 or more, got " + raw);
            }
            return page;
        } catch (NumberFormatException e) {
            throw badRequest("page must be a whole number, got '" + raw + "'");
        }
    }

    /** A 400 whose message is shown to the visitor (as {@code ErrorResponses.badRequest}, which sits above this package). */
    private static HttpException badRequest(String detail) {
        return new HttpException(detail, Status.BAD_REQUEST_400, true);
    }

    /** Refuses a page past the last (the first page of an empty list exists). */
    public static <T> PageOf<T> requireExists(PageOf<T> page) {
        if (page.page() > page.totalPages()) {
            throw new NotFoundException("There is no page " + page.page() + "; the last is " + page.totalPages() + ".");
        }
        return page;
    }
}
