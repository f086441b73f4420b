# shellcheck shell=bash
# The local environment of `./salestalk up|down|status|env` (sourced by ./salestalk, which sets
# SALESTALK_ROOT and `set -euo pipefail`). Everything it starts is recorded by PID in the state
# folder and stopped by `down`; nothing else is ever touched.
#
# Settings (environment variables, all optional):
#   AWS_ENDPOINT_URL            use this endpoint instead of starting the emulator
#   AWS_REGION                  region (us-east-1)
#   SALESTALK_EMULATOR_PORT     emulator port on 127.0.0.1 (4566)
#   SALESTALK_<NAME>_PORT       port of a service, e.g. SALESTALK_TENANT_ONBOARD_PORT (scripts/services.conf)
#   SALESTALK_ADMIN_TOKEN       admin token of `up` (else generated once and kept in the state folder);
#                               `up` records the token it starts the services with, and `env` prints that one
#   SALESTALK_ENV               EnvironmentName of the stack (local)
#   SALESTALK_STATE_DIR         state folder (.salestalk)
#   SALESTALK_SERVICES_FILE     service list (scripts/services.conf)
#   SALESTALK_PYTHON            python with moto (python3)
#   SALESTALK_JAVA_OPTS         JVM options of every service (-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
#   SALESTALK_START_TIMEOUT     seconds to wait for each service's health (180)
#   SALESTALK_SKIP_BUILD        1 to use the jars as they are (tests that already built them)

ST_ROOT="${SALESTALK_ROOT:?}"
ST_STATE="${SALESTALK_STATE_DIR:-$ST_ROOT/.salestalk}"
ST_PIDS="$ST_STATE/pids"
ST_LOGS="$ST_STATE/logs"
ST_SERVICES_FILE="${SALESTALK_SERVICES_FILE:-$ST_ROOT/scripts/services.conf}"
ST_REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
ST_ENV_NAME="${SALESTALK_ENV:-local}"
ST_STACK="salestalk-$ST_ENV_NAME"
ST_EMULATOR_PORT="${SALESTALK_EMULATOR_PORT:-4566}"
ST_PYTHON="${SALESTALK_PYTHON:-python3}"
ST_JAVA_OPTS="${SALESTALK_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
ST_START_TIMEOUT="${SALESTALK_START_TIMEOUT:-180}"
ST_LAUNCHER="$ST_ROOT/aws-emulator/src/main/resources/com/salestalk/awsemulator/moto_launcher.py"
ST_OUTPUTS="$ST_STATE/stack-outputs.properties"
ST_TOKEN_IN_USE="$ST_STATE/admin-token.in-use"
ST_APP_CONFIG="$ST_STATE/aws.properties"

# Every service of docs/ARCHITECTURE.md#local-environment and its default port (for `env`; `up` starts those in services.conf).
ST_KNOWN_SERVICES="chat-handler:8081 metrics-handler:8082 tenant-onboard:8083 insights:8091 aggregation:8092 validation:8093 analytics:8094"

st_newline() { if [[ -t 1 ]]; then printf '\n'; fi; }
st_say() { printf '%s\n' "$*"; }
st_err() { printf 'salestalk: %s\n' "$*" >&2; }

# SALESTALK_<NAME>_PORT, else the given default.
st_port_of() {
  local name="$1" default="$2" var
  var="SALESTALK_$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')_PORT"
  printf '%s' "${!var:-$default}"
}

st_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Lines "name port module jar-glob" of the service list, comments and blanks removed.
st_services() {
  [[ -f "$ST_SERVICES_FILE" ]] || return 0
  sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ST_SERVICES_FILE"
}

st_endpoint() {
  if [[ -n "${AWS_ENDPOINT_URL:-}" ]]; then
    printf '%s' "$AWS_ENDPOINT_URL"
  elif [[ -f "$ST_STATE/endpoint" ]]; then
    cat "$ST_STATE/endpoint"
  else
    printf 'http://127.0.0.1:%s' "$ST_EMULATOR_PORT"
  fi
}

