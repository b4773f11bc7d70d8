// The XSS suite: 48 payloads in every input format (plain text, Markdown, a whole HTML page, JSON, TOML, YAML,
// CSV and Prometheus metrics), in every URL parameter, in a catalogue index and in posted
// messages. The page is served WITHOUT its Content-Security-Policy here, so the suite proves
// that the rendering itself keeps incident text inert (the policy is a second wall, tested in
// csp.test.mjs). A sentinel function records any payload that runs; the DOM is also checked
// for elements and attributes that could run code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch } from './support.mjs';

const shared = serveAndLaunch();

/** Payloads; `X` is replaced with a call of the sentinel naming the payload. */
const TEMPLATES = [
  '<script>X</script>',
  '<img src=x onerror="X">',
  '<svg onload="X">',
  '<svg><script>X</script></svg>',
  '<iframe srcdoc="<script>parent.X</script>"></iframe>',
  '<iframe src="javascript:parent.X"></iframe>',
  '"><script>X</script>',
  "'><img src=x onerror=X>",
  '<details open ontoggle="X">',
  '<body onload="X">',
  '<input autofocus onfocus="X">',
  '<select autofocus onfocus="X"></select>',
  '<video><source onerror="X"></video>',
  '<audio src=x onerror="X"></audio>',
  '<object data="javascript:X"></object>',
  '<embed src="javascript:X">',
  '<form action="javascript:X"><button>go</button></form>',
  '<a href="javascript:X">click</a>',
  '<a href="&#106;avascript:X">click</a>',
  '<a href="java\tscript:X">click</a>',
  '<a href="JaVaScRiPt:X">click</a>',
  '<a href="data:text/html,<script>X</script>">click</a>',
  '[click](javascript:X)',
  '[click](  javascript:X  )',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![pic](javascript:X)',
  '<img src="javascript:X">',
  '[ref]: javascript:X',
  '<math><mtext><table><mglyph><style><img src=x onerror=X>',
  '<marquee onstart="X">',
  '<style>@import "javascript:X";</style>',
  '<link rel=stylesheet href="javascript:X">',
  '<base href="javascript:X//">',
  '<meta http-equiv="refresh" content="0;url=javascript:X">',
  '<div style="background:url(javascript:X)">x</div>',
  '<b onmouseover="X">hover</b>',
  '<a href=https://example.com onclick="X">ok link</a>',
  '<strong onclick="X">bold</strong>',
  '<table><tr><td onclick="X">cell</td></tr></table>',
  '<template><img src=x onerror=X></template>',
  '<noscript><img src=x onerror=X></noscript>',
  '<textarea><img src=x onerror=X></textarea>',
  '<!--<img src=x onerror=X>-->',
  '<scr<script>ipt>X</script>',
  '`<img src=x onerror=X>`',
  '```\n<script>X</script>\n```',
  '<svg><a xlink:href="javascript:X"><text>t</text></a></svg>',
  '<isindex action=javascript:X type=image>',
];
const payloads = TEMPLATES.map((t, i) => t.replaceAll('X', `__xss('p${i}')`));

/** A context whose pages record sentinel calls, with the app's CSP removed from index.html. */
async function hostileContext() {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__fired = [];
    window.__xss = (id) => window.__fired.push(id);
  });
  await context.route((url) => url.pathname === '/' || url.pathname.endsWith('/index.html'), async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    await route.fulfill({ response, body });
  });
  return context;
}

/** Everything in the document that could run code, besides the app's own scripts. */
async function dangerous(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'FORM', 'TEMPLATE', 'VIDEO', 'AUDIO', 'MARQUEE', 'MATH']
        .includes(el.tagName) && el.closest('body')) found.push(el.tagName);
      if (el.tagName === 'SCRIPT' && !el.hasAttribute('data-postmortem-boot') && el.closest('body')) found.push('SCRIPT');
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
        if (/^\s*(javascript|data|vbscript):/i.test(attr.value) && /^(href|src|action|xlink:href|data|formaction)$/i.test(attr.name)) {
          found.push(`${el.tagName} ${attr.name}=${attr.value.slice(0, 30)}`);
        }
      }
    }
    return found;
  });
}

