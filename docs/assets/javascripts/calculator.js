// The calculator page's glue: form values go to the Python engine running in
// a Web Worker, and its answer comes back as ready-made, escaped markup. No
// price is computed here; this file moves data, keeps the address bar on the
// quote on screen, and keeps the visitor informed.
//
// Material's instant navigation swaps page content without reloading this
// script, so it mounts on every `document$` emission and keeps one Worker
// for the whole visit.

import { absolute, engineConfig, startEngine } from "./calculator-engine.js";

const STEPS = 4;

const TEXT = {
  progress: [
    "Калкулаторът се зарежда. Докато това стане, цените по-долу са за стойностите по подразбиране.",
    "Зареждане на Python в браузъра…",
    "Зареждане на калкулатора…",
    "Подготовка на ценоразписа…",
    "Почти готово…",
  ],
  noWasm: "Браузърът ви не поддържа WebAssembly, затова калкулаторът не може да смята тук.",
  timeout: "Калкулаторът не успя да се зареди за 20 секунди.",
  failed: "Калкулаторът не успя да се зареди.",
  download: "Калкулаторът не успя да се зареди: не успяхме да изтеглим {what}.",
  downloads: {
    python: "Python за браузъра",
    engine: "програмата на калкулатора",
    catalogue: "ценоразписа",
  },
  keep: "Цените по-долу са за стойностите по подразбиране; свържете се с нас за точна оферта.",
  ready: "Калкулаторът е готов. Цените се преизчисляват при всяка промяна.",
  broken: "Изчислението не успя. Опитайте отново или се свържете с нас.",
  copied: "Връзката е копирана.",
  copyFailed: "Не успяхме да копираме връзката; маркирайте я и я копирайте ръчно.",
  linkProblems: "Не успяхме да прочетем всичко от връзката: {list}. Останалото е приложено.",
  param: {
    "": "връзката",
    v: "версия",
    pl: "ценоразпис",
    d: "дата на офертата",
    c: "вид клиент",
    ws: "работни станции",
    sv: "сървъри",
    inc: "инциденти",
    h: "часове работа",
    vis: "посещения",
    km: "разстояние",
    rt: "нужна реакция",
    at: "момент на инцидента",
  },
  oldList:
    "Тази оферта е издадена по ценоразпис {id} от {effective}, който вече не е в сила. " +
    "Показваме я, както е издадена, а под нея - същата оферта по днешните цени.",
  missingList: "Ценоразпис {id} от връзката не е намерен, затова показваме днешните цени.",
  expired: "Срокът на офертата изтече на {date}.",
  updated: "Обновено. {reco}",
};

function readForm(form) {
  const values = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === "radio") {
      if (element.checked) values[element.name] = element.value;
    } else if (element.type !== "checkbox") {
      values[element.name] = element.value;
    }
  }
  return values;
}

function fillForm(form, values) {
  for (const [name, value] of Object.entries(values)) {
    const field = form.elements[name];
    if (!field) continue;
    if (field instanceof RadioNodeList) {
      for (const radio of field) radio.checked = radio.value === value;
    } else {
      field.value = value;
    }
  }
}

function showErrors(form, errors) {
  const byField = new Map(errors.map((error) => [error.field, error.message]));
  for (const box of form.querySelectorAll("[data-error-for]")) {
    const message = byField.get(box.dataset.errorFor);
    const input = form.elements[box.dataset.errorFor];
    box.textContent = message || "";
    box.hidden = !message;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
}

function fill(root, selector, text) {
  for (const element of root.querySelectorAll(selector)) element.textContent = text;
}

function showNotice(root, messages) {
  const notice = root.querySelector("[data-calc-notice]");
  notice.replaceChildren(
    ...messages.map((message) => {
      const paragraph = document.createElement("p");
      paragraph.textContent = message;
      return paragraph;
    }),
  );
  notice.hidden = messages.length === 0;
}

// Why the engine did not start, from the reason it failed with.
function failure(reason) {
  if (reason === "timeout") return TEXT.timeout;
  const what = reason.startsWith("download:") ? reason.slice("download:".length) : "";
  return Object.hasOwn(TEXT.downloads, what) ? TEXT.download.replace("{what}", TEXT.downloads[what]) : TEXT.failed;
}

function linkProblems(errors) {
  // Own keys only: an unknown parameter may be called "constructor".
  const name = (param) => (Object.hasOwn(TEXT.param, param) ? TEXT.param[param] : "параметър");
  const list = errors.map((error) => `${name(error.param)} (${error.message})`).join("; ");
  return TEXT.linkProblems.replace("{list}", list);
}

// The quote link in the address bar, or null: an empty fragment, or one that
// names an element of the page (a heading reached from the table of contents
// or the search), is no quote link.
function linkHash() {
  const hash = location.hash;
  if (!hash || hash === "#") return null;
  let id = hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // Not an anchor either: a malformed escape is the link's problem to report.
  }
  return document.getElementById(id) ? null : hash;
}

