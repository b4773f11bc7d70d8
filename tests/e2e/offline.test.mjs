// Offline reading (public/service-worker.js, public/offline.js): after one visit the app, and the
// incidents opened in it, open with no network, at the root and under a sub-path; a new version
// is offered by a banner, not forced, and its button reloads onto it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launchBrowser, serveStatic } from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** A new context and page recording errors; `page.goto` is left to the test. */
async function fresh() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, errors };
}

/** Waits until the service worker is active and controls `page`. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
}

/** Waits until `path` (relative to the page, any query) is in the worker's cache, asking every 50 ms. */
async function cached(page, path) {
  await page.evaluate(async (path) => {
    const url = new URL(path, document.baseURI).href;
    while (!(await caches.match(url, { ignoreSearch: true }))) await new Promise((wake) => { setTimeout(wake, 50); });
  }, path);
}

/** Waits until the only cache is the one of `version`, asking every 50 ms; returns the names. */
async function onlyCache(page, version) {
  return page.evaluate(async (version) => {
    const mine = (keys) => keys.length === 1 && keys[0].includes(`:${version}-`);
    let keys;
    while (!mine(keys = await caches.keys())) await new Promise((wake) => { setTimeout(wake, 50); });
    return keys;
  }, version);
}

async function title(page) {
  return (await page.getByTestId('incident-title').textContent()).trim();
}

async function waitTitle(page, text) {
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="incident-title"]')?.textContent.trim() === text,
    text,
  );
}

const SAMPLE = 'The Great Cookie Catastrophe';
const DNS = 'The One-Character DNS Outage';
const QUEUE = 'The Silent Queue Backlog';

/**
 * The reader's path, at `server.url`: a first visit opening an incident with ?src=, the sample,
 * another incident; then no network: each opens again, read by the parse worker.
 */
async function offlineAfterOneVisit(server) {
  const { context, page, errors } = await fresh();
  await page.goto(`${server.url}?src=public/incidents/dns-typo.txt`);
  await waitTitle(page, DNS);
  await controlled(page);
  const registration = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.ready;
    return { scope: r.scope, script: r.active.scriptURL };
  });
  assert.equal(registration.scope, server.url, 'the scope is the folder the app is served from');
  assert.ok(registration.script.startsWith(`${server.url}service-worker.js?build=`), registration.script);
  // What the first visit loaded before the worker controlled it is handed over and cached.
  await cached(page, 'public/incidents/dns-typo.txt');
  await cached(page, 'parse-worker_bg.wasm');
  // Later pages go through the worker: the sample, and another incident.
  await page.goto(server.url);
  await waitTitle(page, SAMPLE);
  await page.goto(`${server.url}?src=public/incidents/queue-backlog.txt`);
  await waitTitle(page, QUEUE);
  await cached(page, 'public/incidents/queue-backlog.txt');
  assert.deepEqual(errors, [], 'online');

  await context.setOffline(true);
  assert.equal(await page.evaluate(() => fetch('public/incidents/index.json?not-cached').then(() => 'fetched', () => 'offline')), 'offline');
  await page.reload();
  await waitTitle(page, QUEUE);
  // The incident is read by the parse worker, loaded from the cache (`?build=` and all).
  const worker = page.waitForEvent('worker');
  await page.goto(`${server.url}?src=public/incidents/dns-typo.txt`);
  await waitTitle(page, DNS);
  const parse = await worker;
  assert.match(parse.url(), /parse-worker_loader\.js\?build=/);
  assert.equal(await parse.evaluate(() => typeof wasm_bindgen), 'function');
  await page.goto(server.url);
  await waitTitle(page, SAMPLE);
  await page.goto(`${server.url}index.html`);
  await waitTitle(page, SAMPLE);
  // An incident never opened is not there: the app says it could not load it.
  await page.goto(`${server.url}?src=public/incidents/retry-storm.txt`);
  await page.locator('[data-testid="load-status"][data-state="failed"]').waitFor();
  await context.close();
}

const OFFLINE_RUNS = [
  ['/', 'after one visit the app and the incidents opened in it open with no network'],
  ['/postmortems/', 'under a sub-path (/postmortems/) the worker controls that folder only, and works offline'],
];

for (const [prefix, name] of OFFLINE_RUNS) {
  test(name, { timeout: 90_000 }, async () => {
    const server = await serveStatic(DIST, prefix);
    try {
      await offlineAfterOneVisit(server);
    } finally {
      await server.close();
    }
  });
}

