package com.roseash.stack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The stack's mail: an SMTP server on loopback (GreenMail) that keeps every mail the services send, so nothing
 * leaves the machine and a developer can still confirm an address or follow a newsletter's link, and a mailbox
 * page listing them at {@code mail.rose-ash.localhost}.
 */
public final class LocalMail implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final GreenMail smtp;
    private final WebServer page;

    private LocalMail(GreenMail smtp, WebServer page) {
        this.smtp = smtp;
        this.page = page;
    }

    static LocalMail start() {
        GreenMail smtp = new GreenMail(new ServerSetup(ListeningPorts.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            LocalMail[] self = new LocalMail[1];
            WebServer page = WebServer.builder().host("127.0.0.1").port(0).featuresDiscoverServices(false)
                    .routing(routing -> routing
                            .get("/", (req, res) -> self[0].list(res))
                            .get("/{n}", (req, res) -> self[0].show(req, res)))
                    .build().start();
            self[0] = new LocalMail(smtp, page);
            return self[0];
        } catch (RuntimeException e) {
            smtp.stop();
            throw e;
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    int pagePort() {
        return page.port();
    }

    /** The mails sent to {@code address}, oldest first. */
    public List<MimeMessage> receivedBy(String address) {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(recipients(message)).toLowerCase(Locale.ROOT)
                    .contains(address.toLowerCase(Locale.ROOT))) {
                to.add(message);
            }
        }
        return to;
    }

    /** The plain-text part of {@code message} (or its only text), where the links to follow are. */
    public static String text(MimeMessage message) {
        try {
            String text = textOf(message);
            return text == null ? "" : text;
        } catch (MessagingException | IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = textOf(body);
                if (text != null && body.isMimeType("text/plain")) {
                    return text;
                }
                html = html == null ? text : html;
            }
            return html;
        }
        return part.isMimeType("text/*") ? String.valueOf(part.getContent()) : null;
    }

    private void list(ServerResponse response) throws MessagingException {
        StringBuilder html = new StringBuilder(head("Mailbox")).append("<h1>Mail sent by the stack</h1>");
        MimeMessage[] messages = smtp.getReceivedMessages();
        if (messages.length == 0) {
            html.append("<p>No mail yet. Everything the services send arrives here; nothing leaves this machine.</p>");
        }
        html.append("<ol reversed>");
        for (int i = messages.length - 1; i >= 0; i--) {
            html.append("<li><a href=\"/").append(i).append("\">").append(escape(messages[i].getSubject()))
                    .append("</a> to ").append(escape(GreenMailUtil.getAddressList(recipients(messages[i])))).append("</li>");
        }
        send(response, html.append("</ol></body></html>").toString());
    }

    private void show(ServerRequest request, ServerResponse response) throws MessagingException {
        MimeMessage[] messages = smtp.getReceivedMessages();
        int n;
        try {
            n = Integer.parseInt(request.path().pathParameters().get("n"));
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n >= messages.length) {
            response.status(Status.NOT_FOUND_404).send("No such mail");
            return;
        }
        MimeMessage message = messages[n];
        StringBuilder html = new StringBuilder(head(message.getSubject())).append("<p><a href=\"/\">All mail</a></p>")
                .append("<h1>").append(escape(message.getSubject())).append("</h1><p>From ")
                .append(escape(GreenMailUtil.getAddressList(message.getFrom()))).append(" to ")
                .append(escape(GreenMailUtil.getAddressList(recipients(message)))).append("</p><pre>");
        String text = text(message);
        Matcher links = LINK.matcher(text);
        int last = 0;
        while (links.find()) {
            html.append(escape(text.substring(last, links.start()))).append("<a href=\"").append(escape(links.group()))
                    .append("\">").append(escape(links.group())).append("</a>");
            last = links.end();
        }
        send(response, html.append(escape(text.substring(last))).append("</pre></body></html>").toString());
    }

    private static Address[] recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? new Address[0] : all;
        } catch (MessagingException e) {
            return new Address[0];
        }
    }

    private static String head(String title) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body>";
    }

    private static void send(ServerResponse response, String html) {
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8").send(html);
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        page.stop();
        smtp.stop();
    }
}