/** Opens `url`, lets the page settle, interacts a little, and returns what fired. */
async function visit(page, url, ready) {
  await page.goto(url);
  await page.locator(ready).first().waitFor();
  await page.waitForTimeout(400);
  // Hover and focus what is there, as a reader would.
  for (const selector of ['a', 'b', 'strong', 'td', '[data-testid="event"]']) {
    const first = page.locator(selector).first();
    if (await first.count()) await first.hover({ timeout: 1000 }).catch(() => {});
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => window.__fired);
}

const lines = (prefix) => payloads.map((p, i) => `${prefix}${i}: ${p.replaceAll('\n', ' ')}`);

const FILES = {
  'xss.txt': [
    `Postmortem: Hostile ${payloads[0]} ${payloads[1]}`, '', 'Issue Summary', ...lines(''), '', 'Timeline',
    ...payloads.map((p, i) => `- ${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} ${p.replaceAll('\n', ' ')}`),
    '', 'Root Cause', ...payloads, '', 'Corrective and Preventative Measures', ...payloads.map((p) => `- ${p}`),
  ].join('\n'),
  'xss.md': [
    `# Hostile ${payloads[1]}`, '', '## Summary', '', ...payloads.map((p) => `${p}\n`), '## Timeline', '',
    ...payloads.map((p, i) => `- **${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}** ${p.replaceAll('\n', ' ')}`),
    '', `## ${payloads[2]}`, '', ...payloads, '', '## Action items', '', '| Task | Owner |', '| --- | --- |',
    ...payloads.map((p) => `| ${p.replaceAll('|', '\\|').replaceAll('\n', ' ')} | ${p.replaceAll('|', '\\|').replaceAll('\n', ' ')} |`),
  ].join('\n'),
  'xss.json': JSON.stringify({
    title: `Hostile ${payloads[0]}`, summary: payloads.join('\n\n'), severity: payloads[1],
    services: payloads.slice(0, 10), tags: payloads.slice(10, 20), responders: payloads.slice(20, 24),
    root_cause: payloads.join(' '), resolution: payloads[5],
    timeline: payloads.map((p, i) => ({ at: `2024-01-15T10:${String(i).padStart(2, '0')}:00Z`, text: p })),
    action_items: payloads.map((p) => ({ text: p, owner: p, status: p, link: 'javascript:__xss("link")' })),
    links: payloads.map((p) => ({ text: p, url: 'javascript:__xss("url")' })),
    lessons: { went_well: payloads.slice(0, 5), went_wrong: payloads.slice(5, 10), lucky: payloads.slice(10, 15) },
    other_sections: payloads.map((p) => ({ title: p, body: p })),
    metrics: [{ name: payloads[1], unit: payloads[2], points: [[1705330800000, 1], [1705331100000, 2]] }],
  }),
  'xss.toml': [
    `title = ${JSON.stringify('Hostile ' + payloads[0])}`, `summary = ${JSON.stringify(payloads.join('\n'))}`,
    `severity = ${JSON.stringify(payloads[1])}`,
    ...payloads.map((p, i) => `[[timeline]]\nat = "2024-01-15T10:${String(i).padStart(2, '0')}:00Z"\ntext = ${JSON.stringify(p)}`),
  ].join('\n'),
  'xss.yaml': [
    `title: ${JSON.stringify('Hostile ' + payloads[0])}`, `summary: ${JSON.stringify(payloads.join('\n'))}`, 'timeline:',
    ...payloads.map((p, i) => `  - at: "2024-01-15T10:${String(i).padStart(2, '0')}:00Z"\n    text: ${JSON.stringify(p)}`),
  ].join('\n'),
  // A whole web page: its head and scripts are what a browser hides, its body is shown.
  'xss.html': [
    '<!DOCTYPE html>', `<html><head><title>Hostile ${payloads[0]}</title><script>__xss('head')</script>`,
    `<base href="javascript:__xss('base')//"><meta http-equiv="refresh" content="0;url=javascript:__xss('meta')"></head>`,
    `<body onload="__xss('body')"><h2>Summary</h2>`, ...payloads.map((p) => `<p>${p}</p>`), '<h2>Timeline</h2><ul>',
    ...payloads.map((p, i) => `<li>${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} ${p.replaceAll('\n', ' ')}</li>`),
    `</ul><script>__xss('body script')</script></body></html>`,
  ].join('\n'),
  'xss.csv': ['timestamp,value,series', ...payloads.map((p, i) => `2024-01-15T15:${String(i).padStart(2, '0')}:00Z,${i},"${p.replaceAll('"', '""').replaceAll('\n', ' ')}"`)].join('\n'),
  'xss.prom.json': JSON.stringify({
    status: 'success',
    data: { resultType: 'matrix', result: payloads.slice(0, 12).map((p) => ({ metric: { __name__: p, job: p }, values: [[1705330800, '1'], [1705331100, '2']] })) },
  }),
};

