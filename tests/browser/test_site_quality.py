"""Every page in Chromium: no console error, CSP violation or other host; no serious axe finding; search."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import ROOT
from tests.browser.waiting import expect

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def page_urls(site_dir: Path) -> list[str]:
    """URL paths of every built page but the 404 (served for missing paths only)."""
    return sorted(
        path.relative_to(site_dir).as_posix().removesuffix("index.html")
        for path in site_dir.rglob("*.html")
        if path.name != "404.html"
    )


def test_every_page_loads_cleanly_under_the_policy(page: Page, base_url: str, site_dir: Path, watch):
    urls = page_urls(site_dir)
    assert len(urls) >= 13
    problems = {}
    for url in urls:
        page.goto(base_url + url, wait_until="load")
        # Chromium reports a CSP violation as a console error; so does a failed request.
        if watch.console_errors or watch.foreign_requests:
            problems[url] = (list(watch.console_errors), list(watch.foreign_requests))
            watch.console_errors.clear()
            watch.foreign_requests.clear()
    assert problems == {}


def serious_findings(page: Page) -> list[str]:
    """axe's serious and critical findings on the page as it is now, by rule and element."""
    page.add_script_tag(path=str(AXE))
    found: list[str] = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))"""
    )
    return found


def test_every_page_passes_axe_without_serious_findings(browser: Browser, base_url: str, site_dir: Path):
    # axe is injected as a script the site's CSP would block (rightly): this
    # context alone bypasses the CSP; the test above checks the pages under it.
    context = browser.new_context(locale="bg-BG", timezone_id="Europe/Sofia", bypass_csp=True)
    page = context.new_page()
    findings = {}
    try:
        for url in page_urls(site_dir):
            page.goto(base_url + url, wait_until="load")
            violations = serious_findings(page)
            if violations:
                findings[url] = violations
    finally:
        context.close()
    assert findings == {}


def test_search_finds_a_bulgarian_word(page: Page, base_url: str, watch):
    page.goto(base_url)
    search = page.locator("input.md-search__input")
    search.click()
    # Material answers its first (empty) query once the search worker has
    # its index, with its invitation to type in place of "Инициализирано търсене".
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Започнете да пишете, за да търсите")
    # Material reads the query on a key's release. Playwright types letters
    # its US keyboard lacks (Cyrillic) as text, with no key events: the End
    # key after the word is the release that starts the search.
    search.press_sequentially("абонамент")
    search.press("End")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    assert results.count() >= 3
    expect(meta).not_to_have_text("Няма резултати")
    assert watch.console_errors == []