st_admin_token() {
  if [[ -n "${SALESTALK_ADMIN_TOKEN:-}" ]]; then
    printf '%s' "$SALESTALK_ADMIN_TOKEN"
    return
  fi
  if [[ ! -s "$ST_STATE/admin-token" ]]; then
    mkdir -p "$ST_STATE"
    (umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' > "$ST_STATE/admin-token")
  fi
  cat "$ST_STATE/admin-token"
}

# The admin token the running services use (recorded by `up`), else the one `up` would use.
st_admin_token_in_use() {
  if [[ -s "$ST_TOKEN_IN_USE" ]]; then
    cat "$ST_TOKEN_IN_USE"
  else
    st_admin_token
  fi
}

# --- processes ----------------------------------------------------------------------------

# A pid file holds "PID<TAB>MARKER": the marker must appear in the process's command line, so a
# PID the system reused for something else is never signalled.
st_alive() {
  local file="$1" pid marker
  [[ -f "$file" ]] || return 1
  IFS=$'\t' read -r pid marker < "$file" || true
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$marker"
}

st_pid() { cut -f1 "$1"; }

# Whether a process `up` just started still exists; unlike st_alive it does not need the exec to
# have completed, which can take seconds on a loaded machine.
st_started() { [[ -f "$1" ]] && kill -0 "$(st_pid "$1")" 2>/dev/null; }

# st_start NAME MARKER LOG COMMAND...: starts COMMAND in its own session (so `down` can stop it
# with its children) and records its PID.
st_start() {
  local name="$1" marker="$2" log="$3"
  shift 3
  mkdir -p "$ST_PIDS" "$ST_LOGS"
  setsid "$@" >"$log" 2>&1 </dev/null &
  local pid=$! i
  printf '%s\t%s\n' "$pid" "$marker" > "$ST_PIDS/$name.pid"
  # until exec completes /proc shows the forking shell's command line, not the marker
  for ((i = 0; i < 100; i++)); do
    st_alive "$ST_PIDS/$name.pid" && return 0
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.05
  done
}

# Stops one recorded process and its process group: TERM, then KILL after 20 s.
st_stop() {
  local file="$1" name pid i
  name="$(basename "$file" .pid)"
  if ! st_alive "$file"; then
    rm -f "$file"
    return 0
  fi
  pid="$(st_pid "$file")"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    st_alive "$file" || break
    sleep 0.2
  done
  if st_alive "$file"; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  # children that left the process group are still in the session this script created
  local left
  for left in $(pgrep -s "$pid" 2>/dev/null || true); do
    kill -KILL "$left" 2>/dev/null || true
  done
  rm -f "$file"
  st_say "stopped $name (pid $pid)"
}

st_running_names() {
  local f
  for f in "$ST_PIDS"/*.pid; do
    [[ -e "$f" ]] || continue
    if st_alive "$f"; then basename "$f" .pid; fi
  done
}

# --- steps of `up` ---------------------------------------------------------------------------

ST_STEP=""
ST_STEP_LOG=""

st_fail() {
  # stop first: a closed output pipe must not keep anything running
  trap '' PIPE
  set +e
  st_stop_all >/dev/null 2>&1
  st_err "step '$ST_STEP' failed: $*"
  if [[ -n "$ST_STEP_LOG" && -f "$ST_STEP_LOG" ]]; then
    st_err "log: $ST_STEP_LOG (last lines below)"
    tail -n 15 "$ST_STEP_LOG" | sed 's/^/    /' >&2
  fi
  st_err "stopped what this 'up' had started; logs stay in $ST_LOGS"
  exit 1
}

st_infra_jar() { compgen -G "$ST_ROOT/infra/target/infra-*-exec.jar" | head -n 1 || true; }

# Newest jar matching a glob relative to the root, skipping -sources/-javadoc/-plain jars.
st_jar() {
  compgen -G "$ST_ROOT/$1" | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' -e '-plain\.jar$' | head -n 1 || true
}

st_outdated() {
  local jar="$1"
  [[ -z "$jar" || ! -f "$jar" ]] && return 0
  [[ -n "$(find "$ST_ROOT" -path '*/target' -prune -o -path "$ST_STATE" -prune -o \
    \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$jar" -print -quit)" ]]
}

st_build() {
  ST_STEP="build"
  ST_STEP_LOG="$ST_LOGS/build.log"
  local modules="infra" stale="" name port module glob
  st_outdated "$(st_infra_jar)" && stale="infra"
  while read -r name port module glob; do
    modules="$modules,$module"
    if st_outdated "$(st_jar "$glob")"; then stale="$stale $name"; fi
  done < <(st_services)
  if [[ -z "$stale" ]]; then
    st_say "[1/4] build: jars up to date"
    return
  fi
  if [[ "${SALESTALK_SKIP_BUILD:-}" == 1 ]]; then
    st_say "[1/4] build: skipped (SALESTALK_SKIP_BUILD=1) although ${stale# } looks outdated"
    return
  fi
  st_say "[1/4] build: ${stale# } missing or outdated; ./mvnw -B -q package -DskipTests (log: $ST_STEP_LOG)"
  (cd "$ST_ROOT" && ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true -pl "$modules" -am) \
    >"$ST_STEP_LOG" 2>&1 || st_fail "maven build failed"
}

st_emulator() {
  ST_STEP="emulator"
  ST_STEP_LOG="$ST_LOGS/emulator.log"
  if [[ -n "${AWS_ENDPOINT_URL:-}" ]]; then
    st_say "[2/4] emulator: using AWS_ENDPOINT_URL=$AWS_ENDPOINT_URL (not starting moto)"
    printf '%s' "$AWS_ENDPOINT_URL" > "$ST_STATE/endpoint"
    return
  fi
  local url="http://127.0.0.1:$ST_EMULATOR_PORT" i
  if st_listening "$ST_EMULATOR_PORT"; then
    ST_STEP_LOG=""
    st_fail "port $ST_EMULATOR_PORT is already in use by another process; set SALESTALK_EMULATOR_PORT, or AWS_ENDPOINT_URL to use that endpoint"
  fi
  [[ -f "$ST_LAUNCHER" ]] || st_fail "moto launcher not found at $ST_LAUNCHER"
  "$ST_PYTHON" -c 'import moto.server' 2>/dev/null ||
    st_fail "$ST_PYTHON cannot import moto; pip install \"moto[server]\" (or set SALESTALK_PYTHON, or AWS_ENDPOINT_URL)"
  st_start emulator "$ST_LAUNCHER" "$ST_STEP_LOG" "$ST_PYTHON" "$ST_LAUNCHER" -H 127.0.0.1 -p "$ST_EMULATOR_PORT"
  for ((i = 0; i < 300; i++)); do
    curl -fsS -o /dev/null "$url/moto-api/" 2>/dev/null && break
    st_started "$ST_PIDS/emulator.pid" || st_fail "moto exited"
    sleep 0.1
  done
  curl -fsS -o /dev/null "$url/moto-api/" 2>/dev/null || st_fail "moto did not answer on $url within 30 s"
  printf '%s' "$url" > "$ST_STATE/endpoint"
  st_say "[2/4] emulator: moto on $url (pid $(st_pid "$ST_PIDS/emulator.pid"))"
}

st_aws_env() {
  export AWS_ENDPOINT_URL
  AWS_ENDPOINT_URL="$(st_endpoint)"
  export AWS_REGION="$ST_REGION"
  export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
  export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
}

st_deploy() {
  ST_STEP="deploy"
  ST_STEP_LOG="$ST_LOGS/deploy.log"
  local jar
  jar="$(st_infra_jar)"
  [[ -n "$jar" ]] || st_fail "infra/target/infra-*-exec.jar is missing"
  st_aws_env
  # `up` always deploys to an emulator, which skips CloudFormation alarms: --emulator-alarms has
  # the deployer create them with PutMetricAlarm (never used against AWS).
  # shellcheck disable=SC2086
  (cd "$ST_ROOT" && java $ST_JAVA_OPTS -jar "$jar" --template infra/template.yaml \
    --stack-name "$ST_STACK" --parameter "EnvironmentName=$ST_ENV_NAME" \
    --outputs-file "$ST_OUTPUTS" --app-config-file "$ST_APP_CONFIG" --emulator-alarms) >"$ST_STEP_LOG" 2>&1 ||
    st_fail "StackDeployer could not deploy infra/template.yaml"
  st_say "[3/4] deploy: $(grep -m1 '^stack ' "$ST_STEP_LOG")"
  if grep -q '^alarms: ' "$ST_STEP_LOG"; then
    st_say "              $(grep -m1 '^alarms: ' "$ST_STEP_LOG") (the emulator skips CloudFormation alarms)"
  fi
}

st_start_services() {
  ST_STEP="services"
  local name port module glob jar count=0
  export SALESTALK_ADMIN_TOKEN
  SALESTALK_ADMIN_TOKEN="$(st_admin_token)"
  (umask 077 && printf '%s' "$SALESTALK_ADMIN_TOKEN" > "$ST_TOKEN_IN_USE")
  while read -r name port module glob; do
    port="$(st_port_of "$name" "$port")"
    jar="$(st_jar "$glob")"
    ST_STEP_LOG="$ST_LOGS/$name.log"
    [[ -n "$jar" ]] || st_fail "no jar matches $glob for $name"
    st_listening "$port" && { ST_STEP_LOG=""; st_fail "port $port of $name is already in use; set $(printf 'SALESTALK_%s_PORT' "$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')")"; }
    # shellcheck disable=SC2086
    st_start "$name" "$jar" "$ST_STEP_LOG" \
      java $ST_JAVA_OPTS -jar "$jar" \
      "--server.port=$port" \
      "--spring.profiles.active=local" \
      "--spring.config.additional-location=optional:file:$ST_APP_CONFIG" \
      "--spring.cloud.aws.endpoint=$AWS_ENDPOINT_URL" \
      "--spring.cloud.aws.region.static=$ST_REGION"
    count=$((count + 1))
  done < <(st_services)
  if ((count == 0)); then
    st_say "[4/4] services: none listed in ${ST_SERVICES_FILE#"$ST_ROOT"/}"
    return
  fi
  while read -r name port module glob; do
    st_wait_healthy "$name" "$(st_port_of "$name" "$port")"
  done < <(st_services)
}

st_wait_healthy() {
  local name="$1" port="$2" url start now
  url="http://127.0.0.1:$port/actuator/health"
  ST_STEP="start $name"
  ST_STEP_LOG="$ST_LOGS/$name.log"
  start=$SECONDS
  while true; do
    if curl -fsS "$url" 2>/dev/null | grep -q '"status" *: *"UP"'; then
      [[ -t 1 ]] && printf '\r'
      printf '[4/4] services: %-16s UP after %ss  %s\n' "$name" "$((SECONDS - start))" "$url"
      return
    fi
    st_started "$ST_PIDS/$name.pid" || { st_newline; st_fail "$name exited before it was healthy"; }
    now=$((SECONDS - start))
    ((now < ST_START_TIMEOUT)) || { st_newline; st_fail "$name not healthy at $url after ${ST_START_TIMEOUT}s"; }
    if [[ -t 1 ]]; then
      printf '\r[4/4] services: %-16s starting %3ss ' "$name" "$now"
    elif ((now % 10 == 0)); then
      printf '[4/4] services: %-16s starting %3ss\n' "$name" "$now"
    fi
    sleep 1
  done
}

st_stop_all() {
  local f
  for f in "$ST_PIDS"/*.pid; do
    [[ -e "$f" && "$(basename "$f")" != emulator.pid ]] && st_stop "$f"
  done
  [[ -e "$ST_PIDS/emulator.pid" ]] && st_stop "$ST_PIDS/emulator.pid"
  return 0
}

# --- commands ------------------------------------------------------------------------------

local_up() {
  local running started=$SECONDS name port module glob
  mkdir -p "$ST_PIDS" "$ST_LOGS"
  running="$(st_running_names | tr '\n' ' ')"
  if [[ -n "$running" ]]; then
    st_say "SalesTalk is already running (${running% }); nothing started."
    st_say "  ./salestalk status   what runs and the stack outputs"
    st_say "  ./salestalk down     stop it"
    return 0
  fi
  rm -f "$ST_PIDS"/*.pid "$ST_STATE/endpoint" "$ST_TOKEN_IN_USE"
  trap 'ST_STEP_LOG=""; st_fail "interrupted"' INT TERM
  st_build
  st_emulator
  st_deploy
  st_start_services
  trap - INT TERM
  st_say ""
  st_say "SalesTalk is up in $((SECONDS - started)) s."
  st_say "  AWS endpoint   $(st_endpoint)  (region $ST_REGION, stack $ST_STACK)"
  while read -r name port module glob; do
    printf '  %-14s http://127.0.0.1:%s\n' "$name" "$(st_port_of "$name" "$port")"
  done < <(st_services)
  st_say "  admin token    $(st_admin_token)"
  st_say "  stack outputs  ${ST_OUTPUTS#"$ST_ROOT"/}   logs  ${ST_LOGS#"$ST_ROOT"/}/"
  st_say "  shell setup    eval \"\$(./salestalk env)\""
  st_say "  stop           ./salestalk down"
}

local_down() {
  if [[ -z "$(st_running_names)" ]]; then
    rm -f "$ST_PIDS"/*.pid 2>/dev/null || true
    st_say "SalesTalk is not running; nothing to stop."
    return 0
  fi
  local owned=0
  st_alive "$ST_PIDS/emulator.pid" && owned=1
  st_stop_all
  rm -f "$ST_STATE/endpoint" "$ST_TOKEN_IN_USE"
  # the emulator keeps its state in memory: its stack is gone with it
  if ((owned)); then rm -f "$ST_OUTPUTS" "$ST_APP_CONFIG"; fi
}

local_status() {
  local f name any=0 pid
  for f in "$ST_PIDS"/*.pid; do
    [[ -e "$f" ]] || continue
    name="$(basename "$f" .pid)"
    pid="$(st_pid "$f")"
    if st_alive "$f"; then
      printf '  %-16s running  pid %-8s log %s\n' "$name" "$pid" "${ST_LOGS#"$ST_ROOT"/}/$name.log"
      any=1
    else
      printf '  %-16s stopped  (pid %s gone)\n' "$name" "$pid"
    fi
  done
  if ((any == 0)); then
    st_say "SalesTalk is not running (./salestalk up starts it)."
  else
    st_say "AWS endpoint: $(st_endpoint)  region $ST_REGION"
  fi
  if [[ -f "$ST_OUTPUTS" ]]; then
    st_say "Stack outputs (${ST_OUTPUTS#"$ST_ROOT"/}):"
    sed -e '/^#/d' "$ST_OUTPUTS" | awk -F= '{ printf "  %-28s %s\n", $1, substr($0, length($1) + 2) }'
  fi
}

local_env() {
  local entry name port conf_port
  printf 'export AWS_ENDPOINT_URL=%q\n' "$(st_endpoint)"
  printf 'export AWS_REGION=%q\n' "$ST_REGION"
  printf 'export AWS_ACCESS_KEY_ID=%q\n' "${AWS_ACCESS_KEY_ID:-test}"
  printf 'export AWS_SECRET_ACCESS_KEY=%q\n' "${AWS_SECRET_ACCESS_KEY:-test}"
  printf 'export SALESTALK_ADMIN_TOKEN=%q\n' "$(st_admin_token_in_use)"
  for entry in $ST_KNOWN_SERVICES; do
    name="${entry%%:*}"
    port="${entry##*:}"
    conf_port="$(st_services | awk -v n="$name" '$1 == n { print $2 }')"
    port="$(st_port_of "$name" "${conf_port:-$port}")"
    printf 'export SALESTALK_%s_URL=%q\n' "$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')" "http://127.0.0.1:$port"
  done
}
