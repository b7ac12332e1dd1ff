package com.roseash.account.newsletters;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.roseash.platform.mail.MailUnavailable;

/**
 * Sends newsletter issues in batches, on every replica: claims a batch of due deliveries (committed, so the other
 * replicas skip them), sends each and marks it sent the moment the SMTP server took it, pausing {@code pace}
 * between mails as mail providers ask. A sender that dies leaves its unsent claims to the others once their lease
 * runs out, so every subscriber gets the issue, and gets it once. The one case left is a death in the instant between
 * the server taking a mail and its mark: that mail is sent again, with the same Message-ID (docs/account.md).
 */
public final class IssueSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IssueSender.class.getName());
    /** After the mail server refused a mail: wait this long before its next try. */
    private static final Duration AFTER_REFUSAL = Duration.ofMinutes(1);

    private final NewsletterRepository newsletters;
    private final NewsletterMails mails;
    private final int batch;
    private final Duration lease;
    private final Duration pace;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("newsletter-sender").daemon().factory());

    public IssueSender(NewsletterRepository newsletters, NewsletterMails mails, int batch, Duration lease, Duration pace) {
        this.newsletters = newsletters;
        this.mails = mails;
        this.batch = batch;
        this.lease = lease;
        this.pace = pace;
    }

    public IssueSender every(Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Sending newsletters failed; trying again in " + interval.toSeconds() + " s: " + e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Starts a pass on the sender's thread now (an admin pressed send), not at the next interval. */
    public void sendSoon() {
        scheduler.execute(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Sending newsletters failed; the next pass tries again: " + e);
            }
        });
    }

    /** Sends what is due, batch after batch, until nothing is; returns how many mails went. */
    public int runOnce() {
        if (!mails.enabled()) {
            return 0;
        }
        int sent = 0;
        List<NewsletterRepository.Delivery> claimed = newsletters.claim(batch, lease);
        while (!claimed.isEmpty()) {
            for (NewsletterRepository.Delivery delivery : claimed) {
                try {
                    mails.sendIssue(delivery);
                } catch (MailUnavailable e) {
                    newsletters.retryLater(delivery, e.getMessage(), AFTER_REFUSAL);
                    LOG.log(Level.WARNING, "The mail server refused a newsletter; trying again later: " + e.getMessage());
                    continue;
                }
                newsletters.sent(delivery);
                sent++;
                pause();
            }
            newsletters.finishSends();
            claimed = newsletters.claim(batch, lease);
        }
        newsletters.finishSends();
        return sent;
    }

    private void pause() {
        if (pace.isZero()) {
            return;
        }
        try {
            Thread.sleep(pace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
