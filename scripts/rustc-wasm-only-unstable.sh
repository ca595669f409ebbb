#!/bin/sh
# A rustc wrapper for the release build (cargo runs it as `$0 rustc ARGS…`; see
# scripts/build-release.sh). Cargo needs RUSTC_BOOTSTRAP=1 to accept -Zbuild-std, and would pass
# it on to every rustc it starts; this keeps it only for compiling to wasm32 (the app and the
# standard library), so host build scripts, proc macros and their probes compile as on stable.
rustc=$1
shift
case " $* " in
  *" --target wasm32-unknown-unknown "*) exec "$rustc" "$@" ;;
  *) exec env -u RUSTC_BOOTSTRAP "$rustc" "$@" ;;
esac
