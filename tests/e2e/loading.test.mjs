// Every way of opening a postmortem (URL, file picker, drop, paste), metrics attaching to the
// open incident, progress, and each failure message with the open incident kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveStatic, launchBrowser, openPage } from './support.mjs';

let server;
let browser;
const read = (name) => readFile(join(ROOT, 'public/incidents', name), 'utf8');
// `timestamp,value,series`, the CSV shape `parse_metrics` documents.
const METRICS_CSV = 'timestamp,value,series\n2024-01-15T15:00:00Z,1.5,error rate\n2024-01-15T15:00:00Z,120,latency ms\n'
  + '2024-01-15T15:10:00Z,9.5,error rate\n2024-01-15T15:10:00Z,480,latency ms\n';

before(async () => {
  server = await serveStatic();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Console errors other than the browser's own note about a failed request we asked for. */
const unexpected = (errors) => errors.filter((e) => !/Failed to load resource|request failed|CORS|Access-Control/.test(e));

async function status(page, state) {
  const line = page.getByTestId('load-status');
  await page.waitForSelector(`[data-testid="load-status"][data-state="${state}"]`);
  return { text: (await line.textContent()).trim(), error: await line.getAttribute('data-error') };
}

const title = (page) => page.getByTestId('incident-title').textContent();

test('?src= with a relative URL opens that incident and keeps the permalink', async () => {
  const { page, errors, context } = await openPage(browser, `${server.url}?src=public/incidents/dns-typo.txt`);
  assert.equal((await status(page, 'done')).text, 'Opened dns-typo.txt.');
  assert.equal(await title(page), 'The One-Character DNS Outage');
  assert.equal(await page.getByTestId('source-name').textContent(), 'dns-typo.txt');
  assert.equal(await page.getByTestId('event').count(), 6);
  assert.equal(new URL(page.url()).searchParams.get('src'), 'public/incidents/dns-typo.txt');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a postmortem published as a web page opens as a browser shows it, also saved as .md; a host\'s page in place of a .md is refused', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  const html = [
    '<!DOCTYPE html>', '<html lang="en"><head>', '  <meta charset="utf-8">', '  <title>Club server outage</title>',
    '  <style>h2 { color: red }</style>', '  <script>window.__ran = true;</script>', '</head>', '<body>',
    '  <h2>What happened</h2>', '  <p class="lead">The <b>server</b> was taken offline by our provider.</p>',
    '  <h2>Timeline</h2>', '  <ul>', '    <li>09:30 The provider disabled networking.</li>',
    '    <li>16:00 The server went down again.</li>', '  </ul>', '</body></html>',
  ].join('\n');
  await page.getByTestId('file-input').setInputFiles({ name: 'outage.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  assert.equal((await status(page, 'done')).text, 'Opened outage.html.');
  assert.equal(await title(page), 'Club server outage', 'the page title stands in for the missing <h1>');
  assert.equal(await page.getByTestId('event').count(), 2);
  // The page gives no date: the axis counts days instead of showing 1 January 1970.
  assert.equal(await page.getByTestId('axis-context').textContent(), 'day 1 · zone not stated');
  // Nor does it name a zone: its times are not called UTC, and converting them says what it assumes.
  assert.equal(await page.getByTestId('zone-incident').textContent(), 'Incident (zone not stated)');
  assert.match(await page.getByTestId('zone-local').getAttribute('title'), /states no zone: its times are read as UTC/);
  const body = await page.locator('main').textContent();
  assert.match(body, /The server was taken offline by our provider\./);
  assert.ok(!/<p|<b>|color: red|__ran/.test(body), 'no markup, style or script text is shown');
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'the page\'s script never runs');

  // The same page saved as `.md` is still a postmortem: read as a page, and said so.
  await page.getByTestId('file-input').setInputFiles({ name: 'incident.md', mimeType: 'text/markdown', buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.querySelector('[data-testid="load-status"]')?.textContent.includes('Opened incident.md.'));
  assert.equal(await page.getByTestId('event').count(), 2);
  assert.match(await page.getByTestId('diagnostics').textContent(), /a whole web page \(HTML\) in a file not named `?\.html`?/);
  assert.ok(!/<p|<b>|color: red|__ran/.test(await page.locator('main').textContent()), 'no markup, style or script text is shown');
  // A host's own page answering for a `.md` (no timeline, no sections) is refused.
  const notFound = '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>';
  await page.getByTestId('file-input').setInputFiles({ name: 'other.md', mimeType: 'text/markdown', buffer: Buffer.from(notFound) });
  const refused = await status(page, 'failed');
  assert.equal(refused.error, 'not-a-postmortem');
  assert.equal(await title(page), 'Club server outage', 'the open incident stays');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('?src= with an absolute URL works too', async () => {
  const absolute = new URL('public/incidents/retry-storm.txt', server.url).href;
  const { page, context } = await openPage(browser, `${server.url}?src=${encodeURIComponent(absolute)}`);
  await status(page, 'done');
  assert.equal(await title(page), 'The Runaway Retry Storm');
  await context.close();
});

test('the file picker opens a file, then a CSV adds metric series to it (seen in the JSON export)', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  await page.getByTestId('file-input').setInputFiles({
    name: 'queue-backlog.txt', mimeType: 'text/plain', buffer: Buffer.from(await read('queue-backlog.txt')),
  });
  assert.equal((await status(page, 'done')).text, 'Opened queue-backlog.txt.');
  assert.equal(await title(page), 'The Silent Queue Backlog');
  // A file has no URL: the permalink drops `src`.
  assert.equal(new URL(page.url()).searchParams.get('src'), null);

  await page.getByTestId('file-input').setInputFiles({
    name: 'metrics.csv', mimeType: 'text/csv', buffer: Buffer.from(METRICS_CSV),
  });
  await page.waitForFunction(() => /metric series/.test(document.querySelector('[data-testid="load-status"]').textContent));
  assert.equal(
    (await page.getByTestId('load-status').textContent()).trim(),
    'Added 2 metric series from metrics.csv to the open incident.',
  );
  assert.equal(await title(page), 'The Silent Queue Backlog', 'metrics do not replace the incident');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  assert.equal(download.suggestedFilename(), 'the-silent-queue-backlog.json');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.title, 'The Silent Queue Backlog');
  assert.equal(exported.timeline.length, 6);
  assert.deepEqual(exported.metrics.map((m) => m.name), ['error rate', 'latency ms']);
  assert.deepEqual(exported.metrics[0].points, [[1705330800000, 1.5], [1705331400000, 9.5]]);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('dropping a file anywhere on the page opens it', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  const text = await read('certificate-midnight.txt');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'certificate-midnight.txt', { type: 'text/plain' }));
    const target = document.querySelector('[data-testid="summary"]');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  assert.equal((await status(page, 'done')).text, 'Opened certificate-midnight.txt.');
  assert.equal(await title(page), 'The Midnight Certificate Expiry');
  assert.equal(await page.locator('.drop-overlay').count(), 0, 'the drop overlay goes away');
  await context.close();
});

test('pasting postmortem text opens it; pasting into a text field does not', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  const paste = (selector, text) => page.evaluate(([selector, text]) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.querySelector(selector).dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [selector, text]);

  await page.getByTestId('copy-embed').click(); // shows a text field to paste into
  await paste('[data-testid="share-output"]', 'Title: Not this one');
  assert.equal(await title(page), 'The Great Cookie Catastrophe');

  await paste('body', await read('retry-storm.txt'));
  // The embed code's own 'done' status is on the line until the pasted text is read (in the
  // worker, so later under load): wait for the line to change before reading it.
  await page.waitForFunction(
    () => document.querySelector('[data-testid="load-status"]')?.textContent.trim() !== 'Embed code copied to the clipboard.',
    null,
    { timeout: 15000 },
  ).catch(() => {});
  assert.equal((await status(page, 'done')).text, 'Opened pasted text.');
  assert.equal(await title(page), 'The Runaway Retry Storm');
  await context.close();
});

test('text with times but no readable timeline opens with a banner pointing at the notes', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  assert.equal(await page.getByTestId('reading-banner').count(), 0, 'the sample reads well');
  const text = 'Checkout notes\n\nThe graph showed 14:30 as its last sample and 15:10 as the first after.\n';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  const banner = page.getByTestId('reading-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /No timeline could be read, although the text holds times/);
  assert.match(await page.getByTestId('diagnostics').textContent(), /no timeline entry could be read, although 1 line holds a time/);
  await context.close();
});

test('a large file shows progress while it is read', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  await page.evaluate(() => {
    window.__seen = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="load-status"] progress');
      if (bar) window.__seen.push([bar.getAttribute('value'), bar.getAttribute('max')]);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const big = (await read('dns-typo.txt')) + '\nNotes:\n' + 'The resolver cache kept the broken answer. '.repeat(140000);
  await page.getByTestId('file-input').setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(big) });
  await status(page, 'done');
  assert.equal(await title(page), 'The One-Character DNS Outage');
  const all = await page.evaluate(() => window.__seen);
  // Bytes read of the size while the file is read in; then an open-ended bar while its text is read.
  const seen = all.filter(([, max]) => max !== null);
  assert.ok(seen.length >= 2, `progress was shown: ${JSON.stringify(all)}`);
  assert.equal(Number(seen.at(-1)[1]), Buffer.byteLength(big));
  assert.ok(seen.some(([value, max]) => Number(value) > 0 && Number(value) < Number(max)), JSON.stringify(seen));
  assert.deepEqual(all.at(-1), [null, null], 'reading the text shows an open-ended bar');
  await context.close();
});

