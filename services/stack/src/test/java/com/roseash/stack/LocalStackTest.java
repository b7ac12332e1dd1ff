package com.roseash.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.roseash.contract.ServiceName;
import com.roseash.platform.mail.Email;
import com.roseash.platform.mail.Mailer;
import com.roseash.platform.testing.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class LocalStackTest {

    /** A service's own pages, asked through the gateway at its host. */
    @FunctionalInterface
    private interface Pages {
        void probe(LocalStack stack);
    }

    /** What each landed service must answer through the gateway: the test fails for a landed service missing here. */
    private static final Map<ServiceName, Pages> PAGES = Map.of(
            ServiceName.BLOG, stack -> {
                RawHttp.Response home = page(stack, "blog", "/", 200);
                assertThat(home.body()).contains("<main id=\"content\">").contains("Welcome to Rose Ash");
                assertThat(page(stack, "blog", "/about/", 200).body()).contains("<h1>About</h1>");
            },
            ServiceName.MARKET, stack -> {
                RawHttp.Response home = page(stack, "market", "/", 200);
                // The demo products, and the blog's menu in the header: a fragment from another service, links absolute.
                assertThat(home.body()).contains("<main id=\"content\">").contains("Bramley apple chutney")
                        .contains("href=\"http://blog.rose-ash.localhost:" + stack.gatewayPort() + "/about/\"");
                assertThat(page(stack, "market", "/products/damson-jam/", 200).body()).contains("£3.95").contains("3 left");
                assertThat(page(stack, "market", "/search?q=sourdough", 200).body()).contains("Seeded sourdough loaf");
            },
            ServiceName.CART, stack -> {
                // An empty cart, with the market's link; the market's header shows cart's cart-mini (0 items).
                assertThat(page(stack, "cart", "/", 200).body()).contains("<h1>Your cart</h1>").contains("Your cart is empty");
                assertThat(page(stack, "market", "/", 200).body()).contains("class=\"cart-mini\"")
                        .contains("class=\"cart-count\">0<");
            },
            ServiceName.EVENTS, stack -> {
                // The demo calendars and what is coming up; the blog's home shows events' upcoming-events widget.
                assertThat(page(stack, "events", "/", 200).body()).contains("<h1>Events</h1>").contains("Saturday market")
                        .contains("Community");
                assertThat(page(stack, "events", "/events/apple-day/", 200).body()).contains("Apple Day").contains("£6.00");
                assertThat(page(stack, "events", "/calendars/community.ics", 200).body()).startsWith("BEGIN:VCALENDAR");
                assertThat(page(stack, "blog", "/", 200).body()).contains("<section class=\"upcoming-events\">")
                        .contains("href=\"http://events.rose-ash.localhost:" + stack.gatewayPort() + "/events/");
            },
            ServiceName.FEDERATION, stack -> {
                assertThat(page(stack, "federation", "/", 200).body()).contains("<main id=\"content\">")
                        .contains("<h1>Rose Ash accounts</h1>");
                assertThat(page(stack, "federation", "/login", 200).body()).contains("name=\"password\"");
            },
            ServiceName.ACCOUNT, stack -> {
                // Members only: an anonymous visitor is sent to sign in, through federation, and lands on its form.
                URI signIn = redirect(stack, gatewayUri(stack, "account", "/"));
                assertThat(signIn.getRawPath() + "?" + signIn.getRawQuery()).isEqualTo("/auth/login?return=%2F");
                URI authorize = redirect(stack, signIn);
                assertThat(authorize.toString()).as("account's sign-in goes to federation")
                        .startsWith(gatewayUri(stack, "federation", "/oauth/authorize?").toString())
                        .contains("client_id=account");
                URI form = redirect(stack, authorize);
                assertThat(form.getHost()).isEqualTo("federation.rose-ash.localhost");
                RawHttp.Response signInForm = send(stack, form);
                assertThat(signInForm.status()).as(form + ": " + signInForm).isEqualTo(200);
                assertThat(signInForm.body()).as(form.toString()).contains("name=\"password\"");
            });

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void startsEverythingLoadsDemoContentAndRoutesByHost() throws Exception {
        Path data = Files.createTempDirectory("rose-ash-stack");
        try (LocalStack stack = LocalStack.start(new StackOptions(0, data, Optional.empty(), Optional.empty(), true))) {
            HttpResponse<String> home = get(stack, "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Welcome to Rose Ash").contains("hx-boost=\"true\"");
            assertThat(stack.urls()).containsEntry("blog", "http://blog.rose-ash.localhost:" + stack.gatewayPort() + "/");

            assertThat(rawGet(stack.gatewayPort(), "blog.rose-ash.localhost", "/about/")).startsWith("HTTP/1.1 200");
            assertThat(rawGet(stack.gatewayPort(), "nowhere.rose-ash.localhost", "/")).startsWith("HTTP/1.1 404")
                    .contains("No service at host nowhere.rose-ash.localhost");
            assertThat(get(stack, "/observe/health/ready").statusCode()).as("admin socket not exposed").isEqualTo(404);
            assertThat(get(stack, "/internal/fragments/nav").statusCode()).as("internal socket not exposed").isEqualTo(404);

            assertThat(stack.urls().keySet()).as("every landed service runs and is routed")
                    .containsAll(ServiceName.landed().stream().map(ServiceName::id).toList());
            assertThat(PAGES.keySet()).as("pages to probe for every landed service, and only those")
                    .containsExactlyInAnyOrderElementsOf(ServiceName.landed());
            for (ServiceName service : ServiceName.landed()) {
                URI readiness = URI.create("http://127.0.0.1:" + stack.service(service).adminPort() + "/observe/health/ready");
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(readiness).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).as(service.id() + " ready").isEqualTo(200);
                assertThat(ready.body()).as(service.id() + " ready")
                        .contains("\"schema\":\"" + service.id() + "\"").contains("\"redis\":\"up\"");
                PAGES.get(service).probe(stack);
            }
            mailIsCaughtAndShownOnTheMailboxPage(stack);
        }
    }

    /** The services send through the stack's SMTP server; a developer reads the mail, and follows its links, there. */
    private static void mailIsCaughtAndShownOnTheMailboxPage(LocalStack stack) {
        assertThat(page(stack, "mail", "/", 200).body()).contains("No mail yet");
        Mailer mailer = new Mailer("127.0.0.1", stack.mail().smtpPort(), "Rose Ash <no-reply@rose-ash.localhost>", "", "",
                Mailer.Security.NONE, Duration.ofSeconds(10));
        mailer.send(new Email("someone@example.org", "Confirm your address <now>",
                "Follow http://account.rose-ash.localhost/confirm?t=a&b=c to confirm."));
        assertThat(stack.mail().receivedBy("someone@example.org")).hasSize(1);
        assertThat(page(stack, "mail", "/", 200).body()).contains("Confirm your address &lt;now&gt;</a> to someone@example.org");
        assertThat(page(stack, "mail", "/0", 200).body())
                .contains("Follow <a href=\"http://account.rose-ash.localhost/confirm?t=a&amp;b=c\">");
        page(stack, "mail", "/1", 404);
    }

    private static URI gatewayUri(LocalStack stack, String service, String pathAndQuery) {
        return URI.create("http://" + service + ".rose-ash.localhost:" + stack.gatewayPort() + pathAndQuery);
    }

    /** The page at {@code path} of {@code service}, through the gateway; it must answer {@code status}. */
    private static RawHttp.Response page(LocalStack stack, String service, String path, int status) {
        RawHttp.Response response = send(stack, gatewayUri(stack, service, path));
        assertThat(response.status()).as(service + " " + path + ": " + response).isEqualTo(status);
        return response;
    }

    /** Where {@code uri} redirects to, resolved against it. */
    private static URI redirect(LocalStack stack, URI uri) {
        RawHttp.Response response = send(stack, uri);
        assertThat(response.status()).as(uri + ": " + response).isBetween(301, 303);
        return uri.resolve(response.header("Location").orElseThrow());
    }

    /** A GET of {@code uri} through the gateway, with its host as the Host header (which the JDK client cannot set). */
    private static RawHttp.Response send(LocalStack stack, URI uri) {
        assertThat(uri.getPort()).as(uri.toString()).isEqualTo(stack.gatewayPort());
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return RawHttp.send(stack.gatewayPort(), RawHttp.request("GET", target,
                Map.of("Host", uri.getHost() + ":" + uri.getPort(), "Accept", "text/html"), new byte[0]));
    }

    @Test
    void startsExactlyTheServicesTheContractCallsLandedTheProviderFirst() {
        assertThat(LocalStack.STARTERS.keySet()).containsExactlyInAnyOrderElementsOf(ServiceName.landed());
        assertThat(LocalStack.startOrder().getFirst().signOn()).isEqualTo(ServiceName.SignOn.PROVIDER);
    }

    @Test
    void yourOwnServersArePrintedWithoutTheirCredentials() {
        assertThat(LocalStack.withoutCredentials("jdbc:postgresql://db:5432/roseash?user=me&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/roseash");
        assertThat(LocalStack.withoutCredentials("redis://:secret@cache:6379")).isEqualTo("redis://cache:6379");
        assertThat(LocalStack.withoutCredentials("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
    }

    @Test
    void contentSurvivesARestartAndDemoContentLoadsOnlyOnTheFirst() throws Exception {
        Path data = Files.createTempDirectory("rose-ash-stack");
        int gatewayPort;
        try (LocalStack stack = LocalStack.start(new StackOptions(0, data, Optional.empty(), Optional.empty(), true))) {
            gatewayPort = stack.gatewayPort();
            try (Connection db = DriverManager.getConnection(stack.database().url(), stack.database().user(),
                    stack.database().password())) {
                db.createStatement().execute("UPDATE blog.entries SET title = 'Welcome back' WHERE slug = 'welcome-to-rose-ash'");
            }
        }
        assertThatCode(() -> new ServerSocket(gatewayPort).close()).as("the gateway let go of its port")
                .doesNotThrowAnyException();

        try (LocalStack again = LocalStack.start(new StackOptions(0, data, Optional.empty(), Optional.empty(), true))) {
            HttpResponse<String> home = get(again, "/");
            assertThat(home.body()).contains("Welcome back").doesNotContain("Welcome to Rose Ash");
            assertThat(countEntries(again)).isEqualTo(10);
        }
    }

    private long countEntries(LocalStack stack) throws SQLException {
        try (Connection db = DriverManager.getConnection(stack.database().url(), stack.database().user(),
                stack.database().password());
             var rs = db.createStatement().executeQuery("SELECT count(*) FROM blog.entries")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private HttpResponse<String> get(LocalStack stack, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.gatewayPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a chosen Host header, which the JDK client does not let us set: status line, headers and body. */
    private static String rawGet(int port, String host, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            int headerEnd = -1;
            int length = 0;
            byte[] buffer = new byte[8192];
            // Read until the headers and Content-Length bytes of body are in: the server may keep the connection open.
            while (headerEnd < 0 || received.size() < headerEnd + length) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
                String sofar = received.toString(StandardCharsets.ISO_8859_1);
                if (headerEnd < 0 && sofar.contains("\r\n\r\n")) {
                    headerEnd = sofar.indexOf("\r\n\r\n") + 4;
                    Matcher m = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(sofar);
                    length = m.find() ? Integer.parseInt(m.group(1)) : 0;
                }
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
