#!/usr/bin/env bash
# Twenty years in the window, measured side by side (issue #15): the store calls of the
# everyday screens, search per keystroke, one year's statistics, the same CLI commands on
# twenty years and on the demo, the window's cold start and memory against an empty Tauri 2
# shell (tests/bench/empty-shell), the release binary, a 10,000-row guest list and an
# office's first 10,000-row history import.
# Prints one table and writes it to target/bench/latest.md.
#
#   scripts/bench.sh           the full run: release builds (~20 min here), the twenty-year
#                              synthetic database (made once, kept in target/bench), 5
#                              alternating window runs and a 10-minute walk.
#   scripts/bench.sh --quick   cheap mode (not in CI: 55 s warm, ~9 min from cold builds and npm ci): debug builds, one synthetic
#                              year, few rounds, no empty shell and a 5-second walk.
# BENCH_WALK_SECONDS and BENCH_RUNS change the walk and the number of window runs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

MODE=full
[ "${1:-}" = "--quick" ] && MODE=quick
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
RESULTS="$OUT/figures-$MODE.txt"
: >"$RESULTS"

if [ "$MODE" = full ]; then
  PROFILE=release
  YEARS=20
  RUNS="${BENCH_RUNS:-5}"
  WALK="${BENCH_WALK_SECONDS:-600}"
  CARGO_PROFILE=(--release)
else
  PROFILE=debug
  YEARS=1
  RUNS="${BENCH_RUNS:-1}"
  WALK="${BENCH_WALK_SECONDS:-5}"
  CARGO_PROFILE=()
  export DESK_BENCH_QUICK=1
fi
BIN="$ROOT/target/$PROFILE"
DB="$OUT/synthetic-$YEARS-years.sqlite"
DEMO="$OUT/demo.sqlite"

ensure_apt_packages "${APT_PACKAGES[@]}"
# scripts/test.sh has just built the UI when it runs this.
[ -n "${DESK_UI_BUILT:-}" ] || build_ui

step "Building the app and the CLI ($PROFILE)"
cargo build "${CARGO_PROFILE[@]}" -p desk-desktop -p desk-cli

if [ "$MODE" = full ]; then
  step "Building the empty Tauri shell (release, offline, same Tauri and profile)"
  CARGO_TARGET_DIR="$OUT/empty-shell-target" \
    cargo build --release --offline --locked --manifest-path tests/bench/empty-shell/Cargo.toml
  SHELL_BIN="$OUT/empty-shell-target/release/empty-shell"
fi

# Every database of the run is encrypted with one key file of its own, given to the CLI, the
# store bench and the window alike (no keyring: the window behind tauri-driver has none, and
# a database whose key it cannot find opens on the unlock screen, not on its first list).
export DESK_KEY_FILE="$OUT/bench.key"
[ -f "$DESK_KEY_FILE" ] || rm -f "$DB" "$DB-wal" "$DB-shm"
if [ ! -f "$DB" ]; then
  step "Making the synthetic database: $YEARS years (once; delete $DB to make it again)"
  "$BIN/desk" synthetic --years "$YEARS" --out "$DB"
fi
rm -f "$DEMO" "$DEMO-wal" "$DEMO-shm"
"$BIN/desk" --db "$DEMO" demo >/dev/null

step "Store calls, search, statistics and writes (Criterion: crates/desk-ops/benches/scale.rs)"
if [ "$MODE" = full ]; then
  DESK_BENCH_DB="$DB" cargo bench -p desk-ops --bench scale 2>&1 |
    tee "$OUT/store.log" | grep '^figure:' | tee -a "$RESULTS"
else
  # Test mode runs each Criterion function once, in the debug profile (no release build).
  DESK_BENCH_DB="$DB" cargo test -p desk-ops --bench scale -- --test 2>&1 |
    tee "$OUT/store.log" | grep '^figure:' | tee -a "$RESULTS"
fi

