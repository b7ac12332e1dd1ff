package com.roseash.federation.links;

import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.roseash.platform.mail.Email;
import com.roseash.platform.mail.MailUnavailable;
import com.roseash.platform.mail.Mailer;

/**
 * The mails of an account: the links to confirm an address, reset a password or confirm a new address, and the
 * notice to the old address. Sent in the background, so a page answers as fast whether or not there was anything
 * to send (the reset form must not tell who has an account by its timing).
 */
public final class AccountMails {

    private static final System.Logger LOG = System.getLogger(AccountMails.class.getName());

    private final Mailer mailer;
    private final String federationUrl;

    /** @param federationUrl federation's public address, ending in "/" */
    public AccountMails(Mailer mailer, String federationUrl) {
        this.mailer = mailer;
        this.federationUrl = federationUrl;
    }

    /** Whether mail goes out at all: without it, addresses cannot be confirmed. */
    public boolean enabled() {
        return mailer.enabled();
    }

    public void confirmAddress(String to, String name, String token) {
        send(new Email(to, "Confirm your address for Rose Ash", "Hello " + name + ",\n\nConfirm that this is your address"
                + " by opening this link within a day:\n\n" + link("confirm-email", token)
                + "\n\nIf you did not create an account, ignore this mail.\n"));
    }

    public void resetPassword(String to, String token) {
        send(new Email(to, "Reset your Rose Ash password", "Someone (we hope you) asked to reset the password of the"
                + " account at this address.\n\nChoose a new one within an hour, once:\n\n" + link("password/reset", token)
                + "\n\nIf it was not you, ignore this mail: your password stays as it is.\n"));
    }

    public void confirmNewAddress(String to, String token) {
        send(new Email(to, "Confirm your new address for Rose Ash", "Confirm that your Rose Ash account should use this"
                + " address from now on, within a day:\n\n" + link("account/email/confirm", token) + "\n"));
    }

    public void addressChanging(String to, String newAddress) {
        send(new Email(to, "Your Rose Ash address is changing", "Someone signed in to your account asked to use "
                + newAddress + " instead of this address. It changes once they confirm it there.\n\n"
                + "If it was not you, change your password: " + federationUrl + "account/password\n"));
    }

    private String link(String path, String token) {
        return federationUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private void send(Email email) {
        if (!mailer.enabled()) {
            return;
        }
        Thread.ofVirtual().name("account-mail").start(() -> {
            try {
                mailer.send(email);
            } catch (MailUnavailable e) {
                // The member can ask again (resend, reset again); nothing is lost but this mail.
                LOG.log(Level.WARNING, "An account mail was not sent: " + e.getMessage());
            }
        });
    }
}
