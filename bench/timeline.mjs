// Browser benchmark for the interactive timeline: serves the release dist/ on loopback, opens
// `?synthetic=N` in headless Chromium and prints
//   - first render: from the timeline view's creation to its first painted frame
//     (performance.measure "timeline-first-render": building the whole page, its first layout,
//     then the timeline's scene and canvas paint, each shown), and from navigation start;
//   - frame times while zooming (wheel), panning (drag) and stepping through events (keys):
//     from the input event to the painted canvas ("timeline-frame" measures).
// Usage: `source scripts/env.sh && trunk build --release && node bench/timeline.mjs [sizes...]`
// (DIST=/some/dir serves another build, e.g. one without wasm-opt that keeps function names.)
import { serveStatic, launchBrowser, openPage } from '../tests/e2e/support.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 10000];
const RUNS = 3;

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: pick(0.5), p95: pick(0.95), max: sorted[sorted.length - 1] };
};
const ms = (v) => `${v.toFixed(1)} ms`;

const server = await serveStatic(process.env.DIST || undefined);
const browser = await launchBrowser();
try {
  for (const size of SIZES) {
    const firsts = [];
    const fromNav = [];
    const layouts = [];
    const paints = [];
    let frames = { zoom: [], pan: [], keys: [] };
    for (let run = 0; run < RUNS; run++) {
      const { page, errors, context } = await openPage(browser, `${server.url}?synthetic=${size}`);
      const stage = page.getByTestId('timeline-stage');
      await stage.waitFor();
      await page.waitForFunction(() => performance.getEntriesByName('timeline-first-render').length > 0);
      const first = await page.evaluate(() => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        return {
          render: performance.getEntriesByName('timeline-first-render')[0].duration,
          paintAt: at('timeline-first-paint'),
          layout: at('timeline-width-measured') - at('timeline-measure-width'),
          paint: at('timeline-first-paint') - at('timeline-width-measured'),
        };
      });
      firsts.push(first.render);
      fromNav.push(first.paintAt);
      layouts.push(first.layout);
      paints.push(first.paint);

      await stage.scrollIntoViewIfNeeded();
      const box = await stage.boundingBox();
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      const frameTimes = async (action) => {
        await page.evaluate(() => performance.clearMeasures('timeline-frame'));
        await action();
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));
        return page.evaluate(() => performance.getEntriesByName('timeline-frame').map((e) => e.duration));
      };
      const step = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));
      frames.zoom.push(...await frameTimes(async () => {
        await page.mouse.move(cx, cy);
        for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, -120); await step(); }
        for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, 120); await step(); }
      }));
      frames.pan.push(...await frameTimes(async () => {
        await page.mouse.wheel(0, -600);
        await step();
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        for (let i = 1; i <= 30; i++) { await page.mouse.move(cx - i * 10, cy); await step(); }
        for (let i = 30; i >= -30; i--) { await page.mouse.move(cx - i * 10, cy); await step(); }
        await page.mouse.up();
      }));
      frames.keys.push(...await frameTimes(async () => {
        await stage.focus();
        for (let i = 0; i < 20; i++) { await page.keyboard.press('ArrowDown'); await step(); }
        for (let i = 0; i < 10; i++) { await page.keyboard.press('ArrowRight'); await step(); }
      }));
      if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
      await context.close();
    }
    const f = stats(firsts);
    const n = stats(fromNav);
    console.log(`\n${size} events (${RUNS} page loads)`);
    console.log(`  first render (view created → first frame painted): median ${ms(f.median)}, max ${ms(f.max)}`);
    console.log(`    of which the page layout forced by measuring the width: median ${ms(stats(layouts).median)}`);
    console.log(`    of which timeline layout + canvas paint (the first frame): median ${ms(stats(paints).median)}, max ${ms(stats(paints).max)}`);
    console.log(`  first frame painted after navigation start:        median ${ms(n.median)}, max ${ms(n.max)}`);
    for (const [name, values] of Object.entries(frames)) {
      const s = stats(values);
      console.log(`  ${name.padEnd(4)} frames (input → painted): n=${s.n}, median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
