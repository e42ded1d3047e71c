// Boot the site's Pyodide as docs/kalkulator/calculator-worker.js does (its
// environment, the standard library's fallback, our wheels unpacked into a
// folder on Python's path; no warm start), then run offer_timing.measure(job).
const ENGINE = "/engine";
const ENV = { PYTHONPATH: ENGINE, PYTHONTZPATH: `${ENGINE}/tzdata/zoneinfo` };

// The standard library's fallback reads the full one through this, by name.
self.readSync = (url) => {
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.responseType = "arraybuffer";
  request.send();
  if (request.status !== 200) throw new Error(`download:stdlib ${request.status}`);
  return new Uint8Array(request.response);
};

async function download(url, as) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response[as]();
}

self.addEventListener("message", async ({ data: { indexURL, wheels, script, job } }) => {
  try {
    const wheelBytes = Promise.all(wheels.map((url) => download(url, "arrayBuffer")));
    const code = download(script, "text");
    const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
    const fsInit = async (fs) => fs.mkdirTree(ENGINE);
    const quiet = { stdout: () => {}, stderr: () => {} };
    const pyodide = await loadPyodide({ indexURL, env: ENV, fsInit, ...quiet });
    pyodide.pyimport("_stdlib_fallback").install(`${indexURL}python_stdlib_full.zip`);
    for (const bytes of await wheelBytes) pyodide.unpackArchive(bytes, "wheel", { extractDir: ENGINE });
    pyodide.FS.writeFile(`${ENGINE}/offer_timing.py`, await code);
    const timing = pyodide.pyimport("offer_timing");
    self.postMessage({ result: timing.measure(JSON.stringify(job)) });
  } catch (error) {
    self.postMessage({ error: String(error.message || error) });
  }
});
