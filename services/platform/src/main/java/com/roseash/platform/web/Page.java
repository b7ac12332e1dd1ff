package com.roseash.platform.web;

/**
 * What a handler returns: the title and the template that renders into {@code #content}.
 *
 * @param title    page title, without the site name
 * @param template template name under {@code templates/}
 * @param model    the template's scope (a record or a map)
 */
public record Page(String title, String template, Object model) {
}
