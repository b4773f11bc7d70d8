// Side-by-side benchmark (issue 14): the release app against reference pages made from npm
// packages (bench/compare/), in one headless Chromium run with interleaved runs. For every
// page: navigation start → fully drawn, first contentful paint, bytes fetched before the first
// paint and in total (raw, and gzip -9 of each file as a host would send it), and for the big
// cases the frame intervals while zooming, panning and hovering. docs/BENCHMARK.md says what
// each number means.
//
//   npm ci --prefix bench && node bench/compare.mjs      (or `bash scripts/bench.sh`)
//   DIST=dir (default dist/), RUNS=n (default 5), OUT=file (default bench/results/compare.json),
//   ONLY=text (only the cases whose name contains it, while working on one)
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM_ARGS, serveStatic } from '../tests/e2e/support.mjs';
import { writeData } from './compare/data.mjs';

const DIST = resolve(process.env.DIST ?? join(ROOT, 'dist'));
const RUNS = Number(process.env.RUNS ?? 5);
const OUT = resolve(process.env.OUT ?? join(ROOT, 'bench/results/compare.json'));
const TIMEOUT = 120_000;

// ---------------------------------------------------------------------------------------------
// "Fully drawn", per page: functions run in the page (serialized, so self-contained).

/**
 * The app: the incident's title shown (`title`, a prefix), then every view in `parts` drawn:
 * the timeline canvas sized to its box (the stage sizes it in the task that paints it) with its
 * tick labels, the chart's `data-render-ms` (set after each draw), the illustration's scene
 * with shapes in it. `loaded`: a `?src=` file's loading status says done.
 */
function appDrawn({ title, parts, loaded }) {
  const q = (selector) => document.querySelector(selector);
  const sized = (canvas) => canvas && canvas.width > 0
    && canvas.width === Math.round(canvas.getBoundingClientRect().width * devicePixelRatio);
  const checks = {
    title: () => (q('[data-testid=incident-title]')?.textContent ?? '').startsWith(title),
    loaded: () => !loaded || !!q('[data-testid=load-status][data-state=done]'),
    timeline: () => sized(q('[data-testid=timeline-stage] canvas')) && !!q('[data-testid=timeline-stage] [data-testid=tick]'),
    chart: () => q('[data-testid=metrics-chart]')?.dataset.renderMs !== undefined,
    illustration: () => (q('[data-testid=illustration-scene] g')?.childElementCount ?? 0) > 0,
  };
  return ['title', 'loaded', ...parts].every((part) => checks[part]());
}

/** A reference page: each selector matches at least its count of elements. */
function refDrawn(selectors) {
  return selectors.every(([selector, count]) => document.querySelectorAll(selector).length >= count);
}

/**
 * Installed before any page script: polls `isDrawn(arg)` once per animation frame; when it
 * first holds, waits two more frames (the drawn frame is then produced) and records the time.
 * Also records the frame intervals on demand and, for the app, when WebAssembly instantiation
 * starts and ends (wasm-bindgen's `init` uses instantiateStreaming).
 */
function benchProbe(isDrawn, arg) {
  const bench = (window.__bench = { drawnAt: null, wasm: [], frames: null });
  const poll = () => {
    let drawn = false;
    try { drawn = isDrawn(arg); } catch { /* the page is not built yet */ }
    if (!drawn) { requestAnimationFrame(poll); return; }
    requestAnimationFrame(() => requestAnimationFrame(() => { bench.drawnAt = performance.now(); }));
  };
  requestAnimationFrame(poll);
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      const entry = { name, start: performance.now(), end: null };
      bench.wasm.push(entry);
      return original.apply(this, args).then((result) => { entry.end = performance.now(); return result; });
    };
  }
  // One loop per recording: a loop left from the previous one stops at its next frame.
  bench.record = () => {
    const frames = (bench.frames = []);
    const loop = (t) => { if (bench.frames !== frames) return; frames.push(t); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  };
  bench.stop = () => {
    const frames = bench.frames;
    bench.frames = null;
    return frames.slice(1).map((t, i) => Math.round((t - frames[i]) * 10) / 10);
  };
}

// ---------------------------------------------------------------------------------------------
// The cases: the app's URL and what it must show, the reference page and its drawn elements,
// and where the scripted interactions happen (only on the big cases).

const EVENTS_REF = [['#timeline[data-drawn]', 1], ['#timeline .vis-item', 1]];
const POINTS_REF = [['#chart[data-drawn]', 1], ['#chart .uplot canvas', 1]];

