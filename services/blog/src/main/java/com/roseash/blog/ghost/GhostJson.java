package com.roseash.blog.ghost;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading Ghost's JSON field by field, collecting a problem (with its JSON path) for every field that is
 * missing or of the wrong type, so one run reports everything wrong with the input.
 */
final class GhostJson {

    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    void problem(String path, String what) {
        if (problems.size() < 50) {
            problems.add(path + ": " + what);
        }
    }

    List<JsonNode> array(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path + "." + field, "missing");
            }
            return List.of();
        }
        if (!node.isArray()) {
            problem(path + "." + field, "must be an array");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    String requiredText(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            problem(path + "." + field, "missing");
            return "";
        }
        if (!value.isTextual() && !value.isNumber()) {
            problem(path + "." + field, "must be a string");
            return "";
        }
        return value.asText();
    }

    String optionalText(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            problem(path + "." + field, "must be a string");
            return "";
        }
        return value.asText();
    }

    Optional<Instant> optionalDate(JsonNode node, String field, String path) {
        String text = optionalText(node, field, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                // Older exports write "2019-01-02 10:11:12" in UTC.
                return Optional.of(Instant.parse(text.replace(' ', 'T') + (text.endsWith("Z") ? "" : "Z")));
            } catch (DateTimeParseException again) {
                problem(path + "." + field, "not a date: '" + text + "'");
                return Optional.empty();
            }
        }
    }
}
