#!/usr/bin/env bash
# A private WordPress on 127.0.0.1 for Newsdesk's portal-sync tests and benchmark.
#
#   scripts/wordpress-local.sh setup    install packages if missing, create/start everything,
#                                       write credentials (idempotent: a second run takes ~1 s)
#   scripts/wordpress-local.sh start    start MariaDB and the web server on the existing state
#   scripts/wordpress-local.sh stop     stop the servers this script started (pid files only)
#   scripts/wordpress-local.sh status   what runs, and whether the credentials still work
#   scripts/wordpress-local.sh env      print `export WP_URL=… WP_USER=… WP_APP_PASSWORD=…`
#   scripts/wordpress-local.sh reset    stop and delete the site (database, uploads, credentials)
#
# Debian 12 packages (WordPress 6.1, MariaDB 10.11, Apache + mod_php 8.2), installed without
# recommends. MariaDB gets its own data folder and listens on a Unix socket only; Apache (or
# `php -S` with WP_SERVER=php) listens on 127.0.0.1 only. Nothing in /etc/apache2 or
# /etc/mysql is used. Must run as root (apt, /etc/wordpress, servers run as mysql/www-data).
#
# Environment: WP_STATE_DIR (default <repo>/.wordpress-local), WP_PORT (18080),
# WP_SERVER (apache|php), WP_ADMIN_USER (admin), WP_ADMIN_PASS.
# Tests read WP_URL, WP_USER and WP_APP_PASSWORD: `eval "$(scripts/wordpress-local.sh env)"`.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
STATE_DIR=$(realpath -m -- "${WP_STATE_DIR:-$REPO/.wordpress-local}")
PORT=${WP_PORT:-18080}
SERVER=${WP_SERVER:-apache}
ADMIN_USER=${WP_ADMIN_USER:-admin}
ADMIN_PASS=${WP_ADMIN_PASS:-newsdesk-admin-pass}
DB_PASS=newsdesk-db-pass
URL="http://127.0.0.1:$PORT"
CREDENTIALS=$STATE_DIR/credentials.env
PLUGIN_SOURCE=$REPO/resources/wordpress/newsdesk-sync.php
# Debian's /usr/share/wordpress/wp-config.php loads config-<Host without port>.php.
SITE_CONFIG=/etc/wordpress/config-127.0.0.1.php
PACKAGES=(wordpress wordpress-theme-twentytwentythree mariadb-server apache2 libapache2-mod-php
  php-mysql php-gd php-xml php-mbstring php-intl curl jq)

