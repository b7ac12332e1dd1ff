package com.roseash.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.api.MigrationVersion;

/**
 * One domain's migrations: schema {@code domain}, scripts under {@code db/migration/<domain>} of the
 * domain's module, history in {@code <domain>.flyway_schema_history}.
 */
public record DomainMigrations(String domain) {

    public static final String HISTORY_TABLE = "flyway_schema_history";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    public String location() {
        return "classpath:" + resourcePath();
    }

    public String resourcePath() {
        return "db/migration/" + domain;
    }

    /**
     * The newest version this build ships, read from the classpath: what readiness expects the database
     * to be at. Empty when the domain has no migrations.
     */
    public Optional<MigrationVersion> latestShippedVersion() {
        return scriptNames().stream()
                .map(VERSIONED::matcher)
                .filter(Matcher::matches)
                .map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                .max(MigrationVersion::compareTo);
    }

    private List<String> scriptNames() {
        List<String> names = new ArrayList<>();
        try {
            for (URL url : Collections.list(getClass().getClassLoader().getResources(resourcePath()))) {
                if ("jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        String prefix = resourcePath() + "/";
                        for (JarEntry entry : Collections.list(jar.entries())) {
                            if (entry.getName().startsWith(prefix) && !entry.isDirectory()) {
                                names.add(entry.getName().substring(prefix.length()));
                            }
                        }
                    }
                } else {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(f -> names.add(f.getFileName().toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
