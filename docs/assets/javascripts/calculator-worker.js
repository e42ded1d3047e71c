// The Python engine, in a module Web Worker so that booting Pyodide never
// blocks the page. In: {type: "init", pyodide, wheels, catalogue}, then
// {type: "call", id, fn, args}. Out: {type: "progress", step}, then
// {type: "ready"} or {type: "failed", reason}, then
// {type: "result" | "error", id, ...}. Python answers with JSON text.

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
  const { loadPyodide } = await Promise.race([runtime(import(`${indexURL}pyodide.mjs`)), failed]);
  const pyodide = await Promise.race([
    runtime(loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} })),
    failed,
  ]);
  progress(2);
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
  for (const bytes of await wheelBytes) {
    pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
  }
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
  progress(3);
  web = pyodide.pyimport("calculator.web");
  web.load_catalogue(await catalogueText);
  progress(4);
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
      () => self.postMessage({ type: "ready" }),
      (error) => self.postMessage({ type: "failed", reason: String(error.message || error) }),
    );
    return;
  }
  if (data.type === "call") {
    try {
      if (!web || !CALLS.has(data.fn)) throw new Error(`непозната заявка ${data.fn}`);
      const result = web[data.fn](...data.args);
      self.postMessage({ type: "result", id: data.id, result });
    } catch (error) {
      // A Python traceback is for the console, not for the visitor.
      self.postMessage({ type: "error", id: data.id, reason: String(error.message || error) });
    }
  }
});
