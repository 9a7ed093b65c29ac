#!/usr/bin/env bash
# Runs every test of Delegation Desk: formatting, lints, Rust unit and integration tests
# (including the IPC-bindings drift check), the UI type check and unit tests, and the
# end-to-end tests that drive the real app window, and the Debian package installed for
# real. Installs what is missing.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_apt_packages "${APT_PACKAGES[@]}"
build_ui

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test (unit, integration, IPC bindings drift)"
# Under a virtual display: the window's WebKit settings (src-tauri/src/webkit.rs) are made
# by WebKit only where GTK has a display.
xvfb-run -a cargo test --workspace

step "The database key in the system keyring (gnome-keyring on a private session bus)"
# The same test binary, run again with a real Secret Service: a new database's key goes to
# the keyring and back, and a recovery sheet restores it there.
dbus-run-session -- sh -c 'printf desk | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
  DESK_KEYRING_TEST=1 cargo test -p desk-tests --test it -- --exact safety::the_system_keyring_keeps_the_key_of_a_new_database sync::the_keyring_keeps_the_sync_passphrase_so_desk_sync_needs_none_typed'

step "Crash safety: 50 writes killed with SIGKILL (scripts/crash-test.sh)"
node tests/crash/crash.mjs "$ROOT/target/debug/desk" 50

step "Crash safety: 10 rounds of syncs killed with SIGKILL on both machines"
node tests/crash/sync-crash.mjs "$ROOT/target/debug/desk" 10

step "UI: type check"
(cd ui && npm run --silent check)

step "UI: prettier --check and eslint (warnings are errors)"
(cd ui && npm run --silent format:check && npm run --silent lint)

step "UI: unit tests"
(cd ui && npm run --silent test)

step "End-to-end: the real window under Xvfb"
ensure_tauri_driver
ensure_npm "$ROOT/tests/e2e"
cargo build -p desk-desktop -p desk-cli

step "Printing through CUPS (the virtual PDF printer)"
"$ROOT/scripts/print-test.sh"
# --test-force-exit in the npm script ends the runner when the last test is done; the
# timeout is a last guard so that a stuck window fails CI instead of hanging it.
(cd tests/e2e && timeout 1800 xvfb-run -a -s "-screen 0 1280x800x24" npm test -- ./*.test.mjs)

step "The Debian package: built, checked, installed, started, removed (scripts/package-test.sh)"
# The one release build of the suite (~20 min on 2 cores): the window app and desk together.
"$ROOT/scripts/package-test.sh"

step "All tests passed"
