package com.roseash.platform.visitor;

/** What the layout's account slot shows on a service with sign-in: who is signed in, or where to sign in. */
public record AccountMenu(CurrentUser user, String signInPath) {

    public boolean signedIn() {
        return user != null;
    }
}
