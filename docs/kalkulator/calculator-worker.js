// The Python engine off the page's thread: calls calculator/page/web.py by name, fetches what Python asks
// for. In: {fn, request} and a port for {reply} or {error}; "init" ({pyodide, wheels, catalogue}) first.

// The only functions of calculator/page/web.py the page may call.
const CALLS = new Set(["answer", "open_link"]);
// Our wheels go into a folder of their own, on Python's path from its start; time
// zones are read by path from the tzdata wheel (its lookup costs 25 ms more).
const ENGINE = "/engine";
const ENV = { PYTHONPATH: ENGINE, PYTHONTZPATH: `${ENGINE}/tzdata/zoneinfo` };

let web = null;
let afterAnswer = () => {};
const progress = (step) => self.postMessage({ step });

// A download that did not arrive (no network, HTTP error) fails the boot as "download:<what>".
async function download(url, what, as) {
  const response = await fetch(url).catch(() => null);
  if (!response?.ok) throw new Error(`download:${what}`);
  return response[as]();
}

// The boot's first failed download ends it at once: ours, or Pyodide's (a TypeError; see below).
let bootFailed;
const bootFailure = new Promise((_, reject) => (bootFailed = reject));
bootFailure.catch(() => {});
const runtime = (promise) =>
  promise.catch((error) => {
    throw error instanceof TypeError ? new Error("download:python") : error;
  });

// Pyodide fetches its WebAssembly and stdlib, we our engine's wheel, by plain name; the site also serves
// them gzipped (cut.py).
const GZIPPED = /\/(pyodide\.asm\.wasm|python_stdlib\.zip|calculator-[^/]+\.whl)$/;
const plainFetch = self.fetch.bind(self);
self.fetch = async (url, options) => {
  if (!GZIPPED.test(String(url))) return plainFetch(url, options);
  const fetched = (address) => plainFetch(address, options).catch((error) => {
    bootFailed(new Error(`download:${String(url).endsWith(".whl") ? "engine" : "python"}`));
    throw error;
  });
  const response = typeof DecompressionStream === "function" ? await fetched(`${url}.gz`) : null;
  if (!response?.ok) return fetched(url);
  const type = String(url).endsWith(".wasm") ? "application/wasm" : "application/zip";
  const body = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Response(body, { headers: { "Content-Type": type } });
};

// Warm starts: after a cold boot (about 2 s of CPU) and once the visitor pauses, a gzipped memory snapshot
// (engine imported) goes to Cache Storage, keyed by the runtime's and wheels' URLs; a later visit restores
// it. A restore that never finished leaves its attempt marked: the next visit drops the snapshot.
const WARM_CACHE = "calculator-warm-start";
const SNAPSHOT_DELAY_MS = 1000;
let warmCache = null;
const cache = () => (warmCache ??= Promise.resolve(self.caches?.open(WARM_CACHE)).catch(() => null));

async function forget(keep) {
  const store = await cache();
  for (const request of (await store?.keys()) ?? []) if (request.url !== keep) await store.delete(request);
}

async function readSnapshot(key) {
  try {
    const store = await cache();
    if (await store?.match(`${key}&attempt`)) return forget(null).then(() => null);
    const response = await store?.match(key);
    if (!response) return null;
    await store.put(`${key}&attempt`, new Response(""));
    const plain = response.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(plain).arrayBuffer());
  } catch {
    return null; // storage refused (private mode, quota) or a broken snapshot: boot from scratch
  }
}

async function saveSnapshot(pyodide, key) {
  try {
    // Python's memory is mostly empty pages: gzip keeps a fifth of its 31 MB.
    const packed = new Blob([pyodide.makeMemorySnapshot()]).stream().pipeThrough(new CompressionStream("gzip"));
    await (await cache())?.put(key, new Response(packed));
    await forget(key);
  } catch (error) {
    console.warn("calculator worker: no warm start:", String(error.message || error));
  }
}

