package com.roseash.account.newsletters;

/** An issue of a newsletter, with how far its send has got ({@code sent} of {@code total}). */
public record Issue(long id, long newsletterId, String newsletterName, String subject, String markdown, String html,
                    String state, long total, long sent) {

    public boolean draft() {
        return state.equals("draft");
    }

    public boolean sending() {
        return state.equals("sending");
    }
}
