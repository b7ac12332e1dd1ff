package com.roseash.account.newsletters;

import java.time.Clock;
import java.time.Duration;

import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.mail.Mailer;

/**
 * An account replica's newsletter sender in a JVM of its own, for {@code IssueSendingTest} to kill half way:
 * args are the database's URL, user and password, then the SMTP port. Sends a mail every 100 ms, in batches of 10.
 */
public final class SenderProcess {

    private SenderProcess() {
    }

    public static void main(String[] args) {
        Database database = Database.connect(new DatabaseSettings(args[0], args[1], args[2], 2));
        NewsletterRepository newsletters = new NewsletterRepository(database.client());
        NewsletterMails mails = new NewsletterMails(new Mailer("127.0.0.1", Integer.parseInt(args[3]),
                "Rose Ash <news@rose-ash.test>", "", "", Mailer.Security.NONE, Duration.ofSeconds(10)),
                new SignedLinks("test secret"), "http://account.rose-ash.test/", Duration.ofDays(2), Clock.systemUTC());
        IssueSender sender = new IssueSender(newsletters, mails, 10, IssueSendingTest.LEASE, Duration.ofMillis(100));
        System.out.println("STARTED");
        sender.runOnce();
        System.out.println("DONE");
    }
}
