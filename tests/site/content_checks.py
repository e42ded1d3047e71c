"""What must hold for any content an editor writes, read from a repository and the site built from it.

The checks know no plan, price or company: they read what to expect from the
repository's own front matter and mkdocs.yml, and look for it where a visitor
or a salesperson meets it. `tests/site/test_any_content.py` runs them on the
live content and on copies of it that an editor has changed.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from built_pages import front_matter, numbers, pages, parse, sources
from mkdocs.config import load_config

from backoffice.website.offer_keys import parse_keys
from backoffice.website.sources import load_catalogue, read_front_matter
from calculator.catalogue import Catalogue, Plan
from calculator.money import format_eur
from tests.site.strict_build import strict_build

#: The address the builds here are made at (Netlify's `URL`, see strict_build).
SITE = "https://example-support.bg/"
CARDS = '<div class="grid cards plan-cards">'
#: The editors' guide, beside the pages but not one of them (mkdocs.yml's exclude_docs).
GUIDE = "REDAKTORI.md"
HREF = re.compile(r'href="([^"]*)"')
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
# The page's own text, which an editor writes; what is around it comes from the templates.
ARTICLE = re.compile(r'<article class="md-content__inner.*?</article>', re.S)


@dataclass
class Built:
    """A repository and the site built from it."""

    root: Path
    site: Path

    @cached_property
    def catalogue(self) -> Catalogue:
        return load_catalogue(self.root / "docs")

    @cached_property
    def extra(self) -> dict[str, Any]:
        return dict(load_config(str(self.root / "mkdocs.yml")).extra)

    def plans(self) -> list[Plan]:
        """The catalogue's plans in their order (`plan.order`)."""
        return sorted(self.catalogue.plans, key=lambda plan: plan.order)

    def front_matter(self, plan_id: str) -> dict[str, Any]:
        """The `plan:` front matter of a plan's page, read apart from the catalogue."""
        page = self.root / "docs" / "plans" / f"{plan_id}.md"
        return dict(read_front_matter(page, page.name)["plan"])

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


def build(root: Path, site: Path) -> Built:
    """Build `root` strictly into `site`, as Netlify would; the build's errors fail the test."""
    result = strict_build(root, site=site)
    assert result.returncode == 0, result.stderr
    return Built(root, site)


def between(text: str, start: str, end: str) -> str:
    at = text.index(start)
    return text[at : text.index(end, at)]


def linked_plans(fragment: str, page: str) -> list[str]:
    """Plan ids linked from `fragment` of the page at site path `page`, in order, each once."""
    found = []
    for href in HREF.findall(fragment):
        url = urljoin(SITE + page, html.unescape(href))
        match = re.fullmatch(re.escape(SITE) + r"planove/([^/#]+)/", url)
        if match:
            found.append(match[1])
    return list(dict.fromkeys(found))


# A figure with its unit: "390 €", "2 ч", "4 часа", "1-2 работни дни", "150 евро", "35 EUR".
HAND_TYPED_FIGURE = re.compile(r"\d[\s\u00a0]*(?:€|EUR|евро|ч\b|час|(?:работни\s+)?дн[иея])", re.IGNORECASE)
#: A plan's money figures, in the order its card puts them first: the fee, or else the hourly rate.
FEES = ("monthly_fee", "incident_fee", "hourly_rate")
#: Every figure of a plan's front matter that its terms table states.
PLAN_FIGURES = ("monthly_fee", "included_hours", "hourly_rate", "minimum_hours_per_visit", "incident_fee")


def main_figure(plan: dict[str, Any]) -> Decimal:
    """The figure a plan's card puts first, from its front matter."""
    for key in FEES:
        if key in plan:
            return Decimal(str(plan[key]))
    raise AssertionError(f"plan {plan.get('id')}: no fee or rate in its front matter")


def _card(cards: str, plan_id: str, page: str) -> str:
    """The card of `plan_id` in a plan-cards grid."""
    items = cards.split("<li>")[1:]
    mine = [item for item in items if linked_plans(item, page)[:1] == [plan_id]]
    assert len(mine) == 1, f"{page}: one card for {plan_id}, found {len(mine)}"
    return mine[0]


# --- the checks ------------------------------------------------------------------------------


