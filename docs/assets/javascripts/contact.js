// The contact form's glue: the calculator's quote link (#oferta=) into the
// request, a phone or an e-mail asked for, and the request sent in the
// background so that a failed send keeps what was typed. Without it the form
// still works: a plain POST to Netlify, which answers with the thank-you page.
//
// Only a link to this site's own calculator page is taken, and it is written
// with textContent and href, never as HTML: a crafted URL cannot make the
// page show, or the request carry, a link to somewhere else.

function quoteLink(form) {
  // The calculator puts the link in the fragment, which never reaches the
  // server. Links made before it did carry it in the query: still read, then
  // moved to the fragment, so a reload or a copied address sends it no more.
  const legacy = new URLSearchParams(location.search);
  const raw = new URLSearchParams(location.hash.slice(1)).get("oferta") ?? legacy.get("oferta");
  if (legacy.has("oferta")) {
    legacy.delete("oferta");
    const rest = String(legacy);
    history.replaceState(history.state, "", `${location.pathname}${rest && "?"}${rest}#oferta=${encodeURIComponent(raw)}`);
  }
  const calculator = new URL(form.dataset.quoteFrom, location.href);
  // The raw text must start with our calculator, not merely resolve to it
  // (e.g. through "../"), and must still be it once parsed (it cannot fail to parse then).
  if (!raw || raw.length > 4000 || !raw.startsWith(location.origin + calculator.pathname)) return null;
  const link = new URL(raw);
  return link.origin === location.origin && link.pathname === calculator.pathname ? link.href : null;
}

// Netlify's AJAX submission: the form's fields, form-name included, urlencoded,
// POSTed to the form's action. Success is the thank-you page, as without script;
// a failure leaves every field as typed and lets the template say so
// (data-state="failed" shows its alert and our phone and e-mail, content.css).
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
    // The quote's one-off lines in words, as the calculator wrote them: the visitor may edit them.
    form.elements.one_off.value = (new URLSearchParams(location.hash.slice(1)).get("redove") ?? "").slice(0, 4000);
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
