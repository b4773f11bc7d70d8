// Embeds docs authors can trust: a failing `src` shows its error (never the sample) and still
// posts its height; `theme=` wins over the reader's stored preference; canvases are dark in the
// dark theme (read as pixels); the chart embed reflows with its frame; the compact timeline is
// short; the view in the URL (event, from, to, zone) applies to every embed and survives
// "Copy link"; a vertical swipe on the timeline scrolls the page on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, serveAndLaunch, openPage } from './support.mjs';

const shared = serveAndLaunch();
const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
const SAMPLE_TITLE = 'The Great Cookie Catastrophe';

/** A same-origin host page with one iframe of `frameUrl` `width` px wide, recording posted messages. */
async function hostFrame(frameUrl, { width = 600, colorScheme = 'light', routes = {} } = {}) {
  const context = await shared.browser.newContext({ viewport: { width: 1300, height: 900 }, colorScheme });
  for (const [pattern, handler] of Object.entries(routes)) await context.route(pattern, handler);
  const page = await context.newPage();
  await page.goto(`${shared.server.url}public/incidents/index.json`);
  await page.evaluate(([frameUrl, width]) => {
    document.documentElement.innerHTML = '<body style="margin:0"></body>';
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
    const frame = document.createElement('iframe');
    frame.style.cssText = `width:${width}px;height:200px;border:0`;
    frame.src = frameUrl;
    document.body.appendChild(frame);
  }, [frameUrl, width]);
  return { context, page, frame: page.frameLocator('iframe') };
}

/** The height of the frame's body, once its last posted height matches it. */
async function postedHeight(page, frame) {
  const height = await frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
  await page.waitForFunction((h) => window.__messages.at(-1)?.height === h, height);
  return height;
}

const FAILURES = [
  { name: '404', src: 'public/incidents/missing.txt', code: 'not-found', says: /404/ },
  { name: 'server error', src: 'public/broken.txt', code: 'http-status', says: /500/,
    route: (r) => r.fulfill({ status: 500, body: 'oops' }) },
  { name: 'network', src: 'public/offline.txt', code: 'network', says: /Could not reach/,
    route: (r) => r.abort('connectionrefused') },
  { name: 'not text', src: 'public/binary.txt', code: 'not-text', says: /not a text file: it looks like a PNG image/,
    route: (r) => r.fulfill({ status: 200, contentType: 'text/plain', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }) },
  { name: 'a web page', src: 'public/spa.md', code: 'not-a-postmortem', says: /web page/,
    route: (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>' }) },
  { name: 'a metrics file', src: 'public/cookie-catastrophe.metrics.csv', code: 'not-a-postmortem', says: /metric series/ },
];

for (const failure of FAILURES) {
  test(`an embed whose src fails (${failure.name}) shows the error, never the sample, and posts its height`, async () => {
    const routes = failure.route ? { [`**/${failure.src}`]: failure.route } : {};
    const { context, page, frame } = await hostFrame(
      `${shared.server.url}?embed=summary&src=${encodeURIComponent(failure.src)}`, { routes });
    const error = frame.getByTestId('embed-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-error'), failure.code);
    assert.match(await frame.getByTestId('embed-error-message').textContent(), failure.says);
    assert.equal(await frame.getByTestId('summary').count(), 0, 'no summary is shown');
    assert.ok(!(await frame.locator('body').textContent()).includes(SAMPLE_TITLE), 'the sample is never shown');
    const height = await postedHeight(page, frame);
    assert.ok(height > 40 && height < 300, `the error's height is posted: ${height}`);
    assert.equal(await page.evaluate(() => window.__messages.at(-1).src), failure.src);
    await context.close();
  });
}

test('an embed shows that it is loading, not the sample, while its src is on its way', async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const routes = { '**/public/incidents/dns-typo.txt': async (r) => { await held; await r.continue(); } };
  const { context, frame } = await hostFrame(
    `${shared.server.url}?embed=timeline&src=${encodeURIComponent('public/incidents/dns-typo.txt')}`, { routes });
  await frame.getByTestId('embed-loading').waitFor();
  assert.equal(await frame.getByTestId('timeline-view').count(), 0);
  assert.ok(!(await frame.locator('body').textContent()).includes(SAMPLE_TITLE));
  release();
  await frame.locator('.embed-title a', { hasText: 'The One-Character DNS Outage' }).waitFor();
  assert.equal(await frame.getByTestId('embed-loading').count(), 0);
  await context.close();
});

