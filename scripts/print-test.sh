#!/usr/bin/env bash
# Prints for real: starts CUPS with the virtual PDF printer (Debian's cups-pdf), prints the
# demo's mission report through `desk report print`, and checks what came out of the printer
# against the exported PDF: the same number of pages, A4, and the same pages once rendered.
# cups-pdf re-renders the job through Ghostscript, so pages are compared as pictures, not as
# text. Called by scripts/test.sh after the debug build; runs alone too.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

DESK="${DESK_CLI_BIN:-$ROOT/target/debug/desk}"
SINGAPORE=018fd2d0-0819-7186-9072-600a56b24d19
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { printf 'print test: %s\n' "$*" >&2; exit 1; }

step "Printing: without a print server, desk says so"
"$DESK" --db "$work/desk.sqlite" demo >/dev/null
printf '%%PDF-1.7\n' >"$work/tiny.pdf"
if CUPS_SERVER=127.0.0.1:9 "$DESK" print "$work/tiny.pdf" 2>"$work/none.txt"; then
  fail "printing with no print server succeeded"
fi
grep -q "no printer is set up" "$work/none.txt" || fail "unclear message: $(cat "$work/none.txt")"

step "Printing: CUPS with the virtual PDF printer"
ensure_cups_pdf_printer

"$DESK" --db "$work/desk.sqlite" report export --delegation "$SINGAPORE" --lang vi --out "$work/exported.pdf" >/dev/null
out_dir="$HOME/PDF"
mkdir -p "$out_dir"
before="$(ls "$out_dir" | wc -l)"
"$DESK" --db "$work/desk.sqlite" report print --delegation "$SINGAPORE" --lang vi --printer PDF

printed=""
for _ in $(seq 1 120); do
  if [ "$(ls "$out_dir" | wc -l)" -gt "$before" ]; then
    printed="$out_dir/$(ls -t "$out_dir" | head -n 1)"
    # cups-pdf writes the file, then leaves it: wait until it parses.
    pdfinfo "$printed" >/dev/null 2>&1 && break
  fi
  sleep 0.5
done
[ -n "$printed" ] && pdfinfo "$printed" >/dev/null 2>&1 || fail "nothing came out of the PDF printer in 60 s"

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
[ "$(pages "$printed")" = "$(pages "$work/exported.pdf")" ] ||
  fail "printed $(pages "$printed") pages, the report has $(pages "$work/exported.pdf")"
# A4 is 595 x 842 points: every printed page, at 100 %.
if pdfinfo -f 1 -l "$(pages "$printed")" "$printed" | grep '^Page.*size:' | grep -v '595.* x 842'; then
  fail "a printed page is not A4"
fi

# Page by page, rendered at 50 dpi in grey and blurred a little (cups-pdf's Ghostscript draws
# glyphs with other anti-aliasing): the root-mean-square difference must stay under 3 %.
# Measured here: the same page printed ~1.7 %, the page shifted by 2 mm ~3.6 %, scaled to
# 96 % ("fit to page") ~8.7 %, another page ~10 %.
magick() { if command -v convert-im6.q16 >/dev/null; then convert-im6.q16 "$@"; else convert "$@"; fi; }
pdftoppm -r 50 -gray "$work/exported.pdf" "$work/want" 2>/dev/null
pdftoppm -r 50 -gray "$printed" "$work/got" 2>/dev/null
for want in "$work"/want-*.pgm; do
  got="$work/got-${want##*/want-}"
  [ -f "$got" ] || fail "page ${want##*/want-} is missing from the print"
  size="$(identify -format '%wx%h' "$want")"
  magick "$want" -blur 0x2 "$work/a.pgm"
  magick "$got" -background white -gravity northwest -extent "$size" -blur 0x2 "$work/b.pgm"
  # compare exits 1 when the images differ at all: its measure is what counts.
  rmse="$( (compare -metric RMSE "$work/a.pgm" "$work/b.pgm" null: 2>&1 || true) | sed -n 's/.*(\(.*\)).*/\1/p')"
  awk -v d="$rmse" 'BEGIN { exit !(d != "" && d < 0.03) }' ||
    fail "page ${want##*/want-} differs from the export (RMSE ${rmse:-unknown})"
done
rm -f "$printed"
step "Printing: the mission report came out whole ($(pages "$work/exported.pdf") A4 pages)"
