-- A producer's data for the events tests.
CREATE TABLE orders (
    id     text PRIMARY KEY,
    status text NOT NULL
);
