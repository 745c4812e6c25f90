#!/usr/bin/env bash
# Start the action server and the Rasa server (REST channel, --enable-api) on embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
model=$(ls -t models/signpost-*.tar.gz | head -n 1)
RASA_PORT=${RASA_PORT:-5005}
ACTIONS_PORT=${ACTIONS_PORT:-5055}
# Check the service directory first: a bad data file stops here with a clear message.
.venv/bin/python -m actions.directory --institution "${SIGNPOST_INSTITUTION:-generic}" --json >/dev/null
.venv/bin/rasa run actions --actions actions --port "$ACTIONS_PORT" &
actions_pid=$!
trap 'kill "$actions_pid" 2>/dev/null || true' EXIT INT TERM
echo "run: Signpost is starting on http://localhost:$RASA_PORT (REST: POST /webhooks/rest/webhook)."
echo "run: when it says 'Rasa server is up and running', chat in another terminal with: make shell"
echo "run: or in a browser, the web widget's demo page: http://localhost:$RASA_PORT/webhooks/widget/demo"
.venv/bin/rasa run --model "$model" --enable-api --port "$RASA_PORT" \
  --credentials "${SIGNPOST_CREDENTIALS:-credentials.yml}" --endpoints endpoints.yml ${SIGNPOST_CORS:+--cors "$SIGNPOST_CORS"}
