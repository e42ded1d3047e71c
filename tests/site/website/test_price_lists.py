"""Price lists from git history: every published list stays, an id never changes its figures."""

import json
import logging
import shutil
import subprocess
from pathlib import Path

import pytest
from git_history import GIT_ENV, git
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from backoffice.website import price_lists
from backoffice.website.sources import load_catalogue


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
    edit(plans / "index.md", 'price_list: "2026-12"', 'price_list: "2027-01"')
    edit(plans / "index.md", "effective: 2026-12-01", "effective: 2027-01-01")


@pytest.fixture
def repo(sample_root: Path, tmp_path: Path) -> Path:
    """A git repository whose first commit holds the tests' price list 2026-12 (`tests/content/`)."""
    shutil.copytree(sample_root / "docs" / "plans", tmp_path / "docs" / "plans")
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "Price list 2026-12")
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
        ("2026-12", "2026-12-01", "390"),
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
            {"id": "2026-12", "effective": "2026-12-01", "url": "assets/price-lists/2026-12.json"},
        ],
        "withdrawn": [],
    }


def test_an_uncommitted_new_list_is_current_before_it_is_committed(repo: Path):
    new_price_list(repo / "docs" / "plans")
    assert [entry.id for entry in lists_of(repo / "docs")] == ["2027-01", "2026-12"]


def test_new_prices_under_the_same_id_fail_naming_the_field(repo: Path):
    first = git(repo, "rev-parse", "HEAD")[:12]
    edit(repo / "docs" / "plans" / "premium.md", "monthly_fee: 390", "monthly_fee: 400")
    with pytest.raises(price_lists.PriceListError) as error:
        lists_of(repo / "docs")
    assert str(error.value) == (
        "docs/plans/index.md: catalogue.price_list: цените са променени, а ценоразписът е все още 2026-12 "
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
    assert [entry.id for entry in lists_of(repo / "docs")] == ["2026-12"]


def test_a_skipped_commit_is_not_read(repo: Path, monkeypatch: pytest.MonkeyPatch):
    first = git(repo, "rev-parse", "HEAD")
    edit(repo / "docs" / "plans" / "premium.md", "monthly_fee: 390", "monthly_fee: 400")
    commit(repo, "Correction before publication")
    monkeypatch.setattr(price_lists, "SKIPPED_COMMITS", {first: "corrected before it was published"})
    assert [(entry.id, premium_fee(entry)) for entry in lists_of(repo / "docs")] == [("2026-12", "400")]


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
    assert str(error.value).endswith(
        "добавете commit-а в SKIPPED_COMMITS в backoffice/website/price_lists.py"
    )


def test_a_shallow_clone_says_so(repo: Path, tmp_path_factory: pytest.TempPathFactory):
    new_price_list(repo / "docs" / "plans")
    commit(repo, "Price list 2027-01")
    clone = tmp_path_factory.mktemp("clone") / "site"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], env=GIT_ENV, check=True
    )
    with pytest.raises(
        price_lists.ShallowClone, match=r"плитко копие.*изпълнете първо `git fetch --unshallow`"
    ):
        price_lists.history(clone / "docs")


def test_outside_git_there_is_no_history(sample_root: Path, tmp_path: Path):
    shutil.copytree(sample_root / "docs" / "plans", tmp_path / "docs" / "plans")
    assert price_lists.history(tmp_path / "docs") is None


