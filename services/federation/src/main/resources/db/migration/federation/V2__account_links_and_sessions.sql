-- What members expect of an account: a confirmed address, links to reset a password or confirm a new address,
-- and signing out everywhere when the password changes.

ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
-- Everyone before this migration signed up when no address was confirmed: they keep their access.
UPDATE users SET email_verified_at = created_at;

-- Bumped when every session of the user must end (password changed or reset, account deleted): a session
-- remembers the generation it began in and counts only while it is the user's current one.
ALTER TABLE users ADD COLUMN session_generation integer NOT NULL DEFAULT 0;

-- Links mailed to a member: confirm the address, reset the password, confirm a new address. Only a hash of the
-- token is kept (the mail holds the token), each is used once, and each expires.
CREATE TABLE account_links (
    token_hash text PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text NOT NULL CHECK (purpose IN ('confirm-email', 'reset-password', 'change-email')),
    new_email  text,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX account_links_user ON account_links (user_id, purpose);

-- Federation's own sessions by user, so signing a user out everywhere can tell each service (back-channel
-- logout) which of its sessions ended. The sessions themselves live in Redis.
CREATE TABLE user_sessions (
    session_id text PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX user_sessions_user ON user_sessions (user_id);
