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
python3 - "$work/report.html" "$work/picture.html" <<'PY'
import re, sys
html = open(sys.argv[1]).read()
head = html[:html.index('<h2>1.')]
figures = re.findall(r'<figure class="chart".*?</figure>', html, re.S)
pick = [f for f in figures if 'data-chart="trend-gwp-total"' in f][:1] + [f for f in figures if 'data-chart="production-share-gwp"' in f][:1]
body = ''.join(f'<div style="display:inline-block;width:49%;vertical-align:top">{f}</div>' for f in pick)
open(sys.argv[2], 'w').write(head.replace('max-width: 1040px', 'max-width: 1500px') + body + '</body></html>')
PY
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=1540,760 --screenshot="$PWD/docs/images/trends-report.png" "file://$work/picture.html" > /dev/null 2>&1
echo "wrote docs/images/trends-report.png"
