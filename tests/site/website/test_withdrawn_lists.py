"""Withdrawn price lists: `catalogue.withdrawn` read and checked, never published, gone from the archive."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from git_history import git
from strict_build import strict_build

from backoffice.website import price_lists
from backoffice.website.sources import load_catalogue, load_withdrawn
from calculator.errors import CatalogueError

EFFECTIVE = "  effective: 2026-12-01\n"
#: The date of the list 2027-01, which the history's last commit makes current.
NEWER = "  effective: 2027-01-01\n"
REMOVED_BOTH = (
    "оттеглено (catalogue.withdrawn) и махнато от архива на ценоразписите (commit-нете го с промяната "
    "на docs/plans/index.md): изтрито price-lists/2026-12.json, price-lists/2026-11.json; "
    "записано price-lists/index.json"
)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def withdraw(docs: Path, line: str, effective: str = EFFECTIVE) -> None:
    """Write `line` (the YAML of ``withdrawn:``) under ``catalogue:`` of the plans' index."""
    index = docs / "plans" / "index.md"
    edit(index, effective, f"{effective}  withdrawn: {line}\n")


def keep(docs: Path) -> tuple[list[str], tuple[str, ...]]:
    """The ids the build publishes, in the index's order, and its notes; as the build reads its input."""
    current = load_catalogue(docs)
    lists, notes = price_lists.keep(docs, current, load_withdrawn(docs, current.price_list))
    return [entry.id for entry in lists], notes


def archive(repo: Path) -> tuple[list[str], list[str]]:
    """The archive's files, and the ids its index names."""
    folder = repo / "price-lists"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return sorted(path.name for path in folder.iterdir()), index["lists"]


# --- the field ------------------------------------------------------------------


@pytest.fixture
def docs(sample_repo: Path) -> Path:
    return sample_repo / "docs"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (None, ()),
        ("", ()),
        ("[]", ()),
        ('["2026-11"]', ("2026-11",)),
        ('\n    - "2025-03"\n    - "2026-11"', ("2025-03", "2026-11")),
        ('["2026-11", "2025-03"]', ("2026-11", "2025-03")),
    ],
    ids=["absent", "empty", "empty-list", "one", "block-list", "as-written"],
)
def test_the_field_is_a_list_of_ids_as_written(docs: Path, line: str | None, expected: tuple[str, ...]):
    if line is not None:
        withdraw(docs, line)
    assert load_withdrawn(docs, "2026-12") == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '"2026-11"',
            'catalogue.withdrawn: трябва да е списък от имена на ценоразписи, напр. ["2026-11"]; '
            "написано е '2026-11'",
        ),
        (
            '{"2026-11": true}',
            'catalogue.withdrawn: трябва да е списък от имена на ценоразписи, напр. ["2026-11"]; '
            "написано е {'2026-11': True}",
        ),
        (
            '["2026-11", 2026.10]',
            'catalogue.withdrawn[1]: трябва да е името на ценоразпис в кавички, напр. "2026-11"; '
            "написано е 2026.1",
        ),
        (
            '["2026 11"]',
            "catalogue.withdrawn[0]: има неправилен вид '2026 11': пишете името на ценоразписа, както е "
            'било в price_list (латински букви, цифри, . _ или -), напр. "2026-11"',
        ),
        (
            '["2026-11", "2025-03", "2026-11"]',
            "catalogue.withdrawn[2]: „2026-11“ вече е написан в catalogue.withdrawn[0]: оставете го веднъж",
        ),
        (
            '["2026-11", "2026-12"]',
            "catalogue.withdrawn[1]: „2026-12“ е текущият ценоразпис (catalogue.price_list) и не може да "
            "бъде оттеглен: дайте на новите цени нов price_list и effective (може в същата промяна) и "
            "оттеглете този",
        ),
    ],
    ids=["text", "mapping", "number", "bad-form", "twice", "current"],
)
def test_each_mistake_names_the_file_the_item_and_what_to_write(docs: Path, line: str, message: str):
    withdraw(docs, line)
    with pytest.raises(CatalogueError) as error:
        load_withdrawn(docs, "2026-12")
    assert str(error.value) == f"docs/plans/index.md: {message}"


def test_a_misspelt_field_is_refused_and_the_message_names_the_right_one(docs: Path):
    edit(docs / "plans" / "index.md", EFFECTIVE, f'{EFFECTIVE}  withdrwan: ["2026-11"]\n')
    with pytest.raises(CatalogueError) as error:
        load_catalogue(docs, with_holidays=False)
    assert str(error.value) == (
        "docs/plans/index.md: catalogue.withdrwan: непознато поле: поправете името или го махнете (тук може: "
        "price_list, effective, vat_percent, bgn_per_eur, working_hours, effort, travel, services, "
        "calendar, withdrawn)"
    )


def test_the_field_is_not_part_of_the_lists_figures(docs: Path):
    before = price_lists.figures(load_catalogue(docs, with_holidays=False))
    # Even a wrong value: the catalogue is read as before, the field is checked on its own.
    withdraw(docs, '"2026-11"')
    assert price_lists.figures(load_catalogue(docs, with_holidays=False)) == before


def test_the_build_refuses_to_withdraw_the_current_list(sample_repo: Path):
    withdraw(sample_repo / "docs", '["2026-11", "2026-12"]')
    done = strict_build(sample_repo)
    assert done.returncode == 1
    assert (
        "ERROR   -  docs/plans/index.md: catalogue.withdrawn[1]: „2026-12“ е текущият ценоразпис "
        "(catalogue.price_list) и не може да бъде оттеглен: дайте на новите цени нов price_list и "
        "effective (може в същата промяна) и оттеглете този\n"
    ) in done.stderr
    assert not (sample_repo / "site").exists()


