"""What a visit leaves on the visitor's device, as the page "Какво пазим на устройството ви" states it."""

import pytest
from playwright.sync_api import Page

from .waiting import expect

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
