package com.roseash.federation.selfservice;

import com.roseash.contract.ServiceName;
import com.roseash.federation.users.User;
import com.roseash.platform.db.Transactions;
import com.roseash.platform.events.DomainEvent;
import com.roseash.platform.events.EventJson;
import com.roseash.platform.events.EventType;
import com.roseash.platform.events.MemberDeleted;
import com.roseash.platform.events.Outbox;
import io.helidon.dbclient.DbClient;

/**
 * Deletes an account: the user (and what hangs on it: links, sessions, authorization codes) and, in the same
 * transaction, the {@code member.deleted} event, so the other services forget the member exactly when the account
 * is gone (account: subscriptions; events: bookings, tickets' names; cart: cart, orders' names).
 */
public final class AccountDeletion {

    private final DbClient db;
    private final Outbox outbox;

    public AccountDeletion(DbClient db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /** False when the user was gone already. */
    public boolean delete(User user) {
        return Transactions.inTransaction(db, tx -> {
            if (tx.dml("DELETE FROM federation.users WHERE id = ?", user.id()) != 1) {
                return false;
            }
            outbox.publish(tx, DomainEvent.of(ServiceName.FEDERATION.id(), EventType.MEMBER_DELETED.type(), "member",
                    user.subject(), EventJson.payload(new MemberDeleted(user.subject(), user.email()))));
            return true;
        });
    }
}
