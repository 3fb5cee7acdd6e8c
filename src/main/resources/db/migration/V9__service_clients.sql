-- Service clients (client credentials): other services that get their own tokens and
-- may introspect or revoke. The secret is stored only as a password hash; the key is
-- the session id of every token the client holds, so removing it revokes them.
create table service_client (
    client_id   varchar(80)              not null primary key,
    client_key  uuid                     not null unique,
    name        varchar(100)             not null,
    secret_hash varchar(255)             not null,
    scopes      varchar(200)             not null,
    created_at  timestamp with time zone not null
);
