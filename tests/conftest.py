"""Fixtures shared by every test directory: the small test catalogue, and the site built once.

Inside Pyodide, this file and `tests/engine/` are all there is; `site_dir`
is never asked for there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from samples import small_catalogue_data

from calculator import Catalogue


@pytest.fixture
def small_catalogue() -> Catalogue:
    """The small test catalogue (no official calendar; tests add days off as needed)."""
    return Catalogue.from_dict(small_catalogue_data())


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test session with `mkdocs build --strict`."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
    )
    return target
