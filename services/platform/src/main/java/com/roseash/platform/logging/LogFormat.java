package com.roseash.platform.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a process's log records are written, one record per line: {@code text} for people (a stack trace follows
 * its line) or {@code json} for a log pipeline (one object per line: {@code time}, {@code level}, {@code logger},
 * {@code thread}, {@code message}, and {@code error} with the stack trace). The same shape as the operator's.
 * Chosen by {@code rose-ash.log.format}; the operator sets {@code json} in the cluster.
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

    /** A JUL formatter writing this format. */
    public Formatter formatter() {
        return new Formatter() {
            @Override
            public String format(LogRecord record) {
                return LogFormat.this.format(record);
            }
        };
    }

    /**
     * Every logger of the process (JUL, {@code System.Logger}, and SLF4J through {@code slf4j-jdk14}) writes
     * through {@code handlers} only, in this format, from INFO up.
     */
    public void install(Handler... handlers) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        for (Handler handler : handlers) {
            handler.setFormatter(formatter());
            handler.setLevel(Level.INFO);
            root.addHandler(handler);
        }
        root.setLevel(Level.INFO);
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
