#!/bin/sh
# Create the virtual environment; on Debian, install python3-venv first when venv is missing.
set -eu
python="$1"
venv="$2"
if [ -x "$venv/bin/python" ]; then
  exit 0
fi
if ! "$python" -m venv "$venv" 2>/dev/null; then
  rm -rf "$venv"
  echo "python venv is missing: installing python3-venv (Debian)" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv python3-pip
  "$python" -m venv "$venv"
fi
