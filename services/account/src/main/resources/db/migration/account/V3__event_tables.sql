-- Domain events (platform.events, docs/platform.md "Domain events"): the outbox this domain publishes from,
-- the delivery of each event to each subscriber, and the inbox of events this domain has handled.
-- A service copies this file unchanged into its own migrations (db/migration/<domain>/V<n>__event_tables.sql):
-- names are unqualified, so Flyway creates them in the domain's schema (the migrator's default schema).

CREATE TABLE event_outbox (
    position       bigserial PRIMARY KEY,          -- the order events were published in
    id             uuid NOT NULL UNIQUE,
    type           text NOT NULL,                  -- e.g. order.paid
    aggregate_type text NOT NULL,                  -- e.g. order
    aggregate_id   text NOT NULL,
    occurred_at    timestamptz NOT NULL,
    payload        jsonb NOT NULL,
    producer       text NOT NULL
);

-- One row per (event, subscriber): a slow or failing subscriber is retried alone, and an aggregate's later
-- event waits for its earlier one per subscriber.
CREATE TABLE event_deliveries (
    event_position  bigint NOT NULL REFERENCES event_outbox (position),
    subscriber      text NOT NULL,
    aggregate_type  text NOT NULL,
    aggregate_id    text NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    delivered_at    timestamptz,
    PRIMARY KEY (event_position, subscriber)
);

-- What a processor claims next, in order, and what holds an aggregate's later event back: pending rows only, so
-- the indexes stay small however many delivered rows the table keeps.
CREATE INDEX event_deliveries_due ON event_deliveries (event_position) WHERE delivered_at IS NULL;
CREATE INDEX event_deliveries_pending ON event_deliveries (subscriber, aggregate_type, aggregate_id, event_position)
    WHERE delivered_at IS NULL;

-- Events this domain has handled, written in the same transaction as the handler's effects.
CREATE TABLE event_inbox (
    event_id   uuid PRIMARY KEY,
    type       text NOT NULL,
    producer   text NOT NULL,
    handled_at timestamptz NOT NULL DEFAULT now()
);
