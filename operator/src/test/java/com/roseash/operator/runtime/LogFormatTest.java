package com.roseash.operator.runtime;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFormatTest {

    @Test
    void jsonIsOneParsableLinePerRecordEvenWithQuotesNewlinesAndAnError() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "reconcile of {0} failed: \"quoted\"\nsecond line");
        record.setParameters(new Object[] {"coop"});
        record.setLoggerName("com.roseash.operator.reconcile.PlatformReconciler");
        record.setThrown(new IllegalStateException("boom"));

        String line = LogFormat.JSON.format(record);

        assertThat(line).endsWith("\n").hasLineCount(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("WARNING");
        assertThat(json.path("logger").asText()).isEqualTo("com.roseash.operator.reconcile.PlatformReconciler");
        assertThat(json.path("message").asText()).isEqualTo("reconcile of coop failed: \"quoted\"\nsecond line");
        assertThat(json.path("error").asText()).startsWith("java.lang.IllegalStateException: boom");
        assertThat(json.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void textIsOneLinePerRecordWithLevelAndLogger() {
        LogRecord record = new LogRecord(Level.INFO, "platform {0} is Ready");
        record.setParameters(new Object[] {"coop"});
        record.setLoggerName("op");

        assertThat(LogFormat.TEXT.format(record)).matches("\\S+Z INFO op - platform coop is Ready\n");
    }

    @Test
    void levelsAreReadByTheirJulOrSlf4jNameInAnyCase() {
        assertThat(LogFormat.level("debug")).isEqualTo(Level.FINE);
        assertThat(LogFormat.level("FINE")).isEqualTo(Level.FINE);
        assertThat(LogFormat.level("Warn")).isEqualTo(Level.WARNING);
        assertThat(LogFormat.level("info")).isEqualTo(Level.INFO);
        assertThatThrownBy(() -> LogFormat.level("verbose")).hasMessageContaining("log level must be one of")
                .hasMessageEndingWith("not verbose");
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheChoices() {
        assertThat(LogFormat.parse(" JSON ")).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> LogFormat.parse("yaml")).hasMessage("log format must be text or json, not yaml");
    }
}
