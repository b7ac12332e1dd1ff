package com.roseash.sumup.standin;

/**
 * One request the stand-in's API received, as it arrived: {@code path} includes the query string, and
 * {@code body} is the raw text, so a test can see exactly what was put on the wire (an amount's digits, say).
 */
public record ReceivedRequest(String method, String path, String body) {

    @Override
    public String toString() {
        return method + " " + path;
    }
}
