package com.roseash.platform.logging;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFormatTest {

    @Test
    void jsonIsOneObjectPerLineWhateverTheMessageHolds() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "a \"quoted\" {0}\nsecond line\ttab \\ backslash");
        record.setParameters(new Object[] {"word"});
        record.setLoggerName("com.roseash.test");
        record.setThrown(new IllegalStateException("broke \"here\""));

        String line = LogFormat.JSON.formatter().format(record);

        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n").doesNotContain("\r");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.get("level").asText()).isEqualTo("WARNING");
        assertThat(json.get("logger").asText()).isEqualTo("com.roseash.test");
        assertThat(json.get("message").asText()).isEqualTo("a \"quoted\" word\nsecond line\ttab \\ backslash");
        assertThat(json.get("error").asText()).startsWith("java.lang.IllegalStateException: broke \"here\"\n\tat ");
    }

    @Test
    void textIsOneLineThenTheStackTrace() {
        LogRecord record = new LogRecord(Level.INFO, "hello");
        record.setLoggerName("com.roseash.test");

        assertThat(LogFormat.TEXT.formatter().format(record)).matches("\\S+Z INFO com\\.roseash\\.test - hello\n");

        record.setThrown(new IllegalStateException("broke"));
        assertThat(LogFormat.TEXT.formatter().format(record))
                .contains(" INFO com.roseash.test - hello\njava.lang.IllegalStateException: broke\n\tat ");
    }

    @Test
    void formatsAreNamedInAnyCase() {
        assertThat(LogFormat.parse(" JSON ")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse("text")).isEqualTo(LogFormat.TEXT);
        assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessage("log format must be text or json, not xml");
    }
}
