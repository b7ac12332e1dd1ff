package com.roseash.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.logging.LogFormat;
import com.roseash.platform.logging.ServiceLogging;
import com.roseash.platform.server.AccessLog;
import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a service writes to standard error: its own and its libraries' records, and one access line per request. */
class ServiceLogsTest {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Logger root = LogManager.getLogManager().getLogger("");
    private PrintStream realStderr;
    private Handler[] realHandlers;
    private Level realLevel;

    @BeforeEach
    void captureStandardError() {
        realStderr = System.err;
        realHandlers = root.getHandlers();
        realLevel = root.getLevel();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(realStderr);
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        for (Handler handler : realHandlers) {
            root.addHandler(handler);
        }
        root.setLevel(realLevel);
    }

    @Test
    void withJsonEveryLineIsAnObjectAndEachRequestHasAnAccessLine() throws Exception {
        LogFormat format = ServiceLogging.install(RoseAshConfig.load(PlatformSettings.all(),
                Map.of(PlatformSettings.LOG_FORMAT.key(), "json")));
        assertThat(format).isEqualTo(LogFormat.JSON);

        try (TestSite site = new TestSite(TestRedis.shared().url())) {
            System.getLogger("com.roseash.test")
                    .log(System.Logger.Level.WARNING, "a \"quoted\"\nmessage", new IllegalStateException("x"));
            assertThat(site.get(site.publicUri("/")).statusCode()).isEqualTo(200);
            assertThat(site.get(site.publicUri("/no/such/page?code=secret")).statusCode()).isEqualTo(404);

            await().untilAsserted(() -> assertThat(accessLines(jsonLines())).hasSize(2));
        }

        List<JsonNode> lines = jsonLines();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.get("logger").asText()).isEqualTo("com.roseash.test");
            assertThat(line.get("message").asText()).isEqualTo("a \"quoted\"\nmessage");
            assertThat(line.get("error").asText()).startsWith("java.lang.IllegalStateException: x");
        });
        assertThat(lines).as("Helidon's own records come through the same format")
                .anySatisfy(line -> assertThat(line.get("logger").asText()).startsWith("io.helidon."));
        List<JsonNode> access = accessLines(lines);
        assertThat(access.get(0).get("level").asText()).isEqualTo("INFO");
        assertThat(access.get(0).get("message").asText()).matches("GET / 200 \\d+ \\d+ms");
        assertThat(access.get(1).get("message").asText()).as("no query string: it may hold a sign-in code")
                .matches("GET /no/such/page 404 \\d+ \\d+ms");
    }

    @Test
    void textIsTheDefault() {
        LogFormat format = ServiceLogging.install(RoseAshConfig.load(PlatformSettings.all(), Map.of()));

        System.getLogger("com.roseash.test").log(System.Logger.Level.INFO, "hello");

        assertThat(format).isEqualTo(LogFormat.TEXT);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).matches("\\S+ INFO com\\.roseash\\.test - hello\n");
    }

    /** Every line of standard error, each of which must be a JSON object. */
    private List<JsonNode> jsonLines() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stderr.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode node = json.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            lines.add(node);
        }
        return lines;
    }

    private static List<JsonNode> accessLines(List<JsonNode> lines) {
        return lines.stream().filter(line -> line.get("logger").asText().equals(AccessLog.LOGGER + ".@default")).toList();
    }
}
