"""The contact form carries the calculator's quote link, only ours, asks for a way back, and loses nothing."""

from urllib.parse import parse_qsl, quote

import pytest
from playwright.sync_api import Browser, Page, Request, Route

from .conftest import record_posts
from .waiting import expect

pytestmark = pytest.mark.browser

REACH = "Оставете телефон или имейл, за да можем да ви отговорим."


def open_with(page: Page, base_url: str, link: str) -> None:
    page.goto(f"{base_url}kontakti/#oferta={quote(link, safe='')}")
    expect(page.locator("[data-contact-form]")).to_have_attribute("data-mounted", "true")


def test_a_link_to_our_calculator_is_shown_and_sent(page: Page, base_url: str):
    link = f"{base_url}kalkulator/#v=1&pl=2026-12&ws=12"
    open_with(page, base_url, link)
    expect(page.locator("[data-quote-note]")).to_be_visible()
    # A calculator's link is the visitor's estimate, not an offer.
    expect(page.locator("[data-quote-note]")).to_have_text(
        f"Към запитването е приложена оценката ви от калкулатора: {link}", use_inner_text=True
    )
    expect(page.locator("[data-quote-note] a")).to_have_text(link)
    expect(page.locator("[data-quote-note] a")).to_have_attribute("href", link)
    expect(page.locator("[data-quote-input]")).to_have_value(link)


@pytest.mark.parametrize(
    "link",
    [
        "https://example.com/kalkulator/#v=1",
        "{base}uslugi/#v=1",
        "{base}kalkulator/../uslugi/#v=1",
        "javascript:alert(1)//{base}kalkulator/",
    ],
)
def test_any_other_link_is_ignored(page: Page, base_url: str, link: str):
    open_with(page, base_url, link.format(base=base_url))
    expect(page.locator("[data-quote-note]")).to_be_hidden()
    expect(page.locator("[data-quote-input]")).to_have_value("")


def test_a_phone_or_an_email_is_asked_for(page: Page, base_url: str):
    page.goto(base_url + "kontakti/")
    form = page.locator("[data-contact-form]")
    expect(form).to_have_attribute("data-mounted", "true")
    phone = page.locator("#contact-phone")
    assert phone.evaluate("input => input.validationMessage") == REACH
    page.locator("#contact-email").fill("ivan@example.bg")
    assert phone.evaluate("input => input.validationMessage") == ""
    page.locator("#contact-email").fill("")
    assert phone.evaluate("input => input.validationMessage") == REACH
    page.locator("#contact-phone").fill("0888 123 456")
    assert phone.evaluate("input => input.validationMessage") == ""


def test_an_old_link_with_the_quote_in_the_query_still_brings_it_and_leaves_the_address(
    page: Page, base_url: str
):
    link = f"{base_url}kalkulator/#v=1&pl=2026-12&ws=12"
    page.goto(f"{base_url}kontakti/?utm_source=mail&oferta={quote(link, safe='')}")
    expect(page.locator("[data-contact-form]")).to_have_attribute("data-mounted", "true")
    expect(page.locator("[data-quote-input]")).to_have_value(link)
    # A reload, a bookmark or a copied address no longer sends it to the server.
    assert page.url == f"{base_url}kontakti/?utm_source=mail#oferta={quote(link, safe='')}"
    page.reload()
    expect(page.locator("[data-quote-input]")).to_have_value(link)


# What a person types, the message long, in Cyrillic, with blank lines and
# spaces at the ends of lines, characters a URL encodes and a non-BMP one.
MESSAGE = "\n".join(
    [
        "Здравейте,",
        "",
        "имаме 12 компютъра и един сървър „Dell“ – от вчера не стартира.  ",
        "\tПринтерът в счетоводството също спря; 100% & a=b+c? #важно",
        "Благодаря! 👍",
    ]
    * 15
)
TYPED = {
    "#contact-name": "Иванка Петрова-Димитрова",
    "#contact-company": "„Петров и синове“ ООД",
    "#contact-phone": "+359 888 123 456",
    "#contact-email": "ivanka@example.bg",
    "#contact-message": MESSAGE,
}