def test_the_build_writes_every_list_and_the_index(sample_root: Path, tmp_path: Path):
    shutil.copytree(sample_root / "docs", tmp_path / "docs")
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "Site")
    new_price_list(tmp_path / "docs" / "plans")
    commit(tmp_path, "Price list 2027-01")
    site = tmp_path / "site"
    config = load_config(
        str(sample_root / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"), site_dir=str(site), strict=True
    )
    build(config)

    folder = site / "assets" / "price-lists"
    assert sorted(path.name for path in folder.iterdir()) == ["2026-12.json", "2027-01.json", "index.json"]
    assert json.loads((folder / "index.json").read_text(encoding="utf-8"))["current"] == "2027-01"
    old = json.loads((folder / "2026-12.json").read_text(encoding="utf-8"))
    assert (old["price_list"], old["plans"][0]["monthly_fee"]) == ("2026-12", "390")
    # The current list is byte for byte the catalogue the calculator loads.
    [current] = (site / "assets" / "catalogue").glob("*.json")
    assert (folder / "2027-01.json").read_bytes() == current.read_bytes()


def test_the_build_stops_on_new_prices_under_the_same_id(
    sample_root: Path, repo: Path, caplog: pytest.LogCaptureFixture
):
    shutil.copytree(sample_root / "docs", repo / "docs", dirs_exist_ok=True)
    commit(repo, "Site")
    edit(repo / "docs" / "plans" / "premium.md", "monthly_fee: 390", "monthly_fee: 400")
    config = load_config(
        str(sample_root / "mkdocs.yml"), docs_dir=str(repo / "docs"), site_dir=str(repo / "site"), strict=True
    )
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build(config)
    assert "цените са променени, а ценоразписът е все още 2026-12" in caplog.text


# The archive: every list a link may name survives a build without history.


def keep(docs: Path) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """What the build publishes of the price lists (site path -> bytes), and its notes."""
    current = load_catalogue(docs)
    lists, notes = price_lists.keep(docs, current)
    return price_lists.site_files(lists, current.price_list), notes


def summary(files: dict[str, bytes]) -> list[tuple[str, str, str]]:
    """(id, effective, Premium's fee) of each published list, in the index's order."""
    index = json.loads(files[price_lists.INDEX_URL])
    rows = []
    for entry in index["lists"]:
        data = json.loads(files[entry["url"]])
        rows.append((entry["id"], data["effective"], data["plans"][0]["monthly_fee"]))
    return rows


@pytest.fixture
def archived(sample_root: Path, tmp_path: Path) -> Path:
    """A repository with two price lists, each committed with what the build wrote into the archive."""
    repo = tmp_path / "repo"
    shutil.copytree(sample_root / "docs", repo / "docs")
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Site, price list 2026-12")
    _, notes = keep(repo / "docs")
    assert notes == (
        "записано в архива на ценоразписите (commit-нете го с промяната на цените): "
        "price-lists/2026-12.json, price-lists/index.json",
    )
    git(repo, "add", "price-lists")
    git(repo, "commit", "-q", "-m", "Archive of price list 2026-12")
    new_price_list(repo / "docs" / "plans")
    assert keep(repo / "docs")[1] == (
        "записано в архива на ценоразписите (commit-нете го с промяната на цените): "
        "price-lists/2027-01.json, price-lists/index.json",
    )
    git(repo, "add", "docs", "price-lists")
    git(repo, "commit", "-q", "-m", "Price list 2027-01")
    assert git(repo, "status", "--porcelain") == ""
    return repo


def exported(repo: Path, target: Path) -> Path:
    """``git archive`` of HEAD, unpacked into `target`: the files without .git."""
    target.mkdir()
    tar = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", "HEAD"],
        env=GIT_ENV,
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=tar, check=True)
    return target


EXPECTED = [("2027-01", "2027-01-01", "410"), ("2026-12", "2026-12-01", "390")]


def test_the_archive_publishes_the_same_lists_without_history(archived: Path, tmp_path: Path):
    with_history, notes = keep(archived / "docs")
    assert (summary(with_history), notes) == (EXPECTED, ())
    assert json.loads((archived / "price-lists" / "index.json").read_text(encoding="utf-8")) == {
        "lists": ["2027-01", "2026-12"]
    }

    export = exported(archived, tmp_path / "export")
    from_export, notes = keep(export / "docs")
    assert notes == (price_lists.NO_HISTORY,)
    assert from_export == with_history  # byte for byte, every list and the index

    # History squashed: a fresh repository whose one commit holds today's files.
    squashed = exported(archived, tmp_path / "squashed")
    git(squashed, "init", "-q", "-b", "main")
    git(squashed, "add", "-A")
    git(squashed, "commit", "-q", "-m", "Squashed")
    from_squashed, notes = keep(squashed / "docs")
    assert (from_squashed, notes) == (with_history, ())
    assert git(squashed, "status", "--porcelain") == ""  # nothing to write: the archive has it all

    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{archived}", str(clone)], env=GIT_ENV, check=True
    )
    assert keep(clone / "docs") == (with_history, (price_lists.SHALLOW,))


def test_the_site_built_from_an_export_has_every_list(sample_root: Path, archived: Path, tmp_path: Path):
    export = exported(archived, tmp_path / "export")
    site = tmp_path / "site"
    config = load_config(
        str(sample_root / "mkdocs.yml"), docs_dir=str(export / "docs"), site_dir=str(site), strict=True
    )
    build(config)
    folder = site / "assets" / "price-lists"
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == {
        url.removeprefix(price_lists.FOLDER + "/"): data for url, data in keep(archived / "docs")[0].items()
    }


