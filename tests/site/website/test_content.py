"""The content pages as a visitor gets them: URLs, descriptions, the call to action, the contact form."""

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from content_checks import HAND_TYPED_FIGURE, Built, check_no_figure_is_typed_by_hand

from backoffice.website import shortcodes
from backoffice.website.sources import load_catalogue
from calculator.catalogue import PLAN_KINDS
from tests.site.strict_build import strict_build

ROOT = Path(__file__).resolve().parents[3]
#: The editors' guide documents the code, whatever the content: the live file.
GUIDE = ROOT / "docs" / "REDAKTORI.md"

# The content pages (not the plan pages, not the calculator) and where they land.
CONTENT_PAGES = {
    "index.md": "index.html",
    "tehnicheska-poddruzhka.md": "tehnicheska-poddruzhka/index.html",
    "vidove.md": "vidove/index.html",
    "uslugi.md": "uslugi/index.html",
    "kak-da-izberem.md": "kak-da-izberem/index.html",
    "vaprosi.md": "vaprosi/index.html",
    "kontakti/index.md": "kontakti/index.html",
    "kontakti/blagodarim.md": "kontakti/blagodarim/index.html",
}
# A figure with its unit: "390 €", "2 ч", "4 часа", "1-2 работни дни", "150 евро", "35 EUR".


@pytest.fixture
def site(site_dir: Path) -> Path:
    """The tests' site (`tests/content/`), built once for the session."""
    return site_dir


def html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def front_matter(source: Path) -> dict:
    _, head, _ = source.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head)


