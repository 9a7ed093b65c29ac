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

step "Building the release CLI (packaged as /usr/bin/desk)"
cargo build --release -p desk-cli

step "Building the release app and the .deb"
# The bundler builds the window app itself (with Tauri's custom-protocol feature).
"$ROOT/packaging/node_modules/.bin/tauri" build --bundles deb --config packaging/tauri.deb.json

deb="$(ls -t "$ROOT"/target/release/bundle/deb/*.deb | head -n 1)"
step "Package: ${deb#"$ROOT"/} ($(du -h "$deb" | cut -f1)); window app $(du -h "$ROOT/target/release/delegation-desk" | cut -f1)"
