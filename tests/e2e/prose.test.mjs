// The whole postmortem as written: Markdown rendered safely (never as HTML strings), every
// section in the author's order, the action-item table, details, and links and images
// resolved against the document's own URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, openPage } from './support.mjs';

const POSTMORTEM = `# Checkout outage

**Severity:** SEV-2
**Services:** checkout, payments-api
**Tags:** cache, deploy

## Summary

The **checkout** API failed for *most* users. See [the runbook](../runbook.md) and
![error graph](img/graph.svg) and ![remote graph](https://cdn.example.com/x.png).

- first cause
  - nested detail
- second cause

| Region | Errors |
|---|---|
| eu | 41% |

\`\`\`
ERROR pool exhausted
\`\`\`

Evil: <script>alert(1)</script> and [click](javascript:alert(1)) and <b>bold html</b>.

## Timeline

- 2024-03-01 10:00 Deploy of \`v2\` started
- 2024-03-01 10:05 Errors rose; alert fired
- 2024-03-01 10:30 Rolled back, service fully restored

## Customer communication

1. Status page updated.
2. Emails sent.

## Lessons learned

### What went well
- Alerting was fast

## Action items

| Item | Owner | Priority | Status |
|---|---|---|---|
| Add a canary stage | Ana | P1 | open |

## Responders

- Ana (incident commander)
- Bo

## Appendix notes

> Quoted from the vendor.
`;

// A timeline across days, written with times only under each day's heading.
const DAYS = `# Certificate rotation gone wrong

## Timeline

### 2024-05-06

- 22:10 UTC: rotation job started
- 23:50 UTC: first handshake errors

### 2024-05-07

- 00:20 UTC: old certificate restored
`;

// A status history: three separate incidents, newest first, months apart.
const LOG = `# Cluster status history

## Timeline

- 2024-05-02 16:30 - storage down
- 2024-05-02 17:30 - storage restored
- 2023-12-22 09:00 - network outage begins
- 2023-12-22 13:00 - network restored
- 2023-03-01 21:00 - router repair starts
- 2023-03-02 04:00 - cluster reachable again
`;

let server;
let browser;
let site;

before(async () => {
  site = await mkdtemp(join(tmpdir(), 'prose-'));
  await cp(DIST, site, { recursive: true });
  await mkdir(join(site, 'pm/img'), { recursive: true });
  await writeFile(join(site, 'pm/outage.md'), POSTMORTEM);
  // Shapes of real postmortems whose lines did not reach the page (tests/page_text.rs).
  await writeFile(join(site, 'pm/days.md'), DAYS);
  await writeFile(join(site, 'pm/log.md'), LOG);
  for (const name of ['empty-template-parts.md', 'footnotes.md', 'duration-sentence.txt', 'further-headings.md', 'heading-entries-with-sections.md']) {
    await cp(join(ROOT, 'tests/fixtures/page', name), join(site, 'pm', name));
  }
  await cp(join(ROOT, 'public/favicon.svg'), join(site, 'pm/img/graph.svg'));
  server = await serveStatic(site);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await rm(site, { recursive: true, force: true });
});

async function openOutage() {
  const opened = await openPage(browser, `${server.url}?src=pm/outage.md`);
  await opened.page.waitForFunction(() => document.querySelector('[data-testid=incident-title]')?.textContent === 'Checkout outage');
  return opened;
}

test('Markdown in the summary becomes elements, and hostile markup stays inert text', async () => {
  const { page, errors, context } = await openOutage();
  const summary = page.getByTestId('summary');
  assert.equal(await summary.locator('strong').first().textContent(), 'checkout');
  assert.equal(await summary.locator('em').first().textContent(), 'most');
  assert.equal(await summary.locator('ul > li > ul > li').textContent(), 'nested detail');
  assert.equal(await summary.locator('table td').first().textContent(), 'eu');
  assert.equal(await summary.locator('pre code').textContent(), 'ERROR pool exhausted\n');
  assert.equal(await summary.locator('b, strong').filter({ hasText: 'bold html' }).count(), 1);
  // No script element was made, and the tag is shown as the text it is.
  assert.equal(await page.locator('main script').count(), 0);
  assert.match(await summary.innerText(), /Evil: <script>alert\(1\)<\/script> and click and bold html\./);
  assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
  // No Markdown syntax is left as text outside code.
  const shown = await summary.evaluate((el) => {
    const clone = el.cloneNode(true);
    clone.querySelectorAll('pre, code').forEach((n) => n.remove());
    return clone.textContent;
  });
  assert.ok(!shown.includes('**') && !shown.includes(']('), shown);
  assert.deepEqual(errors.filter((e) => !e.includes('cdn.example.com')), []);
  await context.close();
});

