#!/usr/bin/env bash
# A longer run of the mutation fuzzing of every reader (tests/fuzz): guest lists in XLSX and
# CSV, the JSON import and rate tables. CI runs 10,000 inputs per reader inside
# `cargo test`; this runs CASES per reader (default 100,000) in a debug build, whose
# overflow checks turn silent arithmetic wraps into failures. Each input must be read or
# refused without a panic, within 1 s and 200 MB.
# Then sync's convergence property, SYNC_CASES cases (default 2,000).
# Usage: [SYNC_CASES=N] scripts/fuzz.sh [CASES]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

CASES="${1:-100000}"
step "Fuzzing every reader: $CASES inputs each"
DESK_FUZZ_CASES="$CASES" cargo test -p desk-tests --test fuzz -- --nocapture 2>&1 |
  grep -E '^(fuzz |test |test result)|panicked|failed'

# Sync's convergence property (tests/it/sync.rs): three machines, random edits and syncs
# through a real folder, about 0.7 s a case here; CI runs 24.
SYNC_CASES="${SYNC_CASES:-2000}"
step "Sync convergence: $SYNC_CASES cases"
DESK_SYNC_CASES="$SYNC_CASES" cargo test -p desk-tests --test it sync::convergence 2>&1 |
  grep -E '^(test |test result)|panicked|minimal'
