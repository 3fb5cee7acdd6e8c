# bench/run's command line: the options into variables, the smoke defaults, the checks of
# the values. Sourced, defines only; bad usage exits 2.

# parse_options ARGS...: sets smoke, peers, database, jar_given, java_given and one variable per count.
parse_options() {
  smoke=false peers=true database=h2 jar_given="" java_given="" users="" warmup="" login_warmup="" duration="" rounds="" hash_jvms=""
  threads=2 connections=32 login_connections=8 token_connections=16 flood=64 probe_connections=4
  while [ $# -gt 0 ]; do
    case $1 in
      --smoke) smoke=true; shift; continue ;;
      --no-peers) peers=false; shift; continue ;;
      --postgres) database=postgres; shift; continue ;;
      -h | --help) usage; exit 0 ;;
      --jar | --java | --database | --users | --warmup | --login-warmup | --duration | --rounds | --threads | --connections | \
        --login-connections | --token-connections | --flood | --probe-connections | --hash-jvms)
        [ $# -ge 2 ] || bad_usage "$1 needs a value" ;;
      *) bad_usage "unknown argument: $1" ;;
    esac
    case $1 in
      --jar) jar_given=$2 ;;
      --java) java_given=$2 ;;
      --database) database=$2 ;;
      --users) users=$2 ;;
      --warmup) warmup=$2 ;;
      --login-warmup) login_warmup=$2 ;;
      --duration) duration=$2 ;;
      --rounds) rounds=$2 ;;
      --threads) threads=$2 ;;
      --connections) connections=$2 ;;
      --login-connections) login_connections=$2 ;;
      --token-connections) token_connections=$2 ;;
      --flood) flood=$2 ;;
      --probe-connections) probe_connections=$2 ;;
      --hash-jvms) hash_jvms=$2 ;;
    esac
    shift 2
  done
}

# Explicit values win over the smoke defaults, whatever their order on the line.
apply_defaults() {
  if $smoke; then
    users=${users:-20} warmup=${warmup:-3} duration=${duration:-3} rounds=${rounds:-2} hash_jvms=${hash_jvms:-1}
    login_warmup=${login_warmup:-$warmup}
  else
    users=${users:-1000} warmup=${warmup:-20} duration=${duration:-20} rounds=${rounds:-4} hash_jvms=${hash_jvms:-1}
    login_warmup=${login_warmup:-180}
  fi
}

check_options() {
  local value
  case $database in
    h2 | postgres) ;;
    *) bad_usage "--database takes h2 or postgres, not '$database'" ;;
  esac
  for value in "$users" "$warmup" "$login_warmup" "$duration" "$rounds" "$threads" "$connections" "$login_connections" \
    "$token_connections" "$flood" "$probe_connections" "$hash_jvms"; do
    [[ $value =~ ^[1-9][0-9]*$ ]] || bad_usage "counts and seconds must be positive integers, not '$value'"
  done
  [ "$rounds" -le "$duration" ] || bad_usage "--rounds ($rounds) cannot be more than --duration ($duration) seconds"
  for value in "$connections" "$login_connections" "$token_connections" "$flood"; do
    [ "$value" -ge "$threads" ] || bad_usage "wrk needs at least as many connections as threads ($threads), not $value"
  done
  if [ -n "$jar_given" ] && [ ! -f "$jar_given" ]; then
    bad_usage "no jar at $jar_given"
  fi
}

# Says what is missing and installs nothing: exits 2 when a tool is missing, else sets
# java_home and java and exports JAVA_HOME, so that ./mvnw builds with the JDK being measured.
check_tools() {
  local missing=() tool
  command -v wrk >/dev/null || missing+=("wrk is not installed: apt-get install wrk")
  command -v curl >/dev/null || missing+=("curl is not installed: apt-get install curl")
  if [ "$database" = postgres ] && ! command -v psql >/dev/null; then
    missing+=("psql is not installed: apt-get install postgresql-client")
  fi
  for tool in awk sed xargs timeout getconf; do
    command -v "$tool" >/dev/null || missing+=("$tool is not installed (it is part of a standard Debian system)")
  done
  java_home=${java_given:-${JAVA_HOME:-}}
  if [ -z "$java_home" ] && command -v java >/dev/null; then
    java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  if [ -z "$java_home" ]; then
    missing+=("java is not installed: apt-get install openjdk-17-jdk-headless, or point --java or JAVA_HOME at a JDK")
  elif [ ! -x "$java_home/bin/java" ]; then
    missing+=("there is no java at $java_home/bin/java: --java or JAVA_HOME must name a JDK's home")
  elif [ ! -x "$java_home/bin/jar" ] || [ ! -x "$java_home/bin/javac" ]; then
    # HashBench.java is run as a source file and its jars are unpacked from the service jar.
    missing+=("$java_home is a runtime, not a JDK (no bin/jar or bin/javac): install the JDK, e.g. apt-get install openjdk-17-jdk-headless")
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    printf 'bench/run: %s\n' "${missing[@]}" >&2
    exit 2
  fi
  java=$java_home/bin/java
  export JAVA_HOME=$java_home
}