step "The same CLI commands, $YEARS years ÷ the demo (whole processes, median of 5)"
# Milliseconds of the median of five runs of a command line.
run_ms() {
  local times=()
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
first_delegation() {
  "$BIN/desk" --db "$1" --json delegation list --limit 1 |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])'
}
BIG_ID=$(first_delegation "$DB")
DEMO_ID=$(first_delegation "$DEMO")
cli_ratio() {
  local name="$1"
  shift
  local big small
  big=$(run_ms "$BIN/desk" --db "$DB" "$@" "${EXTRA_BIG[@]}")
  small=$(run_ms "$BIN/desk" --db "${SMALL_DB:-$DEMO}" "$@" "${EXTRA_DEMO[@]}")
  echo "cli: $name = $big ms / $small ms" | tee -a "$RESULTS"
}
EXTRA_BIG=() EXTRA_DEMO=()
cli_ratio "delegation list --limit 100" delegation list --limit 100
cli_ratio "person list --limit 100" person list --limit 100
cli_ratio "search tran" search tran
cli_ratio "warnings" warnings
if [ "$MODE" = full ]; then
  # The demo has nothing due today and twenty years some 2,500 things: `warnings` prints what
  # is due, so its cost follows that, not the history. One synthetic year of the same office
  # has as much due: against it, the ratio says what the nineteen years before cost.
  ONE_YEAR="$OUT/synthetic-1-year.sqlite"
  rm -f "$ONE_YEAR" "$ONE_YEAR-wal" "$ONE_YEAR-shm"
  "$BIN/desk" synthetic --years 1 --out "$ONE_YEAR" >/dev/null
  SMALL_DB="$ONE_YEAR" cli_ratio "warnings, $YEARS years ÷ one year as busy" warnings
fi
EXTRA_BIG=("$BIG_ID") EXTRA_DEMO=("$DEMO_ID")
cli_ratio "delegation show" delegation show

step "The window: cold start and memory, side by side (runs: $RUNS, walk: $WALK s)"
ensure_tauri_driver
ensure_npm "$ROOT/tests/e2e"
WINDOW_ARGS=(--desk "$BIN/delegation-desk" --db "$DB" --runs "$RUNS" --walk-seconds "$WALK" --port 4800)
[ "$MODE" = full ] && WINDOW_ARGS+=(--shell "$SHELL_BIN")
DESK_APP_BIN="$BIN/delegation-desk" timeout 3600 xvfb-run -a -s "-screen 0 1280x800x24" \
  node tests/bench/window.mjs "${WINDOW_ARGS[@]}" | tee "$OUT/window.log"
# tauri-driver writes to the same output while WebKitWebDriver starts: keep the figures' line.
grep '^{' "$OUT/window.log" | tail -1 >"$OUT/window.json"
echo "window: $(cat "$OUT/window.json")" >>"$RESULTS"

APP_BYTES=$(stat -c %s "$BIN/delegation-desk")
echo "binary: $APP_BYTES" >>"$RESULTS"
SHELL_BYTES=""
[ "$MODE" = full ] && SHELL_BYTES=$(stat -c %s "$SHELL_BIN")

step "The table"
python3 - "$RESULTS" "$OUT/window.json" "$MODE" "$YEARS" "$APP_BYTES" "$SHELL_BYTES" >"$OUT/latest-$MODE.md" <<'PY'
import json, re, sys, platform, os, datetime
results, window_file, mode, years, app_bytes, shell_bytes = sys.argv[1:7]
fig, cli = {}, {}
for line in open(results):
    m = re.match(r"figure: (.+) = ([\d.]+) ms", line)
    if m: fig[m.group(1)] = float(m.group(2))
    m = re.match(r"cli: (.+) = (\d+) ms / (\d+) ms", line)
    if m: cli[m.group(1)] = (int(m.group(2)), int(m.group(3)))
w = json.load(open(window_file))
def ms(name): return f"{fig[name]:.1f} ms" if name in fig else "—"
def ratio(a, b): return f"{a / b:.2f}×" if a and b else "—"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
cores = os.cpu_count()
load = open("/proc/loadavg").read().split()[0]
def alike(shell_key, desk_key, unit):
    """The same figure against the shell drawn without GPU compositing, as the desk's page is."""
    if w.get(shell_key) is None:
        return ""
    return (f"; against the shell drawn without GPU compositing, as the desk's page is:"
            f" {w[desk_key]:.0f} ÷ {w[shell_key]:.0f} {unit} = {ratio(w[desk_key], w[shell_key])}")

def painted():
    """The same start to the window painted on the display (sampled about every 100 ms)."""
    if w.get("desk_painted_ms") is None or w.get("shell_painted_ms") is None:
        return ""
    text = (f". To the window painted on the display: {w['desk_painted_ms']:.0f} ÷ {w['shell_painted_ms']:.0f} ms"
            f" = {ratio(w['desk_painted_ms'], w['shell_painted_ms'])}")
    if w.get("shell_alike_painted_ms") is not None:
        text += (f" ({w['desk_painted_ms']:.0f} ÷ {w['shell_alike_painted_ms']:.0f} ms"
                 f" = {ratio(w['desk_painted_ms'], w['shell_alike_painted_ms'])} like for like)")
    return text

rows = []
rows.append(("first page of delegations, people; open a delegation (store calls, %s years)" % years,
             "≤ 50 ms, ≤ 50 ms, ≤ 20 ms",
             f"{ms('first page of delegations')}, {ms('first page of people')}, {ms('open a delegation')}"))