const eventsCase = (n, source) => ({
  name: `${n.toLocaleString('en')} events, ${source === 'src' ? 'text file (?src=)' : 'in memory (?synthetic=)'}`,
  app: source === 'src' ? `app/?src=../data/events-${n}.txt` : `app/?synthetic=${n}`,
  appDrawn: { title: `Synthetic incident: ${n} events`, parts: ['timeline'], loaded: source === 'src' },
  ref: `compare/events.html?n=${n}`,
  refDrawn: EVENTS_REF,
  refName: 'vis-timeline 8',
  interact: n >= 10_000 && source === 'src'
    ? { app: '[data-testid=timeline-stage]', ref: '#timeline .vis-panel.vis-center' } : null,
});

const pointsCase = (n) => ({
  name: `${n.toLocaleString('en')} points (?synthetic=0,${n})`,
  app: `app/?synthetic=0,${n}`,
  appDrawn: { title: `Synthetic incident: 0 events, ${n} samples`, parts: ['chart'], loaded: false },
  ref: `compare/points.html?n=${n}`,
  refDrawn: POINTS_REF,
  refName: 'uPlot 1.6',
  interact: { app: '[data-testid=chart-plot]', ref: '#chart .u-over' },
});

const ALL_CASES = [
  {
    name: 'sample incident',
    app: 'app/',
    appDrawn: { title: 'The Great Cookie Catastrophe', parts: ['timeline', 'chart', 'illustration'], loaded: false },
    ref: 'compare/sample.html',
    refDrawn: [['#timeline[data-drawn]', 1], ['#timeline .tl-timemarker', 9], ['#charts canvas[data-drawn]', 2]],
    refName: 'TimelineJS 3 + Chart.js 4',
    interact: null,
  },
  eventsCase(1000, 'src'),
  eventsCase(1000, 'memory'),
  eventsCase(10_000, 'src'),
  eventsCase(10_000, 'memory'),
  pointsCase(166_650),
  pointsCase(1_000_000),
];
const CASES = ALL_CASES.filter((c) => c.name.includes(process.env.ONLY ?? ''));

// ---------------------------------------------------------------------------------------------
// Serving: one folder with the app's dist at /app/, the reference pages at /compare/, their
// libraries at /node_modules/ and the generated data at /data/, so every page is same-origin.

async function makeSite() {
  const site = await mkdtemp(join(tmpdir(), 'pm-compare-'));
  await symlink(DIST, join(site, 'app'));
  await symlink(join(ROOT, 'bench/compare'), join(site, 'compare'));
  await symlink(join(ROOT, 'bench/node_modules'), join(site, 'node_modules'));
  await writeData(ROOT, join(site, 'data'), [1000, 10_000]);
  return site;
}

/** Sizes of a served file by URL: raw (the server sends files as they are) and gzip -9. */
function fileSizer(site) {
  const cache = new Map();
  return async (url) => {
    const path = decodeURIComponent(new URL(url).pathname);
    if (!cache.has(path)) {
      let file = join(site, path);
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        cache.set(path, { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
      } catch {
        cache.set(path, { bytes: 0, gzip: 0 }); // not served (a 404): no file to count
      }
    }
    return cache.get(path);
  };
}

// ---------------------------------------------------------------------------------------------
// One page load.

/**
 * Opens `url` in a fresh context with the cache disabled; returns the page once drawn, and the
 * requests it makes (Playwright sees the workers' too, which the page's Resource Timing does not).
 */
async function openDrawn(browser, url, isDrawn, arg) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: `(${benchProbe})(${isDrawn}, ${JSON.stringify(arg)});` });
  const requests = [];
  context.on('requestfinished', (request) => requests.push(request));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.drawnAt !== null, null, { timeout: TIMEOUT })
    .catch(async (error) => {
      await page.screenshot({ path: join(tmpdir(), 'pm-compare-timeout.png') });
      throw new Error(`${url} not drawn after ${TIMEOUT} ms (screenshot in ${tmpdir()}): ${error.message}`);
    });
  return { context, page, errors, requests };
}

const round = (v) => Math.round(v * 10) / 10;

/**
 * What the page has fetched so far: each http(s) file with the time its response ended (ms
 * from navigation start), its size as served (the file's, sent uncompressed) and gzip -9 size.
 */
async function fetchedFiles(page, requests, sizes) {
  const origin = await page.evaluate(() => performance.timeOrigin);
  const files = [];
  for (const request of requests.filter((r) => /^https?:/.test(r.url()))) {
    const { startTime, responseEnd } = request.timing();
    const { pathname, search } = new URL(request.url());
    files.push({ url: pathname + search, end: round(startTime + responseEnd - origin), ...await sizes(request.url()) });
  }
  return files;
}

