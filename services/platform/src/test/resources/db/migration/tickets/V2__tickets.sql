-- A consumer's effect for the events tests: one ticket per paid order.
CREATE TABLE tickets (
    order_id text NOT NULL,
    event_id uuid NOT NULL
);
