-- Per-client rate-limit buckets, shared by every instance: one row per route, limit and
-- client address, holding the instant (microseconds since the epoch) at which the bucket
-- is full again. A full bucket needs no row, so rows whose instant has passed are deleted.
create table client_bucket (
    bucket_key varchar(300) primary key,
    full_at    bigint       not null
);

create index ix_client_bucket_full_at on client_bucket (full_at);