test('an embed registers no worker (a documentation page does not download the whole app)', { timeout: 60_000 }, async () => {
  const server = await serveStatic(DIST, '/');
  const { context, page, errors } = await fresh();
  try {
    const requested = [];
    context.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.url}?embed=timeline&src=public/incidents/dns-typo.txt`);
    await page.locator('[data-testid="embed"] > *').first().waitFor();
    await page.waitForLoadState('load');
    // offline.js runs on load; a negative can only be checked after giving it the chance.
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
    assert.ok(!requested.some((url) => url.includes('service-worker.js')), requested.join('\n'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a draft written in the editor opens again with no network', { timeout: 90_000 }, async () => {
  const server = await serveStatic(DIST, '/postmortems/');
  const { context, page, errors } = await fresh();
  try {
    await page.goto(`${server.url}?view=edit`);
    const text = page.getByTestId('editor-text');
    await text.waitFor();
    await controlled(page);
    await text.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await text.pressSequentially('Title: Written offline later\n\nTimeline:\n- 2024-01-15 10:00 UTC Something broke\n', { delay: 0 });
    await page.waitForFunction(() => document.querySelector('[data-testid="draft-status"]')?.dataset.state === 'saved');
    // The editor's own bundle, loaded before the worker took over, is handed over and cached.
    await cached(page, 'editor_bg.wasm');
    assert.deepEqual(errors, [], 'online');

    await context.setOffline(true);
    await page.reload();
    await text.waitFor();
    await page.waitForFunction(() => /Written offline later/.test(document.querySelector('[data-testid="editor-text"]')?.value ?? ''));
    await page.locator('.editor-preview [data-testid="event"]').first().waitFor();
  } finally {
    await context.close();
    await server.close();
  }
});

/**
 * A copy of dist/ in a folder of its own, served at `/`, that the test may change between visits
 * as a deployment does; a first visit to its sample has installed the worker. `run` gets the
 * folder and the visit; everything is closed and removed afterwards.
 */
async function withInstalledCopy(run) {
  const dir = await mkdtemp(join(tmpdir(), 'offline-'));
  await cp(DIST, dir, { recursive: true, dereference: true });
  const server = await serveStatic(dir, '/');
  const visit = await fresh();
  try {
    await visit.page.goto(server.url);
    await waitTitle(visit.page, SAMPLE);
    await controlled(visit.page);
    await run(dir, visit);
  } finally {
    await visit.context.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

test('a new version is offered by a banner, not forced; its button reloads onto it', { timeout: 90_000 }, async () => {
  // The test changes the copy's service-worker.js between visits, as a deployment does.
  await withInstalledCopy(async (dir, { page, errors }) => {
    const names = () => page.evaluate(() => caches.keys());
    const before = await names();
    assert.equal(before.length, 1, `one cache: ${before}`);
    assert.match(before[0], /^postmortem-explorer:\/:1-/);
    assert.equal(await page.getByTestId('update-banner').count(), 0, 'no banner on a first visit');

    const script = join(dir, 'service-worker.js');
    const source = await readFile(script, 'utf8');
    assert.match(source, /const VERSION = '1';/);
    await writeFile(script, source.replace("const VERSION = '1';", "const VERSION = '2';"));
    await page.reload();
    await waitTitle(page, SAMPLE);
    const banner = page.getByTestId('update-banner');
    await page.getByTestId('update-reload').waitFor();
    assert.equal(await banner.getAttribute('role'), 'status');
    assert.match(await banner.textContent(), /A new version is available/);
    // Not forced: the old worker still controls the page, the new one waits.
    assert.equal(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => Boolean(r.waiting))), true);
    assert.ok((await names()).includes(before[0]), 'the old version keeps its cache while the new one waits');

    await page.evaluate(() => { window.__oldPage = true; });
    const reloaded = page.waitForEvent('load');
    await page.getByTestId('update-reload').click();
    await reloaded;
    await waitTitle(page, SAMPLE);
    assert.equal(await page.evaluate(() => window.__oldPage), undefined, 'the page reloaded');
    await controlled(page);
    // The new version controls the page, and the old version's cache is gone.
    await onlyCache(page, '2');
    assert.equal(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.waiting)), null);
    assert.equal(await banner.count(), 0);
    assert.deepEqual(errors, []);
  });
});

test('a deployment switches offline reading off with a meta tag, which removes an installed copy', { timeout: 90_000 }, async () => {
  await withInstalledCopy(async (dir, { page, errors }) => {
    const index = join(dir, 'index.html');
    const html = await readFile(index, 'utf8');
    await writeFile(index, html.replace('<head>', '<head>\n<meta name="postmortem-explorer:offline" content="off">'));
    await page.reload();
    await waitTitle(page, SAMPLE);
    // No worker, no cache of this folder left once the page has loaded...
    const left = await page.evaluate(async () => {
      const left = async () => [
        ...(await navigator.serviceWorker.getRegistrations()).map((r) => `worker ${r.scope}`),
        ...(await caches.keys()).map((name) => `cache ${name}`),
      ];
      for (let tries = 0; tries < 200 && (await left()).length; tries += 1) {
        await new Promise((wake) => { setTimeout(wake, 50); });
      }
      return left();
    });
    assert.deepEqual(left, [], 'nothing of the installed copy is left ten seconds after the load');
    // ...and none comes back: the next visit is not controlled and caches nothing.
    await page.reload();
    await waitTitle(page, SAMPLE);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
    assert.deepEqual(await page.evaluate(() => caches.keys()), []);
    assert.deepEqual(errors, []);
  });
});
