// Main-thread blocking while reading big files: opens each file through the file picker in
// headless Chromium and reports the longest task (PerformanceObserver `longtask` entries) and
// the total blocked time until the page shows the incident. A benchmark, not a test.
//
//   node bench/longtask.mjs FILE...        (after `trunk build --release`)
//
// It also reports the peak resident memory of the renderer processes (the tab and its parse
// worker), sampled every 50 ms from /proc while the file is read.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { serveStatic, launchBrowser } from '../tests/e2e/support.mjs';

const files = process.argv.slice(2);

/** Resident memory of this browser's renderer processes (the tab and its worker), in bytes. */
async function rendererBytes() {
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
  let total = 0;
  for (const { id } of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const status = await readFile(`/proc/${id}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    } catch { /* the process ended meanwhile */ }
  }
  return total;
}

/** Samples renderer memory every 50 ms until `stop()`, which returns the peak. */
function samplePeak() {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await rendererBytes());
      await new Promise((ok) => setTimeout(ok, 50));
    }
  })();
  return async () => { running = false; await loop; return peak; };
}
const server = await serveStatic(process.env.DIST || undefined);
const browser = await launchBrowser();
const browserSession = await browser.newBrowserCDPSession();
for (const file of files) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('incident-title').waitFor();
  await page.waitForTimeout(500);
  // The file reaches the page over the network (a route), then goes to the file input from
  // inside the page: handing 20 MB to setInputFiles would itself block the page for seconds
  // and be counted against the app.
  const buffer = await readFile(file);
  await page.route('**/__longtask-file', (route) => route.fulfill({ body: buffer, contentType: 'application/octet-stream' }));
  await page.evaluate(async (name) => {
    const blob = await (await fetch('__longtask-file')).blob();
    window.__file = new File([blob], name, { type: 'text/plain' });
  }, basename(file));
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.__tasks = []; });
  const before = await rendererBytes();
  const started = Date.now();
  const peak = samplePeak();
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid="file-input"]');
    const files = new DataTransfer();
    files.items.add(window.__file);
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // Done when the file is the open incident, its metrics were added, or it was refused.
  await page.waitForFunction((name) => document.querySelector('[data-testid="source-name"]')?.textContent === name
    || document.querySelector('[data-testid="load-status"][data-state="failed"]')
    || /^Added .* metric series from/.test(document.querySelector('[data-testid="load-status"]')?.textContent ?? ''),
  basename(file), { timeout: 120000 });
  const elapsed = Date.now() - started;
  await page.waitForTimeout(1000);
  const peakBytes = await peak();
  const tasks = await page.evaluate(() => window.__tasks);
  const outcome = await page.evaluate(() => document.querySelector('[data-testid="load-status"]')?.textContent ?? '');
  const longest = Math.max(0, ...tasks);
  const blocked = tasks.reduce((sum, t) => sum + Math.max(0, t - 50), 0);
  console.log(`${basename(file)}: ${(buffer.length / 1048576).toFixed(1)} MB, shown after ${elapsed} ms; `
    + `longest task ${longest.toFixed(0)} ms, ${tasks.length} long tasks, total blocking ${blocked.toFixed(0)} ms; `
    + `renderer memory ${(before / 1048576).toFixed(0)} MB before, at most ${(peakBytes / 1048576).toFixed(0)} MB while reading`
    + `\n  status: ${outcome.trim().slice(0, 160)}`);
  await context.close();
}
await browser.close();
await server.close();