/** The load's figures: fully drawn, first contentful paint, wasm instantiation, timeline marks. */
async function loadFigures(page, requests, sizes) {
  const figures = await page.evaluate(() => ({
    drawn: window.__bench.drawnAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    wasm: window.__bench.wasm,
    marks: Object.fromEntries(['timeline-start', 'timeline-first-paint']
      .map((name) => [name, performance.getEntriesByName(name)[0]?.startTime ?? null])),
  }));
  return { ...figures, files: await fetchedFiles(page, requests, sizes) };
}

/** Bytes fetched before the first contentful paint and in total, raw and gzip. */
function byteTotals(files, fcp) {
  const sum = (list, key) => list.reduce((total, file) => total + file[key], 0);
  const early = files.filter((file) => fcp !== null && file.end <= fcp);
  return {
    beforeFcp: { raw: sum(early, 'bytes'), gzip: sum(early, 'gzip') },
    total: { raw: sum(files, 'bytes'), gzip: sum(files, 'gzip') },
  };
}

// ---------------------------------------------------------------------------------------------
// Scripted interactions: one input per animation frame while the page records frame intervals.

const nextFrame = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));

async function frameIntervals(page, action) {
  await page.evaluate(() => window.__bench.record());
  await action();
  await nextFrame(page);
  return page.evaluate(() => window.__bench.stop());
}

/** Zoom (20 wheel steps in, 20 out), pan (drag 30 steps left, 60 right), hover (60 moves). */
async function interact(page, selector) {
  const target = page.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  const zoom = await frameIntervals(page, async () => {
    for (const dy of [...Array(20).fill(-120), ...Array(20).fill(120)]) {
      await page.mouse.wheel(0, dy);
      await nextFrame(page);
    }
  });
  // Zoomed in first, so a drag has somewhere to go.
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -120); await nextFrame(page); }
  const pan = await frameIntervals(page, async () => {
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) { await page.mouse.move(cx - i * 10, cy); await nextFrame(page); }
    for (let i = 29; i >= -30; i--) { await page.mouse.move(cx - i * 10, cy); await nextFrame(page); }
    await page.mouse.up();
  });
  const hover = await frameIntervals(page, async () => {
    for (let i = 0; i < 60; i++) {
      await page.mouse.move(box.x + 20 + ((box.width - 40) * i) / 59, cy + (i % 2 ? 8 : -8));
      await nextFrame(page);
    }
  });
  return { zoom, pan, hover };
}

