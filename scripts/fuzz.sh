#!/usr/bin/env bash
# A longer run of the mutation fuzzing of every reader (tests/fuzz): guest lists in XLSX and
# CSV, the JSON import and rate tables. CI runs 10,000 inputs per reader inside
# `cargo test`; this runs CASES per reader (default 100,000) in a debug build, whose
# overflow checks turn silent arithmetic wraps into failures. Each input must be read or
# refused without a panic, within 1 s and 200 MB.
# Usage: scripts/fuzz.sh [CASES]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

CASES="${1:-100000}"
step "Fuzzing every reader: $CASES inputs each"
DESK_FUZZ_CASES="$CASES" cargo test -p desk-tests --test fuzz -- --nocapture 2>&1 |
  grep -E '^(fuzz |test |test result)|panicked|failed'
