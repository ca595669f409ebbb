#!/bin/sh
# A rustc wrapper for the release build (cargo runs it as `$0 rustc ARGS…`; see
# scripts/build-release.sh). Cargo needs RUSTC_BOOTSTRAP=1 to accept -Zbuild-std, and would pass
# it on to every rustc it starts. This keeps it only for compiling to wasm32 (the app and the
# standard library) and for the standard library's own build scripts (which cargo marks with
# -Zforce-unstable-if-unmarked); every other host compile (our build script, dependencies'
# build scripts and proc macros, and their probes) runs as on stable.
rustc=$1
shift
case " $* " in
  *" --target wasm32-unknown-unknown "* | *" -Z force-unstable-if-unmarked "*) exec "$rustc" "$@" ;;
  *) exec env -u RUSTC_BOOTSTRAP "$rustc" "$@" ;;
esac
