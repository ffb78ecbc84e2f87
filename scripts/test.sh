#!/usr/bin/env bash
# Runs everything CI runs: typecheck, lint and the whole test suite. Installs npm dependencies when needed;
# the MongoDB suites start their own wire-protocol server (needs Java 17+ and Maven, fetched jars are cached
# in .cache/), or use MONGODB_URI when it points at a real MongoDB.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
npm run --silent check
