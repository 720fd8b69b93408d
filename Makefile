# The commands a person types. `make help` lists them.
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: help build lookup data test test-rust lint doc setup bench fuzz check-wasm32 check-fixture metadata-changes

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | sort

build: ## Build the workspace (native)
	$(CARGO) build --workspace

lookup: ## Look up numbers: make lookup N="+49 900 5123456"
	$(CARGO) run -q -p numrep-cli -- lookup $(N)

data: ## Re-import reference data, regenerate the compiled tables and the conformance fixture
	python3 scripts/import_reference.py
	$(CARGO) run -q -p numrep-gen
	python3 scripts/conformance_fixture.py

setup: ## Install what the tests need on a fresh machine (idempotent)
	bash scripts/setup.sh

lint: ## rustfmt check and clippy with warnings as errors
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test-rust: ## Every Rust test of the workspace (with a throwaway PostgreSQL for the desk's store suite)
	bash scripts/with-postgres.sh $(CARGO) test --workspace

# The CLI binary apart: it shares the crate name `numrep` with the core library, so one
# run would write both into the same folder. (numrep-gen's `main.rs` only calls its
# library, documented here.) The public library docs go last: target/doc/ holds them.
doc: ## API docs, public and with the private items contributors read, warnings as errors
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc -p numrep-cli --no-deps --bin numrep --document-private-items
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --workspace --no-deps --lib --document-private-items
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --workspace --no-deps --lib

check-wasm32: ## The core and the online sources build for wasm32 (the widget's target)
	$(CARGO) build -p numrep -p numrep-online --target wasm32-unknown-unknown

check-fixture: ## The conformance fixture is what the pinned libphonenumber answers (installs it)
	python3 scripts/metadata_changes.py

metadata-changes: ## What another libphonenumber release would change: make metadata-changes V=9.0.44
	python3 scripts/metadata_changes.py $(V)

test: setup lint doc check-wasm32 check-fixture test-rust test-wasm test-browser check-module-size ## The whole suite (installs what it needs first)

# --- Complaint desk (numrep serve) -------------------------------------------------
DESK_CRATES := -p numrep-desk -p numrep-desk-sqlite -p numrep-desk-postgres -p numrep-desk-server

.PHONY: test-desk

test-desk: ## The desk alone: store suite on SQLite and a throwaway PostgreSQL, HTTP API, crash test
	bash scripts/with-postgres.sh $(CARGO) test $(DESK_CRATES) --features numrep-desk/store-tests
	$(CARGO) test -p numrep-e2e --test cli_desk

bench: ## Criterion benchmarks (figures go to BENCHMARKS.md)
	$(CARGO) bench --workspace

fuzz: ## Run every fuzz target for 60 s each (needs nightly + cargo-fuzz)
	cd fuzz && for t in $$($(CARGO) +nightly fuzz list); do $(CARGO) +nightly fuzz run $$t -- -max_total_time=60 || exit 1; done

# --- WASM module and the agent widget (www/) ---------------------------------------
WASM_TARGET := wasm32-unknown-unknown
WASM_BUILT := $(or $(CARGO_TARGET_DIR),target)/$(WASM_TARGET)/release/numrep_wasm.wasm
# Size over speed for the browser module only (native release builds keep the workspace
# profile): LTO, one codegen unit, opt-level z, no debug info (see BENCHMARKS.md).
# `make bench-wasm WASM_OPT_LEVEL=s` measures the speed a larger module would buy.
WASM_OPT_LEVEL ?= z
WASM_PROFILE := CARGO_PROFILE_RELEASE_OPT_LEVEL=$(WASM_OPT_LEVEL) CARGO_PROFILE_RELEASE_LTO=true \
	CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort CARGO_PROFILE_RELEASE_DEBUG=0
# Rust's wasm32 target enables these proposals; wasm-opt must accept them.
WASM_OPT_FLAGS := -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	--enable-mutable-globals --enable-reference-types --enable-multivalue
WIDGET_PORT ?= 8080

.PHONY: wasm widget test-wasm test-browser bench-wasm check-module-size

wasm: ## Build the widget's ES modules: www/pkg/ (offline) and www/pkg/online/ (with sources)
	$(WASM_PROFILE) $(CARGO) build -p numrep-wasm --target $(WASM_TARGET) --release
	wasm-bindgen --target web --out-dir www/pkg $(WASM_BUILT)
	$(WASM_PROFILE) $(CARGO) build -p numrep-wasm --target $(WASM_TARGET) --release --features online
	wasm-bindgen --target web --out-dir www/pkg/online $(WASM_BUILT)
	@v=$$(wasm-opt --version 2>/dev/null | sed -n 's/.*version \([0-9]*\).*/\1/p'); \
	if [ "$${v:-0}" -ge 116 ]; then \
		for f in www/pkg/numrep_wasm_bg.wasm www/pkg/online/numrep_wasm_bg.wasm; do \
			wasm-opt $(WASM_OPT_FLAGS) $$f -o $$f || exit 1; done; \
		echo "wasm-opt $$v: optimised for size"; \
	else echo "wasm-opt >= 116 (npm binaryen) not found: modules left unoptimised"; fi
	@ls -l www/pkg/numrep_wasm_bg.wasm www/pkg/online/numrep_wasm_bg.wasm

# The offline module may not grow unnoticed: gzip -9 bytes above this fail `make test`.
# BENCHMARKS.md ("Size") has the bytes per table; raising the budget needs a reason there.
MODULE_BUDGET ?= 245000

check-module-size: wasm ## The offline module stays within its gzip budget (MODULE_BUDGET bytes)
	@n=$$(gzip -9 -c www/pkg/numrep_wasm_bg.wasm | wc -c); \
	if [ $$n -gt $(MODULE_BUDGET) ]; then \
		echo "offline module: $$n B gzip -9, over its budget of $(MODULE_BUDGET) B (see BENCHMARKS.md, Size)"; exit 1; \
	else echo "offline module: $$n B gzip -9, budget $(MODULE_BUDGET) B"; fi

widget: wasm ## Build, then serve the demo console on 127.0.0.1 (WIDGET_PORT=8080)
	@echo "numrep widget demo: http://127.0.0.1:$(WIDGET_PORT)/ (Ctrl-C stops)"
	python3 -m http.server --bind 127.0.0.1 $(WIDGET_PORT) -d www

test-wasm: ## wasm API tests in headless Chromium (wasm-bindgen-test), wasm32 clippy
	$(CARGO) clippy -p numrep-wasm --target $(WASM_TARGET) --all-features --all-targets -- -D warnings
	CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
		$(CARGO) test -p numrep-wasm --target $(WASM_TARGET)

# The desk the browser tests run against (tests/browser/desk.test.mjs starts it).
NUMREP_BIN := $(abspath $(or $(CARGO_TARGET_DIR),target)/debug/numrep)

test-browser: wasm ## Widget end-to-end in headless Chromium (playwright-core, tests/browser), with a real numrep serve
	$(CARGO) build -p numrep-cli --bin numrep
	cd tests/browser && NUMREP_BIN="$(NUMREP_BIN)" node --test

bench-wasm: wasm ## Module size and in-browser speed (figures go to BENCHMARKS.md)
	node tests/browser/bench.mjs
