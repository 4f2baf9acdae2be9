#!/usr/bin/env bash
# Shared by make-report-picture.sh and make-trends-picture.sh: takes a Cradle HTML report, keeps its headline and two
# of its charts side by side, and has headless Chromium draw that as a PNG.
# Usage: shoot-charts.sh REPORT.html OUT.png CHART_ID_1 CHART_ID_2 HEIGHT
set -euo pipefail
report=$1 out=$2 first=$3 second=$4 height=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$report" "$work/picture.html" "$first" "$second" <<'PY'
import re, sys
html = open(sys.argv[1]).read()
head = html[:html.index('<h2>1.')]
figures = re.findall(r'<figure class="chart".*?</figure>', html, re.S)
pick = [f for f in figures if f'data-chart="{sys.argv[3]}"' in f][:1] + [f for f in figures if f'data-chart="{sys.argv[4]}"' in f][:1]
body = ''.join(f'<div style="display:inline-block;width:49%;vertical-align:top">{f}</div>' for f in pick)
open(sys.argv[2], 'w').write(head.replace('max-width: 1040px', 'max-width: 1500px') + body + '</body></html>')
PY
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=1540,"$height" --screenshot="$out" "file://$work/picture.html" > /dev/null 2>&1
echo "wrote $out"
