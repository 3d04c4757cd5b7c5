#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, then runs every test (.NET and end-to-end).
set -euo pipefail
cd "$(dirname "$0")"

# Independent LSP clients the e2e tests drive: Neovim's built-in client and Emacs's eglot. (The VS Code
# test installs Chromium and code-server itself: tests/vscode-e2e/run.sh.)
missing=()
for package in neovim emacs-nox elpa-eglot; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
dotnet tool restore
dotnet cake build.cake --target=Test "$@"
