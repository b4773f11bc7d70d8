// Shared by bench/profile_load.mjs and bench/trace_load.mjs: opens the app of a dist/ in headless
// Chromium (service workers blocked, so every run is a first visit) and waits until the sample is
// fully drawn: the timeline canvas sized, the chart drawn, the illustration's scene filled.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, DIST, serveStatic } from '../tests/e2e/support.mjs';

/** A served dist and a browser page on it, not yet navigated; `close` ends both. */
export async function openSampleContext() {
  const server = await serveStatic(process.env.DIST ?? DIST, '/');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { server, browser, context, page, close };
}

/** Navigates to the app (with `query`) and resolves once every view is drawn. */
export async function loadUntilDrawn(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => {
    const q = (s) => document.querySelector(s);
    const canvas = q('[data-testid=timeline-stage] canvas');
    return canvas && canvas.width > 0 && q('[data-testid=metrics-chart]')?.dataset.renderMs !== undefined
      && (q('[data-testid=illustration-scene] g')?.childElementCount ?? 0) > 0;
  }, null, { timeout: 60_000, polling: 'raf' });
}
