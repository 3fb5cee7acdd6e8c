# Scenario: GET /protected latency beside a flood of logins. Two wrk processes at once:
# one flood of logins in the background lasting through the probe's warm-up and measured
# run (a flood restarted between them would leave the measured run a backlog of abandoned
# logins), and the GET /protected probe beside it. Sourced, defines only.

scenario_flood() {
  local flood_seconds cpu
  echo "== GET /protected beside a flood of $flood logins: ${warmup} s warm-up, ${duration} s measured"
  flood_seconds=$((warmup + duration + 2))
  wrk_command "$flood_seconds" "$threads" "$flood" /auth BENCH_BODIES="$work/logins"
  "${wrk_cmd[@]}" >"$work/flood.out" 2>&1 &
  flood_pid=$!
  wrk_command "$warmup" 1 "$probe_connections" /protected BENCH_TOKENS="$work/one-token"
  "${wrk_cmd[@]}" >"$work/probe.warmup" 2>&1 || true
  wrk_command "$duration" 1 "$probe_connections" /protected BENCH_TOKENS="$work/one-token"
  cpu_start
  "${wrk_cmd[@]}" >"$work/probe.out" 2>&1 || true
  cpu=$(cpu_stop)
  wait "$flood_pid" || true
  flood_pid=""
  record probe "GET /protected beside the login flood" "$cpu" "$work/probe.out"
  record flood "POST /auth, the flood ($flood at once, ${flood_seconds} s)" "- - -" "$work/flood.out"
}
