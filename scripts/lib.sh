# Shared by scripts/app.sh and scripts/test.sh: install what is missing, and only that.
# Safe to run again: every step checks before it acts.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# What the Tauri shell needs to build and run on Debian/Ubuntu, plus what the tests use:
# Xvfb for a display without a screen, WebKitWebDriver for the end-to-end tests.
APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config xvfb xauth webkit2gtk-driver
  poppler-utils
  # The system keyring for real in the tests: a Secret Service (gnome-keyring) on a private
  # session bus (dbus-run-session), and secret-tool to look into it.
  gnome-keyring libsecret-tools dbus
  # The end-to-end tests answer the system open/save dialogs as a person would.
  xdotool
  # Signed PDFs: a test CA and signer (openssl), a software token (softhsm2, opensc for
  # pkcs11-tool), and poppler's pdfsig checking against an NSS database (libnss3-tools).
  openssl softhsm2 opensc libnss3-tools
  # Printing for real in the tests: CUPS with its virtual PDF printer, and ImageMagick to
  # compare the printed pages with the exported ones.
  cups printer-driver-cups-pdf imagemagick
  # SQLite's session extension (sync between machines) makes rusqlite generate its bindings
  # at build time, with libclang.
  libclang-dev
)

# tauri-driver bridges WebDriver to WebKitWebDriver for the end-to-end tests.
TAURI_DRIVER_VERSION="2.1.0"

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_apt_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    step "Installing system packages: ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}"
  fi
}

# `npm ci` from the committed lockfile, again only when the lockfile changed since.
ensure_npm() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
     ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.lockfile-installed"; then
    step "npm ci in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund)
    cp "$dir/package-lock.json" "$dir/node_modules/.lockfile-installed"
  fi
}

ensure_tauri_driver() {
  local bin="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
  # tauri-driver has no --version; cargo's own list says which version is installed.
  if [ ! -x "$bin" ] || ! cargo install --list | grep -q "^tauri-driver v$TAURI_DRIVER_VERSION:"; then
    step "Installing tauri-driver $TAURI_DRIVER_VERSION"
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked
  fi
}

# Cargo embeds ui/dist into the shell at compile time, so the UI is built first.
build_ui() {
  ensure_npm "$ROOT/ui"
  step "Building the UI"
  (cd "$ROOT/ui" && npm run --silent build)
  # Cargo does not notice new files in ui/dist; make it re-embed them.
  touch "$ROOT/src-tauri/build.rs"
}

# CUPS running, with the virtual printer "PDF" (cups-pdf writes each job to ~/PDF/): the print
# test sends real jobs through it.
ensure_cups_pdf_printer() {
  # `lpstat -r` exits 0 even when it prints "scheduler is not running": read what it says.
  cups_running() { lpstat -r 2>/dev/null | grep -q 'is running'; }
  if ! cups_running; then
    # Without systemd (a container, CI) nothing started cupsd at install and nothing made the
    # socket's folder: cupsd then exits silently.
    as_root mkdir -p /run/cups
    as_root cupsd
    for _ in $(seq 1 100); do cups_running && break; sleep 0.2; done
    cups_running || { printf 'CUPS did not start (cupsd)\n' >&2; return 1; }
  fi
  if ! lpstat -e 2>/dev/null | grep -qx PDF; then
    as_root lpadmin -p PDF -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd -E
  fi
}
