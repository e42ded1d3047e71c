"""The one-off part in Chromium: a prospect adds training and procurement, shares it, and requests it."""

import re
from urllib.parse import parse_qs, parse_qsl, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from .conftest import record_posts
from .test_calculator_page import answered, open_answered
from .waiting import expect

pytestmark = pytest.mark.browser

# The default profile; 2 sessions of training at 120 € and two lines on request.
LINK = re.compile(
    r"http://127\.0\.0\.1:\d+/kalkulator/#v=1&pl=2026-12&d=\d{4}-\d\d-\d\d&c=b&ws=5&sv=1&inc=1&vis=1&km=0"
    r"&us=obuchenie\*2&dp=%D0%A2%D0%BE%D0%BD%D0%B5%D1%80%20HP%2085A\*4"
    r"~%D0%9B%D0%B0%D0%BF%D1%82%D0%BE%D0%BF\*2$"
)
LINES = (
    "Обучение на потребители: 2 × 120,00 € / занятие = 240,00 € без ДДС\n"
    "Тонер HP 85A: 4 бр. - по запитване\n"
    "Лаптоп: 2 бр. - по запитване\n"
    "Общо еднократно: 240,00 € без ДДС, 288,00 € с ДДС"
)


def one_off_rows(page: Page) -> list[str]:
    return page.locator(".calc-one-off tbody tr").all_inner_texts()


def test_a_prospect_adds_training_and_procurement_shares_it_and_requests_it(
    browser: Browser, page: Page, base_url: str, watch
) -> None:
    open_answered(page, base_url + "kalkulator/")
    # Only the first procurement row shows until it is filled.
    expect(page.get_by_label("Доставка 2: какво")).to_be_hidden()
    page.get_by_label("Обучение на потребители").fill("2")
    page.get_by_label("Доставка 1: какво").fill("Тонер HP 85A")
    page.locator('[name="procurement.1.quantity"]').fill("4")
    page.get_by_label("Доставка 2: какво").fill("Лаптоп")
    page.locator('[name="procurement.2.quantity"]').fill("2")
    expect(page.get_by_label("Доставка 3: какво")).to_be_visible()
    expect(page.locator(".calc-one-off__sums div").first).to_have_text("Без ДДС240,00\u00a0€")
    expect(page.locator(".calc-one-off__sums")).to_contain_text("С ДДС288,00\u00a0€")
    # The subscription's 390 a month and the 240 once, in its first month.
    expect(page.locator('[data-plan="premium"] .plan-card__sums')).to_contain_text(
        "Първи месец с еднократните630,00\u00a0€ без ДДС + по запитване"
    )
    link_field = page.locator("[data-quote-link]")
    expect(link_field).to_have_value(LINK)
    link = link_field.input_value()

    fresh = browser.new_context(locale="bg-BG", timezone_id="Europe/Sofia")
    other = fresh.new_page()
    open_answered(other, link)
    expect(other.get_by_label("Обучение на потребители")).to_have_value("2")
    expect(other.get_by_label("Доставка 2: какво")).to_have_value("Лаптоп")
    expect(other.locator('[name="procurement.2.quantity"]')).to_have_value("2")
    expect(other.locator(".calc-one-off tbody tr")).to_have_count(3)
    assert one_off_rows(other) == [
        "Обучение на потребители\n120,00\u00a0€ / занятие\n\t2\t240,00\u00a0€",
        "Тонер HP 85A\t4\u00a0бр.\tпо запитване",
        "Лаптоп\t2\u00a0бр.\tпо запитване",
    ]
    expect(other.locator(".calc-one-off__sums div").first).to_have_text("Без ДДС240,00\u00a0€")

    other.get_by_role("link", name="Поискайте тази оферта").click()
    expect(other).to_have_url(re.compile(r"/kontakti/#oferta="))
    assert parse_qs(urlsplit(other.url).fragment)["oferta"] == [link]
    lines = other.get_by_label("Еднократни услуги и доставки от калкулатора")
    expect(lines).to_have_value(LINES)
    sent = record_posts(other)
    other.get_by_label("Име", exact=True).fill("Мария Иванова")
    other.get_by_label("Телефон", exact=True).fill("+359 888 000 111")
    other.get_by_label("Съобщение", exact=True).fill("Искаме оферта.")
    other.get_by_role("button", name="Изпратете запитването").click()
    expect(other).to_have_url(base_url + "kontakti/blagodarim/")
    [request] = sent
    fields = dict(parse_qsl(request.post_data or "", keep_blank_values=True))
    assert (fields["quote_link"], fields["one_off"]) == (link, LINES)
    fresh.close()
    assert watch.console_errors == []


def test_a_description_with_markup_is_shown_as_text_and_a_bad_row_is_named(
    page: Page, base_url: str, watch
) -> None:
    markup = "%3Cimg%20id%3Dpwned%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E"
    open_answered(page, base_url + f"kalkulator/#v=1&pl=2026-12&dp={markup}*1")
    expect(page.locator(".calc-one-off tbody th")).to_have_text(
        "<img id=pwned src=x onerror=window.__pwned=1>"
    )
    assert page.locator("#pwned").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    page.locator('[name="procurement.2.quantity"]').fill("3")
    error = page.locator('[data-error-for="procurement"]')
    expect(error).to_have_text("ред 2: липсва описание")
    expect(page.locator('fieldset[name="procurement"]')).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Доставка 2: какво").fill("Мишка")
    expect(error).to_be_hidden()
    answered(page)
    assert watch.console_errors == []
