"""What must hold for any content, checked on the live content and on copies an editor has changed.

The live `docs/` and `mkdocs.yml` are whatever the company has written: these
tests assert no figure of theirs. They copy the live repository (content and
code) into a git repository of its own, make an editor's ordinary changes the
way the editors' guide says (`content_edits.py`), commit them as the guide
says, build strictly, and run every check of `content_checks.py`:

- the live content, as it is;
- the guide's price change: the first plan's fee up under a new price list;
- another company taking the site over: its identity, the first plan
  renamed, the last removed, one added, other working hours, a new price
  list, and every older list withdrawn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from content_checks import CHECKS, Built, build, outside_the_text
from content_edits import (
    add_plan,
    archived_lists,
    catalogue_front,
    commit,
    new_price_list,
    plan_pages,
    raise_first_fee,
    remove_plan,
    rename_plan,
    set_config,
    set_working_hours,
    start_history,
    withdraw,
)
from sample_site import ROOT, make_repository

from calculator.eik import is_valid_eik
from calculator.money import format_eur

#: Two identities of another company (the ЕИК's check digits hold): the takeover takes the first
#: that shares no field with the live content's company, whatever company that is.
OTHER_COMPANIES = [
    {
        "site_name": "Друга Опора",
        "extra.company.brand": "Друга Опора",
        "extra.company.name": "Друга Опора ООД",
        "extra.company.eik": "123456708",
        "extra.company.phone": "+359 32 555 0101",
        "extra.company.email": "office@drugaopora.example",
        "extra.company.address.street": "ул. „Тестова“ 1",
        "extra.company.address.city": "Пловдив",
        "extra.company.address.postal_code": "4000",
    },
    {
        "site_name": "Трета Опора",
        "extra.company.brand": "Трета Опора",
        "extra.company.name": "Трета Опора ЕООД",
        "extra.company.eik": "123456715",
        "extra.company.phone": "+359 52 555 0202",
        "extra.company.email": "office@tretaopora.example",
        "extra.company.address.street": "ул. „Пробна“ 2",
        "extra.company.address.city": "Варна",
        "extra.company.address.postal_code": "9000",
    },
]


def other_company(company: dict[str, object]) -> dict[str, str]:
    """The first of OTHER_COMPANIES with no field equal to one of `company` (mkdocs.yml's)."""
    live = {str(value) for value in company.values() if not isinstance(value, dict)}
    live |= {str(value) for value in dict(company.get("address") or {}).values()}  # type: ignore[call-overload]
    apart = [other for other in OTHER_COMPANIES if not live & set(other.values())]
    assert apart, f"the live company shares a field with each of OTHER_COMPANIES: {sorted(live)}"
    return dict(apart[0])


@dataclass
class Edited:
    """A built copy of the live repository, and what the edits changed."""

    built: Built
    facts: dict[str, object] = field(default_factory=dict)


def _copy(tmp: Path) -> Path:
    root = make_repository(tmp / "repo", content=ROOT)
    start_history(root)
    return root


def _build_and_commit(root: Path, tmp: Path, message: str) -> Built:
    """Build (which writes the new list into price-lists/), commit as the guide says, and build again."""
    build(root, tmp / "draft")
    commit(root, message, "docs", "mkdocs.yml", "price-lists")
    return build(root, tmp / "site")


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Edited:
    tmp = tmp_path_factory.mktemp("live")
    return Edited(build(_copy(tmp), tmp / "site"))


@pytest.fixture(scope="module")
def price_change(tmp_path_factory: pytest.TempPathFactory) -> Edited:
    tmp = tmp_path_factory.mktemp("price-change")
    root = _copy(tmp)
    old_list = str(catalogue_front(root)["price_list"])
    plan, key, old, new = raise_first_fee(root)
    new_list = new_price_list(root)
    built = _build_and_commit(root, tmp, "New prices")
    return Edited(
        built, {"plan": plan, "key": key, "old": old, "new": new, "old_list": old_list, "new_list": new_list}
    )


@pytest.fixture(scope="module")
def takeover(tmp_path_factory: pytest.TempPathFactory) -> Edited:
    tmp = tmp_path_factory.mktemp("takeover")
    root = _copy(tmp)
    before = Built(root, tmp / "unused")
    company = before.extra["company"]
    old_identity = [company["name"], company["phone"], company["email"], f"ЕИК {company['eik']}"]
    old_lists = sorted({str(catalogue_front(root)["price_list"]), *archived_lists(root)})
    values = other_company(company)
    if company.get("vat") is not None:
        values["extra.company.vat"] = "BG" + values["extra.company.eik"]
    set_config(root, values)
    pages = plan_pages(root)
    renamed, removed = pages[0].stem, pages[-1].stem
    rename_plan(pages[0], "Поддръжка Злато")
    remove_plan(root, removed)
    add_plan(root, "Поддръжка Старт")
    set_working_hours(root, "08:30", "17:30")
    new_list = new_price_list(root)
    withdrawn = withdraw(root, old_lists)
    built = _build_and_commit(root, tmp, "Another company takes the site over")
    facts = {
        "old_identity": old_identity,
        "withdrawn": withdrawn,
        "new_list": new_list,
        "renamed": renamed,
        "removed": removed,
    }
    return Edited(built, facts)


@pytest.fixture(scope="module", params=["live", "price_change", "takeover"])
def edited(request: pytest.FixtureRequest) -> Edited:
    edited: Edited = request.getfixturevalue(request.param)
    return edited


@pytest.mark.parametrize("check", CHECKS, ids=[check.__name__.removeprefix("check_") for check in CHECKS])
def test_what_holds_for_any_content(edited: Edited, check) -> None:  # type: ignore[no-untyped-def]
    check(edited.built)


def test_the_other_companies_are_valid_and_apart() -> None:
    assert [is_valid_eik(other["extra.company.eik"]) for other in OTHER_COMPANIES] == [True, True]
    # They share no field, so a live company like one of them is still apart from the other.
    first, second = (set(other.values()) for other in OTHER_COMPANIES)
    assert first & second == set()


def test_a_price_change_shows_the_new_fee_and_keeps_the_old_list(price_change: Edited) -> None:
    built, facts = price_change.built, price_change.facts
    plan = built.page(f"planove/{facts['plan']}/index.html")
    assert format_eur(Decimal(str(facts["new"]))) in plan
    index = json.loads(built.page("assets/price-lists/index.json"))
    ids = [entry["id"] for entry in index["lists"]]
    assert ids[0] == facts["new_list"] == index["current"]
    assert facts["old_list"] in ids
    # The old list keeps its figure: a link made under it opens at the old price.
    old = json.loads(built.page(f"assets/price-lists/{facts['old_list']}.json"))
    [plan_data] = [plan for plan in old["plans"] if plan["id"] == facts["plan"]]
    assert Decimal(plan_data[facts["key"]]) == Decimal(str(facts["old"]))
    # The committed archive holds the new list: a build without history publishes it too.
    assert facts["new_list"] in archived_lists(built.root)


def test_a_company_taking_the_site_over_leaves_nothing_of_the_old_one(takeover: Edited) -> None:
    built, facts = takeover.built, takeover.facts
    for path in built.pages():
        left = [text for text in facts["old_identity"] if text in outside_the_text(path.read_text("utf-8"))]
        assert left == [], path.relative_to(built.site)
    assert built.catalogue.plan(str(facts["renamed"])).name == "Поддръжка Злато"
    assert "Поддръжка Старт" in [plan.name for plan in built.plans()]
    assert not (built.site / "planove" / str(facts["removed"])).exists()


def test_withdrawn_lists_are_neither_published_nor_kept(takeover: Edited) -> None:
    built, facts = takeover.built, takeover.facts
    index = json.loads(built.page("assets/price-lists/index.json"))
    assert [entry["id"] for entry in index["lists"]] == [facts["new_list"]]
    assert index["withdrawn"] == facts["withdrawn"]
    published = sorted(path.name for path in (built.site / "assets" / "price-lists").iterdir())
    assert published == sorted([f"{facts['new_list']}.json", "index.json"])
    # The build took them out of the archive, and the commit carries that.
    assert archived_lists(built.root) == [facts["new_list"]]
