// The editor (?view=edit): typing updates the live page, every pause is saved on the device with
// the cursor and the undo history, two tabs on one draft never overwrite each other silently, a
// full storage is said, and the editor works under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveStatic, launchBrowser, openPage } from './support.mjs';

let server;
let subpath;
let browser;

before(async () => {
  server = await serveStatic();
  subpath = await serveStatic(undefined, '/postmortems/');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await subpath?.close();
});

const TYPED = [
  'Title: Login outage',
  '',
  'Timeline:',
  '- 2024-01-15 10:00 UTC Deploy broke the login page',
  '- 2024-01-15 10:20 UTC Rolled back the deploy',
  '',
].join('\n');

const editorText = (page) => page.getByTestId('editor-text');
const value = (page) => editorText(page).inputValue();
const cursor = (page) => page.evaluate(() => document.querySelector('[data-testid="editor-text"]').selectionStart);
const lineOfCursor = (page) => page.evaluate(() => {
  const area = document.querySelector('[data-testid="editor-text"]');
  return area.value.slice(0, area.selectionStart).split('\n').length - 1;
});
const saved = (page) => page.waitForFunction(() => document.querySelector('[data-testid="draft-status"]')?.dataset.state === 'saved');
const events = (page) => page.locator('.editor-preview [data-testid="event"] .event-text').allTextContents();

async function openEditor(url = `${server.url}?view=edit`, options = {}) {
  const opened = await openPage(browser, url, { acceptDownloads: true, ...options });
  await editorText(opened.page).waitFor();
  await opened.page.waitForFunction(() => document.querySelector('.tl-count'));
  return opened;
}

/** Replaces the whole text as a writer would (select all, type). */
async function typeText(page, text) {
  await editorText(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await editorText(page).pressSequentially(text, { delay: 0 });
}

test('a new draft starts from the plain template; typing updates the timeline and the summary', async () => {
  const { page, context, errors } = await openEditor();
  assert.match(await value(page), /^Postmortem: Title of the incident/);
  assert.equal(await page.getByTestId('editor-title').textContent(), 'Title of the incident');
  // The new draft is kept at once: it is listed, and "Saved" is true of local storage.
  await saved(page);
  assert.match(await page.getByTestId('draft-list').locator('option').first().textContent(), /^Title of the incident · /);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('postmortem-explorer:draft:')).length), 1);
  await typeText(page, TYPED);
  await page.waitForFunction(() => /Rolled back the deploy/.test(document.querySelector('.editor-preview [data-testid="timeline-list"], .editor-preview')?.textContent ?? ''));
  await page.waitForFunction(() => /2 events/.test(document.querySelector('.tl-count')?.textContent ?? ''));
  assert.equal(await page.getByTestId('editor-title').textContent(), 'Login outage');
  const listed = await events(page);
  assert.equal(listed.length, 2);
  assert.match(listed[1], /Rolled back the deploy$/);
  // The summary follows too: the impact lasted from the deploy to the rollback.
  await page.waitForFunction(() => /20 min/.test(document.querySelector('.editor-preview')?.textContent ?? ''));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the draft, its cursor and its undo history survive a reload', async () => {
  const { page, context, errors } = await openEditor();
  await typeText(page, TYPED);
  await saved(page);
  await page.keyboard.type('More notes.');
  await saved(page);
  await page.evaluate(() => document.querySelector('[data-testid="editor-text"]').setSelectionRange(7, 7));
  await page.getByTestId('editor-text').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  await saved(page).catch(() => {});
  const before = await value(page);
  const at = await cursor(page);
  await page.waitForTimeout(600);
  await page.reload();
  await editorText(page).waitFor();
  await page.waitForFunction((text) => document.querySelector('[data-testid="editor-text"]')?.value === text, before);
  assert.equal(await cursor(page), at);
  // Undo goes back to before "More notes." was typed, as it would have before the reload.
  await editorText(page).focus();
  await page.keyboard.press('Control+Z');
  assert.equal(await value(page), TYPED);
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await value(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Add entry now" writes a line in the document\'s style; events and lines select each other', async () => {
  const { page, context, errors } = await openEditor();
  await typeText(page, TYPED);
  await page.waitForFunction(() => /2 events/.test(document.querySelector('.tl-count')?.textContent ?? ''));
  await page.getByTestId('add-entry').click();
  await page.keyboard.type('Confirmed recovery');
  const lines = (await value(page)).split('\n');
  const added = lines.find((line) => line.endsWith('Confirmed recovery'));
  assert.match(added, /^- \d{4}-\d\d-\d\d \d\d:\d\d UTC Confirmed recovery$/, added);
  await page.waitForFunction(() => /3 events/.test(document.querySelector('.tl-count')?.textContent ?? ''));
  // Selecting an event in the preview (search, Enter) puts the cursor on its line…
  await page.getByTestId('timeline-search').fill('Rolled back');
  await page.getByTestId('timeline-search').press('Enter');
  await page.waitForFunction(() => {
    const area = document.querySelector('[data-testid="editor-text"]');
    return area.value.slice(0, area.selectionStart).split('\n').length - 1 === 4;
  });
  assert.equal(await lineOfCursor(page), 4);
  // …and the cursor on an event's line selects that event.
  await page.evaluate(() => {
    const area = document.querySelector('[data-testid="editor-text"]');
    const at = area.value.indexOf('Deploy broke');
    area.setSelectionRange(at, at);
  });
  await editorText(page).dispatchEvent('click');
  await page.waitForFunction(() => /Deploy broke the login page/.test(document.querySelector('[data-testid="details-text"]')?.textContent ?? ''));
  assert.deepEqual(errors, []);
  await context.close();
});

