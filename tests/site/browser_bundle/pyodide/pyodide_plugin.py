"""pytest plugin loaded inside Pyodide only (`-p pyodide_plugin`).

It records every test's outcome in `RESULT` for the runner. The engine's
tests all run there: none is skipped.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import settings

# The tests' own @settings still decide the number of examples. Deadlines
# are off because Pyodide runs several times slower than CPython, and the
# example database is off because the file system is thrown away anyway.
settings.register_profile("pyodide", deadline=None, database=None)
settings.load_profile("pyodide")

RESULT: dict[str, Any] = {"collected": 0, "outcomes": {}}


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
    elif report.when == "call":
        outcomes.setdefault(report.nodeid, "passed")
