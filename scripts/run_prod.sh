#!/usr/bin/env bash
# The production profile on one machine (docs/production.md): two Rasa servers and the action
# server, conversations and locks in Redis (expiring), the diary in PostgreSQL, and an nginx
# front that shares messages between the Rasa servers. Every setting is an environment variable
# with a default below; secrets come only from the environment (or, for the diary pepper, a file
# outside the repository). Stops everything on Ctrl-C / SIGTERM; restarts a process that dies.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python

RASA_PORTS=${SIGNPOST_RASA_PORTS:-8005 8006}
ACTIONS_PORT=${SIGNPOST_ACTIONS_PORT:-8055}
FRONT=${SIGNPOST_FRONT:-nginx}              # nginx, or none (then put your own in front)
FRONT_HOST=${SIGNPOST_FRONT_HOST:-127.0.0.1}  # 0.0.0.0 to serve other machines (use TLS)
FRONT_PORT=${SIGNPOST_FRONT_PORT:-8080}
RUN_DIR=${SIGNPOST_RUN_DIR:-$ROOT/var/prod}
RESTART=${SIGNPOST_RESTART:-1}
CREDENTIALS=${SIGNPOST_CREDENTIALS:-credentials.yml}  # e.g. one with Telegram (docs/telegram.md)
STARTUP_TIMEOUT=${SIGNPOST_STARTUP_TIMEOUT:-300}
# A safety net only: the Rasa servers' memory is flat (the per-message TensorFlow leak is fixed in
# components/eager_tensor_fix.py; docs/production.md, Soak). A Rasa server above this resident
# size is restarted, one at a time and only while every other one answers (so with two or more
# servers only). 0 turns this off.
MAX_RSS_MB=${SIGNPOST_MAX_RSS_MB:-1500}
export SIGNPOST_REDIS_HOST=${SIGNPOST_REDIS_HOST:-127.0.0.1}
export SIGNPOST_REDIS_PORT=${SIGNPOST_REDIS_PORT:-6379}
export SIGNPOST_REDIS_DB=${SIGNPOST_REDIS_DB:-0}
export SIGNPOST_REDIS_PASSWORD=${SIGNPOST_REDIS_PASSWORD:-}
export SIGNPOST_REDIS_PREFIX=${SIGNPOST_REDIS_PREFIX:-signpost}
# The diary's wrong-code limiter counts in the same Redis, so all action servers share it (keys
# under the same prefix; the password, if any, from SIGNPOST_REDIS_PASSWORD, not in the URL).
export SIGNPOST_DIARY_LIMITER_REDIS_URL=${SIGNPOST_DIARY_LIMITER_REDIS_URL:-redis://$SIGNPOST_REDIS_HOST:$SIGNPOST_REDIS_PORT/$SIGNPOST_REDIS_DB}
export SIGNPOST_CONVERSATION_EXPIRY_SECONDS=${SIGNPOST_CONVERSATION_EXPIRY_SECONDS:-1800}
export SIGNPOST_ACTION_URL=${SIGNPOST_ACTION_URL:-http://127.0.0.1:$ACTIONS_PORT/webhook}
export SIGNPOST_DIARY_URL=${SIGNPOST_DIARY_URL:-postgresql+psycopg2://postgres@127.0.0.1:5432/signpost}
# A conversation's lock is given up after this many seconds if its server died holding it.
export TICKET_LOCK_LIFETIME=${TICKET_LOCK_LIFETIME:-15}
export RASA_TELEMETRY_ENABLED=false

say() { echo "run_prod: $*"; }
die() { echo "run_prod: $*" >&2; exit 1; }

# -- settings --------------------------------------------------------------------------------
for port in $RASA_PORTS $ACTIONS_PORT $FRONT_PORT $SIGNPOST_REDIS_PORT; do
  [[ $port =~ ^[0-9]+$ ]] || die "ports must be numbers, not '$port'"
done
[[ $SIGNPOST_REDIS_DB =~ ^[0-9]+$ ]] || die "SIGNPOST_REDIS_DB must be a number"
[[ $MAX_RSS_MB =~ ^[0-9]+$ ]] || die "SIGNPOST_MAX_RSS_MB must be a number of MB (0: never)"
[[ $SIGNPOST_REDIS_PREFIX =~ ^[A-Za-z0-9]+$ ]] \
  || die "SIGNPOST_REDIS_PREFIX must be letters and digits only (Rasa ignores any other prefix)"
[[ $SIGNPOST_CONVERSATION_EXPIRY_SECONDS =~ ^[1-9][0-9]*$ ]] \
  || die "SIGNPOST_CONVERSATION_EXPIRY_SECONDS must be a whole number of seconds"
[ "$FRONT" = nginx ] || [ "$FRONT" = none ] || die "SIGNPOST_FRONT must be nginx or none"
[ -x "$PY" ] || die "no .venv: run make install"
[ -f "$CREDENTIALS" ] || die "no credentials file $CREDENTIALS"
MODEL=${SIGNPOST_MODEL:-$(ls -t models/signpost-*.tar.gz 2>/dev/null | head -n 1)}
[ -n "$MODEL" ] && [ -f "$MODEL" ] || die "no trained model in models/: run make train"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in $RASA_PORTS $ACTIONS_PORT $([ "$FRONT" = nginx ] && echo "$FRONT_PORT"); do
  ! port_busy "$port" || die "port $port is already in use (another run_prod.sh?)"
done

mkdir -p "$RUN_DIR"
chmod 0711 "$RUN_DIR"  # nginx's workers (user nobody when started as root) must reach nginx-tmp/
RUN_DIR=$(cd "$RUN_DIR" && pwd)

# The diary pepper is a server secret that must never change: kept in a file outside the repo.
if [ -z "${SIGNPOST_DIARY_PEPPER:-}" ]; then
  secrets=${SIGNPOST_SECRETS_DIR:-$HOME/.config/signpost}
  if [ ! -s "$secrets/diary-pepper" ]; then
    (umask 077 && mkdir -p "$secrets" \
      && "$PY" -c 'import secrets; print(secrets.token_urlsafe(32))' >"$secrets/diary-pepper")
    say "made a new diary pepper in $secrets/diary-pepper. Back it up: without it no diary opens."
  fi
  SIGNPOST_DIARY_PEPPER=$(cat "$secrets/diary-pepper")
  export SIGNPOST_DIARY_PEPPER
fi

# -- the services it needs: Redis, PostgreSQL, a valid service directory ---------------------
"$PY" - <<'PY' || die "Redis is not reachable (SIGNPOST_REDIS_HOST/PORT/DB/PASSWORD)"
import os, redis
redis.Redis(host=os.environ["SIGNPOST_REDIS_HOST"], port=int(os.environ["SIGNPOST_REDIS_PORT"]),
            db=int(os.environ["SIGNPOST_REDIS_DB"]),
            password=os.environ["SIGNPOST_REDIS_PASSWORD"] or None, socket_timeout=5).ping()
PY
"$PY" - <<'PY' || die "the diary database is not usable (SIGNPOST_DIARY_URL)"
import os
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from actions.diary import upgrade_database

url = make_url(os.environ["SIGNPOST_DIARY_URL"])
if url.get_backend_name() == "postgresql" and url.database:
    try:
        create_engine(url).connect().close()
    except OperationalError as error:
        if "does not exist" not in str(error):
            raise
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{url.database}"')
        admin.dispose()
        print(f"run_prod: created the diary database {url.database!r}")
upgrade_database(url)  # idempotent: the diary tables at the newest revision
PY
"$PY" -m actions.directory --institution "${SIGNPOST_INSTITUTION:-generic}" --json >/dev/null

# -- the front -------------------------------------------------------------------------------
NGINX=
ensure_nginx() {
  NGINX=$(command -v nginx || true)
  [ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
  [ -n "$NGINX" ] && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null \
    || die "nginx is not installed: install it (Debian: apt-get install nginx) or set SIGNPOST_FRONT=none"
  say "installing nginx from Debian's packages (once) ..."
  # The package would start its own nginx on port 80; a policy-rc.d of 101 stops that.
  local policy=/usr/sbin/policy-rc.d made=0 status=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"; made=1; fi
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx \
      || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx; }
  } >"$RUN_DIR/apt.log" 2>&1 || status=$?
  [ "$made" = 1 ] && rm -f "$policy"
  [ "$status" = 0 ] || die "apt-get install nginx failed (see $RUN_DIR/apt.log)"
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

write_nginx_conf() {
  mkdir -p "$RUN_DIR/nginx-tmp"
  RUN_DIR=$RUN_DIR FRONT_HOST=$FRONT_HOST FRONT_PORT=$FRONT_PORT RASA_PORTS=$RASA_PORTS \
    "$PY" - deploy/nginx.conf.template "$RUN_DIR/nginx.conf" <<'PY'
import os, re, sys
template, out = sys.argv[1], sys.argv[2]
servers = "\n".join(
    f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;"
    for port in os.environ["RASA_PORTS"].split()
)
cert, key = os.environ.get("SIGNPOST_TLS_CERT", ""), os.environ.get("SIGNPOST_TLS_KEY", "")
ssl_lines = (
    f"        ssl_certificate {cert};\n        ssl_certificate_key {key};\n"
    "        ssl_protocols TLSv1.2 TLSv1.3;\n" if cert and key else ""
)
text = open(template, encoding="utf-8").read()
for name, value in {
    "@RUN_DIR@": os.environ["RUN_DIR"], "@FRONT_HOST@": os.environ["FRONT_HOST"],
    "@FRONT_PORT@": os.environ["FRONT_PORT"], "@UPSTREAM_SERVERS@": servers,
    "@LISTEN_SSL@": " ssl" if ssl_lines else "", "@SSL_LINES@": ssl_lines,
}.items():
    text = text.replace(name, value)
assert not re.search(r"@[A-Z_]+@", text), "unreplaced placeholder in the nginx template"
open(out, "w", encoding="utf-8").write(text)
PY
  "$NGINX" -t -q -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/nginx-error.log" \
    || die "the generated $RUN_DIR/nginx.conf is not valid"
}

if [ "$FRONT" = nginx ]; then
  ensure_nginx
  write_nginx_conf
fi

# -- the processes ---------------------------------------------------------------------------
SUPERVISORS=()
supervise() {  # supervise NAME COMMAND...: run it, log to RUN_DIR/NAME.log, restart if it dies
  local name=$1
  shift
  (
    child=
    stop() {
      if [ -n "$child" ]; then
        kill -TERM "$child" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$child" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$child" 2>/dev/null || true
      fi
      rm -f "$RUN_DIR/$name.pid"
      exit 0
    }
    trap stop TERM INT
    while true; do
      started=$(date +%s)
      "$@" >>"$RUN_DIR/$name.log" 2>&1 &
      child=$!
      echo "$child" >"$RUN_DIR/$name.pid"
      rc=0
      wait "$child" || rc=$?
      child=
      echo "$rc" >>"$RUN_DIR/$name.exits"
      if [ "$RESTART" != 1 ]; then
        say "$name exited ($rc); SIGNPOST_RESTART=0, so it stays down"
        exit 0
      fi
      # Maintenance: while RUN_DIR/NAME.hold exists, a stopped process is not restarted.
      while [ -e "$RUN_DIR/$name.hold" ]; do sleep 1; done
      delay=2
      [ $(($(date +%s) - started)) -lt 20 ] && delay=10  # dying at start: do not spin
      say "$name exited ($rc); restarting in $delay s"
      sleep "$delay"
    done
  ) &
  SUPERVISORS+=($!)
}

stopping=0
stop_all() {
  [ "$stopping" = 1 ] && return
  stopping=1
  say "stopping"
  for pid in "${SUPERVISORS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SUPERVISORS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "$RUN_DIR/ready"
}
trap 'stop_all; exit 0' TERM INT
trap stop_all EXIT

rm -f "$RUN_DIR/ready" "$RUN_DIR"/*.exits
supervise actions "$PY" deploy/launch.py actions --port "$ACTIONS_PORT"
for port in $RASA_PORTS; do
  supervise "rasa-$port" "$PY" deploy/launch.py rasa --model "$MODEL" --port "$port" \
    --credentials "$CREDENTIALS" --endpoints endpoints.prod.yml
done

wait_for() {  # wait_for NAME URL
  local deadline=$(($(date +%s) + STARTUP_TIMEOUT))
  until "$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
      "$2" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || die "$1 did not start in $STARTUP_TIMEOUT s: see $RUN_DIR/$1.log"
    [ ! -f "$RUN_DIR/$1.exits" ] || [ "$(wc -l <"$RUN_DIR/$1.exits")" -lt 2 ] \
      || die "$1 keeps exiting at start: see $RUN_DIR/$1.log"
    sleep 1
  done
}
wait_for actions "http://127.0.0.1:$ACTIONS_PORT/health"
for port in $RASA_PORTS; do wait_for "rasa-$port" "http://127.0.0.1:$port/webhooks/rest/"; done
if [ "$FRONT" = nginx ]; then
  supervise front "$NGINX" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/nginx-error.log" -g "daemon off;"
  front_probe=$FRONT_HOST
  [ "$front_probe" = 0.0.0.0 ] && front_probe=127.0.0.1
  scheme=http
  [ -n "${SIGNPOST_TLS_CERT:-}" ] && scheme=https
  [ "$scheme" = https ] || wait_for front "$scheme://$front_probe:$FRONT_PORT/webhooks/rest/"
  say "Signpost is up: POST $scheme://$FRONT_HOST:$FRONT_PORT/webhooks/rest/webhook"
else
  say "Signpost is up (no front): Rasa servers on 127.0.0.1 ports $RASA_PORTS"
fi
if [ -n "${SIGNPOST_API_TOKEN:-}" ]; then
  say "HTTP API on (token from SIGNPOST_API_TOKEN), on 127.0.0.1 only"
else
  say "HTTP API off (set SIGNPOST_API_TOKEN to turn it on)"
fi
say "conversations expire after $SIGNPOST_CONVERSATION_EXPIRY_SECONDS s in Redis db $SIGNPOST_REDIS_DB (prefix $SIGNPOST_REDIS_PREFIX); logs in $RUN_DIR"
date +%s >"$RUN_DIR/ready"

rss_mb() { awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$1/status" 2>/dev/null || echo 0; }
up() { "$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
  "http://127.0.0.1:$1/webhooks/rest/" 2>/dev/null; }
recycle_if_too_big() {  # restart (SIGTERM: in-flight messages finish) one oversized Rasa server
  local port pid other
  for port in $RASA_PORTS; do
    pid=$(cat "$RUN_DIR/rasa-$port.pid" 2>/dev/null) || continue
    [ "$(rss_mb "$pid")" -gt "$MAX_RSS_MB" ] || continue
    [ "$(($(date +%s) - $(stat -c %Y "$RUN_DIR/rasa-$port.pid")))" -gt 60 ] || continue
    for other in $RASA_PORTS; do
      [ "$other" = "$port" ] || up "$other" || return 0  # not while another one is down
    done
    say "rasa-$port uses $(rss_mb "$pid") MB (over $MAX_RSS_MB): restarting it"
    kill -TERM "$pid" 2>/dev/null || true
    return 0
  done
}

# Run until stopped. `wait` returns when a signal arrives, so the trap runs at once.
while true; do
  alive=0
  for pid in "${SUPERVISORS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [ "$alive" = 1 ] || { say "every process has stopped"; exit 1; }
  [ "$MAX_RSS_MB" = 0 ] || [ "$(wc -w <<<"$RASA_PORTS")" -lt 2 ] || recycle_if_too_big
  sleep 5 &
  wait $! || true
done
