package com.roseash.stack;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The stack's stand-in for the cluster's ingress: one port, routed by Host ({@code blog.rose-ash.localhost},
 * {@code market.rose-ash.localhost}..., and the bare {@code rose-ash.localhost} and {@code localhost} to the
 * blog) to each service's public socket. Like an ingress it never exposes the internal or admin sockets.
 */
final class Gateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
    /** Hop-by-hop headers and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length", "expect", "http2-settings");

    private final Map<String, Integer> publicPortsByHost = new ConcurrentHashMap<>();
    private final HttpClient client;
    private final WebServer server;

    /** Starts listening at once, so services can be configured with the gateway's real port. */
    Gateway(int port) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                // No features found on the classpath (Helidon's default access log among them): each service logs
                // its own requests, so the gateway's would only double them.
                .featuresDiscoverServices(false)
                .routing(routing -> routing.any(this::forward))
                .build()
                .start();
    }

    /** From now on requests for {@code host} go to {@code publicPort} on loopback. */
    void route(String host, int publicPort) {
        publicPortsByHost.put(host.toLowerCase(Locale.ROOT), publicPort);
    }

    int port() {
        return server.port();
    }

    private void forward(ServerRequest request, ServerResponse response) throws IOException, InterruptedException {
        String host = request.authority();
        String hostName = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        Integer target = publicPortsByHost.get(hostName.toLowerCase(Locale.ROOT));
        if (target == null) {
            response.status(Status.NOT_FOUND_404).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .send("No service at host " + hostName + ". Known hosts: " + String.join(", ", publicPortsByHost.keySet()));
            return;
        }
        String query = request.query().rawValue();
        URI uri = URI.create("http://127.0.0.1:" + target + request.path().rawPath() + (query.isEmpty() ? "" : "?" + query));
        byte[] body = request.content().hasEntity() ? request.content().inputStream().readAllBytes() : new byte[0];
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .method(request.prologue().method().text(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Header header : request.headers()) {
            if (!NOT_FORWARDED.contains(header.name().toLowerCase(Locale.ROOT))) {
                for (String value : header.allValues()) {
                    forwarded.header(header.name(), value);
                }
            }
        }
        forwarded.header("X-Forwarded-Host", host);
        forwarded.header("X-Forwarded-Proto", "http");
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Gateway could not reach " + hostName + ": " + e);
            response.status(Status.BAD_GATEWAY_502).send("The " + hostName + " service is not answering.");
            return;
        }
        response.status(Status.create(answer.statusCode()));
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                response.header(HeaderNames.create(name), values.toArray(String[]::new));
            }
        });
        response.send(answer.body());
    }

    @Override
    public void close() {
        server.stop();
        client.close();
    }
}
