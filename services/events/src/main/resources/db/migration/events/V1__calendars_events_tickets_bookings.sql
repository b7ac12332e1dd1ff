-- The events schema. Flyway runs this with default schema "events", so unqualified names land there.

CREATE TABLE calendars (
    id          bigserial PRIMARY KEY,
    slug        text NOT NULL UNIQUE,
    name        text NOT NULL,
    description text NOT NULL DEFAULT '',
    -- IANA zone: where the calendar's month and week views start and end their days.
    time_zone   text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- An event's times are local times in its own zone (a weekly 10:00 stays at 10:00 across a DST change, as
-- RFC 5545 has it); all-day events keep dates only (the times at midnight, end exclusive).
CREATE TABLE events (
    id                   bigserial PRIMARY KEY,
    calendar_id          bigint NOT NULL REFERENCES calendars (id) ON DELETE CASCADE,
    slug                 text NOT NULL UNIQUE,
    title                text NOT NULL,
    description_markdown text NOT NULL DEFAULT '',
    description_html     text NOT NULL DEFAULT '',
    starts_local         timestamp NOT NULL,
    ends_local           timestamp NOT NULL,
    time_zone            text NOT NULL,
    all_day              boolean NOT NULL DEFAULT false,
    location             text NOT NULL DEFAULT '',
    -- An RFC 5545 RRULE value (FREQ=WEEKLY;COUNT=10), or null for a single event.
    rrule                text,
    cancelled            boolean NOT NULL DEFAULT false,
    -- Places members may book free of charge; null: the event takes no bookings.
    places               integer CHECK (places > 0),
    -- RFC 5545 SEQUENCE: bumped on every change, so calendar applications take the new version.
    sequence             integer NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_local >= starts_local)
);

CREATE INDEX events_calendar ON events (calendar_id, starts_local);

-- Occurrences of a recurring event that do not happen (EXDATE), by their local start.
CREATE TABLE event_exceptions (
    event_id         bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    occurrence_local timestamp NOT NULL,
    PRIMARY KEY (event_id, occurrence_local)
);

-- What a ticket costs and how many there are. The slug names it in the cart (the seller contract's slug).
CREATE TABLE ticket_types (
    id          bigserial PRIMARY KEY,
    event_id    bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    slug        text NOT NULL UNIQUE,
    name        text NOT NULL,
    price_minor bigint NOT NULL CHECK (price_minor >= 0),
    currency    text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    capacity    integer NOT NULL CHECK (capacity > 0),
    sale_starts timestamptz,
    sale_ends   timestamptz,
    CHECK (sale_ends IS NULL OR sale_starts IS NULL OR sale_ends > sale_starts)
);

-- Tickets held for a cart's order between checkout and payment (or its end), as the market holds stock.
CREATE TABLE ticket_holds (
    order_id       text NOT NULL,
    ticket_type_id bigint NOT NULL REFERENCES ticket_types (id) ON DELETE CASCADE,
    quantity       integer NOT NULL CHECK (quantity > 0),
    title          text NOT NULL,
    price_minor    bigint NOT NULL,
    currency       text NOT NULL,
    held_at        timestamptz NOT NULL DEFAULT now(),
    released_at    timestamptz,
    PRIMARY KEY (order_id, ticket_type_id)
);

CREATE INDEX ticket_holds_type ON ticket_holds (ticket_type_id) WHERE released_at IS NULL;

-- Issued tickets: the code is random and unguessable (it is the ticket); checked in once.
CREATE TABLE tickets (
    code           text PRIMARY KEY,
    ticket_type_id bigint NOT NULL REFERENCES ticket_types (id) ON DELETE CASCADE,
    order_id       text NOT NULL,
    member         text NOT NULL,
    email          text NOT NULL,
    issued_at      timestamptz NOT NULL DEFAULT now(),
    mailed_at      timestamptz,
    checked_in_at  timestamptz,
    -- Set when the order was refunded or cancelled after all: the ticket no longer admits anyone.
    voided_at      timestamptz
);

CREATE INDEX tickets_member ON tickets (member, issued_at DESC);
CREATE INDEX tickets_order ON tickets (order_id);
CREATE INDEX tickets_to_mail ON tickets (issued_at) WHERE mailed_at IS NULL;

-- Free bookings of an event's places. A member has at most one live booking per event (booked or waiting);
-- the waiting list is in the order of booking (id).
CREATE TABLE bookings (
    id         bigserial PRIMARY KEY,
    event_id   bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    member     text NOT NULL,
    email      text NOT NULL,
    name       text NOT NULL,
    places     integer NOT NULL CHECK (places BETWEEN 1 AND 10),
    state      text NOT NULL CHECK (state IN ('booked', 'waiting', 'cancelled')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- Set when the member was told of the booking's current state; cleared when it changes (moved up).
    mailed_at  timestamptz
);

CREATE UNIQUE INDEX bookings_live ON bookings (event_id, member) WHERE state <> 'cancelled';
CREATE INDEX bookings_waiting ON bookings (event_id, id) WHERE state = 'waiting';
CREATE INDEX bookings_member ON bookings (member, created_at DESC);
CREATE INDEX bookings_to_mail ON bookings (updated_at) WHERE mailed_at IS NULL;