test(`${payloads.length} payloads in every input format stay inert`, async () => {
  const context = await hostileContext();
  await context.route('**/xss/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: FILES[name] ?? '' });
  });
  const page = await context.newPage();
  for (const name of ['xss.txt', 'xss.md', 'xss.html', 'xss.json', 'xss.toml', 'xss.yaml']) {
    const fired = await visit(page, `${shared.server.url}?src=xss/${name}`, '[data-testid="incident-title"]');
    await page.waitForFunction((n) => document.querySelector('[data-testid="source-name"]')?.textContent === n, name);
    assert.deepEqual(fired, [], `${name}: nothing runs`);
    assert.deepEqual(await dangerous(page), [], `${name}: nothing that could run`);
    // The payloads are there, as text.
    assert.match(await page.locator('body').textContent(), /onerror/, `${name}: shown as text`);
  }
  for (const name of ['xss.csv', 'xss.prom.json']) {
    const fired = await visit(page, `${shared.server.url}?metrics=xss/${name}`, '[data-testid="chart-canvas"]');
    await page.getByTestId('chart-plot').hover();
    assert.deepEqual(fired, [], `${name}: nothing runs`);
    assert.deepEqual(await dangerous(page), [], `${name}: nothing that could run`);
  }
  for (const view of ['timeline', 'summary', 'chart', 'illustration']) {
    const fired = await visit(page, `${shared.server.url}?embed=${view}&src=xss/xss.md&parts=title,list,text,facts,sections,legend,details`, '[data-testid="embed"] > *');
    assert.deepEqual(fired, [], `embed ${view}: nothing runs`);
    assert.deepEqual(await dangerous(page), [], `embed ${view}`);
  }
  await context.close();
});

test('payloads typed into the editor, and a hostile draft in storage, stay inert', async () => {
  const context = await hostileContext();
  // A draft another page of the origin could have written, with payloads everywhere.
  await context.addInitScript((draft) => {
    if (!localStorage.getItem('postmortem-explorer:draft:hostile')) {
      localStorage.setItem('postmortem-explorer:draft:hostile', JSON.stringify(draft));
      localStorage.setItem('postmortem-explorer:draft-revision:hostile', JSON.stringify([1, 'x']));
      localStorage.setItem('postmortem-explorer:drafts', JSON.stringify([{ id: 'hostile', name: draft.name, updated_ms: 1, bytes: 1 }]));
      localStorage.setItem('postmortem-explorer:draft-current', JSON.stringify('hostile'));
    }
  }, { id: 'hostile', name: payloads[0], created_ms: 1, updated_ms: 1, text: FILES['xss.md'], cursor: 0, history: { undo: [], redo: [] }, revision: 1, tab: 'x' });
  const page = await context.newPage();
  const fired = await visit(page, `${shared.server.url}?view=edit`, '[data-testid="editor-text"]');
  await page.waitForFunction(() => /onerror/.test(document.querySelector('.editor-preview')?.textContent ?? ''));
  assert.deepEqual(fired, [], 'the stored draft: nothing runs');
  assert.deepEqual(await dangerous(page), [], 'the stored draft: nothing that could run');
  await page.getByTestId('editor-text').fill(FILES['xss.txt']);
  await page.getByTestId('add-entry').click();
  await page.waitForFunction(() => /Hostile/.test(document.querySelector('[data-testid="editor-title"]')?.textContent ?? ''));
  await page.waitForTimeout(800);
  assert.deepEqual(await page.evaluate(() => window.__fired), [], 'typed: nothing runs');
  assert.deepEqual(await dangerous(page), [], 'typed: nothing that could run');
  await context.close();
});

