package com.roseash.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code bin/stack}'s main as a user runs it: it prints its URLs, serves, and Ctrl-C (SIGINT) stops it all. */
class StackMainProcessTest {

    @Test
    void printsItsUrlsServesAndStopsCleanlyOnCtrlC() throws Exception {
        int port = LocalRedis.freePort();
        Path data = Files.createTempDirectory("rose-ash-main");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("ROSE_ASH_STACK_PORT", String.valueOf(port));
        builder.environment().put("ROSE_ASH_STACK_DATA", data.toString());
        builder.environment().remove("ROSE_ASH_DB_URL");
        builder.environment().remove("ROSE_ASH_REDIS_URL");
        Process stack = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stack.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException ignored) {
                // The process ended.
            }
        });
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> output.contains("Press Ctrl-C to stop.") || !stack.isAlive());
            assertThat(output).contains("  blog       http://blog.localhost:" + port + "/",
                    "  federation http://federation.localhost:" + port + "/", "  account    http://account.localhost:" + port + "/");
            assertThat(output).anySatisfy(line -> assertThat(line)
                    .matches("First start: sign in as admin@rose-ash.localhost with password [a-z2-9]{4}(-[a-z2-9]{4}){3}"));

            HttpResponse<String> home = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            List<ProcessHandle> children = stack.descendants().toList();
            assertThat(children).as("embedded PostgreSQL and Redis run as child processes").isNotEmpty();

            new ProcessBuilder("kill", "-INT", String.valueOf(stack.pid())).start().waitFor();

            assertThat(stack.waitFor(60, TimeUnit.SECONDS)).as("the stack exits after Ctrl-C").isTrue();
            reader.join(Duration.ofSeconds(10));
            assertThat(output).contains("Stopping Rose Ash ...");
            await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            stack.descendants().forEach(ProcessHandle::destroyForcibly);
            stack.destroyForcibly();
        }
    }
}