def check_every_plan_has_its_page(built: Built) -> None:
    for plan in built.plans():
        page = built.page(f"planove/{plan.id}/index.html")
        assert "<h1" in page, plan.id
    published = sorted(path.parent.name for path in (built.site / "planove").glob("*/index.html"))
    assert published == sorted(plan.id for plan in built.plans())


def check_every_plan_is_listed(built: Built) -> None:
    """The home page's cards, the plans page's cards and the menu: every plan, in the catalogue's order."""
    order = [plan.id for plan in built.plans()]
    home, plans_page = built.page("index.html"), built.page("planove/index.html")
    assert linked_plans(between(home, CARDS, "</div>"), "") == order, "home page"
    assert linked_plans(between(plans_page, CARDS, "</div>"), "planove/") == order, "plans page"
    menu = between(plans_page, "md-nav--primary", '<div class="md-content"')
    assert linked_plans(menu, "planove/") == order, "menu"


def check_the_calculator_quotes_every_plan(built: Built) -> None:
    page = built.page("kalkulator/index.html")
    cards = re.findall(r'<article class="plan-card[^"]*" data-plan="([^"]+)"', page)
    assert sorted(cards) == sorted(plan.id for plan in built.plans())
    [catalogue_url] = re.findall(r'data-catalogue="([^"]+)"', page)
    shipped = json.loads((built.site / "kalkulator" / catalogue_url).read_text(encoding="utf-8"))
    assert shipped == built.catalogue.to_dict()