say() { printf '[wordpress-local %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
fail() { say "$*"; exit 1; }
elapsed() { echo $((($(date +%s%N) - $1) / 1000000))ms; }

# The database and uploads must be reachable by the mysql and www-data users. A checkout inside
# a mode-700 home folder is not, so the data then lives under /var/lib instead (the credentials
# stay in the state folder, where the tests look for them).
data_dir() {
  local preferred=$STATE_DIR/data
  local fallback
  fallback=/var/lib/newsdesk-wordpress/$(printf '%s' "$STATE_DIR" | sha1sum | cut -c1-12)
  if [ -e "$fallback" ]; then echo "$fallback"; return; fi
  if setpriv --reuid=www-data --regid=www-data --clear-groups test -x "$STATE_DIR" 2>/dev/null ||
    { mkdir -p "$STATE_DIR" && chmod 755 "$STATE_DIR" &&
      setpriv --reuid=www-data --regid=www-data --clear-groups test -x "$STATE_DIR" 2>/dev/null; }; then
    echo "$preferred"
  else
    echo "$fallback"
  fi
}

DATA=$(data_dir)
RUN=$DATA/run
LOGS=$DATA/logs
CONTENT=$DATA/wp-content
SOCKET=$RUN/mysqld.sock
[ "${#SOCKET}" -lt 100 ] || fail "state folder path too long for a socket: $SOCKET (set WP_STATE_DIR)"

require_root() { [ "$(id -u)" = 0 ] || fail "run as root (it installs packages and starts servers)"; }

install_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
  done
  [ "${#missing[@]}" = 0 ] && return
  local t0 policy_added=0
  t0=$(date +%s%N)
  say "installing ${#missing[@]} packages: ${missing[*]}"
  # Without systemd, postinst scripts would start Apache on *:80 and MariaDB on :3306.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    policy_added=1
  fi
  mkdir -p "$LOGS"
  # Another apt (e.g. CI installing Chromium) may hold the lock for a while: wait for it.
  apt-get -o DPkg::Lock::Timeout=600 update -qq >"$LOGS/apt.log" 2>&1 || { tail "$LOGS/apt.log"; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${missing[@]}" >>"$LOGS/apt.log" 2>&1 || { tail -20 "$LOGS/apt.log"; exit 1; }
  [ "$policy_added" = 1 ] && rm -f /usr/sbin/policy-rc.d
  say "packages installed in $(elapsed "$t0")"
}

write_mysql_config() {
  mkdir -p "$DATA/mysql" "$RUN" "$LOGS"
  chown mysql:mysql "$DATA/mysql" "$RUN"
  chmod 755 "$RUN"
  cat >"$DATA/my.cnf" <<EOF
[mysqld]
user=mysql
datadir=$DATA/mysql
socket=$SOCKET
pid-file=$RUN/mysqld.pid
log-error=$LOGS/mysqld.err
skip-networking
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
innodb_buffer_pool_size=64M
innodb_log_file_size=16M
innodb_flush_log_at_trx_commit=2
[client]
socket=$SOCKET
EOF
}

write_web_config() {
  mkdir -p "$CONTENT/uploads" "$CONTENT/mu-plugins" "$CONTENT/plugins"
  chown www-data:www-data "$CONTENT/uploads"
  ln -sfn /usr/share/wordpress/wp-content/themes "$CONTENT/themes"
  install -m 644 "$PLUGIN_SOURCE" "$CONTENT/mu-plugins/newsdesk-sync.php"
  cat >"$DATA/apache2.conf" <<EOF
# Written by scripts/wordpress-local.sh; independent of /etc/apache2/apache2.conf.
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile $RUN/apache2.pid
Mutex file:$RUN default
User www-data
Group www-data
ErrorLog $LOGS/apache-error.log
LogLevel warn
LogFormat "%h %t \"%r\" %>s %b %D" timed
CustomLog $LOGS/apache-access.log timed
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so
StartServers 4
MinSpareServers 4
MaxSpareServers 8
MaxRequestWorkers 12
KeepAlive On
TypesConfig /etc/mime.types
DocumentRoot /usr/share/wordpress
DirectoryIndex index.php
<FilesMatch "\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
php_admin_value upload_max_filesize 64M
php_admin_value post_max_size 64M
php_admin_value memory_limit 256M
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
  RewriteEngine On
  RewriteBase /
  RewriteRule ^index\.php$ - [L]
  RewriteCond %{REQUEST_FILENAME} !-f
  RewriteCond %{REQUEST_FILENAME} !-d
  RewriteRule . /index.php [L]
</Directory>
Alias /wp-content $CONTENT
<Directory $CONTENT>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
<Directory $CONTENT/uploads>
  php_admin_flag engine off
</Directory>
EOF
  # Router for `php -S`: uploads come from the state folder, everything else goes to WordPress.
  cat >"$DATA/router.php" <<EOF
<?php
\$path = rawurldecode( parse_url( \$_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( str_starts_with( \$path, '/wp-content/' ) ) {
	\$file = realpath( '$CONTENT' . substr( \$path, strlen( '/wp-content' ) ) );
	if ( \$file && str_starts_with( \$file, '$CONTENT/' ) && is_file( \$file ) && ! str_ends_with( \$file, '.php' ) ) {
		header( 'Content-Type: ' . ( mime_content_type( \$file ) ?: 'application/octet-stream' ) );
		readfile( \$file );
		return true;
	}
	http_response_code( 404 );
	return true;
}
if ( \$path !== '/' && is_file( '/usr/share/wordpress' . \$path ) ) {
	return false;
}
\$_SERVER['SCRIPT_NAME'] = '/index.php';
require '/usr/share/wordpress/index.php';
EOF
}

write_site_config() {
  local marker="// newsdesk state: $DATA port $PORT"
  grep -qxF "$marker" "$SITE_CONFIG" 2>/dev/null && return
  [ -e "$SITE_CONFIG" ] && say "rewriting $SITE_CONFIG for $DATA"
  local salts
  salts=$(for name in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT \
    SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
    printf "define('%s', '%s');\n" "$name" "$(head -c 32 /dev/urandom | sha256sum | cut -c1-64)"
  done)
  (
    umask 027
    cat >"$SITE_CONFIG" <<EOF
<?php
$marker
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$DB_PASS');
define('DB_HOST', 'localhost:$SOCKET');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$salts
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
define('WP_CONTENT_DIR', '$CONTENT');
define('WP_CONTENT_URL', '$URL/wp-content');
// Application Passwords over plain http need the 'local' environment.
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
\$table_prefix = 'wp_';
EOF
  )
  chgrp www-data "$SITE_CONFIG"
  ln -sfn "$(basename "$SITE_CONFIG")" /etc/wordpress/config-localhost.php
}

db_alive() { mariadb-admin --defaults-file="$DATA/my.cnf" ping >/dev/null 2>&1; }
web_alive() { curl -s -o /dev/null --max-time 2 "$URL/wp-includes/images/blank.gif"; }

start_db() {
  db_alive && return
  if [ ! -d "$DATA/mysql/mysql" ]; then
    mariadb-install-db --defaults-file="$DATA/my.cnf" --auth-root-authentication-method=socket \
      --skip-test-db >"$LOGS/mariadb-install.log" 2>&1 || { tail "$LOGS/mariadb-install.log"; exit 1; }
  fi
  # setsid: the server must not die with the shell (or CI step) that started it.
  setsid mariadbd --defaults-file="$DATA/my.cnf" >>"$LOGS/mysqld.out" 2>&1 </dev/null &
  for _ in $(seq 200); do db_alive && break; sleep 0.05; done
  db_alive || { tail "$LOGS/mysqld.err"; fail "MariaDB did not start"; }
  mariadb --defaults-file="$DATA/my.cnf" -uroot <<EOF
CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY '$DB_PASS';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'localhost';
EOF
}

start_web() {
  web_alive && return
  if [ "$SERVER" = php ]; then
    PHP_CLI_SERVER_WORKERS=6 setsid setpriv --reuid=www-data --regid=www-data --init-groups \
      php -d upload_max_filesize=64M -d post_max_size=64M -d memory_limit=256M \
      -S "127.0.0.1:$PORT" -t /usr/share/wordpress "$DATA/router.php" \
      >>"$LOGS/php-server.log" 2>&1 </dev/null &
    echo $! >"$RUN/php-server.pid"
  else
    apache2 -f "$DATA/apache2.conf" -k start
  fi
  for _ in $(seq 200); do web_alive && break; sleep 0.05; done
  web_alive || fail "the web server did not answer on $URL (see $LOGS)"
}

install_site() {
  local tables
  tables=$(mariadb --defaults-file="$DATA/my.cnf" -uroot -N -e \
    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='wordpress' AND table_name='wp_options'")
  [ "$tables" = 1 ] && return
  curl -sS -o "$LOGS/install.html" \
    --data-urlencode "weblog_title=Newsdesk sync target" --data-urlencode "user_name=$ADMIN_USER" \
    --data-urlencode "admin_password=$ADMIN_PASS" --data-urlencode "admin_password2=$ADMIN_PASS" \
    --data-urlencode "pw_weak=on" --data-urlencode "admin_email=admin@example.test" \
    --data-urlencode "blog_public=0" "$URL/wp-admin/install.php?step=2"
  grep -q '<h1>Success!</h1>' "$LOGS/install.html" || fail "WordPress installer failed: $LOGS/install.html"
  say "WordPress installed"
}

credentials_work() {
  [ -s "$CREDENTIALS" ] || return 1
  (
    # shellcheck disable=SC1090
    . "$CREDENTIALS"
    [ "$(curl -s -o /dev/null -w '%{http_code}' -u "$WP_USER:$WP_APP_PASSWORD" "$WP_URL/wp-json/wp/v2/users/me")" = 200 ]
  )
}

# WordPress's own API creates the Application Password (what wp-cli would do, without wp-cli).
create_app_password() {
  credentials_work && return
  local password
  password=$(cd /usr/share/wordpress && php -r '
    $_SERVER["HTTP_HOST"] = "127.0.0.1";
    define("WP_USE_THEMES", false);
    require "/usr/share/wordpress/wp-load.php";
    $user = get_user_by("login", $argv[1]);
    [$plain] = WP_Application_Passwords::create_new_application_password($user->ID, ["name" => "newsdesk-tests-" . time()]);
    echo $plain;' "$ADMIN_USER")
  [ -n "$password" ] || fail "could not create an Application Password"
  (
    umask 077
    printf "WP_URL='%s'\nWP_USER='%s'\nWP_APP_PASSWORD='%s'\n" "$URL" "$ADMIN_USER" "$password" >"$CREDENTIALS"
  )
  credentials_work || fail "the new Application Password is refused by $URL"
  say "credentials written to $CREDENTIALS"
}

stop_all() {
  if [ -s "$RUN/apache2.pid" ] && kill -0 "$(cat "$RUN/apache2.pid")" 2>/dev/null; then
    kill "$(cat "$RUN/apache2.pid")"
  fi
  if [ -s "$RUN/php-server.pid" ]; then
    local master children
    master=$(cat "$RUN/php-server.pid")
    # The PHP server's workers outlive their master: stop them by parent pid.
    children=$(pgrep -P "$master" || true)
    # shellcheck disable=SC2086
    kill "$master" $children 2>/dev/null || true
    rm -f "$RUN/php-server.pid"
  fi
  if [ -s "$RUN/mysqld.pid" ]; then
    local pid
    pid=$(cat "$RUN/mysqld.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  fi
  for _ in $(seq 100); do web_alive || break; sleep 0.05; done
}

status() {
  local ok=0
  if db_alive; then echo "mariadb: running ($SOCKET)"; else echo "mariadb: stopped"; ok=1; fi
  if web_alive; then echo "web: answering on $URL"; else echo "web: not answering on $URL"; ok=1; fi
  if credentials_work; then echo "credentials: valid ($CREDENTIALS)"; else echo "credentials: missing or refused"; ok=1; fi
  echo "data: $DATA"
  return "$ok"
}

main() {
  local command=${1:-setup}
  case "$command" in
    setup)
      require_root
      local t0
      t0=$(date +%s%N)
      mkdir -p "$STATE_DIR"
      install_packages
      write_mysql_config
      write_web_config
      write_site_config
      start_db
      start_web
      install_site
      create_app_password
      say "ready at $URL in $(elapsed "$t0"); credentials in $CREDENTIALS"
      ;;
    start)
      require_root
      [ -d "$DATA/mysql/mysql" ] || fail "nothing to start: run setup first"
      write_mysql_config
      write_web_config
      write_site_config
      start_db
      start_web
      say "running at $URL"
      ;;
    stop) require_root; stop_all; say "stopped" ;;
    status) status ;;
    env)
      [ -s "$CREDENTIALS" ] || fail "no $CREDENTIALS: run '$0 setup' first"
      # shellcheck disable=SC1090
      . "$CREDENTIALS"
      printf 'export WP_URL=%q WP_USER=%q WP_APP_PASSWORD=%q\n' "$WP_URL" "$WP_USER" "$WP_APP_PASSWORD"
      ;;
    reset)
      require_root
      stop_all
      rm -rf "$DATA" "$CREDENTIALS"
      rm -f "$SITE_CONFIG" /etc/wordpress/config-localhost.php
      say "site removed"
      ;;
    *) echo "usage: $0 setup|start|stop|status|env|reset" >&2; exit 2 ;;
  esac
}

main "$@"
