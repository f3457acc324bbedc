#!/usr/bin/env bash
# Throwaway PostgreSQL+pgvector and MariaDB servers for tests, benchmarks and the local pipeline.
#
#   scripts/local-services.sh install   install what is missing (distribution packages only)
#   scripts/local-services.sh start     install if needed, then start both servers (no-op if running)
#   scripts/local-services.sh stop      stop both servers; leaves no process behind
#   scripts/local-services.sh status    say what runs where; exit 0 only if both run
#   scripts/local-services.sh env       print `export …` lines: eval "$(scripts/local-services.sh env)"
#
# Servers listen on 127.0.0.1 only, on ports that are not the system defaults, with their data
# under RECS_LOCAL_DIR (default: <repo>/.local-services). The system clusters are never touched.
# The JDBC URLs and credentials printed here are the defaults the tests use when the RECS_* variables
# are unset; they are for these throwaway local servers only.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_DIR="${RECS_LOCAL_DIR:-$REPO_DIR/.local-services}"
PG_PORT="${RECS_PG_PORT:-55432}"
MARIADB_PORT="${RECS_MARIADB_PORT:-53306}"
PG_DB=recs
PG_USER=recs
PG_PASSWORD=recs
MARIADB_DB=classicmodels
MARIADB_USER=recs
MARIADB_PASSWORD=recs
PGVECTOR_MIN_VERSION=0.8.0

log() { printf '[local-services] %s\n' "$*" >&2; }
die() { printf '[local-services] ERROR: %s\n' "$*" >&2; exit 2; }

if [ "$(id -u)" -eq 0 ]; then SUDO=(); IS_ROOT=1; else SUDO=(sudo -n); IS_ROOT=0; fi

as_root() {
  if [ "$IS_ROOT" -eq 1 ]; then "$@"; return; fi
  command -v sudo >/dev/null 2>&1 || die "need root to run: $* — install sudo or run this script as root once ('sudo $0 install')"
  "${SUDO[@]}" "$@" 2>/dev/null || sudo "$@" || die "need root to run: $* — run 'sudo $0 install' once, then '$0 start' as yourself"
}

# ---------------------------------------------------------------- discovery
pg_bindir() {
  local v
  for v in $(ls /usr/lib/postgresql 2>/dev/null | sort -rn); do
    if [ "$v" -ge 15 ] && [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then echo "/usr/lib/postgresql/$v/bin"; return; fi
  done
}
pg_major() { basename "$(dirname "$(pg_bindir)")"; }
pg_config_bin() { echo "/usr/lib/postgresql/$(pg_major)/bin/pg_config"; }

pgvector_version() {
  local bindir share ctl
  bindir="$(pg_bindir)"; [ -n "$bindir" ] || return 0
  share="/usr/share/postgresql/$(pg_major)/extension"
  ctl="$share/vector.control"
  [ -f "$ctl" ] || return 0
  sed -n "s/^default_version *= *'\(.*\)'.*/\1/p" "$ctl"
}

# True when something already listens on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

mariadbd_bin() { command -v mariadbd 2>/dev/null || { [ -x /usr/sbin/mariadbd ] && echo /usr/sbin/mariadbd; } || true; }

# ---------------------------------------------------------------- install
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* with your package manager (PostgreSQL >= 15, pgvector >= $PGVECTOR_MIN_VERSION, MariaDB server)"
  # Installing a server package must not start the system service on 5432/3306.
  local policy=/usr/sbin/policy-rc.d created=0
  if [ ! -e "$policy" ]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy"; created=1
  fi
  mkdir -p "$LOCAL_DIR"
  local aptlog="$LOCAL_DIR/install.log"
  if [ ! -f "$LOCAL_DIR/.apt-updated" ]; then
    as_root apt-get update -qq >>"$aptlog" 2>&1 || { tail -n 20 "$aptlog" >&2; die "apt-get update failed (log: $aptlog)"; }
    touch "$LOCAL_DIR/.apt-updated"
  fi
  log "apt-get install $* (log: $aptlog)"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >>"$aptlog" 2>&1; then
    [ $created -eq 1 ] && as_root rm -f "$policy"
    tail -n 20 "$aptlog" >&2; die "apt-get install $* failed (log: $aptlog)"
  fi
  [ $created -eq 1 ] && as_root rm -f "$policy"
  return 0
}

