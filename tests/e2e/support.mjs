// Shared pieces of the end-to-end tests: a static server for dist/ on loopback, and a
// headless Chromium (Debian's) driven by playwright-core.
import { createServer } from 'node:http';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { before, after } from 'node:test';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
};

/**
 * Serves `dir` on 127.0.0.1 under `base` (e.g. '/' or '/postmortems/'), like a plain static host,
 * adding `headers` to every answer (e.g. a Content-Security-Policy).
 */
export async function serveStatic(dir = DIST, base = '/', headers = {}) {
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request'); // a malformed %-escape, as a static host answers
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Flags for Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Opens `url` in a new page that records console errors and page errors. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  // A request cancelled because the test navigated away (net::ERR_ABORTED) is not a failure.
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${req.url()}`);
  });
  await page.goto(url);
  return { page, errors, context };
}

/**
 * Registers the usual hooks of a test file: a static server for dist/ (with `headers` on every
 * answer) and a headless Chromium, both started before the tests and closed after. Returns an
 * object whose `server` and `browser` are set once the tests run.
 */
export function serveAndLaunch(headers = {}) {
  const shared = { server: undefined, browser: undefined };
  before(async () => {
    shared.server = await serveStatic(DIST, '/', headers);
    shared.browser = await launchBrowser();
    await mkdir(join(ROOT, 'tests/e2e/artifacts'), { recursive: true });
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}
