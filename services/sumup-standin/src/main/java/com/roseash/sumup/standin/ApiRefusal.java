package com.roseash.sumup.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer in the shapes SumUp's API reference shows for each case (they differ: {@code message} in some,
 * {@code error_message} in others), thrown from anywhere in a request and written by {@link ApiHandler}.
 */
final class ApiRefusal extends RuntimeException {

    private final int status;
    private final transient ObjectNode body;

    private ApiRefusal(int status, ObjectNode body) {
        super(status + " " + body, null, false, false);
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }

    static ApiRefusal missingToken() {
        return new ApiRefusal(401, StandInJson.object().put("message", "access token required")
                .put("error_code", "NOT_AUTHORIZED"));
    }

    static ApiRefusal invalidToken() {
        return new ApiRefusal(401, StandInJson.object().put("error_message", "invalid access token")
                .put("error_code", "NOT_AUTHORIZED"));
    }

    /** SumUp's 403 shape; the stand-in uses it for a checkout asked for a merchant the key is not for. */
    static ApiRefusal forbidden(String message) {
        return new ApiRefusal(403, StandInJson.object().put("error_message", message).put("error_code", "FORBIDDEN")
                .put("status_code", "403"));
    }

    static ApiRefusal missing(String param) {
        return new ApiRefusal(400, StandInJson.object().put("message", "Validation error").put("error_code", "MISSING")
                .put("param", param));
    }

    static ApiRefusal invalid(String param, String message) {
        return new ApiRefusal(400, StandInJson.object().put("message", message).put("error_code", "INVALID")
                .put("param", param));
    }

    static ApiRefusal duplicatedCheckout() {
        return new ApiRefusal(409, StandInJson.object().put("error_code", "DUPLICATED_CHECKOUT")
                .put("message", "Checkout with this checkout reference and pay to email already exists"));
    }

    static ApiRefusal conflict(String message) {
        return new ApiRefusal(409, StandInJson.object().put("error_code", "CONFLICT").put("message", message));
    }

    static ApiRefusal notFound() {
        return new ApiRefusal(404, StandInJson.object().put("error_code", "NOT_FOUND").put("message", "Resource not found"));
    }

    static ApiRefusal methodNotAllowed() {
        return new ApiRefusal(405, StandInJson.object().put("error_code", "METHOD_NOT_ALLOWED")
                .put("message", "Method not allowed"));
    }

    /** The answer {@link SumUpStandIn#failNext} asks for: SumUp having a bad moment. */
    static ApiRefusal outage(int status) {
        return new ApiRefusal(status, StandInJson.object().put("error_code", "INTERNAL_ERROR")
                .put("message", "The stand-in was told to fail this request"));
    }
}
