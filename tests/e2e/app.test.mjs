// The release build, served on loopback and opened in headless Chromium, shows the seed.
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

test('the sample opens with its title, nine events in order, 30% impact and no console error', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  const title = page.getByTestId('incident-title');
  await title.waitFor();
  assert.equal(await title.textContent(), 'The Great Cookie Catastrophe');
  assert.equal(await page.title(), 'The Great Cookie Catastrophe · Postmortem Explorer');
  assert.equal(await page.getByTestId('incident-dates').textContent(), 'Mon 15 Jan 2024, 10:00–14:00 UTC-05:00');
  // The summary card is headed with the author's own word for it.
  assert.equal(await page.locator('#summary-heading').textContent(), 'Issue Summary');
  // The first screen says what this is, that it is a sample, and how to open and publish your own.
  const welcome = await page.getByTestId('welcome').textContent();
  for (const said of [/sample postmortem/, /Open file…/, /\?src=path\/to\/postmortem\.md/, /Copy embed code/, /postmortem render FILE/]) {
    assert.match(welcome, said);
  }

  const events = page.getByTestId('event');
  assert.equal(await events.count(), 9);
  const times = await page.locator('[data-testid="event"] time').allTextContents();
  assert.deepEqual(times, ['10:00', '10:10', '10:15', '10:30', '11:00', '11:30', '12:00', '13:00', '14:00']);
  assert.match(await events.nth(6).textContent(), /Root cause identified as misconfigured cache/);
  assert.equal(
    await page.locator('[data-testid="event"] time').first().getAttribute('datetime'),
    '2024-01-15T10:00:00-05:00',
  );

  assert.equal((await page.getByTestId('impact-share').textContent()).trim(), '30%');
  assert.match(await page.getByTestId('duration').textContent(), /^4 h/);
  assert.match(await page.getByTestId('root-cause').textContent(), /misconfigured caching layer/);
  assert.equal(await page.locator('[data-testid="tasks"] tbody tr').count(), 3);

  const link = page.getByRole('link', { name: 'The Great Cookie Catastrophe' });
  assert.equal(await link.getAttribute('href'), 'https://github.com/alx-system_engineering-devops/0x19-postmortem');

  await page.screenshot({ path: join(ARTIFACTS, 'sample.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the app loads when dist/ is served under a sub-path', async () => {
  const sub = await serveStatic(undefined, '/postmortems/');
  try {
    const { page, errors, context } = await openPage(browser, sub.url);
    await page.getByTestId('incident-title').waitFor();
    assert.equal(await page.getByTestId('event').count(), 9);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await sub.close();
  }
});