def test_a_list_the_archive_names_but_lacks_fails_naming_it(archived: Path, tmp_path: Path):
    export = exported(archived, tmp_path / "export")
    (export / "price-lists" / "2026-12.json").unlink()
    with pytest.raises(price_lists.PriceListError) as error:
        keep(export / "docs")
    assert str(error.value) == (
        "price-lists/2026-12.json: липсва, а price-lists/index.json води ценоразпис 2026-12 като публикуван; "
        "без файла старите връзки към 2026-12 ще се отварят с днешните цени: върнете го от git "
        "(git checkout -- price-lists/2026-12.json)"
    )


def test_a_list_file_the_index_does_not_name_fails(archived: Path, tmp_path: Path):
    export = exported(archived, tmp_path / "export")
    (export / "price-lists" / "index.json").write_text('{"lists": ["2027-01"]}', encoding="utf-8")
    with pytest.raises(price_lists.PriceListError) as error:
        keep(export / "docs")
    assert str(error.value) == (
        "price-lists/2026-12.json: ценоразписът не е в price-lists/index.json; ако е публикуван, "
        "добавете го там, иначе изтрийте файла"
    )


def test_changing_an_archived_list_fails(archived: Path):
    first = git(archived, "log", "--format=%h", "--abbrev=12", "-1", "HEAD~2")
    edit(archived / "price-lists" / "2026-12.json", '"monthly_fee": "390"', '"monthly_fee": "400"')
    with pytest.raises(price_lists.PriceListError) as error:
        keep(archived / "docs")
    assert str(error.value) == (
        "price-lists/2026-12.json: ценоразпис 2026-12 в архива има други цифри от публикуваните в commit "
        f"{first}; един ценоразпис е едни цифри завинаги: върнете файла от git "
        "(git checkout -- price-lists/2026-12.json)"
    )


def test_without_history_new_prices_under_an_archived_id_fail(archived: Path, tmp_path: Path):
    export = exported(archived, tmp_path / "export")
    edit(export / "docs" / "plans" / "premium.md", "monthly_fee: 410", "monthly_fee: 420")
    with pytest.raises(price_lists.PriceListError) as error:
        keep(export / "docs")
    assert str(error.value) == (
        "docs/plans/index.md: catalogue.price_list: цените са променени, а ценоразписът е все още 2027-01 "
        "(price-lists/2027-01.json пази други цифри): "
        "дайте на новите цени нов price_list и нова дата в effective"
    )


def test_an_uncommitted_list_is_a_draft_the_archive_follows(archived: Path):
    plans = archived / "docs" / "plans"
    edit(plans / "premium.md", "monthly_fee: 410", "monthly_fee: 420")
    edit(plans / "index.md", 'price_list: "2027-01"', 'price_list: "2027-02"')
    edit(plans / "index.md", "effective: 2027-01-01", "effective: 2027-02-01")
    keep(archived / "docs")
    edit(plans / "premium.md", "monthly_fee: 420", "monthly_fee: 430")
    files, _ = keep(archived / "docs")
    assert summary(files)[0] == ("2027-02", "2027-02-01", "430")
    draft = json.loads((archived / "price-lists" / "2027-02.json").read_text(encoding="utf-8"))
    assert draft["plans"][0]["monthly_fee"] == "430"
    # Committed, the id is published: from now on its figures are fixed.
    git(archived, "add", "docs", "price-lists")
    git(archived, "commit", "-q", "-m", "Price list 2027-02")
    edit(plans / "premium.md", "monthly_fee: 430", "monthly_fee: 440")
    with pytest.raises(
        price_lists.PriceListError, match="цените са променени, а ценоразписът е все още 2027-02"
    ):
        keep(archived / "docs")


def test_find_reads_the_archive_then_the_history(archived: Path, tmp_path: Path):
    export = exported(archived, tmp_path / "export")
    found = price_lists.find(export / "docs", "2026-12")
    assert found is not None
    assert (found.price_list, str(found.plans[0].monthly_fee)) == ("2026-12", "390")
    assert price_lists.find(export / "docs", "2025-01") is None
    shutil.rmtree(archived / "price-lists")
    found = price_lists.find(archived / "docs", "2026-12")
    assert found is not None and found.price_list == "2026-12"
