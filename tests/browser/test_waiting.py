"""The browser tests wait one way (tests/browser/waiting.py); the helper itself, without a browser."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .waiting import POLL_MS, wait_until

HERE = Path(__file__).resolve().parent
TESTS = sorted(path for path in HERE.glob("*.py") if path.name not in ("waiting.py", "test_waiting.py"))
#: Playwright's own ways to wait, and Python's: only waiting.py may use them.
WAITS = {
    "sleep",
    "wait_for_timeout",
    "wait_for_function",
    "wait_for_selector",
    "wait_for_event",
    "wait_for_load_state",
    "wait_for_url",
    "expect_request",
    "expect_response",
    "expect_event",
    "expect_console_message",
    "expect_popup",
}
#: A loop or a timer in the page's own script, in a string a test evaluates.
PAGE_WAITS = re.compile(r"setTimeout|setInterval|performance\.now\(\)|\bawait\s+new\s+Promise")


@pytest.mark.parametrize("path", TESTS, ids=[path.name for path in TESTS])
def test_a_browser_test_waits_only_through_the_helper(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in WAITS:
            found.append(f"line {node.lineno}: .{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module == "playwright.sync_api":
            found += [
                f"line {node.lineno}: Playwright's expect" for name in node.names if name.name == "expect"
            ]
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and PAGE_WAITS.search(node.value):
            found.append(f"line {node.lineno}: waits in the page")
    assert found == []


class FakePage:
    """Counts the pauses between two reads."""

    def __init__(self) -> None:
        self.pauses: list[float] = []

    def wait_for_timeout(self, ms: float) -> None:
        self.pauses.append(ms)


def test_wait_until_returns_the_first_value_that_is_the_one_expected():
    page, values = FakePage(), iter([1, 2, 3, 4])
    assert wait_until(page, "the count", lambda: next(values), 3) == 3  # type: ignore[arg-type]
    assert page.pauses == [POLL_MS, POLL_MS]


def test_wait_until_takes_a_test_of_the_value():
    page, values = FakePage(), iter(["", "", "#v=1"])
    assert wait_until(page, "a link", lambda: next(values), lambda hash: hash != "") == "#v=1"  # type: ignore[arg-type]
    assert page.pauses == [POLL_MS, POLL_MS]


def test_wait_until_does_not_pause_when_the_value_is_there_at_once():
    page = FakePage()
    assert wait_until(page, "the count", lambda: 7, 7) == 7  # type: ignore[arg-type]
    assert page.pauses == []


def test_wait_until_fails_naming_what_it_waited_for_and_what_it_saw():
    page = FakePage()
    with pytest.raises(AssertionError) as info:
        wait_until(
            page,
            "the plans' gross prices",
            lambda: {"premium": "468.00"},
            {"premium": "573.00"},
            timeout_ms=0,
        )  # type: ignore[arg-type]
    assert str(info.value) == (
        "the plans' gross prices: not so within 0 ms\n"
        "  expected: {'premium': '573.00'}\n"
        "  last seen: {'premium': '468.00'}"
    )


def test_wait_until_with_a_test_names_the_last_value():
    page = FakePage()
    with pytest.raises(AssertionError) as info:
        wait_until(page, "a new link", lambda: "#v=1", lambda hash: hash != "#v=1", timeout_ms=0)  # type: ignore[arg-type]
    assert str(info.value) == "a new link: not so within 0 ms\n  last seen: '#v=1'"
