# Closer. `make serve` runs the app locally; `make test` runs every test.
# Each first installs whatever is missing (scripts/tools.sh).

# Tools from `cargo install` are in $CARGO_HOME/bin; rustup's proxies in ~/.cargo/bin.
export PATH := $(CURDIR)/.tools/bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROME_PATH ?= /usr/bin/chromium

.PHONY: serve test build release build-plain test-plain build-hydration test-hydration bench tools check-originality test-core test-wasm test-e2e test-engines sizes

## Serve the app at http://127.0.0.1:8080 with live reload.
serve:
	scripts/tools.sh
	trunk serve

## Run every test: originality, core, browser unit tests, release build, size budget, end to end
## in Chromium (Playwright), then end to end in WebKit, Firefox and Chromium (WebDriver), then the
## plain build's smoke test and the hydrating build's prerendered pages.
test:
	scripts/tools.sh test
	$(MAKE) --no-print-directory check-originality test-core test-wasm release sizes test-e2e test-engines test-plain test-hydration

## A release build in dist/ (scripts/build-release.sh says how it is made small). Installs
## what is missing first, like the other commands.
build:
	scripts/tools.sh
	scripts/build-release.sh

## The plain release build (no std rebuild, no name shortening) in dist-plain/, and its smoke test.
build-plain:
	CLOSER_PLAIN_BUILD=1 scripts/build-release.sh --dist dist-plain

test-plain: build-plain
	npx playwright test --config playwright.plain.config.ts

## The release build with Yew's hydration in dist-hydration/ (off in dist/: it costs 16.7 KB gzip
## of wasm, README "Prerendered pages"), and the prerendered pages' tests against it: the app
## hydrates them with no mismatch, and takes the clicks and focus given before it was ready.
build-hydration:
	TRUNK_BUILD_FEATURES=hydration scripts/build-release.sh --dist dist-hydration

test-hydration: build-hydration
	CLOSER_DIST=dist-hydration CLOSER_HYDRATES=1 npx playwright test tests/e2e/prerender.spec.ts

# The release build alone (make build also installs tools first).
release:
	scripts/build-release.sh

check-originality:
	scripts/originality.sh

test-core:
	cargo clippy -q --workspace --all-features --all-targets -- -D warnings
	cargo test -p closer-core --all-features
	cargo test -p closer --lib
	cargo run -q -p closer-core --features parse --bin content-report

test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test -p closer --target wasm32-unknown-unknown

test-e2e:
	npx playwright test

## The cross-engine suite (tests/engines/run.mjs) against dist/. ENGINES=webkit,firefox,chromium
## and ONLY=<part of a scenario's name> narrow it.
test-engines:
	node tests/engines/run.mjs

sizes:
	node scripts/sizes.mjs dist

## Build release, then the bench (scripts/bench.mjs): sizes, time to the first answerable
## statement against a static floor, per-answer latency, memory, Lighthouse; into bench.json.
bench:
	scripts/tools.sh test
	scripts/build-release.sh
	node scripts/bench.mjs dist
