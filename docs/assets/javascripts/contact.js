// The contact form's glue: the calculator's link (#oferta=) into the request, a phone or an e-mail asked
// for, the request sent in the background so a failed send keeps what was typed (without script: a plain
// POST). Only a link to our own calculator is taken, written as text, never as HTML: a crafted URL
// cannot make the page show, or the request carry, a link to somewhere else.

function quoteLink(form) {
  // The link is in the fragment, which no request carries; older links had it in the query:
  // still read, then moved to the fragment, so that a reload or a copied address sends it no more.
  const legacy = new URLSearchParams(location.search);
  const raw = new URLSearchParams(location.hash.slice(1)).get("oferta") ?? legacy.get("oferta");
  if (legacy.has("oferta")) {
    legacy.delete("oferta");
    const rest = String(legacy);
    history.replaceState(history.state, "", `${location.pathname}${rest && "?"}${rest}#oferta=${encodeURIComponent(raw)}`);
  }
  const calculator = new URL(form.dataset.quoteFrom, location.href);
  // It must start with our calculator, not merely resolve to it ("../"), and still be it once parsed.
  if (!raw || raw.length > 24000 || !raw.startsWith(location.origin + calculator.pathname)) return null;
  const link = new URL(raw);
  return link.origin === location.origin && link.pathname === calculator.pathname ? link.href : null;
}

// Netlify's AJAX submission: the fields urlencoded, POSTed to the action; success is the thank-you page.
// A failure keeps every field as typed; data-state="failed" shows the alert with our phone (content.css).
async function send(event) {
  const form = event.currentTarget;
  event.preventDefault();
  if (form.dataset.state === "sending") return;
  form.dataset.state = "sending";
  try {
    // A URLSearchParams body is sent urlencoded, with that Content-Type.
    const answer = await fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)) });
    if (answer.ok) {
      location.assign(form.action);
      return;
    }
  } catch {
    // Offline or a network error: told below, like an answer other than success.
  }
  form.dataset.state = "failed";
}

function mount() {
  const form = document.querySelector("[data-contact-form]");
  if (!form || form.dataset.mounted) return;
  form.dataset.mounted = "true";
  const link = quoteLink(form);
  if (link) {
    form.querySelector("[data-quote-input]").value = link;
    const anchor = form.querySelector("[data-quote-link]");
    anchor.href = anchor.textContent = link; // the note shows once the field holds it (content.css)
    // The quote's one-off lines (or an accepted offer, whose number it names) in words, the visitor's to edit.
    const words = new URLSearchParams(location.hash.slice(1));
    const accepted = words.get("priemam")?.slice(0, 20);
    form.elements[accepted ? "message" : "one_off"].value = (words.get("redove") ?? "").slice(0, 4000);
    if (accepted) form.querySelector("[data-accept-number]").textContent = form.elements.accepted_offer.value = accepted;
  }
  // HTML cannot say "one of the two": the phone carries the message.
  const { phone, email } = form.elements;
  const check = () => phone.setCustomValidity(phone.value.trim() || email.value.trim() ? "" : form.dataset.reach);
  form.addEventListener("input", check);
  check();
  form.addEventListener("submit", send);
}

// Material's instant navigation swaps the page without reloading scripts.
if (window.document$) window.document$.subscribe(mount);
else mount();
