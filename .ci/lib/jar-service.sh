# Sourced by the CI scripts that call the packaged jar over HTTP.
#   start_jar JAR   starts it in a fresh temporary directory (so on a fresh H2 database)
#                   on a free loopback port, and waits until it answers; the caller's
#                   environment (JWT_..., RATE_LIMIT_...) passes on to the service;
#                   JAR_SERVICE_PORT chooses the port (for settings that name it).
#                   Sets jar (absolute), work (its directory), base (its URL) and pid.
#   stop_jar        stops it and removes the directory; fit for `trap stop_jar EXIT`.

# ephemeral_low: the first port of the kernel's ephemeral range (32768 where unknown).
ephemeral_low() {
  local low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true)
  [[ $low =~ ^[0-9]+$ ]] && ((low > 11000)) && echo "$low" || echo 32768
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    # Below the kernel's ephemeral range: a port inside it can be taken between this check
    # and the bind as the local end of an outgoing connection (a database connection, say).
    port=$((10000 + RANDOM % ($(ephemeral_low) - 10000)))
    # Nothing answers there: the port is free (bash's /dev/tcp, no extra tool needed).
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

start_jar() {
  jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  # The JVM flags the README gives, from the one place they are kept (pom.xml).
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  read -r -a jvm_options <<<"$(sed -n 's:.*<service.jvm.options>\(.*\)</service.jvm.options>.*:\1:p' "$repo/pom.xml")"
  if [ ${#jvm_options[@]} -eq 0 ]; then
    echo "no <service.jvm.options> in $repo/pom.xml"
    return 1
  fi
  work=$(mktemp -d)
  local port
  port=${JAR_SERVICE_PORT:-$(free_port)}
  base="http://127.0.0.1:$port"
  (cd "$work" && SERVER_PORT=$port exec java "${jvm_options[@]}" -jar "$jar" >service.log 2>&1) &
  pid=$!
  for _ in $(seq 1 240); do
    curl -sf "$base/ping" >/dev/null 2>&1 && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the service stopped before answering:"
      tail -50 "$work/service.log"
      return 1
    fi
    sleep 0.5
  done
  echo "the service did not answer within two minutes:"
  tail -50 "$work/service.log"
  return 1
}

stop_jar() {
  local status=$?
  if [ -n "${pid:-}" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  [ -n "${work:-}" ] && rm -rf "$work"
  return "$status"
}
