package com.roseash.platform.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.roseash.contract.RuntimeKeys;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.testing.TestRedis;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mail through a real SMTP server (GreenMail on loopback): what arrives, signing in, and a server that fails. */
class MailerTest {

    private GreenMail smtp;
    private int port;

    @BeforeEach
    void startSmtp() {
        port = TestRedis.freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("shop", "right-password"));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aMailArrivesWithItsSenderSubjectAndUtf8Body() throws Exception {
        Mailer mailer = mailer(port, "", "");
        mailer.send(new Email("zoe@example.org", "Your order · £12.50", "Damson jam × 2  £12.50\nThank you, Zoë."));

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Your order · £12.50");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Rose Ash <no-reply@rose-ash.localhost>");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("zoe@example.org");
        assertThat(((String) received.getContent()).replace("\r\n", "\n"))
                .isEqualTo("Damson jam × 2  £12.50\nThank you, Zoë.");
        assertThat(received.getMessageID()).isNotBlank();
        assertThat(received.getSentDate()).isNotNull();
    }

    @Test
    void signsInWhenAUserIsSetAndAWrongPasswordIsRefusedWithoutShowingIt() {
        mailer(port, "shop", "right-password").send(new Email("member@example.org", "Signed in", "Hello"));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).isEqualTo("Hello");

        assertThatThrownBy(() -> mailer(port, "shop", "wrong-secret-42").send(new Email("member@example.org", "No", "No")))
                .isInstanceOf(MailUnavailable.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret-42"));
        assertThat(smtp.getReceivedMessages()).as("nothing sent with the wrong password").hasSize(1);
    }

    @Test
    void aServerThatIsDownOrNeverAnswersIsMailUnavailableWithinTheTimeout() throws IOException {
        int closed = TestRedis.freePort();
        assertThatThrownBy(() -> mailer(closed, "", "").send(new Email("a@example.org", "Down", "x")))
                .isInstanceOf(MailUnavailable.class).hasMessageContaining("127.0.0.1:" + closed);

        // Filled by the acceptor thread and closed by this one.
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            long started = System.nanoTime();
            assertThatThrownBy(() -> new Mailer("127.0.0.1", silent.getLocalPort(), "Rose Ash <no-reply@rose-ash.localhost>",
                    "", "", Mailer.Security.NONE, Duration.ofMillis(500)).send(new Email("a@example.org", "Hung", "x")))
                    .isInstanceOf(MailUnavailable.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the timeout, not hung")
                    .isLessThan(Duration.ofSeconds(10));
            acceptor.interrupt();
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void withNoServerMailIsOffAndNothingIsSent() {
        Mailer off = new Mailer("", 25, "Rose Ash <no-reply@rose-ash.localhost>", "", "", Mailer.Security.STARTTLS,
                Duration.ofSeconds(1));
        assertThat(off.enabled()).isFalse();
        off.send(new Email("a@example.org", "Not sent", "x"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void theConfigurationsMailerSignsInAndSendsAndWithNoHostItIsOffAndSaysSo() throws Exception {
        Mailer configured = Mailer.from(config(Map.of(RuntimeKeys.MAIL_HOST, "127.0.0.1",
                RuntimeKeys.MAIL_PORT, String.valueOf(port), RuntimeKeys.MAIL_SECURITY, " None ",
                RuntimeKeys.MAIL_USERNAME, "shop", RuntimeKeys.MAIL_PASSWORD, "right-password",
                RuntimeKeys.MAIL_FROM, "Rose Ash Shop <shop@rose-ash.localhost>")));
        assertThat(configured.enabled()).isTrue();
        configured.send(new Email("member@example.org", "From the configuration", "Hello"));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getFrom()[0].toString()).isEqualTo("Rose Ash Shop <shop@rose-ash.localhost>");
        // GreenMail also takes mail from someone not signed in, so only a refused password shows the user is used.
        Mailer wrongPassword = Mailer.from(config(Map.of(RuntimeKeys.MAIL_HOST, "127.0.0.1",
                RuntimeKeys.MAIL_PORT, String.valueOf(port), RuntimeKeys.MAIL_SECURITY, "none",
                RuntimeKeys.MAIL_USERNAME, "shop", RuntimeKeys.MAIL_PASSWORD, "wrong-secret-42")));
        assertThatThrownBy(() -> wrongPassword.send(new Email("member@example.org", "No", "No")))
                .isInstanceOf(MailUnavailable.class);

        // The defaults: no host, so no mail, and every mail not sent is a line in the log rather than silence.
        Mailer byDefault = Mailer.from(config(Map.of()));
        assertThat(byDefault.enabled()).isFalse();
        assertThat(byDefault).hasToString("Mailer[off]");
        try (InfoLines lines = InfoLines.of(Mailer.class)) {
            byDefault.send(new Email("member@example.org", "Not sent", "x"));
            assertThat(lines.messages()).singleElement().asString()
                    .startsWith("Mail is off (rose-ash.mail.host is empty)").contains("Not sent")
                    .as("no member's address in the log").doesNotContain("member@example.org");
        }
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anUnknownSecurityIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Mailer.from(config(Map.of(RuntimeKeys.MAIL_HOST, "127.0.0.1",
                RuntimeKeys.MAIL_SECURITY, "ssl"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rose-ash.mail.security is starttls, tls or none, not \"ssl\"");
    }

    @Test
    void starttlsIsRequiredWhenAskedForSoAServerWithoutItIsRefused() {
        Mailer requiresTls = new Mailer("127.0.0.1", port, "Rose Ash <no-reply@rose-ash.localhost>", "", "",
                Mailer.Security.STARTTLS, Duration.ofSeconds(2));
        assertThatThrownBy(() -> requiresTls.send(new Email("a@example.org", "Plain", "x")))
                .isInstanceOf(MailUnavailable.class);
        assertThat(smtp.getReceivedMessages()).as("not sent in the clear").isEmpty();
    }

    @Test
    void anAddressOrSubjectThatCannotBeSentIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new Email("not an address", "s", "x"))
                .hasMessage("to is not an e-mail address: \"not an address\"");
        assertThatThrownBy(() -> new Email("a@example.org", "two\nlines", "x")).hasMessageStartingWith("subject is one line");
        assertThatThrownBy(() -> new Mailer("h", 25, "nobody", "", "", Mailer.Security.NONE, Duration.ofSeconds(1)))
                .hasMessage("rose-ash.mail.from is not an address: \"nobody\"");
    }

    private static RoseAshConfig config(Map<String, String> overrides) {
        return RoseAshConfig.load(PlatformSettings.all(), overrides);
    }

    /** INFO lines of one class's logger (System.Logger goes to java.util.logging here), for as long as it is open. */
    private static final class InfoLines extends Handler implements AutoCloseable {

        private final Logger logger;
        private final List<String> messages = new CopyOnWriteArrayList<>();

        private InfoLines(Logger logger) {
            this.logger = logger;
            setLevel(Level.INFO);
        }

        static InfoLines of(Class<?> type) {
            InfoLines lines = new InfoLines(Logger.getLogger(type.getName()));
            lines.logger.addHandler(lines);
            return lines;
        }

        List<String> messages() {
            return messages;
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel() == Level.INFO) {
                messages.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    private static Mailer mailer(int port, String username, String password) {
        return new Mailer("127.0.0.1", port, "Rose Ash <no-reply@rose-ash.localhost>", username, password,
                Mailer.Security.NONE, Duration.ofSeconds(5));
    }
}
