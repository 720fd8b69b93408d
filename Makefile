# The commands a person types. `make help` lists them.
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: help build lookup data test test-rust lint setup bench fuzz

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | sort

build: ## Build the workspace (native)
	$(CARGO) build --workspace

lookup: ## Look up numbers: make lookup N="+49 900 5123456"
	$(CARGO) run -q -p numrep-cli -- lookup $(N)

data: ## Re-import reference data and regenerate the compiled tables
	python3 scripts/import_reference.py
	$(CARGO) run -q -p numrep-gen

setup: ## Install what the tests need on a fresh machine (idempotent)
	bash scripts/setup.sh

lint: ## rustfmt check and clippy with warnings as errors
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test-rust: ## Every Rust test of the workspace
	$(CARGO) test --workspace

test: setup lint test-rust ## The whole suite (installs what it needs first)

bench: ## Criterion benchmarks (figures go to BENCHMARKS.md)
	$(CARGO) bench --workspace

fuzz: ## Run every fuzz target for 60 s each (needs nightly + cargo-fuzz)
	cd fuzz && for t in $$($(CARGO) +nightly fuzz list); do $(CARGO) +nightly fuzz run $$t -- -max_total_time=60 || exit 1; done
