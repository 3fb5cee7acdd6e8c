# Scenario: the start-up time to the first answer, of the jar as built and, on Java 25, of
# the fast start. Leaves the service running for the rows. Sourced, defines only.

# scenario_startup: sets startup_s (the start the rows run on), plain_startup_s and startup_how.
scenario_startup() {
  echo "== starting the service on $base in a fresh directory"
  start_service "$work/plain" -jar "$work/service.jar"
  plain_startup_s=$startup_s
  echo "start-up to the first 200 of /ping, the jar as built: $startup_s s (the log: ${spring_says:-no 'Started' line})"
  startup_how="the jar as built"
  if [ "$java_major" -ge 25 ]; then
    stop_service
    fast_start
  fi
}

# Java 25's fast start, as docs/operations.md shows it: the jar extracted, Spring AOT's
# precomputed context switched on, one training run that stops once the application
# context is ready, then every start maps the JVM's AOT cache.
fast_start() {
  echo "== Java $java_major: extracting the jar and training its AOT cache"
  (cd "$work" && "$java" -Djarmode=tools -jar service.jar extract --destination app >"$work/extract.log" 2>&1) ||
    fail "could not extract the jar: $(tail -n 5 "$work/extract.log")"
  mkdir "$work/training"
  # On a database of its own, so that the measured start still finds an empty one.
  scratch_database_env training
  if ! (cd "$work/training" && exec env JWT_SECRET="$jwt_secret" "${scratch_env[@]}" "$java" "${jvm_options[@]}" \
    -Dspring.aot.enabled=true -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh -jar "$work/app/service.jar") \
    >"$work/training.log" 2>&1; then
    tail -n 20 "$work/training.log" >&2
    fail "the AOT training run failed"
  fi
  drop_scratch_database
  echo "== starting the service again, with Spring AOT and the AOT cache, in a fresh directory"
  start_service "$work/run" -Dspring.aot.enabled=true -XX:AOTCache="$work/app.aot" -jar "$work/app/service.jar"
  echo "start-up to the first 200 of /ping, with Spring AOT and the AOT cache: $startup_s s (the log: ${spring_says:-no 'Started' line})"
  startup_how="with Spring AOT and the AOT cache (the jar as built: $plain_startup_s s)"
}
