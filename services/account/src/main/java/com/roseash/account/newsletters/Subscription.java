package com.roseash.account.newsletters;

/** An address on a list, and where its double opt-in stands. */
public record Subscription(long id, long newsletterId, String newsletterName, String email, String state) {

    public boolean confirmed() {
        return state.equals("confirmed");
    }
}
