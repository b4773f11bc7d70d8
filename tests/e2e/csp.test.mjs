// Every view of the app under a strict Content-Security-Policy sent as a header (no inline
// script or style, WebAssembly allowed, nothing fetched from elsewhere): each renders, and not
// one `securitypolicyviolation` event fires, while the views are used (zoom, hover, select,
// export, theme).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch } from './support.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

const shared = serveAndLaunch({ 'content-security-policy': POLICY });

/** Opens `path` with a recorder of CSP violations installed before any script runs. */
async function open(path, options = {}) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${shared.server.url}${path}`);
  return { context, page, errors };
}

async function violations(page) {
  return page.evaluate(() => window.__violations);
}

test('the incident page runs under the strict policy, used, with no violation', async () => {
  const { context, page, errors } = await open('');
  await page.getByTestId('incident-title').waitFor();
  const stage = page.getByTestId('timeline-stage');
  await stage.focus();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByTestId('event-details').waitFor();
  // The axis ticks are placed through CSSOM: spread out, not piled at one x.
  const lefts = await page.locator('.tl-tick').evaluateAll((ticks) => ticks.map((t) => t.style.left));
  assert.ok(new Set(lefts).size >= 3, `tick positions: ${lefts}`);
  const chart = page.getByTestId('chart-plot');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 60);
  await page.getByTestId('chart-tooltip').waitFor();
  await page.getByTestId('theme-toggle').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('illustration-export-png').click();
  await download;
  await page.waitForTimeout(300);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the editor runs under the strict policy, used, with no violation', async () => {
  const { context, page, errors } = await open('?view=edit');
  const text = page.getByTestId('editor-text');
  await text.waitFor();
  await text.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nMore words.');
  await page.getByTestId('add-entry').click();
  await page.keyboard.type('Something happened');
  await page.getByTestId('start-menu').click();
  await page.getByTestId('start-sre-book').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="draft-status"]')?.dataset.state === 'saved');
  await page.waitForTimeout(500);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const path of [
  '?view=catalogue',
  '?src=public/incidents/dns-typo.txt',
  '?embed=timeline&src=public/incidents/dns-typo.txt',
  '?embed=timeline&compact',
  '?embed=chart&theme=dark',
  '?embed=illustration',
  '?embed=summary&src=public/incidents/missing.txt',
  'public/docs-example.html',
]) {
  test(`${path || 'the sample'} renders with no policy violation`, async () => {
    const { context, page, errors } = await open(path);
    await page.locator('[data-testid="incident-title"], [data-testid="catalogue-row"], [data-testid="embed"] > *, iframe').first().waitFor();
    await page.waitForTimeout(800);
    assert.deepEqual(await violations(page), []);
    for (const frame of page.frames().slice(1)) {
      assert.deepEqual(await frame.evaluate(() => window.__violations ?? []), [], frame.url());
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
