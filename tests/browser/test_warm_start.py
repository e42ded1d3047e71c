"""Repeat visits start Python from the snapshot the first visit kept.

The Worker keeps a memory snapshot of Python, engine imported, in Cache
Storage once the visitor pauses; the next visit restores it instead of
starting Python again. These tests check that the restored engine answers
exactly as a fresh one, and that a snapshot that cannot be used is dropped
without the visitor noticing.
"""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .test_calculator_page import (
    DEFAULT_GROSS,
    ROOT_SELECTOR,
    TEN_WORKSTATIONS_GROSS,
    open_ready,
    wait_for_gross,
)

pytestmark = pytest.mark.browser

CACHE = "calculator-warm-start"
HTML = "html"
SAVE_TIMEOUT_MS = 30_000


def cached(page: Page) -> list[dict[str, Any]]:
    """What the warm-start cache holds: each entry's URL and size in bytes."""
    return page.evaluate(
        """async (name) => {
            const cache = await caches.open(name);
            const out = [];
            for (const request of await cache.keys()) {
                const response = await cache.match(request);
                out.push({ url: request.url, bytes: (await response.arrayBuffer()).byteLength });
            }
            return out;
        }""",
        CACHE,
    )


def put(page: Page, url: str, body: str) -> None:
    page.evaluate(
        "async ([name, url, body]) => (await caches.open(name)).put(url, new Response(body))",
        [CACHE, url, body],
    )


def first_visit(page: Page, url: str) -> list[dict[str, Any]]:
    open_ready(page, url)
    wait_for_gross(page, DEFAULT_GROSS)
    expect(page.locator(HTML)).to_have_attribute("data-calc-warm-start", "saved", timeout=SAVE_TIMEOUT_MS)
    return cached(page)


def test_a_repeat_visit_restores_python_and_answers_the_same(page: Page, base_url: str, watch):
    entries = first_visit(page, base_url + "kalkulator/")
    # One snapshot, named after the Pyodide release and both our wheels.
    assert len(entries) == 1
    key = entries[0]["url"]
    assert key.startswith(base_url + "assets/pyodide/314.0.7/warm-start?/assets/wheels/")
    assert "/calculator-0.1.0-py3-none-any.whl&/assets/wheels/" in key
    assert key.endswith("/tzdata-2026.6-py3-none-any.whl")
    # Python's whole memory (31 MB), gzipped.
    assert 3_000_000 < entries[0]["bytes"] < 10_000_000

    page.reload()
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("data-state", "ready", timeout=30_000)
    expect(page.locator(HTML)).to_have_attribute("data-calc-warm-start", "used")
    wait_for_gross(page, DEFAULT_GROSS)
    page.get_by_label("Работни станции").fill("10")
    wait_for_gross(page, TEN_WORKSTATIONS_GROSS)
    # The Sofia time zone and the days off work after a restore: the time
    # zone's file is read from the wheel installed after it.
    page.get_by_label("Момент на инцидента").fill("2026-12-23T17:30")
    expect(page.locator('[data-plan="pochasov"] .plan-card__deadline')).to_have_text(
        "При инцидент в сряда, 23.12.2026, 17:30 реагираме до вторник, 29.12.2026, 12:30"
    )
    # A restored engine keeps no second snapshot.
    page.wait_for_timeout(1500)
    assert [entry["url"] for entry in cached(page)] == [key]
    assert watch.console_errors == []
    assert watch.foreign_requests == []


def test_a_snapshot_that_cannot_be_restored_is_replaced_by_a_fresh_start(page: Page, base_url: str, watch):
    entries = first_visit(page, base_url + "kalkulator/")
    key = entries[0]["url"]
    put(page, key, "not a snapshot")

    page.reload()
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("data-state", "ready", timeout=30_000)
    wait_for_gross(page, DEFAULT_GROSS)
    # Started from scratch, and kept a good snapshot again.
    expect(page.locator(HTML)).to_have_attribute("data-calc-warm-start", "saved", timeout=SAVE_TIMEOUT_MS)
    entries = cached(page)
    assert [entry["url"] for entry in entries] == [key]
    assert 3_000_000 < entries[0]["bytes"] < 10_000_000
    assert watch.console_errors == []


def test_a_new_snapshot_removes_those_of_older_releases(page: Page, base_url: str):
    page.goto(base_url + "vaprosi/")
    old = base_url + "assets/pyodide/0.29.0/warm-start?/assets/wheels/0123456789ab/calculator.whl"
    put(page, old, "an older release's snapshot")
    assert [entry["url"] for entry in cached(page)] == [old]

    entries = first_visit(page, base_url + "kalkulator/")
    assert len(entries) == 1
    assert "/314.0.7/warm-start?" in entries[0]["url"]


def test_a_restore_that_never_finished_is_not_tried_again(page: Page, base_url: str, watch):
    entries = first_visit(page, base_url + "kalkulator/")
    key = entries[0]["url"]
    # What a restore leaves while it runs, as if the last one had hung.
    put(page, key + "&attempt", "")

    page.reload()
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("data-state", "ready", timeout=30_000)
    wait_for_gross(page, DEFAULT_GROSS)
    expect(page.locator(HTML)).to_have_attribute("data-calc-warm-start", "saved", timeout=SAVE_TIMEOUT_MS)
    assert [entry["url"] for entry in cached(page)] == [key]

    page.reload()
    expect(page.locator(HTML)).to_have_attribute("data-calc-warm-start", "used", timeout=30_000)
    wait_for_gross(page, DEFAULT_GROSS)
    page.wait_for_timeout(200)
    assert [entry["url"] for entry in cached(page)] == [key]
    assert watch.console_errors == []
