#!/usr/bin/env bash
# Runs Delegation Desk on the default database (the platform's app-data folder, shared with
# the `desk` CLI; set DESK_DB=/path/file.sqlite to use another). Installs what is missing.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_apt_packages "${APT_PACKAGES[@]}"
build_ui
step "Building and starting the app"
cd "$ROOT"
# The window and its engine (`desk engine`, the same `desk` as the CLI) sit side by side.
cargo build -p desk-desktop -p desk-cli
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  # No screen (a server, a container): give the window a virtual one so it still runs.
  DISPLAY=:77
  export DISPLAY
  if [ ! -e /tmp/.X11-unix/X77 ]; then
    Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    sleep 1
  fi
  echo "No display found: the window is on the virtual display $DISPLAY"
  echo "(see it with: DISPLAY=$DISPLAY import -window root desk.png)"
fi
exec "$ROOT/target/debug/delegation-desk" "$@"
