#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, then runs every test (.NET and end-to-end).
set -euo pipefail
cd "$(dirname "$0")"

# Say what is missing before anything starts, not halfway through.
fail() { echo "test.sh: $*" >&2; exit 1; }
command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK is needed (global.json names the version): https://dot.net"
command -v node >/dev/null 2>&1 || fail "Node.js 20 or newer is needed for the end-to-end tests and the VS Code extension"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "Node.js 20 or newer is needed; this machine has $(node --version)"
command -v npm >/dev/null 2>&1 || fail "npm is needed (it comes with Node.js)"

# Independent LSP clients the e2e tests drive: Neovim's built-in client and Emacs's eglot; Chromium, which
# renders the HTML usage report in a .NET test; PostgreSQL, whose throwaway cluster the team ledger tests start
# (tests/postgres/cluster.sh). (The VS Code test installs code-server itself: tests/vscode-e2e/run.sh.)
missing=()
for package in neovim emacs-nox elpa-eglot chromium postgresql; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 ||
    fail "the editors the end-to-end tests drive are missing (${missing[*]}) and there is no apt-get to install them"
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "installing ${missing[*]} needs root or sudo"
    sudo_cmd="sudo"
  fi
  $sudo_cmd apt-get update -qq
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
dotnet tool restore
dotnet cake build.cake --target=Test "$@"
