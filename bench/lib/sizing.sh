# The sizing table, in the form of Keycloak's sizing guide: what one vCPU serves of each
# operation, the database's cost per operation and the memory of one instance, with
# Keycloak's published figures beside them and a target of twice theirs where they publish
# one. Computed from the rows: successful requests/s over the cores the service used in
# the row. Missed targets never fail the run. Sourced, defines only.

# Keycloak's figures (its "Concepts for sizing CPU and memory resources", Keycloak 26):
# per vCPU 15 password logins, 120 refreshes, 120 client-credentials grants a second; a
# Pod's base memory with its caches 1250 MB.
declare -gA keycloak_per_vcpu=([login]=15 [refresh]=120 [grant]=120)
keycloak_memory_mb=1250

# per_vcpu KEY: successful requests/s of the row over the service's cores in it, or "-".
per_vcpu() {
  awk -v r="${ok_rps[$1]:-0}" -v c="${svc_cpu[$1]:--}" 'BEGIN { if (c + 0 > 0) printf "%.1f", r / c; else print "-" }'
}

# sizing_line NAME VALUE KEYCLOAK [TARGET]: one line; with a target, PASS or MISS.
sizing_line() {
  local verdict=""
  if [ -n "${4:-}" ]; then
    verdict=MISS
    if [[ $2 =~ ^[0-9.]+$ ]] && [ "$(awk -v v="$2" -v t="$4" 'BEGIN { print (v >= t) }')" = 1 ]; then verdict=PASS; fi
    verdict="  (target >= $4)  $verdict"
  fi
  printf '%-44s %14s %10s%s\n' "$1" "$2" "$3" "$verdict"
}

print_sizing() {
  local key name
  echo "sizing, per vCPU the service used (successful requests/s over its cores in the row)$($smoke &&
    echo '; a SMOKE run: not figures to size by'):"
  printf '%-44s %14s %10s\n' "" service Keycloak
  for key in login refresh grant; do
    case $key in
      login) name="password logins/s per vCPU" ;;
      refresh) name="refreshes/s per vCPU" ;;
      grant) name="client-credentials grants/s per vCPU" ;;
    esac
    sizing_line "$name" "$(per_vcpu "$key")" "${keycloak_per_vcpu[$key]}" $((keycloak_per_vcpu[$key] * 2))
  done
  sizing_line "token checks/s per vCPU ($users tokens)" "$(per_vcpu many)" -
  sizing_line "introspections/s per vCPU" "$(per_vcpu introspect)" -
  for key in login refresh grant introspect; do
    case $key in
      login) name="login" ;;
      refresh) name="refresh" ;;
      grant) name="grant" ;;
      introspect) name="introspection" ;;
    esac
    sizing_line "db writes / transactions per $name" "${db_writes[$key]:-n/a} / ${db_commits[$key]:-n/a}" -
  done
  sizing_line "memory per instance, RSS after the load" "$rss_mib MiB" "$keycloak_memory_mb MB"
  echo "db writes: rows inserted, updated or deleted (PostgreSQL only). Keycloak's memory is a Pod's base"
  echo "with its caches; its figures are from its sizing guide, on its own hardware and database. Twice"
  echo "theirs is this service's target; a miss never fails the run."
  echo
}
