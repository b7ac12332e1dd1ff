CREATE TABLE fine (id bigserial PRIMARY KEY);
