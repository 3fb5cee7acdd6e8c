-- Passkeys (WebAuthn): each account's credentials with their public key and signature
-- counter, and the challenges of ceremonies under way (SHA-256 hashes only), in the
-- database so that any instance can finish a ceremony another one started.

create table passkey (
    id            uuid                     not null primary key,
    account_id    uuid                     not null references account (id) on delete cascade,
    -- the credential id, base64url; authenticators make ids of up to 1023 bytes
    credential_id varchar(1400)            not null,
    -- the COSE_Key (RFC 9052) that verifies its signatures, base64url; no secret
    public_key    varchar(2000)            not null,
    sign_count    bigint                   not null,
    -- how the browser may reach it (usb, nfc, ble, hybrid, internal), space-separated
    transports    varchar(200)             default '' not null,
    name          varchar(64)              not null,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone
);

create unique index ux_passkey_credential on passkey (credential_id);
create index ix_passkey_account on passkey (account_id);

create table webauthn_challenge (
    id             uuid                     not null primary key,
    challenge_hash varchar(64)              not null,
    -- register (an account adding a passkey) or login (no account named)
    purpose        varchar(16)              not null,
    account_id     uuid references account (id) on delete cascade,
    expires_at     timestamp with time zone not null
);

create unique index ux_webauthn_challenge_hash on webauthn_challenge (challenge_hash);
create index ix_webauthn_challenge_expires on webauthn_challenge (expires_at);
