# bench/run's shared helpers: how it fails, and the host's CPU clock. Sourced, defines only.

bad_usage() {
  echo "bench/run: $*" >&2
  echo "Try bench/run --help." >&2
  exit 2
}

fail() {
  echo "bench/run: FAILED: $*" >&2
  exit 1
}

# Busy time of all cores (user, nice, system, irq, softirq, steal), in clock ticks.
host_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
