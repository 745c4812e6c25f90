#!/usr/bin/env bash
# Speed on the REST channel: Signpost and Rasa's stock example bot, measured back to back
# (bench/README.md). Uses ports 5105/5155 and 5205; traffic stays on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
mkdir -p bench/out
model=$(ls -t models/signpost-*.tar.gz | head -n 1)

measure() {  # measure LABEL SCRIPT PORT -- serve.py args...
  local label=$1 script=$2 port=$3; shift 4
  .venv/bin/python bench/serve.py "$@" --rasa-port "$port" > "bench/out/serve-$label.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 120); do grep -q ready "bench/out/serve-$label.log" && break; sleep 2; done
  .venv/bin/python bench/latency.py --url "http://localhost:$port" --script "$script" \
    --concurrency 1 20 --duration 30 --warmup 5 --json "bench/out/latency-$label.json"
  kill "$server"; wait "$server" 2>/dev/null || true
}

measure signpost signpost 5105 -- --model "$model" --actions-port 5155
[ -d /tmp/stockbot/models ] || .venv/bin/rasa init --no-prompt --init-dir /tmp/stockbot >/dev/null
measure stock stock 5205 -- --project /tmp/stockbot --no-actions \
  --model "$(ls /tmp/stockbot/models/*.tar.gz | head -n 1)"
echo "quality (needs make run): .venv/bin/python bench/quality.py --set heldout_v19.yml"
