#!/usr/bin/env bash
# Install PostgreSQL 15 + PostGIS 3 from Debian packages (development and CI).
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql postgresql-15-postgis-3 >/dev/null
fi
echo "PostgreSQL + PostGIS installed: $(dpkg -s postgresql-15-postgis-3 | awk '/^Version/ {print $2}')"