// Snapshots are Pyodide's private API (_loadSnapshot, _makeSnapshot, makeMemorySnapshot): used here only.
// One that fails to restore is dropped for a plain boot; a release without snapshots keeps none.
async function startPython(start, key) {
  const snapshot = await readSnapshot(key);
  if (snapshot) {
    try {
      const pyodide = await start({ _loadSnapshot: snapshot });
      await (await cache())?.delete(`${key}&attempt`);
      return pyodide;
    } catch (error) {
      if (String(error.message).startsWith("download:")) throw error;
      console.warn("calculator worker: warm start refused:", String(error.message || error));
      await forget(null);
    }
  }
  const pyodide = await start({ _makeSnapshot: true });
  if (typeof pyodide.makeMemorySnapshot !== "function") return pyodide;
  // Taken once the visitor pauses, so that it never delays an answer.
  let timer = null;
  afterAnswer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      afterAnswer = () => {};
      saveSnapshot(pyodide, key);
    }, SNAPSHOT_DELAY_MS);
  };
  return pyodide;
}

async function boot({ pyodide: indexURL, wheels, catalogue }) {
  progress(1);
  // Everything downloads while Pyodide boots (wheels fetched: `loadPackage` would wait for the boot).
  const wheelBytes = Promise.all(wheels.map((url) => download(url, "engine", "arrayBuffer")));
  const catalogueText = download(catalogue, "catalogue", "text");
  for (const downloading of [wheelBytes, catalogueText]) downloading.catch(bootFailed);
  // Pyodide's loader downloads while the cache is asked for a snapshot.
  const loader = runtime(import(`${indexURL}pyodide.mjs`));
  loader.catch(() => {});
  const start = async (options) => {
    const { loadPyodide } = await Promise.race([loader, bootFailure]);
    const fsInit = async (fs) => fs.mkdirTree(ENGINE);
    const quiet = { stdout: () => {}, stderr: () => {} };
    const booted = loadPyodide({ indexURL, env: ENV, fsInit, ...quiet, ...options });
    const pyodide = await Promise.race([runtime(booted), bootFailure]);
    // A module missing from the cut standard library comes from the stock one (backoffice/browser_bundle/stdlib_fallback.py).
    pyodide.pyimport("_stdlib_fallback").install(`${indexURL}python_stdlib_full.zip`);
    progress(2);
    // Even after a warm start: a module imported later reads its file.
    for (const bytes of await Promise.race([wheelBytes, bootFailure])) {
      pyodide.unpackArchive(bytes, "wheel", { extractDir: ENGINE });
    }
    progress(3);
    web = pyodide.pyimport("calculator.page.web");
    return pyodide;
  };
  await startPython(start, `${indexURL}warm-start?${wheels.map((url) => new URL(url).pathname).join("&")}`);
  web.load_catalogue(await catalogueText);
  progress(4);
}

// Python answers JSON; {"need": url} asks for a file first, handed back as files[url] (null if not had).
async function ask(fn, request) {
  const files = {};
  let reply = JSON.parse(web[fn](JSON.stringify(request)));
  while (reply.need && !(reply.need in files)) {
    files[reply.need] = await download(reply.need, "file", "text").catch(() => null);
    reply = JSON.parse(web[fn](JSON.stringify({ ...request, files })));
  }
  return reply;
}

// The standard library's fallback (see boot) reads the full one through this, by name.
self.readSync = (url) => {
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.responseType = "arraybuffer";
  request.send();
  if (request.status !== 200) throw new Error(`download:stdlib ${request.status}`);
  return new Uint8Array(request.response);
};

// Pyodide's unhandled promises (a failed download's): kept out of the page's errors.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (event.reason instanceof TypeError) bootFailed(new Error("download:python"));
  console.warn("calculator worker:", String(event.reason?.message || event.reason));
});

self.addEventListener("message", async ({ data: { fn, request }, ports: [port] }) => {
  try {
    if (fn === "init") return port.postMessage({ reply: await boot(request) });
    if (!web || !CALLS.has(fn)) throw new Error(`unknown call ${fn}`);
    port.postMessage({ reply: await ask(fn, request) });
    afterAnswer();
  } catch (error) {
    // A Python traceback is for the console, not for the visitor.
    port.postMessage({ error: String(error.message || error) });
  }
});