test('a large download from a server that allows CORS shows its progress as it streams', async () => {
  const big = Buffer.from((await read('queue-backlog.txt')) + '\nNotes:\n' + 'The broker kept every dead letter. '.repeat(150000));
  const slices = 10;
  const remote = createServer(async (req, res) => {
    res.writeHead(200, {
      'content-type': 'text/plain', 'content-length': big.length, 'access-control-allow-origin': '*',
    });
    for (let i = 0; i < slices; i++) {
      res.write(big.subarray(Math.floor((i * big.length) / slices), Math.floor(((i + 1) * big.length) / slices)));
      await new Promise((ok) => setTimeout(ok, 40));
    }
    res.end();
  });
  await new Promise((ok) => remote.listen(0, '127.0.0.1', ok));
  try {
    const url = `http://localhost:${remote.address().port}/big-remote.txt`;
    const { page, context } = await openPage(browser, server.url);
    await page.getByTestId('incident-title').waitFor();
    await page.evaluate(() => {
      window.__seen = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="load-status"] progress');
        if (bar) window.__seen.push([bar.getAttribute('value'), bar.getAttribute('max')]);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.evaluate((url) => {
      const data = new DataTransfer();
      data.setData('text/plain', url);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, url);
    assert.equal((await status(page, 'done')).text, 'Opened big-remote.txt.');
    assert.equal(await title(page), 'The Silent Queue Backlog');
    const seen = await page.evaluate(() => window.__seen);
    const partial = seen.filter(([value, max]) => Number(max) === big.length && Number(value) > 0 && Number(value) < big.length);
    assert.ok(partial.length >= 3, `progress moved while streaming: ${JSON.stringify(seen)}`);
    await context.close();
  } finally {
    await new Promise((ok) => remote.close(ok));
  }
});

test('a 404 says nothing was found and the open incident stays', async () => {
  const { page, errors, context } = await openPage(browser, `${server.url}?src=public/incidents/missing.txt`);
  const { text, error } = await status(page, 'failed');
  assert.equal(error, 'not-found');
  assert.equal(text, 'Nothing was found at public/incidents/missing.txt (404). Check the address.');
  assert.equal(await title(page), 'The Great Cookie Catastrophe');
  assert.equal(await page.getByTestId('event').count(), 9);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('a server that refuses cross-origin reads (CORS) gets the network message', async () => {
  const other = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('Title: Secret'));
  await new Promise((ok) => other.listen(0, '127.0.0.1', ok));
  const url = `http://localhost:${other.address().port}/incident.txt`;
  try {
    const { page, context } = await openPage(browser, server.url);
    await page.getByTestId('incident-title').waitFor();
    await page.getByTestId('file-input').setInputFiles({
      name: 'dns-typo.txt', mimeType: 'text/plain', buffer: Buffer.from(await read('dns-typo.txt')),
    });
    await status(page, 'done');
    await page.evaluate((url) => {
      const data = new DataTransfer();
      data.setData('text/plain', url);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, url);
    const { text, error } = await status(page, 'failed');
    assert.equal(error, 'network');
    assert.match(text, /^Could not reach http:\/\/localhost:\d+\/incident\.txt: .*CORS/);
    assert.equal(await title(page), 'The One-Character DNS Outage', 'the open incident stays');
    await context.close();
  } finally {
    await new Promise((ok) => other.close(ok));
  }
});

test('files over 20 MB are refused with their size', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  await page.getByTestId('file-input').setInputFiles({
    name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(21 * 1024 * 1024, 'a'),
  });
  const { text, error } = await status(page, 'failed');
  assert.equal(error, 'too-large');
  assert.equal(text, 'huge.txt is 21.0 MB; the limit is 20.0 MB. Split the file or trim its metrics.');
  assert.equal(await title(page), 'The Great Cookie Catastrophe');
  await context.close();
});

test('UTF-16 and Windows-1252 files open with a note saying how they were read', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  const text = 'Title: Café outage – “quoted”\n\nTimeline:\n- 10:00 Détecté by alerts\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  await page.getByTestId('file-input').setInputFiles({ name: 'office.txt', mimeType: 'text/plain', buffer: utf16 });
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'Café outage – “quoted”');
  assert.match(await page.getByTestId('diagnostics').textContent(), /read as UTF-16 LE \(byte-order mark\)/);
  const latin1 = Buffer.from('Title: Caf\xe9 outage \x93quoted\x94\n\nTimeline:\n- 10:00 Alert\n', 'latin1');
  await page.getByTestId('file-input').setInputFiles({ name: 'old.txt', mimeType: 'text/plain', buffer: latin1 });
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'Café outage “quoted”');
  assert.match(await page.getByTestId('diagnostics').textContent(), /read as Windows-1252/);
  await context.close();
});

