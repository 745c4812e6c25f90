#!/usr/bin/env bash
# Create .venv and install the locked environment (Rasa 3.6 on Python 3.11).
# Rasa 3.6 declares Requires-Python <3.11, so its locked dependencies go in first and Rasa itself
# with --no-deps --ignore-requires-python (see docs/deployment.md). Re-running is a no-op.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
stamp=.venv/.installed-$(cat requirements.lock scripts/install.sh | sha256sum | cut -c1-16)
if [ -f "$stamp" ]; then
  echo "install: .venv is up to date"
  exit 0
fi
"$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' \
  || { echo "install: Python 3.11 is required" >&2; exit 1; }
[ -d .venv ] || "$PYTHON" -m venv .venv
quiet_pip() {  # pip warns about every unused local index folder; keep real errors visible
  .venv/bin/pip install --quiet --disable-pip-version-check "$@" 2>&1 \
    | { grep -v "is ignored: it is neither a file nor a directory" || true; }
  return "${PIPESTATUS[0]}"
}
quiet_pip --no-deps -r requirements.lock
quiet_pip --no-deps --ignore-requires-python rasa==3.6.21 rasa-sdk==3.6.2
rm -f .venv/.installed-*
touch "$stamp"
echo "install: done"
