// Where the sample page's load spends its main-thread time (issue 14): opens DIST (a build
// without wasm-opt keeps function names, see docs/SIZE.md) in headless Chromium with the CPU
// profiler sampling every 100 µs, from navigation to fully drawn, and prints the functions
// with the most self time and the time by kind (WebAssembly, JavaScript, garbage collection,
// idle). Median-free, one run per call: for finding where time goes, not for figures.
//
//   DIST=/path/to/dist node bench/profile_load.mjs [query]
import { loadUntilDrawn, openSampleContext } from './sample_load.mjs';

const query = process.argv[2] ?? '';
const { server, context, page, close } = await openSampleContext();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const started = Date.now();
await loadUntilDrawn(page, `${server.url}${query}`);
const wall = Date.now() - started;
const { profile } = await cdp.send('Profiler.stop');
const nav = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])));
await close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const kinds = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]);
  const dt = (deltas[i + 1] ?? 0) / 1000;
  const f = node.callFrame;
  const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
  const kind = f.url.startsWith('wasm://') ? 'wasm' : /^\((garbage collector|idle|program|root)\)$/.test(name) ? name : 'js';
  self.set(name, (self.get(name) ?? 0) + dt);
  kinds.set(kind, (kinds.get(kind) ?? 0) + dt);
}
// Self time by crate: the first path segment of a Rust function's name (`<X as Y>::f`: X's).
const crates = new Map();
for (const [name, ms] of self) {
  const bare = name.replace(/^<+/, '').replace(/\[[0-9a-f]+\]/g, '');
  const crate = /^[a-z_][a-z0-9_]*::/.test(bare) ? bare.split('::')[0]
    : name.startsWith('__wbg_') ? `${name.replace(/^__wbg_([A-Za-z]+)_.*$/, '$1')} (a browser call from wasm)`
      : /^\(.*\)$/.test(name) ? name : 'other (JavaScript, wasm glue)';
  crates.set(crate, (crates.get(crate) ?? 0) + ms);
}
console.log(`wall ${wall} ms; marks ${nav}`);
console.log('by crate: ' + [...crates].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
console.log([...kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', '));
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45))) {
  console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 150)}`);
}
