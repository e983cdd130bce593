#!/bin/sh
# The accessibility tests run axe-core (Deque, MPL-2.0) in the dashboard: install the pinned version from the npm
# registry into build/axe when it is missing. Only the tests use it; nothing of it ships in the package.
set -eu
AXE_VERSION=4.10.3
target="build/axe/node_modules/axe-core/axe.min.js"
if [ -f "$target" ] && grep -q "axe v$AXE_VERSION" "$target"; then
  exit 0
fi
echo "installing axe-core $AXE_VERSION for the accessibility tests" >&2
npm install --silent --no-audit --no-fund --prefix build/axe "axe-core@$AXE_VERSION" >&2
