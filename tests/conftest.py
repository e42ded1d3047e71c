"""Fixtures shared by every test directory: the small test catalogue, the tests' own site, a model counter.

The site tests and the browser tests build the tests' own content
(`tests/content/`, see `tests/site/sample_site.py`), never the live `docs/`.

Inside Pyodide, this file and `tests/engine/` are all there is; `site_dir`
is never asked for there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from samples import small_catalogue_data

from calculator import Catalogue, CostModel, Plan, Profile
from calculator.pricing import cost


@pytest.fixture
def small_catalogue() -> Catalogue:
    """The small test catalogue (no official calendar; tests add days off as needed)."""
    return Catalogue.from_dict(small_catalogue_data())


#: The site's address in the session's build, as Netlify's `URL` names it.
SITE_URL = "https://example-support.bg"


def _sample_repository(target: Path) -> Path:
    # Imported here: inside Pyodide there is no PyYAML, and no site to build.
    from sample_site import make_repository

    return make_repository(target)


@pytest.fixture(scope="session")
def sample_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tests' own repository (`tests/content/` with today's code), made once per session; read only."""
    return _sample_repository(tmp_path_factory.mktemp("sample") / "repo")


@pytest.fixture
def sample_repo(tmp_path: Path) -> Path:
    """A fresh copy of the tests' own repository, for a test to change."""
    return _sample_repository(tmp_path / "repo")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory, sample_root: Path) -> Path:
    """The tests' site, built once per session (`mkdocs build --strict`), at Netlify's `URL` `SITE_URL`."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=sample_root,
        env={**os.environ, "URL": SITE_URL},
        check=True,
    )
    return target


@pytest.fixture
def cost_models_built(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str]]:
    """How many times each (price list, plan) cost model is built from now on in the test.

    Every module of the engine that holds `cost_model` by name gets the counting one,
    so a module that starts building models of its own is counted too.
    """
    built: Counter[tuple[str, str]] = Counter()
    original = cost.cost_model

    def counting(catalogue: Catalogue, plan: Plan, profile: Profile) -> CostModel:
        built[catalogue.price_list, plan.id] += 1
        return original(catalogue, plan, profile)

    for name, module in list(sys.modules.items()):
        if name.split(".")[0] == "calculator" and getattr(module, "cost_model", None) is original:
            monkeypatch.setattr(module, "cost_model", counting)
    return built
