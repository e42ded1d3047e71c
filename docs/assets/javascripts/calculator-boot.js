// Starts the calculator's Worker from the page's <head>, as early as the
// browser can: a classic `async` script runs as soon as it arrives, while a
// module (even async) waits for the main thread to finish parsing and
// Material's bundle. It only creates the Worker, sends it its start message
// and keeps what the Worker says until calculator-engine.js adopts it. The
// engine's file URLs are on this script's own element.
(function () {
  var element = document.currentScript;
  if (!element || typeof WebAssembly !== "object" || window.calculatorWorker) return;
  var absolute = function (value) {
    return new URL(value, document.baseURI).href;
  };
  var worker = new Worker(absolute(element.dataset.worker), { type: "module" });
  var early = { worker: worker, messages: [], errors: [] };
  early.onMessage = function (event) {
    early.messages.push(event);
  };
  early.onError = function (event) {
    event.preventDefault();
    early.errors.push(event);
  };
  worker.addEventListener("message", early.onMessage);
  worker.addEventListener("error", early.onError);
  worker.postMessage({
    type: "init",
    pyodide: absolute(element.dataset.pyodide),
    wheels: element.dataset.wheels.trim().split(/\s+/).map(absolute),
    catalogue: absolute(element.dataset.catalogue),
  });
  window.calculatorWorker = early;
})();
