// The catalogue home view: the list from public/incidents/index.json, search, filters, sort,
// aggregate figures, and titles that open the incident.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveStatic, launchBrowser, openPage } from './support.mjs';

let server;
let browser;
const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');

before(async () => {
  server = await serveStatic();
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const titles = (page) => page.locator('[data-testid="catalogue-row"] .cat-title a').allTextContents();

test('lists every incident newest first with figures, and searches, filters and sorts', async () => {
  const { page, errors, context } = await openPage(browser, `${server.url}?view=catalogue`);
  await page.getByTestId('catalogue-row').first().waitFor();
  assert.equal(await page.title(), 'Incident catalogue · Postmortem Explorer');
  assert.deepEqual(await titles(page), [
    'The One-Character DNS Outage', 'The Silent Queue Backlog', 'The Runaway Retry Storm',
    'The Midnight Certificate Expiry', 'The Great Cookie Catastrophe',
  ]);
  assert.equal(await page.getByTestId('figure-count').textContent(), '5');
  assert.equal(await page.getByTestId('figure-median').textContent(), '1 h 45 min');
  assert.deepEqual(
    await page.locator('[data-testid="per-month"] li').evaluateAll((li) => li.map((l) => l.getAttribute('aria-label'))),
    ['2024-01: 1', '2024-02: 0', '2024-03: 2', '2024-04: 0', '2024-05: 1', '2024-06: 0', '2024-07: 1'],
  );
  assert.match(await page.getByTestId('cause').first().textContent(), /configuration\s*2/);
  await page.screenshot({ path: join(ARTIFACTS, 'catalogue.png'), fullPage: true });

  await page.getByTestId('catalogue-search').fill('certificate');
  assert.deepEqual(await titles(page), ['The Midnight Certificate Expiry']);
  assert.equal(await page.getByTestId('catalogue-count').textContent(), '1 of 5 incidents');
  assert.equal(await page.getByTestId('figure-count').textContent(), '1', 'figures follow the filter');

  await page.getByTestId('catalogue-search').fill('');
  await page.getByTestId('catalogue-severity').selectOption('SEV1');
  assert.deepEqual(await titles(page), ['The One-Character DNS Outage', 'The Midnight Certificate Expiry']);
  await page.getByTestId('catalogue-service').selectOption('dns');
  assert.deepEqual(await titles(page), ['The One-Character DNS Outage']);
  await page.getByTestId('catalogue-severity').selectOption('');
  await page.getByTestId('catalogue-service').selectOption('');

  await page.locator('button.sort[data-sort="duration"]').click();
  assert.deepEqual((await titles(page))[0], 'The Silent Queue Backlog', 'longest first');
  await page.locator('button.sort[data-sort="duration"]').click();
  assert.deepEqual((await titles(page))[0], 'The One-Character DNS Outage', 'then shortest first');
  assert.equal(await page.locator('th[aria-sort="ascending"]').count(), 1);

  await page.getByRole('link', { name: 'The Runaway Retry Storm' }).click();
  await page.waitForURL(/src=/);
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'The Runaway Retry Storm');
  assert.equal(new URL(page.url()).searchParams.get('src'), 'public/incidents/retry-storm.txt');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the filters and the sort live in the URL; no match says so and clears; the sort menu works on a phone', async () => {
  const { page, context } = await openPage(browser, `${server.url}?view=catalogue`, { viewport: { width: 360, height: 740 } });
  await page.getByTestId('catalogue-row').first().waitFor();
  await page.getByTestId('catalogue-severity').selectOption('SEV1');
  await page.getByTestId('catalogue-sort').selectOption('title-asc');
  assert.deepEqual(await titles(page), ['The Midnight Certificate Expiry', 'The One-Character DNS Outage']);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('severity'), 'SEV1');
  assert.equal(url.searchParams.get('sort'), 'title');
  assert.equal(url.searchParams.get('order'), 'asc');
  assert.equal(url.searchParams.get('view'), 'catalogue');

  // The link reproduces the list.
  await page.goto(url.href);
  await page.getByTestId('catalogue-row').first().waitFor();
  assert.deepEqual(await titles(page), ['The Midnight Certificate Expiry', 'The One-Character DNS Outage']);
  assert.equal(await page.getByTestId('catalogue-severity').inputValue(), 'SEV1');
  assert.equal(await page.getByTestId('catalogue-sort').inputValue(), 'title-asc');

  await page.getByTestId('catalogue-search').fill('no such incident anywhere');
  await page.getByTestId('catalogue-empty').waitFor();
  assert.match(await page.getByTestId('catalogue-empty').textContent(), /No incident matches these filters/);
  await page.getByTestId('catalogue-clear').click();
  assert.equal((await titles(page)).length, 5);
  assert.equal(await page.getByTestId('catalogue-empty').count(), 0);
  assert.equal(new URL(page.url()).search, '?view=catalogue');
  await context.close();
});

test('a missing index says so', async () => {
  const { page, context } = await openPage(browser, `${server.url}?view=catalogue&index=public/nope.json`);
  const message = page.getByTestId('catalogue-error');
  await message.waitFor();
  assert.equal(await message.textContent(), 'Nothing was found at public/nope.json (404). Check the address.');
  await context.close();
});

test('the catalogue and the incident page fit a 360 px wide screen', async () => {
  for (const query of ['?view=catalogue', '']) {
    const { page, context } = await openPage(browser, `${server.url}${query}`, { viewport: { width: 360, height: 740 } });
    await page.locator('[data-testid="catalogue-row"], [data-testid="incident-title"]').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${query || 'incident'} page is ${width} px wide`);
    if (query) await page.screenshot({ path: join(ARTIFACTS, 'catalogue-360.png'), fullPage: true });
    await context.close();
  }
});
