#!/usr/bin/env bash
# Re-measures issue 13's four whole-process goals (docs/performance.md, "Issue 13 goals"), each paired in one go
# against a baseline build: a cold `assess` of the example, `assess --mc 100000`, `compare` of 100 alternatives under
# `--mc 10000`, and `sensitivity` of a 1,000-stage study (the baseline's sensitivity is skipped unless asked: it took
# minutes before issue 13).
#
# Usage: scripts/performance-goals.sh AFTER_CMD [BEFORE_CMD] [--with-slow-baseline]
#   AFTER_CMD   how to run the build measured, e.g. out/cradle (NativeAOT: dotnet publish src/Cradle.Cli -c Release -r linux-x64 -o out)
#   BEFORE_CMD  how to run the baseline, e.g. "dotnet /tmp/before/cradle.dll" (a build of an older commit); omitted:
#               each goal is timed for AFTER_CMD alone
set -euo pipefail
cd "$(dirname "$0")/.."

after=${1:?usage: scripts/performance-goals.sh AFTER_CMD [BEFORE_CMD] [--with-slow-baseline]}
before=${2:-}
slow_baseline=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 scripts/many-alternatives-study.py 100 "$work/study100.yaml" >/dev/null
dotnet run -c Release --project bench/Cradle.Benchmarks -- write-many-stages 1000 "$work/stages1000.yaml" >/dev/null

# Runs one goal: paired against the baseline when there is one. Arguments: label, runs, then the cradle arguments.
goal() {
  local label=$1 runs=$2
  shift 2
  echo "== $label"
  if [[ -n "$before" ]]; then
    python3 scripts/paired-timing.py -n "$runs" --vs "$before $*" -- $after "$@"
  else
    python3 scripts/paired-timing.py -n "$runs" -- $after "$@"
  fi
}

goal "cold assess, no Monte Carlo (goal: under 0.2 s)" 8 assess examples/olmo2-7b/study.yaml
goal "assess --mc 100000 (goal: under 0.5 s)" 6 assess examples/olmo2-7b/study.yaml --mc 100000 --seed 1 --format json
goal "compare, 100 alternatives, --mc 10000 (goal: under 2 s)" 5 compare "$work/study100.yaml" --mc 10000 --seed 1 --format json -o "$work/compare.json"
if [[ "$slow_baseline" == "--with-slow-baseline" ]]; then
  goal "sensitivity, 1,000 stages (goal: under 10 s)" 1 sensitivity "$work/stages1000.yaml" --format json
else
  echo "== sensitivity, 1,000 stages (goal: under 10 s)"
  python3 scripts/paired-timing.py -n 3 -- $after sensitivity "$work/stages1000.yaml" --format json
fi
