// Browser benchmark for the metrics chart: opens dist/ with ?synthetic=0,N in headless
// Chromium and prints, for N = 1,000,000 and 166,650 samples:
//  - render: the chart's own time to decimate (M4) and draw, first draw and on zoom
//    (the `data-render-ms` the chart sets after each draw),
//  - load: navigation start to the first drawn chart (includes generating the data),
//  - hover: time from a pointer move to the crosshair and tooltip updated in the DOM, with
//    style and layout done (the canvas is not redrawn), and the frame interval meanwhile.
// Run after `trunk build --release`: node bench/chart.mjs
import { serveStatic, launchBrowser, openPage } from '../tests/e2e/support.mjs';

const SIZES = [1_000_000, 166_650];
const ZOOMS = 10;
const MOVES = 60;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function renderMs(chart, previous) {
  await chart.page().waitForFunction(
    ([el, prev]) => el.dataset.renderMs && el.dataset.renderMs !== prev && el.dataset.windowStart !== undefined,
    [await chart.elementHandle(), previous],
  );
  return chart.getAttribute('data-render-ms');
}

const server = await serveStatic();
const browser = await launchBrowser();
try {
  for (const size of SIZES) {
    const { page, errors, context } = await openPage(browser, `${server.url}?synthetic=0,${size}`);
    const chart = page.getByTestId('metrics-chart');
    const first = Number(await renderMs(chart, ''));
    const load = await page.evaluate(() => performance.now());
    const drawn = await chart.getAttribute('data-drawn-points');

    const plot = page.getByTestId('chart-plot');
    const box = await plot.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const zooms = [];
    let last = String(first);
    for (let i = 0; i < ZOOMS; i++) {
      const start = await chart.getAttribute('data-window-start');
      await page.mouse.wheel(0, i < ZOOMS / 2 ? -120 : 120);
      await page.waitForFunction(
        ([el, s]) => el.dataset.windowStart !== s, [await chart.elementHandle(), start]);
      last = await renderMs(chart, last === String(first) ? '' : last).catch(() => last);
      zooms.push(Number(await chart.getAttribute('data-render-ms')));
    }

    const hover = await page.evaluate(async ([moves]) => {
      const canvas = document.querySelector('[data-testid=chart-canvas]');
      const rect = canvas.getBoundingClientRect();
      const handler = [];
      const frames = [];
      // Leptos applies DOM updates in microtasks: wait for them with a message (no timer clamp).
      const channel = new MessageChannel();
      const drained = () => new Promise((resolve) => { channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
      let previousFrame = await new Promise(requestAnimationFrame);
      for (let i = 0; i < moves; i++) {
        const x = rect.left + 80 + ((rect.width - 120) * i) / moves;
        const t0 = performance.now();
        canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: rect.top + 60, bubbles: true }));
        await drained();
        document.querySelector('[data-testid=chart-tooltip]')?.getBoundingClientRect();
        handler.push(performance.now() - t0);
        const frame = await new Promise(requestAnimationFrame);
        frames.push(frame - previousFrame);
        previousFrame = frame;
      }
      return { handler, frames, tooltip: document.querySelector('[data-testid=chart-tooltip]')?.textContent ?? '' };
    }, [MOVES]);

    console.log(`${size.toLocaleString('en')} samples (${drawn} drawn after M4)`);
    console.log(`  render, first draw:        ${fmt(first)}`);
    console.log(`  render on zoom (median):   ${fmt(median(zooms))}  [${zooms.map((z) => z.toFixed(1)).join(', ')}]`);
    console.log(`  load to first chart:       ${fmt(load)}`);
    console.log(`  hover update (median/max): ${fmt(median(hover.handler))} / ${fmt(Math.max(...hover.handler))}`);
    console.log(`  hover frame interval:      ${fmt(median(hover.frames))} median`);
    if (!hover.tooltip) console.log('  WARNING: no tooltip after hovering');
    if (errors.length) console.log('  page errors:', errors);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
