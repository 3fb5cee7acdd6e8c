# Scenario: POST /auth, the users' logins, after a warm-up of its own (--login-warmup).
# Sourced, defines only.

scenario_login() {
  row_warmup=$login_warmup row login "POST /auth, $users users" "$threads" "$login_connections" /auth \
    BENCH_BODIES="$work/logins"
}
