// The metrics chart in the release build: it draws the sample's illustrative metrics, hovering
// shows each series' value, zooming moves the shared window, and an incident without metrics
// shows its impact derived from the text, labelled as such.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveStatic, launchBrowser, openPage } from './support.mjs';

let server;
let browser;
const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
// Plot margins of the chart (src/draw/chart/render.rs): y labels left, a little room right.
const MARGIN_LEFT = 72;
const MARGIN_RIGHT = 16;

before(async () => {
  server = await serveStatic();
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `query` and waits for the chart's first draw. */
async function openChart(query = '') {
  const opened = await openPage(browser, server.url + query);
  const chart = opened.page.getByTestId('metrics-chart');
  await opened.page.waitForFunction(() => document.querySelector('[data-testid=metrics-chart]')?.dataset.renderMs);
  return { ...opened, chart };
}

/** The visible window the chart drew, in axis ms. */
async function chartWindow(chart) {
  return {
    start: Number(await chart.getAttribute('data-window-start')),
    end: Number(await chart.getAttribute('data-window-end')),
  };
}

/** Page coordinates of axis time `at`, `dy` pixels below the top of the plot. */
async function pointAt(page, chart, at, dy = 80) {
  // The page above the chart is long: bring the chart into the viewport before pointing at it.
  await page.getByTestId('chart-canvas').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('chart-canvas').boundingBox();
  const { start, end } = await chartWindow(chart);
  const x0 = MARGIN_LEFT;
  const x1 = box.width - MARGIN_RIGHT - 1;
  return { x: box.x + x0 + ((at - start) / (end - start)) * (x1 - x0), y: box.y + dy };
}

const AT_1130_EST = Date.parse('2024-01-15T11:30:00-05:00');

test('the chart draws the sample metrics, labelled illustrative', async () => {
  const { page, errors, context, chart } = await openChart();
  assert.equal(await chart.getAttribute('data-origin'), 'illustrative');
  assert.equal(await page.getByTestId('chart-note').textContent(), 'illustrative data — not measured');
  // The default window is the incident (09:48–14:12 EST with margin): both series' one-minute
  // samples inside it, 2 × 267, are fewer than the pixel columns, so M4 keeps every one.
  assert.equal(await chart.getAttribute('data-drawn-points'), '534');
  const orange = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid=chart-canvas]');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === 0xc2 && data[i + 1] === 0x41 && data[i + 2] === 0x0c) count++;
    }
    return count;
  });
  assert.ok(orange > 200, `error-rate line pixels: ${orange}`);
  await chart.screenshot({ path: join(ARTIFACTS, 'chart-sample.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('hovering shows the tooltip with each series value and the event under the pointer', async () => {
  const { page, errors, context, chart } = await openChart();
  const { x, y } = await pointAt(page, chart, AT_1130_EST);
  await page.mouse.move(x, y);
  const tooltip = page.getByTestId('chart-tooltip');
  await tooltip.waitFor();
  assert.match(await tooltip.textContent(), /2024-01-15 11:30:00 UTC-05:00/);
  const values = await page.getByTestId('chart-tooltip-value').allTextContents();
  assert.equal(values.length, 2);
  const errorRate = Number.parseFloat(values[0]);
  assert.ok(values[0].endsWith('%') && errorRate > 25 && errorRate < 36, `error rate ${values[0]}`);
  assert.match(values[1], /^\d+ ms$/);
  assert.match(await page.getByTestId('chart-event-label').textContent(), /11:30 Escalated to senior engineering team/);
  await chart.screenshot({ path: join(ARTIFACTS, 'chart-hover.png') });

  await page.mouse.down();
  await page.mouse.up();
  // Clicking the marker selects the event (view.selected); the chart marks it.
  await page.locator('.chart-event.selected').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('zooming changes the chart window, and Show all restores it', async () => {
  const { page, errors, context, chart } = await openChart();
  const whole = await chartWindow(chart);
  const timelineZoom = page.getByTestId('zoom-in');
  if (await timelineZoom.count()) {
    await timelineZoom.first().click();
  } else {
    const { x, y } = await pointAt(page, chart, AT_1130_EST);
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, -300);
  }
  await page.waitForFunction(
    (start) => document.querySelector('[data-testid=metrics-chart]').dataset.windowStart !== String(start),
    whole.start,
  );
  const zoomed = await chartWindow(chart);
  assert.ok(zoomed.end - zoomed.start < (whole.end - whole.start) * 0.9, 'the window narrowed');
  assert.ok(zoomed.start >= whole.start && zoomed.end <= whole.end);
  await page.getByTestId('chart-reset').click();
  await page.waitForFunction(
    (start) => document.querySelector('[data-testid=metrics-chart]').dataset.windowStart === String(start),
    whole.start,
  );
  assert.deepEqual(await chartWindow(chart), whole);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an incident without metrics shows its impact derived from the text, labelled', async () => {
  const { page, errors, context, chart } = await openChart('?synthetic=50,0');
  assert.equal(await chart.getAttribute('data-origin'), 'derived');
  assert.equal(
    await page.getByTestId('chart-note').textContent(),
    'derived from the postmortem text — not measured',
  );
  const { x, y } = await pointAt(page, chart, Date.parse('2024-01-15T12:00:00Z'));
  await page.mouse.move(x, y);
  await page.getByTestId('chart-tooltip').waitFor();
  assert.deepEqual(await page.getByTestId('chart-tooltip-value').allTextContents(), ['40%']);
  assert.match(await page.getByTestId('chart-tooltip').textContent(), /users affected/);
  await chart.screenshot({ path: join(ARTIFACTS, 'chart-derived.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the chart and the timeline zoom by the same step', async () => {
  const { page, errors, context, chart } = await openChart();
  const whole = await chartWindow(chart);
  await page.getByTestId('chart-plot').focus();
  await page.keyboard.press('+');
  await page.waitForFunction(
    (start) => document.querySelector('[data-testid=metrics-chart]').dataset.windowStart !== String(start),
    whole.start,
  );
  const byKey = await chartWindow(chart);
  const step = (whole.end - whole.start) / (byKey.end - byKey.start);
  assert.ok(Math.abs(step - 1.5) < 0.01, `the chart's + key zooms by ${step}`);
  await page.getByTestId('chart-reset').click();
  await page.getByTestId('zoom-in').first().click();
  await page.waitForFunction(
    (start) => document.querySelector('[data-testid=metrics-chart]').dataset.windowStart !== String(start),
    whole.start,
  );
  const byButton = await chartWindow(chart);
  const buttonStep = (whole.end - whole.start) / (byButton.end - byButton.start);
  assert.ok(Math.abs(buttonStep - 1.5) < 0.01, `the timeline's + button zooms by ${buttonStep}`);
  assert.deepEqual(errors, []);
  await context.close();
});
