# Who used the CPU during a measured run, in cores: the service (its utime + stime), the
# load (this shell's reaped children: the foreground wrk or hash JVM is reaped before the
# sample ends) and the rest of the host (busy time minus both), because wrk and whatever
# else runs on the machine share its cores with the service. Sourced, defines only;
# needs clock_ticks and service_pid. A peer's rows set measured_pid to the peer's process,
# which then counts as the service.

service_ticks() { awk '{ print $14 + $15 }' "/proc/${measured_pid:-$service_pid}/stat"; }
children_ticks() { awk '{ print $16 + $17 }' "/proc/$$/stat"; }
cpu_start() {
  cpu_t0=$(date +%s%N) cpu_s0=$(service_ticks) cpu_c0=$(children_ticks) cpu_h0=$(host_ticks)
}
cpu_delta() {  # prints "<service ticks> <load ticks> <host ticks> <ns>" since cpu_start
  echo "$(($(service_ticks) - cpu_s0)) $(($(children_ticks) - cpu_c0)) $(($(host_ticks) - cpu_h0)) $(($(date +%s%N) - cpu_t0))"
}
cores() {  # cores SERVICE LOAD HOST NS: prints "<service> <load> <rest of the host>" in cores
  awk -v s="$1" -v c="$2" -v h="$3" -v ns="$4" -v ticks="$clock_ticks" \
    'BEGIN { k = ticks * ns / 1e9; o = h - s - c; printf "%.2f %.2f %.2f\n", s / k, c / k, (o > 0 ? o : 0) / k }'
}
cpu_stop() {  # prints "<service> <load> <rest of the host>" in cores since cpu_start
  cores $(cpu_delta)
}

# settle LIMIT: waits, at most LIMIT seconds, until the service is idle (under 0.1 core
# for half a second). A stopped wrk leaves its requests in flight and the service still
# completes them; for logins that is seconds of Argon2 that must not land in the next
# measurement.
settle() {
  local before
  for _ in $(seq 1 $(($1 * 2))); do
    before=$(service_ticks)
    sleep 0.5
    if [ $((($(service_ticks) - before) * 20)) -lt "$clock_ticks" ]; then
      return 0
    fi
  done
  echo "   (the service was still busy after $1 s; measuring anyway)"
}
