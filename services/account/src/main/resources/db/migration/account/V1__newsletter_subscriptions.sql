-- The account domain: what a member chose for themselves. Orders, tickets and bookings stay in their
-- own domains and reach the dashboard through contracts as those services land.
CREATE TABLE newsletter_subscriptions (
    subject       text NOT NULL,
    newsletter    text NOT NULL,
    subscribed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, newsletter)
);
