// On other pages, the intent to open the calculator (pointer, finger or focus on a link to it)
// downloads its engine into the browser's cache, unless the browser asks to save data.
(() => {
  const script = document.currentScript;
  const absolute = (path) => new URL(path, document.baseURI).href;
  const page = new URL(absolute(script.dataset.page)).pathname;
  const files = script.dataset.files.trim().split(/\s+/).map(absolute);
  let started = false;
  const onIntent = (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (started || !link || new URL(link.href, location.href).pathname !== page) return;
    // Instant navigation may have brought the calculator itself in by now.
    if (document.querySelector("[data-calculator]") || navigator.connection?.saveData) return;
    started = true;
    const prefetch = (href) => Object.assign(document.createElement("link"), { rel: "prefetch", href });
    document.head.append(...files.map(prefetch));
  };
  for (const type of ["pointerover", "touchstart", "focusin"]) {
    document.addEventListener(type, onIntent, { capture: true, passive: true });
  }
})();
