#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, then runs every test (.NET and end-to-end).
set -euo pipefail
cd "$(dirname "$0")"

# Neovim's built-in LSP client is one of the two independent clients the e2e tests drive.
if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  fi
fi

npm ci --no-audit --no-fund
dotnet tool restore
dotnet cake build.cake --target=Test "$@"
