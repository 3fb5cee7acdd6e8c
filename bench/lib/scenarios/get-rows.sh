# Scenario: the four GET rows, whose throughputs the ratios compare, and the running
# peers' three each (public route, one valid token, the badly signed one): each warmed up
# in turn, then measured in rounds, the rows taking turns within each round, so that a
# slow or a quick spell of the shared machine lands on all of them alike instead of on
# one. A row's figures add its rounds up, and so does its CPU sample. Sourced, defines only.

get_rows=(ping one many bad)
declare -gA get_path get_tokens get_port get_pid cpu_sum

# get_rows_define: each GET row's path, tokens, label and server; the order of the turns
# puts each peer row right after the service's row it is compared with.
get_rows_define() {
  local key
  get_path[ping]=/ping get_tokens[ping]=""
  get_path[one]=/protected get_tokens[one]=$work/one-token
  get_path[many]=/protected get_tokens[many]=$work/tokens
  get_path[bad]=/protected get_tokens[bad]=$work/bad-token
  label[ping]="GET /ping (no auth)"
  label[one]="GET /protected, one token"
  label[many]="GET /protected, $users tokens"
  label[bad]="GET /protected, bad signature (401)"
  get_turns=(ping)
  for key in "${peer_keys[@]}"; do peer_up "$key" && get_turns+=("${key}_ping"); done
  get_turns+=(one)
  for key in "${peer_keys[@]}"; do peer_up "$key" && get_turns+=("${key}_one"); done
  get_turns+=(many bad)
  for key in "${peer_keys[@]}"; do peer_up "$key" && get_turns+=("${key}_bad"); done
  for key in "${peer_keys[@]}"; do
    peer_up "$key" || continue
    get_rows+=("${key}_ping" "${key}_one" "${key}_bad")
    get_path[${key}_ping]=/ping get_tokens[${key}_ping]=""
    get_path[${key}_one]=/protected get_tokens[${key}_one]=$work/one-token
    get_path[${key}_bad]=/protected get_tokens[${key}_bad]=$work/bad-token
    label[${key}_ping]="${peer_tag[$key]}: ${label[ping]}"
    label[${key}_one]="${peer_tag[$key]}: ${label[one]}"
    label[${key}_bad]="${peer_tag[$key]}: ${label[bad]}"
    get_port[${key}_ping]=${peer_port[$key]} get_port[${key}_one]=${peer_port[$key]} get_port[${key}_bad]=${peer_port[$key]}
    get_pid[${key}_ping]=${peer_pid[$key]} get_pid[${key}_one]=${peer_pid[$key]} get_pid[${key}_bad]=${peer_pid[$key]}
  done
}

get_wrk() {  # get_wrk KEY SECONDS: sets wrk_cmd for one run of a GET row, at its server
  local vars=() base=$base
  [ -z "${get_tokens[$1]}" ] || vars=(BENCH_TOKENS="${get_tokens[$1]}")
  [ -z "${get_port[$1]:-}" ] || base="http://127.0.0.1:${get_port[$1]}"
  wrk_command "$2" "$threads" "$connections" "${get_path[$1]}" "${vars[@]}"
}

get_rows_warm_up() {
  local key
  for key in "${get_turns[@]}"; do
    echo "== ${label[$key]}: ${warmup} s warm-up"
    get_wrk "$key" "$warmup"
    "${wrk_cmd[@]}" >"$work/$key.warmup" 2>&1 || true
    cpu_sum[$key]="0 0 0 0"
  done
}

get_rows_measure() {
  local round round_seconds key delta sum measured_pid
  echo "== the GET rows measured: $duration s a row in $rounds round(s), the rows taking turns"
  for round in $(seq 1 "$rounds"); do
    # Every row gets the same seconds in a round; the first rounds take what is left over.
    round_seconds=$((duration / rounds + (round <= duration % rounds ? 1 : 0)))
    for key in "${get_turns[@]}"; do
      get_wrk "$key" "$round_seconds"
      measured_pid=${get_pid[$key]:-}
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
