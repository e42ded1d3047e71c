"""The built site as files: links resolve, sitemap and descriptions match, plans state their figures."""

import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

# Netlify's URL for the session's build (tests/conftest.py).
SITE_URL = "https://example-support.bg/"


class _Page(HTMLParser):
    """The links, element ids, meta description and table cells of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.description: str | None = None
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
        if tag == "meta" and found.get("name") == "description":
            self.description = found.get("content")
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def pages(site_dir: Path) -> dict[str, Path]:
    """Site URL path (``planove/premium/``) -> built file, for every page but the 404."""
    found = {}
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative != "404.html":
            found[relative.removesuffix("index.html")] = path
    return found


def front_matter(source: Path) -> dict:
    text = source.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}


def sources(docs: Path) -> dict[str, Path]:
    """Site URL path -> Markdown source, for the pages `docs` publishes."""
    found = {}
    for source in sorted(docs.rglob("*.md")):
        relative = source.relative_to(docs).as_posix()
        if relative == "REDAKTORI.md":  # excluded from the site (mkdocs.yml exclude_docs)
            continue
        stem = relative.removesuffix(".md")
        url = "" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/"
        # The plan pages' Bulgarian URL (hooks/site_hooks.py on_files).
        found[url.replace("plans/", "planove/", 1) if url.startswith("plans/") else url] = source
    return found


def test_every_internal_link_reaches_a_page_and_its_fragment(site_dir: Path):
    built = pages(site_dir)
    ids = {url: parse(path).ids for url, path in built.items()}
    broken = []
    for url, path in built.items():
        for href in parse(path).links:
            target = urlsplit(urljoin(SITE_URL + url, href))
            if f"{target.scheme}://{target.netloc}/" != SITE_URL:
                continue  # another site, mailto: or tel:
            local = unquote(target.path).removeprefix("/")
            file = site_dir / (local + "index.html" if local == "" or local.endswith("/") else local)
            if not file.is_file():
                broken.append(f"{url}: {href}")
            elif target.fragment and local in ids and unquote(target.fragment) not in ids[local]:
                broken.append(f"{url}: {href} (no such anchor)")
    assert broken == []


def test_the_sitemap_lists_every_page_with_the_site_url(site_dir: Path):
    tree = ET.parse(site_dir / "sitemap.xml")
    locations = sorted(
        element.text or "" for element in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    )
    # Every page but the sales page, which asks not to be indexed.
    assert locations == sorted(SITE_URL + url for url in pages(site_dir) if url != "prodazhbi/")
    assert SITE_URL + "planove/premium/" in locations
    sales = (site_dir / "prodazhbi" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in sales


def test_the_site_names_netlifys_address_and_never_the_sample_one(site_dir: Path):
    named = [
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*")
        if path.is_file() and b"tehopora.netlify.app" in path.read_bytes()
    ]
    assert named == []
    for url, path in pages(site_dir).items():
        html = path.read_text(encoding="utf-8")
        assert re.findall(r'<link rel="canonical" href="([^"]*)"', html) == [SITE_URL + url]
    # Every address of the JSON-LD, on every page that has some.
    addresses = [
        value
        for path in pages(site_dir).values()
        for data in json_ld(path)
        for key, value in walk(data)
        if key in ("url", "@id", "logo", "image")
    ]
    assert [value for value in addresses if not value.startswith(SITE_URL)] == []
    assert {
        SITE_URL,
        SITE_URL + "#organization",
        SITE_URL + "planove/",
        SITE_URL + "planove/premium/",
    } <= set(addresses)
    assert SITE_URL + "assets/images/logo.svg" in addresses


def walk(data: object) -> list[tuple[str, object]]:
    """Every (key, value) of a JSON document, at any depth."""
    if isinstance(data, dict):
        return [pair for key, value in data.items() for pair in [(key, value), *walk(value)]]
    if isinstance(data, list):
        return [pair for value in data for pair in walk(value)]
    return []


def json_ld(path: Path) -> list[dict]:
    html = path.read_text(encoding="utf-8")
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


def test_every_page_is_built_from_a_source_and_describes_itself_as_its_front_matter(
    site_dir: Path, sample_root: Path
):
    built = pages(site_dir)
    assert sorted(built) == sorted(sources(sample_root / "docs"))
    mismatched = {}
    for url, source in sources(sample_root / "docs").items():
        expected = front_matter(source).get("description")
        actual = parse(built[url]).description
        if not expected or actual != " ".join(str(expected).split()):
            mismatched[url] = (expected, actual)
    assert mismatched == {}


def numbers(text: str) -> set[Decimal]:
    return {Decimal(number.replace(",", ".")) for number in re.findall(r"\d+(?:[.,]\d+)?", text)}


def test_each_plan_page_states_exactly_the_figures_of_its_front_matter(site_dir: Path, sample_root: Path):
    docs = sample_root / "docs"
    plan_sources = {
        url: source
        for url, source in sources(docs).items()
        if url.startswith("planove/") and url != "planove/"
    }
    assert len(plan_sources) == 6
    # A working-hours guarantee names the working day ("09:00–18:00"), which is
    # catalogue data too (docs/plans/index.md).
    hours = front_matter(docs / "plans" / "index.md")["catalogue"]["working_hours"]
    working_day = numbers(f"{hours['start']} {hours['end']}")
    for url, source in plan_sources.items():
        plan = front_matter(source)["plan"]
        terms = dict(row for row in parse(pages(site_dir)[url]).rows if len(row) == 2)
        figures = {
            key: Decimal(str(plan[key]))
            for key in (
                "monthly_fee",
                "included_hours",
                "hourly_rate",
                "minimum_hours_per_visit",
                "incident_fee",
            )
            if key in plan
        }
        reaction = plan["reaction"]
        if "guarantee_hours" in reaction:
            figures["guarantee_hours"] = Decimal(str(reaction["guarantee_hours"]))
        # Money is written with two decimals and a comma: 390 -> "390,00 €".
        for key in ("monthly_fee", "hourly_rate", "incident_fee"):
            if figures.get(key):
                assert f"{figures[key]:.2f}".replace(".", ",") + "\u00a0€" in " ".join(terms.values()), (
                    url,
                    key,
                )
        stated = numbers(" ".join(value for label, value in terms.items() if label != "Условие"))
        allowed = set(figures.values()) | {Decimal(day) for day in reaction.get("typical_working_days", [])}
        if reaction.get("calendar") == "business":
            allowed |= working_day
        # Every figure is stated, and no number appears that the front matter does not hold
        # (a zero fee or zero hours are written as "няма"; 0 working days in words).
        assert {value for value in figures.values() if value} <= stated, url
        assert stated <= allowed, url
        assert terms["Приоритетно обслужване"] == ("да" if plan["priority"] else "не"), url


def test_the_sales_pages_inputs_carry_the_limits_the_engine_checks(site_dir: Path):
    sales = (site_dir / "prodazhbi" / "index.html").read_text(encoding="utf-8")
    inputs = [dict(re.findall(r'([a-z-]+)="([^"]*)"', tag)) for tag in re.findall(r"<input\b[^>]*>", sales)]
    # Every offer input but the agreed items' rows after the first (the same as the first).
    limits = {
        found["name"]: (found.get("maxlength"), found.get("max"))
        for found in inputs
        if re.fullmatch(r"offer\.(?!item\.)\w+|offer\.item\.1\.\w+", found.get("name", ""))
    }
    assert limits == {
        "offer.source": (None, None),
        "offer.customer": ("120", None),
        "offer.eik": ("13", None),
        "offer.discount": (None, "50"),
        "offer.number": ("20", None),
        "offer.days": (None, "90"),
        "offer.salesperson": ("80", None),
        "offer.note": ("200", None),
        "offer.item.1.text": ("120", None),
        "offer.item.1.quantity": (None, "1000"),
        "offer.item.1.price": (None, None),
        "offer.key": (None, None),
    }
    assert "описание до 120 знака, количество от 1 до 1000 и единична цена в евро без ДДС" in sales
