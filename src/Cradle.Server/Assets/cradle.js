// The dashboard's one script (served from the assembly; it talks to this server only).
'use strict';

// Run page (/runs/{run}): power and temperature per sensor as inline SVG, from /api/runs/{run}/samples; while the run is
// running, new samples arrive from /api/runs/{run}/events (Server-Sent Events) and the status is updated.
(function runCharts() {
  const facts = document.getElementById('run');
  if (!facts || !facts.dataset.run) return;
  const runId = facts.dataset.run;
  const base = '/api/runs/' + encodeURIComponent(runId);
  const charts = ['power-chart', 'temperature-chart'].map(id => document.getElementById(id)).filter(Boolean);
  const series = {}; // chart id -> sensor id -> [[offset, value]]
  let last = -1;

  function add(samples) {
    for (const s of samples) {
      last = Math.max(last, s.offset_s);
      for (const chart of charts) {
        const value = s[chart.dataset.field];
        if (value === null || value === undefined) continue;
        const bySensor = series[chart.id] || (series[chart.id] = {});
        (bySensor[s.sensor_id] || (bySensor[s.sensor_id] = [])).push([s.offset_s, value]);
      }
    }
    charts.forEach(draw);
  }

  function draw(chart) {
    const ns = 'http://www.w3.org/2000/svg';
    const w = 720, h = 220, pad = 40;
    const bySensor = series[chart.id] || {};
    const points = Object.values(bySensor).flat();
    chart.textContent = '';
    if (points.length === 0) {
      chart.textContent = 'No samples with this figure (yet).';
      return;
    }
    // reduce, not Math.min(...xs): a long run has more points than a call takes arguments.
    const min = (a, b) => (a < b ? a : b), max = (a, b) => (a > b ? a : b);
    const x0 = points.map(p => p[0]).reduce(min), x1 = max(points.map(p => p[0]).reduce(max), x0 + 1e-9);
    const y0 = min(0, points.map(p => p[1]).reduce(min)), y1 = max(points.map(p => p[1]).reduce(max), y0 + 1e-9);
    const sx = x => pad + (x - x0) / (x1 - x0) * (w - 2 * pad);
    const sy = y => h - pad + (y0 - y) / (y1 - y0) * (h - 2 * pad);
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('class', 'chart-svg');
    svg.setAttribute('role', 'img');
    const text = (x, y, s, anchor, cls) => {
      const t = document.createElementNS(ns, 'text');
      t.setAttribute('x', x); t.setAttribute('y', y); t.setAttribute('class', cls || 'axis');
      if (anchor) t.setAttribute('text-anchor', anchor);
      t.textContent = s;
      svg.appendChild(t);
    };
    text(pad, h - 8, x0.toFixed(1) + ' s');
    text(w - pad, h - 8, x1.toFixed(1) + ' s', 'end');
    // Three significant figures, without trailing zeros: "310 W", "0 W", "61.5 °C".
    const label = y => Number(y.toPrecision(3)).toString() + ' ' + chart.dataset.unit;
    text(4, pad, label(y1));
    text(4, h - pad, label(y0));
    Object.keys(bySensor).sort().forEach((sensor, i) => {
      const line = document.createElementNS(ns, 'polyline');
      line.setAttribute('class', 'series series-' + (i % 6));
      line.setAttribute('data-sensor', sensor);
      line.setAttribute('fill', 'none');
      line.setAttribute('points', bySensor[sensor].map(p => sx(p[0]).toFixed(1) + ',' + sy(p[1]).toFixed(1)).join(' '));
      svg.appendChild(line);
      text(w - pad, 14 + 14 * i, sensor, 'end', 'legend legend-' + (i % 6));
    });
    chart.appendChild(svg);
  }

  function follow() {
    if (facts.dataset.status !== 'running' || !window.EventSource) return;
    const events = new EventSource(base + '/events?after=' + last);
    events.addEventListener('samples', e => add(JSON.parse(e.data)));
    events.addEventListener('status', e => {
      const run = JSON.parse(e.data);
      facts.dataset.status = run.status;
      const status = document.getElementById('run-status');
      if (status) status.textContent = run.status;
      events.close();
    });
  }

  fetch(base + '/samples?limit=50000')
    .then(r => r.json())
    .then(doc => { add(doc.samples); follow(); })
    .catch(() => charts.forEach(c => { c.textContent = 'The samples could not be read.'; }));
})();
