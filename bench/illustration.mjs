// Browser benchmark for the cookie illustration: opens dist/ in headless Chromium and prints
//  - scrub: time from a scrubber `input` event to the scene's elements rebuilt in the DOM,
//    median over 120 positions across the incident,
//  - play: the frame rate while the play button animates the incident,
//  - elements: how many SVG elements the scene has at the end.
// Run after `trunk build --release`: node bench/illustration.mjs
import { serveStatic, launchBrowser, openPage } from '../tests/e2e/support.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serveStatic();
const browser = await launchBrowser();
try {
  const { page, errors, context } = await openPage(browser, server.url);
  await page.getByTestId('illustration').waitFor();
  const scrub = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid="illustration-scrubber"]');
    const desc = document.querySelector('[data-testid="illustration-scene"] desc');
    const [min, max] = [Number(input.min), Number(input.max)];
    const times = [];
    for (let i = 0; i < 120; i += 1) {
      const before = desc.textContent;
      const start = performance.now();
      input.value = String(min + ((max - min) * i) / 120);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      while (desc.textContent === before && performance.now() - start < 1000) await Promise.resolve();
      times.push(performance.now() - start);
      await new Promise((ok) => setTimeout(ok, 0));
    }
    return times;
  });
  const elements = await page.locator('[data-testid="illustration-scene"] *').count();
  await page.getByTestId('illustration-play').click();
  const fps = await page.evaluate(
    () => new Promise((ok) => {
      let frames = 0;
      const start = performance.now();
      const tick = () => {
        frames += 1;
        if (performance.now() - start < 3000) requestAnimationFrame(tick);
        else ok(frames / 3);
      };
      requestAnimationFrame(tick);
    }),
  );
  console.log(`scrub: median ${median(scrub).toFixed(1)} ms, max ${Math.max(...scrub).toFixed(1)} ms (120 positions)`);
  console.log(`play: ${fps.toFixed(0)} frames per second`);
  console.log(`elements: ${elements}`);
  if (errors.length) console.log('errors:', errors);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
