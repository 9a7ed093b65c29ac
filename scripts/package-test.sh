#!/usr/bin/env bash
# Builds the Debian package (scripts/package.sh) and checks it as an installer would see it:
# its file list, its dependencies, the window app's size, and that both programs start once
# unpacked (into a temporary root with `dpkg -x`, so the test machine is left as it was).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

fail() { printf 'package test: %s\n' "$*" >&2; exit 1; }

"$ROOT/scripts/package.sh"
deb="$(ls -t "$ROOT"/target/release/bundle/deb/*.deb | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step "Package: its contents"
dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/files"
for f in ./usr/bin/delegation-desk ./usr/bin/desk \
  ./usr/share/applications/delegation-desk.desktop \
  ./usr/share/icons/hicolor/32x32/apps/delegation-desk.png \
  ./usr/share/icons/hicolor/128x128/apps/delegation-desk.png \
  ./usr/share/icons/hicolor/256x256/apps/delegation-desk.png \
  ./usr/share/icons/hicolor/512x512/apps/delegation-desk.png; do
  grep -qx "$f" "$work/files" || fail "$f is not in the package ($(tr '\n' ' ' <"$work/files"))"
done
# Nothing outside the system folders: the user's data (~/.local/share/...) is never part of
# the package, so removing it cannot take the data with it.
if grep -v '^\./usr/' "$work/files" | grep -v '^\./$'; then fail "files outside /usr"; fi
depends="$(dpkg-deb -f "$deb" Depends)"
case "$depends" in *libwebkit2gtk-4.1-0*) ;; *) fail "Depends lacks WebKitGTK: $depends" ;; esac
for script in preinst postinst prerm postrm; do
  if dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -qx "./$script"; then
    fail "the package runs a $script script"
  fi
done

step "Package: the menu entry in Vietnamese and English"
dpkg -x "$deb" "$work/root"
entry="$work/root/usr/share/applications/delegation-desk.desktop"
for key in 'Name=' 'Name\[vi\]=' 'Comment=' 'Comment\[vi\]=' 'Categories=Office;' 'Exec=delegation-desk'; do
  grep -q "^$key" "$entry" || fail "the menu entry lacks $key: $(cat "$entry")"
done

step "Package: the window app is at most 15 MB"
size=$(stat -c %s "$work/root/usr/bin/delegation-desk")
[ "$size" -le 15728640 ] || fail "the window app is $size bytes"

step "Package: the installed programs start"
"$work/root/usr/bin/desk" --version | grep -q '^desk ' || fail "desk --version"
# The window, under a virtual display: it must map a window titled Delegation Desk.
XDG_DATA_HOME="$work/data" xvfb-run -a -s "-screen 0 1280x800x24" sh -c '
  "$1" --db "$2" & app=$!
  for _ in $(seq 1 60); do
    if xdotool search --name "^Delegation Desk$" >/dev/null 2>&1; then kill $app; exit 0; fi
    sleep 0.5
  done
  kill $app; exit 1' sh "$work/root/usr/bin/delegation-desk" "$work/desk.sqlite" ||
  fail "the installed window app did not open a window"
step "Package: $(basename "$deb") ($(du -h "$deb" | cut -f1)), window app $((size / 1024)) KB"
