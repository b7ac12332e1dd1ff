package com.roseash.platform.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
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

        List<Socket> accepted = new ArrayList<>();
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

    private static Mailer mailer(int port, String username, String password) {
        return new Mailer("127.0.0.1", port, "Rose Ash <no-reply@rose-ash.localhost>", username, password,
                Mailer.Security.NONE, Duration.ofSeconds(5));
    }
}
