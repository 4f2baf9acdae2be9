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

# The report and server tests open pages in headless Chromium (tests/Cradle.Testing.Browser): install it when missing.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing Chromium (/usr/bin/chromium is missing) for the browser checks of the reports and the server pages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    echo "test.sh: the report and server tests need Chromium at /usr/bin/chromium; install it with 'sudo apt-get install chromium' (or run test.sh as root, which installs it)." >&2
    exit 2
  fi
fi

# The PostgreSQL run-store tests (tests/Cradle.Store.Tests) run against a real server: install Debian's postgresql when
# missing, start a throwaway one (temporary data directory, free port, trust login on 127.0.0.1) and stop it at the end.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing PostgreSQL (initdb is missing) for the tests of the PostgreSQL run store"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
  else
    echo "test.sh: the run-store tests need PostgreSQL's server binaries (initdb, pg_ctl); install them with 'sudo apt-get install postgresql' (or run test.sh as root, which installs them)." >&2
    exit 2
  fi
fi

# tests/Cradle.Publish.Tests publishes the CLI as NativeAOT (README, "Install"), which links with clang (any clang-NN
# will do: src/Cradle.Cli/NativeAot.targets finds it) against zlib: install Debian's clang and zlib1g-dev when missing.
if ! command -v clang >/dev/null 2>&1 && ! ls /usr/bin/clang-[0-9]* >/dev/null 2>&1 || [ ! -f /usr/include/zlib.h ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing clang and zlib1g-dev (clang or zlib.h is missing) for the NativeAOT publish test"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev
  else
    echo "test.sh: the publish test needs clang and zlib1g-dev (NativeAOT); install them with 'sudo apt-get install clang zlib1g-dev' (or run test.sh as root, which installs them)." >&2
    exit 2
  fi
fi

# The /metrics tests (tests/Cradle.Server.Tests, tests/Cradle.Acceptance.Tests) parse every body with Prometheus' own
# Python client's text-format parser: install Debian's python3-prometheus-client when missing.
if ! /usr/bin/python3 -c 'from prometheus_client.parser import text_string_to_metric_families' >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing python3-prometheus-client (the Prometheus text-format parser is missing) for the /metrics tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-prometheus-client
  else
    echo "test.sh: the /metrics tests need Prometheus' text-format parser; install it with 'sudo apt-get install python3-prometheus-client' (or run test.sh as root, which installs it)." >&2
    exit 2
  fi
fi

log=$(mktemp)
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/cradle-pg.XXXXXX")
trap 'scripts/postgres-test-server.sh stop "$pgdir"; rm -f "$log"' EXIT
CRADLE_TEST_POSTGRES=$(scripts/postgres-test-server.sh start "$pgdir")
export CRADLE_TEST_POSTGRES
echo "test.sh: PostgreSQL for the tests at $CRADLE_TEST_POSTGRES"

dotnet restore Cradle.slnx
dotnet build Cradle.slnx --no-restore -c Release
set +e
dotnet test Cradle.slnx --no-build -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
