// Offline reading (README, "Offline"; how it caches: service-worker.js). Registers the worker
// once the page has loaded, relative to the page (any sub-path), and offers an update when a new
// version waits: a banner styled by offline.css (style/offline.css), fetched only then. Switched
// off, with its caches removed, by <meta name="postmortem-explorer:offline" content="off">.
const sw = navigator.serviceWorker;
const folder = new URL('./', document.baseURI);
const off = /^(off|false|no)$/i.test(
  document.querySelector('meta[name="postmortem-explorer:offline"]')?.content?.trim() ?? '',
);

const embedded = new URLSearchParams(location.search).has('embed');

function button(className, text, onclick) {
  const element = Object.assign(document.createElement('button'), { type: 'button', className, onclick });
  element.textContent = text;
  return element;
}

/** "A new version is available": Reload activates the waiting worker, then reloads. */
function offer(registration) {
  if (document.querySelector('.update-banner')) return;
  const banner = Object.assign(document.createElement('div'), { className: 'update-banner' });
  banner.setAttribute('role', 'status');
  banner.dataset.testid = 'update-banner';
  const text = document.createElement('span');
  text.textContent = 'A new version is available.';
  const reload = button('update-banner-reload', 'Reload', () => {
    reload.disabled = true;
    const waiting = registration.waiting;
    if (!waiting) return location.reload();
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  reload.dataset.testid = 'update-reload';
  const later = button('update-banner-later', 'Not now', () => banner.remove());
  const style = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL('offline.css', folder).href });
  style.onload = style.onerror = () => {
    document.body.append(banner);
    // Filled once in the page, so screen readers announce the live region's text.
    setTimeout(() => banner.append(text, reload, later), 50);
  };
  document.head.append(style);
}

function watch(registration) {
  const follow = (worker) => worker?.addEventListener('statechange', () => {
    if (worker.state === 'installed' && sw.controller) offer(registration);
  });
  if (registration.waiting && sw.controller) offer(registration);
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));
}

/** What the page fetched before the worker controlled it (the first visit's incident) is cached too. */
function handOver(entries) {
  const urls = entries
    .filter((entry) => !entry.workerStart && entry.name.startsWith(folder.href))
    .map((entry) => entry.name);
  if (urls.length) sw.controller?.postMessage({ type: 'CACHE_URLS', urls });
}

/**
 * Tells `worker` to store nothing more, and waits for it to say so (at most two seconds): a copy
 * it is still storing would otherwise recreate a cache deleted after this.
 */
function retire(worker) {
  if (!worker) return Promise.resolve();
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    setTimeout(done, 2000);
    worker.postMessage({ type: 'RETIRE' }, [channel.port2]);
  });
}

async function start() {
  if (off) {
    const registration = await sw.getRegistration(folder.href);
    if (registration?.scope === folder.href) { // not a parent's
      await Promise.all([registration.active, registration.waiting, registration.installing].map(retire));
      await registration.unregister();
    }
    const prefix = `postmortem-explorer:${folder.pathname}:`;
    for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
    return;
  }
  // An embed in someone's documentation does not install the whole app (one visited before
  // still answers it), nor offers updates.
  if (embedded) return;
  if (!sw.controller) {
    sw.addEventListener('controllerchange', () => {
      handOver(performance.getEntriesByType('resource'));
      new PerformanceObserver((list) => handOver(list.getEntries())).observe({ type: 'resource' });
    }, { once: true });
  }
  // Named by this build's hashed script, like the parse worker: a deployment is a new worker.
  const build = (document.querySelector('script[data-postmortem-boot]')?.dataset.js ?? '').replace(/[^A-Za-z0-9]/g, '');
  watch(await sw.register(new URL(`service-worker.js?build=${build}`, folder), { updateViaCache: 'none' }));
}

if (sw && /^https?:$/.test(location.protocol)) {
  const run = () => start().catch(() => {}); // offline, or workers not allowed: the page is unchanged
  if (document.readyState === 'complete') run();
  else addEventListener('load', run, { once: true });
}
