// The cookie illustration in the release build: present in the sample page, driven by the
// playhead through its scrubber, with a text alternative that carries the figures, exports,
// and screenshots at three points of the incident (before impact, mid-outage, recovered).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveStatic, launchBrowser, openPage } from './support.mjs';

let server;
let browser;
const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
// 2024-01-15 in the incident's zone (UTC-5), as axis milliseconds.
const at = (hh, mm) => Date.UTC(2024, 0, 15, hh + 5, mm);

before(async () => {
  server = await serveStatic();
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Moves the scrubber to `value` the way a reader does: sets it and fires `input`. */
async function scrub(page, value) {
  await page.getByTestId('illustration-scrubber').evaluate((input, v) => {
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

async function sceneFacts(page) {
  const scene = page.getByTestId('illustration-scene');
  return {
    stage: await scene.getAttribute('data-stage'),
    engineers: await scene.locator('[data-role="engineer"]').count(),
    pieces: await scene.locator('[data-role="piece"]').count(),
    recovered: await scene.locator('[data-role="recovered-mark"]').count(),
    tag: await scene.locator('[data-role="root-cause-tag"]').count(),
    desc: await scene.locator('desc').textContent(),
  };
}

test('the illustration tells the sample incident and follows the scrubber', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  const card = page.getByTestId('illustration');
  await card.waitFor();
  await card.scrollIntoViewIfNeeded();

  // The text alternative states the data.
  const title = await page.locator('[data-testid="illustration-scene"] title').textContent();
  assert.equal(title, '30% of the cookie crumbled: 30% of users affected for 4 hours.');
  assert.equal(
    await page.getByTestId('illustration-scene').getAttribute('aria-labelledby'),
    'ci-title ci-desc',
  );
  assert.match(await page.getByTestId('illustration-caption').textContent(), /30% of users affected for 4 hours/);

  // At the end (no playhead): recovered, nine engineers, a rosette.
  let facts = await sceneFacts(page);
  assert.equal(facts.stage, 'recovered');
  assert.equal(facts.engineers, 9);
  assert.equal(facts.recovered, 1);
  assert.match(facts.desc, /14:00|14:12/);

  // Before the impact: whole, one engineer with coffee, no pieces off.
  await scrub(page, at(9, 50));
  facts = await sceneFacts(page);
  assert.equal(facts.stage, 'whole');
  assert.equal(facts.engineers, 1);
  assert.equal(facts.pieces, 0);
  assert.equal(facts.recovered, 0);
  assert.equal(await page.getByTestId('illustration-time').textContent(), '09:50');
  await card.screenshot({ path: join(ARTIFACTS, 'illustration-1-before-impact.png') });

  // Mid-outage: crumbling, pieces off, more engineers, the share so far in words.
  await scrub(page, at(11, 15));
  facts = await sceneFacts(page);
  assert.equal(facts.stage, 'crumbling');
  assert.ok(facts.pieces > 0, 'some pieces are off');
  assert.ok(facts.engineers > 1 && facts.engineers < 9, `${facts.engineers} engineers`);
  assert.match(facts.desc, /^11:15, 1 hour 15 minutes into the outage: \d+(\.\d)?% of the cookie has crumbled so far/);
  await card.screenshot({ path: join(ARTIFACTS, 'illustration-2-mid-outage.png') });

  // Root cause found: the crew gathers at the cache crumb, flagged.
  await scrub(page, at(12, 20));
  facts = await sceneFacts(page);
  assert.equal(facts.stage, 'root-cause-found');
  assert.equal(facts.tag, 1);
  assert.match(facts.desc, /30% of the cookie has crumbled; \d engineers gather at the cache crumb/);
  assert.match(await page.locator('[data-role="root-cause-tag"] text').textContent(), /^cache$/);
  await card.screenshot({ path: join(ARTIFACTS, 'illustration-root-cause.png') });

  // After recovery: mended with golden seams and marked recovered.
  await scrub(page, at(14, 10));
  facts = await sceneFacts(page);
  assert.equal(facts.stage, 'recovered');
  assert.equal(facts.pieces, 0);
  assert.equal(facts.recovered, 1);
  assert.ok(await page.locator('[data-role="seam"]').count() > 0);
  await card.screenshot({ path: join(ARTIFACTS, 'illustration-3-after-recovery.png') });

  assert.deepEqual(errors, []);
  await context.close();
});

test('play animates the playhead from the start to the end', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.getByTestId('illustration').waitFor();
  const play = page.getByTestId('illustration-play');
  await play.click();
  assert.equal(await play.getAttribute('aria-pressed'), 'true');
  await page.waitForTimeout(1500);
  const early = Number(await page.getByTestId('illustration-scrubber').inputValue());
  assert.ok(early > at(9, 48) && early < at(14, 12), `playhead ${early} moved into the incident`);
  await page.waitForFunction(() => document.querySelector('[data-testid="illustration-play"]').getAttribute('aria-pressed') === 'false', null, { timeout: 20000 });
  assert.equal(await page.getByTestId('illustration-scene').getAttribute('data-stage'), 'recovered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('with reduced motion, play jumps from milestone to milestone', async () => {
  const { page, errors, context } = await openPage(browser, server.url, { reducedMotion: 'reduce' });
  await page.getByTestId('illustration').waitFor();
  const seen = new Set();
  await page.getByTestId('illustration-play').click();
  for (let i = 0; i < 24; i += 1) {
    seen.add(await page.getByTestId('illustration-time').textContent());
    if (await page.getByTestId('illustration-play').getAttribute('aria-pressed') === 'false') break;
    await page.waitForTimeout(500);
  }
  // Only the milestones are ever shown: start, impact, mid-outage, root cause, mitigation, recovery, end.
  for (const time of seen) {
    assert.ok(['09:48', '10:00', '11:00', '12:00', '13:00', '14:00', '14:12'].includes(time), `unexpected ${time}`);
  }
  assert.ok(seen.size >= 4, [...seen].join(' '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the dark theme repaints the scene, and exports are escaped SVG and a PNG', async () => {
  const { page, errors, context } = await openPage(browser, server.url, {
    colorScheme: 'dark',
    acceptDownloads: true,
  });
  const card = page.getByTestId('illustration');
  await card.waitFor();
  const backdrop = await page.locator('[data-role="backdrop"] path').first().evaluate((el) => getComputedStyle(el).fill);
  assert.equal(backdrop, 'rgb(31, 26, 41)');
  await scrub(page, at(11, 15));
  await card.screenshot({ path: join(ARTIFACTS, 'illustration-dark-mid-outage.png') });

  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('illustration-export-svg').click(),
  ]);
  assert.equal(svgDownload.suggestedFilename(), 'the-great-cookie-catastrophe.svg');
  const svg = await readFile(await svgDownload.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<title id="ci-title">30% of the cookie crumbled: 30% of users affected for 4 hours.<\/title>/);
  assert.match(svg, /fill="#1f1a29"/);

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('illustration-export-png').click(),
  ]);
  assert.equal(pngDownload.suggestedFilename(), 'the-great-cookie-catastrophe.png');
  const png = await readFile(await pngDownload.path());
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  assert.equal(png.readUInt32BE(16), 1920);
  assert.equal(png.readUInt32BE(20), 1120);
  assert.deepEqual(errors, []);
  await context.close();
});
