"""Repeat visits start Python from the snapshot the first visit kept.

The Worker keeps a memory snapshot of Python, engine imported, in Cache
Storage once the visitor pauses; the next visit restores it instead of
starting Python again. These tests watch that cache, as the page's own
scripts do: a restore marks its attempt there before it needs our wheels,
and clears the mark once Python is up. They check that the restored engine
answers exactly as a fresh one, and that a snapshot that cannot be used is
dropped without the visitor noticing.
"""

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from .test_calculator_page import (
    DEFAULT_GROSS,
    TEN_WORKSTATIONS_GROSS,
    answered,
    gross_by_plan,
    open_answered,
    wait_for_gross,
)
from .waiting import expect, wait_until

pytestmark = pytest.mark.browser

CACHE = "calculator-warm-start"
SAVE_TIMEOUT_MS = 30_000
WHEELS = re.compile(r"/assets/wheels/[^/]+/[^/]+\.whl(\.gz)?$")
RUNTIME_KEY = re.compile(r"assets/pyodide/[0-9a-f]{12}/warm-start\?/assets/wheels/")


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    # Without the offline copy's Service Worker, which would fetch the wheels
    # out of the reach of the test's routes.
    context = browser.new_context(locale="bg-BG", timezone_id="Europe/Sofia", service_workers="block")
    yield context
    context.close()


def cached(page: Page) -> list[dict[str, Any]]:
    """What the warm-start cache holds: each entry's URL, size in bytes and SHA-256.

    Read while the Worker may still be writing it: an entry dropped meanwhile
    is left out, and the callers poll until the entries they expect are there.
    """
    return page.evaluate(
        """async (name) => {
            const cache = await caches.open(name);
            const out = [];
            for (const request of await cache.keys()) {
                // The Worker may drop an entry between the listing and the read.
                const response = await cache.match(request);
                if (!response) continue;
                const body = await response.arrayBuffer();
                const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
                const sha256 = [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
                out.push({ url: request.url, bytes: body.byteLength, sha256 });
            }
            return out;
        }""",
        CACHE,
    )


def cached_when(
    page: Page, what: str, condition: Callable[[list[dict[str, Any]]], bool]
) -> list[dict[str, Any]]:
    """The cache's entries, once they meet `condition` (polled: the Worker writes on its own time)."""
    return wait_until(page, what, lambda: cached(page), condition, timeout_ms=SAVE_TIMEOUT_MS)


def one_snapshot(entries: list[dict[str, Any]]) -> bool:
    """A whole snapshot (Python's 31 MB, gzipped) and nothing else."""
    return len(entries) == 1 and 3_000_000 < entries[0]["bytes"] < 10_000_000


def put(page: Page, url: str, body: str) -> None:
    page.evaluate(
        "async ([name, url, body]) => (await caches.open(name)).put(url, new Response(body))",
        [CACHE, url, body],
    )


def first_visit(page: Page, url: str) -> list[dict[str, Any]]:
    open_answered(page, url)
    assert gross_by_plan(page) == DEFAULT_GROSS
    return cached_when(page, "the warm-start cache holds one whole snapshot", one_snapshot)


def reload_restoring(page: Page, kept: dict[str, Any]) -> None:
    """Reload, and see the Worker restore the snapshot `kept`, and keep it as it was."""
    held: list[Route] = []
    page.context.route(WHEELS, lambda route: held.append(route))
    page.reload()
    # The attempt is marked before the engine's wheels are needed: hold them
    # until the mark is seen, so that it cannot come and go unseen.
    cached_when(
        page,
        "the warm-start cache marks the restore's attempt",
        lambda entries: kept["url"] + "&attempt" in [entry["url"] for entry in entries],
    )
    page.context.unroute(WHEELS)
    for route in held:
        route.continue_()
    answered(page)
    assert cached_when(page, "the warm-start cache holds one entry", lambda entries: len(entries) == 1) == [
        kept
    ]


def test_a_repeat_visit_restores_python_and_answers_the_same(page: Page, base_url: str, watch):
    entries = first_visit(page, base_url + "kalkulator/")
    # One snapshot, named after the runtime's folder (its contents' hash) and both our wheels.
    key = entries[0]["url"]
    assert RUNTIME_KEY.match(key.removeprefix(base_url)), key
    assert "/calculator-0.1.0-py3-none-any.whl&/assets/wheels/" in key
    assert key.endswith("/tzdata-2026.6-py3-none-any.whl")

    reload_restoring(page, entries[0])
    assert gross_by_plan(page) == DEFAULT_GROSS
    page.get_by_label("Работни станции").fill("10")
    wait_for_gross(page, TEN_WORKSTATIONS_GROSS)
    # The Sofia time zone and the days off work after a restore: the time
    # zone's file is read from the wheel installed after it.
    page.get_by_label("Момент на инцидента").fill("2026-12-23T17:30")
    expect(page.locator('[data-plan="pochasov"] .plan-card__deadline')).to_have_text(
        "При инцидент в сряда, 23.12.2026, 17:30 реагираме до вторник, 29.12.2026, 12:30"
    )
    # A restored engine keeps the snapshot it came from.
    assert cached(page) == entries
    assert watch.console_errors == []
    assert watch.foreign_requests == []


def test_a_snapshot_that_cannot_be_restored_is_replaced_by_a_fresh_start(page: Page, base_url: str, watch):
    key = first_visit(page, base_url + "kalkulator/")[0]["url"]
    put(page, key, "not a snapshot")

    page.reload()
    answered(page)
    assert gross_by_plan(page) == DEFAULT_GROSS
    # Started from scratch, and kept a good snapshot again.
    entries = cached_when(page, "the warm-start cache holds one whole snapshot", one_snapshot)
    assert entries[0]["url"] == key
    assert watch.console_errors == []


def test_a_new_snapshot_removes_those_of_older_releases(page: Page, base_url: str):
    page.goto(base_url + "vaprosi/")
    old = base_url + "assets/pyodide/0.29.0/warm-start?/assets/wheels/0123456789ab/calculator.whl"
    put(page, old, "an older release's snapshot")
    assert [entry["url"] for entry in cached(page)] == [old]

    entries = first_visit(page, base_url + "kalkulator/")
    assert RUNTIME_KEY.match(entries[0]["url"].removeprefix(base_url)), entries


def test_a_restore_that_never_finished_is_not_tried_again(page: Page, base_url: str, watch):
    key = first_visit(page, base_url + "kalkulator/")[0]["url"]
    # What a restore leaves while it runs, as if the last one had hung.
    put(page, key + "&attempt", "")

    page.reload()
    answered(page)
    assert gross_by_plan(page) == DEFAULT_GROSS
    # Dropped, started afresh, and a new snapshot kept; the next visit uses it.
    entries = cached_when(page, "the warm-start cache holds one whole snapshot", one_snapshot)
    assert entries[0]["url"] == key
    reload_restoring(page, entries[0])
    assert gross_by_plan(page) == DEFAULT_GROSS
    assert watch.console_errors == []
