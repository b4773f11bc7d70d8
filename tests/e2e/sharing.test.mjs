// Sharing and embedding: embed modes (one view, no chrome, height posted to the parent),
// embed.js in the example docs page, permalinks, the print layout, the dark theme, and a
// sub-path deployment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
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

/** A host page (same origin) with one iframe of `frameUrl`, recording the messages it posts. */
async function hostFrame(frameUrl, width = 360) {
  const { page, errors, context } = await openPage(browser, `${server.url}public/favicon.svg`);
  await page.goto(`${server.url}public/incidents/index.json`); // any same-origin page to host the frame
  await page.evaluate(([frameUrl, width]) => {
    document.documentElement.innerHTML = '<body></body>';
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
    const frame = document.createElement('iframe');
    frame.style.width = `${width}px`;
    frame.style.height = '200px';
    frame.src = frameUrl;
    document.body.appendChild(frame);
  }, [frameUrl, width]);
  const frame = page.frameLocator('iframe');
  return { page, errors, context, frame };
}

for (const view of ['timeline', 'chart', 'illustration', 'summary']) {
  test(`?embed=${view} shows one view without page chrome and posts its height`, async () => {
    const src = 'public/incidents/dns-typo.txt';
    const { page, frame, context } = await hostFrame(`${server.url}?embed=${view}&src=${encodeURIComponent(src)}`);
    await frame.getByTestId('embed').waitFor();
    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'postmortem-explorer:height'));
    // The title link shows the incident loaded from `src`.
    await frame.locator('.embed-title a', { hasText: 'The One-Character DNS Outage' }).waitFor();
    assert.equal(await frame.getByTestId('embed').getAttribute('data-view'), view);
    for (const chrome of ['.page-header', '[data-testid="share-bar"]', '[data-testid="file-input"]', '[data-testid="diagnostics"]']) {
      assert.equal(await frame.locator(chrome).count(), 0, `${chrome} is not in the embed`);
    }
    if (view === 'summary') assert.equal((await frame.getByTestId('duration').textContent()).trim().slice(0, 6), '46 min');
    if (view === 'timeline') assert.equal(await frame.getByTestId('event').count(), 0, 'the full list is a part to ask for');
    const sizes = await frame.locator('html').evaluate((html) => ({
      height: Math.ceil(document.body.getBoundingClientRect().height), width: html.scrollWidth }));
    assert.ok(sizes.width <= 360, `fits the frame's width: ${sizes.width}`);
    await page.waitForFunction((h) => window.__messages.at(-1).height === h, sizes.height);
    const last = await page.evaluate(() => window.__messages.at(-1));
    assert.deepEqual(Object.keys(last).sort(), ['height', 'src', 'type', 'view']);
    assert.equal(last.view, view);
    assert.equal(last.src, src);
    assert.ok(last.height > 0);
    await context.close();
  });
}

test('embed.js turns each div of the example docs page into an iframe sized to its content', async () => {
  const { page, errors, context } = await openPage(browser, `${server.url}public/docs-example.html`, { viewport: { width: 900, height: 900 } });
  const frames = page.locator('iframe');
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 8);
  assert.deepEqual(
    await frames.evaluateAll((fs) => fs.map((f) => new URL(f.src).searchParams.get('embed'))),
    ['summary', 'timeline', 'chart', 'illustration', 'summary', 'timeline', 'chart', 'summary'],
  );
  // The attributes reach the frame.
  const params = await frames.evaluateAll((fs) => fs.slice(5).map((f) => Object.fromEntries(new URL(f.src).searchParams)));
  assert.equal(params[0].compact, '1');
  assert.equal(params[0].from, '2024-01-15T15:00:00Z');
  assert.equal(params[1].theme, 'dark');
  assert.match(params[1].metrics, /\/public\/cookie-catastrophe\.metrics\.csv$/);
  // The broken one says so; the rendered picture loads.
  await page.frameLocator('iframe').nth(7).getByTestId('embed-error').waitFor();
  assert.equal(await page.locator('img[src="cookie-catastrophe.timeline.svg"]').evaluate((img) => img.complete && img.naturalWidth), 960);
  // The summary frame grows from its 320 px default to its content's height.
  const summary = page.frameLocator('iframe').first();
  await summary.getByTestId('summary').waitFor();
  const content = await summary.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
  await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height === h, content);
  assert.ok(content > 320 && content < 900, `the summary is taller than the default: ${content}`);
  const last = page.frameLocator('iframe').nth(4);
  await last.locator('.embed-title a', { hasText: 'The Midnight Certificate Expiry' }).waitFor();
  await page.locator('iframe').nth(1).scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(ARTIFACTS, 'docs-example.png'), fullPage: true });
  // The one error is the broken link's 404, on purpose.
  assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
  await context.close();
});

test('Copy link gives a permalink that reopens the same incident', async () => {
  const { page, context } = await openPage(browser, `${server.url}?src=public/incidents/queue-backlog.txt`);
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'The Silent Queue Backlog');
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-output').inputValue();
  assert.equal(new URL(link).searchParams.get('src'), 'public/incidents/queue-backlog.txt');

  const again = await context.newPage();
  await again.goto(link);
  await again.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'The Silent Queue Backlog');
  assert.equal(await again.getByTestId('event').count(), 6);

  await page.getByTestId('embed-view').selectOption('chart');
  await page.getByTestId('copy-embed').click();
  const code = await page.getByTestId('share-output').inputValue();
  assert.equal(
    code,
    `<div data-postmortem-src="${server.url}public/incidents/queue-backlog.txt" data-view="chart"></div>\n` +
      `<script src="${server.url}public/embed.js" defer></script>`,
  );
  await context.close();
});

