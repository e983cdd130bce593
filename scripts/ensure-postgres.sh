#!/bin/sh
# The storage tests start a throwaway PostgreSQL server: install the server when it is missing (Debian).
set -eu
if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi
if [ -n "${RASAD_TEST_POSTGRES:-}" ]; then
  exit 0
fi
echo "PostgreSQL server is missing: installing it (Debian package postgresql)" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
