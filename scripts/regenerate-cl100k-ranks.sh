#!/usr/bin/env bash
# Rebuilds src/Router.Core/Tokens/cl100k_base.ranks.br from the Microsoft.ML.Tokenizers.Data.Cl100kBase package (restored
# into the local NuGet cache on first run). With --check, writes to a temporary file and fails unless it is byte-identical
# to the committed blob.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
blob="$root/src/Router.Core/Tokens/cl100k_base.ranks.br"
tool="$root/scripts/regenerate-cl100k-ranks.cs"

if [[ "${1:-}" == "--check" ]]; then
  fresh="$(mktemp)"
  trap 'rm -f "$fresh"' EXIT
  dotnet run --file "$tool" -- "$fresh"
  cmp "$fresh" "$blob"
  echo "identical to $blob"
else
  dotnet run --file "$tool" -- "$blob"
fi
