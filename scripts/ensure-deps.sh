#!/usr/bin/env bash
# Installs the locked npm dependencies when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
# The minimum is package.json's engines field (>=20.12).
if ! command -v node >/dev/null ||
  [ "$(node -p 'const [major, minor] = process.versions.node.split(".").map(Number); major > 20 || (major === 20 && minor >= 12)')" != "true" ]; then
  echo "Rapport needs Node.js 20.12 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci)..." >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
