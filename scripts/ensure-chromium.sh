#!/usr/bin/env bash
# Makes sure the Chromium the playground's browser tests (test/browser) drive is installed, and prints its path:
# CHROMIUM_PATH, or Debian's chromium package (installed with apt-get when missing, with the colour emoji font
# the docs pictures need). playwright-core drives it; no browser is downloaded from anywhere else.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "${candidate}" ] && [ -x "${candidate}" ]; then
    echo "${candidate}"
    exit 0
  fi
done
if command -v apt-get >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  packages=(chromium fonts-noto-color-emoji)
  echo "Installing Chromium for the browser tests (apt-get install -y ${packages[*]})..." >&2
  if ${sudo} apt-get install -y "${packages[@]}" >&2 ||
    { ${sudo} apt-get update >&2 && ${sudo} apt-get install -y "${packages[@]}" >&2; }; then
    echo /usr/bin/chromium
    exit 0
  fi
fi
echo "No Chromium found and none could be installed: install Debian's chromium package or set CHROMIUM_PATH." >&2
exit 1
