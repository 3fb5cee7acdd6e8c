# The users the rows log in as and the tokens they present: $work/tokens (one a user),
# $work/one-token, $work/bad-token and $work/logins (one JSON body a user). Sourced,
# defines only.

# One user: sign up, log in, print the access token on one line (one write, so
# concurrent users' lines do not interleave); problems go to stderr.
enrol() {
  local name="bench-user-$1" body code token
  body=$(printf '{"username":"%s","password":"bench-Pass-%s-xyz"}' "$name" "$1")
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 -X POST "$BENCH_BASE/signup" \
    -H 'Content-Type: application/json' -d "$body" || true)
  if [ "$code" != 201 ]; then
    echo "signup of $name: HTTP $code" >&2
    return 0
  fi
  token=$(curl -s --max-time 60 -X POST "$BENCH_BASE/auth" -H 'Content-Type: application/json' -d "$body" |
    sed -nE 's/.*"access_token":"([^"]+)".*/\1/p' || true)
  if [ -n "$token" ]; then printf '%s\n' "$token"; else echo "login of $name: no access_token" >&2; fi
}

enrol_users() {
  local enrol_start token_count i
  export -f enrol
  export BENCH_BASE=$base
  echo "== signing up and logging in $users users, $((cores * 2)) at a time"
  enrol_start=$SECONDS
  # Argon2id is CPU-bound: two requests per core keep the cores busy without a queue.
  seq 1 "$users" | xargs -P $((cores * 2)) -n 1 bash -c 'enrol "$1"' _ >"$work/tokens" 2>"$work/enrol.err"
  token_count=$(wc -l <"$work/tokens")
  echo "   $token_count tokens in $((SECONDS - enrol_start)) s"
  if [ "$token_count" -ne "$users" ]; then
    head -n 5 "$work/enrol.err" >&2
    service_log_tail
    fail "only $token_count of $users users got a token"
  fi
  for i in $(seq 1 "$users"); do
    printf '{"username":"bench-user-%s","password":"bench-Pass-%s-xyz"}\n' "$i" "$i"
  done >"$work/logins"
  head -n 1 "$work/tokens" >"$work/one-token"
}

# The attack path: a well-formed token with the right header and claims whose signature
# is wrong. Changing the signature's first character changes its first six bits (the
# last character carries unused bits, so changing that one might change nothing).
forge_token() {
  local valid signature first
  valid=$(cat "$work/one-token")
  signature=${valid##*.}
  if [ "${signature:0:1}" = A ]; then first=B; else first=A; fi
  echo "${valid%.*}.$first${signature:1}" >"$work/bad-token"
  [ "$(status_with "$valid")" = 200 ] || fail "GET /protected with a fresh token did not answer 200"
  [ "$(status_with "$(cat "$work/bad-token")")" = 401 ] || fail "GET /protected with a badly signed token did not answer 401"
}

status_with() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/protected" -H "Authorization: Bearer $1" || true
}

# One login of user $1, printing its refresh token on one line. The hashing pool answers
# 503 when it is full, as it can be on a busy machine: such a login is tried again.
login_refresh() {
  local body answer token
  body=$(printf '{"username":"bench-user-%s","password":"bench-Pass-%s-xyz"}' "$1" "$1")
  for _ in 1 2 3 4 5; do
    answer=$(curl -s --max-time 60 -w '\n%{http_code}' -X POST "$BENCH_BASE/auth" -H 'Content-Type: application/json' \
      -d "$body" || true)
    token=$(sed -nE 's/.*"refresh_token":"([^"]+)".*/\1/p' <<<"$answer")
    if [ -n "$token" ]; then
      printf '%s\n' "$token"
      return 0
    fi
    sleep 0.5
  done
  echo "login of bench-user-$1: HTTP ${answer##*$'\n'}, no refresh_token" >&2
}

# refresh_tokens COUNT FILE: COUNT fresh sessions of the users, taken in turn, their
# refresh tokens into FILE, one login a core at a time; fails when a login gives none.
refresh_tokens() {
  local count
  export -f login_refresh
  export BENCH_BASE=$base
  seq 0 $(($1 - 1)) | awk -v u="$users" '{ print $1 % u + 1 }' |
    xargs -P "$cores" -n 1 bash -c 'login_refresh "$1"' _ >"$2" 2>"$work/refresh-logins.err"
  count=$(grep -c . "$2" || true)
  if [ "$count" -ne "$1" ]; then
    head -n 5 "$work/refresh-logins.err" >&2
    fail "only $count of $1 logins gave a refresh token"
  fi
}
