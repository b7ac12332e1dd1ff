package com.roseash.operator.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operator's log lines on standard error: one line per record, as {@code text} (for people reading
 * {@code kubectl logs}) or {@code json} (for a log pipeline), at a chosen level. Set from
 * {@code ROSE_ASH_OPERATOR_LOG_FORMAT} and {@code ROSE_ASH_OPERATOR_LOG_LEVEL} (the Helm chart's
 * {@code logFormat} and {@code logLevel}).
 */
public enum LogFormat {
    TEXT {
        @Override
        String format(LogRecord record) {
            StringBuilder line = new StringBuilder().append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(record.getLevel().getName()).append(' ').append(record.getLoggerName()).append(" - ")
                    .append(message(record));
            if (record.getThrown() != null) {
                line.append('\n').append(stackTrace(record.getThrown()));
            }
            return line.append('\n').toString();
        }
    },
    JSON {
        private final ObjectMapper json = new ObjectMapper();

        @Override
        String format(LogRecord record) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", Instant.ofEpochMilli(record.getMillis()).toString());
            line.put("level", record.getLevel().getName());
            line.put("logger", record.getLoggerName());
            line.put("thread", Thread.currentThread().getName());
            line.put("message", message(record));
            if (record.getThrown() != null) {
                line.put("error", stackTrace(record.getThrown()));
            }
            try {
                return json.writeValueAsString(line) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    abstract String format(LogRecord record);

    public static LogFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("log format must be text or json, not " + name, e);
        }
    }

    /**
     * A level by its JUL or SLF4J name, in any case: {@code DEBUG} and {@code FINE} are the same level here,
     * as are {@code WARN} and {@code WARNING}.
     */
    public static Level level(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE", "FINEST" -> Level.FINEST;
            case "FINER" -> Level.FINER;
            case "DEBUG", "FINE" -> Level.FINE;
            case "CONFIG" -> Level.CONFIG;
            case "INFO" -> Level.INFO;
            case "WARN", "WARNING" -> Level.WARNING;
            case "ERROR", "SEVERE" -> Level.SEVERE;
            case "ALL" -> Level.ALL;
            case "OFF" -> Level.OFF;
            default -> throw new IllegalArgumentException("log level must be one of TRACE, DEBUG, INFO, WARN, ERROR "
                    + "(or JUL's FINEST, FINER, FINE, CONFIG, WARNING, SEVERE, ALL, OFF), not " + name);
        };
    }

    /** Every logger of the process writes through one handler in this format, from {@code level} up. */
    public void install(Level level) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(level);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return LogFormat.this.format(record);
            }
        });
        root.addHandler(handler);
        root.setLevel(level);
    }

    private static String message(LogRecord record) {
        return new Formatter() {
            @Override
            public String format(LogRecord r) {
                return formatMessage(r);
            }
        }.format(record);
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString().stripTrailing();
    }
}
