#!/usr/bin/env bash
# Runs the bot: installs dependencies if needed, builds, starts. Settings come from the environment or .env.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
npm run --silent build
exec node dist/main.js
