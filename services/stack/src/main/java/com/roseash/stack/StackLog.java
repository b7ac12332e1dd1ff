package com.roseash.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

import com.roseash.platform.logging.LogFormat;

/**
 * Where the stack's log goes: every record of the process (Helidon, the access log, PostgreSQL's output, Flyway,
 * Hikari, Lettuce, the services) into {@code <data>/logs/stack.log}, one line each; with {@code --verbose} onto
 * standard error as well. The terminal otherwise shows only what {@link Main} prints. The previous start's log is
 * kept as {@code stack.log.1}.
 */
final class StackLog {

    private StackLog() {
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve("logs").resolve("stack.log");
    }

    /** Routes the process's logging; returns the log file. */
    static Path install(Path dataDirectory, boolean verbose) {
        Path file = file(dataDirectory);
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                Files.move(file, file.resolveSibling("stack.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            List<Handler> handlers = new ArrayList<>();
            handlers.add(new FlushingHandler(Files.newOutputStream(file)));
            if (verbose) {
                handlers.add(new ConsoleHandler());
            }
            LogFormat.TEXT.install(handlers.toArray(Handler[]::new));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the stack's log to " + file, e);
        }
    }

    /** Each record reaches the file at once, so {@code tail -f} follows the stack and nothing is lost on a crash. */
    private static final class FlushingHandler extends StreamHandler {
        FlushingHandler(OutputStream out) {
            setOutputStream(out);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }
    }
}
