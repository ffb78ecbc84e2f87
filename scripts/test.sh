#!/usr/bin/env bash
# Runs everything CI runs: typecheck, lint, layers and the whole test suite on the default `node` (the oldest
# supported version in CI, Node 20), then the test suite again on Node 24 LTS (fetched once from the npm
# registry into .cache/ by scripts/ensure-node24.sh; the typecheck, lint and layers do not depend on the
# Node version and run once). Installs npm dependencies, and Chromium for the browser tests, when needed; the
# MongoDB suites start their own wire-protocol server (needs Java 17+ and Maven, fetched jars are cached in
# .cache/), or use MONGODB_URI when it points at a real MongoDB.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
# The playground's browser tests need Chromium: installed when missing; under CI they never skip.
if ! scripts/ensure-chromium.sh >/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    echo "The browser tests need Chromium (scripts/ensure-chromium.sh failed)." >&2
    exit 1
  fi
  echo "!!! No Chromium: the browser tests (test/browser) will be skipped." >&2
fi

default_node="$(node --version)"
echo "=== Node ${default_node} ($(command -v node)): typecheck, lint, layers and the test suite (npm run check)"
npm run --silent check

if [ "${default_node%%.*}" = "v24" ]; then
  echo "=== The default node is already Node 24: the suite has run on it above."
  exit 0
fi
status=0
node24_bin="$(scripts/ensure-node24.sh)" || status=$?
if [ "$status" -eq 3 ] && [ "${CI:-}" != "true" ]; then
  echo "!!! Skipping the Node 24 run: no pinned Node 24 build for this platform (see scripts/ensure-node24.sh)." >&2
  exit 0
elif [ "$status" -ne 0 ]; then
  echo "Could not set up Node 24 for the second test run (scripts/ensure-node24.sh exited with ${status})." >&2
  exit 1
fi
echo "=== Node $("${node24_bin}/node" --version) (${node24_bin}/node): the test suite again (npx vitest run)"
PATH="${node24_bin}:${PATH}" npx vitest run
