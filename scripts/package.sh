#!/usr/bin/env bash
# Builds the release app and the Debian package (target/release/bundle/deb/*.deb) with
# Tauri's bundler, from the npm `@tauri-apps/cli` pinned in packaging/package-lock.json.
# The package holds /usr/bin/delegation-desk (the window), /usr/bin/desk (the CLI), a menu
# entry in Vietnamese and English and the icons; it depends on the system's WebKitGTK.
# Install it with: sudo apt install ./target/release/bundle/deb/delegation-desk_*.deb
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_apt_packages "${APT_PACKAGES[@]}"
ensure_npm "$ROOT/packaging"
build_ui

step "Building the release window app and the release CLI (one build, shared dependencies)"
# One cargo run for both programs: their dependencies are compiled once, with one set of
# features. `tauri/custom-protocol` is what `tauri build` adds: the window serves the
# embedded UI instead of a development server. (`tauri build` would build the window app
# alone, with other features for the shared crates, and so compile them a second time.)
started=$(date +%s)
cargo build --release -p desk-desktop -p desk-cli --features tauri/custom-protocol
built=$(($(date +%s) - started))

step "Making the .deb (Tauri's bundler, from the programs just built)"
rm -rf "$ROOT/target/release/bundle/deb"
"$ROOT/packaging/node_modules/.bin/tauri" bundle --bundles deb --config packaging/tauri.deb.json

deb="$(ls "$ROOT"/target/release/bundle/deb/*.deb)"
step "Package: ${deb#"$ROOT"/} ($(stat -c %s "$deb") bytes, installed $(dpkg-deb -f "$deb" Installed-Size) KiB);" \
  "window app $(stat -c %s "$ROOT/target/release/delegation-desk") bytes," \
  "desk $(stat -c %s "$ROOT/target/release/desk") bytes; cargo build ${built} s"
