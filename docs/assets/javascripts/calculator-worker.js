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

async function fetchText(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${what} не се зареди (${response.status})`);
  return response.text();
}

async function fetchBytes(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${what} не се зареди (${response.status})`);
  return response.arrayBuffer();
}

async function boot({ pyodide: indexURL, wheels, catalogue }) {
  progress(1);
  // Everything the engine needs downloads while Pyodide boots: the
  // catalogue and our wheels (fetched, not `loadPackage`d, which would
  // start only after the boot and costs more to install).
  const wheelBytes = Promise.all(wheels.map((url) => fetchBytes(url, "калкулаторът")));
  const catalogueText = fetchText(catalogue, "каталогът");
  wheelBytes.catch(() => {});
  catalogueText.catch(() => {});
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
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
