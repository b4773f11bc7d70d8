// `?n=N`: the app's `?synthetic=N` events, built in the page (as the app builds them in
// memory), in vis-timeline with its default options (stacked, so no label hides another) and
// point items (an instant with its text, as a postmortem's events are). vis-timeline's own
// clustering, the closer match to the app's groups, took 178 s to draw 10,000 events here.
import { syntheticEvents, DAY_START_MS } from './synthetic.js';

const n = Number(new URLSearchParams(location.search).get('n') ?? 1000);
document.getElementById('title').textContent = `Synthetic incident: ${n} events, 0 samples`;

const items = new vis.DataSet(syntheticEvents(n).map(({ ms, text }, id) => ({
  id, type: 'point', start: new Date(DAY_START_MS + ms), content: text,
})));
const container = document.getElementById('timeline');
const timeline = new vis.Timeline(container, items, {
  start: new Date(DAY_START_MS), end: new Date(DAY_START_MS + 86_400_000), height: '420px',
});
// `changed` follows every redraw: the first one is the drawn timeline.
timeline.once('changed', () => { container.dataset.drawn = '1'; });