test('every URL parameter carrying a payload stays inert', async () => {
  const context = await hostileContext();
  const page = await context.newPage();
  const keys = ['src', 'embed', 'theme', 'parts', 'metrics', 'index', 'view', 'from', 'to', 'event', 'zone', 'hide', 'q', 'compact', 'synthetic', 'unknown'];
  let checked = 0;
  for (const key of keys) {
    for (const payload of [payloads[0], payloads[1], payloads[17], 'javascript:__xss("u")', 'data:text/html,<script>__xss("d")</script>']) {
      for (const base of ['', 'embed=timeline&', 'view=catalogue&']) {
        const fired = await page.goto(`${shared.server.url}?${base}${key}=${encodeURIComponent(payload)}`)
          .then(() => page.locator('[data-testid="incident-title"], [data-testid="embed"], [data-testid="catalogue"]').first().waitFor())
          .then(() => page.waitForTimeout(150))
          .then(() => page.evaluate(() => window.__fired));
        assert.deepEqual(fired, [], `${base}${key}=${payload}`);
        assert.deepEqual(await dangerous(page), [], `${base}${key}=${payload}`);
        checked += 1;
      }
    }
  }
  assert.equal(checked, keys.length * 15);
  await context.close();
});

test('a hostile catalogue index and posted messages stay inert', async () => {
  const context = await hostileContext();
  await context.route('**/hostile-index.json', (route) => route.fulfill({
    status: 200, contentType: 'application/json',
    body: JSON.stringify({
      incidents: payloads.map((p, i) => ({
        src: i % 2 ? `javascript:__xss('src${i}')` : `x${i}.md`, title: p, severity: p, services: [p], tags: [p],
        date: '2024-01-15', duration_seconds: 60, affected_users_percent: 5, impact: p, root_cause_kind: 'configuration',
      })),
    }),
  }));
  const page = await context.newPage();
  const fired = await visit(page, `${shared.server.url}?view=catalogue&index=hostile-index.json`, '[data-testid="catalogue-row"]');
  assert.equal(await page.getByTestId('catalogue-row').count(), payloads.length);
  assert.deepEqual(fired, []);
  assert.deepEqual(await dangerous(page), []);
  // No title links anywhere but http(s) on this page.
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(hrefs.every((h) => /^https?:/.test(h)), hrefs.join(' '));

  // Messages from anywhere: the app and embed.js take only a numeric height from their frame.
  await page.goto(`${shared.server.url}public/docs-example.html`);
  await page.frameLocator('iframe').first().getByTestId('summary').waitFor();
  await page.evaluate((payloads) => {
    for (const p of payloads) {
      window.postMessage({ type: 'postmortem-explorer:height', height: p, view: p, src: p }, '*');
      window.postMessage(p, '*');
      for (const frame of document.querySelectorAll('iframe')) {
        frame.contentWindow.postMessage({ type: 'postmortem-explorer:height', height: p }, '*');
        frame.contentWindow.postMessage(p, '*');
      }
    }
  }, payloads);
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__fired), []);
  const heights = await page.locator('iframe').evaluateAll((fs) => fs.map((f) => f.style.height));
  assert.ok(heights.every((h) => /^\d+px$/.test(h)), heights.join(' '));
  await context.close();
});
