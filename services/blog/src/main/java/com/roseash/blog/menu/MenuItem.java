package com.roseash.blog.menu;

/** One entry of the site navigation. */
public record MenuItem(String label, String url) {
}
