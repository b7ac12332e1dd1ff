package com.roseash.account.newsletters;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.roseash.platform.db.Columns;
import com.roseash.platform.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/** Newsletters, their subscriptions, issues and the deliveries of a send. */
public final class NewsletterRepository {

    private static final String ISSUE = """
            SELECT i.id, i.newsletter_id, n.name AS newsletter_name, i.subject, i.markdown, i.html, i.state,
                   (SELECT count(*) FROM account.issue_deliveries d WHERE d.issue_id = i.id) AS total,
                   (SELECT count(*) FROM account.issue_deliveries d WHERE d.issue_id = i.id AND d.state = 'sent') AS sent
            FROM account.issues i JOIN account.newsletters n ON n.id = i.newsletter_id
            """;

    private final DbClient db;

    public NewsletterRepository(DbClient db) {
        this.db = db;
    }

    public List<Newsletter> all() {
        return db.execute().query("""
                SELECT n.id, n.slug, n.name, n.description,
                       (SELECT count(*) FROM account.subscriptions s WHERE s.newsletter_id = n.id AND s.state = 'confirmed')
                           AS subscribers
                FROM account.newsletters n ORDER BY n.name""").map(NewsletterRepository::newsletter).toList();
    }

    public Optional<Newsletter> bySlug(String slug) {
        return all().stream().filter(n -> n.slug().equals(slug)).findFirst();
    }

    /** False when the slug is taken. */
    public boolean create(String slug, String name, String description) {
        return db.execute().dml("INSERT INTO account.newsletters (slug, name, description) VALUES (?, ?, ?)"
                + " ON CONFLICT (slug) DO NOTHING", slug, name, description) == 1;
    }

    /**
     * Subscribes {@code email} (pending until confirmed); an unsubscribed address starts again. Returns the
     * subscription to mail a confirmation link for, or empty when the address is confirmed already (nothing to do).
     */
    public Optional<Subscription> subscribe(long newsletter, String email, String member) {
        return Transactions.inTransaction(db, tx -> {
            DbRow row = tx.get("""
                    INSERT INTO account.subscriptions (newsletter_id, email, member, state) VALUES (?, ?, ?, 'pending')
                    ON CONFLICT (newsletter_id, lower(email)) DO UPDATE
                        SET state = CASE WHEN account.subscriptions.state = 'confirmed' THEN 'confirmed' ELSE 'pending' END,
                            member = coalesce(excluded.member, account.subscriptions.member)
                    RETURNING id, state""", newsletter, email, member).orElseThrow();
            return row.column("state").getString().equals("confirmed") ? Optional.<Subscription>empty()
                    : subscription(tx, row.column("id").getLong());
        });
    }

    /** Confirms a pending subscription; the subscription as it is now, or empty when it is gone. */
    public Optional<Subscription> confirm(long id) {
        return Transactions.inTransaction(db, tx -> {
            tx.dml("UPDATE account.subscriptions SET state = 'confirmed', confirmed_at = now()"
                    + " WHERE id = ? AND state = 'pending'", id);
            return subscription(tx, id);
        });
    }

    /** Unsubscribes; the subscription as it is now, or empty when it is gone. */
    public Optional<Subscription> unsubscribe(long id) {
        return Transactions.inTransaction(db, tx -> {
            tx.dml("UPDATE account.subscriptions SET state = 'unsubscribed', unsubscribed_at = now()"
                    + " WHERE id = ? AND state <> 'unsubscribed'", id);
            return subscription(tx, id);
        });
    }

    /** A member left: every subscription of theirs, by account or by address, goes. */
    public void forgetMember(DbTransaction tx, String member, String email) {
        tx.dml("DELETE FROM account.subscriptions WHERE member = ? OR lower(email) = lower(?)", member, email);
    }

    public long createIssue(long newsletter, String subject, String markdown, String html) {
        return db.execute().get("INSERT INTO account.issues (newsletter_id, subject, markdown, html, state)"
                + " VALUES (?, ?, ?, ?, 'draft') RETURNING id", newsletter, subject, markdown, html)
                .orElseThrow().column("id").getLong();
    }

    public Optional<Issue> issue(long id) {
        return db.execute().get(ISSUE + " WHERE i.id = ?", id).map(NewsletterRepository::issue);
    }

    public List<Issue> issues() {
        return db.execute().query(ISSUE + " ORDER BY i.created_at DESC").map(NewsletterRepository::issue).toList();
    }

