// The calculator's offline copy (VERSION and FILES written above by offline.py), scoped to its page. Every
// request goes to the network first, so a deploy is seen at once; the copy answers when the network does not.

const CACHE = `calculator-offline-${VERSION}`;

self.addEventListener("install", (event) => {
  // All or nothing: a copy with a file missing would fail offline.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

// A new version replaces the copy whole.
self.addEventListener("activate", (event) => {
  const old = (name) => name.startsWith("calculator-offline-") && name !== CACHE;
  const dropped = caches.keys().then((names) => Promise.all(names.filter(old).map((n) => caches.delete(n))));
  event.waitUntil(dropped.then(() => self.clients.claim()));
});

// The copy holds its list's files (resolved against this file, as cache.addAll does) and nothing else,
// not an address with a query nor whatever else the page fetches: it cannot grow without bound.
const LISTED = new Set(FILES.map((file) => new URL(file, location).href));

// A listed file the copy lacks is put back when fetched; one it has is not written again on every visit.
async function keep(request, response) {
  if (!LISTED.has(request.url) || !response.ok || response.type !== "basic") return;
  const cache = await caches.open(CACHE);
  if (!(await cache.match(request))) await cache.put(request, response);
}

async function fromCopy(request) {
  // A quote link differs only in its fragment, which requests never carry; a query changes nothing either.
  const hit = await (await caches.open(CACHE)).match(request, { ignoreSearch: request.mode === "navigate" });
  return hit ?? Response.error();
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  const online = fetch(request);
  event.respondWith(online.then((response) => response.clone(), () => fromCopy(request)));
  event.waitUntil(online.then((response) => keep(request, response)).catch(() => {}));
});
