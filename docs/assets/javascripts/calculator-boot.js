// Starts the engine (calculator-worker.js) once a visit; window.calculatorEngine is the page's line to it.
// A classic async script: it runs once downloaded, where a module waits for the parse.
(() => {
  const root = document.currentScript?.closest("[data-calculator]");
  if (!root || window.calculatorEngine || typeof WebAssembly !== "object") return;
  const url = (value) => new URL(value, document.baseURI).href;
  const worker = new Worker(url(root.dataset.worker), { type: "module" });
  const engine = { step: 0, onProgress: () => {} };
  worker.addEventListener("message", ({ data }) => engine.onProgress((engine.step = data.step)));
  // Calls a function of web.py (or "init") with a request; the reply comes on a channel of its own.
  engine.call = (fn, request) =>
    new Promise((resolve, reject) => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = ({ data }) => ("error" in data ? reject(new Error(data.error)) : resolve(data.reply));
      worker.postMessage({ fn, request }, [port2]);
    });
  // `ready` settles once: Python can answer, or the boot failed and says why.
  engine.ready = new Promise((resolve, reject) => {
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      reject(new Error("failed"));
    });
    const wheels = root.dataset.wheels.trim().split(/\s+/).map(url);
    const files = { pyodide: url(root.dataset.pyodide), wheels, catalogue: url(root.dataset.catalogue) };
    engine.call("init", files).then(resolve, reject);
  });
  engine.ready.catch(() => {});
  window.calculatorEngine = engine;
  document.dispatchEvent(new Event("calculator-engine"));
})();
