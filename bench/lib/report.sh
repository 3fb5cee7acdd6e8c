# What bench/run prints: the header on the run's conditions, the table of rows, the
# targets with PASS or MISS, and the check that every row worked. Sourced, defines only.

# print_header: what was measured, on what; sets java_major.
print_header() {
  local java_version commit idle_h0
  java_version=$("$java" -version 2>&1 | sed -n '1,2p')
  java_major=$(sed -n '1s/.* version "\([0-9]*\).*/\1/p' <<<"$java_version")
  commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
  # Read-only: GIT_OPTIONAL_LOCKS=0 keeps git from refreshing the index others may be using.
  if ! GIT_OPTIONAL_LOCKS=0 git -C "$repo" diff --quiet HEAD -- src pom.xml 2>/dev/null; then
    commit="$commit + uncommitted changes in src/ or pom.xml"
  fi
  echo "jwt-auth-service benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')$($smoke && echo ', SMOKE run')"
  echo "tree:    $commit"
  echo "java:    $(tr '\n' ' ' <<<"$java_version")(JAVA_HOME=$java_home)"
  echo "host:    $cores cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)," \
    "$(awk '/^MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM; $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
  # Whatever else runs on the machine skews every number: say how busy it was just before.
  idle_h0=$(host_ticks)
  sleep 1
  echo "busy:    $(awk -v t=$(($(host_ticks) - idle_h0)) -v hz="$clock_ticks" 'BEGIN { printf "%.2f", t / hz }') cores busy on the host just before the run (the service is not started yet)"
  echo "load:    $users users; per row ${warmup} s warm-up + ${duration} s measured (GET rows in $rounds rounds);" \
    "GET rows -t$threads -c$connections; refresh, grant, introspection -t$threads -c$token_connections;" \
    "POST /auth -t$threads -c$login_connections;" \
    "flood -t$threads -c$flood beside a -t1 -c$probe_connections probe"
  if $peers; then
    echo "peers:   a Spring Boot resource server on the same JDK with the same flags, and a fastify app on node" \
      "$(node --version 2>/dev/null || echo '(not installed)'), in the GET rows' rounds (bench/peers/)"
  fi
}

print_table() {
  local format='%-46s %10s %9s %9s %8s %8s %6s %6s %6s\n' key
  echo
  printf "$format" row requests/s "p50 ms" "p99 ms" non-2xx "sock err" svc load other
  for key in "${rows[@]}"; do
    printf "$format" "${label[$key]}" "${rps[$key]}" "${p50[$key]}" "${p99[$key]}" "${non2xx[$key]}" \
      "${errors[$key]}" "${svc_cpu[$key]}" "${load_cpu[$key]}" "${other_cpu[$key]}"
  done
  echo "svc, load, other: cores used during the measured run by the service, by the load (wrk, or the"
  echo "hash JVM in its row) and by the rest of the host ($cores cores in all; the flood's own wrk counts"
  echo "as other in the probe's row). The GET rows add up their $rounds round(s), $duration s in all; their p50"
  echo "is the median of the rounds', their p99 the highest. The flood row spans the probe's warm-up"
  echo "and measured run; the hash row's sample spans all its JVMs, warm-ups included. Its requests/s"
  echo "are hashes/s; each JVM gave: ${hash_rates[*]}."
  echo
}

