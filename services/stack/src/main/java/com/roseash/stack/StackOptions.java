package com.roseash.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How to run the local stack. From the environment: {@code ROSE_ASH_STACK_PORT} (gateway, default
 * 8080), {@code ROSE_ASH_STACK_DATA} (where embedded PostgreSQL keeps its data, default
 * {@code ~/.local/share/rose-ash}), and {@code ROSE_ASH_DB_URL} / {@code ROSE_ASH_DB_USER} /
 * {@code ROSE_ASH_DB_PASSWORD} or {@code ROSE_ASH_REDIS_URL} to use servers of your own instead.
 */
public record StackOptions(int gatewayPort, Path dataDirectory, Optional<ExternalDatabase> database,
                           Optional<String> redisUrl, boolean loadDemoContent) {

    public record ExternalDatabase(String url, String user, String password) {
        @Override
        public String toString() {
            return "ExternalDatabase[url=" + url + ", user=" + user + "]";
        }
    }

    public static StackOptions fromEnvironment(Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault("ROSE_ASH_STACK_PORT", "8080"));
        Path data = Optional.ofNullable(env.get("ROSE_ASH_STACK_DATA")).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".local", "share", "rose-ash"));
        Optional<ExternalDatabase> database = Optional.ofNullable(env.get("ROSE_ASH_DB_URL"))
                .map(url -> new ExternalDatabase(url, env.getOrDefault("ROSE_ASH_DB_USER", "roseash"),
                        env.getOrDefault("ROSE_ASH_DB_PASSWORD", "")));
        return new StackOptions(port, data, database, Optional.ofNullable(env.get("ROSE_ASH_REDIS_URL")), true);
    }
}
