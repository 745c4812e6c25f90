# Signpost: the two commands a newcomer needs are `make run` and `make test` (see README.md).
.PHONY: install train run shell test validate lint bench clean

install:
	bash scripts/install.sh

train: install
	bash scripts/train.sh

run: train
	bash scripts/run.sh

shell:
	.venv/bin/python -m connectors.terminal

validate: install
	RASA_TELEMETRY_ENABLED=false .venv/bin/rasa data validate --fail-on-warnings \
		--data data --domain domain.yml --config config.yml

lint: install
	.venv/bin/ruff check .

test:
	bash scripts/test.sh

bench: train
	bash scripts/bench.sh

clean:
	rm -rf models results .pytest_cache .ruff_cache bench/out
