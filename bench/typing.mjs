// Typing in the editor (?view=edit) with a 2,000-line postmortem: how long from a keystroke's
// input event to the next frame (the text on screen), and from the last keystroke of a word to
// the live preview showing it (the reading runs in the parse worker after a 250 ms pause).
// A benchmark, not a test: it prints p50 and p95.
//
//   node bench/typing.mjs            (after `trunk build --release`; DIST=... for another build)
import { serveStatic, launchBrowser } from '../tests/e2e/support.mjs';

const LINES = 2000;
const WORDS = Number(process.env.WORDS || 20);

function document2000() {
  const lines = ['Title: Two thousand lines', '', 'Summary: A long postmortem for the typing benchmark.', '', 'Timeline:'];
  for (let i = 0; lines.length < LINES - 200; i++) {
    const h = String(10 + Math.floor(i / 60) % 12).padStart(2, '0');
    const m = String(i % 60).padStart(2, '0');
    lines.push(`- 2024-01-15 ${h}:${m} UTC Step ${i}: checked the dashboards and the logs of service ${i % 17}`);
  }
  lines.push('', 'Root Cause:');
  while (lines.length < LINES) lines.push(`Paragraph line ${lines.length} of the analysis, explaining what happened and why it mattered.`);
  return lines.join('\n');
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const server = await serveStatic(process.env.DIST || undefined);
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const page = await context.newPage();
await page.goto(`${server.url}?view=edit`);
const area = page.getByTestId('editor-text');
await area.waitFor();
await page.evaluate((text) => {
  const element = document.querySelector('[data-testid="editor-text"]');
  element.value = text;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}, document2000());
await page.waitForFunction(() => /events/.test(document.querySelector('.tl-count')?.textContent ?? '') && !/^3 events/.test(document.querySelector('.tl-count').textContent));
await page.waitForTimeout(1500);
// Every input event's time to the next frame, measured in the page.
await page.evaluate(() => {
  window.__frames = [];
  document.querySelector('[data-testid="editor-text"]').addEventListener('input', (event) => {
    const start = event.timeStamp;
    window.__lastInput = start;
    requestAnimationFrame(() => setTimeout(() => window.__frames.push(performance.now() - start), 0));
  });
});
const previews = [];
for (let w = 0; w < WORDS; w++) {
  const word = `zq${w}x`;
  // The cursor at the end of the first entry's text.
  await page.evaluate(() => {
    const element = document.querySelector('[data-testid="editor-text"]');
    const at = element.value.indexOf('\n', element.value.indexOf('Step 0:'));
    element.focus();
    element.setSelectionRange(at, at);
  });
  await page.keyboard.type(` ${word}`, { delay: 60 });
  const elapsed = await page.evaluate((word) => new Promise((done) => {
    const typedAt = window.__lastInput ?? performance.now();
    const seen = () => document.querySelector('.editor-preview')?.textContent.includes(word);
    if (seen()) return done(performance.now() - typedAt);
    const observer = new MutationObserver(() => {
      if (seen()) { observer.disconnect(); done(performance.now() - typedAt); }
    });
    observer.observe(document.querySelector('.editor-preview'), { childList: true, subtree: true, characterData: true });
  }), word);
  previews.push(elapsed);
}
const frames = await page.evaluate(() => window.__frames);
console.log(`${LINES}-line document, ${frames.length} keystrokes, ${WORDS} words`);
console.log(`keystroke to next frame: p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms`);
console.log(`last keystroke of a word to the preview showing it (250 ms pause included): p50 ${percentile(previews, 50).toFixed(0)} ms, p95 ${percentile(previews, 95).toFixed(0)} ms`);
await browser.close();
await server.close();
