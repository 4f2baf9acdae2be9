#!/usr/bin/env bash
# Runs every test of Cradle from a fresh clone: restore, build (warnings are errors), test.
# Prints a closing line "tests: N passed, N failed" summed over the test projects.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK 10 is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet restore Cradle.slnx
dotnet build Cradle.slnx --no-restore -c Release
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Cradle.slnx --no-build -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
