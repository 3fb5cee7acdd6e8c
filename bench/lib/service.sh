# The service under test: its temporary directory and guaranteed stop, its jar, its port
# and JVM flags, its start with the wait for readiness, its stop. Sourced, defines only.

# make_workdir: the temporary directory, removed with the service stopped on any exit;
# sets jwt_secret, the HS256 secret the service signs with and the peers check with.
make_workdir() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/jwt-bench.XXXXXX")
  service_pid="" flood_pid=""
  jwt_secret=$(head -c 48 /dev/urandom | base64 -w 0)
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}

cleanup() {
  local status=$?
  if [ -n "$flood_pid" ]; then kill "$flood_pid" 2>/dev/null || true; fi
  if declare -F stop_peers >/dev/null; then stop_peers; fi
  # A graceful stop takes a second or two; after 15 s it is forced.
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then stop_process "$service_pid" 150; fi
  if declare -F drop_database >/dev/null; then drop_database; fi
  rm -rf "$work"
  exit "$status"
}

# stop_process PID TENTHS: asks the process to stop, and forces it after TENTHS tenths of a second.
stop_process() {
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 "$2"); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

service_log_tail() {
  echo "--- last lines of the service log:" >&2
  tail -n 40 "$work/service.log" >&2 || true
}

# prepare_jar: $work/service.jar, built from a copy, so the working tree's target/ (which
# others build into) is never touched; a given jar is copied too, so a rebuild elsewhere
# cannot swap it mid-run. maven.test.skip leaves the tests uncompiled as well as unrun:
# the jar needs neither, and a test someone is halfway through editing then cannot stop
# the benchmark.
prepare_jar() {
  if [ -n "$jar_given" ]; then
    echo "jar:     $jar_given (built $(date -u -r "$jar_given" '+%Y-%m-%d %H:%M UTC'); the tree above may differ)"
    cp "$jar_given" "$work/service.jar"
    return
  fi
  echo "== building the jar from a copy of the working tree (./mvnw -q -B -Dmaven.test.skip=true package)"
  mkdir "$work/build"
  cp -r "$repo/pom.xml" "$repo/mvnw" "$repo/.mvn" "$repo/src" "$work/build/"
  if ! (cd "$work/build" && ./mvnw -q -B -Dmaven.test.skip=true package) >"$work/build.log" 2>&1; then
    tail -n 40 "$work/build.log" >&2
    fail "the build failed (to measure a jar built earlier, pass --jar PATH)"
  fi
  cp "$work/build/target/jwt-auth-service.jar" "$work/service.jar"
  rm -rf "$work/build"
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ephemeral_low: the first port of the kernel's ephemeral range (32768 where unknown).
ephemeral_low() {
  local low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true)
  [[ $low =~ ^[0-9]+$ ]] && ((low > 11000)) && echo "$low" || echo 32768
}

# free_port: prints a free loopback port.
free_port() {
  local candidate
  for _ in $(seq 1 100); do
    # Below the kernel's ephemeral range: a port inside it can be taken between this check
    # and the bind as the local end of an outgoing connection (a database connection, say).
    candidate=$((10000 + RANDOM % ($(ephemeral_low) - 10000)))
    if port_is_free "$candidate"; then echo "$candidate"; return; fi
  done
  fail "found no free loopback port in 100 tries"
}

# pick_port: sets port and base to a free loopback port for the service.
pick_port() {
  port=$(free_port)
  base="http://127.0.0.1:$port"
}

# read_jvm_options: the JVM flags the README gives, from the one place they are kept.
read_jvm_options() {
  read -r -a jvm_options <<<"$(sed -n 's:.*<service.jvm.options>\(.*\)</service.jvm.options>.*:\1:p' "$repo/pom.xml")"
  [ ${#jvm_options[@]} -gt 0 ] || fail "no <service.jvm.options> in $repo/pom.xml"
  echo "flags:   ${jvm_options[*]}"
}

# Polled every 20 ms in bash itself: a curl process 50 times a second would take CPU
# from the JVM whose start is being timed. A caller's local port asks another process.
ping_status() {
  ping_code=""
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
  printf 'GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  local line=""
  read -r -t 2 line <&3 || true
  exec 3<&-
  line=${line#HTTP/1.1 }
  ping_code=${line%% *}
}

# start_service DIR JAVA-ARGS...: launches the service in DIR (fresh database and secret)
# and sets startup_s to the seconds from the launch to its first 200 of /ping.
# SERVER_ADDRESS keeps it off every interface but loopback. The 2 h token lifetime keeps
# the tokens made at the start valid through a long run (the default is 15 minutes); all
# requests come from one address, so the per-client limits on signups, refreshes and the
# service-client routes are lifted (each limited request still costs its database
# statement). The run's own JWT_SECRET lets the peers check the service's tokens; db_env
# points it at PostgreSQL with --postgres. Sets service_dir.
start_service() {
  local dir=$1
  shift
  mkdir "$dir"
  service_dir=$dir
  local start_ns
  start_ns=$(date +%s%N)
  (cd "$dir" && exec env SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 JWT_ACCESS_TOKEN_TTL=2h RATE_LIMIT_SIGNUP=1000000 \
    RATE_LIMIT_REFRESH=1000000 RATE_LIMIT_OAUTH=1000000 JWT_SECRET="$jwt_secret" "${db_env[@]}" \
    "$java" "${jvm_options[@]}" "$@") >"$work/service.log" 2>&1 &
  service_pid=$!
  local deadline=$((SECONDS + 120))
  until ping_status; [ "$ping_code" = 200 ]; do
    if ! kill -0 "$service_pid" 2>/dev/null; then
      service_pid=""
      service_log_tail
      fail "the service exited during start-up"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      service_log_tail
      fail "no 200 from /ping within 120 s of the launch"
    fi
    sleep 0.02
  done
  startup_s=$(awk -v ns=$(($(date +%s%N) - start_ns)) 'BEGIN { printf "%.2f", ns / 1e9 }')
  spring_says=$(sed -n 's/.*\(Started [A-Za-z]* in .*\)/\1/p' "$work/service.log" | head -n 1)
}

stop_service() {
  kill -TERM "$service_pid" 2>/dev/null || true
  wait "$service_pid" 2>/dev/null || true
  service_pid=""
}

# memory_of PID: prints "<RSS> <peak RSS> <PSS>" in MiB. PSS shares each shared page
# among the processes mapping it, so a JVM's mapped class data or libraries used by
# others count only in part.
memory_of() {
  local status pss
  status=$(awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { printf "%.0f %.0f", r / 1024, h / 1024 }' "/proc/$1/status")
  pss=$(awk '/^Pss:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/smaps_rollup" 2>/dev/null || true)
  echo "$status ${pss:-?}"
}

# service_memory: sets rss_mib, hwm_mib and pss_mib, the service's resident memory now,
# at its peak, and its proportional share now.
service_memory() {
  read -r rss_mib hwm_mib pss_mib <<<"$(memory_of "$service_pid")"
}
