#!/usr/bin/env bash
# Crash safety: writes through the `desk` CLI (single records and imports of 1,000
# delegations) are killed with SIGKILL at random moments; after each kill `desk check` must
# pass, every write that printed success must be there and no import may be half applied.
# Usage: scripts/crash-test.sh [CYCLES]   (default 50, the number scripts/test.sh runs)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

CYCLES="${1:-50}"
step "Building the desk CLI"
cargo build -p desk-cli
step "Crash test: $CYCLES cycles"
node tests/crash/crash.mjs "$ROOT/target/debug/desk" "$CYCLES"
step "Sync crash test: $CYCLES rounds"
node tests/crash/sync-crash.mjs "$ROOT/target/debug/desk" "$CYCLES"
