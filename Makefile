# Closer. `make serve` runs the app locally; `make test` runs every test (docs/testing.md says
# what each step checks). Each first installs whatever is missing (scripts/tools.sh).

# Tools from `cargo install` are in $CARGO_HOME/bin; rustup's proxies in ~/.cargo/bin.
export PATH := $(CURDIR)/.tools/bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(HOME)/.cargo/bin:$(PATH)
# Chromium where Debian (chromium) or Ubuntu (chromium-browser) puts it, unless CHROME_PATH says
# where. Looked up when a step runs, so a Chromium that `scripts/tools.sh test` has just installed
# is found; empty when there is none (each script then says which paths it tried).
export CHROME_PATH ?= $(shell command -v chromium || command -v chromium-browser)
export CHROMEDRIVER ?= $(shell command -v chromedriver)

.PHONY: serve test tools tools-test build release build-plain test-plain bench check-originality \
        test-core test-js test-wasm test-e2e test-engines sizes

## Serve the app at http://127.0.0.1:8080 with live reload.
serve: tools
	trunk serve

## Run every test and stop at the first failure. The steps are prerequisites of `test`, so
## `make -j2 test` works: each needs what it tests (the browser tests and the size check need
## the release build), and under `make test` they are also put in an order (below) in which no
## two browser steps, and no two builds, run at once.
test: check-originality test-core test-js test-wasm sizes test-e2e test-engines test-plain

## The build tools (`make serve`, `make build`); with the browsers and drivers too (`make test`).
tools:
	scripts/tools.sh
tools-test:
	scripts/tools.sh test

## A release build in dist/ (scripts/build-release.sh says how it is made small). Installs
## what is missing first, like the other commands.
build: tools
	scripts/build-release.sh

# The release build alone (make build also installs tools first).
release:
	scripts/build-release.sh

## The plain release build (no std rebuild, no name shortening) in dist-plain/, and its smoke test.
build-plain:
	CLOSER_PLAIN_BUILD=1 scripts/build-release.sh --dist dist-plain

test-plain: build-plain
	npx playwright test --config playwright.plain.config.ts

## The article's sentences are not in Closer (fails when its tool is missing).
check-originality:
	scripts/originality.sh

test-core:
	cargo clippy -q --workspace --all-features --all-targets -- -D warnings
	cargo test -p closer-core --all-features
	cargo test -p closer --lib --features ssr
	cargo run -q -p closer-core --features parse --bin content-report

## The start-up script and the worker (startup/) and the build's scripts: ESLint, then the
## start-up script's unit tests (node --test).
test-js:
	npm run -s lint
	npm run -s test:unit

## Browser unit tests of the edge, in headless Chromium through chromedriver (webdriver.json's
## capabilities, with the Chromium found above).
test-wasm:
	node scripts/chromium.mjs --webdriver-json target/webdriver.json
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/target/webdriver.json \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test -p closer --target wasm32-unknown-unknown

## End to end in Chromium (Playwright) against dist/.
test-e2e: release
	npx playwright test

## The cross-engine suite (tests/engines/run.mjs) against dist/. ENGINES=webkit,firefox,chromium
## and ONLY=<part of a scenario's name> narrow it.
test-engines: release
	node tests/engines/run.mjs

## The size budgets (scripts/sizes.mjs) of dist/.
sizes: release
	node scripts/sizes.mjs dist

## Build release, then the bench (scripts/bench.mjs): sizes, time to the first answerable
## statement against a static floor, per-answer latency, memory, Lighthouse; into bench.json,
## and the table of docs/performance.md from it.
bench: release
	node scripts/bench.mjs dist

# The order under `make test` and `make bench` (order-only prerequisites, so that `make test-e2e`
# alone still runs only what it needs): the tools first; then the builds, one at a time (the
# release and the plain build share target/); then the browser steps one at a time (they share
# the two cores, and timings in one would be another's noise), after the native tests, which
# may run beside the builds. The size check may run beside anything.
ifneq ($(filter test bench,$(MAKECMDGOALS)),)
check-originality test-core test-js release test-wasm build-plain: | tools-test
build-plain: | release
test-wasm: | build-plain test-core
test-e2e: | test-wasm build-plain
test-engines: | test-e2e
test-plain: | test-engines
endif
