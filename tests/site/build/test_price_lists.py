"""Price lists from git history: every published list stays, an id never changes its figures."""

import json
import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from backoffice.build import price_lists
from backoffice.build.sources import load_catalogue

ROOT = Path(__file__).resolve().parents[3]
# The tests' commits must not depend on the machine's git configuration.
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Редактор",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Редактор",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
}


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], env=GIT_ENV, check=True, capture_output=True)
    return result.stdout.decode().strip()


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "docs")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def new_price_list(plans: Path) -> None:
    """Premium from 390 to 410 EUR, under a new id and date."""
    edit(plans / "premium.md", "monthly_fee: 390", "monthly_fee: 410")
    edit(plans / "index.md", 'price_list: "2026-11"', 'price_list: "2027-01"')
    edit(plans / "index.md", "effective: 2026-11-01", "effective: 2027-01-01")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose first commit holds the sample price list 2026-11."""
    shutil.copytree(ROOT / "docs" / "plans", tmp_path / "docs" / "plans")
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "Price list 2026-11")
    return tmp_path


def lists_of(docs: Path) -> list[price_lists.PriceList]:
    return price_lists.published(load_catalogue(docs), price_lists.history(docs) or [])


def premium_fee(entry: price_lists.PriceList) -> str:
    return str(entry.catalogue.to_dict()["plans"][0]["monthly_fee"])


def test_a_new_price_list_keeps_the_old_one_with_its_own_figures(repo: Path):
    new_price_list(repo / "docs" / "plans")
    commit(repo, "Price list 2027-01")

    lists = lists_of(repo / "docs")

    assert [(entry.id, entry.effective, premium_fee(entry)) for entry in lists] == [
        ("2027-01", "2027-01-01", "410"),
        ("2026-11", "2026-11-01", "390"),
    ]
    assert lists[0].source == price_lists.WORKING_TREE
    # The old list carries its own calendar, as the current one does.
    old = lists[1].catalogue.to_dict()["calendar"]
    assert old["years"] == [2025, 2028]
    assert "2026-12-24" in old["days_off"]
    assert price_lists.index(lists, "2027-01") == {
        "current": "2027-01",
        "lists": [
            {"id": "2027-01", "effective": "2027-01-01", "url": "assets/price-lists/2027-01.json"},
            {"id": "2026-11", "effective": "2026-11-01", "url": "assets/price-lists/2026-11.json"},
        ],
    }


def test_an_uncommitted_new_list_is_current_before_it_is_committed(repo: Path):
    new_price_list(repo / "docs" / "plans")
    assert [entry.id for entry in lists_of(repo / "docs")] == ["2027-01", "2026-11"]


def test_new_prices_under_the_same_id_fail_naming_the_field(repo: Path):
    first = git(repo, "rev-parse", "HEAD")[:12]
    edit(repo / "docs" / "plans" / "premium.md", "monthly_fee: 390", "monthly_fee: 400")
    with pytest.raises(price_lists.PriceListError) as error:
        lists_of(repo / "docs")
    assert str(error.value) == (
        "docs/plans/index.md: catalogue.price_list: цените са променени, а ценоразписът е все още 2026-11 "
        f"(commit {first} публикува други цифри; променени в работното копие): "
        "дайте на новите цени нов price_list и нова дата в effective"
    )


def test_committing_new_prices_under_the_same_id_does_not_hide_the_change(repo: Path):
    first = git(repo, "rev-parse", "HEAD")[:12]
    edit(repo / "docs" / "plans" / "premium.md", "monthly_fee: 390", "monthly_fee: 400")
    second = commit(repo, "Premium 400")[:12]
    with pytest.raises(price_lists.PriceListError) as error:
        lists_of(repo / "docs")
    assert f"(commit {first} публикува други цифри; променени в commit {second})" in str(error.value)


def test_prose_and_title_edits_keep_the_id(repo: Path):
    edit(repo / "docs" / "plans" / "premium.md", "title: Абонамент Премиум", "title: Премиум")
    commit(repo, "Shorter title")
    assert [entry.id for entry in lists_of(repo / "docs")] == ["2026-11"]


def test_a_skipped_commit_is_not_read(repo: Path, monkeypatch: pytest.MonkeyPatch):
    first = git(repo, "rev-parse", "HEAD")
    edit(repo / "docs" / "plans" / "premium.md", "monthly_fee: 390", "monthly_fee: 400")
    commit(repo, "Correction before publication")
    monkeypatch.setattr(price_lists, "SKIPPED_COMMITS", {first: "corrected before it was published"})
    assert [(entry.id, premium_fee(entry)) for entry in lists_of(repo / "docs")] == [("2026-11", "400")]


def test_a_commit_the_current_rules_cannot_read_fails_naming_it(repo: Path):
    plans = repo / "docs" / "plans"
    edit(plans / "standard.md", "monthly_fee: 240", "monthly_fee: двеста")
    bad = commit(repo, "A typo")[:12]
    edit(plans / "standard.md", "monthly_fee: двеста", "monthly_fee: 240")
    commit(repo, "Fix the typo")
    with pytest.raises(price_lists.PriceListError) as error:
        price_lists.history(repo / "docs")
    assert str(error.value).startswith(f"commit {bad}: ценоразписът в него не се чете по сегашните правила (")
    assert "docs/plans/standard.md: plan.monthly_fee" in str(error.value)
    assert str(error.value).endswith("добавете commit-а в SKIPPED_COMMITS в backoffice/build/price_lists.py")


def test_a_shallow_clone_fails_and_says_how_to_fix_it(repo: Path, tmp_path_factory: pytest.TempPathFactory):
    new_price_list(repo / "docs" / "plans")
    commit(repo, "Price list 2027-01")
    clone = tmp_path_factory.mktemp("clone") / "site"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], env=GIT_ENV, check=True
    )
    with pytest.raises(
        price_lists.PriceListError, match=r"плитко копие.*изпълнете първо `git fetch --unshallow`"
    ):
        price_lists.history(clone / "docs")


def test_outside_git_there_is_no_history(tmp_path: Path):
    shutil.copytree(ROOT / "docs" / "plans", tmp_path / "docs" / "plans")
    assert price_lists.history(tmp_path / "docs") is None


def test_the_build_writes_every_list_and_the_index(tmp_path: Path):
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "Site")
    new_price_list(tmp_path / "docs" / "plans")
    commit(tmp_path, "Price list 2027-01")
    site = tmp_path / "site"
    config = load_config(
        str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"), site_dir=str(site), strict=True
    )
    build(config)

    folder = site / "assets" / "price-lists"
    assert sorted(path.name for path in folder.iterdir()) == ["2026-11.json", "2027-01.json", "index.json"]
    assert json.loads((folder / "index.json").read_text(encoding="utf-8"))["current"] == "2027-01"
    old = json.loads((folder / "2026-11.json").read_text(encoding="utf-8"))
    assert (old["price_list"], old["plans"][0]["monthly_fee"]) == ("2026-11", "390")
    # The current list is byte for byte the catalogue the calculator loads.
    [current] = (site / "assets" / "catalogue").glob("*.json")
    assert (folder / "2027-01.json").read_bytes() == current.read_bytes()


def test_the_build_stops_on_new_prices_under_the_same_id(repo: Path, caplog: pytest.LogCaptureFixture):
    shutil.copytree(ROOT / "docs", repo / "docs", dirs_exist_ok=True)
    commit(repo, "Site")
    edit(repo / "docs" / "plans" / "premium.md", "monthly_fee: 390", "monthly_fee: 400")
    config = load_config(
        str(ROOT / "mkdocs.yml"), docs_dir=str(repo / "docs"), site_dir=str(repo / "site"), strict=True
    )
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build(config)
    assert "цените са променени, а ценоразписът е все още 2026-11" in caplog.text
