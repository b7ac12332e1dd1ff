package com.roseash.e2e.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Requests pages through the ingress, one after another, for as long as it runs, and records every
 * answer that is not a page (a 5xx, a refused or reset connection, a time-out): what a visitor would
 * notice while the platform rolls.
 */
final class PageWatch implements AutoCloseable {

    private final HttpClient client;
    private final List<URI> pages;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answered = new AtomicInteger();
    private final Thread loop;
    private volatile boolean running = true;

    PageWatch(Path trustedCertificate, List<URI> pages) {
        this.client = client(trustedCertificate);
        this.pages = List.copyOf(pages);
        this.loop = Thread.ofPlatform().name("page-watch").start(this::watch);
    }

    static HttpClient client(Path trustedCertificate) {
        try (InputStream in = Files.newInputStream(trustedCertificate)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("coop", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void watch() {
        // Bounded: a watch never outlives its test by more than ten minutes.
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (running && System.nanoTime() < deadline) {
            for (URI page : pages) {
                try {
                    HttpRequest request = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).build();
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() >= 500) {
                        failures.add(page + " answered " + response.statusCode());
                    } else {
                        answered.incrementAndGet();
                    }
                } catch (IOException e) {
                    failures.add(page + ": " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    int answered() {
        return answered.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        loop.join(Duration.ofSeconds(30));
    }
}
