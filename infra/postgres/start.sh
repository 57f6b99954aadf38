#!/usr/bin/env bash
# Start the Debian PostgreSQL 15 cluster, create a riskmap role + database with PostGIS, and print
# the DATABASE_URL to use. Idempotent. Env: PGPORT (5432), RISKMAP_DB (riskmap), RISKMAP_DB_PASSWORD.
set -euo pipefail
PORT="${PGPORT:-5432}"
DB="${RISKMAP_DB:-riskmap}"
PASSWORD="${RISKMAP_DB_PASSWORD:-riskmap}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  $SUDO pg_createcluster 15 main -p "$PORT" >/dev/null
fi
$SUDO pg_ctlcluster 15 main start 2>/dev/null || true
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$*"; else sudo -u postgres bash -c "$*"; fi; }
for _ in $(seq 1 30); do
  as_pg "pg_isready -q -p $PORT" && break || sleep 1
done
as_pg "pg_isready -q -p $PORT" || { echo "PostgreSQL did not become ready on port $PORT" >&2; exit 1; }
as_pg "psql -p $PORT -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='riskmap'\"" | grep -q 1 \
  || as_pg "psql -p $PORT -qc \"CREATE ROLE riskmap LOGIN SUPERUSER PASSWORD '$PASSWORD'\""
as_pg "psql -p $PORT -qtAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\"" | grep -q 1 \
  || as_pg "createdb -p $PORT -O riskmap $DB"
as_pg "psql -p $PORT -d $DB -qc 'CREATE EXTENSION IF NOT EXISTS postgis'"
echo "postgres://riskmap:${PASSWORD}@127.0.0.1:${PORT}/${DB}"
