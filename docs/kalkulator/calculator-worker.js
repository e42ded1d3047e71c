// The Python engine, in a module Web Worker so that booting Pyodide never
// blocks the page. In: {type: "init", pyodide, wheels, catalogue}, then
// {type: "call", id, fn, args}. Out: {type: "progress", step}, then
// {type: "ready", warm} or {type: "failed", reason}, then
// {type: "result" | "error", id, ...}, and once {type: "warm-start-saved"}.
// Python answers with JSON text.

// The only Python functions the page may call (calculator/web.py).
const CALLS = new Set(["answer", "open_link", "load_catalogue"]);

let web = null;
let booting = null;

const progress = (step) => self.postMessage({ type: "progress", step });

// A download that did not arrive fails the boot as "download:<what>", so the
// page can say which: "python" (the runtime), "engine" (our wheels) or
// "catalogue". A network error and an HTTP error status count alike.
const downloadError = (what) => new Error(`download:${what}`);

async function download(url, what) {
  let response;
  try {
    response = await fetch(url);
  } catch {
    throw downloadError(what);
  }
  if (!response.ok) throw downloadError(what);
  return response;
}

async function fetchText(url, what) {
  return (await download(url, what)).text();
}

async function fetchBytes(url, what) {
  return (await download(url, what)).arrayBuffer();
}

// Pyodide's own downloads: a failed fetch rejects with a TypeError. The
// standard library's is not awaited by the boot (Pyodide logs it and goes
// on to fail later); it surfaces as an unhandled rejection, see below.
let runtimeDownloadFailed;
const runtimeDownload = new Promise((_, reject) => {
  runtimeDownloadFailed = reject;
});
runtimeDownload.catch(() => {});

async function runtime(promise) {
  try {
    return await promise;
  } catch (error) {
    throw error instanceof TypeError ? downloadError("python") : error;
  }
}

// Warm starts. The first visit boots Python from scratch (about 2 s of CPU)
// and then, once idle, keeps a memory snapshot of it, engine imported, in
// the browser's Cache Storage. A later visit restores that instead of
// starting Python again. The key names the Pyodide release and our wheels
// (both fingerprinted URLs), so a new release or a new engine never meets
// an old snapshot; Pyodide also refuses one from another build. A snapshot
// that fails to restore is dropped and the boot starts over from scratch.
const WARM_CACHE = "calculator-warm-start";
const SNAPSHOT_DELAY_MS = 1000;

const snapshotKey = (indexURL, wheels) =>
  `${indexURL}warm-start?${wheels.map((url) => new URL(url).pathname).join("&")}`;

// Opened once for the visit.
let warmCacheOpened = null;

function warmCache() {
  warmCacheOpened ??= (async () => {
    try {
      return typeof caches === "object" ? await caches.open(WARM_CACHE) : null;
    } catch {
      return null; // storage refused (private mode, quota): boot from scratch
    }
  })();
  return warmCacheOpened;
}

// A restore that never finished (Python hung, the tab was closed) leaves
// its mark behind; the next visit then drops the snapshot rather than
// trusting it again, so one bad snapshot cannot break every visit.
const attemptKey = (key) => `${key}&attempt`;

async function readSnapshot(key) {
  const cache = await warmCache();
  try {
    if (!cache) return null;
    if (await cache.match(attemptKey(key))) {
      await forgetSnapshots(null);
      return null;
    }
    const response = await cache.match(key);
    if (!response) return null;
    await cache.put(attemptKey(key), new Response(""));
    const plain = response.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(plain).arrayBuffer());
  } catch {
    return null;
  }
}

async function restored(key) {
  try {
    await (await warmCache())?.delete(attemptKey(key));
  } catch {
    // Not worth failing the boot: the next visit starts afresh at worst.
  }
}

async function forgetSnapshots(keep) {
  const cache = await warmCache();
  if (!cache) return;
  for (const request of await cache.keys()) {
    if (request.url !== keep) await cache.delete(request);
  }
}

let snapshotTimer = null;
let snapshotDone = false;

// Called after each answer: the snapshot is taken once the visitor pauses,
// so that it never delays the first live quote or a recalculation.
function scheduleSnapshot(pyodide, key) {
  if (snapshotDone) return;
  clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(async () => {
    snapshotDone = true;
    try {
      const cache = await warmCache();
      if (!cache) return;
      const bytes = pyodide.makeMemorySnapshot();
      // Python's memory is mostly empty pages: gzip keeps about a fifth of
      // its 31 MB on the visitor's disk, for some 0.1 s more to restore.
      const packed = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
      await cache.put(key, new Response(packed, { headers: { "Content-Type": "application/gzip" } }));
      await forgetSnapshots(key);
      self.postMessage({ type: "warm-start-saved" });
    } catch (error) {
      console.warn("calculator worker: no warm start:", String(error.message || error));
    }
  }, SNAPSHOT_DELAY_MS);
}