rows.append(("search, each keystroke (p95 over 200 real prefixes)", "≤ 10 ms", ms("search p95") + f" (median {ms('search median')})"))
rows.append(("one year's statistics", "≤ 300 ms", ms("one year's statistics")))
worst = max(cli.items(), key=lambda kv: kv[1][0] / max(kv[1][1], 1)) if cli else None
cli_text = "; ".join(f"{k}: {a} ÷ {b} ms = {a / max(b, 1):.2f}×" for k, (a, b) in cli.items())
rows.append(("the same CLI commands, %s years ÷ demo database (whole processes)" % years, "≤ 3×", cli_text or "—"))
rows.append(("cold start to the first list painted, ÷ the empty shell's", "≤ 1.5×",
             f"{w['desk_start_ms']:.0f} ms ÷ {w['shell_start_ms']:.0f} ms = {ratio(w['desk_start_ms'], w['shell_start_ms'])}"
             + (f" (the page began at {w['desk_page_origin_ms']:.0f} ms against the shell's {w['shell_page_origin_ms']:.0f};"
                f" its script ran at +{w['desk_page_script_ms']:.0f} ms, Today's lines arrived at +{w['desk_page_lines_ms']:.0f} ms"
                + (f", their first frame at +{w['desk_page_frame_ms']:.0f} ms" if w.get("desk_page_frame_ms") is not None else "") + ")"
                if w.get("desk_page_lines_ms") is not None and w.get("shell_page_origin_ms") is not None else "")
             + alike("shell_alike_start_ms", "desk_start_ms", "ms")
             + painted()
             if w.get("shell_start_ms") else f"{w['desk_start_ms']:.0f} ms (no shell in quick mode)"))
rows.append(("idle PSS of the process tree after 10 s, ÷ the empty shell's", "≤ 1.2×",
             f"{w['desk_idle_mib']:.0f} MiB ÷ {w['shell_idle_mib']:.0f} MiB = {ratio(w['desk_idle_mib'], w['shell_idle_mib'])}"
             + alike("shell_alike_idle_mib", "desk_idle_mib", "MiB")
             if w.get("shell_idle_mib") else f"{w['desk_idle_mib']:.0f} MiB (no shell in quick mode)"))
rows.append((f"the same after a scripted {w['walk_seconds']} s walk through every screen and 10 s at rest, ÷ after 10 s", "≤ 1.2×",
             f"{w['walk_after_mib']:.0f} MiB ÷ {w['walk_idle_mib']:.0f} MiB = {ratio(w['walk_after_mib'], w['walk_idle_mib'])}"
             + (f" (2 s after the walk: {w['walk_after_2s_mib']:.0f} MiB = {ratio(w['walk_after_2s_mib'], w['walk_idle_mib'])})"
                if w.get("walk_after_2s_mib") is not None else "")))
size = f"{int(app_bytes) / 1e6:.1f} MB"
if shell_bytes: size += f" (empty shell {int(shell_bytes) / 1e6:.1f} MB)"
rows.append((f"{'release' if mode == 'full' else 'debug'} binary of the window app", "≤ 15 MB", size))
rows.append(("10,000-row guest list: preview and import (9,999 rows, the most a sheet holds)", "≤ 1 s",
             f"{ms('9999-row guest list into twenty years')} into {years} years, {ms('9999-row guest list into empty')} into an empty database; "
             f"1,000 rows: {ms('1000-row guest list into twenty years')}" if mode == "full" else
             f"1,000 rows: {ms('1000-row guest list into twenty years')} ({years} year), {ms('1000-row guest list into empty')} (empty)"))
rows.append(("10,000-row history: previewed and imported into a new database, its backup included (issue 17)", "≤ 1 s",
             f"{ms('10000-row history into a new database')} (of which the preview {ms('10000-row history into a new database, of which the preview')})"
             if mode == "full" else f"1,000 rows: {ms('1000-row history into a new database')}"))
rows.append(("a copy of the demo: into the big database ÷ into an empty one", "about 1×",
             f"{ms('demo copy into twenty years')} ÷ {ms('demo copy into empty')}"))
print(f"Measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC by `scripts/bench.sh{' --quick' if mode == 'quick' else ''}` "
      f"({mode} mode, {w['runs']} window run(s)) on {platform.system()} {platform.release()}, {cpu}, {cores} cores, "
      f"load average {load} at the end.\n")
print("| figure | goal | measured |")
print("| --- | --- | --- |")
for r in rows:
    print("| " + " | ".join(r) + " |")
PY
cat "$OUT/latest-$MODE.md"
[ "$MODE" = full ] && cp "$OUT/latest-$MODE.md" "$OUT/latest.md"
exit 0