# target NAME VALUE OP LIMIT UNIT [NOTE]: one line with PASS or MISS (OP is >=, <= or <);
# a value that is not a number (no answer at all) is a MISS.
target() {
  local verdict=MISS
  if [[ $2 =~ ^[0-9.]+$ ]]; then
    verdict=$(awk -v v="$2" -v t="$4" -v op="$3" \
      'BEGIN { print ((op == ">=" ? v >= t : op == "<=" ? v <= t : v < t) ? "PASS" : "MISS") }')
  fi
  printf '%-44s %8s %-4s  (target %s %s%s)  %s%s\n' "$1" "$2" "$5" "$3" "$4" "${5:+ $5}" "$verdict" "${6:+  $6}"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

# Throughput counts successful answers (an error answer is not a served request), except
# on the forged-token row, where every answer is the 401 it should be.
print_targets() {
  local probe_note="" startup_note=""
  target "protected/public, one token" "$(ratio "${ok_rps[one]}" "${ok_rps[ping]}")" ">=" 0.90 ""
  target "protected/public, $users tokens" "$(ratio "${ok_rps[many]}" "${ok_rps[ping]}")" ">=" 0.85 ""
  target "bad signature/valid token, throughput" "$(ratio "${rps[bad]}" "${ok_rps[one]}")" ">=" 1.00 ""
  target "login/hash alone, throughput" "$(ratio "${ok_rps[login]}" "$hash_rate")" ">=" 0.90 ""
  [ "${answers[probe]}" -gt 0 ] || probe_note="no answer within the ${duration} s window"
  target "p99 of /protected during the login flood" "${p99[probe]}" "<" 25 ms "$probe_note"
  [ "$java_major" = 25 ] || startup_note="the target is for Java 25; this is Java $java_major"
  target "start-up to the first answer" "$startup_s" "<" 3 s "$startup_how${startup_note:+; $startup_note}"
  target "RSS after the load" "$rss_mib" "<" 256 MiB "peak (VmHWM) $hwm_mib MiB, PSS $pss_mib MiB"
  echo
}

# print_peer_targets: each peer's start-up and memory, or why it was left out, and the
# service's ratios to the peers measured in the same rounds. The service's memory is
# taken after all its rows, the peers' after their GET rows.
print_peer_targets() {
  local key
  for key in "${peer_keys[@]}"; do
    if peer_up "$key"; then
      echo "${peer_name[$key]}: start-up to the first answer ${peer_startup[$key]} s; after its GET rows RSS" \
        "${peer_rss[$key]} MiB, peak (VmHWM) ${peer_hwm[$key]} MiB, PSS ${peer_pss[$key]} MiB"
    else
      echo "${peer_name[$key]}: skipped, ${peer_skip[$key]}"
    fi
  done
  if peer_up fastify; then
    target "service/fastify, /protected, one token" "$(ratio "${ok_rps[one]}" "${ok_rps[fastify_one]}")" ">=" 1.10 ""
  fi
  if peer_up spring; then
    target "service/Spring, /protected, one token" "$(ratio "${ok_rps[one]}" "${ok_rps[spring_one]}")" ">=" 1.50 ""
    target "service/Spring, /ping" "$(ratio "${ok_rps[ping]}" "${ok_rps[spring_ping]}")" ">=" 1.00 ""
    target "service/Spring, start-up, jars as built" "$(ratio "$plain_startup_s" "${peer_startup[spring]}")" "<=" 1.00 "" \
      "$plain_startup_s s against ${peer_startup[spring]} s, both on Java $java_major"
    target "service/Spring, RSS after the load" "$(ratio "$rss_mib" "${peer_rss[spring]}")" "<=" 0.75 "" \
      "$rss_mib MiB against ${peer_rss[spring]} MiB"
  fi
  echo
}

# check_rows: exits 1 when a row is broken, that is when its answers are wrong, not when
# they are slow: each row but the forged-token one needs successful answers, and the
# forged token must never get one. Beside the flood a short window may see no answer at
# all; that is a latency miss above. Notes the rows other processes disturbed.
check_rows() {
  local broken=() key
  for key in ping one many refresh grant introspect login probe flood; do
    if [ "${answers[$key]}" -eq 0 ]; then
      case $key in
        probe | flood) echo "note: '${label[$key]}' got no answer within its window" ;;
        *) broken+=("'${label[$key]}' got no answer") ;;
      esac
    elif [ "${ok[$key]}" -eq 0 ]; then
      broken+=("'${label[$key]}' got no successful answer (${non2xx[$key]} non-2xx)")
    elif [ "${non2xx[$key]}" -gt 0 ] || [ "${errors[$key]}" -gt 0 ]; then
      echo "note: '${label[$key]}' had ${non2xx[$key]} non-2xx answers and ${errors[$key]} socket errors"
    fi
  done
  for key in "${rows[@]}"; do
    if [ "$(awk -v o="${other_cpu[$key]}" 'BEGIN { print (o + 0 > 0.25) }')" = 1 ]; then
      echo "note: other processes used ${other_cpu[$key]} cores during '${label[$key]}': its numbers are skewed"
    fi
  done
  # A rotation that loses its tokens measures refusals: more than 1 % of them breaks the row.
  if [ $((non2xx[refresh] * 100)) -gt "${answers[refresh]}" ]; then
    broken+=("'${label[refresh]}' had ${non2xx[refresh]} non-2xx of ${answers[refresh]} answers: the rotation lost its tokens")
  fi
  [ "${answers[bad]}" -gt 0 ] || broken+=("'${label[bad]}' got no answer")
  [ "${ok[bad]}" -eq 0 ] || broken+=("a badly signed token was accepted ${ok[bad]} times")
  for key in "${peer_keys[@]}"; do
    peer_up "$key" || continue
    [ "${ok[${key}_ping]}" -gt 0 ] || broken+=("'${label[${key}_ping]}' got no successful answer")
    [ "${ok[${key}_one]}" -gt 0 ] || broken+=("'${label[${key}_one]}' got no successful answer")
    [ "${answers[${key}_bad]}" -gt 0 ] || broken+=("'${label[${key}_bad]}' got no answer")
    [ "${ok[${key}_bad]}" -eq 0 ] || broken+=("the ${peer_name[$key]} accepted a badly signed token ${ok[${key}_bad]} times")
  done
  if [ ${#broken[@]} -gt 0 ]; then
    printf 'bench/run: FAILED: %s\n' "${broken[@]}" >&2
    service_log_tail
    exit 1
  fi
}