    /**
     * Starts sending a draft: one delivery per subscriber confirmed now, in the same transaction as the state, so
     * a send starts once with a fixed list. False when it was not a draft (sent already, or being sent).
     */
    public boolean startSending(long issue) {
        return Transactions.inTransaction(db, tx -> {
            if (tx.dml("UPDATE account.issues SET state = 'sending', send_started_at = now() WHERE id = ? AND state = 'draft'",
                    issue) != 1) {
                return false;
            }
            tx.dml("""
                    INSERT INTO account.issue_deliveries (issue_id, subscription_id, state)
                    SELECT ?, s.id, 'pending' FROM account.subscriptions s
                    WHERE s.newsletter_id = (SELECT newsletter_id FROM account.issues WHERE id = ?) AND s.state = 'confirmed'""",
                    issue, issue);
            return true;
        });
    }

    /** A mail to send: who, and which issue. */
    public record Delivery(long issueId, long subscriptionId, String email, String subject, String markdown, String html,
                           String newsletterName) {
    }

    /**
     * Claims up to {@code batch} deliveries that are due (pending, or claimed by a sender whose lease ran out) for
     * {@code lease}: committed at once, so other senders skip them while this one sends.
     */
    public List<Delivery> claim(int batch, Duration lease) {
        return db.execute().query("""
                WITH due AS (
                    SELECT d.issue_id, d.subscription_id FROM account.issue_deliveries d
                    JOIN account.issues i ON i.id = d.issue_id
                    WHERE i.state = 'sending' AND (d.state = 'pending' OR (d.state = 'sending' AND d.lease_until < now()))
                    ORDER BY d.issue_id, d.subscription_id LIMIT ? FOR UPDATE OF d SKIP LOCKED)
                UPDATE account.issue_deliveries d SET state = 'sending', attempts = d.attempts + 1,
                    lease_until = now() + ? * interval '1 millisecond'
                FROM due, account.issues i, account.subscriptions s, account.newsletters n
                WHERE d.issue_id = due.issue_id AND d.subscription_id = due.subscription_id AND i.id = d.issue_id
                  AND s.id = d.subscription_id AND n.id = i.newsletter_id
                RETURNING d.issue_id, d.subscription_id, s.email, i.subject, i.markdown, i.html, n.name AS newsletter_name""",
                        batch, lease.toMillis())
                .map(row -> new Delivery(row.column("issue_id").getLong(), row.column("subscription_id").getLong(),
                        Columns.string(row, "email"), Columns.string(row, "subject"), Columns.string(row, "markdown"),
                        Columns.string(row, "html"), Columns.string(row, "newsletter_name")))
                .toList();
    }

    /** Marks one mail sent, the moment the SMTP server took it. */
    public void sent(Delivery delivery) {
        db.execute().dml("UPDATE account.issue_deliveries SET state = 'sent', sent_at = now(), lease_until = NULL"
                + " WHERE issue_id = ? AND subscription_id = ?", delivery.issueId(), delivery.subscriptionId());
    }

    /** Gives a claimed mail back (the server refused it for now), to be tried again after {@code wait}. */
    public void retryLater(Delivery delivery, String error, Duration wait) {
        db.execute().dml("UPDATE account.issue_deliveries SET last_error = ?, lease_until = now() + ? * interval '1 millisecond'"
                + " WHERE issue_id = ? AND subscription_id = ?", error, wait.toMillis(), delivery.issueId(),
                delivery.subscriptionId());
    }

    /** Issues whose every delivery is sent become sent. */
    public int finishSends() {
        return (int) db.execute().dml("""
                UPDATE account.issues i SET state = 'sent', sent_at = now() WHERE i.state = 'sending'
                AND NOT EXISTS (SELECT 1 FROM account.issue_deliveries d WHERE d.issue_id = i.id AND d.state <> 'sent')""");
    }

    private static Optional<Subscription> subscription(DbTransaction tx, long id) {
        return tx.get("""
                SELECT s.id, s.newsletter_id, n.name AS newsletter_name, s.email, s.state FROM account.subscriptions s
                JOIN account.newsletters n ON n.id = s.newsletter_id WHERE s.id = ?""", id)
                .map(row -> new Subscription(row.column("id").getLong(), row.column("newsletter_id").getLong(),
                        Columns.string(row, "newsletter_name"), Columns.string(row, "email"), Columns.string(row, "state")));
    }

    private static Newsletter newsletter(DbRow row) {
        return new Newsletter(row.column("id").getLong(), Columns.string(row, "slug"), Columns.string(row, "name"),
                Columns.string(row, "description"), row.column("subscribers").getLong());
    }

    private static Issue issue(DbRow row) {
        return new Issue(row.column("id").getLong(), row.column("newsletter_id").getLong(),
                Columns.string(row, "newsletter_name"), Columns.string(row, "subject"), Columns.string(row, "markdown"),
                Columns.string(row, "html"), Columns.string(row, "state"), row.column("total").getLong(),
                row.column("sent").getLong());
    }
}
