import time

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

READY_TIMEOUT_MS = 30_000


def gross_by_plan(page: Page) -> dict[str, str]:
    return page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('tr[data-plan]')]"
        ".map((row) => [row.dataset.plan, row.dataset.gross]))"
    )


def wait_for_gross(page: Page, plan: str, expected: str) -> None:
    # Under the site's CSP, wait_for_function (a string evaluated in the page)
    # is refused; poll with evaluate instead.
    deadline = time.monotonic() + 10
    while gross_by_plan(page).get(plan) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert gross_by_plan(page).get(plan) == expected


def test_calculator_reaches_ready_and_recomputes_in_python(page: Page, base_url: str, watch):
    page.goto(base_url + "kalkulator/")
    root = page.locator("[data-calculator]")
    # Before Python starts, the page already holds the build-time answer for 8 h.
    assert gross_by_plan(page) == {
        "premium": "552.00",
        "standard": "470.40",
        "pochasov": "384.00",
        "na-rabota": "432.00",
        "avariyna": "432.00",
    }
    expect(root).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT_MS)

    page.get_by_label("Часове работа на месец").fill("10")
    # Premium: 390 + (10 - 6) h x 35 = 530 net, + 20 % VAT = 636.
    wait_for_gross(page, "premium", "636.00")
    assert gross_by_plan(page) == {
        "premium": "636.00",
        "standard": "561.60",
        "pochasov": "480.00",
        "na-rabota": "540.00",
        "avariyna": "540.00",
    }
    expect(page.locator('tr[data-plan="premium"] [data-field="net"]')).to_have_text("530,00\u00a0€")

    assert watch.console_errors == []
    assert watch.foreign_requests == []


def test_out_of_range_value_gets_a_message_and_keeps_the_last_prices(page: Page, base_url: str, watch):
    page.goto(base_url + "kalkulator/")
    expect(page.locator("[data-calculator]")).to_have_attribute(
        "data-state", "ready", timeout=READY_TIMEOUT_MS
    )
    page.get_by_label("Часове работа на месец").fill("-3")
    expect(page.locator("#calc-hours-error")).to_have_text("Въведете число от 0 до 10000.")
    expect(page.get_by_label("Часове работа на месец")).to_have_attribute("aria-invalid", "true")
    assert gross_by_plan(page)["premium"] == "552.00"
    assert watch.console_errors == []


def test_calculator_works_after_instant_navigation(page: Page, base_url: str, watch):
    page.goto(base_url)
    # Material's instant navigation swaps the content without a page load.
    page.locator(".md-nav__link", has_text="Калкулатор").first.click()
    expect(page).to_have_url(base_url + "kalkulator/")
    root = page.locator("[data-calculator]")
    expect(root).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT_MS)
    page.get_by_label("Часове работа на месец").fill("6")
    # Standard: 240 + (6 - 4) h x 38 = 316 net, 379.20 with VAT.
    wait_for_gross(page, "standard", "379.20")
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    assert watch.console_errors == []
    assert watch.foreign_requests == []