test('links and images resolve against the document: same-origin images show, remote ones are links', async () => {
  const { page, context } = await openOutage();
  const summary = page.getByTestId('summary');
  assert.equal(await summary.getByRole('link', { name: 'the runbook' }).getAttribute('href'), `${server.url}runbook.md`);
  const image = summary.locator('img');
  assert.equal(await image.count(), 1);
  assert.equal(await image.getAttribute('src'), `${server.url}pm/img/graph.svg`);
  assert.equal(await image.getAttribute('alt'), 'error graph');
  await page.waitForFunction(() => document.querySelector('[data-testid=summary] img').naturalWidth > 0);
  assert.equal(await summary.getByRole('link', { name: 'Image: remote graph' }).getAttribute('href'), 'https://cdn.example.com/x.png');
  await context.close();
});

test('every section appears after the fixed cards in the order the author wrote them', async () => {
  const { page, errors, context } = await openOutage();
  const headings = await page.locator('main > section > h2').allTextContents();
  const after = headings.slice(headings.findIndex((h) => h === 'Timeline') + 1);
  assert.deepEqual(after.filter((h) => !h.startsWith('Reading notes')), [
    'Customer communication',
    'Lessons learned',
    'Action items',
    'Responders',
    'Appendix notes',
  ]);
  const sections = page.getByTestId('author-section');
  assert.deepEqual(await sections.first().locator('ol > li').allTextContents(), ['Status page updated.', 'Emails sent.']);
  assert.equal(await sections.last().locator('blockquote').innerText(), 'Quoted from the vendor.');
  assert.deepEqual(await page.getByTestId('went-well').locator('li').allTextContents(), ['Alerting was fast']);
  const tasks = page.getByTestId('tasks');
  assert.deepEqual(await tasks.locator('thead th').allTextContents(), ['Item', 'Owner', 'Priority', 'Status']);
  assert.deepEqual(await tasks.locator('tbody td').allTextContents(), ['Add a canary stage', 'Ana', 'P1', 'open']);
  assert.deepEqual(await page.getByTestId('responders').locator('li').allTextContents(), ['Ana (incident commander)', 'Bo']);
  assert.equal(await page.getByTestId('severity').textContent(), 'SEV-2');
  assert.deepEqual(await page.getByTestId('services').locator('li').allTextContents(), ['checkout', 'payments-api']);
  assert.deepEqual(await page.getByTestId('tags').locator('li').allTextContents(), ['cache', 'deploy']);
  // An event's inline code is code on the page too.
  assert.equal(await page.getByTestId('timeline').locator('code').first().textContent(), 'v2');
  assert.deepEqual(errors.filter((e) => !e.includes('cdn.example.com')), []);
  await context.close();
});