test('reading notes sit beside the text and move the cursor to their line', async () => {
  const { page, context } = await openEditor();
  await typeText(page, `${TYPED}- 2023-02-30 11:00 UTC Cache flushed\n`);
  const note = page.getByTestId('editor-notes').getByRole('button', { name: /Line 6/ });
  await note.waitFor();
  assert.match(await note.textContent(), /February 2023 has 28 days/);
  // The line's number is marked in the gutter, beside the line, with the note as its tooltip.
  const marked = page.locator('.editor-gutter .gutter-note');
  assert.deepEqual(await marked.allTextContents(), ['6']);
  assert.match(await marked.getAttribute('title'), /February 2023 has 28 days/);
  await note.click();
  assert.equal(await lineOfCursor(page), 5);
  await context.close();
});

test('two tabs on one draft: the second tab\'s save stops the first from overwriting it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const first = await context.newPage();
  await first.goto(`${server.url}?view=edit`);
  await editorText(first).waitFor();
  await typeText(first, TYPED);
  await saved(first);
  const second = await context.newPage();
  await second.goto(`${server.url}?view=edit`);
  await editorText(second).waitFor();
  assert.equal(await value(second), TYPED, 'the second tab opens the same draft');
  await editorText(second).click();
  await second.keyboard.press('Control+End');
  await second.keyboard.type('Written in the second tab.');
  await saved(second);
  // The first tab is told at once, and does not save over the second tab's text.
  await first.getByTestId('draft-conflict').waitFor();
  assert.equal(await first.getByTestId('draft-status').getAttribute('data-state'), 'conflict');
  await editorText(first).click();
  await first.keyboard.press('Control+End');
  await first.keyboard.type('Written in the first tab.');
  await first.waitForTimeout(800);
  const stored = await first.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('postmortem-explorer:draft:'))
    .map((k) => JSON.parse(localStorage.getItem(k)).text));
  assert.equal(stored.length, 1);
  assert.match(stored[0], /Written in the second tab\.$/);
  // Keeping mine makes a second draft; both are listed.
  await first.getByTestId('keep-mine').click();
  await saved(first);
  const listed = await first.getByTestId('draft-list').locator('option').count();
  assert.equal(listed, 2);
  // Loading theirs in the second tab would now show the second tab's own text, unchanged.
  assert.match(await value(second), /Written in the second tab\.$/);
  await context.close();
});

test('a full storage is reported, never a silent loss', async () => {
  const { page, context } = await openEditor();
  await page.evaluate(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).startsWith('postmortem-explorer:draft')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return real.call(this, key, value);
    };
  });
  await editorText(page).click();
  await page.keyboard.type('x');
  await page.waitForFunction(() => document.querySelector('[data-testid="draft-status"]')?.dataset.state === 'error');
  assert.match(await page.getByTestId('draft-status').textContent(), /Not saved: this browser's storage for the site is full/);
  await context.close();
});

test('the editor works under a sub-path, and new drafts start from the templates', async () => {
  const { page, context, errors } = await openEditor(`${subpath.url}?view=edit`);
  await page.getByTestId('start-menu').click();
  await page.getByTestId('start-google').click();
  await page.waitForFunction(() => /Incident: Title of the incident/.test(document.querySelector('[data-testid="editor-text"]').value));
  await page.waitForFunction(() => /2 events/.test(document.querySelector('.tl-count')?.textContent ?? ''));
  await page.getByTestId('start-menu').click();
  await page.getByTestId('start-sre-book').click();
  await page.waitForFunction(() => /Postmortem \(incident #1\)/.test(document.querySelector('[data-testid="editor-text"]').value));
  await saved(page);
  assert.equal(await page.getByTestId('draft-list').locator('option').count(), 3);
  // The reading downloads in the structured schema too (the editor's bundle writes YAML and TOML).
  await page.waitForFunction(() => /incident #1/.test(document.title));
  for (const [button, pattern] of [['download-yaml', /^title: .*Title of the incident/m], ['download-toml', /^title = ".*Title of the incident/m], ['download-json', /"title": ".*Title of the incident/]]) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
    const written = await readFile(await file.path(), 'utf8');
    assert.match(written, pattern, button);
    assert.match(file.suggestedFilename(), /\.(yaml|toml|json)$/);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
