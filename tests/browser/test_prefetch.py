"""Other pages download the calculator's engine only when a visitor heads for it."""

import pytest
from playwright.sync_api import BrowserContext, Page

from .waiting import expect, wait_until

pytestmark = pytest.mark.browser

# The header's tab: on a wide screen the sections are tabs, not sidebar links.
CALCULATOR_LINK = '.md-tabs a[href$="kalkulator/"]'
PREFETCH_HINTS = 'link[rel="prefetch"]'
ENGINE_FILES = (
    "calculator-0.1.0-py3-none-any.whl.gz",
    "calculator-worker.js",
    "pyodide.asm.wasm.gz",
    "python_stdlib.zip.gz",
)


def requests_of(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def engine_files(urls: list[str]) -> list[str]:
    return sorted(name for name in ENGINE_FILES if any(url.endswith(name) for url in urls))


def wait_for_the_engine(page: Page, seen: list[str]) -> None:
    """Until the browser has asked for each of the engine's files (`seen`: its requests so far)."""
    wait_until(
        page, "the browser asks for the engine's files", lambda: engine_files(seen), sorted(ENGINE_FILES)
    )


def test_a_pointer_on_a_calculator_link_downloads_the_engine(page: Page, base_url: str, watch):
    seen = requests_of(page)
    page.goto(base_url + "vaprosi/")
    # The script has run (it is deferred, the page has loaded) and asked for nothing.
    expect(page.locator('script[src$="calculator-prefetch.js"]')).to_have_count(1)
    expect(page.locator(PREFETCH_HINTS)).to_have_count(0)
    assert engine_files(seen) == []

    page.locator(CALCULATOR_LINK).first.hover()
    wait_for_the_engine(page, seen)
    # The worker, the five files of the runtime, two wheels and the catalogue.
    expect(page.locator(PREFETCH_HINTS)).to_have_count(9)
    assert engine_files(seen) == sorted(ENGINE_FILES)
    assert watch.console_errors == []


def test_the_focus_of_the_keyboard_counts_as_intent(page: Page, base_url: str):
    seen = requests_of(page)
    page.goto(base_url + "vaprosi/")
    page.locator(CALCULATOR_LINK).first.focus()
    wait_for_the_engine(page, seen)
    assert engine_files(seen) == sorted(ENGINE_FILES)


def test_a_pointer_on_another_link_downloads_nothing(page: Page, base_url: str):
    page.goto(base_url + "vaprosi/")
    page.locator('.md-tabs a[href$="planove/"]').hover()
    # The handler runs within the pointer event: no hint now means none later.
    expect(page.locator(PREFETCH_HINTS)).to_have_count(0)


def test_a_browser_that_saves_data_downloads_nothing_on_intent(
    context: BrowserContext, page: Page, base_url: str
):
    context.add_init_script(
        "Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true })"
    )
    seen = requests_of(page)
    page.goto(base_url + "vaprosi/")
    page.locator(CALCULATOR_LINK).first.hover()
    expect(page.locator(PREFETCH_HINTS)).to_have_count(0)
    assert engine_files(seen) == []


def test_the_calculator_page_has_no_prefetch_script(page: Page, base_url: str):
    page.goto(base_url + "kalkulator/")
    expect(page.locator("[data-calculator]")).to_have_count(1)
    expect(page.locator('script[src$="calculator-prefetch.js"]')).to_have_count(0)