/** Mean luminance (0–1) of the opaque pixels of the canvas found by `selector` in `target`. */
function canvasLuminance(target, selector) {
  return target.locator(selector).evaluate((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < data.length; i += 16) {
      if (data[i + 3] < 200) continue;
      sum += (0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]) / 255;
      count += 1;
    }
    return count ? sum / count : -1;
  });
}

test('theme= decides an embed\'s colours, whatever the reader stored for the app', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 900, height: 900 }, colorScheme: 'light' });
  await context.addInitScript(() => localStorage.setItem('postmortem-explorer:theme', '"dark"'));
  const page = await context.newPage();
  const themeOf = () => page.evaluate(() => document.documentElement.dataset.theme);
  const background = () => page.getByTestId('summary').evaluate((el) => getComputedStyle(el).backgroundColor);

  // The app itself follows the stored preference...
  await page.goto(shared.server.url);
  await page.getByTestId('incident-title').waitFor();
  assert.equal(await themeOf(), 'dark');
  // ...an embed does not: auto (the default) is the host's system setting.
  for (const [query, want, colour] of [
    ['', 'light', 'rgb(255, 255, 255)'],
    ['&theme=auto', 'light', 'rgb(255, 255, 255)'],
    ['&theme=light', 'light', 'rgb(255, 255, 255)'],
    ['&theme=dark', 'dark', 'rgb(33, 27, 23)'],
  ]) {
    await page.goto(`${shared.server.url}?embed=summary${query}`);
    await page.getByTestId('summary').waitFor();
    assert.equal(await themeOf(), want, `?embed=summary${query}`);
    assert.equal(await background(), colour, `?embed=summary${query}`);
  }
  // The embed never stores its theme as the reader's.
  assert.equal(await page.evaluate(() => localStorage.getItem('postmortem-explorer:theme')), '"dark"');
  await context.close();

  const dark = await shared.browser.newContext({ colorScheme: 'dark' });
  const darkPage = await dark.newPage();
  await darkPage.goto(`${shared.server.url}?embed=summary`);
  await darkPage.getByTestId('summary').waitFor();
  assert.equal(await darkPage.evaluate(() => document.documentElement.dataset.theme), 'dark', 'auto follows a dark host');
  await dark.close();
});

test('the timeline, chart and illustration are drawn dark in the dark theme (canvas pixels)', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url, { colorScheme: 'light' });
  await page.getByTestId('incident-title').waitFor();
  await page.getByTestId('chart-canvas').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const light = {
    timeline: await canvasLuminance(page, '.tl-canvas'),
    chart: await canvasLuminance(page, '[data-testid="chart-canvas"]'),
  };
  assert.ok(light.timeline > 0.75, `light timeline: ${light.timeline}`);
  assert.ok(light.chart > 0.85, `light chart: ${light.chart}`);

  await page.getByTestId('theme-toggle').click(); // system → dark
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid="chart-canvas"]');
    const [r] = c.getContext('2d').getImageData(2, 2, 1, 1).data;
    return r < 80;
  });
  const dark = {
    timeline: await canvasLuminance(page, '.tl-canvas'),
    chart: await canvasLuminance(page, '[data-testid="chart-canvas"]'),
  };
  assert.ok(dark.timeline < 0.3, `dark timeline: ${dark.timeline}`);
  assert.ok(dark.chart < 0.15, `dark chart: ${dark.chart}`);
  // The illustration's night backdrop, from the same theme.
  const backdrop = await page.locator('.cookie-illustration .f-backdrop').first()
    .evaluate((el) => getComputedStyle(el).fill);
  assert.equal(backdrop, 'rgb(31, 26, 41)');
  await page.screenshot({ path: join(ARTIFACTS, 'dark-canvases.png'), fullPage: true });

  // Printing draws light again, whatever the theme.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid="chart-canvas"]');
    const [r] = c.getContext('2d').getImageData(2, 2, 1, 1).data;
    return r > 200;
  });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await context.close();
});