test('a file that cannot be read at all leaves the open incident open, with its errors shown', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  await page.getByTestId('file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "title": ') });
  const { text } = await status(page, 'failed');
  assert.match(text, /broken\.json.*the open incident stays/);
  assert.equal(await title(page), 'The Great Cookie Catastrophe');
  assert.equal(await page.getByTestId('event').count(), 9);
  assert.match(await page.getByTestId('diagnostics').textContent(), /broken\.json: /);
  await context.close();
});

test('a file\'s text is kept on this device only when asked, and can be forgotten', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  await page.getByTestId('file-input').setInputFiles({
    name: 'private.txt', mimeType: 'text/plain', buffer: Buffer.from('Title: Private Outage\n\nTimeline:\n- 10:00 Secret thing\n'),
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'Private Outage');
  const stored = () => page.evaluate(() => localStorage.getItem('postmortem-explorer:last') ?? '');
  assert.ok(!(await stored()).includes('Secret thing'), 'nothing kept unasked');
  await page.getByTestId('keep-local').click();
  assert.ok((await stored()).includes('Secret thing'));
  await page.reload();
  await page.getByTestId('reopen').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'Private Outage');
  await page.getByTestId('forget-local').click();
  assert.equal(await stored(), '');
  await context.close();
});

test('a section of megabytes shows its first part and the rest on request', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  const notes = Array.from({ length: 6000 }, (_, i) => `Paragraph ${i} of the long notes.`).join('\n\n');
  await page.getByTestId('file-input').setInputFiles({
    name: 'long.md', mimeType: 'text/markdown',
    buffer: Buffer.from(`# Long Notes\n\n## Timeline\n\n- 10:00 Start\n\n## Notes\n\n${notes}\n`),
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-title"]')?.textContent === 'Long Notes');
  const more = page.getByTestId('show-rest');
  await more.waitFor();
  assert.match(await more.textContent(), /^Show the rest \(0\.\d MB\)$/);
  const body = () => page.locator('main').textContent();
  assert.ok(!(await body()).includes('Paragraph 5999 of'), 'the end waits');
  await more.click();
  await page.waitForFunction(() => document.querySelector('main').textContent.includes('Paragraph 5999 of the long notes.'));
  assert.equal(await page.getByTestId('show-rest').count(), 0);
  await context.close();
});

test('a file that is not text is refused as unreadable', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  await page.getByTestId('file-input').setInputFiles({
    name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]),
  });
  const { text, error } = await status(page, 'failed');
  assert.equal(error, 'not-text');
  assert.equal(text, 'photo.png is not a text file: it looks like a PNG image.');
  assert.equal(await title(page), 'The Great Cookie Catastrophe');
  await context.close();
});

