"""What a visit leaves on the visitor's device, as the page "Какво пазим на устройството ви" states it."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_reading_the_site_leaves_no_cookie_and_only_the_theme(page: Page, base_url: str, watch):
    for url in ("", "planove/", "planove/premium/", "vaprosi/", "kontakti/", "pravno/poveritelnost/"):
        page.goto(base_url + url, wait_until="load")
        expect(page.locator(".site-footer")).to_contain_text("ЕИК 206813475")
    assert page.evaluate("document.cookie") == ""
    assert page.context.cookies() == []
    assert page.evaluate("Object.keys(localStorage)") == ["/.__palette"]
    assert page.evaluate("Object.keys(sessionStorage)") == []
    # The calculator's copies are kept only once the calculator has answered.
    assert page.evaluate("caches.keys()") == []
    assert watch.foreign_requests == []


def test_a_plan_cards_actions_open_the_calculator_and_the_form(page: Page, base_url: str):
    page.goto(base_url, wait_until="load")
    card = page.locator(".plan-cards li").filter(has_text="Абонамент Стандарт")
    card.get_by_role("link", name="Поискайте оферта").click()
    expect(page).to_have_url(base_url + "kontakti/#zaqvka")
    expect(page.get_by_role("heading", name="Запитване")).to_be_visible()
    page.go_back()
    card.get_by_role("link", name="Изчислете за вас").click()
    expect(page).to_have_url(base_url + "kalkulator/")
