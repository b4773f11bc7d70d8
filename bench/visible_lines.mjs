// How much of what authors wrote reaches the page: loads each postmortem of the corpus with
// `?src=` in headless Chromium and measures the share of its source lines (markup stripped)
// that can be found in the page's visible text, and counts Markdown or HTML markup shown as
// text outside code blocks.
//
//   CORPUS_DIR=/path/to/texts SPLIT=heldout node bench/visible_lines.mjs [DIST]
//
// DIST defaults to dist/. SPLIT is a split of the manifest (dev … dev80, heldout …),
// `development` (every development split) or `all`; texts missing from CORPUS_DIR are left out
// and counted. For held-out splits only the figures are printed (file names and scores, never text); the development
// splits (dev, dev2, …) print their file names, and DETAILS=1 prints the raw markup found and
// the first 15 lines missed on each of their files (MISSING=all: every line missed, with its
// line number; FILE=a,b: only those files; DUMP=1: the page's text as measured; SHOTS=dir: a
// full-page screenshot of each development file into dir). The texts are not in the repository (see
// tests/corpus/README.md).
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, openPage, ROOT, serveStatic } from '../tests/e2e/support.mjs';

const corpusDir = process.env.CORPUS_DIR;
if (!corpusDir) throw new Error('set CORPUS_DIR to the folder of corpus texts');
const split = process.env.SPLIT ?? 'heldout';
const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const manifest = JSON.parse(await readFile(join(ROOT, 'tests/corpus/manifest.json'), 'utf8'));
/** Development splits may be looked at; the held-out ones are only scored. */
// Every development split (dev, dev2, …); held-out splits never print details.
const isDevelopment = (split) => /^dev\d*$/.test(split);
// SPLIT=development: every development split at once.
const inSplit = (r) => split === 'all' || r.split === split || (split === 'development' && isDevelopment(r.split));
const wanted = manifest.filter((r) => inSplit(r) && (!process.env.FILE || process.env.FILE.split(',').includes(r.file)));
// A text not fetched (yet) is left out and counted, not a failure of the run.
const files = wanted.filter((r) => existsSync(join(corpusDir, r.file)));
if (files.length < wanted.length) console.log(`${wanted.length - files.length} of ${wanted.length} texts missing from ${corpusDir}; left out`);

// HTML's named entities that postmortems use (a browser shows each as its character).
const ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  mdash: '—', ndash: '–', hellip: '…', rarr: '→', larr: '←', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  times: '×', middot: '·', bull: '•', copy: '©', deg: '°',
};

/** A source line with its Markdown and HTML markup stripped, or '' when it is markup only. */
export function stripMarkup(line) {
  let text = line;
  if (/^\s*(```|~~~)/.test(text)) return '';
  if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(text)) return ''; // table rule
  if (/^\s*([-*_]\s*){3,}$/.test(text)) return ''; // thematic break
  if (/^\s*\{:.*\}\s*$/.test(text)) return ''; // kramdown attributes
  if (/^ {0,3}\[[^\]^][^\]]*\]:\s*\S+\s*("[^"]*")?\s*$/.test(text)) return ''; // link reference definition
  text = text.replace(/^\s*:::+\s*(update\b)?/, ' '); // Statusfy / container fences
  text = text.replace(/<!--.*?-->/g, ' ');
  text = text.replace(/\{\{[<%].*?[>%]\}\}/g, ' '); // Hugo shortcodes
  text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1');
  text = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  text = text.replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1');
  text = text.replace(/<\/?[a-zA-Z][^>]*>/g, ' ');
  // A tag spread over lines (`<a` / `href="…">cvs</a>`): its start ends one line, its
  // attributes open the next.
  text = text.replace(/<\/?[a-zA-Z][^<>]*$/, ' ');
  text = text.replace(/^\s*([a-zA-Z-]+=("[^"]*"|'[^']*')\s*)+\/?>/, ' ');
  text = text.replace(/&(#x?[0-9a-fA-F]+|[a-z]+);/g, (m, name) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? m;
  });
  text = text.replace(/(^|[^\w:]):[a-z0-9_+-]*[a-z][a-z0-9_+-]*:/g, '$1 '); // emoji shortcodes (`:rocket:`): pictures, not words
  // Headings, quotes and list markers, including the bullets word processors export (`o`, `•`, `◦`, `▪`).
  text = text.replace(/^\s*(#{1,6}\s|>\s?|[-*+o•◦▪]\s(\[[ xX]\]\s)?|\d+[.)]\s)+/, '');
  // A zone named in words right after a time (`3:00 PM (Kigali time)`) is part of the stamp.
  text = text.replace(/(\d|\b[AaPp]\.?[Mm]\.?)\s*\(\s*\p{Lu}\p{L}+(\s\p{Lu}\p{L}+)?\s+[Tt]ime\s*\)/gu, '$1 ');
  // Emphasis, code and strike-through marks join what they mark to the words beside it, as the
  // page shows them (`main`の -> mainの, as in Chinese and Japanese, which put no space there);
  // underscores, pipes and backslashes part words.
  text = text.replace(/[*`~]/g, '');
  text = text.replace(/[_|\\]/g, ' ');
  return text;
}

