# Signpost: the two commands a newcomer needs are `make run` and `make test` (see README.md).
.PHONY: install train run shell test validate lint bench clean prod load

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

# The production profile: two Rasa servers, actions, Redis, PostgreSQL, nginx (docs/production.md)
prod: train
	bash scripts/run_prod.sh

# Load and soak runs of the production profile against the stock bot (bench/load.py, ~15 min)
load: train
	.venv/bin/python bench/load.py --compare --soak

clean:
	rm -rf models results .pytest_cache .ruff_cache bench/out
