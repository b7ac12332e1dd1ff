package com.roseash.operator.reconcile;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Everything logged in this JVM (the operator logs through SLF4J to java.util.logging) while it runs. */
final class LogCapture extends Handler {

    private final StringBuffer text = new StringBuffer();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** Stops capturing; the text logged meanwhile, stack traces included. */
    String stop() {
        Logger.getLogger("").removeHandler(this);
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        text.append(formatter.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
