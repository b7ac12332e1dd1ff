package com.roseash.events.tickets;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.roseash.platform.db.Columns;
import com.roseash.platform.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/** Issued tickets: issuing, finding by code or member, checking in once. */
public final class TicketRepository {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Crockford's base 32: no I, L, O or U, so a code read aloud or typed at the door is not misread. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final String SELECT = """
            SELECT k.code, e.slug AS event_slug, e.title AS event_title, t.name AS type_name, k.order_id, k.member,
                   k.email, k.issued_at, k.checked_in_at, k.voided_at
            FROM events.tickets k JOIN events.ticket_types t ON t.id = k.ticket_type_id JOIN events.events e ON e.id = t.event_id
            """;

    private final DbClient db;

    public TicketRepository(DbClient db) {
        this.db = db;
    }

    /** A new code: 100 random bits in 20 characters of base 32, grouped by four for reading ({@code 7KQ2-...}). */
    static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** A code as typed at the door: case, spaces and missing hyphens do not matter. */
    public static String normalise(String typed) {
        String bare = typed.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        if (bare.length() != 20) {
            return "";
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < bare.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(bare.charAt(i));
        }
        return code.toString();
    }

    /** Issues {@code quantity} tickets of a type for an order, unless that order has its tickets of it already. */
    public int issue(DbTransaction tx, long ticketTypeId, String orderId, String member, String email, int quantity) {
        long existing = tx.get("SELECT count(*) AS issued FROM events.tickets WHERE order_id = ? AND ticket_type_id = ?",
                orderId, ticketTypeId).orElseThrow().column("issued").getLong();
        int issued = 0;
        for (long i = existing; i < quantity; i++) {
            tx.dml("INSERT INTO events.tickets (code, ticket_type_id, order_id, member, email) VALUES (?, ?, ?, ?, ?)",
                    newCode(), ticketTypeId, orderId, member, email);
            issued++;
        }
        return issued;
    }

    public Optional<Ticket> byCode(String code) {
        return db.execute().get(SELECT + " WHERE k.code = ?", code).map(TicketRepository::ticket);
    }

    public List<Ticket> ofMember(String member, int limit) {
        return db.execute().query(SELECT + " WHERE k.member = ? ORDER BY k.issued_at DESC, k.code LIMIT ?", member, limit)
                .map(TicketRepository::ticket).toList();
    }

    public List<Ticket> ofOrder(String orderId) {
        return db.execute().query(SELECT + " WHERE k.order_id = ? ORDER BY k.code", orderId).map(TicketRepository::ticket)
                .toList();
    }

    /** The orders with tickets not yet mailed to their buyer, oldest first. */
    public List<String> ordersToMail(int limit) {
        return db.execute().query("SELECT order_id FROM events.tickets WHERE mailed_at IS NULL GROUP BY order_id"
                        + " ORDER BY min(issued_at) LIMIT ?", limit)
                .map(row -> Columns.string(row, "order_id")).toList();
    }

    public void mailed(String orderId) {
        db.execute().dml("UPDATE events.tickets SET mailed_at = now() WHERE order_id = ? AND mailed_at IS NULL", orderId);
    }

    /** What checking a code in came to. */
    public sealed interface CheckIn {
        record Admitted(Ticket ticket) implements CheckIn {
        }

        record AlreadyUsed(Ticket ticket) implements CheckIn {
        }

        record Void(Ticket ticket) implements CheckIn {
        }

        record Unknown() implements CheckIn {
        }
    }

    /** Checks a ticket in: once, whoever else scans it at the same moment at another door. */
    public CheckIn checkIn(String code) {
        return Transactions.inTransaction(db, tx -> {
            Optional<Ticket> ticket = tx.get(SELECT + " WHERE k.code = ? FOR UPDATE OF k", code).map(TicketRepository::ticket);
            if (ticket.isEmpty()) {
                return new CheckIn.Unknown();
            }
            if (ticket.get().voided()) {
                return new CheckIn.Void(ticket.get());
            }
            if (ticket.get().checkedIn()) {
                return new CheckIn.AlreadyUsed(ticket.get());
            }
            tx.dml("UPDATE events.tickets SET checked_in_at = now() WHERE code = ?", code);
            return new CheckIn.Admitted(tx.get(SELECT + " WHERE k.code = ?", code).map(TicketRepository::ticket).orElseThrow());
        });
    }

    /** A member left: their tickets keep admitting (they were paid for) but no longer name them. */
    public void forgetMember(DbTransaction tx, String member) {
        tx.dml("UPDATE events.tickets SET member = 'deleted', email = '', mailed_at = coalesce(mailed_at, now())"
                + " WHERE member = ?", member);
    }

    private static Ticket ticket(DbRow row) {
        return new Ticket(Columns.string(row, "code"), Columns.string(row, "event_slug"), Columns.string(row, "event_title"),
                Columns.string(row, "type_name"), Columns.string(row, "order_id"), Columns.string(row, "member"),
                Columns.string(row, "email"), Columns.instant(row, "issued_at"), Columns.instant(row, "checked_in_at"),
                Columns.instant(row, "voided_at"));
    }
}
