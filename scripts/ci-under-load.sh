#!/usr/bin/env bash
# Proof that the suite stays green on a busy machine: runs .ci/run in a fresh clone of the current commit, N times in a row
# (default 3), while a CPU burner keeps every core busy. Prints each run's wall time and exits non-zero on the first red run.
#   scripts/ci-under-load.sh [runs]        e.g. scripts/ci-under-load.sh 3
# The burner is stress-ng when installed (apt-get install stress-ng), otherwise one Node busy loop per core.
set -euo pipefail
runs="${1:-3}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
cores="$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)"
commit="$(git -C "$repo" rev-parse HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/firebreak-under-load-XXXXXX")"
burner=""

stop_burner() { if [[ -n "$burner" ]]; then kill "$burner" 2>/dev/null || true; wait "$burner" 2>/dev/null || true; burner=""; fi; }
cleanup() { stop_burner; rm -rf "$work"; }
trap cleanup EXIT INT TERM

start_burner() {
  if command -v stress-ng >/dev/null; then
    stress-ng --cpu "$cores" --timeout 0 --quiet &
  else
    node -e '
      const { Worker } = require("node:worker_threads");
      for (let i = 0; i < Number(process.argv[1]); i++) new Worker("for (;;) {}", { eval: true });
    ' "$cores" &
  fi
  burner=$!
}

# The contracts live beside the repository (../shared/contracts); a clone elsewhere is told where they are.
if [[ -z "${FIREBREAK_CONTRACTS_DIR:-}" && -d "$repo/../shared/contracts" ]]; then export FIREBREAK_CONTRACTS_DIR="$(cd "$repo/../shared/contracts" && pwd)"; fi

declare -a times=()
for i in $(seq 1 "$runs"); do
  clone="$work/run-$i"
  git clone --quiet --no-local "$repo" "$clone"
  git -C "$clone" checkout --quiet "$commit"
  start_burner
  echo "━━ run $i/$runs of $commit with $cores core(s) busy ━━"
  started=$(date +%s)
  if ! (cd "$clone" && .ci/run) >"$work/run-$i.log" 2>&1; then
    stop_burner
    tail -60 "$work/run-$i.log"
    echo "✗ run $i failed after $(( $(date +%s) - started )) s (log above; full log was $work/run-$i.log)"
    exit 1
  fi
  stop_burner
  elapsed=$(( $(date +%s) - started ))
  times+=("$elapsed")
  echo "✓ run $i green in ${elapsed} s"
  rm -rf "$clone"
done
echo "All $runs runs green under full CPU load: ${times[*]} seconds."
