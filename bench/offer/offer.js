// window.benchOffer(job): boot the worker, time the job there, resolve with its figures.
const html = document.documentElement;
const out = document.getElementById("out");
const absolute = (url) => new URL(url, document.baseURI).href;

window.benchOffer = (job) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL("offer-worker.js", import.meta.url), { type: "module" });
    worker.addEventListener("message", ({ data }) => {
      worker.terminate();
      out.textContent = data.error ? `error: ${data.error}` : "done";
      html.dataset.offer = data.error ? "error" : "done";
      if (data.error) reject(new Error(data.error));
      else resolve(JSON.parse(data.result));
    });
    worker.postMessage({
      indexURL: absolute(html.dataset.pyodide),
      wheels: html.dataset.wheels.split(" ").filter(Boolean).map(absolute),
      script: absolute("offer_timing.py"),
      job,
    });
  });
