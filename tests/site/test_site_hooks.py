"""The build, run in-process on a copy of the tests' own site: good pages pass, bad ones stop it."""

import json
import logging
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort


@pytest.fixture
def docs(sample_repo: Path) -> Path:
    """The pages of a fresh copy of the tests' own site, for a test to change."""
    return sample_repo / "docs"


def site_config(docs: Path, site: Path) -> MkDocsConfig:
    """The copy's mkdocs.yml (beside its pages), building into `site`."""
    return load_config(str(docs.parent / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), strict=True)


def run_build(docs: Path) -> Path:
    site = docs.parent / "site"
    build(site_config(docs, site))
    return site


def build_error(docs: Path, caplog: pytest.LogCaptureFixture) -> str:
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        run_build(docs)
    return "\n".join(record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR)


def test_the_pages_build_strictly_with_the_calculator_files(docs: Path):
    site = run_build(docs)

    catalogue_files = list((site / "assets" / "catalogue").glob("*.json"))
    assert len(catalogue_files) == 1
    catalogue = json.loads(catalogue_files[0].read_text(encoding="utf-8"))
    assert catalogue["price_list"] == "2026-12"
    assert [plan["id"] for plan in catalogue["plans"]] == [
        "premium",
        "standard",
        "paket",
        "pochasov",
        "na-rabota",
        "avariyna",
    ]
    assert sorted(path.name for path in (site / "assets" / "wheels").glob("*/*.whl")) == [
        "calculator-0.1.0-py3-none-any.whl",
        "tzdata-2026.6-py3-none-any.whl",
    ]
    # The runtime's folder is named after its contents (backoffice/browser_bundle/cut.py).
    [runtime] = (site / "assets" / "pyodide").iterdir()
    assert re.fullmatch(r"[0-9a-f]{12}", runtime.name)
    assert sorted(path.name for path in runtime.iterdir()) == [
        "pyodide-lock.json",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "pyodide.asm.wasm.gz",
        "pyodide.mjs",
        "python_stdlib.zip",
        "python_stdlib.zip.gz",
        "python_stdlib_full.zip",
    ]
    page = (site / "kalkulator" / "index.html").read_text(encoding="utf-8")
    assert 'data-state="loading"' in page
    # The default quote is in the HTML before Python starts: 5 workstations and
    # 1 server (4.5 h) plus 1 incident (1.5 h) fit Premium's 6 included hours.
    assert '<article class="plan-card" data-plan="premium" data-gross="468.00"' in page
    assert "<strong>Препоръка:</strong> Абонамент Почасов е най-изгодният план" in page


def test_the_plan_page_shows_the_numbers_of_its_front_matter(docs: Path):
    site = run_build(docs)
    page = (site / "planove" / "premium" / "index.html").read_text(encoding="utf-8")
    assert "<td>390,00\u00a0€</td>" in page
    assert "<td>6\u00a0ч</td>" in page
    assert "<td>35,00\u00a0€ на час над включените</td>" in page
    assert "<td>до 2\u00a0ч, денонощно, включително в почивни и празнични дни</td>" in page


def test_a_bad_price_fails_the_build_naming_file_and_field(docs: Path, caplog):
    page = docs / "plans" / "standard.md"
    page.write_text(page.read_text(encoding="utf-8").replace("monthly_fee: 240", "monthly_fee: двеста"))
    message = build_error(docs, caplog)
    assert "docs/plans/standard.md" in message
    assert "plan.monthly_fee" in message


def test_a_missing_field_fails_the_build_naming_file_and_field(docs: Path, caplog):
    page = docs / "plans" / "pochasov.md"
    page.write_text(page.read_text(encoding="utf-8").replace("  hourly_rate: 40\n", ""))
    message = build_error(docs, caplog)
    assert "docs/plans/pochasov.md" in message
    assert "plan.hourly_rate" in message


def test_an_unknown_shortcode_fails_the_build_naming_the_page(docs: Path, caplog):
    page = docs / "plans" / "premium.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- md:plan-prices -->\n")
    message = build_error(docs, caplog)
    assert "docs/plans/premium.md: непознат код `md:plan-prices`" in message


def test_a_figure_in_prose_comes_from_the_front_matter(docs: Path):
    page = docs / "plans" / "premium.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\nТаксата е <!-- md:plan premium monthly_fee --> и включва"
        + " <!-- md:plan premium included_hours --> работа.\n"
    )
    site = run_build(docs)
    html = (site / "planove" / "premium" / "index.html").read_text(encoding="utf-8")
    assert "<p>Таксата е 390,00\u00a0€ и включва 6\u00a0ч работа.</p>" in html


def test_a_figure_of_an_unknown_plan_fails_the_build(docs: Path, caplog):
    (docs / "index.md").write_text("# Начало\n\nОт <!-- md:plan gold monthly_fee --> на месец.\n")
    message = build_error(docs, caplog)
    assert "docs/index.md: md:plan: няма план `gold`" in message


