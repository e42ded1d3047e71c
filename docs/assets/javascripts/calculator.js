// The calculator page's glue: form values to Python, its markup into the page's slots, the link to the
// address bar, progress and failure in words (data-state: site.css). Material's instant navigation
// swaps the page without reloading this module: it mounts on every `document$`.

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

  // What is handed out (copied, requested) is the latest answer's link: `answered` settles once it shows.
  let answered = Promise.resolve();
  const settled = async () => {
    for (let waited; waited !== answered; ) await (waited = answered);
  };
  root.addEventListener("click", async (event) => {
    // Print buttons are in the answers too (an offer's); the advice line's link would replace the quote link.
    if (event.target.closest("[data-calc-print]")) window.print();
    if (event.target.closest("[data-calc-jump]")) {
      event.preventDefault();
      root.querySelector("[data-calc-answer-heading]").focus();
    }
    const copy = event.target.closest("[data-calc-copy]");
    if (!copy) return;
    // The quote link, or the field the button names (the sales page's offer link).
    const field = root.querySelector(copy.dataset.calcCopy || "[data-quote-link]");
    await settled();
    try {
      await navigator.clipboard.writeText(field.value);
      say("copied");
    } catch {
      field.select();
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
  // Python has data-timeout seconds to start; the boot script may still be on its way.
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
    // A reopened link's price list, day and notices, sent back with each answer until the quote changes.
    let pin = null;
    let latest = 0;
    // The sales page: the key file is read here, only its public half goes to Python, which names the listed
    // key and writes the offer's link; Web Crypto signs it here.
    const offerLink = root.querySelector("[data-offer-link]");
    let signer = null;
    form.elements["offer.key"]?.addEventListener("change", async ({ target }) => {
      try {
        const pem = await target.files[0].text();
        const der = Uint8Array.from(atob(pem.replace(/-----[^-]+-----|\s/g, "")), (c) => c.charCodeAt(0));
        const key = await crypto.subtle.importKey("pkcs8", der, "Ed25519", true, ["sign"]);
        signer = { key, public: (await crypto.subtle.exportKey("jwk", key)).x };
      } catch (error) {
        signer = { public: error.name === "NotSupportedError" ? "unsupported" : "" }; // Python says which
      }
      ask("answer", {});
    });
    const sign = async (unsigned) => {
      if (!unsigned || !signer?.key) return "";
      const signature = await crypto.subtle.sign("Ed25519", signer.key, new TextEncoder().encode(unsigned.slice(1)));
      const s = btoa(String.fromCharCode(...new Uint8Array(signature))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      return `${url(root.dataset.offerPage)}${unsigned}&s=${s}`;
    };
    const show = async (reply) => {
      for (const [name, value] of Object.entries(reply.form ?? {})) form.elements[name].value = value;
      // An offer's profile is what was signed: read-only until the visitor makes their own quote.
      for (const field of form.elements) field.disabled = Boolean(reply.locked);
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
      if (offerLink) offerLink.value = await sign(reply.unsigned);
      if (offerLink) root.querySelector("[data-offer-open]").href = offerLink.value || "#";
      if (!reply.link) return;
      history.replaceState(history.state, "", reply.link);
      link.value = location.href;
      root.querySelector("[data-calc-link-text]").textContent = location.href;
      // In the fragment, which no request carries: the quote's words reach us only when sent.
      const lines = reply.request ? `&redove=${encodeURIComponent(reply.request)}` : "";
      const accept = reply.accept ? `&priemam=${encodeURIComponent(reply.accept)}` : "";
      request.href = `${contact}#oferta=${encodeURIComponent(location.href)}${lines}${accept}`;
      for (const button of root.querySelectorAll("[data-calc-accept]")) button.href = request.href;
      status.textContent = reply.status;
    };
    // Where older price lists are, and the keys that confirm an offer (web.py).
    const { siteRoot, priceLists, offers } = root.dataset;
    const context = { site: url(siteRoot), price_lists: url(priceLists), offers };
    const ask = (fn, extra) => {
      const ticket = ++latest;
      share.setAttribute("aria-busy", "true");
      const values = Object.fromEntries(new FormData(form));
      answered = engine.call(fn, { form: values, pin, key: signer?.public, ...context, ...extra }).then(
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
    // The quote link in the address bar: not empty, nor naming an element (a heading) of the page.
    const linkHash = () => {
      let id = location.hash.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // Not an anchor either: Python names the malformed escape.
      }
      return id && !document.getElementById(id) ? location.hash : null;
    };
    const open = () => ask("open_link", { link: linkHash() });
    // A link pasted into the address bar changes the fragment: reopen it (replaceState fires no hashchange).
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
    // Once it has answered: the offline copy (backoffice/browser_bundle/service_worker.js), scoped to its folder.
    (linkHash() ? open() : ask("answer", {})).then(() =>
      root.dataset.offline && navigator.serviceWorker?.register(root.dataset.offline).catch((error) => {
        console.warn("calculator: no offline copy:", error.message);
      }),
    );
  }
}

const mountAll = () => document.querySelectorAll("[data-calculator]").forEach(mount);
if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