/** Puts a file made inside the page into the file input (no 10 MB round trip through the driver). */
async function pickGenerated(page, name, lines) {
  await page.evaluate(([name, lines]) => {
    const text = ['Title: Many steps', '', 'Timeline:']
      .concat(Array.from({ length: lines }, (_, i) => `- 2024-01-15 ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} Step ${i}`))
      .join('\n');
    const input = document.querySelector('[data-testid="file-input"]');
    const files = new DataTransfer();
    files.items.add(new File([text], name, { type: 'text/plain' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, [name, lines]);
}

test('files are read in the parse worker; Cancel stops a long reading and the open incident stays', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  const sample = await title(page);
  await pickGenerated(page, 'many.txt', 600000);
  await page.waitForSelector('[data-testid="load-status"][data-state="reading"]');
  // The page still answers while the worker reads: a click on Cancel is handled at once.
  await page.getByTestId('cancel-load').click();
  const stopped = await status(page, 'done');
  assert.match(stopped.text, /Stopped reading many\.txt; the open incident stays/);
  assert.equal(await title(page), sample);
  assert.equal(await page.getByTestId('cancel-load').count(), 0);
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  assert.ok(fetched.some((url) => /parse-worker_loader\.js\?build=/.test(url)), fetched.join("\n"));
  // A new worker reads the next file to the end, every event in order.
  await pickGenerated(page, 'fewer.txt', 25000);
  await page.waitForFunction(() => document.querySelector('[data-testid="source-name"]')?.textContent === 'fewer.txt');
  assert.equal(await title(page), 'Many steps');
  // Long timelines are listed a page (100) at a time, from the first event.
  const listed = await page.evaluate(() => [...document.querySelectorAll('[data-testid="event"] .event-text')].map((e) => e.textContent));
  assert.equal(listed.length, 100);
  assert.match(listed[0], /: Step 0$/);
  assert.match(listed[99], /: Step 99$/);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('a big incident opens in stages: the timeline and the charts give way for a moment, then come back whole', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?hide=other`);
  await page.getByTestId('incident-title').waitFor();
  await page.evaluate(() => {
    window.__staged = 0;
    new MutationObserver(() => {
      window.__staged = Math.max(window.__staged, document.querySelectorAll('[data-testid="staged-pending"]').length);
    }).observe(document.body, { childList: true, subtree: true });
  });
  await pickGenerated(page, 'big.txt', 25000);
  await page.waitForFunction(() => document.querySelector('[data-testid="source-name"]')?.textContent === 'big.txt');
  await page.waitForFunction(() => /25000 events/.test(document.querySelector('.tl-count')?.textContent ?? ''));
  // Both staged views stood aside (timeline and charts), and none is left waiting.
  assert.equal(await page.evaluate(() => window.__staged), 2);
  assert.equal(await page.getByTestId('staged-pending').count(), 0);
  assert.equal(await page.getByTestId('timeline-view').count(), 1);
  // The reader's filter (hidden kinds) is kept; the sample's view is not applied to the new incident.
  assert.match(page.url(), /hide=other/);
  assert.equal(await page.getByTestId('kind-other').getAttribute('aria-pressed'), 'false');
  assert.equal(await page.getByTestId('illustration').count(), 1);
  // A small incident opens at once, without placeholders.
  await page.evaluate(() => { window.__staged = 0; });
  await pickGenerated(page, 'small.txt', 30);
  await page.waitForFunction(() => document.querySelector('[data-testid="source-name"]')?.textContent === 'small.txt');
  assert.equal(await page.evaluate(() => window.__staged), 0);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('without a parse worker (its files missing) the sample still opens, and a file says it cannot be read', async () => {
  const context = await browser.newContext();
  await context.route('**/parse-worker*', (route) => route.fulfill({ status: 404, body: '' }));
  const page = await context.newPage();
  await page.goto(server.url);
  // The sample comes read ahead of time: it needs no worker.
  await page.getByTestId('incident-title').waitFor();
  assert.equal(await title(page), 'The Great Cookie Catastrophe');
  const events = await page.getByTestId('event').count();
  assert.ok(events > 0);
  // The page has no reader of its own: it says so, and the open incident stays.
  await pickGenerated(page, 'few.txt', 30);
  const { text, error } = await status(page, 'failed');
  assert.equal(error, 'no-worker');
  assert.match(text, /^Could not read few\.txt: the page reads files in a background worker, and it did not start/);
  assert.equal(await title(page), 'The Great Cookie Catastrophe');
  assert.equal(await page.getByTestId('event').count(), events);
  await context.close();
});

test('long lists are drawn a step at a time: 20,000 action items show 200 rows and a button for more', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByTestId('incident-title').waitFor();
  await page.evaluate(() => {
    const items = Array.from({ length: 20000 }, (_, i) => `- Fix thing ${i} (owner: team-${i % 50})`);
    const text = ['Title: Many action items', '', 'Timeline:', '- 2024-01-15 10:00 Started', '', 'Action Items:', ...items].join('\n');
    const input = document.querySelector('[data-testid="file-input"]');
    const files = new DataTransfer();
    files.items.add(new File([text], 'actions.txt', { type: 'text/plain' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="source-name"]')?.textContent === 'actions.txt');
  const rows = page.locator('[data-testid="tasks"] tbody tr');
  assert.equal(await rows.count(), 200);
  assert.match(await rows.nth(199).textContent(), /Fix thing 199/);
  const more = page.locator('.measures [data-testid="show-more"]');
  assert.equal((await more.textContent()).trim(), 'Show 1,000 more action items (200 of 20,000 shown)');
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tasks"] tbody tr').length === 1200);
  assert.match(await more.textContent(), /\(1,200 of 20,000 shown\)/);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});
