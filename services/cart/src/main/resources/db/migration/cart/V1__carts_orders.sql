-- The cart schema. Flyway runs this with default schema "cart", so unqualified names land there.

-- A cart per visitor: its id is the visitor's cart cookie; a member's cart also names the member (federation's
-- subject), so it follows them to any browser they sign in on.
CREATE TABLE carts (
    id          text PRIMARY KEY,
    member      text UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- What is in a cart: products by slug only. Titles and prices are the market's, read when shown and at checkout.
CREATE TABLE cart_items (
    cart_id      text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    product_slug text NOT NULL,
    quantity     integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cart_id, product_slug)
);

CREATE TABLE orders (
    id              text PRIMARY KEY,
    member          text NOT NULL,
    email           text NOT NULL,
    state           text NOT NULL CHECK (state IN ('pending_payment', 'paid', 'fulfilled', 'failed', 'expired',
                                                   'cancelled', 'refunded')),
    total_minor     bigint NOT NULL CHECK (total_minor >= 0),
    currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    checkout_id     text UNIQUE,
    transaction_id  text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    paid_at         timestamptz,
    -- The market holds the order's stock until it is given back (the order failed, expired, was cancelled or
    -- refunded). Cleared only once the market says so, so a release the market missed is tried again.
    stock_held      boolean NOT NULL DEFAULT true,
    -- Set once the order's confirmation mail went out; a paid order without it is mailed again.
    confirmed_at    timestamptz,
    CHECK (state <> 'paid' OR paid_at IS NOT NULL)
);

CREATE INDEX orders_member ON orders (member, created_at DESC);
CREATE INDEX orders_recent ON orders (created_at DESC);
CREATE INDEX orders_pending ON orders (created_at) WHERE state = 'pending_payment';
CREATE INDEX orders_to_release ON orders (updated_at) WHERE stock_held AND state IN ('failed', 'expired', 'cancelled', 'refunded');
CREATE INDEX orders_to_confirm ON orders (paid_at) WHERE paid_at IS NOT NULL AND confirmed_at IS NULL;

-- An order's lines as the market priced them when it held the stock: never changed afterwards.
CREATE TABLE order_lines (
    order_id         text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_slug     text NOT NULL,
    title            text NOT NULL,
    quantity         integer NOT NULL CHECK (quantity > 0),
    unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
    PRIMARY KEY (order_id, product_slug)
);

-- Every change of an order's state, with who or what made it: the order's history.
CREATE TABLE order_history (
    id          bigserial PRIMARY KEY,
    order_id    text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    from_state  text,
    to_state    text NOT NULL,
    reason      text NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX order_history_order ON order_history (order_id, id);
