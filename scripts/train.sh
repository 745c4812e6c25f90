#!/usr/bin/env bash
# Train only when the training data, domain, config or NLU components changed since the last model.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
fingerprint=$(cat config.yml domain.yml $(find data components content/behaviours.yml actions/safety actions/behaviours -type f \( -name '*.yml' -o -name '*.py' \) | sort) | sha256sum | cut -c1-16)
model=models/signpost-$fingerprint.tar.gz
if [ -f "$model" ]; then
  echo "train: $model is up to date"
  exit 0
fi
mkdir -p models
start=$(date +%s)
.venv/bin/rasa train --config config.yml --domain domain.yml --data data \
  --out models --fixed-model-name "signpost-$fingerprint" --quiet
echo "train: $model in $(( $(date +%s) - start )) s"
