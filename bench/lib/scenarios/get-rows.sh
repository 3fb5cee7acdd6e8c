# Scenario: the four GET rows, whose throughputs the ratios compare: each warmed up in
# turn, then measured in rounds, the rows taking turns within each round, so that a slow
# or a quick spell of the shared machine lands on all of them alike instead of on one. A
# row's figures add its rounds up, and so does its CPU sample. Sourced, defines only.

get_rows=(ping one many bad)
declare -gA get_path get_tokens cpu_sum

# get_rows_define: each GET row's path, tokens and label.
get_rows_define() {
  get_path[ping]=/ping get_tokens[ping]=""
  get_path[one]=/protected get_tokens[one]=$work/one-token
  get_path[many]=/protected get_tokens[many]=$work/tokens
  get_path[bad]=/protected get_tokens[bad]=$work/bad-token
  label[ping]="GET /ping (no auth)"
  label[one]="GET /protected, one token"
  label[many]="GET /protected, $users tokens"
  label[bad]="GET /protected, bad signature (401)"
}

get_wrk() {  # get_wrk KEY SECONDS: sets wrk_cmd for one run of a GET row
  local vars=()
  [ -z "${get_tokens[$1]}" ] || vars=(BENCH_TOKENS="${get_tokens[$1]}")
  wrk_command "$2" "$threads" "$connections" "${get_path[$1]}" "${vars[@]}"
}

get_rows_warm_up() {
  local key
  for key in "${get_rows[@]}"; do
    echo "== ${label[$key]}: ${warmup} s warm-up"
    get_wrk "$key" "$warmup"
    "${wrk_cmd[@]}" >"$work/$key.warmup" 2>&1 || true
    cpu_sum[$key]="0 0 0 0"
  done
}

get_rows_measure() {
  local round round_seconds key delta sum
  echo "== the GET rows measured: $duration s a row in $rounds round(s), the rows taking turns"
  for round in $(seq 1 "$rounds"); do
    # Every row gets the same seconds in a round; the first rounds take what is left over.
    round_seconds=$((duration / rounds + (round <= duration % rounds ? 1 : 0)))
    for key in "${get_rows[@]}"; do
      get_wrk "$key" "$round_seconds"
      cpu_start
      "${wrk_cmd[@]}" >"$work/$key.round$round" 2>&1 || true
      read -r -a delta <<<"$(cpu_delta)"
      read -r -a sum <<<"${cpu_sum[$key]}"
      cpu_sum[$key]="$((sum[0] + delta[0])) $((sum[1] + delta[1])) $((sum[2] + delta[2])) $((sum[3] + delta[3]))"
    done
  done
}

get_rows_record() {
  local key round outputs sum
  for key in "${get_rows[@]}"; do
    outputs=()
    for round in $(seq 1 "$rounds"); do outputs+=("$work/$key.round$round"); done
    read -r -a sum <<<"${cpu_sum[$key]}"
    record "$key" "${label[$key]}" "$(cores "${sum[@]}")" "${outputs[@]}"
  done
}

scenario_get_rows() {
  get_rows_define
  get_rows_warm_up
  get_rows_measure
  get_rows_record
}
