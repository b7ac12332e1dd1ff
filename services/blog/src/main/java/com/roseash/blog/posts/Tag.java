package com.roseash.blog.posts;

/** A tag with the number of published posts carrying it. */
public record Tag(String slug, String name, String description, long postCount) {
}