test('the print layout is a clean report: every part, a still illustration, no controls, drawn light', async () => {
  const { page, context } = await openPage(browser, server.url, { colorScheme: 'dark' });
  await page.getByTestId('incident-title').waitFor();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['share-bar', 'file-input', 'diagnostics']) {
    assert.equal(await page.getByTestId(hidden).isVisible(), false, `${hidden} is hidden in print`);
  }
  // No control prints: buttons, inputs, the illustration's player.
  const controls = await page.locator('.button, .tl-btn, select, input, textarea, .ci-play, .ci-controls, .chart-actions')
    .evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(controls, []);
  for (const shown of ['incident-title', 'summary', 'key-durations', 'timeline-stage', 'chart-canvas', 'tasks']) {
    assert.equal(await page.getByTestId(shown).isVisible(), true, `${shown} is printed`);
  }
  for (const shown of ['.cookie-illustration .ci-stage', '.addendum']) {
    assert.equal(await page.locator(shown).first().isVisible(), true, `${shown} is printed`);
  }
  assert.equal(await page.getByTestId('event').count(), 9);
  assert.equal(await page.getByTestId('event').first().isVisible(), true);
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(background, 'rgb(255, 255, 255)');
  // The canvases are repainted light for paper, though the reader's system is dark.
  await page.waitForFunction(() => {
    const [r] = document.querySelector('[data-testid="chart-canvas"]').getContext('2d').getImageData(2, 2, 1, 1).data;
    return r > 200;
  });
  await page.screenshot({ path: join(ARTIFACTS, 'print.png'), fullPage: true });
  const pdf = join(ARTIFACTS, 'print.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  // The report's pages as PNGs, to look at (poppler's pdftoppm, installed by setup.sh).
  const pages = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, join(ARTIFACTS, 'print-page')]);
  assert.equal(pages.status, 0, String(pages.stderr));
  const printed = (await readdir(ARTIFACTS)).filter((f) => f.startsWith('print-page'));
  assert.ok(printed.length >= 2 && printed.length <= 5, `pages: ${printed.length}`);
  await context.close();
});

test('the theme follows the system, toggles to dark, and is remembered', async () => {
  const { page, context } = await openPage(browser, server.url, { colorScheme: 'light' });
  await page.getByTestId('incident-title').waitFor();
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(await background(), 'rgb(250, 247, 242)');
  await page.getByTestId('theme-toggle').click();
  assert.equal(await page.getByTestId('theme-toggle').textContent(), 'Theme: dark');
  assert.equal(await background(), 'rgb(22, 18, 15)');
  await page.reload();
  await page.getByTestId('incident-title').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await background(), 'rgb(22, 18, 15)');
  await page.screenshot({ path: join(ARTIFACTS, 'dark.png'), fullPage: true });
  await context.close();

  const dark = await openPage(browser, `${server.url}?view=catalogue`, { colorScheme: 'dark' });
  await dark.page.getByTestId('catalogue-row').first().waitFor();
  assert.equal(await dark.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(22, 18, 15)');
  await dark.page.screenshot({ path: join(ARTIFACTS, 'catalogue-dark.png'), fullPage: true });
  await dark.context.close();
});

test('the last opened incident can be reopened after a reload', async () => {
  const { page, context } = await openPage(browser, `${server.url}?src=public/incidents/dns-typo.txt`);
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'The One-Character DNS Outage');
  await page.goto(server.url);
  await page.getByTestId('incident-title').waitFor();
  assert.equal(await page.getByTestId('incident-title').textContent(), 'The Great Cookie Catastrophe', 'the default stays the sample');
  assert.equal(await page.getByTestId('reopen').textContent(), 'Reopen dns-typo.txt');
  await page.getByTestId('reopen').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'The One-Character DNS Outage');
  await context.close();
});

test('under a sub-path, ?src=, the catalogue and the docs page all resolve relative to the page', async () => {
  const sub = await serveStatic(undefined, '/postmortems/');
  try {
    const { page, errors, context } = await openPage(browser, `${sub.url}?src=public/incidents/retry-storm.txt`);
    await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'The Runaway Retry Storm');
    await page.goto(`${sub.url}?view=catalogue`);
    await page.getByTestId('catalogue-row').first().waitFor();
    assert.equal(await page.getByTestId('catalogue-row').count(), 5);
    await page.goto(`${sub.url}public/docs-example.html`);
    await page.frameLocator('iframe').first().getByTestId('summary').waitFor();
    assert.match(await page.locator('iframe').first().getAttribute('src'), /^http:\/\/127\.0\.0\.1:\d+\/postmortems\/\?embed=summary&src=/);
    // The docs page's broken link is broken on purpose (its 404); nothing else fails.
    assert.deepEqual(errors.filter((e) => !e.includes('404') && !e.includes('moved-away')), []);
    await context.close();
  } finally {
    await sub.close();
  }
});