def fill_in(page: Page, base_url: str) -> str:
    """Come from the calculator, fill in every field; the quote link attached."""
    link = f"{base_url}kalkulator/#v=1&pl=2026-12&ws=12"
    open_with(page, base_url, link)
    for selector, value in TYPED.items():
        page.locator(selector).fill(value)
    page.get_by_label("По имейл").check()
    return link


def assert_kept_as_typed(page: Page, link: str) -> None:
    for selector, value in TYPED.items():
        assert page.locator(selector).input_value() == value, selector
    expect(page.get_by_label("По имейл")).to_be_checked()
    expect(page.locator("[data-quote-input]")).to_have_value(link)


def assert_sent_as_typed(request: Request, link: str) -> None:
    """The POST is Netlify's: urlencoded, form-name first, every field as typed."""
    assert request.headers["content-type"].startswith("application/x-www-form-urlencoded")
    body = request.post_data
    assert body is not None
    assert parse_qsl(body, keep_blank_values=True) == [
        ("form-name", "zaqvka"),
        ("quote_link", link),
        # Not an acceptance of an offer: sent empty.
        ("accepted_offer", ""),
        ("bot-field", ""),
        ("name", TYPED["#contact-name"]),
        ("company", TYPED["#contact-company"]),
        ("phone", TYPED["#contact-phone"]),
        ("email", TYPED["#contact-email"]),
        ("contact_way", "имейл"),
        # No one-off lines came with this quote: the field is sent empty.
        ("one_off", ""),
        # FormData keeps the line breaks as typed (a plain POST would send CR LF).
        ("message", MESSAGE),
    ]


@pytest.mark.parametrize("failure", ["network", "500"])
def test_a_failed_send_keeps_every_field_says_so_and_sends_again(
    page: Page, base_url: str, failure: str, watch
):
    sent: list[Request] = []

    def fail(route: Route) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        sent.append(route.request)
        if failure == "network":
            route.abort("internetdisconnected")
        else:
            route.fulfill(status=500, content_type="text/html", body="<h1>Internal Server Error</h1>")

    link = fill_in(page, base_url)
    page.route("**/kontakti/blagodarim/", fail)
    page.get_by_role("button", name="Изпратете запитването").click()

    form = page.locator("[data-contact-form]")
    expect(form).to_have_attribute("data-state", "failed")
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Запитването не беше изпратено.")
    expect(alert.get_by_role("link", name="+359 2 123 4567")).to_have_attribute("href", "tel:+35921234567")
    expect(alert.get_by_role("link", name="office@tehopora.bg")).to_have_attribute(
        "href", "mailto:office@tehopora.bg"
    )
    assert page.url.startswith(base_url + "kontakti/")
    assert_kept_as_typed(page, link)
    [request] = sent
    assert_sent_as_typed(request, link)

    # The network is back: the same button sends it, and the thank-you page follows.
    page.unroute("**/kontakti/blagodarim/", fail)
    page.get_by_role("button", name="Изпратете запитването").click()
    expect(page).to_have_url(base_url + "kontakti/blagodarim/")
    expect(page.get_by_role("heading", level=1)).to_have_accessible_name("Благодарим ви")
    assert watch.foreign_requests == []


def test_a_send_the_host_accepts_shows_the_thank_you_page(page: Page, base_url: str, watch):
    link = fill_in(page, base_url)
    expect(page.get_by_role("alert")).to_be_hidden()
    sent = record_posts(page)
    page.get_by_role("button", name="Изпратете запитването").click()
    expect(page).to_have_url(base_url + "kontakti/blagodarim/")
    expect(page.get_by_role("heading", level=1)).to_have_accessible_name("Благодарим ви")
    [request] = sent
    assert_sent_as_typed(request, link)
    assert watch.console_errors == []


def test_without_script_the_form_is_a_plain_post_to_the_thank_you_page(browser: Browser, base_url: str):
    context = browser.new_context(java_script_enabled=False, locale="bg-BG")
    try:
        page = context.new_page()
        page.goto(base_url + "kontakti/")
        expect(page.get_by_role("alert")).to_be_hidden()
        for selector, value in TYPED.items():
            page.locator(selector).fill(value)
        page.get_by_role("button", name="Изпратете запитването").click()
        expect(page).to_have_url(base_url + "kontakti/blagodarim/")
        expect(page.get_by_role("heading", level=1)).to_have_accessible_name("Благодарим ви")
    finally:
        context.close()
