package com.roseash.platform.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.roseash.contract.ServiceName;

/**
 * Every domain event that crosses services: its type, the one service that publishes it and the services that
 * react to it (docs/platform.md, "Domain events"). This is the one list: a producer writes a delivery for each subscriber named
 * here, and a consumer may handle only the types that name it, so the two sides cannot drift apart.
 */
public enum EventType {
    /** A member deleted their account: their subscriptions, bookings and personal data go (payload {@link MemberDeleted}). */
    MEMBER_DELETED("member.deleted", ServiceName.FEDERATION,
            List.of(ServiceName.ACCOUNT, ServiceName.CART, ServiceName.EVENTS)),
    /** An order was paid: events issues the tickets among its lines (payload {@code OrderPaid} in the order contract). */
    ORDER_PAID("order.paid", ServiceName.CART, List.of(ServiceName.EVENTS));

    private final String type;
    private final ServiceName producer;
    private final List<ServiceName> subscribers;

    EventType(String type, ServiceName producer, List<ServiceName> subscribers) {
        this.type = type;
        this.producer = producer;
        this.subscribers = List.copyOf(subscribers);
    }

    /** The name on the wire and in the outbox, e.g. {@code order.paid}. */
    public String type() {
        return type;
    }

    public ServiceName producer() {
        return producer;
    }

    public List<ServiceName> subscribers() {
        return subscribers;
    }

    public static List<EventType> publishedBy(ServiceName service) {
        return Arrays.stream(values()).filter(t -> t.producer == service).toList();
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
