"""Other pages download the calculator's engine only when a visitor heads for it."""

import pytest
from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser

CALCULATOR_LINK = '.md-nav a[href$="kalkulator/"]'


def requests_of(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def engine_files(urls: list[str]) -> list[str]:
    names = (
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "calculator-0.1.0-py3-none-any.whl",
        "calculator-worker.js",
    )
    return sorted(name for name in names if any(url.endswith(name) for url in urls))


def test_a_pointer_on_a_calculator_link_downloads_the_engine(page: Page, base_url: str, watch):
    seen = requests_of(page)
    page.goto(base_url + "vaprosi/")
    page.wait_for_timeout(500)
    assert engine_files(seen) == []  # nothing before the intent

    page.locator(CALCULATOR_LINK).first.hover()
    page.wait_for_timeout(1500)
    assert engine_files(seen) == [
        "calculator-0.1.0-py3-none-any.whl",
        "calculator-worker.js",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
    ]
    assert watch.console_errors == []


def test_the_focus_of_the_keyboard_counts_as_intent(page: Page, base_url: str):
    seen = requests_of(page)
    page.goto(base_url + "vaprosi/")
    page.locator(CALCULATOR_LINK).first.focus()
    page.wait_for_timeout(1500)
    assert "pyodide.asm.wasm" in engine_files(seen)


def test_a_browser_that_saves_data_downloads_nothing_on_intent(
    context: BrowserContext, page: Page, base_url: str
):
    context.add_init_script(
        "Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true })"
    )
    seen = requests_of(page)
    page.goto(base_url + "vaprosi/")
    page.locator(CALCULATOR_LINK).first.hover()
    page.wait_for_timeout(1500)
    assert engine_files(seen) == []
