-- The blog schema. Flyway runs this with default schema "blog", so unqualified names land there.

CREATE TABLE authors (
    id          bigserial PRIMARY KEY,
    ghost_id    text UNIQUE,
    slug        text NOT NULL UNIQUE,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tags (
    id          bigserial PRIMARY KEY,
    ghost_id    text UNIQUE,
    slug        text NOT NULL UNIQUE,
    name        text NOT NULL,
    description text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Posts and pages share one table: same fields, same editor, same import.
CREATE TABLE entries (
    id            bigserial PRIMARY KEY,
    ghost_id      text UNIQUE,
    kind          text NOT NULL CHECK (kind IN ('post', 'page')),
    slug          text NOT NULL,
    title         text NOT NULL,
    markdown      text,
    html          text NOT NULL,
    excerpt       text NOT NULL DEFAULT '',
    feature_image text,
    status        text NOT NULL CHECK (status IN ('draft', 'published')),
    published_at  timestamptz,
    author_id     bigint REFERENCES authors (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, slug),
    CHECK (status <> 'published' OR published_at IS NOT NULL)
);

CREATE INDEX entries_published ON entries (kind, published_at DESC) WHERE status = 'published';

CREATE TABLE entry_tags (
    entry_id bigint NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    tag_id   bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    position integer NOT NULL DEFAULT 0,
    PRIMARY KEY (entry_id, tag_id)
);

CREATE INDEX entry_tags_tag ON entry_tags (tag_id);

CREATE TABLE menu_items (
    id       bigserial PRIMARY KEY,
    label    text NOT NULL,
    url      text NOT NULL,
    position integer NOT NULL
);
