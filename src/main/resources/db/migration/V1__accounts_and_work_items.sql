-- Accounts, the names they log in with, and their work items.
-- Plain SQL that runs unchanged on H2 and PostgreSQL.

create table account (
    id            uuid                     not null primary key,
    username      varchar(64)              not null,
    username_key  varchar(256)             not null,
    email         varchar(254),
    email_key     varchar(512),
    name          varchar(100),
    password_hash varchar(255)             not null,
    roles         varchar(100)             not null,
    enabled       boolean                  default true not null,
    created_at    timestamp with time zone not null,
    constraint uk_account_username_key unique (username_key),
    constraint uk_account_email_key unique (email_key)
);

-- Every name an account logs in with (username and email), case-folded. One key
-- space for both makes "no username equals another user's email" a constraint.
create table login_name (
    name_key   varchar(512) not null primary key,
    account_id uuid         not null references account (id) on delete cascade
);

create index ix_login_name_account on login_name (account_id);

create table work_item (
    id         uuid                     not null primary key,
    owner_id   uuid                     not null references account (id) on delete cascade,
    title      varchar(200)             not null,
    created_at timestamp with time zone not null
);

create index ix_work_item_owner on work_item (owner_id, created_at);
