#!/usr/bin/env bash
# Regenerates docs/images/report.png: the HTML report of the bundled example, as headless Chromium draws it.
# Needs the .NET SDK and Debian's chromium (apt-get install chromium). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run --project src/Cradle.Cli -- assess examples/olmo2-7b/study.yaml --mc 20000 --report "$work/report.html" > /dev/null
# Show the headline and the two charts people look at first: stage shares and the amortisation curve.
python3 - "$work/report.html" "$work/picture.html" <<'PY'
import re, sys
html = open(sys.argv[1]).read()
head = html[:html.index('<h2>1.')]
figures = re.findall(r'<figure class="chart".*?</figure>', html, re.S)
pick = [f for f in figures if 'data-chart="stage-shares"' in f][:1] + [f for f in figures if 'data-chart="amortisation"' in f][:1]
body = ''.join(f'<div style="display:inline-block;width:49%;vertical-align:top">{f}</div>' for f in pick)
open(sys.argv[2], 'w').write(head.replace('max-width: 1040px', 'max-width: 1500px') + body + '</body></html>')
PY
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=1540,780 --screenshot="$PWD/docs/images/report.png" "file://$work/picture.html" > /dev/null 2>&1
echo "wrote docs/images/report.png"
