"""What the sales CLI's tests share: the CLI run on the tests' own docs."""

from collections.abc import Callable
from pathlib import Path

import pytest

from backoffice.sales.cli import main

#: The CLI run on the tests' own docs: its exit status, stdout and stderr.
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], sample_root: Path) -> Run:
    def run_(*argv: str) -> tuple[int, str, str]:
        code = main([*argv, "--docs", str(sample_root / "docs")])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run_
