"""The calculator, once seen, opens and computes without a network."""

import pytest
from playwright.sync_api import BrowserContext, Page

from .test_calculator_page import (
    DEFAULT_GROSS,
    ROOT_SELECTOR,
    TEN_WORKSTATIONS_GROSS,
    open_ready,
    wait_for_gross,
)
from .waiting import READY_TIMEOUT_MS, expect, wait_until

pytestmark = pytest.mark.browser


def wait_for_offline_copy(page: Page) -> None:
    """Until the Service Worker has taken its copy (installed) and controls the page."""
    wait_until(
        page,
        "the offline copy's Service Worker controls the page",
        lambda: page.evaluate("() => navigator.serviceWorker.controller?.scriptURL ?? null"),
        lambda url: url is not None and url.endswith("/kalkulator/sw.js"),
    )


def test_a_quote_link_opens_and_computes_offline_once_the_calculator_was_seen(
    context: BrowserContext, page: Page, base_url: str, watch
):
    open_ready(page, base_url + "kalkulator/")
    wait_for_gross(page, DEFAULT_GROSS)
    wait_for_offline_copy(page)
    caches = page.evaluate("async () => (await caches.keys()).filter((n) => n.includes('-offline-'))")
    version = page.evaluate("async () => (await fetch('sw.js')).text()").split('"')[1]
    assert caches == [f"calculator-offline-{version}"]

    context.set_offline(True)
    page.goto("about:blank")
    page.goto(base_url + "kalkulator/#v=1&pl=2026-11&ws=10")
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT_MS)
    wait_for_gross(page, TEN_WORKSTATIONS_GROSS)
    page.get_by_label("Работни станции").fill("5")
    wait_for_gross(page, DEFAULT_GROSS)
    assert watch.console_errors == []


def test_content_pages_are_not_in_the_offline_copys_scope(context: BrowserContext, page: Page, base_url: str):
    open_ready(page, base_url + "kalkulator/")
    wait_for_offline_copy(page)
    page.goto(base_url + "vaprosi/")
    assert page.evaluate("() => navigator.serviceWorker.controller") is None