/** Lower case, letters and digits only, single spaces. */
export function normalise(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The source lines worth finding: non-blank, not front matter delimiters, not markup only. */
function sourceLines(text) {
  const lines = text.replace(/\r/g, '').split('\n');
  const out = [];
  let inComment = false;
  let hiddenUntil = null;
  // Front matter (`---` or `+++` fenced at the top): its keys are markup, its values text.
  // `---toml` / `---yaml` open one too (Hugo, cState), closed by `---`.
  const opening = /^(---|\+\+\+)([a-z]+)?\s*$/.exec(lines[0] ?? '');
  const fence = opening ? opening[1] : null;
  let frontMatter = fence !== null;
  lines.forEach((line, i) => {
    if (frontMatter) {
      if (i === 0) return; // the opening fence
      if (line.trim() === fence) { frontMatter = false; return; }
      if (/^\s*#/.test(line)) return; // a comment in the front matter
      line = line.replace(/^\s*[\w-]+\s*[:=]\s*/, '');
    }
    // What a browser never shows: the content of `<style>` and `<script>` elements.
    if (hiddenUntil) { if (line.toLowerCase().includes(hiddenUntil)) hiddenUntil = null; return; }
    const opens = /<(style|script)\b/i.exec(line);
    if (opens && !line.toLowerCase().includes(`</${opens[1].toLowerCase()}>`)) { hiddenUntil = `</${opens[1].toLowerCase()}>`; return; }
    if (inComment) { if (line.includes('-->')) inComment = false; return; }
    if (line.includes('<!--') && !line.includes('-->')) { inComment = true; return; }
    if (/^---\s*$/.test(line) || /^\+\+\+\s*$/.test(line)) return;
    const words = contentWords(normalise(stripMarkup(line)));
    if (words) out.push({ line, words, number: i + 1 });
  });
  return out;
}

const MONTHS = 'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december';
const WEEKDAYS = 'mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday';
// Every abbreviation the reader knows (src/parse/zone.rs), and a few it does not.
const ZONES = 'utc gmt z bst cet cest eet eest wet west pst pdt est edt cst cdt mst mdt ist jst kst aest aedt acst acdt awst nzst nzdt hkt sgt akst akdt hst msk wat cat eat sast trt pkt npt ict wib pht brt art clt nst et pt ct mt';
// `h` as in the French `9 h 21`; `9:27a` / `4:00p` are times too.
/** A Chinese, Japanese or Korean date or time written in its unit words (`8 月 3 日 10 时至 13 时`,
 * `2025년`, `午後3時`): digits and units only, and `至`/`到`/`〜` between the ends of a range. */
const CJK_STAMP = /^(\d|[年月日时時分秒点點号號년월일시분초]|[至到〜～]|午前|午後|上午|下午)+$/u;
const STAMP_WORDS = new Set(`${MONTHS} ${WEEKDAYS} ${ZONES} am pm a m p h`.split(' '));

/** The words of a line without its stamps (numbers, months, weekdays, zones, am/pm): the page
 * writes dates and times in its own format, so they are not what is looked for. */
function contentWords(words) {
  return words
    .split(' ')
    .filter((w) => w && !/^\d+(st|nd|rd|th|h|hrs|z|am|pm|a|p)?$/.test(w) && !/^\d+t\d+$/.test(w) && !STAMP_WORDS.has(w) && !CJK_STAMP.test(w))
    .join(' ');
}

/** True when the line's words (stamps set aside) are on the page as a run, or, for a table
 * row (which the page may show across cells or as an entry), when every word is. */
function visible(line, page, pageSet) {
  if (page.includes(` ${line.words} `)) return true;
  return line.line.includes('|') && line.words.split(' ').every((w) => pageSet.has(w));
}

/** Markup shown as text outside code: Markdown emphasis (a pair, or a lone `**` that lost its
 * other half), links, footnote references, headings, tables, safe HTML tags. */
/** A line of the page holding an odd number of `**` marks (not `2**10`, not `src/**`): one
 * that lost its other half. Tested and matched as the expressions beside it are. */
const LONE_BOLD = {
  marks: /(?<![/\d*])\*\*(?![/\d*])/g,
  match(text) {
    let at = 0;
    for (const line of text.split('\n')) {
      if ((line.match(this.marks) ?? []).length % 2 === 1) return { index: at + line.search(this.marks) };
      at += line.length + 1;
    }
    return null;
  },
  test(text) { return this.match(text) !== null; },
};

const RAW_MARKUP = [
  /\*\*[^*\n]+\*\*/, LONE_BOLD, /\]\(https?:/, /\[\^[^\]\s]+\]/, /^#{1,6} \S/m, /^\s*\|.*\|\s*$/m, /<\/?(b|strong|i|em|br|p|ul|ol|li|table|tr|td|th|code|a)\b[^>]*>/i,
];

const site = await mkdtemp(join(tmpdir(), 'visible-lines-'));
await cp(dist, site, { recursive: true });
await cp(corpusDir, join(site, 'corpus'), { recursive: true });
const server = await serveStatic(site, '/');
const browser = await launchBrowser();
let total = 0;
let seen = 0;
let rawTotal = 0;
const perFile = [];
try {
  for (const record of files) {
    const text = await readFile(join(corpusDir, record.file), 'utf8');
    const lines = sourceLines(text);
    const src = `corpus/${encodeURIComponent(record.file)}`;
    const { page, context } = await openPage(browser, `${server.url}?src=${src}`);
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid="source-name"]')?.textContent?.includes(name),
      record.file,
      { timeout: 15000 },
    ).catch(() => {});
    if (process.env.SHOTS && isDevelopment(record.split)) {
      // Parts mounted after the first paint are drawn before the picture is taken.
      await page.waitForFunction(() => !document.querySelector('[data-deferred="pending"]'), null, { timeout: 15000 }).catch(() => {});
      await page.screenshot({ path: join(process.env.SHOTS, `${record.file}.png`), fullPage: true });
    }
    const shown = await page.evaluate(() => {
      const main = document.querySelector('main');
      const clone = main.cloneNode(true);
      // The diagnostics quote source lines; they are not the postmortem shown.
      clone.querySelectorAll('[data-testid="diagnostics"]').forEach((n) => n.remove());
      const header = document.querySelector('[data-testid="incident-title"]')?.innerText ?? '';
      document.body.appendChild(clone);
      clone.style.position = 'absolute';
      // Cards off screen skip rendering (content-visibility: auto); measure them all.
      clone.querySelectorAll('*').forEach((n) => { n.style.contentVisibility = 'visible'; });
      // An image stands for its description.
      const alts = [...clone.querySelectorAll('img[alt]')].map((img) => img.alt).join('\n');
      const all = header + '\n' + clone.innerText + '\n' + alts;
      clone.querySelectorAll('pre, code').forEach((n) => n.remove());
      const outsideCode = clone.innerText;
      clone.remove();
      return { all, outsideCode };
    });
    await context.close();
    const pageWords = ' ' + contentWords(normalise(shown.all)) + ' ';
    const pageSet = new Set(pageWords.split(' '));
    const missed = lines.filter((l) => !visible(l, pageWords, pageSet));
    const raw = RAW_MARKUP.reduce((n, re) => n + (re.test(shown.outsideCode) ? 1 : 0), 0);
    total += lines.length;
    seen += lines.length - missed.length;
    rawTotal += raw;
    const share = lines.length ? (100 * (lines.length - missed.length)) / lines.length : 100;
    perFile.push({ file: record.file, share, lines: lines.length, raw, development: isDevelopment(record.split) });
    if (process.env.DETAILS && isDevelopment(record.split)) {
      for (const re of RAW_MARKUP) {
        const m = re instanceof RegExp ? shown.outsideCode.match(re) : re.match(shown.outsideCode);
        if (m) console.log(`  ${record.file}: RAW ${JSON.stringify(shown.outsideCode.slice(Math.max(0, m.index - 60), m.index + 80))}`);
      }
      if (process.env.DUMP) console.log(`----- ${record.file} page text -----\n${shown.all}\n-----`);
      const listed = process.env.MISSING === 'all' ? missed : missed.slice(0, 15);
      for (const m of listed) console.log(`  ${record.file}:${m.number}: ${m.line.slice(0, 110)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(site, { recursive: true, force: true });
}
perFile.sort((a, b) => a.share - b.share);
const below = perFile.filter((f) => f.share < 85);
console.log(`${split}: ${files.length} files, ${seen}/${total} source lines visible (${(100 * seen / Math.max(total, 1)).toFixed(1)}%), ` +
  `${below.length} files below 85%, raw markup patterns shown in ${perFile.filter((f) => f.raw > 0).length} files (${rawTotal} pattern hits)`);
for (const f of perFile.slice(0, 10)) {
  console.log(`  ${f.share.toFixed(1).padStart(5)}%  ${String(f.lines).padStart(4)} lines  raw ${f.raw}  ${f.development ? f.file : '(held out)'}`);
}