test('the chart embed reflows with its frame, both ways (480 and 1,200 px)', async () => {
  const { context, page, frame } = await hostFrame(`${shared.server.url}?embed=chart`, { width: 1200 });
  const canvas = frame.getByTestId('chart-canvas');
  await canvas.waitFor();
  const measure = () => frame.locator('html').evaluate((html) => {
    const canvas = document.querySelector('[data-testid="chart-canvas"]');
    const buttons = [...document.querySelectorAll('.chart-actions button')].map((b) => b.getBoundingClientRect().right);
    return { canvas: canvas.getBoundingClientRect().width, scroll: html.scrollWidth, client: html.clientWidth, buttons: Math.max(...buttons) };
  });
  const wide = await measure();
  assert.ok(wide.canvas > 1000 && wide.canvas <= 1200, `wide: ${JSON.stringify(wide)}`);
  for (const width of [480, 1200, 480]) {
    await page.evaluate((w) => { document.querySelector('iframe').style.width = `${w}px`; }, width);
    await page.waitForFunction(([w]) => {
      const doc = document.querySelector('iframe').contentDocument;
      const c = doc.querySelector('[data-testid="chart-canvas"]');
      const width = c?.getBoundingClientRect().width ?? 0;
      return width <= w && width > w - 150;
    }, [width]);
    const sizes = await measure();
    assert.ok(sizes.canvas <= width && sizes.scroll <= sizes.client, `${width}: ${JSON.stringify(sizes)}`);
    assert.ok(sizes.buttons <= width, `buttons fit at ${width}: ${sizes.buttons}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'embed-chart-480.png') });
  await context.close();
});

test('the compact timeline embed is the plot and one line of durations', async () => {
  const { context, page, frame } = await hostFrame(`${shared.server.url}?embed=timeline&compact`, { width: 600 });
  await frame.locator('.tl-canvas').waitFor();
  const line = await frame.getByTestId('key-durations-line').textContent();
  assert.match(line, /Time to detect .* · Total impact 4 h/);
  for (const gone of ['.tl-toolbar', '.tl-legend', '.tl-keys', '[data-testid="event"]', '.tl-overview']) {
    assert.equal(await frame.locator(gone).count(), 0, `${gone} is left out`);
  }
  const compact = await postedHeight(page, frame);
  assert.ok(compact < 450, `compact height: ${compact}`);

  await page.evaluate((url) => { document.querySelector('iframe').src = url; }, `${shared.server.url}?embed=timeline`);
  await frame.locator('.tl-legend').waitFor();
  const full = await postedHeight(page, frame);
  assert.equal(await frame.getByTestId('event').count(), 0, 'the full list is a part to ask for');
  assert.ok(full < 1300 && full > compact, `default timeline embed: ${full}`);

  await page.evaluate((url) => { document.querySelector('iframe').src = url; }, `${shared.server.url}?embed=timeline&parts=title,list`);
  await frame.getByTestId('event').first().waitFor();
  assert.equal(await frame.getByTestId('event').count(), 9);
  assert.equal(await frame.locator('.tl-toolbar').count(), 0);
  console.log(`timeline embed heights at 600 px: compact ${compact}, default ${full}`);
  await context.close();
});

test('event, from, to and zone in the URL apply to an embed of a src, and Copy link keeps them', async () => {
  const src = 'public/incidents/dns-typo.txt';
  const [from, to] = ['2024-07-02T09:15:00Z', '2024-07-02T09:40:00Z'];
  const query = `src=${encodeURIComponent(src)}&event=2&zone=utc&from=${from}&to=${to}`;
  const { page, context } = await openPage(shared.browser, `${shared.server.url}?embed=timeline&${query}`);
  await page.locator('.embed-title a', { hasText: 'The One-Character DNS Outage' }).waitFor();
  await page.getByTestId('event-details').waitFor();
  assert.match(await page.getByTestId('event-details').textContent(), /Event 2 of 6/);
  assert.equal(await page.getByTestId('zone-utc').getAttribute('aria-pressed'), 'true');
  // The window too: the embed opens zoomed where the link says.
  assert.equal(Number(await page.getByTestId('timeline-stage').getAttribute('data-window-start')), Date.parse(from));
  assert.equal(Number(await page.getByTestId('timeline-stage').getAttribute('data-window-end')), Date.parse(to));

  // The full page: a view in the URL survives the load of its src, and Copy link keeps it.
  await page.goto(`${shared.server.url}?${query}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'The One-Character DNS Outage');
  await page.getByTestId('event-details').waitFor();
  await page.getByTestId('copy-link').click();
  const link = new URL(await page.getByTestId('share-output').inputValue());
  assert.equal(link.searchParams.get('src'), src);
  assert.equal(link.searchParams.get('event'), '2');
  assert.equal(link.searchParams.get('zone'), 'utc');
  assert.equal(link.searchParams.get('from'), from);
  assert.equal(link.searchParams.get('to'), to);
  await context.close();
});

test('parts= picks what the chart, illustration and summary embeds show', async () => {
  const { page, context } = await openPage(shared.browser, `${shared.server.url}?embed=chart&parts=title`);
  await page.getByTestId('chart-canvas').waitFor();
  assert.equal(await page.locator('.embed-title').count(), 1);
  assert.equal(await page.locator('.chart-actions, .chart-help').count(), 0);
  const width = (selector) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(await width('#chart-heading') <= 1, 'the heading is left to screen readers');

  await page.goto(`${shared.server.url}?embed=illustration&parts=controls`);
  await page.getByTestId('illustration-play').waitFor();
  assert.equal(await page.locator('.embed-title, .ci-exports').count(), 0);
  assert.ok(await width('[data-testid="illustration-caption"]') <= 1, 'the caption is left to screen readers');

  await page.goto(`${shared.server.url}?embed=summary&parts=facts`);
  await page.getByTestId('duration').waitFor();
  assert.equal(await page.getByTestId('duration').isVisible(), true);
  assert.equal(await page.getByTestId('root-cause').isVisible(), false);
  assert.equal(await page.locator('.embed-title').count(), 0);
  await context.close();
});

test('embed.js follows only http(s) URLs of its own origin and takes sizes as numbers', async () => {
  const { page, context } = await openPage(shared.browser, `${shared.server.url}public/incidents/index.json`);
  await page.evaluate((base) => {
    window.__pwned = false;
    document.documentElement.innerHTML = `<body>
      <div id="js" data-postmortem-src="cookie-catastrophe.txt" data-postmortem-app="javascript:window.parent.__pwned=true//"></div>
      <div id="data" data-postmortem-src="data:text/plain,Title: Rotate your SSO password now" data-view="summary"></div>
      <div id="far" data-postmortem-src="cookie-catastrophe.txt" data-postmortem-app="https://evil.example/"></div>
      <div id="tall" data-postmortem-src="${base}public/cookie-catastrophe.txt" data-view="summary"
        data-height="100%;position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:99"></div>
    </body>`;
    const script = document.createElement('script');
    script.src = `${base}public/embed.js`;
    document.body.appendChild(script);
  }, shared.server.url);
  await page.waitForFunction(() => document.querySelectorAll('[data-postmortem-embedded]').length === 4);
  for (const id of ['js', 'data', 'far']) {
    assert.equal(await page.locator(`#${id}`).getAttribute('data-postmortem-embedded'), 'refused', id);
    assert.equal(await page.locator(`#${id} iframe`).count(), 0, id);
  }
  assert.match(await page.locator('#far').textContent(), /not this script's origin/);
  const frame = page.locator('#tall iframe');
  assert.equal(await frame.evaluate((f) => getComputedStyle(f).position), 'static');
  assert.match(await frame.evaluate((f) => f.style.height), /^\d+px$/, 'the height is a number of pixels');
  assert.equal(await frame.evaluate((f) => f.getAttribute('style').includes('fixed')), false);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), false);
  await context.close();
});

