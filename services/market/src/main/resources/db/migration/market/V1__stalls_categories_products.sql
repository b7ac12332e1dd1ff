-- The market schema. Flyway runs this with default schema "market", so unqualified names land there.

-- Who sells: a member (federation's subject) or a group of members, named.
CREATE TABLE stalls (
    id          bigserial PRIMARY KEY,
    slug        text NOT NULL UNIQUE,
    name        text NOT NULL,
    description text NOT NULL DEFAULT '',
    owner_kind  text NOT NULL CHECK (owner_kind IN ('member', 'group')),
    owner       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE categories (
    id          bigserial PRIMARY KEY,
    slug        text NOT NULL UNIQUE,
    name        text NOT NULL,
    description text NOT NULL DEFAULT '',
    position    integer NOT NULL DEFAULT 0
);

CREATE TABLE products (
    id            bigserial PRIMARY KEY,
    slug          text NOT NULL UNIQUE,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    markdown      text NOT NULL DEFAULT '',
    html          text NOT NULL DEFAULT '',
    -- Money as whole minor units of an ISO 4217 currency: never a float.
    price_minor   bigint NOT NULL CHECK (price_minor >= 0),
    currency      text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- NULL is unlimited stock.
    stock         integer CHECK (stock IS NULL OR stock >= 0),
    status        text NOT NULL CHECK (status IN ('draft', 'published')),
    featured      boolean NOT NULL DEFAULT false,
    stall_id      bigint REFERENCES stalls (id) ON DELETE SET NULL,
    source_url    text,
    published_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'published' OR published_at IS NOT NULL),
    -- Search over title (weighted first) and description, kept by PostgreSQL itself.
    search        tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', markdown), 'B')
                  ) STORED
);

CREATE INDEX products_search ON products USING gin (search);
CREATE INDEX products_published ON products (published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX products_featured ON products (published_at DESC) WHERE status = 'published' AND featured;

CREATE TABLE product_images (
    product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    url        text NOT NULL,
    PRIMARY KEY (product_id, position)
);

CREATE TABLE product_categories (
    product_id  bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    category_id bigint NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    PRIMARY KEY (product_id, category_id)
);

CREATE INDEX product_categories_category ON product_categories (category_id);
