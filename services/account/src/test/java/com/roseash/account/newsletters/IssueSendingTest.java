package com.roseash.account.newsletters;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.roseash.account.testing.AccountDatabase;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.mail.Mailer;
import com.roseash.platform.testing.ChildJvm;
import com.roseash.platform.testing.Mails;
import com.roseash.platform.testing.TestRedis;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sending an issue survives its sender: one killed with SIGKILL half way through leaves its unsent claims to
 * another, and two senders at once share the work; either way every confirmed subscriber gets the issue exactly
 * once, through a real SMTP server (GreenMail).
 */
class IssueSendingTest {

    static final Duration LEASE = Duration.ofSeconds(2);

    private DatabaseSettings settings;
    private Database database;
    private NewsletterRepository newsletters;
    private GreenMail smtp;

    @BeforeEach
    void start() {
        settings = AccountDatabase.migrated();
        database = Database.connect(settings);
        newsletters = new NewsletterRepository(database.client());
        smtp = new GreenMail(new ServerSetup(TestRedis.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
        database.close();
    }

    /** A draft issue of a list with {@code subscribers} confirmed subscribers and a few who are not. */
    private long issueFor(int subscribers) {
        newsletters.create("news", "News", "");
        long list = newsletters.bySlug("news").orElseThrow().id();
        for (int i = 0; i < subscribers; i++) {
            newsletters.confirm(newsletters.subscribe(list, "reader" + i + "@example.org", null).orElseThrow().id());
        }
        newsletters.subscribe(list, "pending@example.org", null);
        long gone = newsletters.subscribe(list, "gone@example.org", null).orElseThrow().id();
        newsletters.confirm(gone);
        newsletters.unsubscribe(gone);
        return newsletters.createIssue(list, "Spring news", "Seeds are **in**.", "<p>Seeds are <strong>in</strong>.</p>");
    }

    private IssueSender sender() {
        NewsletterMails mails = new NewsletterMails(new Mailer("127.0.0.1", smtp.getSmtp().getPort(),
                "Rose Ash <news@rose-ash.test>", "", "", Mailer.Security.NONE, Duration.ofSeconds(10)),
                new SignedLinks("test secret"), "http://account.rose-ash.test/", Duration.ofDays(2), Clock.systemUTC());
        return new IssueSender(newsletters, mails, 10, LEASE, Duration.ZERO);
    }

    private long sent(long issue) {
        return newsletters.issue(issue).orElseThrow().sent();
    }

    private void assertEachGotItOnce(int subscribers) {
        List<String> recipients = Arrays.stream(smtp.getReceivedMessages()).map(Mails::recipients).toList();
        Set<String> expected = IntStream.range(0, subscribers).mapToObj(i -> "reader" + i + "@example.org")
                .collect(Collectors.toSet());
        assertThat(recipients).as("one mail per subscriber, to nobody else").hasSize(subscribers)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aSenderKilledHalfWayLeavesTheRestToAnotherAndEverySubscriberGetsTheIssueOnce() throws Exception {
        long issue = issueFor(60);
        assertThat(newsletters.startSending(issue)).isTrue();
        assertThat(newsletters.startSending(issue)).as("a send starts once").isFalse();

        try (ChildJvm child = ChildJvm.start(SenderProcess.class, settings, String.valueOf(smtp.getSmtp().getPort()))) {
            child.awaitLine("STARTED");
            // Killed between two mails, with part of its batch claimed and not sent: what a crash leaves.
            await().atMost(Duration.ofSeconds(60)).until(() -> sent(issue) >= 25);
            child.kill();
        }
        long before = sent(issue);
        assertThat(before).as("half way").isBetween(25L, 59L);
        assertThat(smtp.getReceivedMessages()).hasSize((int) before);

        // Another replica's sender: what the dead one claimed is due again once its lease runs out.
        IssueSender other = sender();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            other.runOnce();
            return sent(issue) == 60;
        });

        assertEachGotItOnce(60);
        assertThat(newsletters.issue(issue).orElseThrow().state()).isEqualTo("sent");
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<http://account.rose-ash.test/newsletters/unsubscribe?token=");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(GreenMailUtil.getBody(mail)).contains("Seeds are **in**.").contains("<strong>in</strong>");
    }

    @Test
    void twoSendersAtOnceShareTheWorkAndSendEachMailOnce() throws Exception {
        long issue = issueFor(40);
        newsletters.startSending(issue);

        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            Future<Integer> first = both.submit(() -> sender().runOnce());
            Future<Integer> second = both.submit(() -> sender().runOnce());
            assertThat(first.get() + second.get()).isEqualTo(40);
        }

        assertEachGotItOnce(40);
    }
}
