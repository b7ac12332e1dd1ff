package com.roseash.platform.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what reaches java.util.logging's root logger (where Helidon's and our {@code System.Logger} output goes)
 * at WARNING or above, so a test can say that nothing logged a stack trace.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.WARNING);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            records.add(record);
        }
    }

    /** Records at WARNING or above that carry a throwable: "logger: message: throwable" each. */
    public List<String> stackTraces() {
        return records.stream().filter(r -> r.getThrown() != null)
                .map(r -> r.getLoggerName() + ": " + r.getMessage() + ": " + r.getThrown()).toList();
    }

    public void clear() {
        records.clear();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
