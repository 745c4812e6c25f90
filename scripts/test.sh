#!/usr/bin/env bash
# The whole suite: lint, data validation, training if needed, conversation tests through the
# trained model, then pytest (units, actions, and end-to-end tests against real servers).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
bash scripts/install.sh
bash scripts/install_browser.sh  # Debian's Chromium for tests/browser (once)
mkdir -p results
echo "== ruff"
.venv/bin/ruff check .
echo "== rasa data validate"
# Responses sent only by custom actions draw "not used in any story" warnings that do not fail
# validation; tests/test_domain.py checks instead that every response can be sent.
.venv/bin/rasa data validate --fail-on-warnings --data data --domain domain.yml --config config.yml \
  >results/validate.log 2>&1 || { grep -vE "Warning|^\s" results/validate.log | tail -n 30; exit 1; }
echo "rasa data validate: ok"
echo "== train (only if data, domain or config changed)"
bash scripts/train.sh
model=$(ls -t models/signpost-*.tar.gz | head -n 1)
echo "== rasa test: conversation stories through $model"
.venv/bin/rasa test core --model "$model" --stories tests/stories \
  --fail-on-prediction-errors --out results/core --no-plot >results/rasa-test.log 2>&1 \
  || { tail -n 40 results/rasa-test.log; cat results/core/failed_test_stories.yml 2>/dev/null; exit 1; }
grep -E "Correct:|Accuracy:" results/rasa-test.log | head -n 4 || true
echo "== pytest"
SIGNPOST_MODEL="$model" .venv/bin/python -m pytest --durations=20 "$@"
