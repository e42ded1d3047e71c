// The calculator page's glue: form values go to the Python engine running in
// a Web Worker, its answer comes back as ready-made rows. No prices are
// computed here; this file only moves data and keeps the user informed.
//
// Material's instant navigation swaps page content without reloading this
// script, so it mounts on every `document$` emission and keeps one Worker
// for the whole visit.

const READY_TIMEOUT_MS = 20000;

const MESSAGES = {
  noWasm: "Браузърът ви не поддържа WebAssembly, затова калкулаторът не може да смята тук.",
  timeout: "Калкулаторът не успя да се зареди за 20 секунди.",
  failed: "Калкулаторът не успя да се зареди.",
  keep: "Цените в таблицата са за стойностите по подразбиране.",
  ready: "Калкулаторът е готов. Цените се преизчисляват при всяка промяна.",
  broken: "Изчислението не успя. Опитайте отново или се свържете с нас.",
  invalid: "Въведете число от {min} до {max}.",
};

let engine = null; // {worker, ready: Promise, pending: Map}

function startEngine(root) {
  if (engine) return engine;
  const url = (value) => new URL(value, document.baseURI).href;
  const worker = new Worker(url(root.dataset.worker), { type: "module" });
  const pending = new Map();
  let settle;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  const timer = setTimeout(() => settle.reject(new Error("timeout")), READY_TIMEOUT_MS);
  worker.addEventListener("message", ({ data }) => {
    if (data.type === "ready") {
      clearTimeout(timer);
      settle.resolve();
    } else if (data.type === "failed") {
      clearTimeout(timer);
      settle.reject(new Error(data.reason));
    } else if (pending.has(data.id)) {
      const { resolve, reject } = pending.get(data.id);
      pending.delete(data.id);
      data.type === "result" ? resolve(data.result) : reject(new Error(data.reason));
    }
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    settle.reject(new Error(event.message || "worker"));
  });
  worker.postMessage({
    type: "init",
    pyodide: url(root.dataset.pyodide),
    wheels: root.dataset.wheels.trim().split(/\s+/).map(url),
    catalogue: url(root.dataset.catalogue),
  });
  let next = 0;
  const ask = (form) =>
    new Promise((resolve, reject) => {
      next += 1;
      pending.set(next, { resolve, reject });
      worker.postMessage({ type: "quote", id: next, form });
    });
  engine = { ready, ask };
  // A failed engine stays failed for this visit: do not start a second one.
  ready.catch(() => {});
  return engine;
}

function showError(form, message) {
  const input = form.elements.hours;
  const error = form.querySelector("#calc-hours-error");
  error.textContent = message || "";
  error.hidden = !message;
  if (message) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

// Bounds are checked here too, so the message shows while typing; the
// engine checks them again and its word is final.
function readForm(form) {
  const input = form.elements.hours;
  const text = input.value.trim().replace(",", ".");
  const value = Number(text);
  if (text === "" || !Number.isFinite(value) || value < Number(input.min) || value > Number(input.max)) {
    showError(form, MESSAGES.invalid.replace("{min}", input.min).replace("{max}", input.max));
    return null;
  }
  showError(form, "");
  return { hours: text };
}

function showRows(root, rows) {
  for (const row of rows) {
    const tr = root.querySelector(`tr[data-plan="${CSS.escape(row.id)}"]`);
    if (!tr) continue;
    tr.dataset.gross = row.gross;
    for (const field of ["net", "vat", "gross"]) {
      tr.querySelector(`[data-field="${field}"]`).textContent = row[`${field}_text`];
    }
  }
}

function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  const status = root.querySelector("[data-calc-status]");
  const form = root.querySelector("form");
  form.addEventListener("submit", (event) => event.preventDefault());

  if (typeof WebAssembly !== "object") {
    fail(root, status, MESSAGES.noWasm);
    return;
  }
  const { ready, ask } = startEngine(root);
  let latest = 0;
  const recompute = async () => {
    const values = readForm(form);
    if (!values) return;
    const ticket = ++latest;
    try {
      const answer = await ask(values);
      // Answers can overtake each other while the user types; show the newest.
      if (ticket !== latest || !root.isConnected) return;
      if (answer.error) showError(form, answer.error.message);
      else showRows(root, answer.rows);
    } catch (error) {
      // The engine answers bad input with a message of its own; getting here
      // means something unexpected, which the visitor cannot act on.
      console.warn("calculator:", error.message);
      status.textContent = MESSAGES.broken;
    }
  };
  ready.then(
    () => {
      if (!root.isConnected) return;
      root.dataset.state = "ready";
      status.textContent = MESSAGES.ready;
      form.addEventListener("input", recompute);
      recompute();
    },
    (error) => {
      if (!root.isConnected) return;
      fail(root, status, error.message === "timeout" ? MESSAGES.timeout : MESSAGES.failed);
    },
  );
}

function fail(root, status, message) {
  root.dataset.state = "error";
  status.textContent = `${message} ${MESSAGES.keep}`;
  root.querySelector("[data-calc-fallback]").hidden = false;
}

function mountAll() {
  document.querySelectorAll("[data-calculator]").forEach(mount);
}

if (window.document$) {
  window.document$.subscribe(mountAll);
} else {
  mountAll();
}
