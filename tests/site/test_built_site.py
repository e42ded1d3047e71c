"""The built site as files: links resolve, sitemap and descriptions match, plans state their figures."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from built_pages import json_ld, pages, sources, walk
from content_checks import (
    Built,
    check_every_link_leads_somewhere,
    check_every_page_describes_itself,
    check_every_plan_page_states_its_figures,
)

# Netlify's URL for the session's build (tests/conftest.py).
SITE_URL = "https://example-support.bg/"


def test_every_internal_link_reaches_a_page_and_its_fragment(site_dir: Path, sample_root: Path):
    check_every_link_leads_somewhere(Built(sample_root, site_dir))


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


def test_every_page_is_built_from_a_source_and_describes_itself_as_its_front_matter(
    site_dir: Path, sample_root: Path
):
    check_every_page_describes_itself(Built(sample_root, site_dir))
    assert len(sources(sample_root / "docs")) == 21


def test_each_plan_page_states_exactly_the_figures_of_its_front_matter(site_dir: Path, sample_root: Path):
    built = Built(sample_root, site_dir)
    assert [plan.id for plan in built.plans()] == [
        "premium",
        "standard",
        "paket",
        "pochasov",
        "na-rabota",
        "avariyna",
    ]
    check_every_plan_page_states_its_figures(built)
    # Each of them has the terms table the check reads (an editor may leave it out on the live site).
    for plan in built.plans():
        assert "Приоритетно обслужване" in built.page(f"planove/{plan.id}/index.html"), plan.id


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
