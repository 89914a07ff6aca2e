#!/usr/bin/env bash
# `make loadtest`: a fresh PostgreSQL database, gunicorn + a Celery worker on Redis, all on
# 127.0.0.1, Locust headless, then the database is checked. Gunicorn and the worker are
# stopped whatever happens. Settings (environment):
#   LOAD_DATABASE_URL  postgres://postgres@127.0.0.1:5432/jastarurban_load (dropped and created!)
#   CELERY_BROKER_URL, REDIS_URL   redis://127.0.0.1:6379/0 unless set
#   LOAD_PORT 18080  LOAD_WORKERS 3  LOAD_THREADS 1 (as docker-compose.yml)  LOAD_USERS 106  LOAD_SPAWN_RATE 1  LOAD_RUN_TIME 5m
#   LOAD_APPLICANTS 100  LOAD_EXPERTS 5  LOAD_LOGIN password|phone (applicants by SMS code)
#   LOAD_COMPRESSION  unset: applicants arrive as Locust spawns them (LOAD_SPAWN_RATE a second,
#     about two minutes). N: the last hour before the deadline compressed N×, the applicants
#     arriving evenly over 3600/N seconds (10 → 6 minutes); the run may last that + 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
OUT=loadtest/out
mkdir -p "$OUT"
rm -f "$OUT"/*.csv "$OUT"/*.json "$OUT"/*.log

export LOAD_DATABASE_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/jastarurban_load}
export LOAD_PORT=${LOAD_PORT:-18080} LOAD_WORKERS=${LOAD_WORKERS:-3} LOAD_THREADS=${LOAD_THREADS:-1}
export LOAD_APPLICANTS=${LOAD_APPLICANTS:-100} LOAD_EXPERTS=${LOAD_EXPERTS:-5}
export LOAD_USERS=${LOAD_USERS:-$((LOAD_APPLICANTS + LOAD_EXPERTS + 1))}
if [ -n "${LOAD_COMPRESSION:-}" ]; then
  # Everyone is spawned within seconds; each applicant then waits for its own arrival slot.
  export LOAD_ARRIVAL_SECONDS=$((3600 / LOAD_COMPRESSION))
  export LOAD_SPAWN_RATE=${LOAD_SPAWN_RATE:-20}
  export LOAD_RUN_TIME=${LOAD_RUN_TIME:-$((LOAD_ARRIVAL_SECONDS + 300))s}
else
  export LOAD_ARRIVAL_SECONDS=0
  export LOAD_SPAWN_RATE=${LOAD_SPAWN_RATE:-1} LOAD_RUN_TIME=${LOAD_RUN_TIME:-5m}
fi
DB_NAME=${LOAD_DATABASE_URL##*/}
SERVER_URL=${LOAD_DATABASE_URL%/*}/postgres
case "$DB_NAME" in
  *load*) ;;
  *) echo "Refusing: the load test drops its database, and '$DB_NAME' has no 'load' in its name."; exit 2 ;;
esac
case "$LOAD_DATABASE_URL" in
  *@127.0.0.1:*|*@localhost:*|*@127.0.0.1/*|*@localhost/*) ;;
  *) echo "Refusing: the load test runs on 127.0.0.1 only."; exit 2 ;;
esac

# The portal as in production: DEBUG off, real secret, a worker on Redis for the e-mails.
export DATABASE_URL=$LOAD_DATABASE_URL
export CELERY_BROKER_URL=${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
export CELERY_TASK_ALWAYS_EAGER=0
export DEBUG=0 BEHIND_TLS_PROXY=1 ALLOWED_HOSTS=127.0.0.1
export SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(60))')
export SITE_URL=http://127.0.0.1:$LOAD_PORT LOG_LEVEL=WARNING
export MEDIA_ROOT=$(mktemp -d /tmp/jastarurban-load-media.XXXXXX)
# SMS codes go to files Locust reads (LOAD_LOGIN=phone logs applicants in by code); one
# proxy in front, so each simulated villager's X-Forwarded-For address is theirs.
export SMS_BACKEND=notifications.sms.file.FileBackend
export SMS_FILE_PATH=$(mktemp -d /tmp/jastarurban-load-sms.XXXXXX)
export AXES_PROXY_COUNT=1
export LOAD_LOGIN=${LOAD_LOGIN:-password}
export STATIC_ROOT=$(mktemp -d /tmp/jastarurban-load-static.XXXXXX)

GUNICORN_PID= WORKER_PID=
cleanup() {
  [ -n "$GUNICORN_PID" ] && kill "$GUNICORN_PID" 2>/dev/null && wait "$GUNICORN_PID" 2>/dev/null
  [ -n "$WORKER_PID" ] && kill "$WORKER_PID" 2>/dev/null && wait "$WORKER_PID" 2>/dev/null
  rm -rf "$MEDIA_ROOT" "$STATIC_ROOT" "$SMS_FILE_PATH"
  true
}
trap cleanup EXIT INT TERM

echo "== Database $DB_NAME: dropped, created, migrated, seeded"
psql -q -v ON_ERROR_STOP=1 "$SERVER_URL" -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" \
  -c "CREATE DATABASE \"$DB_NAME\""
$PY manage.py migrate --noinput -v0
$PY manage.py collectstatic --noinput -v0
# The seed and the check are the demo app's commands; gunicorn and the worker run without it.
DEMO_APP=1 $PY manage.py seed_load --force --applicants "$LOAD_APPLICANTS" --experts "$LOAD_EXPERTS" \
  > "$OUT/seed.log" 2>&1 || { tail -20 "$OUT/seed.log"; exit 1; }
tail -1 "$OUT/seed.log"

echo "== gunicorn ($LOAD_WORKERS workers × $LOAD_THREADS threads) on 127.0.0.1:$LOAD_PORT, Celery worker on $CELERY_BROKER_URL"
.venv/bin/celery -A jastarurban worker --concurrency 1 --loglevel WARNING \
  > "$OUT/celery.log" 2>&1 &
WORKER_PID=$!
.venv/bin/gunicorn jastarurban.wsgi --bind "127.0.0.1:$LOAD_PORT" --workers "$LOAD_WORKERS" \
  --threads "$LOAD_THREADS" \
  --error-logfile "$OUT/gunicorn.log" --log-level warning &
GUNICORN_PID=$!
for _ in $(seq 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$LOAD_PORT/healthz" && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$LOAD_PORT/healthz"; echo
# Each worker loads templates and translations on its first requests: warm them up.
for _ in $(seq $((LOAD_WORKERS * 4))); do
  for page in / /accounts/login/ /competitions/jastarurban-open/; do
    curl -fs -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$LOAD_PORT$page"
  done
done

echo "== Locust: $LOAD_USERS users, $LOAD_SPAWN_RATE/s, applicants arriving over ${LOAD_ARRIVAL_SECONDS} s (0: as spawned), at most $LOAD_RUN_TIME"
set +e
TIMEFORMAT=%U+%S
LOCUST_CPU=$( { time .venv/bin/locust -f loadtest/locustfile.py --headless --only-summary \
  --users "$LOAD_USERS" --spawn-rate "$LOAD_SPAWN_RATE" --run-time "$LOAD_RUN_TIME" \
  --host "http://127.0.0.1:$LOAD_PORT" --csv "$OUT/locust" --stop-timeout 10 \
  > "$OUT/locust.log" 2>&1 ; } 2>&1 | tail -1 | bc )
set -e
tail -5 "$OUT/locust.log"

# Where the CPU went: the web workers, the Celery worker, and (below) Locust itself.
cpu_seconds() {
  local pids; pids=$(echo "$@" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
  [ -z "$pids" ] && { echo 0; return; }
  ps -o cputimes= -p "$pids" 2>/dev/null | awk '{s += $1} END {print s + 0}'
}
{
  echo "gunicorn_workers $(cpu_seconds $(pgrep -P "$GUNICORN_PID"))"
  echo "celery_worker $(cpu_seconds "$WORKER_PID" $(pgrep -P "$WORKER_PID"))"
  echo "postgres_backends $(cpu_seconds $(pgrep -f "$DB_NAME"))"
  echo "locust $LOCUST_CPU"
} > "$OUT/cpu.txt"
cat "$OUT/cpu.txt"

echo "== Verifying the database"
set +e
DEMO_APP=1 $PY manage.py verify_load --sent "$OUT/sent.json" --json "$OUT/verify.json"
echo
echo "== Figures"
$PY loadtest/report.py
status=$?
grep -c "Traceback" "$OUT/gunicorn.log" | xargs echo "tracebacks in gunicorn.log:"
exit $status
