package com.roseash.market.importing;

/**
 * An import that did not happen, and why, in words an editor can act on: shown as it is on the editor's page,
 * so it names the address and the problem and never carries a stack trace or an internal detail.
 */
public final class ImportRefused extends RuntimeException {

    public ImportRefused(String message) {
        super(message);
    }

    public ImportRefused(String message, Throwable cause) {
        super(message, cause);
    }

    /** The sentence to show the editor. */
    public String message() {
        return getMessage();
    }
}