function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  const form = root.querySelector("form");
  const statusText = root.querySelector("[data-calc-status-text]");
  const progressBar = root.querySelector("[data-calc-progress]");
  const linkInput = root.querySelector("[data-quote-link]");
  const setLinkInput = () => {
    linkInput.value = location.href;
  };
  form.addEventListener("submit", (event) => event.preventDefault());
  root.querySelector("[data-calc-print]").addEventListener("click", () => window.print());
  root.querySelector("[data-calc-copy]").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(linkInput.value);
      statusText.textContent = TEXT.copied;
    } catch {
      linkInput.select();
      statusText.textContent = TEXT.copyFailed;
    }
  });

  const fail = (message) => {
    root.dataset.state = "error";
    statusText.textContent = `${message} ${TEXT.keep}`;
    progressBar.hidden = true;
    root.querySelector("[data-calc-fallback]").hidden = false;
  };
  if (typeof WebAssembly !== "object") {
    fail(TEXT.noWasm);
    return;
  }

  const showProgress = (step) => {
    if (!root.isConnected || root.dataset.state !== "loading") return;
    progressBar.value = step;
    statusText.textContent = TEXT.progress[Math.min(step, STEPS)];
  };
  // Usually already started from the page's <head> (calculator-boot.js);
  // after instant navigation to this page, started here.
  const engine = startEngine(engineConfig(root));
  engine.onProgress(showProgress);
  showProgress(engine.step);
  const { ready, call } = engine;

  // The quote on screen: its price list and day of issue when reopened
  // from a link; a change of the form makes it a new quote of today.
  const quote = { priceList: null, issued: null, notices: [] };
  let latest = 0;

  const show = (reply) => {
    root.querySelector("[data-calc-answer]").innerHTML = reply.html;
    root.querySelector("[data-calc-inputs]").innerHTML = reply.inputs;
    fill(root, "[data-calc-number]", reply.number);
    fill(root, "[data-calc-issued]", reply.issued);
    fill(root, "[data-calc-valid]", reply.valid_until);
    fill(root, "[data-calc-list]", reply.price_list);
    fill(root, "[data-calc-effective]", reply.effective);
    history.replaceState(history.state, "", reply.link);
    setLinkInput();
    fill(root, "[data-calc-link-text]", location.href);
    const request = root.querySelector("[data-calc-request]");
    request.href = `${absolute(root.dataset.contact)}?oferta=${encodeURIComponent(location.href)}`;
    const today = root.querySelector("[data-calc-today]");
    if (reply.today) {
      const box = root.querySelector("[data-calc-today-answer]");
      box.innerHTML = reply.today.html;
      // The test contract's data-plan marks the quote as issued; today's
      // figures beside it carry their own attribute.
      for (const card of box.querySelectorAll("[data-plan]")) {
        card.dataset.todayPlan = card.dataset.plan;
        card.removeAttribute("data-plan");
        card.removeAttribute("data-gross");
      }
      for (const element of box.querySelectorAll("[id]")) element.id = `today-${element.id}`;
      today.hidden = false;
    } else {
      today.hidden = true;
    }
    const reco = root.querySelector(".calc-reco");
    statusText.textContent = TEXT.updated.replace("{reco}", reco ? reco.textContent : "");
  };

  const recompute = async () => {
    const ticket = ++latest;
    const request = {
      form: readForm(form),
      bgn: form.elements.bgn.checked,
      price_list: quote.priceList,
      issued: quote.issued,
    };
    try {
      const reply = JSON.parse(await call("answer", JSON.stringify(request)));
      // Answers can overtake each other while the visitor types; show the newest.
      if (ticket !== latest || !root.isConnected) return;
      showErrors(form, reply.errors || []);
      if (!reply.errors) show(reply);
    } catch (error) {
      console.warn("calculator:", error.message);
      statusText.textContent = TEXT.broken;
    }
  };

  const loadOlderList = async (id) => {
    try {
      const response = await fetch(absolute(root.dataset.priceLists));
      if (!response.ok) return null;
      const entry = (await response.json()).lists.find((list) => list.id === id);
      if (!entry) return null;
      // The index names lists relative to the site's root.
      const rootUrl = absolute(`${root.dataset.siteRoot.replace(/\/$/, "")}/`);
      const listResponse = await fetch(new URL(entry.url, rootUrl));
      if (!listResponse.ok) return null;
      const text = await listResponse.text();
      await call("load_catalogue", text, false);
      return entry;
    } catch (error) {
      console.warn("calculator: price list", id, error.message);
      return null;
    }
  };

  // Reads the link in the address bar into the form; false when a newer
  // link arrived meanwhile (the visitor pasted another one).
  let opening = 0;
  const openLink = async () => {
    const hash = linkHash();
    if (!hash) return true;
    const ticket = ++opening;
    quote.priceList = null;
    quote.issued = null;
    const opened = JSON.parse(await call("open_link", hash));
    if (ticket !== opening) return false;
    fillForm(form, opened.form);
    const notices = [];
    if (opened.errors.length) notices.push(linkProblems(opened.errors));
    const current = root.dataset.currentList;
    if (opened.price_list && opened.price_list !== current) {
      const entry = await loadOlderList(opened.price_list);
      if (ticket !== opening) return false;
      if (entry) {
        quote.priceList = entry.id;
        notices.push(
          TEXT.oldList.replace("{id}", entry.id).replace("{effective}", entry.effective.split("-").reverse().join(".")),
        );
      } else {
        notices.push(TEXT.missingList.replace("{id}", opened.price_list));
      }
    }
    if (opened.issued) {
      quote.issued = opened.issued;
      if (opened.expired) notices.push(TEXT.expired.replace("{date}", opened.valid_until));
    }
    quote.notices = notices;
    showNotice(root, notices);
    return true;
  };

  const reopen = async () => {
    try {
      return await openLink();
    } catch (error) {
      console.warn("calculator: link", error.message);
      showNotice(root, [linkProblems([{ param: "", message: "неочаквана грешка" }])]);
      return true;
    }
  };

  // A link pasted into the address bar of the open page changes only the
  // fragment: no reload, so reopen it here. The page's own updates of the
  // address use history.replaceState, which fires no hashchange.
  const onHashChange = async () => {
    if (!root.isConnected) {
      window.removeEventListener("hashchange", onHashChange);
      return;
    }
    if (linkHash() && (await reopen())) await recompute();
  };

  ready.then(
    async () => {
      if (!root.isConnected) return;
      await reopen();
      window.addEventListener("hashchange", onHashChange);
      root.dataset.state = "ready";
      progressBar.hidden = true;
      statusText.textContent = TEXT.ready;
      form.addEventListener("input", (event) => {
        if (event.target.name === "bgn") {
          recompute();
          return;
        }
        // The visitor changed the situation: a new quote, at today's prices.
        quote.priceList = null;
        quote.issued = null;
        if (quote.notices.length) {
          quote.notices = [];
          showNotice(root, []);
        }
        recompute();
      });
      await recompute();
      keepOffline(root);
    },
    (error) => {
      if (!root.isConnected) return;
      console.warn("calculator:", error.message);
      fail(failure(error.message));
    },
  );
}

