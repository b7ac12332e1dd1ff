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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.roseash.contract.ServiceName;
import com.roseash.migrate.Domains;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code bin/stack}'s main as a user runs it: it prints one line per part and its URLs, and nothing of the
 * framework's logging, which goes to the log file (and to the terminal with {@code --verbose}); it serves, and
 * Ctrl-C (SIGINT) stops it all.
 */
class StackMainProcessTest {

    /** A record in the stack's text log format: {@code 2026-...Z INFO logger - message}. */
    private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\S+ [A-Z]+ \\S+ - .*");
    private static final String HELIDON_STARTED = "io.helidon.webserver.LoomServer - Started all channels";
    private static final String POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres - ";
    private static final String ACCESS = ".* INFO com\\.roseash\\.access\\.@default - GET / 200 \\d+ \\d+ms";

    @Test
    void printsOneLinePerPartAndItsUrlsServesAndStopsCleanlyOnCtrlC() throws Exception {
        int port = LocalRedis.freePort();
        Path data = Files.createTempDirectory("rose-ash-main");
        Path log = data.resolve("logs").resolve("stack.log");

        try (Run first = Run.start(port, data)) {
            List<String> output = first.output;
            List<String> startup = output.subList(0, output.indexOf("Rose Ash is running:"));
            List<String> expected = new ArrayList<>(List.of(Pattern.quote("Starting Rose Ash (data in " + data + ") ..."),
                    Pattern.quote("Full log: " + log + " (or run bin/stack --verbose)"),
                    "  postgres   embedded, port \\d+ \\(\\d+\\.\\d s\\)",
                    "  redis      .+, port \\d+ \\(\\d+\\.\\d s\\)",
                    "  schemas    " + Domains.ALL.size() + " up to date, \\d+ migrations applied \\(\\d+\\.\\d s\\)",
                    "  sumup      stand-in at http://127\\.0\\.0\\.1:\\d+",
                    Pattern.quote("  mail       caught on this machine, read at http://mail.rose-ash.localhost:" + port + "/")));
            for (ServiceName service : LocalStack.startOrder()) {
                expected.add(Pattern.quote("  %-10s ".formatted(service.id())) + "started \\(\\d+\\.\\d s\\)");
            }
            expected.add("  demo       blog content loaded");
            expected.add("  demo       \\d+ market products loaded");
            expected.add("  demo       \\d+ events loaded");
            expected.add("");
            assertThat(startup).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(startup.get(i)).matches(expected.get(i));
            }
            assertThat(output).contains("  blog       http://blog.rose-ash.localhost:" + port + "/", "  market     http://market.rose-ash.localhost:" + port + "/",
                    "  cart       http://cart.rose-ash.localhost:" + port + "/",
                    "  events     http://events.rose-ash.localhost:" + port + "/",
                    "  federation http://federation.rose-ash.localhost:" + port + "/", "  account    http://account.rose-ash.localhost:" + port + "/");
            assertThat(output).anySatisfy(line -> assertThat(line)
                    .matches("First start: sign in as admin@rose-ash.localhost with password [a-z2-9]{4}(-[a-z2-9]{4}){3}"));

            HttpResponse<String> home = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            List<ProcessHandle> children = first.process.descendants().toList();
            assertThat(children).as("embedded PostgreSQL and Redis run as child processes").isNotEmpty();

            await().untilAsserted(() -> assertThat(Files.readAllLines(log)).as("the full log")
                    .anySatisfy(line -> assertThat(line).contains(" INFO " + HELIDON_STARTED))
                    .anySatisfy(line -> assertThat(line).contains(" INFO " + POSTGRES))
                    .anySatisfy(line -> assertThat(line).matches(ACCESS)));

            first.stop();
            assertThat(output).contains("Stopping Rose Ash ...");
            assertThat(output).as("the terminal shows no log records").noneSatisfy(line -> assertThat(line).matches(LOG_LINE));
            await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        }

        try (Run verbose = Run.start(port, data, "--verbose")) {
            assertThat(verbose.output).contains("Full log: " + log)
                    .noneSatisfy(line -> assertThat(line).startsWith("First start"))
                    .anySatisfy(line -> assertThat(line).matches(LOG_LINE)
                            .contains(" INFO " + HELIDON_STARTED));
            assertThat(log.resolveSibling("stack.log.1")).as("the previous start's log").exists();
            verbose.stop();
        }
    }

    /** The stack's main in a process of its own, its standard output and error merged as a terminal shows them. */
    private record Run(Process process, List<String> output, Thread reader) implements AutoCloseable {

        static Run start(int port, Path data, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    Main.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("ROSE_ASH_STACK_PORT", String.valueOf(port));
            builder.environment().put("ROSE_ASH_STACK_DATA", data.toString());
            builder.environment().remove("ROSE_ASH_DB_URL");
            builder.environment().remove("ROSE_ASH_REDIS_URL");
            Process process = builder.start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    lines.lines().forEach(output::add);
                } catch (IOException ignored) {
                    // The process ended.
                }
            });
            Run run = new Run(process, output, reader);
            await().atMost(Duration.ofMinutes(2)).until(() -> output.contains("Press Ctrl-C to stop.") || !process.isAlive());
            assertThat(process.isAlive()).as("the stack started; it printed %s", output).isTrue();
            return run;
        }

        /** Ctrl-C, and the process's output read to its end. */
        void stop() throws Exception {
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the stack exits after Ctrl-C").isTrue();
            reader.join(Duration.ofSeconds(10));
        }

        /**
         * Ctrl-C first, even when the test failed: the stack stops its PostgreSQL with pg_ctl, whose server is not a
         * child of the stack's process, so killing that process alone would leave the server running.
         */
        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
                process.waitFor(60, TimeUnit.SECONDS);
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
