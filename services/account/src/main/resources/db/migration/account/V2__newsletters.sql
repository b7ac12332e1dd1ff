-- Newsletters: lists, their subscribers (double opt-in), issues, and one delivery per issue and subscriber, so a
-- send interrupted by a crash resumes where it stopped. Replaces the placeholder table of V1, which held nothing.
DROP TABLE newsletter_subscriptions;

CREATE TABLE newsletters (
    id          bigserial PRIMARY KEY,
    slug        text NOT NULL UNIQUE,
    name        text NOT NULL,
    description text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- An address on a list: pending until its owner follows the mailed link, then confirmed; unsubscribed is kept
-- (not deleted) so a later subscription starts again at pending. member: federation's subject, when signed in.
CREATE TABLE subscriptions (
    id              bigserial PRIMARY KEY,
    newsletter_id   bigint NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
    email           text NOT NULL,
    member          text,
    state           text NOT NULL CHECK (state IN ('pending', 'confirmed', 'unsubscribed')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz
);

CREATE UNIQUE INDEX subscriptions_address ON subscriptions (newsletter_id, lower(email));
CREATE INDEX subscriptions_member ON subscriptions (member) WHERE member IS NOT NULL;

CREATE TABLE issues (
    id              bigserial PRIMARY KEY,
    newsletter_id   bigint NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
    subject         text NOT NULL,
    markdown        text NOT NULL,
    html            text NOT NULL,
    state           text NOT NULL CHECK (state IN ('draft', 'sending', 'sent')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    send_started_at timestamptz,
    sent_at         timestamptz
);

-- One per issue and confirmed subscriber when the send starts. A sender claims a batch (state sending, a lease),
-- sends each and marks it sent at once; a claim whose sender died is taken again when its lease runs out.
CREATE TABLE issue_deliveries (
    issue_id        bigint NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    subscription_id bigint NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    state           text NOT NULL CHECK (state IN ('pending', 'sending', 'sent')),
    attempts        integer NOT NULL DEFAULT 0,
    lease_until     timestamptz,
    sent_at         timestamptz,
    last_error      text,
    PRIMARY KEY (issue_id, subscription_id)
);

CREATE INDEX issue_deliveries_due ON issue_deliveries (issue_id) WHERE state <> 'sent';
