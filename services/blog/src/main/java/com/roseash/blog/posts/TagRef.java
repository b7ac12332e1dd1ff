package com.roseash.blog.posts;

/** A tag as shown next to a post. */
public record TagRef(String slug, String name) {
}
