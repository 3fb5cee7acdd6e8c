# Scenario: the hash alone, in a JVM of its own on the same JDK, once the flood's
# abandoned logins are done and the service is idle beside them. The native Argon2 runs at
# one speed; with --hash-jvms N it runs N times and the best counts, the most the hash
# alone allows. Sourced, defines only.

# hash_classpath: sets classpath to the hash benchmark's jars, unpacked from the service jar.
hash_classpath() {
  local hash_jars
  mapfile -t hash_jars < <("$java_home/bin/jar" tf "$work/service.jar" |
    grep -E '^BOOT-INF/lib/(argon2-jvm|argon2-jvm-nolibs|jna)-[0-9][^/]*\.jar$')
  [ ${#hash_jars[@]} -eq 3 ] || fail "expected 3 jars for the hash benchmark in the service jar, found: ${hash_jars[*]}"
  (cd "$work" && "$java_home/bin/jar" xf service.jar "${hash_jars[@]}")
  classpath=$(printf "$work/%s:" "${hash_jars[@]}")
}

# scenario_hash: the hash row; sets hash_rate (the best JVM's hashes/s) and hash_rates (each JVM's).
scenario_hash() {
  local classpath jvm count rate cpu hash_count=0
  echo "== Argon2id alone on $cores threads in $hash_jvms JVM(s): ${warmup} s warm-up, ${duration} s measured in each"
  settle 120
  hash_classpath
  hash_rates=() hash_rate=0
  cpu_start
  for jvm in $(seq 1 "$hash_jvms"); do
    timeout $((warmup + duration + 120)) "$java" --enable-native-access=ALL-UNNAMED -cp "$classpath" "$bench_dir/HashBench.java" \
      "$cores" "$warmup" "$duration" >"$work/hash.$jvm" 2>&1 || true
    if ! read -r _ _ count _ rate < <(grep '^HASH ' "$work/hash.$jvm"); then
      cat "$work/hash.$jvm" >&2
      fail "the hash benchmark gave no result"
    fi
    hash_rates+=("$rate")
    if [ "$(awk -v r="$rate" -v best="$hash_rate" 'BEGIN { print (r > best) }')" = 1 ]; then
      hash_rate=$rate hash_count=$count
    fi
  done
  cpu=$(cpu_stop)
  rows+=(hash)
  label[hash]="Argon2id alone, $cores threads, best JVM of $hash_jvms"
  rps[hash]=$hash_rate p50[hash]=- p99[hash]=- non2xx[hash]=- errors[hash]=- answers[hash]=$hash_count
  ok[hash]=$hash_count
  read -r svc_cpu[hash] load_cpu[hash] other_cpu[hash] <<<"$cpu"
}
