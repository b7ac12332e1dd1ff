package com.roseash.platform.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.roseash.platform.db.DatabaseSettings;

import static org.awaitility.Awaitility.await;

/**
 * A main of the tests in a JVM of its own, so a test can kill it as a crash does ({@code destroyForcibly}: SIGKILL,
 * no shutdown hooks, its sockets and database connections closed by the kernel). Its output is kept, line by line.
 */
public record ChildJvm(Process process, List<String> output) implements AutoCloseable {

    public static ChildJvm start(Class<?> main, DatabaseSettings database, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                main.getName(), database.url(), database.user(), database.password()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException ignored) {
                // The process ended.
            }
        });
        return new ChildJvm(process, output);
    }

    /** Waits for a line starting with {@code prefix} and returns the rest of it. */
    public String awaitLine(String prefix) {
        await().atMost(Duration.ofSeconds(60)).until(() -> output.stream().anyMatch(l -> l.startsWith(prefix))
                || !process.isAlive());
        return output.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length()))
                .orElseThrow(() -> new AssertionError("The child JVM ended without " + prefix + "; it wrote " + output));
    }

    /** SIGKILL, and wait until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("The child JVM did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
