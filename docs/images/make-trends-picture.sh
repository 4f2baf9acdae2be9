#!/usr/bin/env bash
# Regenerates docs/images/trends-report.png: the `cradle trends` HTML report of the bundled Epoch AI snapshot, as
# headless Chromium draws it. Needs the .NET SDK and Debian's chromium (apt-get install chromium). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run --project src/Cradle.Cli -- trends tests/data/epoch-notable-ai-models/notable_ai_models.csv --report "$work/report.html" > /dev/null
# The headline, then the two charts the paper is about: total GWP per training over time under each scenario, and the
# share of production in GWP, which rises as electricity gets cleaner.
docs/images/shoot-charts.sh "$work/report.html" "$PWD/docs/images/trends-report.png" trend-gwp-total production-share-gwp 760
