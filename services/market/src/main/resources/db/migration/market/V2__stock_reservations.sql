-- Stock held for an order between checkout and payment: taken from products.stock when the order is placed,
-- given back if the order fails, expires or is cancelled. One row per order and product; the order's id
-- makes a repeated reservation (a retried checkout) find the first one instead of taking stock twice.
CREATE TABLE reservations (
    order_id    text NOT NULL,
    product_id  bigint NOT NULL REFERENCES products (id),
    quantity    integer NOT NULL CHECK (quantity > 0),
    price_minor bigint NOT NULL CHECK (price_minor >= 0),
    currency    text NOT NULL,
    title       text NOT NULL,
    released    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, product_id)
);
