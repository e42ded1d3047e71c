"""The calculator page when its engine cannot start: blocked files, no WebAssembly, a stalled network.

Each time the page must reach data-state="error" within its 20 s, say why in
Bulgarian, and keep the prerendered prices and the contact links.
"""

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Playwright, Route

from .conftest import CHROMIUM, CHROMIUM_ARGS, close
from .test_calculator_page import DEFAULT_GROSS, gross_by_plan
from .waiting import expect

pytestmark = pytest.mark.browser

KEEP = "Цените по-долу са за стойностите по подразбиране; свържете се с нас за точна оферта."
DOWNLOAD = "Калкулаторът не успя да се зареди: не успяхме да изтеглим {what}. " + KEEP
TIMEOUT = "Калкулаторът не успя да се зареди за 20 секунди. " + KEEP
NO_WASM = "Браузърът ви не поддържа WebAssembly, затова калкулаторът не може да смята тук. " + KEEP


def abort(route: Route) -> None:
    route.abort()


def not_found(route: Route) -> None:
    route.fulfill(status=404, body="")


def stall(route: Route) -> None:
    """Never answer: the request hangs until the context closes."""


def open_and_fail(page: Page, url: str, *, within: float) -> float:
    """Open the page, wait for data-state="error"; the seconds it took."""
    start = time.monotonic()
    page.goto(url)
    expect(page.locator("[data-calculator]")).to_have_attribute("data-state", "error", timeout=within * 1000)
    return time.monotonic() - start


def assert_the_page_keeps_prices_and_contacts(page: Page, status: str) -> None:
    expect(page.locator("[data-calc-status-text]")).to_have_text(status)
    expect(page.locator("[data-calc-progress]")).to_be_hidden()
    assert gross_by_plan(page) == DEFAULT_GROSS
    expect(page.locator('[data-plan="premium"] .plan-card__amount')).to_be_visible()
    fallback = page.locator("[data-calc-fallback]")
    expect(fallback).to_be_visible()
    expect(fallback.locator("a[href^='tel:']")).to_be_visible()
    expect(fallback.locator("a[href^='mailto:']")).to_be_visible()
    expect(fallback.locator("a", has_text="Планове")).to_be_visible()


@pytest.fixture
def failing(browser: Browser) -> Iterator[Callable[..., tuple[Page, list[str]]]]:
    """A fresh page whose requests matching `pattern` get `handler`; and its uncaught errors."""
    contexts = []

    def make(pattern: re.Pattern[str], handler: Callable[[Route], Any]) -> tuple[Page, list[str]]:
        context = browser.new_context(locale="bg-BG", timezone_id="Europe/Sofia")
        contexts.append(context)
        context.route(pattern, handler)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page, errors

    yield make
    for context in contexts:
        close(context)


# What is blocked, how, and what the page must then say. Each failed download
# is known at once: no waiting for the 20 s timeout.
BLOCKED = {
    "runtime-module": (re.compile(r"/pyodide\.mjs$"), abort, "Python за браузъра"),
    "stdlib": (re.compile(r"/python_stdlib\.zip\.gz$"), abort, "Python за браузъра"),
    "wasm-gzipped": (re.compile(r"/pyodide\.asm\.wasm\.gz$"), abort, "Python за браузъра"),
    # The engine's wheel, gzipped or plain.
    "wheel": (re.compile(r"/calculator-[^/]+\.whl(\.gz)?$"), abort, "програмата на калкулатора"),
    "catalogue": (re.compile(r"/assets/catalogue/[^/]+\.json$"), abort, "ценоразписа"),
    "catalogue-404": (re.compile(r"/assets/catalogue/[^/]+\.json$"), not_found, "ценоразписа"),
}


@pytest.mark.parametrize("case", BLOCKED)
def test_a_blocked_download_is_named_at_once(failing, base_url: str, case: str):
    pattern, handler, what = BLOCKED[case]
    page, errors = failing(pattern, handler)
    took = open_and_fail(page, base_url + "kalkulator/", within=10)
    assert took < 10
    assert_the_page_keeps_prices_and_contacts(page, DOWNLOAD.format(what=what))
    assert errors == []


def test_a_stalled_network_ends_with_the_pages_timeout(failing, base_url: str):
    # The runtime's files never arrive, nor fail: only the page's own timer ends the wait.
    page, errors = failing(re.compile(r"/assets/pyodide/"), stall)
    took = open_and_fail(page, base_url + "kalkulator/", within=25)
    assert 20 <= took < 25
    assert_the_page_keeps_prices_and_contacts(page, TIMEOUT)
    assert errors == []


def test_without_webassembly_the_page_says_so_at_once(playwright: Playwright, base_url: str):
    # V8 without its compilers has no WebAssembly, in the page or its workers: what
    # Chrome's "V8 optimizer" switched off and Edge's enhanced security mode do.
    # (--noexpose_wasm no longer hides it in Chromium 156.)
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--js-flags=--jitless"]
    )
    try:
        page = browser.new_page(locale="bg-BG", timezone_id="Europe/Sofia")
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        took = open_and_fail(page, base_url + "kalkulator/", within=10)
        assert page.evaluate("() => typeof WebAssembly") == "undefined"
        assert took < 10
        assert_the_page_keeps_prices_and_contacts(page, NO_WASM)
        # No engine was started: nothing of Pyodide was downloaded.
        pyodide = page.evaluate(
            "() => performance.getEntriesByType('resource')"
            ".map((entry) => entry.name).filter((name) => name.includes('/pyodide/'))"
        )
        assert pyodide == []
        assert errors == []
    finally:
        browser.close()
