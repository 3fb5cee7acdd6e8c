-- Account recovery by mail: whether the email was proven, when the password last
-- changed (a mail token older than that is void), and the mail tokens themselves,
-- stored as SHA-256 hashes only.
alter table account add column email_verified boolean default false not null;
alter table account add column password_changed_at timestamp with time zone;

create table one_time_token (
    hash       varchar(64)              not null primary key,
    purpose    varchar(16)              not null,
    account_id uuid                     not null references account (id) on delete cascade,
    payload    varchar(254),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);

create index ix_one_time_token_account on one_time_token (account_id, purpose, created_at);
create index ix_one_time_token_expires on one_time_token (expires_at);
