/* riskmap finder service worker: network first for pages and public layers, cache first for hashed assets. */
const CACHE = 'riskmap-finder-v1';
const OFFLINE_API = ['/api/layers/shelters', '/api/layers/townships', '/api/layers/demand-points', '/api/config'];

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'cache' || !Array.isArray(event.data.urls)) return;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        event.data.urls.map((url) =>
          fetch(url, { credentials: 'same-origin' })
            .then((res) => (res.ok ? cache.put(url, res) : undefined))
            .catch(() => undefined),
        ),
      ),
    ),
  );
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(key ?? request, res.clone());
    return res;
  } catch (err) {
    const hit = (await cache.match(key ?? request)) ?? (await cache.match(key ?? request, { ignoreSearch: true }));
    if (hit) return hit;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    if (url.pathname === '/find' || url.pathname === '/find/') event.respondWith(networkFirst(req, '/find'));
    return;
  }
  if (url.pathname.startsWith('/assets/')) return event.respondWith(cacheFirst(req));
  if (OFFLINE_API.includes(url.pathname)) return event.respondWith(networkFirst(req));
});