install_postgres() {
  if [ -z "$(pg_bindir)" ]; then
    log "installing PostgreSQL server"
    # No default cluster: we only ever run our own.
    as_root mkdir -p /etc/postgresql-common/createcluster.d
    as_root sh -c "echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/recs-no-main.conf"
    apt_install postgresql postgresql-contrib
  fi
  [ -n "$(pg_bindir)" ] || die "no PostgreSQL >= 15 server found under /usr/lib/postgresql after install"
}

install_pgvector() {
  local have; have="$(pgvector_version)"
  if [ -n "$have" ] && version_ge "$have" "$PGVECTOR_MIN_VERSION"; then return; fi
  local major; major="$(pg_major)"
  log "pgvector ${have:-missing} < $PGVECTOR_MIN_VERSION for PostgreSQL $major: trying the distribution package"
  if apt-cache show "postgresql-$major-pgvector" >/dev/null 2>&1; then
    apt_install "postgresql-$major-pgvector" || true
    have="$(pgvector_version)"
    if [ -n "$have" ] && version_ge "$have" "$PGVECTOR_MIN_VERSION"; then return; fi
  fi
  build_pgvector_from_debian_source
  have="$(pgvector_version)"
  [ -n "$have" ] && version_ge "$have" "$PGVECTOR_MIN_VERSION" || die "pgvector >= $PGVECTOR_MIN_VERSION still missing after the source build"
}

