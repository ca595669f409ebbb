#!/usr/bin/env bash
# The release build of dist/, as small as the toolchain allows.
#
#   scripts/build-release.sh [trunk build options…]
#   CLOSER_PLAIN_BUILD=1 scripts/build-release.sh --dist dist-plain
#
# By default the standard library is compiled together with the app (from the rust-src
# component that rust-toolchain.toml asks for) with the immediate-abort panic strategy: a panic
# stops the program at once instead of formatting a message, so no panic message, location or
# formatting code is shipped (152.7 → 136.0 KB gzip of wasm when it was introduced), and with
# -Zfmt-debug=none and -Zlocation-detail=none no `Debug` formatting or source location either
# (114.8 → 111.6 KB: serde's error messages used them; the app never shows either). All are
# unstable options of the pinned stable toolchain. They are scoped to the wasm compile alone:
# cargo is allowed them (RUSTC_BOOTSTRAP=1, which -Zbuild-std needs), the rustc wrapper
# scripts/rustc-wasm-only-unstable.sh takes that away from every compile that is not for
# wasm32, and the post-build hook takes it away from what it runs. The app does not panic on
# any input (bad storage, links and content are handled as errors); a panic would be a bug.
# After the build, scripts/post-build.mjs shortens the names the wasm and its glue share.
#
# CLOSER_PLAIN_BUILD=1 makes an ordinary release instead: no unstable option, no std rebuild,
# no name shortening (larger, and built only with what stable Rust and wasm-bindgen do). CI
# builds it too and runs a smoke test on it (tests/e2e/plain-build.spec.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${CLOSER_PLAIN_BUILD:-}" = 1 ]; then
  unset RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
  echo "build: plain release (no std rebuild, no name shortening)" >&2
else
  if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
    echo "build: the standard library's source (rust-src) is missing; run scripts/tools.sh first" >&2
    exit 1
  fi
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
  export RUSTC_WRAPPER="$PWD/scripts/rustc-wasm-only-unstable.sh"
fi
exec trunk build --release "$@"
