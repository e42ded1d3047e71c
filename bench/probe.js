// Injected by the benchmark into every page before the page's own scripts
// (Playwright's init script: not subject to the page's CSP, and the site's
// files stay untouched). It only watches: times are performance.now(), in ms
// from the navigation start.
//
// window.__bench.timeout  the calculator's own time limit, in seconds (see below)
// window.__bench.done  resolves when the page's answer is on screen:
//   calculator page: the first live answer replaced the prerendered one
//   bare page:       <html data-bare> set by the bare worker's answer
//   any other page:  the load event
// window.__bench.change(name, value) changes one field of the calculator's
// form and resolves with the time of the next answer in the DOM and of the
// frame after it.
(() => {
  const now = () => performance.now();
  const bench = { longtasks: [], steps: [], states: [], answers: [] };
  window.__bench = bench;
  let finish;
  let fail;
  bench.done = new Promise((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // A page that never answers ends the benchmark with a message, not a hang.
  setTimeout(() => fail(new Error("no answer on screen within 60 s")), 60000);
  const settle = (what) => {
    const at = now();
    requestAnimationFrame(() => finish({ what, at, frame: now() }));
  };
  let nextAnswer = null;

  // The calculator gives up after its data-timeout seconds and says so. The
  // benchmark measures how long Python really takes, even past that: the
  // page's own limit is kept in bench.timeout (reported beside the times) and
  // raised to the probe's 60 s as soon as the element is parsed, before the
  // page's scripts read it.
  new MutationObserver((_, observer) => {
    const root = document.querySelector("[data-calculator]");
    if (!root) return;
    observer.disconnect();
    bench.timeout = Number(root.dataset.timeout);
    root.dataset.timeout = "60";
  }).observe(document, { childList: true, subtree: true });

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longtasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    bench.longtasks = null;
  }

  const watch = () => {
    const html = document.documentElement;
    if (html.hasAttribute("data-pyodide")) {
      new MutationObserver(() => {
        if (html.dataset.bare === "2") settle("bare");
        else if (html.dataset.bare) fail(new Error(`bare page: ${html.dataset.bare}`));
      }).observe(html, { attributes: true, attributeFilter: ["data-bare"] });
      return;
    }
    const root = document.querySelector("[data-calculator]");
    if (!root) {
      if (document.readyState === "complete") settle("load");
      else window.addEventListener("load", () => settle("load"));
      return;
    }
    const progress = root.querySelector("[data-calc-progress]");
    new MutationObserver(() => bench.steps.push([Number(progress.value), now()])).observe(progress, {
      attributes: true,
      attributeFilter: ["value"],
    });
    const onState = () => {
      bench.states.push([root.dataset.state, now()]);
      if (root.dataset.state === "error") fail(new Error("calculator: data-state=error"));
    };
    onState();
    new MutationObserver(onState).observe(root, { attributes: true, attributeFilter: ["data-state"] });
    new MutationObserver(() => {
      const at = now();
      bench.answers.push(at);
      if (bench.answers.length === 1) settle("live");
      if (nextAnswer) {
        const resolve = nextAnswer;
        nextAnswer = null;
        requestAnimationFrame(() => resolve({ answer: at, frame: now() }));
      }
    }).observe(root.querySelector("[data-calc-answer]"), { childList: true });

    bench.change = (name, value) => {
      const form = root.querySelector("form");
      const field = form.elements[name];
      return new Promise((resolve) => {
        const start = now();
        nextAnswer = (times) => {
          const grosses = {};
          for (const card of root.querySelectorAll("[data-calc-answer] [data-plan]")) {
            grosses[card.dataset.plan] = card.dataset.gross;
          }
          resolve({ start, ...times, grosses });
        };
        field.value = String(value);
        field.dispatchEvent(new Event("input", { bubbles: true }));
      });
    };
    bench.form = () => {
      const values = {};
      for (const element of root.querySelector("form").elements) {
        if (!element.name || element.type === "checkbox") continue;
        if (element.type !== "radio" || element.checked) values[element.name] = element.value;
      }
      return values;
    };
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
