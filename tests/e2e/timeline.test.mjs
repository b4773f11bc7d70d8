// The interactive timeline in the release build: zoom, pan, keyboard, deep links, durations,
// time zones, filter and search, and 10,000 synthetic events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveStatic, launchBrowser, openPage } from './support.mjs';

let server;
let browser;
const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
const HOUR = 3_600_000;
const SEED_START = Date.UTC(2024, 0, 15, 15); // 10:00 at UTC-05:00

before(async () => {
  server = await serveStatic();
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the app (with `query`) and returns the page, the stage and a window reader. */
async function open(query = '', options = {}) {
  const opened = await openPage(browser, server.url + query, options);
  const stage = opened.page.getByTestId('timeline-stage');
  await stage.waitFor();
  await stage.scrollIntoViewIfNeeded();
  const windowNow = async () => ({
    start: Number(await stage.getAttribute('data-window-start')),
    end: Number(await stage.getAttribute('data-window-end')),
  });
  return { ...opened, stage, windowNow };
}

const ticks = (page) => page.locator('[data-testid="tick"]').allTextContents();

test('the wheel and the buttons zoom the visible window, and Fit restores it', async () => {
  const { page, stage, windowNow, errors, context } = await open();
  const whole = await windowNow();
  assert.equal(whole.end - whole.start, 4 * HOUR + 24 * 60_000); // 4 h + 2 × 12 min margin
  const box = await stage.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction(() => document.querySelector('[data-testid=timeline-stage]').dataset.windowStart !== undefined);
  await assert.doesNotReject(() => page.waitForFunction(
    (span) => { const d = document.querySelector('[data-testid=timeline-stage]').dataset; return d.windowEnd - d.windowStart < span; },
    whole.end - whole.start,
  ));
  const zoomed = await windowNow();
  assert.ok(zoomed.start > whole.start && zoomed.end < whole.end, 'zooming in narrows both sides');
  const beforeButton = zoomed.end - zoomed.start;
  await page.getByTestId('zoom-in').click();
  const twice = await windowNow();
  assert.ok(Math.abs((twice.end - twice.start) - beforeButton / 1.5) < 2, 'the + button zooms by the one zoom step, 1.5');
  await page.getByTestId('zoom-fit').click();
  assert.deepEqual(await windowNow(), whole);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging pans the window without changing its span', async () => {
  const { page, stage, windowNow, errors, context } = await open();
  await page.getByTestId('zoom-in').click();
  await page.getByTestId('zoom-in').click();
  const before = await windowNow();
  const box = await stage.boundingBox();
  const y = box.y + box.height - 40;
  await page.mouse.move(box.x + 600, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 500, y, { steps: 5 });
  await page.mouse.move(box.x + 400, y, { steps: 5 });
  await page.mouse.up();
  const after = await windowNow();
  const span = before.end - before.start;
  assert.ok(Math.abs((after.end - after.start) - span) < 2, 'same span');
  const expected = (200 / box.width) * span;
  assert.ok(Math.abs((after.start - before.start) - expected) < span * 0.01, `moved later by ~200 px: ${after.start - before.start} vs ${expected}`);
  // The overview box follows.
  const style = await page.getByTestId('overview-window').getAttribute('style');
  assert.match(style, /left:\s*[1-9]/);
  // Arrow keys pan too.
  await stage.focus();
  await page.keyboard.press('ArrowLeft');
  const keyed = await windowNow();
  assert.ok(Math.abs((after.start - keyed.start) - span * 0.1) < 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the keyboard steps through events and selects one, and the list follows', async () => {
  const { page, stage, errors, context } = await open();
  await stage.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  assert.match(await page.getByTestId('timeline-announcement').textContent(), /^Event 3 of 9: 2024-01-15 10:15 UTC-05:00, Investigation initiated/);
  await page.keyboard.press('Enter');
  const details = page.getByTestId('event-details');
  assert.match(await page.getByTestId('details-text').textContent(), /Investigation initiated/);
  assert.equal(await page.getByTestId('details-time').textContent(), '2024-01-15 10:15 UTC-05:00');
  assert.match(await details.textContent(), /Event 3 of 9/);
  assert.match(await details.textContent(), /\+15 min from impact start/);
  const current = page.locator('[data-testid="event"][aria-current="true"]');
  assert.equal(await current.count(), 1);
  assert.match(await current.textContent(), /Investigation initiated/);
  await page.waitForFunction(() => location.search.includes('event=3'));
  await page.getByRole('button', { name: 'Next →' }).click();
  assert.match(await page.getByTestId('details-text').textContent(), /Initially suspected database overload/);
  await stage.focus();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-testid="event"][aria-current="true"]').count(), 0);
  // A click on a marker selects its event: 12:00 sits in the middle of the 09:48–14:12 window,
  // on the marker row 36 px above the bottom of the 280 px canvas.
  const box = await stage.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + 280 - 36);
  assert.match(await page.getByTestId('details-text').textContent(), /Root cause identified/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link restores the selected event, window and zone; back and forward restore the view', async () => {
  const query = '?event=7&from=2024-01-15T16:30:00Z&to=2024-01-15T17:30:00Z';
  const { page, stage, windowNow, errors, context } = await open(query);
  assert.deepEqual(await windowNow(), { start: Date.UTC(2024, 0, 15, 16, 30), end: Date.UTC(2024, 0, 15, 17, 30) });
  assert.match(await page.getByTestId('details-text').textContent(), /Root cause identified as misconfigured cache/);
  // Ticks every 10 min; the ones on the very edges (11:30, 12:30) are left unlabelled.
  assert.deepEqual(await ticks(page), ['11:40', '11:50', '12:00', '12:10', '12:20']);

  // Select another event, then go back.
  await stage.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('event=8'));
  assert.match(await page.getByTestId('details-text').textContent(), /Cache configuration corrected/);
  await page.goBack();
  await page.waitForFunction(() => location.search.includes('event=7'));
  assert.match(await page.getByTestId('details-text').textContent(), /Root cause identified/);
  await page.goForward();
  await page.waitForFunction(() => location.search.includes('event=8'));
  assert.match(await page.getByTestId('details-text').textContent(), /Cache configuration corrected/);

  // A reload restores the view as the URL holds it.
  await page.reload();
  await stage.waitFor();
  assert.match(await page.getByTestId('details-text').textContent(), /Cache configuration corrected/);
  const restored = await windowNow();
  assert.ok(restored.start <= Date.UTC(2024, 0, 15, 18) && restored.end >= Date.UTC(2024, 0, 15, 18), 'event 8 (13:00 = 18:00Z) in view');
  // The reload may cancel the favicon fetch of the page it replaces; nothing else may fail.
  assert.deepEqual(errors.filter((e) => !/request failed: .*favicon/.test(e)), []);
  await context.close();
});

test("the seed's key durations read 10 min, 2 h, 3 h and 4 h, each with its basis", async () => {
  const { page, errors, context } = await open();
  const read = async (name) => {
    const item = page.locator(`[data-testid="key-duration"][data-name="${name}"]`);
    return [await item.getByTestId('key-duration-value').textContent(), await item.textContent()];
  };
  const [ack, ackText] = await read('Time to acknowledge');
  assert.equal(ack, '10 min');
  assert.match(ackText, /from impact start \(stated 10:00\) to event 2 at 10:10/);
  assert.equal((await read('Time to root cause'))[0], '2 h');
  assert.match((await read('Time to root cause'))[1], /event 7 at 12:00/);
  assert.equal((await read('Time to mitigate'))[0], '3 h');
  assert.equal((await read('Time to resolve'))[0], '4 h');
  assert.equal((await read('Total impact'))[0], '4 h');
  assert.equal(await page.getByTestId('anomaly').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the time-zone switch changes the axis, the details and the list', async () => {
  const { page, errors, context } = await open('?event=1', { timezoneId: 'Asia/Kolkata' });
  assert.equal((await ticks(page))[0], '10:00');
  assert.match(await page.getByTestId('axis-context').textContent(), /Mon 15 Jan 2024 · UTC-05:00/);
  assert.equal(await page.getByTestId('zone-local').textContent(), 'Local (UTC+05:30)');

  await page.getByTestId('zone-utc').click();
  assert.equal(await page.getByTestId('zone-utc').getAttribute('aria-pressed'), 'true');
  assert.equal((await ticks(page))[0], '15:00');
  assert.match(await page.getByTestId('axis-context').textContent(), /· UTC$/);
  assert.equal(await page.getByTestId('details-time').textContent(), '2024-01-15 15:00 UTC');
  assert.equal(await page.locator('[data-testid="event"] time').first().textContent(), '15:00');
  await page.waitForFunction(() => location.search.includes('zone=utc'));

  await page.getByTestId('zone-local').click();
  assert.equal((await ticks(page))[0], '20:30');
  assert.equal(await page.locator('[data-testid="event"] time').first().textContent(), '20:30');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the legend filters kinds and search highlights matches', async () => {
  const { page, errors, context } = await open();
  const inView = page.getByTestId('in-view');
  assert.equal(await inView.textContent(), '9 events in view');
  await page.getByTestId('kind-investigating').click();
  assert.equal(await page.getByTestId('kind-investigating').getAttribute('aria-pressed'), 'false');
  assert.equal(await inView.textContent(), '7 events in view');
  await page.waitForFunction(() => location.search.includes('hide=investigating'));
  await page.getByTestId('timeline-search').fill('cache');
  assert.equal(await page.getByTestId('match-count').textContent(), '2 matches');
  await page.getByTestId('timeline-search').press('Enter');
  assert.match(await page.getByTestId('details-text').textContent(), /misconfigured cache/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('10,000 synthetic events render clustered, and a screenshot of the seed is kept', async () => {
  const big = await open('?synthetic=10000');
  assert.equal(await big.page.getByTestId('in-view').textContent(), '10000 events in view');
  await big.page.getByTestId('timeline-view').screenshot({ path: join(ARTIFACTS, 'timeline-10000.png') });
  assert.equal(await big.page.getByTestId('event').count(), 100, 'the list shows one page');
  assert.deepEqual(big.errors, []);
  await big.context.close();

  const seed = await open('?event=7');
  await seed.page.getByTestId('timeline-view').screenshot({ path: join(ARTIFACTS, 'timeline.png') });
  assert.deepEqual(seed.errors, []);
  await seed.context.close();
});
