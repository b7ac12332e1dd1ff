CREATE TABLE things (id bigserial PRIMARY KEY, name text NOT NULL);
