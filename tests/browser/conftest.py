"""The built site, served with its Netlify headers, and Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Request, Route, sync_playwright

from backoffice.devserver.chromium import CHROMIUM, CHROMIUM_ARGS
from backoffice.devserver.netlify_server import serve

ROOT = Path(__file__).resolve().parents[2]


# `site_dir` (the site built once per session) is in tests/conftest.py: the
# pure tests of the built site use it too.


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Watch:
    """What a page did that a test may need to refuse."""

    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="bg-BG", timezone_id="Europe/Sofia")
    yield context
    close(context)


def close(context: BrowserContext) -> None:
    """Close a context whose routes may still be handling a request.

    The offline copy's Service Worker keeps fetching pages after a test is
    done; a handler cut off by the close would raise in the next test.
    """
    context.unroute_all(behavior="ignoreErrors")
    context.close()


@pytest.fixture
def watch(context: BrowserContext) -> Watch:
    """Record console errors, and block and record requests to other hosts."""
    seen = Watch()

    def route(route, request) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            seen.foreign_requests.append(request.url)
            route.abort()

    context.route("**/*", route)

    def on_page(page: Page) -> None:
        page.on(
            "console", lambda message: message.type == "error" and seen.console_errors.append(message.text)
        )
        page.on("pageerror", lambda error: seen.console_errors.append(str(error)))

    context.on("page", on_page)
    return seen


@pytest.fixture
def page(context: BrowserContext, watch: Watch) -> Page:
    return context.new_page()


def record_posts(page: Page, url: str = "**/kontakti/blagodarim/") -> list[Request]:
    """The POSTs the page sends to `url` from now on (the request form's), each let through."""
    sent: list[Request] = []

    def record(route: Route) -> None:
        if route.request.method == "POST":
            sent.append(route.request)
        route.continue_()

    page.route(url, record)
    return sent
