#!/usr/bin/env bash
# Debian packages for development and CI: PostgreSQL 15 + PostGIS 3, Chromium (browser tests,
# driven by playwright-core), GDAL (reads our OGC API and vector tiles in tests), haproxy and
# pgbouncer (the multi-process recipe in infra/cluster and its tests), poppler-utils (pdftoppm draws
# the printed PDF page in the print e2e), coinor-cbc (the exact MIP solver the siting benchmark
# compares against; optional, the benchmark falls back to HiGHS). Idempotent.
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
PACKAGES=(postgresql postgresql-15-postgis-3 chromium gdal-bin fonts-noto-cjk haproxy pgbouncer poppler-utils coinor-cbc)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "system packages ready: ${PACKAGES[*]}"