def check_the_cli_quotes_every_plan(built: Built) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "calculator", "quote", "--docs", str(built.root / "docs"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    answer = json.loads(result.stdout)
    assert sorted(plan["id"] for plan in answer["plans"]) == sorted(plan.id for plan in built.plans())
    assert answer["price_list"] == built.catalogue.price_list


def check_every_figure_is_its_front_matter(built: Built) -> None:
    """Each plan's first figure, read from its page's front matter, on its cards and in its JSON-LD."""
    home, plans_page = built.page("index.html"), built.page("planove/index.html")
    for plan in built.plans():
        figure = main_figure(built.front_matter(plan.id))
        shown = format_eur(figure)
        for name, page, at in (("home page", home, ""), ("plans page", plans_page, "planove/")):
            card = _card(between(page, CARDS, "</div>"), plan.id, at)
            assert shown in card, f"{name}: the card of {plan.id} does not show {shown}"
        own = built.page(f"planove/{plan.id}/index.html")
        data = [json.loads(block) for block in JSON_LD.findall(own)]
        prices = re.findall(r'"(?:price|minPrice)": ?"([0-9.]+)"', json.dumps(data))
        assert f"{figure:.2f}" in prices, f"{plan.id}: JSON-LD prices {prices}, front matter {figure}"
    index = json.loads(built.page("assets/price-lists/index.json"))
    assert index["current"] == built.catalogue.price_list
    current = json.loads(built.page(f"assets/price-lists/{built.catalogue.price_list}.json"))
    assert current == built.catalogue.to_dict()


def check_the_company_is_on_every_page(built: Built) -> None:
    """mkdocs.yml's identity in every page's footer, and the footer's legal links lead to pages."""
    company = built.extra["company"]
    wanted = [str(company["name"]), f"ЕИК {company['eik']}", str(company["phone"]), str(company["email"])]
    for path in built.pages():
        page = path.read_text(encoding="utf-8")
        if "site-footer" not in page:
            continue  # a redirect stub
        footer = between(page, '<div class="md-copyright site-footer">', "</nav>")
        missing = [text for text in wanted if html.escape(text, quote=False) not in footer]
        assert missing == [], f"{path.relative_to(built.site)}: the footer lacks {missing}"
        for href in HREF.findall(footer):
            if href.startswith(("tel:", "mailto:")):
                continue
            target = urljoin(SITE + path.relative_to(built.site).as_posix(), href)
            assert target.startswith(SITE), target
            assert (built.site / target[len(SITE) :] / "index.html").is_file(), f"{path}: {href}"


def check_the_offer_keys(built: Built) -> None:
    """The listed keys read as the build reads them, and the calculator checks offers with exactly those."""
    keys = parse_keys(built.extra.get("offers"))
    page = built.page("kalkulator/index.html")
    [offers] = re.findall(r'data-offers="([^"]*)"', page)
    assert sorted(json.loads(html.unescape(offers))["keys"]) == sorted(keys)


def check_every_link_leads_somewhere(built: Built) -> None:
    """Every link to the site itself reaches a page, and the anchor it names on it."""
    found = pages(built.site)
    ids = {url: parse(path).ids for url, path in found.items()}
    broken = []
    for url, path in found.items():
        for href in parse(path).links:
            target = urlsplit(urljoin(SITE + url, href))
            if f"{target.scheme}://{target.netloc}/" != SITE:
                continue  # another site, mailto: or tel:
            local = unquote(target.path).removeprefix("/")
            file = built.site / (local + "index.html" if local == "" or local.endswith("/") else local)
            if not file.is_file():
                broken.append(f"{url}: {href}")
            elif target.fragment and local in ids and unquote(target.fragment) not in ids[local]:
                broken.append(f"{url}: {href} (no such anchor)")
    assert broken == []


def check_every_page_describes_itself(built: Built) -> None:
    """Every page is built from a source, and its meta description is its front matter's."""
    found, written = pages(built.site), sources(built.root / "docs")
    assert sorted(found) == sorted(written)
    mismatched = {}
    for url, source in written.items():
        expected = front_matter(source).get("description")
        actual = parse(found[url]).description
        if not expected or actual != " ".join(str(expected).split()):
            mismatched[url] = (expected, actual)
    assert mismatched == {}


def check_every_plan_page_states_its_figures(built: Built) -> None:
    """A plan page's terms table states every figure of its front matter and no other number."""
    docs = built.root / "docs"
    # A working-hours guarantee names the working day ("09:00–18:00"), catalogue data too.
    hours = front_matter(docs / "plans" / "index.md")["catalogue"]["working_hours"]
    working_day = numbers(f"{hours['start']} {hours['end']}")
    for plan_data in built.plans():
        url = f"planove/{plan_data.id}/"
        plan = front_matter(docs / "plans" / f"{plan_data.id}.md")["plan"]
        terms = dict(row for row in parse(built.site / url / "index.html").rows if len(row) == 2)
        if "Приоритетно обслужване" not in terms:
            continue  # the page leaves out its terms table (md:plan-terms)
        figures = {key: Decimal(str(plan[key])) for key in PLAN_FIGURES if key in plan}
        reaction = plan["reaction"]
        if "guarantee_hours" in reaction:
            figures["guarantee_hours"] = Decimal(str(reaction["guarantee_hours"]))
        shown = " ".join(terms.values())
        for key in FEES:
            if figures.get(key):
                assert format_eur(figures[key]) in shown, (url, key)
        stated = numbers(" ".join(value for label, value in terms.items() if label != "Условие"))
        allowed = set(figures.values()) | {Decimal(day) for day in reaction.get("typical_working_days", [])}
        if reaction.get("calendar") == "business":
            allowed |= working_day
        # Every figure is stated, and no number appears that the front matter does not hold
        # (a zero fee or zero hours are written as "няма"; 0 working days in words).
        assert {value for value in figures.values() if value} <= stated, url
        assert stated <= allowed, url
        assert terms["Приоритетно обслужване"] == ("да" if plan["priority"] else "не"), url


def check_no_figure_is_typed_by_hand(built: Built) -> None:
    """The pages' text gives no figure with its unit: figures live in the front matter (the guide's rule)."""
    docs = built.root / "docs"
    typed = {}
    for source in sorted(docs.rglob("*.md")):
        if source.relative_to(docs).as_posix() == GUIDE:
            continue
        text = source.read_text(encoding="utf-8")
        body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
        found = HAND_TYPED_FIGURE.findall(body)
        if found:
            typed[source.relative_to(docs).as_posix()] = found
    assert typed == {}


CHECKS = [
    check_every_plan_has_its_page,
    check_every_plan_is_listed,
    check_the_calculator_quotes_every_plan,
    check_the_cli_quotes_every_plan,
    check_every_figure_is_its_front_matter,
    check_the_company_is_on_every_page,
    check_the_offer_keys,
    check_every_link_leads_somewhere,
    check_every_page_describes_itself,
    check_every_plan_page_states_its_figures,
    check_no_figure_is_typed_by_hand,
]


def outside_the_text(page: str) -> str:
    """A built page without the editor's own text: what the templates and the catalogue wrote."""
    return ARTICLE.sub("", page)
