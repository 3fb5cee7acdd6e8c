# The peers the service is compared with, made ready: the Spring resource server's jar
# (bench/peers/spring-resource-server, built with the repo's ./mvnw) and the fastify app's
# modules (bench/peers/fastify, npm ci). Both are kept under target/bench-peers/, keyed by a
# hash of their sources, so a repeated run reuses them. A peer that cannot be made ready is
# skipped with the reason, never failing the run. Sourced, defines only.

peer_keys=(spring fastify)
# peer_tag heads the peer's rows in the table.
declare -gA peer_name peer_tag peer_skip peer_pid peer_port peer_startup peer_rss peer_hwm peer_pss
peer_name[spring]="Spring peer" peer_name[fastify]="fastify peer" peer_tag[spring]=Spring peer_tag[fastify]=fastify

# sources_hash DIR: a short hash of the names and contents of DIR's files.
sources_hash() {
  (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c 1-16)
}

# prepare_spring_peer: copies the peer's jar to $work/spring-peer.jar, building it first
# when target/ holds none for these sources: offline, else online once to resolve.
prepare_spring_peer() {
  local src=$bench_dir/peers/spring-resource-server cache build=$work/spring-peer-build
  cache=$repo/target/bench-peers/spring-resource-server-$(sources_hash "$src").jar
  if [ ! -f "$cache" ]; then
    echo "== building the Spring peer (./mvnw -q -B -DskipTests package, offline first)"
    mkdir "$build"
    cp -r "$src/." "$repo/mvnw" "$repo/.mvn" "$build/"
    if ! (cd "$build" && { ./mvnw -q -B -o -DskipTests package || ./mvnw -q -B -DskipTests package; }) \
      >"$work/spring-peer-build.log" 2>&1; then
      peer_skip[spring]="its build failed: $(grep -m 1 'ERROR' "$work/spring-peer-build.log" | cut -c 1-160)"
      return 0
    fi
    mkdir -p "$(dirname "$cache")"
    # Renamed into place whole, so a concurrent run never takes a half-copied jar.
    cp "$build/target/spring-resource-server.jar" "$cache.$$" && mv "$cache.$$" "$cache"
    rm -rf "$build"
  fi
  cp "$cache" "$work/spring-peer.jar"
}

# prepare_fastify_peer: sets fastify_dir to the app with its modules installed (npm ci).
prepare_fastify_peer() {
  local src=$bench_dir/peers/fastify node_major
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    peer_skip[fastify]="node or npm is not installed"
    return 0
  fi
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$node_major" -lt 20 ]; then
    peer_skip[fastify]="it needs Node 20 or later, this is Node $node_major"
    return 0
  fi
  fastify_dir=$repo/target/bench-peers/fastify-$(sources_hash "$src")
  [ -f "$fastify_dir/.installed" ] && return 0
  echo "== installing the fastify peer's modules (npm ci)"
  rm -rf "$fastify_dir.$$"
  mkdir -p "$fastify_dir.$$"
  cp -r "$src/." "$fastify_dir.$$/"
  if ! (cd "$fastify_dir.$$" && npm ci --ignore-scripts --no-audit --no-fund --prefer-offline) \
    >"$work/fastify-peer-install.log" 2>&1; then
    peer_skip[fastify]="npm ci failed: $(grep -m 1 'ERR' "$work/fastify-peer-install.log" | cut -c 1-160)"
    rm -rf "$fastify_dir.$$"
    return 0
  fi
  touch "$fastify_dir.$$/.installed"
  # Another run may have installed it meanwhile: then its copy stays and this one goes.
  mv -T "$fastify_dir.$$" "$fastify_dir" 2>/dev/null || rm -rf "$fastify_dir.$$"
}

# prepare_peers: both peers, unless --no-peers; says which are skipped and why.
prepare_peers() {
  local key
  if ! $peers; then
    for key in "${peer_keys[@]}"; do peer_skip[$key]="--no-peers"; done
    return 0
  fi
  prepare_spring_peer
  prepare_fastify_peer
  for key in "${peer_keys[@]}"; do
    [ -z "${peer_skip[$key]:-}" ] || echo "   the ${peer_name[$key]}'s rows are skipped: ${peer_skip[$key]}"
  done
}

# peer_up KEY: true when the peer is to be measured.
peer_up() { [ -z "${peer_skip[$1]:-}" ]; }
