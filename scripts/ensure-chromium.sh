#!/bin/sh
# The browser tests drive Debian's Chromium through Playwright: install it when it is missing.
set -eu
if command -v chromium >/dev/null 2>&1 || [ -n "${RASAD_CHROMIUM:-}" ]; then
  exit 0
fi
echo "Chromium is missing: installing it (Debian package chromium) for the browser tests" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core
