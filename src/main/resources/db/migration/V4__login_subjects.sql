-- One row per throttled subject, locked while an attempt is counted and recorded: ids
-- of login_failure are allocated before their rows commit, so counting rows alone let
-- concurrent guesses miss each other.
create table login_subject (
    subject varchar(600) primary key
);