test('metrics= attaches a metrics file to the embedded incident once it has loaded', async () => {
  const src = encodeURIComponent('public/cookie-catastrophe.txt');
  const metrics = encodeURIComponent('public/cookie-catastrophe.metrics.csv');
  const { page, context } = await openPage(shared.browser, `${shared.server.url}?embed=chart&src=${src}`);
  await page.getByTestId('chart-note').waitFor();
  assert.match(await page.getByTestId('chart-note').textContent(), /derived from the postmortem text/);
  await page.goto(`${shared.server.url}?embed=chart&src=${src}&metrics=${metrics}`);
  await page.locator('h2', { hasText: 'Error rate and metrics' }).waitFor();
  assert.match(await page.getByTestId('chart-plot').getAttribute('aria-label'), /error rate/);
  assert.equal(await page.getByTestId('load-status').textContent(), '', 'no error');
  await context.close();
});

test('a cut label is shown whole for the hovered or focused event, and a tap on a phone selects it', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url, { viewport: { width: 360, height: 700 }, hasTouch: true, isMobile: true });
  await page.getByTestId('incident-title').waitFor();
  const stage = page.getByTestId('timeline-stage');
  await stage.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(
    await page.getByTestId('hovered-label').textContent(),
    'Issue detected by monitoring alerts showing increased error rates in authentication service.',
  );
  await page.keyboard.press('Escape');
  // Tap the last marker on the axis: its event is selected and its whole text shown.
  const box = await stage.boundingBox();
  await page.evaluate(() => document.querySelector('[data-testid="timeline-stage"]').scrollIntoView({ block: 'center' }));
  const moved = await stage.boundingBox();
  const ticks = await page.locator('.tl-tick').count();
  assert.ok(ticks >= 3);
  await page.touchscreen.tap(moved.x + moved.width - 16, moved.y + box.height - 36);
  await page.waitForFunction(() => /Event \d of 9/.test(document.querySelector('[data-testid="event-details"]')?.textContent ?? ''));
  assert.match(await page.getByTestId('event-details').textContent(), /Full service recovery confirmed\./);
  await context.close();
});

