#!/usr/bin/env bash
# Regenerates docs/images/report.png: the HTML report of the bundled example, as headless Chromium draws it.
# Needs the .NET SDK and Debian's chromium (apt-get install chromium). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run --project src/Cradle.Cli -- assess examples/olmo2-7b/study.yaml --mc 20000 --report "$work/report.html" > /dev/null
# The headline and the two charts people look at first: stage shares and the amortisation curve.
docs/images/shoot-charts.sh "$work/report.html" "$PWD/docs/images/report.png" stage-shares amortisation 780
