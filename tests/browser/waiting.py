"""The one way the browser tests wait: for an exact condition, within a bound, naming what did not come.

- :func:`wait_until` polls a value the test reads (the page's state through
  ``evaluate``, the requests or the cache it watches) until it is the one
  expected, and fails with what it waited for and the last value seen.
- :data:`expect` is Playwright's own assertions, which wait for exactly the
  asserted state of a locator or the page, held to the same bound.

Nothing else in the browser tests waits: no ``time.sleep``, no
``wait_for_timeout``, no ``wait_for_function`` (a string evaluated in the
page, which the site's CSP refuses), no loop of a test's own, in Python or
in the page (``tests/browser/test_waiting.py`` holds them to it).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from playwright.sync_api import Expect, Page

T = TypeVar("T")

#: How long the page may take to answer what a test did.
TIMEOUT_MS = 10_000
#: How long Python may take to start in the page: the runtime's download and boot.
READY_TIMEOUT_MS = 30_000
#: How often :func:`wait_until` reads its value again.
POLL_MS = 20

#: Playwright's assertions (``expect(locator).to_have_text(...)``), bounded by :data:`TIMEOUT_MS`
#: unless the call gives its own ``timeout``.
expect = Expect()
expect.set_options(timeout=TIMEOUT_MS)


def wait_until(
    page: Page,
    what: str,
    probe: Callable[[], T],
    expected: T | Callable[[T], bool],
    *,
    timeout_ms: float = TIMEOUT_MS,
) -> T:
    """Read `probe()` until it equals `expected` (or `expected(value)` holds); return that value.

    Args:
        page: The page whose event loop runs between two reads (the tests'
            routes and listeners are served meanwhile).
        what: The awaited condition, in words, for the failure message.
        probe: Reads the current value; called at once, then every :data:`POLL_MS`.
        expected: The value awaited, or a test of the value.
        timeout_ms: The bound.

    Raises:
        AssertionError: The bound passed first; the message names `what`,
            the expected value and the last value read.
    """
    done: Callable[[T], bool] = expected if callable(expected) else (lambda seen: seen == expected)  # type: ignore[assignment]
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        seen = probe()
        if done(seen):
            return seen
        if time.monotonic() >= deadline:
            wanted = "" if callable(expected) else f"\n  expected: {expected!r}"
            raise AssertionError(f"{what}: not so within {timeout_ms:g} ms{wanted}\n  last seen: {seen!r}")
        page.wait_for_timeout(POLL_MS)
