package com.roseash.platform.events;

/** An event that cannot be read or stored as one; the message says why, for a 400's detail. */
public final class MalformedEventException extends IllegalArgumentException {

    public MalformedEventException(String message) {
        super(message);
    }
}
