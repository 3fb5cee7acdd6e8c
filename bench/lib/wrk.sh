# wrk load and its results: one wrk run as a command, the BENCH lines of wrk.lua into a
# row's fields, and a row's warm-up and measured run. Sourced, defines only.

# The rows in the order of the table, and each row's fields by its key.
rows=()
declare -gA label rps ok_rps p50 p99 non2xx errors answers ok svc_cpu load_cpu other_cpu

# wrk_command SECONDS THREADS CONNECTIONS PATH [VAR=VALUE...]: puts one wrk run into the
# array wrk_cmd, as a plain command so that a background run's $! is wrk's own timeout(1),
# which passes a kill on to wrk. The 30 s request timeout keeps slow logins counted as
# answers with their true latency rather than as timeouts; timeout(1) bounds wrk itself.
wrk_command() {
  local seconds=$1 t=$2 c=$3 path=$4
  shift 4
  wrk_cmd=(env "$@" timeout --kill-after=5 $((seconds + 60))
    wrk -t"$t" -c"$c" -d"${seconds}s" --timeout 30s --latency -s "$bench_dir/wrk.lua" "$base$path")
}

ms() { awk -v v="$1" 'BEGIN { printf "%.2f", v / 1000 }'; }
per_second() { awk -v n="$1" -v d="$2" 'BEGIN { printf "%.1f", (d > 0 ? n / (d / 1e6) : 0) }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (v[int((NR + 1) / 2)] + v[int(NR / 2) + 1]) / 2 }'; }

# record KEY LABEL CPU WRK_OUTPUT...: the BENCH lines of wrk.lua (one per measured run of
# the row) and the CPU sample into the row's fields. Counts and durations add up; wrk's
# percentiles cannot be merged, so p50 is the median of the runs' and p99 the highest.
# A wrk that failed (say a Lua error) has no BENCH line.
record() {
  local key=$1 name=$2 cpu=$3 file n dur status sock lat50 lat99
  local total_n=0 total_dur=0 total_status=0 total_sock=0 p50s=() p99s=()
  shift 3
  for file in "$@"; do
    if ! read -r _ n dur status sock lat50 lat99 < <(grep '^BENCH ' "$file"); then
      cat "$file" >&2
      fail "wrk gave no result for '$name'"
    fi
    total_n=$((total_n + n)) total_dur=$((total_dur + dur))
    total_status=$((total_status + status)) total_sock=$((total_sock + sock))
    # wrk's percentiles of no answers read 0 ms, which would pass any latency target.
    if [ "$n" -gt 0 ]; then p50s+=("$lat50") p99s+=("$lat99"); fi
  done
  rows+=("$key")
  label[$key]=$name
  rps[$key]=$(per_second "$total_n" "$total_dur")
  ok_rps[$key]=$(per_second $((total_n - total_status)) "$total_dur")
  p50[$key]=none p99[$key]=none
  if [ ${#p50s[@]} -gt 0 ]; then
    p50[$key]=$(ms "$(printf '%s\n' "${p50s[@]}" | median)")
    p99[$key]=$(ms "$(printf '%s\n' "${p99s[@]}" | sort -n | tail -n 1)")
  fi
  non2xx[$key]=$total_status errors[$key]=$total_sock answers[$key]=$total_n ok[$key]=$((total_n - total_status))
  read -r svc_cpu[$key] load_cpu[$key] other_cpu[$key] <<<"$cpu"
}

# row KEY LABEL THREADS CONNECTIONS PATH [VAR=VALUE...]: warm-up run (row_warmup seconds,
# else --warmup), then measured run, with the database's cost of it on PostgreSQL.
row() {
  local key=$1 name=$2 cpu seconds=${row_warmup:-$warmup}
  shift 2
  echo "== $name: ${seconds} s warm-up, ${duration} s measured"
  wrk_command "$seconds" "$@"
  "${wrk_cmd[@]}" >"$work/$key.warmup" 2>&1 || true
  settle 30
  wrk_command "$duration" "$@"
  db_row_start
  cpu_start
  "${wrk_cmd[@]}" >"$work/$key.out" 2>&1 || true
  cpu=$(cpu_stop)
  record "$key" "$name" "$cpu" "$work/$key.out"
  db_row_stop "$key"
}
