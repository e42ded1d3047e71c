"""pytest plugin loaded inside Pyodide only (`-p pyodide_plugin`).

It skips the few core tests that cannot run there, each for a stated
reason, and records every test's outcome in `RESULT` for the runner.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import settings

# Each entry: a test that needs something Pyodide has not, and where the
# same property is still checked.
SKIP_IN_PYODIDE = {
    "tests/test_profile.py::test_the_core_imports_no_edge_module": (
        "starts a CPython subprocess, and Pyodide has no processes; "
        "the runner checks the same imports inside Pyodide before pytest starts"
    ),
}

# The tests' own @settings still decide the number of examples. Deadlines
# are off because Pyodide runs several times slower than CPython, and the
# example database is off because the file system is thrown away anyway.
settings.register_profile("pyodide", deadline=None, database=None)
settings.load_profile("pyodide")

RESULT: dict[str, Any] = {"collected": 0, "outcomes": {}, "skipped": {}, "stale_skips": []}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that cannot run in Pyodide as skipped, with the reason."""
    found = {item.nodeid for item in items}
    RESULT["stale_skips"] = sorted(set(SKIP_IN_PYODIDE) - found)
    for item in items:
        reason = SKIP_IN_PYODIDE.get(item.nodeid)
        if reason is not None:
            item.add_marker(pytest.mark.skip(reason=f"in Pyodide: {reason}"))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Record how many tests were collected, so that an empty run can be caught."""
    RESULT["collected"] = len(session.items)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Record the worst outcome of each test over its setup, call and teardown."""
    outcomes: dict[str, str] = RESULT["outcomes"]
    if report.failed:
        outcomes[report.nodeid] = "failed" if report.when == "call" else "error"
    elif report.skipped:
        outcomes[report.nodeid] = "skipped"
        RESULT["skipped"][report.nodeid] = str(report.longrepr[-1] if report.longrepr else "")
    elif report.when == "call":
        outcomes.setdefault(report.nodeid, "passed")