/** Loads one page and measures it; interacts when `interactWith` names an element. */
async function measure(browser, url, isDrawn, arg, interactWith, sizes) {
  const { context, page, errors, requests } = await openDrawn(browser, url, isDrawn, arg);
  try {
    await page.waitForTimeout(300); // late fetches (parts loaded after the first paint) count too
    const figures = await loadFigures(page, requests, sizes);
    const frames = interactWith ? await interact(page, interactWith) : null;
    // Parts fetched on first use count in the total.
    if (frames) figures.files = await fetchedFiles(page, requests, sizes);
    return { ...figures, bytes: byteTotals(figures.files, figures.fcp), frames, errors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and the printed tables.

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (v) => (v === null || !Number.isFinite(v) ? '–' : `${Math.round(v)}`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)}`;
const spread = (xs) => `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
const ratio = (a, b) => (median(a) / median(b)).toFixed(2);

function loadTable(results, key, heading) {
  const lines = [`### ${heading} (ms, median (min–max) of ${RUNS})`, '',
    '| case | app | reference | app / reference |', '| --- | --- | --- | --- |'];
  for (const r of results) {
    const app = r.app.map((m) => m[key]);
    const ref = r.ref.map((m) => m[key]);
    lines.push(`| ${r.name} | ${spread(app)} | ${spread(ref)} (${r.refName}) | ${ratio(app, ref)}× |`);
  }
  return lines.join('\n');
}

function bytesTable(results) {
  const lines = [`### Bytes fetched (KB, median of ${RUNS}; gzip -9 of each file)`, '',
    '| case | page | before first paint, raw | before first paint, gzip | total, raw | total, gzip |',
    '| --- | --- | --- | --- | --- | --- |'];
  for (const r of results) {
    for (const [side, label] of [['app', 'app'], ['ref', r.refName]]) {
      // A `?src=` file ends before or after the first paint depending on the run.
      const at = (when, key) => kb(median(r[side].map((m) => m.bytes[when][key])));
      lines.push(`| ${r.name} | ${label} | ${at('beforeFcp', 'raw')} | ${at('beforeFcp', 'gzip')} | ${at('total', 'raw')} | ${at('total', 'gzip')} |`);
    }
  }
  return lines.join('\n');
}

function framesTable(results) {
  if (!results.some((c) => c.app[0].frames)) return '(no case with interactions was run)';
  const lines = ['### Frame intervals while interacting (ms, p50 / p95 of every frame of every run)', '',
    '| case | interaction | app | reference |', '| --- | --- | --- | --- |'];
  for (const r of results.filter((c) => c.app[0].frames)) {
    for (const kind of ['zoom', 'pan', 'hover']) {
      const pool = (side) => r[side].flatMap((m) => m.frames[kind]);
      const cell = (xs) => `${quantile(xs, 0.5).toFixed(1)} / ${quantile(xs, 0.95).toFixed(1)}`;
      lines.push(`| ${r.name} | ${kind} | ${cell(pool('app'))} | ${cell(pool('ref'))} (${r.refName}) |`);
    }
  }
  return lines.join('\n');
}

/** Where the app's time goes: when the wasm arrived, was instantiated, painted, drew. */
function appPhasesTable(results) {
  const lines = ['### The app\'s load, phase by phase (ms from navigation start, medians)', '',
    '| case | wasm fetched | wasm instantiated | timeline first painted | first contentful paint | fully drawn | drawn − instantiated |',
    '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const r of results) {
    // The page's own wasm arrives first (a worker's comes later) and is instantiated once.
    const wasmEnd = r.app.map((m) => Math.min(...m.files.filter((f) => f.url.endsWith('.wasm')).map((f) => f.end)));
    const instantiated = r.app.map((m) => m.wasm[0]?.end ?? NaN);
    const drawn = r.app.map((m) => m.drawn);
    // The release build's own performance mark, while it has one ('–' once it has not).
    const timeline = r.app.map((m) => m.marks['timeline-first-paint'] ?? NaN);
    lines.push(`| ${r.name} | ${ms(median(wasmEnd))} | ${ms(median(instantiated))} | ${ms(median(timeline))} | ${ms(median(r.app.map((m) => m.fcp)))} `
      + `| ${ms(median(drawn))} | ${ms(median(drawn.map((d, i) => d - instantiated[i])))} |`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const site = await makeSite();
  const server = await serveStatic(site);
  // Loopback only: any other host fails at once instead of waiting on a network we lack.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const sizes = fileSizer(site);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, chromium: browser.version() };
  const results = CASES.map((c) => ({ name: c.name, refName: c.refName, appUrl: c.app, refUrl: c.ref, app: [], ref: [] }));
  try {
    // A warm-up load of each page of the first case, not counted: the first loads after the
    // browser starts are slower (disk, caches of the process) and would penalize that case.
    await measure(browser, server.url + CASES[0].app, appDrawn, CASES[0].appDrawn, null, sizes);
    await measure(browser, server.url + CASES[0].ref, refDrawn, CASES[0].refDrawn, null, sizes);
    for (let run = 1; run <= RUNS; run++) {
      for (const [i, c] of CASES.entries()) {
        const app = await measure(browser, server.url + c.app, appDrawn, c.appDrawn, c.interact?.app, sizes);
        const ref = await measure(browser, server.url + c.ref, refDrawn, c.refDrawn, c.interact?.ref, sizes);
        results[i].app.push(app);
        results[i].ref.push(ref);
        for (const e of [...app.errors, ...ref.errors]) console.error(`  ${c.name}: page error: ${e}`);
        console.error(`run ${run}/${RUNS} ${c.name}: app ${ms(app.drawn)} ms, reference ${ms(ref.drawn)} ms`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(site, { recursive: true, force: true });
  }

  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, `${JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, dist: DIST, results })}\n`);
  console.log([
    `Benchmark of ${DIST}, ${new Date().toISOString().slice(0, 10)}, ${machine.cpus} cores (${machine.cpu}), Chromium ${machine.chromium}`,
    loadTable(results, 'drawn', 'Navigation start → fully drawn'),
    loadTable(results, 'fcp', 'Navigation start → first contentful paint'),
    bytesTable(results),
    framesTable(results),
    appPhasesTable(results),
    `Raw numbers: ${OUT}`,
  ].join('\n\n'));
}

await main();
