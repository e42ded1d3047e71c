// The calculator's offline copy (the build writes VERSION and FILES above,
// see backoffice/offline.py). Its scope is the calculator page alone; content
// pages never start it.
//
// Online, every request goes to the network as it would without this
// worker, so a deploy is seen at once and no page meets stale scripts; the
// copy answers only when the network does not. The copy is taken whole when
// the worker installs, and a new version replaces it whole.

const CACHE = `calculator-offline-${VERSION}`;
const PREFIX = "calculator-offline-";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // All or nothing: a copy with a file missing would fail offline.
      await cache.addAll(FILES.map((file) => new URL(file, location).href));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// A file the copy lacks (a language file of the search, an older price
// list) is added when the page first fetches it; one it has is left alone,
// so that the runtime is not written again on every visit.
async function copied(request, response) {
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(CACHE);
    if (!(await cache.match(request))) await cache.put(request, response);
  }
}

async function fromCopy(request) {
  const cache = await caches.open(CACHE);
  // A quote link differs only in its fragment, which requests never carry;
  // a query (a campaign's tag) does not change the page either.
  const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
  if (hit) return hit;
  throw new Error("offline and not in the copy");
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  event.respondWith(
    fetch(request).then(
      (response) => {
        event.waitUntil(copied(request, response.clone()).catch(() => {}));
        return response;
      },
      () => fromCopy(request),
    ),
  );
});
