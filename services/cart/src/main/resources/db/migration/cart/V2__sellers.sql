-- A cart holds items of more than one seller: the market's products and events' tickets (docs/cart.md, "Sellers").
-- Everything before this was the market's.
ALTER TABLE cart_items ADD COLUMN seller text NOT NULL DEFAULT 'market' CHECK (seller IN ('market', 'events'));
ALTER TABLE cart_items DROP CONSTRAINT cart_items_pkey;
ALTER TABLE cart_items ADD PRIMARY KEY (cart_id, seller, product_slug);

ALTER TABLE order_lines ADD COLUMN seller text NOT NULL DEFAULT 'market' CHECK (seller IN ('market', 'events'));
ALTER TABLE order_lines DROP CONSTRAINT order_lines_pkey;
ALTER TABLE order_lines ADD PRIMARY KEY (order_id, seller, product_slug);
