// Start the worker, pass it the index URL, show and mark its answer.
const html = document.documentElement;
const out = document.getElementById("out");
const worker = new Worker(new URL("bare-worker.js", import.meta.url), { type: "module" });
const timer = setTimeout(() => {
  html.dataset.bare = "timeout";
}, 55000); // a slowed phone boots in about 15 s; bench/probe.js gives up at 60 s
worker.addEventListener("message", ({ data }) => {
  clearTimeout(timer);
  out.textContent = String(data.result ?? data.error);
  html.dataset.bare = data.error ? "error" : String(data.result);
});
worker.postMessage({ indexURL: new URL(html.dataset.pyodide, document.baseURI).href });
