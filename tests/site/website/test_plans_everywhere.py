"""A plan page added, removed or reordered reaches every page that lists the plans, with no edit to them.

The home page's cards, the plans page (cards and comparison), the questions
page's list of reaction terms, the menu and the sitemap are all made from
the catalogue. Each test changes docs/plans/ in a copy of the tests' pages
(`tests/content/`), builds it strictly, and reads the plans' order back from
each place. The copy has no price lists' archive and no history: the
changed plans are the only price list the build publishes.
"""

import re
import shutil
from pathlib import Path

from content_checks import CARDS, between
from content_checks import linked_plans as plan_ids

from tests.site.strict_build import strict_build

BUSINESS_PLAN = """---
title: Абонамент Бизнес
description: Нов план, добавен само като страница в docs/plans.
plan:
  id: biznes
  kind: subscription
  name: Абонамент Бизнес
  order: 0
  monthly_fee: 990
  included_hours: 20
  hourly_rate: 30
  reaction:
    guarantee_hours: 1
    calendar: "24/7"
  priority: true
---

# Абонамент Бизнес

<!-- md:plan-terms -->
"""


def copy_docs(sample_root: Path, tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(sample_root / "docs", docs)
    return docs


def build(sample_root: Path, docs: Path) -> Path:
    """The tests' site built strictly from the pages in `docs`."""
    config = (sample_root / "mkdocs.yml").read_text(encoding="utf-8")
    config += f"\ndocs_dir: {docs}\nsite_dir: {docs.parent / 'site'}\n"
    result = strict_build(sample_root, config)
    assert result.returncode == 0, result.stderr
    return docs.parent / "site"


def everywhere(site: Path) -> dict[str, list[str]]:
    """Where the plans are listed -> the plan ids there, in order."""

    def read(page: str) -> str:
        return (site / page).read_text(encoding="utf-8")

    plans_page, questions = read("planove/index.html"), read("vaprosi/index.html")
    return {
        "home cards": plan_ids(between(read("index.html"), CARDS, "</div>"), ""),
        "plans page cards": plan_ids(between(plans_page, CARDS, "</div>"), "planove/"),
        "plans page table": plan_ids(between(plans_page, "<table>", "</table>"), "planove/"),
        "questions": plan_ids(between(questions, 'id="важи-ли-гаранцията', "</ul>"), "vaprosi/"),
        "menu": plan_ids(between(questions, "md-nav--primary", '<div class="md-content"'), "vaprosi/"),
        "sitemap": re.findall(r"/planove/([a-z0-9-]+)/</loc>", read("sitemap.xml")),
    }


def test_the_site_lists_its_plans_in_the_catalogues_order(site_dir: Path):
    expected = ["premium", "standard", "paket", "pochasov", "na-rabota", "avariyna"]
    found = everywhere(site_dir)
    assert found == {**found, "sitemap": sorted(expected)}
    assert {place: ids for place, ids in found.items() if place != "sitemap"} == {
        place: expected for place in found if place != "sitemap"
    }


def test_a_plan_added_and_one_reordered_reach_every_list(sample_root: Path, tmp_path: Path):
    docs = copy_docs(sample_root, tmp_path)
    (docs / "plans" / "biznes.md").write_text(BUSINESS_PLAN, encoding="utf-8")
    standard = docs / "plans" / "standard.md"
    standard.write_text(
        standard.read_text(encoding="utf-8").replace("order: 2", "order: 99"), encoding="utf-8"
    )

    found = everywhere(build(sample_root, docs))

    expected = ["biznes", "premium", "paket", "pochasov", "na-rabota", "avariyna", "standard"]
    assert found == {
        "home cards": expected,
        "plans page cards": expected,
        "plans page table": expected,
        "questions": expected,
        "menu": expected,
        "sitemap": sorted(expected),
    }
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<strong>990,00\u00a0€</strong> на месец, с 20\u00a0ч включена работа" in home
    assert "до 1\u00a0ч, денонощно, включително в почивни и празнични дни" in home


def test_a_plan_removed_leaves_every_list(sample_root: Path, tmp_path: Path):
    docs = copy_docs(sample_root, tmp_path)
    (docs / "plans" / "pochasov.md").unlink()
    # The guide to choosing names this plan in its prose: the one page to edit by hand.
    guide = docs / "kak-da-izberem.md"
    text = guide.read_text(encoding="utf-8")
    start = text.index("[<!-- md:plan pochasov name -->]")
    end = text.index("\n\n", start)
    guide.write_text(text[:start] + "Почасов абонамент вече не предлагаме." + text[end:], encoding="utf-8")

    found = everywhere(build(sample_root, docs))

    expected = ["premium", "standard", "paket", "na-rabota", "avariyna"]
    assert found == {
        "home cards": expected,
        "plans page cards": expected,
        "plans page table": expected,
        "questions": expected,
        "menu": expected,
        "sitemap": sorted(expected),
    }
    assert not (tmp_path / "site" / "planove" / "pochasov").exists()
