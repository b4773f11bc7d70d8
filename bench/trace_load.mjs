// What the main thread does while the sample page loads (issue 14): a Chromium trace from
// navigation to fully drawn, summed by top-level task kind (style, layout, paint, script,
// WebAssembly compile, parsing) on the page's main thread. One run per call, for finding where
// time goes; the figures of record come from bench/compare.mjs.
//
//   DIST=/path/to/dist node bench/trace_load.mjs [query]
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadUntilDrawn, openSampleContext } from './sample_load.mjs';

const query = process.argv[2] ?? '';
const { server, browser, page, close } = await openSampleContext();
const path = join(tmpdir(), `trace-${process.pid}.json`);
await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
await loadUntilDrawn(page, `${server.url}${query}`);
const drawnAt = await page.evaluate(() => performance.now());
await browser.stopTracing();
await close();
const { traceEvents } = JSON.parse(await readFile(path, 'utf8'));
await rm(path);
const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
  && traceEvents.some((x) => x.pid === e.pid && x.name === 'ParseHTML'));
const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.pid === main.pid)?.ts
  ?? Math.min(...traceEvents.filter((e) => e.pid === main.pid && e.ts > 0).map((e) => e.ts));
const WANTED = ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'ParseHTML', 'ParseAuthorStyleSheet',
  'EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame',
  'v8.wasm.compiledModule', 'v8.wasm.streamFromResponseCallback', 'wasm.SyncCompile', 'wasm.CompileLazy', 'v8.wasm.compileLazy',
  'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'RunMicrotasks', 'HitTest', 'Decode Image', 'CompositeLayers', 'Commit', 'RunTask'];
const sums = new Map();
const timeline = [];
for (const e of traceEvents) {
  if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !WANTED.includes(e.name)) continue;
  const at = (e.ts - nav) / 1000;
  if (at > drawnAt + 50) continue;
  const ms = (e.dur ?? 0) / 1000;
  sums.set(e.name, (sums.get(e.name) ?? 0) + ms);
  if (ms >= 8 && e.name !== 'RunTask') timeline.push(`${at.toFixed(0).padStart(6)} ms +${ms.toFixed(0).padStart(4)} ${e.name}${e.args?.data?.url ? ' ' + e.args.data.url.split('/').pop() : ''}`);
}
console.log(`fully drawn at ${drawnAt.toFixed(0)} ms after navigation start`);
for (const [name, ms] of [...sums].sort((a, b) => b[1] - a[1])) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
// Each long top-level task with its largest parts, in order.
const tasks = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.dur >= 10_000);
for (const t of tasks) {
  const at = (t.ts - nav) / 1000;
  if (at > drawnAt + 50) continue;
  const inside = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t && e.dur >= 2_000);
  const parts = inside.map((e) => `${e.name}${e.args?.data?.functionName ? '(' + e.args.data.functionName + ')' : ''} ${(e.dur / 1000).toFixed(0)}`).slice(0, 8).join(', ');
  console.log(`task ${at.toFixed(0).padStart(6)} ms +${(t.dur / 1000).toFixed(0).padStart(4)}: ${parts}`);
}
console.log('tasks of 8 ms or more (nested ones included):');
console.log(timeline.join('\n'));
