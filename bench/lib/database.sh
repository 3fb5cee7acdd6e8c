# The database the service runs on: H2 in its working directory (the default), or with
# --postgres a database of its own on the local PostgreSQL, created for the run and dropped
# at its end; and, on PostgreSQL, what a row cost the database. Sourced, defines only.

pg_host=127.0.0.1 pg_port=5432
declare -gA db_writes db_commits

psql_in() {  # psql_in DATABASE ARGS...: one quiet psql as the trusted postgres user
  PGOPTIONS=--client-min-messages=warning psql -X -q -At -h "$pg_host" -p "$pg_port" -U postgres -d "$1" -v ON_ERROR_STOP=1 "${@:2}"
}

# prepare_database: sets db_env, the variables that point the service at its database,
# and db_name. A database rather than a schema of `test`: pg_stat_database then counts
# the service's transactions only, not those of whoever else uses `test`.
prepare_database() {
  db_env=() db_name=""
  if [ "$database" != postgres ]; then
    echo "db:      H2, a file in the service's directory (--postgres for PostgreSQL)"
    return 0
  fi
  psql_in test -c 'select 1' >/dev/null 2>"$work/psql.err" ||
    fail "no PostgreSQL at $pg_host:$pg_port (database test, user postgres): $(head -n 1 "$work/psql.err")"
  db_name=bench_$$
  psql_in test -c "drop database if exists $db_name" -c "create database $db_name" >/dev/null
  db_env=(SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$db_name"
    SPRING_DATASOURCE_USERNAME=postgres)
  echo "db:      PostgreSQL $(psql_in test -c 'show server_version'), database $db_name on $pg_host:$pg_port, dropped at the end"
}

# scratch_database_env SUFFIX: sets scratch_env for a run of the jar beside the service
# (the AOT training), on PostgreSQL a database of its own, empty; on H2 nothing.
scratch_database_env() {
  scratch_env=() scratch_db=""
  [ "$database" = postgres ] || return 0
  scratch_db=${db_name}_$1
  psql_in test -c "drop database if exists $scratch_db" -c "create database $scratch_db" >/dev/null
  scratch_env=(SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$scratch_db"
    SPRING_DATASOURCE_USERNAME=postgres)
}

drop_scratch_database() {
  [ -n "${scratch_db:-}" ] || return 0
  psql_in test -c "drop database if exists $scratch_db with (force)" >/dev/null 2>&1 || true
  scratch_db=""
}

# drop_database: on any exit, once the service is stopped.
drop_database() {
  drop_scratch_database
  [ -n "${db_name:-}" ] || return 0
  psql_in test -c "drop database if exists $db_name with (force)" >/dev/null 2>&1 || true
  db_name=""
}

# A backend reports its counts at most once a second, and one that goes idle within that
# second reports them up to 10 s later (PostgreSQL 15's PGSTAT_IDLE_INTERVAL): a sample is
# taken once the service has been idle that long.
db_stats_delay=11 db_idle_seconds=4

# db_sample: prints "<rows written> <transactions committed> <ns>" of the service's
# database so far: inserts, updates and deletes in its tables, commits, and the time. The
# sample's own transaction counts one commit in the next sample.
db_sample() {
  echo "$(psql_in "$db_name" -F ' ' -c "select
    (select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables),
    (select xact_commit from pg_stat_database where datname = current_database())") $(date +%s%N)"
}

# db_row_start / db_row_stop KEY: around a measured run, on PostgreSQL, the row's writes
# and commits per successful answer into db_writes and db_commits; on H2 "n/a". An idle
# spell before the run gives the rate of the service's background transactions (the
# revocation poll), which is taken off the row's.
db_row_start() {
  [ "$database" = postgres ] || return 0
  sleep "$db_stats_delay"
  db_idle=$(db_sample)
  sleep "$db_idle_seconds"
  db_before=$(db_sample)
}
db_row_stop() {
  if [ "$database" != postgres ]; then
    db_writes[$1]=n/a db_commits[$1]=n/a
    return 0
  fi
  sleep "$db_stats_delay"
  per_operation "$1" "$db_idle" "$db_before" "$(db_sample)"
}

# per_operation KEY IDLE BEFORE AFTER: three samples ("<writes> <commits> <ns>") into the
# row's writes and commits per successful answer, less the idle rate of commits over the
# time from BEFORE to AFTER and each sample's own commit.
per_operation() {
  local fields
  fields=$(printf '%s %s %s' "$2" "$3" "$4")
  read -r db_writes[$1] db_commits[$1] <<<"$(awk -v n="${ok[$1]}" -v f="$fields" 'BEGIN {
    split(f, s, " ")
    idle = (s[5] - s[2] - 1) / ((s[6] - s[3]) / 1e9)
    writes = s[7] - s[4]
    commits = s[8] - s[5] - 1 - idle * (s[9] - s[6]) / 1e9
    if (commits < 0) commits = 0
    if (n > 0) printf "%.2f %.2f\n", writes / n, commits / n; else print "- -"
  }')"
}

# print_database: the database's cost per operation of the rows that sampled it.
print_database() {
  local format='%-46s %14s %14s\n' key
  if [ "$database" != postgres ]; then
    echo "database: H2, in the service's directory; its cost per operation is n/a (no cheap count of H2's writes)"
    echo
    return 0
  fi
  echo "database: PostgreSQL, database $db_name (pg_stat_user_tables, pg_stat_database), per successful answer"
  printf "$format" row "rows written" "transactions"
  for key in "${rows[@]}"; do
    [ -n "${db_writes[$key]:-}" ] || continue
    printf "$format" "${label[$key]}" "${db_writes[$key]}" "${db_commits[$key]}"
  done
  echo "Rows written are inserts, updates and deletes over the measured run; transactions are commits, less"
  echo "the service's background ones (its revocation poll) at the rate of ${db_idle_seconds} idle seconds before the run."
  echo
}
