#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/browser/, driven by Playwright for Python).
# Idempotent: does nothing when /usr/bin/chromium is already there. Playwright's own browser
# download (`playwright install`) is never used: the tests launch /usr/bin/chromium.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install_browser: no apt-get here; install Chromium so that /usr/bin/chromium exists" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install_browser: installing Debian's chromium (once)"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core >/dev/null
test -x /usr/bin/chromium
/usr/bin/chromium --version 2>/dev/null || true
