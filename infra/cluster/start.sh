#!/usr/bin/env bash
# Start N riskmap API processes behind haproxy (round-robin) on one PostgreSQL + PostGIS, with
# pgbouncer in transaction mode in front of it (each API process keeps one direct connection for LISTEN).
#
#   DATABASE_URL=postgres://riskmap:riskmap@127.0.0.1:5432/riskmap bash infra/cluster/start.sh 3
#   bash infra/cluster/stop.sh
#
# Settings (environment): LB_PORT (8080), API_BASE_PORT (8081: processes on 8081…8080+N), BOUNCER_PORT
# (6432), RUN_DIR (./data/cluster: configs, logs, pids), ADMIN_USERNAME / ADMIN_PASSWORD (passed on),
# DATABASE_READ_URL is not used yet (see README: read replica). Needs `npm run build` first and the
# Debian packages haproxy and pgbouncer (infra/install-system-packages.sh).
set -euo pipefail
N="${1:-3}"
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL + PostGIS server}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export LB_HOST="${LB_HOST:-0.0.0.0}" LB_PORT="${LB_PORT:-8080}"
API_BASE_PORT="${API_BASE_PORT:-8081}"
export BOUNCER_HOST=127.0.0.1 BOUNCER_PORT="${BOUNCER_PORT:-6432}"
export BOUNCER_DIR RUN_DIR="${RUN_DIR:-$ROOT/data/cluster}"
mkdir -p "$RUN_DIR"; chmod 777 "$RUN_DIR"
BOUNCER_DIR="$RUN_DIR"

# postgres://user:password@host:port/database → its parts
eval "$(node -e '
  const u = new URL(process.argv[1]);
  const q = (s) => "\x27" + s.replace(/\x27/g, "\x27\\\x27\x27") + "\x27";
  console.log(`export PG_USER=${q(decodeURIComponent(u.username))} PG_PASSWORD=${q(decodeURIComponent(u.password))} PG_HOST=${q(u.hostname)} PG_PORT=${q(u.port || "5432")} PG_DATABASE=${q(u.pathname.slice(1))}`);
' "$DATABASE_URL")"
fill() { perl -pe 's/\$\{(\w+)\}/exists $ENV{$1} ? $ENV{$1} : die "no value for \${$1}\n"/ge' "$1"; }

# pgbouncer (transaction pooling)
printf '"%s" "%s"\n' "$PG_USER" "$PG_PASSWORD" > "$RUN_DIR/userlist.txt"
fill "$HERE/pgbouncer.ini.tmpl" > "$RUN_DIR/pgbouncer.ini"
chmod 644 "$RUN_DIR/userlist.txt" "$RUN_DIR/pgbouncer.ini"
AS_USER=(); [ "$(id -u)" -eq 0 ] && AS_USER=(-u postgres)
/usr/sbin/pgbouncer -d "${AS_USER[@]}" "$RUN_DIR/pgbouncer.ini"
POOLED_URL="postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${BOUNCER_PORT}/${PG_DATABASE}"

# the API processes: the pool through pgbouncer, LISTEN straight to PostgreSQL
: > "$RUN_DIR/api.pids"
SERVERS=""
for i in $(seq 1 "$N"); do
  port=$((API_BASE_PORT + i - 1))
  DATABASE_URL="$POOLED_URL" DATABASE_LISTEN_URL="$DATABASE_URL" PORT="$port" HOST=127.0.0.1 \
    nohup node "$ROOT/apps/api/dist/server.js" > "$RUN_DIR/api-$i.log" 2>&1 &
  echo $! >> "$RUN_DIR/api.pids"
  SERVERS="${SERVERS}  server api$i 127.0.0.1:$port check"$'\n'
  # the first one runs the migrations (and loads the sample into an empty database) before the others start
  if [ "$i" -eq 1 ]; then
    for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 1; done
  fi
done

# haproxy: the server lines go into both backends
fill "$HERE/haproxy.cfg.tmpl" | awk -v servers="$SERVERS" '/^backend riskmap_events/ { printf "%s\n", servers } { print } END { printf "%s", servers }' > "$RUN_DIR/haproxy.cfg"
/usr/sbin/haproxy -c -q -f "$RUN_DIR/haproxy.cfg"
/usr/sbin/haproxy -D -p "$RUN_DIR/haproxy.pid" -f "$RUN_DIR/haproxy.cfg"
echo "riskmap: $N API processes behind http://${LB_HOST}:${LB_PORT} (logs in $RUN_DIR)"
