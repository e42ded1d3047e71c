"""The home page as a visitor uses it: the cards' actions, the headline across navigation, the phone menu."""

import pytest
from playwright.sync_api import Browser, Page

from .waiting import expect

pytestmark = pytest.mark.browser


def test_a_plan_cards_actions_open_the_form_and_the_calculator(page: Page, base_url: str, watch):
    page.goto(base_url, wait_until="load")
    card = page.locator(".plan-cards li").filter(has_text="Абонамент Стандарт")
    expect(card).to_contain_text("240,00\u00a0€ на месец")
    card.get_by_role("link", name="Поискайте оферта").click()
    expect(page).to_have_url(base_url + "kontakti/#zaqvka")
    expect(page.get_by_role("heading", name="Запитване")).to_be_in_viewport()
    page.go_back()
    expect(page).to_have_url(base_url)
    card.get_by_role("link", name="Изчислете за вас").click()
    expect(page).to_have_url(base_url + "kalkulator/")
    assert watch.console_errors == []


def test_the_headline_is_on_the_home_page_only_across_instant_navigation(page: Page, base_url: str, watch):
    page.goto(base_url, wait_until="load")
    hero = page.locator(".home-hero")
    expect(hero.get_by_role("heading", level=1)).to_have_text("Техниката ви работи. Ние се грижим да е така.")
    page.get_by_role("link", name="Въпроси и отговори").first.click()
    expect(page).to_have_url(base_url + "vaprosi/")
    expect(page.get_by_role("heading", level=1, name="Въпроси и отговори")).to_be_visible()
    expect(hero).to_have_count(0)
    page.get_by_role("link", name="Начало").first.click()
    expect(page).to_have_url(base_url)
    expect(hero).to_be_visible()
    assert watch.console_errors == []


def test_on_a_phone_the_menu_lists_the_sections_though_the_home_page_hides_its_sidebar(
    browser: Browser, base_url: str
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="bg-BG")
    page = context.new_page()
    try:
        page.goto(base_url, wait_until="load")
        page.locator("label.md-header__button[for=__drawer]").click()
        drawer = page.locator(".md-nav--primary").first
        for section in ("Планове", "Калкулатор", "Въпроси и отговори", "Контакти"):
            expect(drawer.get_by_text(section, exact=True).first).to_be_visible()
    finally:
        context.close()
