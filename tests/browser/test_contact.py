"""The contact form carries the calculator's quote link, only ours, and asks for a way back."""

from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from .waiting import expect

pytestmark = pytest.mark.browser

REACH = "Оставете телефон или имейл, за да можем да ви отговорим."


def open_with(page: Page, base_url: str, link: str) -> None:
    page.goto(f"{base_url}kontakti/?oferta={quote(link, safe='')}")
    expect(page.locator("[data-contact-form]")).to_have_attribute("data-mounted", "true")


def test_a_link_to_our_calculator_is_shown_and_sent(page: Page, base_url: str):
    link = f"{base_url}kalkulator/#v=1&pl=2026-11&ws=12"
    open_with(page, base_url, link)
    expect(page.locator("[data-quote-note]")).to_be_visible()
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
