// The contact form's glue: the calculator's quote link (?oferta=) into the
// request, and a phone or an e-mail asked for. Without it the form still works.
//
// Only a link to this site's own calculator page is taken, and it is written
// with textContent and href, never as HTML: a crafted URL cannot make the
// page show, or the request carry, a link to somewhere else.

function quoteLink(form) {
  const raw = new URLSearchParams(location.search).get("oferta");
  const calculator = new URL(form.dataset.quoteFrom, location.href);
  // The raw text must start with our calculator, not merely resolve to it
  // (e.g. through "../"), and must still be it once parsed (it cannot fail to parse then).
  if (!raw || raw.length > 4000 || !raw.startsWith(location.origin + calculator.pathname)) return null;
  const link = new URL(raw);
  return link.origin === location.origin && link.pathname === calculator.pathname ? link.href : null;
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
  }
  // HTML cannot say "one of the two": the phone carries the message.
  const { phone, email } = form.elements;
  const check = () => phone.setCustomValidity(phone.value.trim() || email.value.trim() ? "" : form.dataset.reach);
  form.addEventListener("input", check);
  check();
}

// Material's instant navigation swaps the page without reloading scripts.
if (window.document$) window.document$.subscribe(mount);
else mount();
