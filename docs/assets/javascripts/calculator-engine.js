// The one Python engine of the visit: a module Web Worker running Pyodide.
//
// The calculator page starts its Worker from its <head> (calculator-boot.js),
// before Material's bundle has run, so that Pyodide downloads and compiles
// while the page is still being laid out; the engine adopts that Worker and
// what it has said so far. After instant navigation to the page, calculator.js starts
// it itself. Either way there is one Worker: this module is loaded once and
// keeps it.

export const READY_TIMEOUT_MS = 20000;

let engine = null;

// A URL the page wrote relative to itself, made absolute.
export function absolute(value) {
  return new URL(value, document.baseURI).href;
}

// Where the engine's files are: the page writes them as data-* attributes
// (relative URLs) on the element `element`.
export function engineConfig(element) {
  return {
    worker: absolute(element.dataset.worker),
    pyodide: absolute(element.dataset.pyodide),
    wheels: element.dataset.wheels.trim().split(/\s+/).map(absolute),
    catalogue: absolute(element.dataset.catalogue),
  };
}

// Start the engine, or return the one already started. `engine.ready`
// settles once: resolved when Python can answer, rejected on failure or
// after READY_TIMEOUT_MS; a failed engine stays failed for the visit.
// `engine.onProgress(listener)` reports the boot steps, 1 to 4.
export function startEngine(config) {
  if (engine) return engine;
  // The Worker the page's head started (calculator-boot.js), if any.
  const early = window.calculatorWorker;
  const worker = early ? early.worker : new Worker(config.worker, { type: "module" });
  const pending = new Map();
  const listeners = new Set();
  let settle;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  ready.catch(() => {});
  const timer = setTimeout(() => settle.reject(new Error("timeout")), READY_TIMEOUT_MS);
  worker.addEventListener("message", ({ data }) => {
    if (data.type === "progress") {
      engine.step = data.step;
      listeners.forEach((listener) => listener(data.step));
    } else if (data.type === "ready") {
      clearTimeout(timer);
      if (data.warm) document.documentElement.dataset.calcWarmStart = "used";
      settle.resolve();
    } else if (data.type === "failed") {
      clearTimeout(timer);
      settle.reject(new Error(data.reason));
    } else if (data.type === "warm-start-saved") {
      // Said for the benchmark and the tests, which reload only after it.
      document.documentElement.dataset.calcWarmStart = "saved";
    } else if (pending.has(data.id)) {
      const { resolve, reject } = pending.get(data.id);
      pending.delete(data.id);
      if (data.type === "result") resolve(data.result);
      else reject(new Error(data.reason));
    }
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    settle.reject(new Error(event.message || "worker"));
  });
  let next = 0;
  const call = (fn, ...args) =>
    new Promise((resolve, reject) => {
      next += 1;
      pending.set(next, { resolve, reject });
      worker.postMessage({ type: "call", id: next, fn, args });
    });
  const onProgress = (listener) => listeners.add(listener);
  engine = { ready, call, onProgress, step: 0 };
  // Replayed once `engine` exists: the handlers above update it.
  if (early) {
    worker.removeEventListener("message", early.onMessage);
    worker.removeEventListener("error", early.onError);
    early.messages.forEach((event) => worker.dispatchEvent(new MessageEvent("message", { data: event.data })));
    early.errors.forEach((event) => worker.dispatchEvent(new ErrorEvent("error", { message: event.message })));
  } else {
    worker.postMessage({ type: "init", ...config, worker: undefined });
  }
  return engine;
}
