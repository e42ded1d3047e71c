// The contact form's glue: attach the calculator's quote link to the request
// and ask for at least one way to answer. Works without it too: the form is
// plain HTML that Netlify Forms receives.
//
// The calculator sends visitors to /kontakti/?oferta=<quote link>. Only a link
// to this site's own calculator page is accepted, so a crafted URL cannot
// make the page show, or the request carry, a link to somewhere else. The
// link is written with textContent and href, never as HTML.
//
// Material's instant navigation swaps page content without reloading this
// script, so it mounts on every `document$` emission.

const REACH_MESSAGE = "Оставете телефон или имейл, за да можем да ви отговорим.";
const MAX_LINK_LENGTH = 4000;

// The quote link from the address bar, or null if absent or not ours.
function quoteLink(form) {
  const raw = new URLSearchParams(window.location.search).get("oferta");
  if (!raw || raw.length > MAX_LINK_LENGTH) return null;
  const calculator = new URL(form.dataset.quoteFrom, window.location.href);
  let link;
  try {
    link = new URL(raw);
  } catch {
    return null;
  }
  if (link.origin !== window.location.origin || link.pathname !== calculator.pathname) return null;
  // Compared after parsing too: the raw text must start with our calculator,
  // not merely resolve to it (e.g. through "../").
  const prefix = window.location.origin + calculator.pathname;
  return raw.startsWith(prefix) ? link.href : null;
}

function attachQuote(form) {
  const link = quoteLink(form);
  const input = form.querySelector("[data-quote-input]");
  const note = form.querySelector("[data-quote-note]");
  const anchor = form.querySelector("[data-quote-link]");
  if (!link || !input || !note || !anchor) return;
  input.value = link;
  anchor.href = link;
  anchor.textContent = link;
  note.hidden = false;
}

// Phone or e-mail: HTML cannot say "one of the two", so say it here.
function requireOneWayBack(form) {
  const phone = form.elements.phone;
  const email = form.elements.email;
  if (!phone || !email) return;
  const check = () => {
    const missing = !phone.value.trim() && !email.value.trim();
    phone.setCustomValidity(missing ? REACH_MESSAGE : "");
  };
  phone.addEventListener("input", check);
  email.addEventListener("input", check);
  check();
}

function mount() {
  const form = document.querySelector("[data-contact-form]");
  if (!form || form.dataset.mounted) return;
  form.dataset.mounted = "true";
  attachQuote(form);
  requireOneWayBack(form);
}

if (window.document$) {
  window.document$.subscribe(mount);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mount);
} else {
  mount();
}
