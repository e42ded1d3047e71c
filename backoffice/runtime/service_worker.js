// The calculator's offline copy: the build writes VERSION and FILES (paths from
// here) above (backoffice/runtime/offline.py); its scope is the calculator page
// alone. Every request goes to the network as it would without this worker, so
// a deploy is seen at once; the copy answers only when the network does not.

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

// The copy holds the files of its list and nothing else: not an address with
// a query (a campaign's tag, anything a link appends), not whatever else the
// page fetches, so it cannot grow without bound or keep what it never named.
// The list's URLs are resolved against this file, as cache.addAll resolves them.
const LISTED = new Set(FILES.map((file) => new URL(file, location).href));

// A listed file the copy lacks is put back when the page fetches it; one it
// has is left alone, so that the runtime is not written again on every visit.
async function keep(request, response) {
  if (!LISTED.has(request.url) || !response.ok || response.type !== "basic") return;
  const cache = await caches.open(CACHE);
  if (!(await cache.match(request))) await cache.put(request, response);
}

async function fromCopy(request) {
  // A quote link differs only in its fragment, which requests never carry;
  // a query (a campaign's tag) does not change the page either.
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
