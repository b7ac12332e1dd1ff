package com.roseash.platform.mail;

/** The SMTP server could not take a mail (down, slow, refused the sign-in or the mail): the caller tries again later. */
public final class MailUnavailable extends RuntimeException {

    public MailUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
