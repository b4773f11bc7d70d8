// The sample incident as TimelineJS + Chart.js draw it: the timeline from the JSON that
// bench/compare/data.mjs wrote (fetched, as a TimelineJS page fetches its data), and one line
// chart per metric series the app's chart shows. `data-drawn` marks what each library reports
// drawn; bench/compare.mjs waits for it (docs/BENCHMARK.md, "Fully drawn").

// Offline like the app: no web font (TimelineJS's default loads PT Sans from Google) and the
// built-in English strings (no locale fetch).
const timeline = new TL.Timeline('timeline', '../data/sample-timelinejs.json', {
  font: null, language: 'en', hash_bookmark: false,
});
timeline.on('ready', () => { document.getElementById('timeline').dataset.drawn = 'ready'; });

const clock = (ms) => new Date(ms - 5 * 3600e3).toISOString().slice(11, 16); // the sample is UTC-5

// Sets data-drawn on a chart's canvas once Chart.js has rendered it.
const markDrawn = { id: 'markDrawn', afterRender: (chart) => { chart.canvas.dataset.drawn = '1'; } };

async function drawCharts() {
  const series = await (await fetch('../data/sample-series.json')).json();
  for (const [name, points] of Object.entries(series)) {
    const box = document.createElement('div');
    box.className = 'chart';
    const canvas = document.createElement('canvas');
    canvas.dataset.chart = name;
    box.append(canvas);
    document.getElementById('charts').append(box);
    new Chart(canvas, {
      type: 'line',
      data: { datasets: [{ label: name, data: points.map(([x, y]) => ({ x, y })), pointRadius: 0, borderWidth: 1.5 }] },
      options: {
        animation: false, // the app does not animate: compare drawing, not a 1 s tween
        parsing: false, normalized: true, maintainAspectRatio: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: { x: { type: 'linear', ticks: { callback: clock } } },
      },
      plugins: [markDrawn],
    });
  }
}
drawCharts();
