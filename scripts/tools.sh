#!/usr/bin/env bash
# Installs whatever Closer's build and tests need, and skips whatever is already there.
# Safe to run again and again. Prints one line per step with the time it took.
#
#   scripts/tools.sh          the build tools: the pinned Rust toolchain with its wasm32 target and
#                             components, every crate the builds need (the standard library's own
#                             dependencies too), trunk, wasm-bindgen, wasm-opt, npm packages
#   scripts/tools.sh test     the same, plus the browsers and drivers for the tests: Chromium and
#                             chromedriver; WebKitGTK's WebKitWebDriver with MiniBrowser and Xvfb;
#                             Firefox ESR and geckodriver; and Hugo and Jekyll for the embed tests
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# cargo install puts tools in $CARGO_HOME/bin; rustup's proxies live in ~/.cargo/bin.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$PWD/.tools/bin:$CARGO_BIN:$HOME/.cargo/bin:$PATH"

step() {
  local name=$1; shift
  local start=$SECONDS
  "$@"
  echo "setup: $name ok ($((SECONDS - start)) s)"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"; else return 1; fi
}

apt_install() {
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1; then
    as_root apt-get update -qq >/dev/null 2>&1 || true
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || {
      echo "setup: please install these Debian packages, then run this again: $*" >&2
      exit 1
    }
  fi
}

system_tools() {
  # A C compiler and linker for the native builds (cargo install, build scripts), and Python
  # for the originality check.
  command -v cc >/dev/null || apt_install build-essential
  command -v python3 >/dev/null || apt_install python3
}

rust_target() {
  if ! command -v cargo >/dev/null; then
    echo "setup: Rust is missing. Install it from the Rust project's rustup installer, then run this again." >&2
    exit 1
  fi
  # The toolchain rust-toolchain.toml pins, with its wasm32 target, clippy and rust-src (the
  # standard library's source: release builds compile it with the app). Quick when present.
  rustup toolchain install >/dev/null 2>&1 || rustup show active-toolchain >/dev/null
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
  [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ] || rustup component add rust-src
}

crates() {
  # Every crate the workspace needs, for every target (Trunk builds --offline), and the standard
  # library's own dependencies, which the release build compiles (-Zbuild-std resolves them from
  # the sysroot's Cargo.lock). cargo fetch is quick when everything is in the cache.
  cargo fetch --locked -q
  RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort cargo fetch --locked -q --target wasm32-unknown-unknown
}

trunk_tool() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

wasm_bindgen_tool() {
  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if [ -z "$want" ]; then cargo generate-lockfile; want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock); fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
    # Not --locked: one locked dependency of the CLI is gone from the registry.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

node_packages() {
  command -v npm >/dev/null || apt_install nodejs npm
  # npm ci only when the lockfile changed since the last install.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
     || [ ! -e node_modules/.bin/playwright ]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  fi
  # binaryen's wasm-opt (Debian's is too old for today's rustc), in the ignored tool folder.
  mkdir -p .tools/bin
  ln -sfn ../../node_modules/binaryen/bin/wasm-opt .tools/bin/wasm-opt
  .tools/bin/wasm-opt --version >/dev/null
}

browsers() {
  # Chromium where CHROME_PATH says, else where Debian (chromium) or Ubuntu (chromium-browser)
  # puts it; chromedriver where CHROMEDRIVER says, else on the PATH.
  if [ -n "${CHROME_PATH:-}" ]; then
    [ -x "$CHROME_PATH" ] || { echo "setup: CHROME_PATH is $CHROME_PATH, and there is no such program" >&2; exit 1; }
  elif ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
    apt_install "$(debian_or_ubuntu chromium chromium-browser)"
  fi
  if [ -n "${CHROMEDRIVER:-}" ]; then
    [ -x "$CHROMEDRIVER" ] || { echo "setup: CHROMEDRIVER is $CHROMEDRIVER, and there is no such program" >&2; exit 1; }
  elif ! command -v chromedriver >/dev/null; then
    apt_install "$(debian_or_ubuntu chromium-driver chromium-chromedriver)"
  fi
}

# Debian's package name ($1), or Ubuntu's ($2) where apt has no package named $1.
debian_or_ubuntu() {
  if ! apt-cache show "$1" >/dev/null 2>&1 && apt-cache show "$2" >/dev/null 2>&1; then echo "$2"; else echo "$1"; fi
}

other_engines() {
  # The cross-engine suite (tests/engines): Safari's engine as WebKitGTK ships it (its WebDriver
  # starts MiniBrowser, which needs a display: Xvfb), Firefox ESR, and Hugo and Jekyll to build blogs.
  local missing=()
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  command -v xauth >/dev/null || missing+=(xauth)
  command -v firefox-esr >/dev/null || command -v firefox >/dev/null || missing+=(firefox-esr)
  command -v hugo >/dev/null || missing+=(hugo)
  command -v jekyll >/dev/null || missing+=(jekyll)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
  # Firefox's WebDriver server, built from crates.io.
  command -v geckodriver >/dev/null || cargo install --locked geckodriver
}

step "C compiler and python3" system_tools
step "Rust toolchain, wasm32 target, clippy and rust-src" rust_target
step "crates (the workspace's and the standard library's)" crates
step "trunk $TRUNK_VERSION" trunk_tool
step "wasm-bindgen-cli" wasm_bindgen_tool
step "npm packages and wasm-opt" node_packages
if [ "${1:-}" = test ]; then
  step "chromium and chromedriver" browsers
  step "webkitgtk, firefox-esr, their drivers, xvfb, hugo and jekyll" other_engines
fi
