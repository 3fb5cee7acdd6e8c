-- A denied access token was written both here and to revocation_event, which keeps it
-- just as long; instances now read denials from revocation_event alone.
drop table denied_access_token;
