// The first paint: index.html carries the sample as static HTML (first-paint/sample.html), so the
// page shows it before the WebAssembly has arrived; other addresses wait for the app; the app
// removes it when it starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch } from './support.mjs';

const shared = serveAndLaunch();

/** A page whose WebAssembly never arrives: what the reader sees until it does. */
async function withoutWasm(query) {
  const context = await shared.browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.route('**/*_bg.wasm', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(shared.server.url + query);
  return { page, context };
}

test('before the app starts, the sample is on the page: title, summary, durations, timeline', async () => {
  const { page, context } = await withoutWasm('');
  const firstPaint = page.locator('#first-paint');
  await firstPaint.waitFor();
  assert.ok(await firstPaint.isVisible());
  assert.equal(await firstPaint.locator('h1').textContent(), 'The Great Cookie Catastrophe');
  assert.equal(await firstPaint.locator('ol.events > li').count(), 9);
  assert.match(await firstPaint.locator('ol.events > li').first().textContent(), /10:00.*Issue detected by monitoring/s);
  assert.match(await firstPaint.textContent(), /Time to detect/);
  assert.ok(await firstPaint.locator('svg').count() >= 1, 'the timeline picture');
  assert.match(await firstPaint.textContent(), /The interactive page is loading/);
  await context.close();
});

test('an address naming another incident or view does not flash the sample', async () => {
  for (const query of ['?src=public/incidents/dns-typo.txt', '?view=catalogue', '?embed=timeline']) {
    const { page, context } = await withoutWasm(query);
    await page.waitForLoadState('load');
    assert.equal(await page.locator('#first-paint').isVisible(), false, query);
    await context.close();
  }
});

test('the app replaces the first paint when it starts', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.getByTestId('incident-title').waitFor();
  assert.equal(await page.locator('#first-paint').count(), 0);
  assert.deepEqual(await page.locator('h1').allTextContents(), ['The Great Cookie Catastrophe']);
  await context.close();
});