test('Copy embed code for a file from this computer says why it cannot', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await page.getByTestId('incident-title').waitFor();
  await page.getByTestId('file-input').setInputFiles({
    name: 'local.txt', mimeType: 'text/plain', buffer: Buffer.from('Title: Local Only\n\nTimeline:\n- 10:00 Something broke\n'),
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'Local Only');
  await page.getByTestId('copy-embed').click();
  assert.match(await page.getByTestId('load-status').textContent(), /No embed code: this incident was opened from your computer/);
  assert.equal(await page.getByTestId('share-output').count(), 0);
  await context.close();
});

test('at 360 px a vertical swipe on the timeline scrolls the page, a horizontal one pans; 3 ticks or more', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url, { viewport: { width: 360, height: 700 }, hasTouch: true, isMobile: true });
  await page.getByTestId('incident-title').waitFor();
  await page.evaluate(() => document.querySelector('.tl-stage').scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  const labels = await page.locator('.tl-tick').allTextContents();
  assert.ok(labels.length >= 3, `ticks at 360 px: ${labels}`);
  const cdp = await context.newCDPSession(page);
  const swipe = async ([x0, y0], [x1, y1]) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }] });
    for (let i = 1; i <= 10; i += 1) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x0 + ((x1 - x0) * i) / 10, y: y0 + ((y1 - y0) * i) / 10 }] });
      await page.waitForTimeout(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(300);
  };
  const box = await page.getByTestId('timeline-stage').boundingBox();
  const [cx, cy] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
  // Zoom in first, so there is room to pan.
  await page.getByTestId('timeline-stage').focus();
  await page.keyboard.press('+');
  const start = await page.getByTestId('timeline-stage').getAttribute('data-window-start');
  const before = await page.evaluate(() => window.scrollY);
  await swipe([cx, cy + 60], [cx, cy - 140]);
  // A fling may still be scrolling: wait until the page stands still.
  let after = await page.evaluate(() => window.scrollY);
  for (let i = 0; i < 20; i += 1) {
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => window.scrollY);
    if (now === after) break;
    after = now;
  }
  assert.ok(after - before > 100, `the page scrolled: ${before} → ${after}`);
  assert.equal(await page.getByTestId('timeline-stage').getAttribute('data-window-start'), start, 'a vertical swipe does not pan');

  // A fling's length depends on timing: bring the stage back to the middle of the screen, so the
  // horizontal swipe lands on it however far the page went.
  await page.evaluate(() => document.querySelector('.tl-stage').scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  const settled = await page.evaluate(() => window.scrollY);
  const moved = await page.getByTestId('timeline-stage').boundingBox();
  const y = Math.round(moved.y + moved.height / 2);
  assert.ok(y > 0 && y < 700, `the stage is on screen for the horizontal swipe: y = ${y}`);
  await swipe([cx + 80, y], [cx - 80, y]);
  const panned = await page
    .waitForFunction((s) => document.querySelector('[data-testid="timeline-stage"]').getAttribute('data-window-start') !== s, start, { timeout: 3000 })
    .then(() => true, () => false);
  assert.ok(panned, 'a horizontal swipe pans');
  assert.equal(await page.evaluate(() => window.scrollY), settled, 'and does not scroll');
  await context.close();
});

