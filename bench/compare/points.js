// `?n=N`: the app's `?synthetic=0,N` error-rate series, built in the page (as the app builds it
// in memory), in uPlot. Wheel zooms and dragging pans, as on the app's chart (uPlot's own drag
// selects a range instead), so the scripted interactions do the same on both.
import { syntheticSeries } from './synthetic.js';

const n = Number(new URLSearchParams(location.search).get('n') ?? 166650);
document.getElementById('title').textContent = `Synthetic incident: 0 events, ${n} samples`;
const container = document.getElementById('chart');

/** Wheel zoom around the pointer and drag to pan, on the x scale, within the data. */
function zoomPanPlugin(factor = 0.75) {
  return {
    hooks: {
      ready(u) {
        const [lo, hi] = [u.data[0][0], u.data[0][u.data[0].length - 1]];
        const setX = (min, max) => {
          const range = Math.min(max - min, hi - lo);
          min = Math.min(Math.max(min, lo), hi - range);
          u.setScale('x', { min, max: min + range });
        };
        u.over.addEventListener('wheel', (e) => {
          e.preventDefault();
          const { min, max } = u.scales.x;
          const at = u.posToVal(u.cursor.left, 'x');
          const range = (max - min) * (e.deltaY < 0 ? factor : 1 / factor);
          const share = (at - min) / (max - min);
          setX(at - share * range, at - share * range + range);
        }, { passive: false });
        u.over.addEventListener('mousedown', (e) => {
          const { min, max } = u.scales.x;
          const x0 = e.clientX;
          const perPx = (max - min) / u.over.clientWidth;
          const move = (m) => setX(min - (m.clientX - x0) * perPx, max - (m.clientX - x0) * perPx);
          const up = () => { removeEventListener('mousemove', move); removeEventListener('mouseup', up); };
          addEventListener('mousemove', move);
          addEventListener('mouseup', up);
        });
      },
    },
  };
}

new uPlot({
  width: container.clientWidth, height: 320,
  cursor: { drag: { x: false, y: false } },
  series: [{}, { label: 'error rate (%)', stroke: '#c0392b', width: 1 }],
  plugins: [zoomPanPlugin()],
  hooks: { draw: [() => { container.dataset.drawn = '1'; }] },
}, syntheticSeries(n), container);
