package com.roseash.operator.reconcile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything logged in this JVM while it runs, at every level. The operator, JOSDK and Fabric8 log
 * through SLF4J, bound to java.util.logging (slf4j-jdk14), where a DEBUG or TRACE call is dropped
 * unless its logger's effective level lets FINE or FINEST through; JUL's root logger is at INFO by
 * default. So while capturing, the root logger, the loggers of the operator, JOSDK and Fabric8, and
 * every logger already given a level of its own are set to ALL; stop() puts the levels back. (Fabric8
 * decides when a client is built whether to log its HTTP traffic, so start the capture before the
 * operator's client is made.) The root's other handlers keep their own levels: the console stays quiet.
 */
final class LogCapture extends Handler {

    private static final String[] LOGGERS = {"com.roseash", "io.javaoperatorsdk", "io.fabric8"};

    private final StringBuffer text = new StringBuffer();
    private final SimpleFormatter formatter = new SimpleFormatter();
    /** The loggers set to ALL and their levels before; held here too, as JUL holds its loggers weakly. */
    private final Map<Logger, Level> levels = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger belowInfo = new AtomicInteger();
    private boolean stopped;

    private LogCapture() {
        setLevel(Level.ALL);
    }

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        LogManager manager = LogManager.getLogManager();
        capture.lower(Logger.getLogger(""));
        for (String name : LOGGERS) {
            capture.lower(Logger.getLogger(name));
        }
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            if (logger != null && logger.getLevel() != null) {
                capture.lower(logger);
            }
        }
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    private void lower(Logger logger) {
        levels.putIfAbsent(logger, logger.getLevel());
        logger.setLevel(Level.ALL);
    }

    /** Stops capturing (once) and restores the levels; the text logged meanwhile, stack traces included. */
    synchronized String stop() {
        if (!stopped) {
            stopped = true;
            Logger.getLogger("").removeHandler(this);
            levels.forEach(Logger::setLevel);
        }
        return text.toString();
    }

    /** How many records were logged below INFO (DEBUG, TRACE): evidence that they reach the capture. */
    int belowInfo() {
        return belowInfo.get();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() < Level.INFO.intValue()) {
            belowInfo.incrementAndGet();
        }
        text.append(formatter.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