# --- with git history -------------------------------------------------------------


@pytest.fixture
def history(sample_repo: Path) -> Path:
    """The tests' repository in git: 2026-11 in the archive only, 2026-12 and 2027-01 committed too."""
    git(sample_repo, "init", "-q", "-b", "main")
    git(sample_repo, "add", "docs", "price-lists")
    git(sample_repo, "commit", "-q", "-m", "Site, price lists 2026-11 and 2026-12")
    plans = sample_repo / "docs" / "plans"
    edit(plans / "premium.md", "monthly_fee: 390", "monthly_fee: 410")
    edit(plans / "index.md", 'price_list: "2026-12"', 'price_list: "2027-01"')
    edit(plans / "index.md", EFFECTIVE, NEWER)
    assert keep(sample_repo / "docs") == (
        ["2027-01", "2026-12", "2026-11"],
        (
            "записано в архива на ценоразписите (commit-нете го с промяната на цените): "
            "price-lists/2027-01.json, price-lists/index.json",
        ),
    )
    git(sample_repo, "add", "docs", "price-lists")
    git(sample_repo, "commit", "-q", "-m", "Price list 2027-01")
    return sample_repo


def test_a_withdrawn_list_is_not_published_and_leaves_the_archive(history: Path):
    docs = history / "docs"
    # 2026-12 is in the history and the archive, 2026-11 in the archive only.
    withdraw(docs, '["2026-12", "2026-11"]', NEWER)

    assert keep(docs) == (["2027-01"], (REMOVED_BOTH,))
    assert archive(history) == (["2027-01.json", "index.json"], ["2027-01"])
    assert git(history, "status", "--porcelain", "price-lists") == (
        "D price-lists/2026-11.json\n D price-lists/2026-12.json\n M price-lists/index.json"
    )
    # The history still holds 2026-12: the build does not restore it, now or after the commit.
    assert keep(docs) == (["2027-01"], ())
    git(history, "add", "-A", "docs", "price-lists")
    git(history, "commit", "-q", "-m", "Withdraw 2026-11 and 2026-12")
    assert keep(docs) == (["2027-01"], ())
    assert price_lists.find(docs, "2026-12", ("2026-12", "2026-11")) is None
    assert price_lists.find(docs, "2026-11", ("2026-12", "2026-11")) is None


def test_a_list_not_withdrawn_survives(history: Path):
    docs = history / "docs"
    withdraw(docs, '["2026-11"]', NEWER)

    assert keep(docs) == (
        ["2027-01", "2026-12"],
        (
            "оттеглено (catalogue.withdrawn) и махнато от архива на ценоразписите (commit-нете го с "
            "промяната на docs/plans/index.md): изтрито price-lists/2026-11.json; "
            "записано price-lists/index.json",
        ),
    )
    assert archive(history) == (["2026-12.json", "2027-01.json", "index.json"], ["2027-01", "2026-12"])
    found = price_lists.find(docs, "2026-12", ("2026-11",))
    assert found is not None
    assert (found.price_list, str(found.plans[0].monthly_fee)) == ("2026-12", "390")
    # From the history alone, once the archive is gone, it is found all the same.
    shutil.rmtree(history / "price-lists")
    found = price_lists.find(docs, "2026-12", ("2026-11",))
    assert found is not None and found.price_list == "2026-12"


def test_a_list_taken_off_the_withdrawn_comes_back_from_history(history: Path):
    withdraw(history / "docs", '["2026-12"]', NEWER)
    assert keep(history / "docs")[0] == ["2027-01", "2026-11"]
    edit(history / "docs" / "plans" / "index.md", '  withdrawn: ["2026-12"]\n', "")
    assert keep(history / "docs") == (
        ["2027-01", "2026-12", "2026-11"],
        (
            "записано в архива на ценоразписите (commit-нете го с промяната на цените): "
            "price-lists/2026-12.json, price-lists/index.json",
        ),
    )


# --- without history --------------------------------------------------------------


def test_without_history_a_withdrawn_list_the_archive_names_is_not_published_and_no_error(sample_repo: Path):
    docs = sample_repo / "docs"
    withdraw(docs, '["2026-11"]')
    before = archive(sample_repo)
    assert before == (["2026-11.json", "2026-12.json", "index.json"], ["2026-12", "2026-11"])

    assert keep(docs) == (["2026-12"], (price_lists.NO_HISTORY,))
    assert archive(sample_repo) == before  # nothing written without history
    # Its file is not even read: unreadable or gone, the index may still name it.
    (sample_repo / "price-lists" / "2026-11.json").write_text("{", encoding="utf-8")
    assert keep(docs) == (["2026-12"], (price_lists.NO_HISTORY,))
    (sample_repo / "price-lists" / "2026-11.json").unlink()
    assert keep(docs) == (["2026-12"], (price_lists.NO_HISTORY,))
    assert price_lists.find(docs, "2026-11", ("2026-11",)) is None


def test_the_built_sites_index_names_the_withdrawn_lists(sample_repo: Path):
    withdraw(sample_repo / "docs", '["2026-11", "2025-03"]')
    done = strict_build(sample_repo)
    assert done.returncode == 0, done.stderr
    folder = sample_repo / "site" / "assets" / "price-lists"
    assert sorted(path.name for path in folder.iterdir()) == ["2026-12.json", "index.json"]
    assert json.loads((folder / "index.json").read_text(encoding="utf-8")) == {
        "current": "2026-12",
        "lists": [{"id": "2026-12", "effective": "2026-12-01", "url": "assets/price-lists/2026-12.json"}],
        "withdrawn": ["2026-11", "2025-03"],
    }
