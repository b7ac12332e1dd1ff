-- Users of the platform and the OpenID Connect provider's authorization codes.

CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    email         text NOT NULL,
    display_name  text NOT NULL,
    password_hash text NOT NULL,
    roles         text NOT NULL DEFAULT 'member',
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email ON users (lower(email));

-- Codes are stored hashed, used once (used_at), and live for a minute.
CREATE TABLE authorization_codes (
    code_hash      text PRIMARY KEY,
    client_id      text NOT NULL,
    user_id        bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    redirect_uri   text NOT NULL,
    code_challenge text NOT NULL,
    nonce          text,
    scope          text NOT NULL,
    session_id     text NOT NULL,
    auth_time      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);