test('a template part left empty, footnotes, further headings, stated lines and a duration sentence reach the page as written', async () => {
  const open = async (name, title) => {
    const opened = await openPage(browser, `${server.url}?src=pm/${name}`);
    // The parts below the fold are built once the file has opened, each in a task of its own.
    await opened.page.waitForFunction((t) => document.querySelector('[data-testid=incident-title]')?.textContent === t
      && !document.querySelector('[data-deferred=pending]'), title);
    return opened;
  };
  {
    const { page, errors, context } = await open('empty-template-parts.md', 'Search outage');
    const sections = page.getByTestId('author-section');
    assert.deepEqual(await sections.locator('h2').allTextContents(), ['Action Items', 'Lessons Learned']);
    assert.deepEqual(await sections.last().locator('.md-heading').allTextContents(),
      ['What went well', 'What went wrong', 'Where we got lucky', 'Takeaways']);
    assert.deepEqual(await sections.first().locator('th').allTextContents(), ['Description', 'Type', 'Owner', 'Issue #']);
    assert.deepEqual(errors, []);
    await context.close();
  }
  {
    const { page, errors, context } = await open('footnotes.md', 'Registry typosquatting');
    const main = page.locator('main');
    assert.deepEqual(await page.getByTestId('summary').locator('sup').allTextContents(), ['[squat]', '[kept]']);
    const notes = await page.getByTestId('author-section').innerText();
    assert.match(notes, /\[kept\] The crates were kept for later analysis\./);
    assert.equal(await page.getByTestId('author-section').getByRole('link', { name: 'Typosquatting' }).getAttribute('href'),
      'https://docs.example.com/typosquatting');
    assert.ok(!(await main.innerText()).includes('[^'));
    // A reference link in an event resolves, though its definition is at the end.
    assert.equal(await page.getByTestId('timeline').getByRole('link', { name: 'yanked' }).getAttribute('href'),
      'https://docs.example.com/yank');
    assert.ok(!(await main.innerText()).includes(']['));
    assert.deepEqual(errors, []);
    await context.close();
  }
  {
    // Further headings of a part, the lessons' own headings, and the lines read into the
    // window and the timeline's zone, as written.
    const { page, errors, context } = await open('further-headings.md', 'Checkout latency');
    const rootCause = page.getByTestId('root-cause');
    assert.equal(await rootCause.locator('strong').first().textContent(), 'Contributing Factors');
    assert.match(await rootCause.innerText(), /The warm-up job had been switched off a month before\./);
    assert.doesNotMatch(await rootCause.innerText(), /Trigger/);
    assert.deepEqual(await page.getByTestId('stated-window').locator('li').allInnerTexts(),
      ['Date: 2024-03-04', 'Duration: 09:10 to 10:40 UTC']);
    assert.deepEqual(await page.getByTestId('timeline-note').allTextContents(), ['All times in UTC.']);
    assert.deepEqual(await page.getByTestId('lessons').locator('h3').allTextContents(), ['What worked', "What didn't work"]);
    const summary = await page.getByTestId('summary').innerText();
    assert.match(summary, /Impact Assessment/);
    assert.match(summary, /Customer impact: Some orders were abandoned\./);
    assert.ok(!(await page.locator('main').innerText()).includes('**'));
    assert.deepEqual(errors, []);
    await context.close();
  }
  {
    const { page, errors, context } = await open('duration-sentence.txt', 'Login outage');
    assert.match(await page.getByTestId('summary').innerText(),
      /Duration: The outage occurred from 3:00 PM to 6:30 PM \(Kigali Time\) on November 15, 2023\./);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a timeline across days says the day in its list where the day changes', async () => {
  const { page, errors, context } = await openPage(browser, `${server.url}?src=pm/days.md`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=event]').length === 3);
  const shown = await page.locator('[data-testid=event]').evaluateAll((events) =>
    events.map((e) => [e.querySelector('[data-testid=event-day]')?.textContent ?? null, e.querySelector('time').textContent]));
  assert.deepEqual(shown, [['Mon 6 May', '22:10'], [null, '23:50'], ['Tue 7 May', '00:20']]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an entry written as a heading keeps its paragraphs and its list', async () => {
  const { page, errors, context } = await openPage(browser, `${server.url}?src=pm/heading-entries-with-sections.md`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=event]').length === 2);
  const first = page.locator('[data-testid=event]').first();
  assert.equal(await first.locator('.event-text > ul > li').count(), 3);
  assert.equal(await first.locator('.event-text ul > li > ul > li').textContent(), 'two of them were missing');
  assert.equal(await first.locator('.event-text p').count(), 4);
  assert.ok(!(await first.innerText()).includes('- the'), 'no list marker shown as text');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a log of separate incidents lists each with its span instead of durations across years', async () => {
  const { page, errors, context } = await openPage(browser, `${server.url}?src=pm/log.md`);
  await page.getByTestId('episodes').waitFor();
  assert.equal(await page.getByTestId('incident-dates').textContent(), '1 Mar 2023 – 2 May 2024 (zone not stated), 3 separate incidents');
  assert.equal(await page.getByTestId('key-duration').count(), 0);
  assert.deepEqual(await page.getByTestId('episode').allInnerTexts(), [
    '1 Mar 2023 21:00 – 2 Mar 2023 04:00 · 7 h · 2 events · “router repair starts”',
    'Fri 22 Dec 2023, 09:00–13:00 · 4 h · 2 events · “network outage begins”',
    'Thu 2 May 2024, 16:30–17:30 · 1 h · 2 events · “storage down”',
  ]);
  assert.match(await page.getByTestId('duration').innerText(), /per incident \(3 in this file\)/);
  assert.equal(await page.getByTestId('anomalies').count(), 0, 'newest first is not out of order');
  // Its button shows that incident on the timeline.
  await page.getByTestId('episode').nth(1).getByRole('button').click();
  const stage = page.getByTestId('timeline-stage');
  await page.waitForFunction(() => document.querySelector('[data-testid=timeline-stage]').dataset.windowStart !== undefined);
  const start = Number(await stage.getAttribute('data-window-start'));
  const end = Number(await stage.getAttribute('data-window-end'));
  assert.ok(start <= Date.UTC(2023, 11, 22, 9) && end >= Date.UTC(2023, 11, 22, 13), `${start}–${end}`);
  assert.ok(end - start < 24 * 3_600_000, 'zoomed in to that incident');
  assert.deepEqual(errors, []);
  await context.close();
});