# bookworm ships no pgvector; Debian trixie's source package builds cleanly against PostgreSQL 15.
build_pgvector_from_debian_source() {
  local major; major="$(pg_major)"
  [ -f /etc/debian_version ] || die "pgvector >= $PGVECTOR_MIN_VERSION is not packaged here; install it for PostgreSQL $major (https://github.com/pgvector/pgvector#installation) and rerun"
  log "building pgvector from Debian trixie's source package"
  local src=/etc/apt/sources.list.d/recs-trixie-src.sources
  if [ ! -f "$src" ]; then
    as_root sh -c "cat > $src" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    rm -f "$LOCAL_DIR/.apt-updated"
  fi
  apt_install "postgresql-server-dev-$major" build-essential dpkg-dev ca-certificates
  local build="$LOCAL_DIR/build/pgvector"
  rm -rf "$build"; mkdir -p "$build"
  ( cd "$build" && apt-get source -qq --download-only pgvector && dpkg-source -x --no-check ./*.dsc src ) >>"$LOCAL_DIR/install.log" 2>&1 \
    || die "could not fetch pgvector's Debian source (needs a deb-src entry for trixie: $src)"
  ( cd "$build/src" && make -s PG_CONFIG="$(pg_config_bin)" ) >>"$LOCAL_DIR/install.log" 2>&1 || die "pgvector build failed (log: $LOCAL_DIR/install.log)"
  ( cd "$build/src" && as_root make -s install PG_CONFIG="$(pg_config_bin)" ) >>"$LOCAL_DIR/install.log" 2>&1 || die "pgvector install failed (log: $LOCAL_DIR/install.log)"
}

install_mariadb() {
  if [ -z "$(mariadbd_bin)" ]; then
    log "installing MariaDB server"
    apt_install mariadb-server mariadb-client
  fi
  [ -n "$(mariadbd_bin)" ] || die "mariadbd not found after install"
}

cmd_install() { install_postgres; install_pgvector; install_mariadb; }

# ---------------------------------------------------------------- PostgreSQL
PG_DATA="$LOCAL_DIR/postgres/data"
PG_RUN="$LOCAL_DIR/postgres/run"
PG_LOG="$LOCAL_DIR/postgres/postgres.log"

# PostgreSQL refuses to run as root: as root, run it as the `postgres` system user.
as_pg() {
  if [ "$IS_ROOT" -eq 1 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_running() { [ -f "$PG_DATA/PG_VERSION" ] && as_pg "$(pg_bindir)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

start_postgres() {
  local bin; bin="$(pg_bindir)"
  if pg_running; then log "PostgreSQL already running on 127.0.0.1:$PG_PORT"; return; fi
  port_in_use "$PG_PORT" && die "port $PG_PORT is taken by another process (not this folder's PostgreSQL): stop it, or choose another port with RECS_PG_PORT=…"
  mkdir -p "$LOCAL_DIR/postgres"
  if [ "$IS_ROOT" -eq 1 ]; then
    id postgres >/dev/null 2>&1 || die "user 'postgres' missing (it comes with the postgresql package)"
    chown -R postgres: "$LOCAL_DIR/postgres"
    runuser -u postgres -- test -x "$LOCAL_DIR/postgres" \
      || die "user 'postgres' cannot reach $LOCAL_DIR (a parent folder is not world-executable); set RECS_LOCAL_DIR to a folder it can reach, e.g. /var/tmp/recs-local"
  fi
  mkdir -p "$PG_RUN" 2>/dev/null || true; [ "$IS_ROOT" -eq 1 ] && chown postgres: "$PG_RUN"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster in $PG_DATA"
    local pw="$LOCAL_DIR/postgres/.pwfile"
    printf '%s\n' "$PG_PASSWORD" > "$pw"; [ "$IS_ROOT" -eq 1 ] && chown postgres: "$pw"
    as_pg "$bin/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pw" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pw"
    # A throwaway test server: durability off, enough memory for HNSW builds.
    cat >> "$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 256MB
maintenance_work_mem = 1GB
max_connections = 100
CONF
  fi
  as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null || { tail -n 20 "$PG_LOG" >&2; die "PostgreSQL did not start (log: $PG_LOG)"; }
  if ! as_pg "$bin/psql" -h "$PG_RUN" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1; then
    as_pg "$bin/createdb" -h "$PG_RUN" -p "$PG_PORT" -U "$PG_USER" "$PG_DB"
  fi
  as_pg "$bin/psql" -h "$PG_RUN" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -qtAc "CREATE EXTENSION IF NOT EXISTS vector" >/dev/null
  log "PostgreSQL $(pg_major) + pgvector $(pgvector_version) running on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  local bin; bin="$(pg_bindir)"
  if [ -n "$bin" ] && pg_running; then
    as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null && log "PostgreSQL stopped"
  fi
}

# ---------------------------------------------------------------- MariaDB
MDB_DIR="$LOCAL_DIR/mariadb"
MDB_DATA="$MDB_DIR/data"
MDB_SOCK="$MDB_DIR/mariadb.sock"
MDB_PID="$MDB_DIR/mariadb.pid"
MDB_LOG="$MDB_DIR/mariadb.err"
# mariadbd refuses root unless told: as root we say so explicitly.
mdb_user() { id -un; }

mdb_client() { command -v mariadb 2>/dev/null || command -v mysql; }
mdb_admin() { command -v mariadb-admin 2>/dev/null || command -v mysqladmin; }

mariadb_running() { [ -S "$MDB_SOCK" ] && "$(mdb_admin)" --socket="$MDB_SOCK" -u "$(mdb_user)" ping >/dev/null 2>&1; }

start_mariadb() {
  if mariadb_running; then log "MariaDB already running on 127.0.0.1:$MARIADB_PORT"; return; fi
  port_in_use "$MARIADB_PORT" && die "port $MARIADB_PORT is taken by another process (not this folder's MariaDB): stop it, or choose another port with RECS_MARIADB_PORT=…"
  mkdir -p "$MDB_DIR"
  if [ ! -d "$MDB_DATA/mysql" ]; then
    log "initialising MariaDB in $MDB_DATA"
    local installdb; installdb="$(command -v mariadb-install-db || command -v mysql_install_db)"
    "$installdb" --no-defaults --datadir="$MDB_DATA" --user="$(mdb_user)" --auth-root-authentication-method=socket \
      --skip-test-db >"$MDB_DIR/install.log" 2>&1 || { tail -n 20 "$MDB_DIR/install.log" >&2; die "mariadb-install-db failed"; }
  fi
  # setsid: the server must outlive the Maven/JVM process that started it.
  setsid "$(mariadbd_bin)" --no-defaults --datadir="$MDB_DATA" --port="$MARIADB_PORT" --bind-address=127.0.0.1 \
    --socket="$MDB_SOCK" --pid-file="$MDB_PID" --log-error="$MDB_LOG" --user="$(mdb_user)" \
    --innodb-flush-log-at-trx-commit=0 --innodb-buffer-pool-size=256M --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --skip-name-resolve </dev/null >/dev/null 2>&1 &
  local i
  for i in $(seq 1 120); do mariadb_running && break; sleep 0.5; done
  mariadb_running || { tail -n 20 "$MDB_LOG" >&2; die "MariaDB did not start (log: $MDB_LOG)"; }
  "$(mdb_client)" --socket="$MDB_SOCK" -u "$(mdb_user)" <<SQL
CREATE DATABASE IF NOT EXISTS \`$MARIADB_DB\` CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS '$MARIADB_USER'@'127.0.0.1' IDENTIFIED BY '$MARIADB_PASSWORD';
CREATE USER IF NOT EXISTS '$MARIADB_USER'@'localhost' IDENTIFIED BY '$MARIADB_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$MARIADB_USER'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$MARIADB_USER'@'localhost' WITH GRANT OPTION;
SQL
  log "MariaDB $("$(mariadbd_bin)" --version | awk '{print $3}') running on 127.0.0.1:$MARIADB_PORT"
}

stop_mariadb() {
  if mariadb_running; then
    "$(mdb_admin)" --socket="$MDB_SOCK" -u "$(mdb_user)" shutdown >/dev/null 2>&1 || true
  fi
  if [ -f "$MDB_PID" ]; then
    local pid i; pid="$(cat "$MDB_PID")"
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { kill -9 "$pid" 2>/dev/null || true; }
    rm -f "$MDB_PID"
  fi
  log "MariaDB stopped"
}

# ---------------------------------------------------------------- commands
cmd_env() {
  cat <<ENV
export RECS_PG_JDBC_URL='jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB'
export RECS_PG_USER='$PG_USER'
export RECS_PG_PASSWORD='$PG_PASSWORD'
export RECS_MYSQL_JDBC_URL='jdbc:mysql://127.0.0.1:$MARIADB_PORT/$MARIADB_DB'
export RECS_MYSQL_USER='$MARIADB_USER'
export RECS_MYSQL_PASSWORD='$MARIADB_PASSWORD'
ENV
}

cmd_status() {
  local ok=0
  if [ -n "$(pg_bindir)" ] && pg_running; then echo "postgres: running  jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB  (pgvector $(pgvector_version))"; else echo "postgres: stopped"; ok=3; fi
  if [ -n "$(mariadbd_bin)" ] && mariadb_running; then echo "mariadb:  running  jdbc:mysql://127.0.0.1:$MARIADB_PORT/$MARIADB_DB"; else echo "mariadb:  stopped"; ok=3; fi
  echo "data:     $LOCAL_DIR"
  return $ok
}

case "${1:-}" in
  install) cmd_install ;;
  start)
    # Fast path first: a second start is a no-op that costs two pings.
    if [ -n "$(pg_bindir)" ] && [ -n "$(mariadbd_bin)" ] && pg_running && mariadb_running; then
      log "already running: postgres 127.0.0.1:$PG_PORT, mariadb 127.0.0.1:$MARIADB_PORT"; exit 0
    fi
    cmd_install; start_postgres; start_mariadb; cmd_status >&2 ;;
  stop) stop_postgres; stop_mariadb ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 64 ;;
esac