let afterAnswer = () => {};

async function startPython(loader, indexURL, snapshot, failed) {
  const { loadPyodide } = await Promise.race([loader, failed]);
  const options = { indexURL, stdout: () => {}, stderr: () => {} };
  if (snapshot) options._loadSnapshot = snapshot;
  else options._makeSnapshot = true;
  return Promise.race([runtime(loadPyodide(options)), failed]);
}

async function boot({ pyodide: indexURL, wheels, catalogue }) {
  progress(1);
  // Everything the engine needs downloads while Pyodide boots: the
  // catalogue and our wheels (fetched, not `loadPackage`d, which would
  // start only after the boot and costs more to install).
  const wheelBytes = Promise.all(wheels.map((url) => fetchBytes(url, "engine")));
  const catalogueText = fetchText(catalogue, "catalogue");
  wheelBytes.catch(() => {});
  catalogueText.catch(() => {});
  // A failed download ends the boot at once, not when its turn comes.
  const failed = Promise.race([
    Promise.all([wheelBytes, catalogueText]).then(() => new Promise(() => {})),
    runtimeDownload,
  ]);
  // Pyodide's loader downloads while the cache is asked for a snapshot.
  const loader = runtime(import(`${indexURL}pyodide.mjs`));
  loader.catch(() => {});
  const key = snapshotKey(indexURL, wheels);
  let snapshot = await readSnapshot(key);
  let pyodide;
  try {
    pyodide = await startPython(loader, indexURL, snapshot, failed);
    web = await installEngine(pyodide, await wheelBytes, snapshot);
  } catch (error) {
    if (!snapshot || String(error.message).startsWith("download:")) throw error;
    console.warn("calculator worker: warm start refused:", String(error.message || error));
    await forgetSnapshots(null);
    snapshot = null;
    pyodide = await startPython(loader, indexURL, null, failed);
    web = await installEngine(pyodide, await wheelBytes, null);
  }
  web.load_catalogue(await catalogueText);
  progress(4);
  if (snapshot) await restored(key);
  else afterAnswer = () => scheduleSnapshot(pyodide, key);
  return { warm: Boolean(snapshot) };
}

// Our wheels go into site-packages even after a warm start: the snapshot
// holds the imported modules, but a module imported later reads its file.
async function installEngine(pyodide, wheels, snapshot) {
  progress(2);
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
  for (const bytes of wheels) {
    pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
  }
  // Time zones are read from the tzdata wheel's files by path: the
  // package's own lookup would import importlib.resources, 25 ms more.
  pyodide.runPython(
    `import importlib, zoneinfo; importlib.invalidate_caches(); zoneinfo.reset_tzpath(["${sitePackages}/tzdata/zoneinfo"])`,
  );
  progress(3);
  // Imported before a snapshot is taken, so that a warm start has them too
  // (catalogue.py imports validate only when a catalogue is loaded).
  if (!snapshot) pyodide.runPython("import calculator.web, calculator.validate");
  return pyodide.pyimport("calculator.web");
}

// When a download fails, Pyodide leaves promises of its own unhandled: the
// boot ends with a download failure; keep these out of the page's errors.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (event.reason instanceof TypeError) runtimeDownloadFailed(downloadError("python"));
  console.warn("calculator worker:", String(event.reason?.message || event.reason));
});

self.addEventListener("message", async ({ data }) => {
  if (data.type === "init") {
    booting ??= boot(data).then(
      ({ warm }) => self.postMessage({ type: "ready", warm }),
      (error) => self.postMessage({ type: "failed", reason: String(error.message || error) }),
    );
    return;
  }
  if (data.type === "call") {
    try {
      if (!web || !CALLS.has(data.fn)) throw new Error(`непозната заявка ${data.fn}`);
      const result = web[data.fn](...data.args);
      self.postMessage({ type: "result", id: data.id, result });
      afterAnswer();
    } catch (error) {
      // A Python traceback is for the console, not for the visitor.
      self.postMessage({ type: "error", id: data.id, reason: String(error.message || error) });
    }
  }
});
