package com.roseash.account.newsletters;

/** A newsletter list. */
public record Newsletter(long id, String slug, String name, String description, long subscribers) {
}
