// The size budget: what a first visit downloads before the page can show anything (the HTML,
// its styles and script, and the app's WebAssembly, which draws the first view), and everything
// the app can fetch (adding the parse worker, fetched when a file is first opened). Sizes are
// gzip at zlib's default level, as static hosts serve them. Fails when either grows past its
// budget; the budgets were set from the figures of the build that introduced them (see README,
// "Size"), so a change that adds weight must say so here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './support.mjs';

const KB = 1024;
/** Bytes before the first paint, gzip. */
const FIRST_PAINT_BUDGET = 690 * KB;
/** Everything the app fetches, gzip. */
const TOTAL_BUDGET = 1040 * KB;

const gzipBytes = async (name) => gzipSync(await readFile(join(DIST, name))).length;

/** The files `index.html` loads itself: styles, the boot script, the app's script and wasm. */
async function firstPaintFiles() {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const names = ['index.html'];
  for (const [, attribute] of html.matchAll(/(?:href|src|data-js|data-wasm)="\.\/([^"]+)"/g)) {
    if (!/\.(svg|ico)$/.test(attribute)) names.push(attribute);
  }
  return [...new Set(names)];
}

test('the first visit stays within its size budget', async () => {
  const first = await firstPaintFiles();
  assert.ok(first.some((n) => n.endsWith('_bg.wasm')), `the app's wasm is among ${first}`);
  assert.ok(first.includes('public/boot.js'), `the boot script is among ${first}`);
  const worker = (await readdir(DIST)).filter((n) => n.startsWith('parse-worker'));
  assert.deepEqual(worker.sort(), ['parse-worker.js', 'parse-worker_bg.wasm', 'parse-worker_loader.js']);

  const sizes = Object.fromEntries(await Promise.all([...first, ...worker].map(async (n) => [n, await gzipBytes(n)])));
  const sum = (names) => names.reduce((total, n) => total + sizes[n], 0);
  const firstPaint = sum(first);
  const total = sum([...first, ...worker]);
  const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
  for (const [name, bytes] of Object.entries(sizes)) console.log(`${name.padEnd(48)} ${kb(bytes)} gzip`);
  console.log(`before the first paint: ${kb(firstPaint)} (budget ${kb(FIRST_PAINT_BUDGET)}); everything: ${kb(total)} (budget ${kb(TOTAL_BUDGET)})`);
  assert.ok(firstPaint <= FIRST_PAINT_BUDGET, `before the first paint: ${kb(firstPaint)} > budget ${kb(FIRST_PAINT_BUDGET)}`);
  assert.ok(total <= TOTAL_BUDGET, `everything: ${kb(total)} > budget ${kb(TOTAL_BUDGET)}`);
});
