package com.roseash.account.members;

import com.roseash.account.newsletters.NewsletterRepository;
import com.roseash.platform.events.DomainEvent;
import com.roseash.platform.events.EventJson;
import com.roseash.platform.events.MemberDeleted;
import io.helidon.dbclient.DbTransaction;

/** {@code member.deleted}: every newsletter subscription of the member, by account or by address, goes. */
public final class MemberErasure {

    private final NewsletterRepository newsletters;

    public MemberErasure(NewsletterRepository newsletters) {
        this.newsletters = newsletters;
    }

    public void handle(DbTransaction tx, DomainEvent event) {
        MemberDeleted deleted = EventJson.payload(event, MemberDeleted.class);
        newsletters.forgetMember(tx, deleted.subject(), deleted.email());
    }
}
