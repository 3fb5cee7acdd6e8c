# Scenario: the peers started beside the running service, each timed from its launch to
# its first 200 of /ping while the service is idle, and checked with the service's tokens
# (a valid one answers 200, the badly signed one 401); after the GET rows, their memory,
# and their stop. Sourced, defines only.

# start_peer KEY COMMAND...: launches the peer on a free port in a directory of its own;
# sets peer_pid, peer_port and peer_startup, or skips the peer when it does not start.
start_peer() {
  local key=$1 port start_ns deadline
  shift
  port=$(free_port)
  peer_port[$key]=$port
  mkdir -p "$work/peer-$key"
  start_ns=$(date +%s%N)
  (cd "$work/peer-$key" && SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 PORT=$port JWT_SECRET=$jwt_secret \
    exec "$@") >"$work/peer-$key.log" 2>&1 &
  peer_pid[$key]=$!
  deadline=$((SECONDS + 120))
  until ping_status; [ "$ping_code" = 200 ]; do
    if ! kill -0 "${peer_pid[$key]}" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 20 "$work/peer-$key.log" >&2
      stop_peer "$key"
      peer_skip[$key]="it did not answer /ping within 120 s of its launch (its log is above)"
      echo "   the ${peer_name[$key]}'s rows are skipped: ${peer_skip[$key]}"
      return 0
    fi
    sleep 0.02
  done
  peer_startup[$key]=$(awk -v ns=$(($(date +%s%N) - start_ns)) 'BEGIN { printf "%.2f", ns / 1e9 }')
  echo "   start-up to the first 200 of /ping: ${peer_startup[$key]} s"
}

# A peer that refuses the service's valid token measures nothing, and one that takes a
# forged token is broken: either fails the run, as for the service.
check_peer_tokens() {
  local url="http://127.0.0.1:${peer_port[$1]}/protected" code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" -H "Authorization: Bearer $(cat "$work/one-token")" || true)
  [ "$code" = 200 ] || fail "the ${peer_name[$1]} answered $code, not 200, to the service's valid token"
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" -H "Authorization: Bearer $(cat "$work/bad-token")" || true)
  [ "$code" = 401 ] || fail "the ${peer_name[$1]} answered $code, not 401, to a badly signed token"
}

# start_peers: the Spring peer on the chosen JDK with the service's flags, the fastify
# peer on node, one after the other once the service is idle.
start_peers() {
  local key
  for key in "${peer_keys[@]}"; do
    peer_up "$key" || continue
    settle 30
    echo "== starting the ${peer_name[$key]} on 127.0.0.1, beside the idle service"
    case $key in
      spring) start_peer spring "$java" "${jvm_options[@]}" -jar "$work/spring-peer.jar" ;;
      fastify) start_peer fastify node "$fastify_dir/server.js" ;;
    esac
    if peer_up "$key"; then check_peer_tokens "$key"; fi
  done
}

# peers_memory: each running peer's RSS, peak RSS and PSS right after its load.
peers_memory() {
  local key
  for key in "${peer_keys[@]}"; do
    if peer_up "$key"; then
      read -r peer_rss[$key] peer_hwm[$key] peer_pss[$key] <<<"$(memory_of "${peer_pid[$key]}")"
    fi
  done
}

stop_peer() {
  local pid=${peer_pid[$1]:-}
  peer_pid[$1]=""
  if [ -n "$pid" ]; then stop_process "$pid" 100; fi
}

# stop_peers: both, after their rows and on any exit.
stop_peers() {
  local key
  for key in "${peer_keys[@]}"; do stop_peer "$key"; done
}