// Once the calculator has answered, a Service Worker keeps a copy of the
// page and of everything it loads, so that it opens and computes again
// without a network (see backoffice/service_worker.js).
function keepOffline(root) {
  if (!("serviceWorker" in navigator) || !root.dataset.offline) return;
  const script = absolute(root.dataset.offline);
  navigator.serviceWorker.register(script, { scope: new URL("./", script).href }).catch((error) => {
    console.warn("calculator: no offline copy:", error.message);
  });
}

// On the other pages, the calculator's files start downloading when a
// visitor shows the intent to open it (a pointer over, a finger on, or the
// focus on a link to it), unless the browser asks to save data. They go to
// the browser's cache, from which the calculator then starts; a visitor who
// never heads there downloads nothing of it.
const SITE_ROOT = new URL("../../", import.meta.url);

function prefetchOnIntent() {
  const meta = document.querySelector('meta[name="calculator-prefetch"]');
  if (!meta) return;
  const page = new URL(meta.dataset.page, SITE_ROOT).pathname;
  let started = false;
  const onIntent = (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (started || !link || new URL(link.href, location.href).pathname !== page) return;
    if (document.querySelector("[data-calculator]") || navigator.connection?.saveData) return;
    started = true;
    for (const path of meta.content.split(/\s+/).filter(Boolean)) {
      const hint = document.createElement("link");
      hint.rel = "prefetch";
      hint.href = new URL(path, SITE_ROOT).href;
      document.head.append(hint);
    }
  };
  for (const type of ["pointerover", "touchstart", "focusin"]) {
    document.addEventListener(type, onIntent, { capture: true, passive: true });
  }
}

prefetchOnIntent();

function mountAll() {
  document.querySelectorAll("[data-calculator]").forEach(mount);
}

if (window.document$) {
  window.document$.subscribe(mountAll);
} else {
  mountAll();
}
