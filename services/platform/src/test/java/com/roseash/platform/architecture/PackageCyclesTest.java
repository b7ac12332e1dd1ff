package com.roseash.platform.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's packages depend on each other in one direction only (docs/platform.md, "Packages"): a cycle
 * means two packages are really one, or a shared piece belongs in a package of its own (as {@code visitor}).
 * Read from the sources' imports, so it needs no library.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/roseash/platform");
    private static final Pattern REFERENCE = Pattern.compile("com\\.roseash\\.platform\\.([a-z0-9]+)\\.");

    @Test
    void platformPackagesHaveNoCycle() {
        Map<String, Set<String>> dependencies = dependencies();
        assertThat(dependencies).containsKeys("web", "auth", "server");

        List<String> cycle = findCycle(dependencies);

        assertThat(cycle).as("a dependency cycle between platform packages, given " + dependencies).isEmpty();
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> cyclic = Map.of("web", Set.of("auth"), "auth", Set.of("errors"), "errors", Set.of("web"));

        assertThat(findCycle(cyclic)).containsExactly("auth", "errors", "web", "auth");
    }

    /** Package name (under com.roseash.platform) to the platform packages its sources import or name. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> uses = dependencies.computeIfAbsent(pkg, p -> new TreeSet<>());
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("package ")) {
                        continue;
                    }
                    Matcher matcher = REFERENCE.matcher(line);
                    while (matcher.find()) {
                        if (!matcher.group(1).equals(pkg)) {
                            uses.add(matcher.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dependencies;
    }

    /** The first cycle found, as the packages along it ending where it started; empty when there is none. */
    static List<String> findCycle(Map<String, Set<String>> dependencies) {
        Set<String> done = new TreeSet<>();
        for (String start : new TreeSet<>(dependencies.keySet())) {
            List<String> cycle = visit(start, dependencies, new ArrayList<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String pkg, Map<String, Set<String>> dependencies, List<String> path, Set<String> done) {
        int seen = path.indexOf(pkg);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(pkg);
            return cycle;
        }
        if (done.contains(pkg)) {
            return List.of();
        }
        path.add(pkg);
        for (String next : new TreeSet<>(dependencies.getOrDefault(pkg, Set.of()))) {
            List<String> cycle = visit(next, dependencies, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(pkg);
        return List.of();
    }
}
