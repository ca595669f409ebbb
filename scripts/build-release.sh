#!/usr/bin/env bash
# The release build of dist/, as small as the toolchain allows.
#
# The standard library is compiled together with the app (from the rust-src component, which
# scripts/tools.sh installs) with the immediate-abort panic strategy: a panic stops the program
# at once instead of formatting a message, so no panic message, location or formatting code is
# shipped. Both are unstable cargo/rustc options; RUSTC_BOOTSTRAP=1 allows them on the stable
# toolchain. Measured: 152.7 → 136.0 KB gzip of wasm. The app does not panic on any input (bad
# storage, links and content are handled as errors); a panic would be a bug either way.
#
# If the toolchain cannot do this (no rust-src, or a rustc without -Cpanic=immediate-abort),
# the build says so and falls back to an ordinary release build; the size budget then fails.
set -euo pipefail
cd "$(dirname "$0")/.."

sysroot="$(rustc --print sysroot)"
if [ -d "$sysroot/lib/rustlib/src/rust/library" ] \
  && RUSTC_BOOTSTRAP=1 rustc -Zunstable-options -Cpanic=immediate-abort --print cfg --target wasm32-unknown-unknown >/dev/null 2>&1; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
else
  echo "build: this toolchain cannot rebuild std with immediate-abort panics; building the ordinary way (larger wasm)" >&2
fi
exec trunk build --release "$@"
