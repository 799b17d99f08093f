#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite, in a folder under /tmp.
#
#   bash .ci/postgres.sh start    create the cluster if missing, start it, make sure role and
#                                 database `scorecard` exist; prints the DATABASE_URL on stdout
#   bash .ci/postgres.sh stop     stop it (nothing to do if it is not running)
#   bash .ci/postgres.sh status   say whether it is running
#   bash .ci/postgres.sh url      print the DATABASE_URL
#   bash .ci/postgres.sh reset    stop it and delete the folder
#
# As root the server runs as the `postgres` OS user (or as whoever already owns the folder);
# as any other user, that user must own the folder (it is created if missing).
# Overrides: SCORECARD_PG_DIR (default /tmp/scorecard-pg), SCORECARD_PG_PORT (default 54329).
# Only messages go to stderr, so `url=$(bash .ci/postgres.sh start)` captures the URL alone.
set -euo pipefail

PG_DIR=${SCORECARD_PG_DIR:-/tmp/scorecard-pg}
PG_PORT=${SCORECARD_PG_PORT:-54329}
PG_HOST=127.0.0.1
DB_NAME=scorecard
DB_USER=scorecard
DB_PASSWORD=scorecard
SUPERUSER=postgres

case "$PG_DIR" in
/*) ;;
*) PG_DIR="$PWD/$PG_DIR" ;;
esac
DATA="$PG_DIR/data"
LOG="$PG_DIR/server.log"
URL="postgres://$DB_USER:$DB_PASSWORD@$PG_HOST:$PG_PORT/$DB_NAME"

say() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() {
    say "$*"
    exit 1
}

# Whoever runs the server may not be able to read the caller's folder: work from /.
cd /

find_bin() {
    local dir best=""
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/pg_ctl" ] || continue
        if [ -z "$best" ] || [ "$(basename "$(dirname "$dir")")" -gt "$(basename "$(dirname "$best")")" ]; then
            best=$dir
        fi
    done
    [ -n "$best" ] || die "no PostgreSQL server found in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
    printf '%s\n' "$best"
}

# Sets RUN_AS (empty: run directly) and, with create=1, makes the folder if it is missing.
choose_user() {
    local create=$1 owner
    if [ "$(id -u)" -eq 0 ]; then
        if [ -d "$PG_DIR" ]; then
            owner=$(stat -c %U "$PG_DIR")
        else
            owner=root
        fi
        if [ "$owner" = root ]; then
            id -u postgres >/dev/null 2>&1 || die "no 'postgres' OS user (apt-get install postgresql)"
            RUN_AS=postgres
            if [ "$create" = 1 ]; then
                mkdir -p "$PG_DIR"
                chown postgres: "$PG_DIR"
            fi
        else
            RUN_AS=$owner
        fi
    else
        RUN_AS=""
        if [ ! -d "$PG_DIR" ] && [ "$create" = 1 ]; then
            mkdir -p "$PG_DIR" || die "cannot create $PG_DIR"
        fi
        if [ -d "$PG_DIR" ] && [ ! -O "$PG_DIR" ]; then
            die "$PG_DIR belongs to $(stat -c %U "$PG_DIR"), not $(id -un): run as root, or set SCORECARD_PG_DIR"
        fi
    fi
}

as_owner() {
    if [ -n "$RUN_AS" ]; then
        runuser -u "$RUN_AS" -- "$@"
    else
        "$@"
    fi
}

# Running means: a pid file whose process is still a postgres server. A pid file left by a
# server that was killed (say, when the machine's processes were ended) is removed.
is_running() {
    local pid
    [ -f "$DATA/postmaster.pid" ] || return 1
    pid=$(head -n 1 "$DATA/postmaster.pid" 2>/dev/null || true)
    # A killed server can linger as a zombie until it is reaped: that is not running either.
    if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = postgres ] &&
        [ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null || true)" != Z ]; then
        return 0
    fi
    say "removing a stale postmaster.pid (pid ${pid:-?} is gone)"
    as_owner rm -f "$DATA/postmaster.pid"
    return 1
}

init_cluster() {
    local bin=$1
    say "creating a PostgreSQL $(basename "$(dirname "$bin")") cluster in $DATA"
    as_owner "$bin/initdb" --pgdata="$DATA" --username="$SUPERUSER" --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 ||
        {
            cat "$PG_DIR/initdb.log" >&2
            die "initdb failed"
        }
    # Speed over durability: this cluster only ever holds test data.
    as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<'EOF'

# Added by .ci/postgres.sh: a throwaway cluster for tests.
fsync = off
synchronous_commit = off
full_page_writes = off
include_if_exists = 'scorecard.conf'
EOF
}

write_settings() {
    # Rewritten at every start, so SCORECARD_PG_PORT can change between runs.
    as_owner tee "$DATA/scorecard.conf" >/dev/null <<EOF
listen_addresses = '$PG_HOST'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
EOF
}

wait_ready() {
    local bin=$1 i
    for i in $(seq 1 60); do
        if "$bin/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -d postgres -U "$SUPERUSER"; then
            return 0
        fi
        sleep 1
    done
    tail -n 30 "$LOG" >&2 || true
    die "the server did not accept connections on $PG_HOST:$PG_PORT within 60 seconds"
}

create_role_and_database() {
    local bin=$1
    "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$SUPERUSER" -d postgres >/dev/null <<EOF
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
        CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    ELSE
        ALTER ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')
\gexec
EOF
}

start() {
    local bin
    bin=$(find_bin)
    choose_user 1
    [ -f "$DATA/PG_VERSION" ] || init_cluster "$bin"
    if is_running; then
        say "already running ($DATA)"
    else
        write_settings
        say "starting on $PG_HOST:$PG_PORT (log: $LOG)"
        if ! as_owner "$bin/pg_ctl" --pgdata="$DATA" --log="$LOG" --wait --timeout=60 \
            start >/dev/null; then
            tail -n 30 "$LOG" >&2 || true
            die "the server did not start"
        fi
    fi
    wait_ready "$bin"
    create_role_and_database "$bin"
    say "ready: $URL"
    printf '%s\n' "$URL"
}

stop() {
    local bin
    if [ ! -d "$PG_DIR" ]; then
        say "not running (no $PG_DIR)"
        return 0
    fi
    bin=$(find_bin)
    choose_user 0
    if is_running; then
        as_owner "$bin/pg_ctl" --pgdata="$DATA" --mode=fast --wait --timeout=60 stop >/dev/null
        say "stopped"
    else
        say "not running"
    fi
}

status() {
    if [ -d "$PG_DIR" ]; then
        choose_user 0
        if is_running; then
            say "running on $PG_HOST:$PG_PORT ($DATA)"
            return 0
        fi
    fi
    say "not running"
    return 3
}

reset() {
    stop
    if [ -d "$PG_DIR" ]; then
        rm -rf "$PG_DIR"
        say "removed $PG_DIR"
    fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
url) printf '%s\n' "$URL" ;;
reset) reset ;;
*)
    echo "usage: bash .ci/postgres.sh start|stop|status|url|reset" >&2
    exit 2
    ;;
esac
