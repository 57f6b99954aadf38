#!/usr/bin/env bash
# Stop what infra/cluster/start.sh started (by the process ids it wrote down).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUN_DIR="${RUN_DIR:-$ROOT/data/cluster}"
[ -f "$RUN_DIR/haproxy.pid" ] && kill "$(cat "$RUN_DIR/haproxy.pid")" 2>/dev/null
[ -f "$RUN_DIR/api.pids" ] && while read -r pid; do kill "$pid" 2>/dev/null; done < "$RUN_DIR/api.pids"
[ -f "$RUN_DIR/pgbouncer.pid" ] && kill "$(cat "$RUN_DIR/pgbouncer.pid")" 2>/dev/null
rm -f "$RUN_DIR/haproxy.pid" "$RUN_DIR/api.pids"
echo "riskmap cluster stopped"
