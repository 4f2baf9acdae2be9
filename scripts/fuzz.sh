#!/usr/bin/env bash
# The long fuzz run (outside the default test run): ./scripts/fuzz.sh [CASES] [SEED]
# Runs the fuzz tests of tests/Cradle.Acceptance.Tests/Fuzzing with CASES cases each (default 10000) from SEED
# (default 20261128), and prints their counts: cases by exit code and by problem code, and the cases that broke a rule.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-10000}
seed=${2:-20261128}
report=$(mktemp)
trap 'rm -f "$report"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/Cradle.Acceptance.Tests -c Release -v quiet -nologo
set +e
CRADLE_FUZZ_CASES=$cases CRADLE_FUZZ_SEED=$seed CRADLE_FUZZ_REPORT=$report \
  dotnet test tests/Cradle.Acceptance.Tests -c Release --no-build --filter "FullyQualifiedName~Fuzzing" --logger "console;verbosity=normal"
status=$?
set -e
echo
echo "fuzz run: seed $seed, $cases cases per test"
cat "$report"
exit "$status"
