// Offline reading (README, "Offline"): after one visit the app, and the incidents it opened,
// open with no network. index.html copies this file to the root of dist/ (a worker controls only
// its own folder and those below it), and public/offline.js registers it with a URL relative to
// the page, so its scope is the folder the app is served from (`/`, `/postmortems/`, ...) and it
// only ever sees that folder's requests.
//
// - Hashed build files (`main-0123abcd….css`, `postmortem-explorer-….js`, `…_bg.wasm`) never
//   change under one name: cache first.
// - Everything else of this folder (the page, `public/…`, incidents opened with `?src=`, the
//   parse worker, the editor's bundle once `?view=edit` has been opened): network first, so a deployment shows at once, and the cached copy when the
//   network fails. A page address is stored without its query (`./?src=a.txt` and `./` are one
//   page, and `index.html` falls back to it).
// - Other origins, and anything but GET, are left to the browser.
//
// The cache is named by this folder, this file's VERSION and the build (`?build=` in the
// registered URL, from the app's hashed script name), so a new deployment installs a new worker;
// it waits until the reader accepts the update (offline.js shows a banner and posts
// SKIP_WAITING), then drops the caches of older versions of this folder only.
'use strict';

const VERSION = '1';
const SCOPE = new URL(self.registration.scope);
const BUILD = new URL(self.location.href).searchParams.get('build') || 'dev';
const PREFIX = `postmortem-explorer:${SCOPE.pathname}:`;
const CACHE = `${PREFIX}${VERSION}-${BUILD}`;
/** The files the parse worker needs (fetched by the page when a file is first opened). */
const WORKER_FILES = ['parse-worker_loader.js', 'parse-worker.js', 'parse-worker_bg.wasm'];
/** Trunk's content-hashed names: `name-<hex>.css`, `name-<hex>.js`, `name-<hex>_bg.wasm`. */
const HASHED = /-[0-9a-f]{12,20}(?:_bg)?\.(?:js|wasm|css|svg|png)$/;

const inScope = (url) => url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);
const cacheable = (response) => response && response.ok && response.type === 'basic';
/** Set when offline.js switches offline reading off: from then on this worker stores nothing. */
let retired = false;

/**
 * Stores `response` under `key` in this version's cache, unless that cache is gone (deleted by a
 * newer version, or by offline.js when a deployment switches offline reading off): a worker
 * on its way out never recreates it. A full quota loses nothing but this copy.
 */
async function put(key, response) {
  try {
    // Checked after the await, right before the cache is opened (opening recreates a deleted one).
    if (!(await caches.has(CACHE)) || retired) return;
    const cache = await caches.open(CACHE);
    await cache.put(key, response);
  } catch {
    // Not stored: the network copy is still answered.
  }
}

/** The URLs the app's page loads itself: its stylesheets, scripts, WebAssembly and icon. */
function pageAssets(html, base) {
  const urls = new Set();
  for (const [, value] of html.matchAll(/\s(?:href|src|data-js|data-wasm)="([^"]+)"/g)) {
    try {
      const url = new URL(value.replace(/&amp;/g, '&'), base);
      if (inScope(url)) urls.add(url.href);
    } catch {
      // Not a URL.
    }
  }
  return [...urls];
}

/**
 * Caches the app for offline use: the page, what it loads, and the parse worker. Best effort:
 * a file that fails now is cached when the app next fetches it.
 */
async function precache() {
  const cache = await caches.open(CACHE);
  const page = SCOPE.href;
  let html = '';
  try {
    const response = await fetch(page, { cache: 'no-cache' });
    if (cacheable(response)) {
      html = await response.clone().text();
      await cache.put(page, response);
    }
  } catch {
    return;
  }
  const urls = [...pageAssets(html, page), ...WORKER_FILES.map((name) => new URL(name, page).href)];
  await Promise.all(urls.map(async (url) => {
    try {
      if (HASHED.test(new URL(url).pathname) && (await cache.match(url))) return;
      const response = await fetch(url, { cache: 'no-cache' });
      if (cacheable(response)) await cache.put(url, response);
    } catch {
      // Cached later, at runtime.
    }
  }));
}

self.addEventListener('install', (event) => {
  // A worker retired while it installed leaves no cache behind.
  event.waitUntil(precache().catch(() => {}).then(() => retired && caches.delete(CACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    try {
      const names = await caches.keys();
      await Promise.all(names
        .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
        .map((name) => caches.delete(name)));
    } catch {
      // Left for the next activation.
    }
    // Control the page that installed this worker, so what it fetches next (an incident opened
    // with ?src=, the parse worker) is cached too.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  } else if (data.type === 'RETIRE') {
    // Offline reading is switched off: what is still in flight must not recreate the caches
    // offline.js deletes once this is acknowledged.
    retired = true;
    event.ports[0]?.postMessage('retired');
  } else if (data.type === 'CACHE_URLS' && Array.isArray(data.urls)) {
    // What the page loaded before this worker controlled it (e.g. the incident of the first
    // visit): cached now unless already there.
    event.waitUntil((async () => {
      if (!(await caches.has(CACHE)) || retired) return;
      const cache = await caches.open(CACHE);
      await Promise.all(data.urls.slice(0, 200).map(async (href) => {
        try {
          const url = new URL(href, SCOPE);
          url.hash = '';
          if (!inScope(url) || (await cache.match(url.href))) return;
          const response = await fetch(url.href);
          if (cacheable(response)) await put(url.href, response);
        } catch {
          // Cached when next fetched.
        }
      }));
    })().catch(() => {}));
  }
});

/** A page of this folder: network first; offline, its cached copy or the app's own page. */
async function navigate(event, url) {
  const key = new URL(url.pathname, url).href; // without the query: one page for every address
  try {
    const response = await fetch(event.request);
    if (cacheable(response)) event.waitUntil(put(key, response.clone()));
    return response;
  } catch (error) {
    const cache = await caches.open(CACHE);
    const app = url.pathname === SCOPE.pathname || url.pathname === `${SCOPE.pathname}index.html`;
    const cached = (await cache.match(key)) || (app ? await cache.match(SCOPE.href) : undefined);
    if (cached) return cached;
    throw error;
  }
}

/** A hashed build file: the cached copy, else the network (then cached). */
async function cacheFirst(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (cacheable(response)) event.waitUntil(put(event.request, response.clone()));
  return response;
}

/** Any other file of this folder: the network, else the cached copy. */
async function networkFirst(event, url) {
  try {
    const response = await fetch(event.request);
    if (cacheable(response)) event.waitUntil(put(event.request, response.clone()));
    return response;
  } catch (error) {
    const cache = await caches.open(CACHE);
    // A file named by its build (`parse-worker_loader.js?build=…`, the editor's files): any
    // build's copy rather than none.
    const cached = (await cache.match(event.request))
      || (url.searchParams.has('build') ? await cache.match(event.request, { ignoreSearch: true }) : undefined);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (retired || request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (!inScope(url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event, url));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(event));
  } else {
    event.respondWith(networkFirst(event, url));
  }
});
