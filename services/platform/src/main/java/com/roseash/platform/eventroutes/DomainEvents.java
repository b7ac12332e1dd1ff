package com.roseash.platform.eventroutes;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import com.roseash.contract.ServiceName;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;
import com.roseash.platform.db.Database;
import com.roseash.platform.events.EventHandler;
import com.roseash.platform.events.EventInbox;
import com.roseash.platform.events.EventTables;
import com.roseash.platform.events.EventType;
import com.roseash.platform.events.Outbox;
import com.roseash.platform.events.OutboxProcessor;
import com.roseash.platform.events.OutboxSettings;
import com.roseash.platform.events.Subscriber;
import com.roseash.platform.events.Subscriptions;

/**
 * One service's side of the domain events (docs/platform.md, "Domain events"): the outbox it publishes into,
 * with one delivery per subscriber {@link EventType} names; the processor delivering them, running while the
 * service does when it publishes anything; and the routes its own handlers answer on at {@link EventRoutes#MOUNT}.
 */
public final class DomainEvents implements AutoCloseable {

    private final ServiceName service;
    private final Outbox outbox;
    private final EventRoutes routes;
    private final Optional<OutboxProcessor> processor;

    private DomainEvents(ServiceName service, Outbox outbox, EventRoutes routes, Optional<OutboxProcessor> processor) {
        this.service = service;
        this.outbox = outbox;
        this.routes = routes;
        this.processor = processor;
    }

    /**
     * {@code service}'s events, its subscribers found at their internal URLs. A subscriber without one still gets
     * its deliveries written: they wait, with the reason, until it is configured.
     */
    public static DomainEvents of(ServiceName service, RoseAshConfig config, Database database) {
        EventTables tables = new EventTables(service.id());
        Subscriptions subscriptions = new Subscriptions();
        for (EventType type : EventType.publishedBy(service)) {
            for (ServiceName subscriber : type.subscribers()) {
                String base = config.value(PlatformSettings.internalUrl(subscriber)).orElse("");
                subscriptions.subscribe(type.type(), base.isBlank() ? Subscriber.unaddressed(subscriber.id())
                        : new Subscriber(subscriber.id(), URI.create(base.replaceAll("/+$", "") + EventRoutes.MOUNT)));
            }
        }
        OutboxSettings settings = new OutboxSettings(config.duration(PlatformSettings.DOMAIN_EVENTS_SAFETY_POLL), 50,
                config.duration(PlatformSettings.DOMAIN_EVENTS_FIRST_RETRY),
                config.duration(PlatformSettings.DOMAIN_EVENTS_MAX_RETRY),
                Duration.ofSeconds(2), config.duration(PlatformSettings.DOMAIN_EVENTS_TIMEOUT));
        Optional<OutboxProcessor> processor = EventType.publishedBy(service).isEmpty() ? Optional.empty()
                : Optional.of(new OutboxProcessor(database, tables, subscriptions, settings).start());
        return new DomainEvents(service, new Outbox(tables, subscriptions),
                new EventRoutes(new EventInbox(database.client(), tables)), processor);
    }

    /** Where this service publishes, in the transaction of the change. */
    public Outbox outbox() {
        return outbox;
    }

    /** Handles {@code type}, which must name this service among its subscribers. */
    public DomainEvents on(EventType type, EventHandler handler) {
        if (!type.subscribers().contains(service)) {
            throw new IllegalArgumentException(service.id() + " handles " + type.type()
                    + ", which EventType does not deliver to it: add it to the subscribers there");
        }
        routes.on(type.type(), handler);
        return this;
    }

    /** For the internal socket, at {@link EventRoutes#MOUNT}. */
    public EventRoutes routes() {
        return routes;
    }

    @Override
    public void close() {
        processor.ifPresent(OutboxProcessor::close);
    }
}
