CREATE TABLEE oops (id bigserial PRIMARY KEY);
