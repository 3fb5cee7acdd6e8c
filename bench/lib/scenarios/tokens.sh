# Scenarios: the token routes other than a login. Refresh rotation (each request spends a
# refresh token and carries on with the one its answer returns), a service client's
# client-credentials grants, and its introspection of the users' access tokens. Each is a
# row: warm-up, measured run, and on PostgreSQL the database's cost. Sourced, defines only.

# make_client: a service client with the introspect scope, made with the jar's clientadd
# in the service's directory (on H2 its AUTO_SERVER lets a second process in while the
# service runs), while the service is idle; sets client_basic, its Basic header value.
make_client() {
  local id secret
  echo "== a service client for the OAuth rows (clientadd, in the service's directory)"
  (cd "$service_dir" && exec env "${db_env[@]}" timeout 180 "$java" -XX:TieredStopAtLevel=1 -jar "$work/service.jar" \
    clientadd --name bench --scopes introspect,revoke) >"$work/clientadd.out" 2>&1 || true
  id=$(sed -n 's/^client_id: *//p' "$work/clientadd.out")
  secret=$(sed -n 's/^client_secret: *//p' "$work/clientadd.out")
  if [ -z "$id" ] || [ -z "$secret" ]; then
    tail -n 20 "$work/clientadd.out" >&2
    fail "clientadd gave no client id and secret"
  fi
  # RFC 6749 wants both parts form-urlencoded first; generated ones need no encoding.
  client_basic="Basic $(printf '%s:%s' "$id" "$secret" | base64 -w 0)"
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Authorization: $client_basic" \
    -d grant_type=client_credentials "$base/oauth/token" || true)
  [ "$code" = 200 ] || fail "POST /oauth/token with the new client answered $code, not 200"
}

# scenario_refresh: a pool of four sessions a connection, logged in before the row. wrk.lua
# spends each token once and keeps the one each answer returns; the tokens it holds at the
# end of the warm-up go to the measured run through the same file. A request left in
# flight when wrk stops spends its token unanswered, hence the margin.
scenario_refresh() {
  local pool=$((token_connections * 4))
  echo "== $pool sessions for the refresh rotation ($pool logins)"
  refresh_tokens "$pool" "$work/refresh-tokens"
  row refresh "POST /auth/refresh, rotation, $pool sessions" "$threads" "$token_connections" /auth/refresh \
    BENCH_ROTATE="$work/refresh-tokens" BENCH_ROTATE_OUT="$work/refresh-tokens" BENCH_THREADS="$threads"
}

# scenario_client_credentials: the client's grants with HTTP Basic. The service remembers a
# secret that already worked, so this measures a grant, not an Argon2id per request.
scenario_client_credentials() {
  echo "grant_type=client_credentials" >"$work/grant-body"
  row grant "POST /oauth/token, client credentials" "$threads" "$token_connections" /oauth/token \
    BENCH_BODIES="$work/grant-body" BENCH_CONTENT_TYPE=application/x-www-form-urlencoded BENCH_AUTH="$client_basic"
}

# introspect_active WHEN: fails unless the client hears the first user's token is active;
# a dead token is answered 200 too ({"active": false}), so the row's statuses cannot tell.
introspect_active() {
  curl -s --max-time 30 -H "Authorization: $client_basic" --data-urlencode "token=$(cat "$work/one-token")" \
    "$base/oauth/introspect" | grep -q '"active":true' || fail "introspection $1 the row did not find a live token active"
}

# scenario_introspection: the client asks about the users' live access tokens in turn.
scenario_introspection() {
  sed 's/^/token=/' "$work/tokens" >"$work/introspect-bodies"
  introspect_active before
  row introspect "POST /oauth/introspect, $users tokens" "$threads" "$token_connections" /oauth/introspect \
    BENCH_BODIES="$work/introspect-bodies" BENCH_CONTENT_TYPE=application/x-www-form-urlencoded BENCH_AUTH="$client_basic"
  introspect_active after
}

scenario_tokens() {
  make_client
  scenario_refresh
  scenario_client_credentials
  scenario_introspection
}
