// The calculator page's glue: the form's values to the Python engine, its
// ready markup into the page's slots, the quote's link to the address bar,
// progress and failure in the page's or Python's words (data-state: site.css
// shows the bar or the fallback). Material's instant navigation swaps the
// page without reloading this module: it mounts on every `document$`.

function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  const form = root.querySelector("form");
  const status = root.querySelector("[data-calc-status-text]");
  const bar = root.querySelector("[data-calc-progress]");
  const share = root.querySelector("[data-calc-share]");
  const link = root.querySelector("[data-quote-link]");
  const request = root.querySelector("[data-calc-request]");
  const contact = request.href;
  const says = [...root.querySelector("[data-calc-says]").content.children];
  const texts = new Map(says.map((p) => [p.dataset.say, p.textContent]));
  const say = (key) => (status.textContent = texts.get(String(key)) ?? texts.get("failed"));
  const url = (value) => new URL(value, document.baseURI).href;

  // What is handed out (copied, requested) is the link of the answer to the
  // latest state of the form: `answered` settles once that is on screen.
  let answered = Promise.resolve();
  const settled = async () => {
    for (let waited; waited !== answered; ) await (waited = answered);
  };
  root.querySelector("[data-calc-print]").addEventListener("click", () => window.print());
  // The advice line's link (render.py): its fragment would replace the quote link.
  root.addEventListener("click", (event) => {
    if (!event.target.closest("[data-calc-jump]")) return;
    event.preventDefault();
    root.querySelector("[data-calc-answer-heading]").focus();
  });
  root.querySelector("[data-calc-copy]").addEventListener("click", async () => {
    await settled();
    try {
      await navigator.clipboard.writeText(link.value);
      say("copied");
    } catch {
      link.select();
      say("copy-failed");
    }
  });
  request.addEventListener("click", (event) => {
    if (!share.hasAttribute("aria-busy")) return;
    event.preventDefault();
    event.stopPropagation();
    settled().then(() => request.click());
  });

  const progress = (step) => {
    if (!root.isConnected || root.dataset.state !== "loading") return;
    bar.value = step;
    say(step);
  };
  // Python has data-timeout seconds to start; the boot script may still be
  // on its way when this module runs.
  const ready = new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error("timeout")), root.dataset.timeout * 1000);
    const adopt = () => {
      const engine = window.calculatorEngine;
      engine.onProgress = progress;
      progress(engine.step);
      engine.ready.then(() => resolve(engine), reject);
    };
    if (typeof WebAssembly !== "object") reject(new Error("no-wasm"));
    else if (window.calculatorEngine) adopt();
    else document.addEventListener("calculator-engine", adopt, { once: true });
  });
  ready.then(start, ({ message }) => {
    if (!root.isConnected) return;
    console.warn("calculator:", message);
    root.dataset.state = "error";
    say(message);
  });

  function start(engine) {
    if (!root.isConnected) return;
    // A quote reopened from a link: its price list, day of issue and notices,
    // from Python; sent back with each answer until the visitor changes it.
    let pin = null;
    let latest = 0;
    const show = (reply) => {
      for (const [name, value] of Object.entries(reply.form ?? {})) form.elements[name].value = value;
      if ("pin" in reply) pin = reply.pin;
      for (const [name, message] of Object.entries(reply.errors)) {
        const box = root.querySelector(`[data-error-for="${name}"]`);
        box.textContent = message;
        box.hidden = !message;
        if (message) form.elements[name].setAttribute("aria-invalid", "true");
        else form.elements[name].removeAttribute("aria-invalid");
      }
      for (const [name, html] of Object.entries(reply.slots)) {
        const slot = root.querySelector(`[data-calc-${name}]`);
        slot.innerHTML = html;
        slot.hidden = !html;
      }
      if (!reply.link) return;
      history.replaceState(history.state, "", reply.link);
      link.value = location.href;
      root.querySelector("[data-calc-link-text]").textContent = location.href;
      // In the fragment, which no request carries: the profile and the one-off
      // lines in words (web.py) reach us only when sent.
      const lines = reply.request ? `&redove=${encodeURIComponent(reply.request)}` : "";
      request.href = `${contact}#oferta=${encodeURIComponent(location.href)}${lines}`;
      status.textContent = reply.status;
    };
    const ask = (fn, extra) => {
      const ticket = ++latest;
      share.setAttribute("aria-busy", "true");
      const values = Object.fromEntries(new FormData(form));
      answered = engine.call(fn, { form: values, pin, ...extra }).then(
        // Answers can overtake each other while the visitor types; show the newest.
        (reply) => ticket === latest && root.isConnected && show(reply),
        (error) => {
          console.warn("calculator:", error.message);
          say("broken");
        },
      );
      answered.then(() => ticket === latest && share.removeAttribute("aria-busy"));
      return answered;
    };
    // The quote link in the address bar: not an empty fragment, nor one
    // naming an element of the page (a heading from the table of contents).
    const linkHash = () => {
      let id = location.hash.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // Not an anchor either: Python names the malformed escape.
      }
      return id && !document.getElementById(id) ? location.hash : null;
    };
    const lists = { site: url(root.dataset.siteRoot), price_lists: url(root.dataset.priceLists) };
    const open = () => ask("open_link", { link: linkHash(), ...lists });
    // A link pasted into the address bar changes only the fragment: reopen
    // it. The page's own updates use history.replaceState: no hashchange.
    const onHashChange = () => {
      if (!root.isConnected) window.removeEventListener("hashchange", onHashChange);
      else if (linkHash()) open();
    };
    window.addEventListener("hashchange", onHashChange);
    form.addEventListener("input", (event) => {
      // Any change but the lev box makes a new quote, at today's prices.
      if (event.target.name !== "bgn") pin = null;
      ask("answer", {});
    });
    root.dataset.state = "ready";
    say("ready");
    // Once it has answered: the offline copy (backoffice/runtime/service_worker.js), scoped to its folder.
    (linkHash() ? open() : ask("answer", {})).then(() =>
      navigator.serviceWorker?.register(root.dataset.offline).catch((error) => {
        console.warn("calculator: no offline copy:", error.message);
      }),
    );
  }
}

const mountAll = () => document.querySelectorAll("[data-calculator]").forEach(mount);
if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
