package com.roseash.blog.ghost;

import java.util.List;

/** Ghost content that cannot be imported; every problem is named by its place in the input. */
public final class GhostImportException extends RuntimeException {

    private final List<String> problems;

    public GhostImportException(List<String> problems) {
        super("Ghost content rejected, nothing was imported: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public GhostImportException(String problem, Throwable cause) {
        super("Ghost content rejected, nothing was imported: " + problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
