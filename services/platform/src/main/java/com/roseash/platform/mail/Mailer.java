package com.roseash.platform.mail;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Sends the platform's mail over SMTP (Jakarta Mail, Eclipse Angus). Every step is bounded by a timeout, so a hung
 * server costs a caller at most that, and a failure is {@link MailUnavailable} naming the server, never the
 * password. With no server set ({@code rose-ash.mail.host} empty) mail is off: nothing is sent, and that is logged.
 */
public final class Mailer {

    private static final System.Logger LOG = System.getLogger(Mailer.class.getName());

    /** How the connection to the SMTP server is protected. */
    public enum Security { NONE, STARTTLS, TLS }

    private final String host;
    private final int port;
    private final InternetAddress from;
    private final String username;
    private final String password;
    private final Session session;

    /**
     * @param host     empty: mail is off
     * @param username empty: the server is used without signing in
     */
    public Mailer(String host, int port, String from, String username, String password, Security security, Duration timeout) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(PlatformSettings.MAIL_FROM.key() + " is not an address: \"" + from + "\"");
        }
        String millis = String.valueOf(timeout.toMillis());
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.auth", String.valueOf(!username.isEmpty()));
        if (security == Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (security == Security.TLS) {
            properties.put("mail.smtp.ssl.enable", "true");
        }
        if (security != Security.NONE) {
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(properties);
    }

    /** The mailer {@code config} describes. */
    public static Mailer from(RoseAshConfig config) {
        String security = config.string(PlatformSettings.MAIL_SECURITY);
        Security chosen;
        try {
            chosen = Security.valueOf(security.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PlatformSettings.MAIL_SECURITY.key() + " is starttls, tls or none, not \""
                    + security + "\"");
        }
        return new Mailer(config.value(PlatformSettings.MAIL_HOST).orElse("").strip(), config.integer(PlatformSettings.MAIL_PORT),
                config.string(PlatformSettings.MAIL_FROM), config.value(PlatformSettings.MAIL_USERNAME).orElse(""),
                config.value(PlatformSettings.MAIL_PASSWORD).orElse(""), chosen,
                config.duration(PlatformSettings.MAIL_TIMEOUT));
    }

    public boolean enabled() {
        return !host.isEmpty();
    }

    /** Sends {@code email}; with mail off, logs that it was not sent. */
    public void send(Email email) {
        if (!enabled()) {
            // The subject only: the address is a member's personal data, which the log has no need of.
            LOG.log(Level.INFO, "Mail is off (" + PlatformSettings.MAIL_HOST.key() + " is empty): not sending \""
                    + email.subject() + "\"");
            return;
        }
        try {
            MimeMessage message = email.messageId().isEmpty() ? new MimeMessage(session)
                    : new KeptIdMessage(session, email.messageId());
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            if (email.html().isEmpty()) {
                message.setText(email.text(), StandardCharsets.UTF_8.name());
            } else {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(email.text(), StandardCharsets.UTF_8.name());
                MimeBodyPart html = new MimeBodyPart();
                html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
                // Plain text first: a reader shows the last alternative it can (RFC 2046), so HTML where it can.
                message.setContent(new MimeMultipart("alternative", text, html));
            }
            for (Map.Entry<String, String> header : email.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            message.setSentDate(new Date());
            message.saveChanges();
            if (username.isEmpty()) {
                Transport.send(message);
            } else {
                Transport.send(message, username, password);
            }
        } catch (MessagingException e) {
            throw new MailUnavailable("The mail server " + host + ":" + port + " did not take \"" + email.subject()
                    + "\" for " + email.to() + ": " + describe(e), e);
        }
    }

    /** The failure without anything of the password: only exception types and the server's own words. */
    private String describe(MessagingException e) {
        StringBuilder reason = new StringBuilder();
        Throwable cause = e;
        while (cause != null && reason.length() < 300) {
            if (!reason.isEmpty()) {
                reason.append(" / ");
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            reason.append(cause.getClass().getSimpleName()).append(message.isEmpty() ? "" : ": " + message);
            cause = cause.getCause();
        }
        String said = reason.toString();
        return password.isEmpty() ? said : said.replace(password, "***");
    }

    @Override
    public String toString() {
        return "Mailer[" + (enabled() ? host + ":" + port : "off") + "]";
    }

    /** A message that keeps the Message-ID it was given, where Jakarta Mail would make a new one on saving. */
    private static final class KeptIdMessage extends MimeMessage {
        private final String id;

        KeptIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
