"""The calculator, once seen, opens and computes without a network; its copy holds its list, nothing else."""

import json
from urllib.parse import urljoin

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
    page.goto(base_url + "kalkulator/#v=1&pl=2026-12&ws=10")
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


# The URLs of every entry of the offline copy.
CACHED_URLS = """async () => {
  const [name] = (await caches.keys()).filter((n) => n.startsWith("calculator-offline-"));
  return (await (await caches.open(name)).keys()).map((request) => request.url).sort();
}"""


def test_the_copy_keeps_the_files_of_its_list_and_nothing_else(page: Page, base_url: str, watch):
    open_ready(page, base_url + "kalkulator/")
    wait_for_offline_copy(page)
    script = page.evaluate("async () => (await fetch('sw.js')).text()")
    files = json.loads(script.split("const FILES = ", 1)[1].split(";\n", 1)[0])
    listed = sorted(urljoin(base_url + "kalkulator/sw.js", file) for file in files)
    wait_until(page, "the copy holds every file of its list", lambda: page.evaluate(CACHED_URLS), listed)

    # Addresses with a query, and same-site files off the list, go through the worker...
    page.goto(base_url + "kalkulator/?utm_source=bulletin#v=1&pl=2026-12&ws=10")
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT_MS)
    wait_for_offline_copy(page)
    fetched = page.evaluate(
        """async () => Promise.all(["sw.js?v=2", "../vaprosi/", "../sitemap.xml?q=1", "../nyama-takava/"]
            .map(async (url) => (await fetch(url)).status))"""
    )
    assert fetched == [200, 200, 200, 404]
    # ...then a listed file the copy lost is put back when the page fetches it:
    # the worker has handled the requests above by the time that one is kept.
    sitemap = urljoin(base_url, "sitemap.xml")
    page.evaluate(
        """async (url) => {
          const [name] = (await caches.keys()).filter((n) => n.startsWith("calculator-offline-"));
          await (await caches.open(name)).delete(url);
          await fetch(url);
        }""",
        sitemap,
    )
    wait_until(page, "the copy holds its list again, and only it", lambda: page.evaluate(CACHED_URLS), listed)
    assert watch.foreign_requests == []
