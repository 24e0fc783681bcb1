#!/usr/bin/env bash
# A private MariaDB for the NukeViet connector's test harness (tests/support/nukeviet-harness).
#
#   scripts/nukeviet-harness-db.sh start    create (first time) and start the server; idempotent
#   scripts/nukeviet-harness-db.sh stop     stop the server this script started (pid file only)
#   scripts/nukeviet-harness-db.sh status   running or not
#   scripts/nukeviet-harness-db.sh socket   print the server's Unix socket path
#
# Debian's mariadb-server binaries, its own data folder and a Unix socket only (no TCP), nothing
# of /etc/mysql used. Each harness creates its own database `nvh_<random>` through the account
# `nvharness` (password below, rights on `nvh\_%` only) and drops it when it stops.
# The server runs with MySQL 5.7's default sql_mode (strict, ONLY_FULL_GROUP_BY, no zero dates)
# and utf8mb4_unicode_ci, the collation NukeViet's installer picks, so the connector's SQL is
# checked against the stricter of MariaDB 10.3+ and MySQL 5.7+.
#
# Environment: NV_HARNESS_DB_DIR (default /tmp/newsdesk-nukeviet-db-<uid>). Runs as root (the
# server then runs as the mysql user) or as an ordinary user (the server runs as that user).
set -euo pipefail

DIR=$(realpath -m -- "${NV_HARNESS_DB_DIR:-/tmp/newsdesk-nukeviet-db-$(id -u)}")
DATA=$DIR/mysql
SOCKET=$DIR/mysqld.sock
CNF=$DIR/my.cnf
USER_NAME=nvharness
USER_PASS=nvharness-pass
[ "${#SOCKET}" -lt 100 ] || { echo "socket path too long: $SOCKET (set NV_HARNESS_DB_DIR)" >&2; exit 1; }

say() { printf '[nukeviet-harness-db] %s\n' "$*" >&2; }
alive() { mariadb-admin --defaults-file="$CNF" -uroot ping >/dev/null 2>&1; }

write_config() {
  local run_as
  run_as=$(id -un)
  [ "$(id -u)" = 0 ] && run_as=mysql
  mkdir -p "$DATA"
  chmod 755 "$DIR"
  [ "$(id -u)" = 0 ] && chown mysql:mysql "$DATA" "$DIR"
  cat >"$CNF" <<EOF
[mysqld]
user=$run_as
datadir=$DATA
socket=$SOCKET
pid-file=$DIR/mysqld.pid
log-error=$DIR/mysqld.err
skip-networking
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
sql_mode=ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION
innodb_buffer_pool_size=32M
innodb_log_file_size=8M
innodb_flush_log_at_trx_commit=2
key_buffer_size=16M
max_connections=200
[client]
socket=$SOCKET
EOF
}

start() {
  mkdir -p "$DIR"
  # Several test files may start the harness at once: one starts the server, the others wait.
  exec 9>"$DIR.lock"
  flock 9
  if alive; then return; fi
  command -v mariadbd >/dev/null 2>&1 || { say "mariadbd not found (apt-get install mariadb-server)"; exit 1; }
  write_config
  if [ ! -d "$DATA/mysql" ]; then
    mariadb-install-db --defaults-file="$CNF" --auth-root-authentication-method=socket \
      --skip-test-db >"$DIR/install.log" 2>&1 || { tail "$DIR/install.log" >&2; exit 1; }
  fi
  # setsid: the server outlives the test run (or CI step) that started it.
  # 9>&-: the server must not inherit (and hold forever) the start lock.
  setsid mariadbd --defaults-file="$CNF" >>"$DIR/mysqld.out" 2>&1 </dev/null 9>&- &
  for _ in $(seq 300); do alive && break; sleep 0.05; done
  alive || { tail "$DIR/mysqld.err" >&2; say "MariaDB did not start"; exit 1; }
  mariadb --defaults-file="$CNF" -uroot <<EOF
CREATE USER IF NOT EXISTS '$USER_NAME'@'localhost' IDENTIFIED BY '$USER_PASS';
GRANT ALL PRIVILEGES ON \`nvh\\_%\`.* TO '$USER_NAME'@'localhost';
EOF
}

case "${1:-}" in
  start) start; echo "$SOCKET" ;;
  socket) echo "$SOCKET" ;;
  status) if alive; then echo "running ($SOCKET)"; else echo "stopped"; exit 1; fi ;;
  stop)
    if [ -s "$DIR/mysqld.pid" ]; then
      pid=$(cat "$DIR/mysqld.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    fi
    ;;
  *) echo "usage: $0 start|stop|status|socket" >&2; exit 2 ;;
esac