def plans_index_urls(site: Path) -> list[str]:
    """The plans' pages, in the order of the plans index's JSON-LD."""
    html = (site / "planove" / "index.html").read_text(encoding="utf-8")
    data = json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    return [entry["item"]["url"] for entry in data["itemListElement"] if "url" in entry["item"]]


def current_price_list(site: Path) -> str:
    """The id of the price list a built site calls current."""
    index = json.loads((site / "assets" / "price-lists" / "index.json").read_text(encoding="utf-8"))
    current: str = index["current"]
    return current


def test_a_second_build_in_the_same_process_keeps_nothing_of_the_first(docs: Path, monkeypatch):
    # As `mkdocs serve` rebuilds: the config read again, the hooks module loaded once.
    monkeypatch.setenv("URL", "https://example-support.bg")
    url = "https://example-support.bg/planove/"
    plans = ["premium", "standard", "paket", "pochasov", "na-rabota", "avariyna"]
    standard = (docs / "plans" / "standard.md").read_text(encoding="utf-8")
    extra = standard.replace("  id: standard\n", "  id: nov\n").replace("  order: 2\n", "  order: 7\n")
    (docs / "plans" / "nov.md").write_text(
        extra.replace("name: Абонамент Стандарт", "name: Нов"), encoding="utf-8"
    )
    # A new plan is new figures: a new price list (the archive holds 2026-12 without it).
    index = docs / "plans" / "index.md"
    sample_index = index.read_text(encoding="utf-8")
    new_list = '  price_list: "2027-01"\n  effective: 2027-01-01\n'
    index.write_text(
        sample_index.replace('  price_list: "2026-12"\n  effective: 2026-12-01\n', new_list), encoding="utf-8"
    )
    assert new_list in index.read_text(encoding="utf-8")
    first = site_config(docs, docs.parent / "one")
    build(first)
    hooks = first.hooks["hooks/site_hooks.py"]
    assert {plan: page for plan, (page, _) in hooks._build.plan_pages.items()} == {
        plan: f"{url}{plan}/" for plan in [*plans, "nov"]
    }
    assert hooks._build.calculator_page == first.extra["calculator"]["page"] == "kalkulator/"
    assert (docs.parent / "one" / "kalkulator" / "sw.js").is_file()
    assert plans_index_urls(docs.parent / "one") == [f"{url}{plan}/" for plan in [*plans, "nov"]]
    assert current_price_list(docs.parent / "one") == "2027-01"

    # The extra plan and its price list go, and the calculator's page becomes a page like any other.
    (docs / "plans" / "nov.md").unlink()
    index.write_text(sample_index, encoding="utf-8")
    calculator = docs / "kalkulator.md"
    text = calculator.read_text(encoding="utf-8")
    calculator.write_text(text.replace("template: calculator.html\n", ""), encoding="utf-8")
    second = site_config(docs, docs.parent / "two")
    build(second)

    assert second.hooks["hooks/site_hooks.py"] is hooks
    assert {plan: page for plan, (page, _) in hooks._build.plan_pages.items()} == {
        plan: f"{url}{plan}/" for plan in plans
    }
    assert hooks._build.calculator_page is None
    assert second.extra["calculator"]["page"] is None
    assert not (docs.parent / "two" / "kalkulator" / "sw.js").exists()
    assert plans_index_urls(docs.parent / "two") == [f"{url}{plan}/" for plan in plans]
    assert current_price_list(docs.parent / "two") == "2026-12"


def test_two_calculator_pages_fail_the_build_naming_both(docs: Path, caplog):
    (docs / "kalkulator-2.md").write_text(
        (docs / "kalkulator.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    message = build_error(docs, caplog)
    assert "template: calculator.html is on more than one page: kalkulator-2/, kalkulator/" in message


def test_a_build_that_knows_no_address_names_none(docs: Path, monkeypatch):
    # A local build: no site_url in mkdocs.yml and no URL from Netlify.
    monkeypatch.delenv("URL", raising=False)
    site = run_build(docs)

    assert "tehopora.netlify.app" not in "".join(
        path.read_text(encoding="utf-8", errors="replace") for path in site.rglob("*") if path.is_file()
    )
    html = (site / "planove" / "premium" / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in html
    # MkDocs lists a page in the sitemap only by a full address.
    assert "<loc>" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    # The JSON-LD names paths from the site's root, right from any page.
    assert plans_index_urls(site)[:2] == ["/planove/premium/", "/planove/standard/"]
    home = (site / "index.html").read_text(encoding="utf-8")
    data = json.loads(home.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    assert (data["url"], data["@id"], data["logo"]) == ("/", "/#organization", "/assets/images/logo.svg")


def test_the_site_url_an_editor_sets_wins_over_netlifys(docs: Path, monkeypatch):
    monkeypatch.setenv("URL", "https://example-support.bg")
    config = site_config(docs, docs.parent / "site")
    config.site_url = "https://www.example.bg/"
    build(config)
    html = (docs.parent / "site" / "planove" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://www.example.bg/planove/">' in html
    assert plans_index_urls(docs.parent / "site")[0] == "https://www.example.bg/planove/premium/"