class _Tags(HTMLParser):
    """Start tags with their attributes, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str, name: str) -> list[dict[str, str | None]]:
    parser = _Tags()
    parser.feed(page)
    return [attrs for tag, attrs in parser.tags if tag == name]


def test_the_content_pages_have_short_latin_urls(site: Path):
    for built in CONTENT_PAGES.values():
        assert (site / built).is_file(), built


def test_every_page_has_the_description_of_its_front_matter(site: Path, sample_root: Path):
    docs = sample_root / "docs"
    sources = sorted(docs.rglob("*.md"))
    assert len(sources) == 21
    for source in sources:
        relative = source.relative_to(docs).as_posix()
        built = "index.html" if relative == "index.md" else relative.removesuffix(".md") + "/index.html"
        built = built.replace("/index/index.html", "/index.html")
        # The plan pages are published under their Bulgarian URL (hooks/site_hooks.py).
        built = built.replace("plans/", "planove/", 1) if built.startswith("plans/") else built
        description = front_matter(source)["description"]
        metas = [meta for meta in tags(html(site, built), "meta") if meta.get("name") == "description"]
        assert [meta["content"] for meta in metas] == [description], relative


def contact_form(site: Path) -> str:
    page = html(site, "kontakti/index.html")
    start = page.index('<form class="contact-form"')
    return page[start : page.index("</form>", start)]


def test_the_contact_page_has_the_netlify_form_with_honeypot_and_quote_field(site: Path):
    page = html(site, "kontakti/index.html")
    [form] = [form for form in tags(page, "form") if form.get("name") == "zaqvka"]
    assert form == {
        "class": "contact-form",
        "name": "zaqvka",
        "method": "POST",
        "action": "/kontakti/blagodarim/",
        "data-netlify": "true",
        "data-netlify-honeypot": "bot-field",
        "data-contact-form": None,
        "data-quote-from": "../kalkulator/",
        "data-reach": "Оставете телефон или имейл, за да можем да ви отговорим.",
    }
    assert (site / "kontakti" / "blagodarim" / "index.html").is_file()
    # The calculator script mounts on every [data-calculator]: none may be here.
    assert "data-calculator" not in page
    assert '<input type="hidden" name="form-name" value="zaqvka">' in page
    assert '<input type="hidden" name="quote_link" value="" data-quote-input>' in page
    assert '<p class="contact-form__honeypot" aria-hidden="true">' in page
    assert '<input id="contact-bot-field" name="bot-field" tabindex="-1" autocomplete="off">' in page
    assert '<a href="tel:+35921234567">+359 2 123 4567</a>' in page
    assert '<a href="mailto:office@tehopora.bg">office@tehopora.bg</a>' in page


#: What contact.js sends (every named field of the form, FormData's order) and
#: tests/browser/test_contact.py sees arrive: Netlify keeps only the fields it
#: found in the published HTML, so each must be there.
SENT_FIELDS = [
    "form-name",
    "quote_link",
    "accepted_offer",
    "bot-field",
    "name",
    "company",
    "phone",
    "email",
    "contact_way",
    "one_off",
    "message",
]


def test_netlify_finds_the_form_and_every_field_the_script_sends_in_the_static_html(site: Path):
    page = contact_form(site)
    [form] = tags(page, "form")
    assert (form["name"], form["data-netlify"]) == ("zaqvka", "true")
    fields = [
        attrs for name in ("input", "textarea", "select") for attrs in tags(page, name) if "name" in attrs
    ]
    assert {"type": "hidden", "name": "form-name", "value": "zaqvka"} in fields
    assert sorted({attrs["name"] for attrs in fields}) == sorted(SENT_FIELDS)
    # The alert of a failed send is in the HTML, with our phone and e-mail, for CSS to show.
    alert = page[page.index('<div class="contact-form__failed" role="alert">') :]
    alert = alert[: alert.index("</div>")]
    assert "Запитването не беше изпратено." in alert
    assert '<a href="tel:+35921234567">+359 2 123 4567</a>' in alert
    assert '<a href="mailto:office@tehopora.bg">office@tehopora.bg</a>' in alert


def test_every_visible_field_of_the_form_has_a_label(site: Path):
    page = contact_form(site)
    labelled = {label["for"] for label in tags(page, "label") if "for" in label}
    fields = [attrs for name in ("input", "textarea") for attrs in tags(page, name)]
    named = {attrs["name"]: attrs for attrs in fields if attrs.get("type") not in ("hidden", "radio")}
    assert sorted(named) == ["bot-field", "company", "email", "message", "name", "one_off", "phone"]
    assert all(attrs["id"] in labelled for attrs in named.values())
    assert [named[key].get("autocomplete") for key in ("name", "company", "phone", "email")] == [
        "name",
        "organization",
        "tel",
        "email",
    ]
    assert "required" in named["name"] and "required" in named["message"]
    ways = [attrs["value"] for attrs in fields if attrs.get("name") == "contact_way"]
    assert ways == ["телефон", "имейл", "без значение"]


def test_no_inline_style_or_script_on_the_content_pages(site: Path):
    # The Content-Security-Policy (style-src 'self') would block them.
    for built in CONTENT_PAGES.values():
        page = html(site, built)
        assert " style=" not in page, built
    contact = html(site, "kontakti/index.html")
    assert '<script src="../assets/javascripts/contact.js" type="module"></script>' in contact


def test_every_content_page_ends_with_the_call_to_action(site: Path):
    for source, built in CONTENT_PAGES.items():
        if source.startswith("kontakti/"):
            continue
        page = html(site, built)
        assert page.count('<aside class="cta" aria-labelledby="cta-title">') == 1, built
        assert "Говорете с наш специалист" in page
        assert page.index('class="cta"') > page.index("</h1>")
    for plan in ("premium", "standard", "pochasov", "na-rabota", "avariyna"):
        assert '<aside class="cta"' in html(site, f"planove/{plan}/index.html"), plan
    assert '<aside class="cta"' in html(site, "planove/index.html")


def test_the_contact_page_has_no_call_to_action_and_the_thank_you_page_a_short_one(site: Path):
    assert 'class="cta"' not in html(site, "kontakti/index.html")
    thanks = html(site, "kontakti/blagodarim/index.html")
    assert "Случаят не търпи отлагане?" in thanks
    assert "Изпратете запитване" not in thanks
    assert '<a class="md-button" href="tel:+35921234567">+359 2 123 4567</a>' in thanks


def test_no_catalogue_figure_is_typed_by_hand_in_any_page(sample_root: Path):
    # Front matter is where the figures belong; the text below it uses shortcodes.
    assert len(sorted((sample_root / "docs").rglob("*.md"))) == 21
    check_no_figure_is_typed_by_hand(Built(sample_root, sample_root / "site"))


def test_the_figure_pattern_catches_what_it_should():
    text = "390 € и 35\u00a0€, 2 часа, 4 ч, 1-2 работни дни, 150 евро, 40 EUR; но не 20 % или 1 януари 2026"
    assert HAND_TYPED_FIGURE.findall(text) == [
        "0 €",
        "5\u00a0€",
        "2 час",
        "4 ч",
        "2 работни дни",
        "0 евро",
        "0 EUR",
    ]


def test_the_editors_guide_stays_out_of_the_site(sample_repo: Path):
    # The guide lives beside the pages, in docs/: the build must leave it out.
    shutil.copyfile(GUIDE, sample_repo / "docs" / "REDAKTORI.md")
    result = strict_build(sample_repo)
    assert result.returncode == 0, result.stderr
    site = sample_repo / "site"
    assert (site / "vaprosi" / "index.html").is_file()
    assert not (site / "REDAKTORI").exists()
    assert not (site / "REDAKTORI.html").exists()
    assert "REDAKTORI" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_editors_guide_names_every_plan_field_and_shortcode():
    guide = GUIDE.read_text(encoding="utf-8")
    plan_fields = ["id", "kind", "name", "order", "reaction", "priority", "monthly_fee", "included_hours"]
    plan_fields += ["hourly_rate", "minimum_hours_per_visit", "incident_fee", "guarantee_hours", "calendar"]
    plan_fields += ["typical_working_days", "declared_days_off", "working_saturdays"]
    for field in [*plan_fields, *shortcodes.PLAN_FIELDS, *(f"md:{code}" for code in shortcodes.SHORTCODES)]:
        assert f"`{field}`" in guide or f"{field}:" in guide or f"{field} " in guide, field
    for kind in PLAN_KINDS:
        assert f"| `{kind}` |" in guide, kind
    assert "make serve" in guide


def test_the_shortcode_examples_in_the_editors_guide_work(sample_root: Path):
    guide = GUIDE.read_text(encoding="utf-8")
    examples = re.findall(r"<!-- md:plan [\w-]+ \w+ -->", guide)
    assert len(examples) >= 2
    catalogue = load_catalogue(sample_root / "docs")
    for example in examples:
        assert "md:" not in shortcodes.expand(example, catalogue, {}), example


def test_every_page_but_the_calculator_loads_the_prefetch_script(site: Path):
    def prefetch(built: str) -> list[dict[str, str | None]]:
        return [
            tag for tag in tags(html(site, built), "script") if "calculator-prefetch" in str(tag.get("src"))
        ]

    [script] = prefetch("vaprosi/index.html")
    assert (script["src"], script["data-page"]) == (
        "../assets/javascripts/calculator-prefetch.js",
        "../kalkulator/",
    )
    files = str(script["data-files"]).split()
    assert files[0] == "../kalkulator/calculator-worker.js"
    # The engine's wheel as the Worker fetches it, gzipped; tzdata's as it is.
    assert sorted(file.rsplit("/", 1)[1] for file in files if ".whl" in file) == [
        "calculator-0.1.0-py3-none-any.whl.gz",
        "tzdata-2026.6-py3-none-any.whl",
    ]
    assert "defer" in script
    assert prefetch("kalkulator/index.html") == []
    for built in CONTENT_PAGES.values():
        assert len(prefetch(built)) == 1, built