test('?src= opens only http(s) addresses, names a foreign origin, and obeys the deployment\'s list', async () => {
  const spoof = 'data:text/plain,Title: Security notice%0A%0ARotate your SSO password at https://evil.example';
  const { page, context } = await openPage(shared.browser, `${shared.server.url}?src=${encodeURIComponent(spoof)}`);
  await page.waitForFunction(() => /only http\(s\) addresses are opened, not `data:` ones/.test(document.querySelector('[data-testid="load-status"]')?.textContent ?? ''));
  assert.equal(await page.getByTestId('incident-title').textContent(), SAMPLE_TITLE, 'the attacker text is not shown');
  await page.goto(`${shared.server.url}?embed=summary&src=${encodeURIComponent('javascript:alert(1)')}`);
  await page.getByTestId('embed-error').waitFor();
  assert.match(await page.getByTestId('embed-error-message').textContent(), /not `javascript:` ones/);
  await page.goto(`${shared.server.url}?view=catalogue&index=${encodeURIComponent('data:application/json,{"incidents":[]}')}`);
  await page.getByTestId('catalogue-error').waitFor();
  await context.close();

  // Another origin that allows the read: opened, and named on the page.
  const foreign = await shared.browser.newContext();
  await foreign.route('https://evil.example/notice.txt', (r) => r.fulfill({
    status: 200, contentType: 'text/plain', headers: { 'access-control-allow-origin': '*' },
    body: 'Title: Scheduled maintenance\n\nTimeline:\n- 10:00 Something\n',
  }));
  const far = await foreign.newPage();
  await far.goto(`${shared.server.url}?src=${encodeURIComponent('https://evil.example/notice.txt')}`);
  await far.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'Scheduled maintenance');
  assert.match(await far.getByTestId('foreign-source').textContent(), /Loaded from https:\/\/evil\.example, not from this site/);

  // A deployment that lists only itself refuses it.
  await foreign.route((url) => url.pathname === '/', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<head>', '<head><meta name="postmortem-explorer:sources" content="self">');
    await route.fulfill({ response, body });
  });
  await far.goto(`${shared.server.url}?src=${encodeURIComponent('https://evil.example/notice.txt')}`);
  await far.waitForFunction(() => /this site only opens postmortems from itself/.test(document.querySelector('[data-testid="load-status"]')?.textContent ?? ''));
  assert.equal(await far.getByTestId('incident-title').textContent(), SAMPLE_TITLE);
  await foreign.close();
});
