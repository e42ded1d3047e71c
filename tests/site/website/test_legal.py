"""What the law wants on the site: the provider's details in every footer, the legal pages, kept true."""

import itertools
import re
import tomllib
from pathlib import Path
from urllib.parse import urljoin

from backoffice.browser_bundle import offline
from backoffice.website import shortcodes
from calculator.page.answer_html import VALID_DAYS
from tests.browser.test_warm_start import one_snapshot

ROOT = Path(__file__).resolve().parents[3]
LEGAL = {
    "pravno/dostavchik/": "Данни за доставчика",
    "pravno/poveritelnost/": "Поверителност",
    "pravno/ustroystvo/": "Какво пазим на устройството ви",
    "pravno/oferti/": "Условия на офертите",
}


def read(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html" if url.endswith("/") or not url else site_dir / url).read_text(
        encoding="utf-8"
    )


def text(html: str) -> str:
    """The visible words of an HTML fragment, on one line."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", "\u00a0").split())


def footer(html: str) -> str:
    return html[html.index('<div class="md-copyright site-footer">') : html.index("</footer>")]


def test_every_page_has_the_bulgarian_footer_with_the_providers_details(site_dir: Path):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) == 22
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "Made with" not in html, page
        assert "Material for MkDocs" not in footer(html), page
        words = text(footer(html))
        assert words.startswith(
            "ТехОпора ЕООД ЕИК 206813475 ДДС № BG206813475 ул. „Опълченска“ 46, ет. 3, 1303 София "
            "+359 2 123 4567 office@tehopora.bg "
            "Данни за доставчика Поверителност Какво пазим на устройството ви Условия на офертите"
        ), page
        assert '<a href="tel:+35921234567">+359 2 123 4567</a>' in html
        assert '<a href="mailto:office@tehopora.bg">office@tehopora.bg</a>' in html


def test_the_footers_legal_links_reach_the_legal_pages_from_any_depth(site_dir: Path):
    for url in ("", "planove/premium/", "pravno/poveritelnost/", "404.html"):
        html = footer(read(site_dir, url))
        base = "https://example-support.bg/" + ("" if url == "404.html" else url)
        links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', html)
        assert [(urljoin(base, href), title) for href, title in links] == [
            (f"https://example-support.bg/{page}", title) for page, title in LEGAL.items()
        ], url


def test_the_header_shows_the_companys_logo_and_name_and_the_favicon_is_ours(site_dir: Path):
    html = read(site_dir, "vaprosi/")
    logo = (site_dir / "assets" / "images" / "logo.svg").read_text(encoding="utf-8").strip()
    # Inline: no request, and it shows in the calculator's offline copy too.
    assert f'<span class="site-logo" aria-hidden="true">{logo}</span>' in html
    assert "logo.svg" not in html
    assert '<link rel="icon" href="../assets/images/favicon.svg">' in html
    assert '<span class="md-ellipsis">\n            ТехОпора\n          </span>' in html


def test_the_legal_pages_are_built_titled_and_in_the_sitemap(site_dir: Path):
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for url, title in LEGAL.items():
        html = read(site_dir, url)
        assert f"<title>{title} - ТехОпора</title>" in html
        assert f"<loc>https://example-support.bg/{url}</loc>" in sitemap


def test_the_form_links_the_privacy_notice_beside_its_submit_button(site_dir: Path):
    html = read(site_dir, "kontakti/")
    send = html[html.index('<div class="contact-form__send">') :]
    send = send[: send.index("</div>")]
    assert '<button class="md-button md-button--primary" type="submit">Изпратете запитването</button>' in send
    assert '<a href="../pravno/poveritelnost/">Поверителност</a>' in send
    form = html.index("data-contact-form")
    assert form < html.index('<div class="contact-form__send">') < html.index("</form>", form)


def test_the_contact_page_gives_the_address_and_the_working_hours(site_dir: Path):
    words = text(read(site_dir, "kontakti/"))
    assert "Работно време понеделник – петък, 09:00 – 18:00 ч., без официалните празници" in words
    assert "Адрес ТехОпора ЕООД, ул. „Опълченска“ 46, ет. 3, 1303 София" in words


def test_the_privacy_notice_says_what_article_13_asks(site_dir: Path):
    words = text(read(site_dir, "pravno/poveritelnost/"))
    for said in [
        "Администратор на данните е ТехОпора ЕООД, ЕИК 206813475",
        "ул. „Опълченска“ 46, ет. 3, 1303 София",
        "office@tehopora.bg",
        "Не сме длъжни да имаме длъжностно лице по защита на данните и нямаме такова",
        "връзката към оценката от калкулатора",
        "номерът и връзката на офертата, ако приемате оферта от наш търговец",
        "чл. 6, пар. 1, буква „б“",
        "чл. 6, пар. 1, буква „е“",
        "до 12 месеца",
        "Netlify, Inc. (САЩ)",
        "като обработващ лични данни",
        # Every processor of the form's data: Netlify filters spam with Akismet.
        "услуга за разпознаване на спам на Automattic Inc. (САЩ)",
        "проверява автоматично всяко изпратено запитване за спам с услугата Akismet",
        "Netlify и Automattic са американски компании",
        # When the quote link reaches anyone: only with the form, on the button.
        "Връзката към оценката стига до нас само когато натиснете бутона „Изпратете запитването“",
        "частта на адреса след знака „#“, която браузърът не изпраща на сървъра",
        "Не продаваме данните ви",
        "Предаване извън Европейския съюз",
        "достъп",
        "коригиране",
        "изтриване",
        "ограничаване",
        "преносимост",
        "възражение",
        "Комисията за защита на личните данни (КЗЛД)",
        "www.cpdp.bg",
        "не използва бисквитки",
    ]:
        assert said in words, said


def test_the_provider_page_lists_every_detail_of_article_4(site_dir: Path):
    html = read(site_dir, "pravno/dostavchik/")
    rows = re.findall(r"<tr>\s*<td>([^<]+)</td>\s*<td>(.+?)</td>\s*</tr>", html)
    assert [(label, text(value)) for label, value in rows] == [
        ("Наименование", "ТехОпора ЕООД"),
        ("ЕИК", "206813475"),
        ("Номер по ДДС", "BG206813475"),
        ("Седалище и адрес на управление", "ул. „Опълченска“ 46, ет. 3, 1303 София"),
        ("Телефон", "+359 2 123 4567"),
        ("Имейл", "office@tehopora.bg"),
        ("Работно време", "понеделник – петък, 09:00 – 18:00 ч., без официалните празници"),
    ]


def test_the_offers_terms_take_validity_and_vat_from_the_engine_and_the_catalogue(site_dir: Path):
    words = text(read(site_dir, "pravno/oferti/"))
    assert VALID_DAYS == 30
    assert "срок на валидност – 30 дни от датата на издаване" in words
    assert "срокът на валидност – до 90 дни, посочен в самата оферта" in words
    assert "ако във връзката е променен дори един знак, сайтът не я показва като оферта" in words
    assert "ДДС е 20 % и се начислява отделно" in words
    assert "Сумите са ориентировъчни, докато не подпишем договор." in words
    assert "важат тези в договора" in words


def stated_sizes(site_dir: Path) -> list[int]:
    """The sizes the device page states, in MB, in the page's order."""
    return [
        int(mb)
        for mb in re.findall(r"Колко място заема: до (\d+) MB", text(read(site_dir, "pravno/ustroystvo/")))
    ]


def test_the_offline_copys_stated_size_holds_what_it_keeps(site_dir: Path):
    offline_copy, warm_start = stated_sizes(site_dir)
    paths = offline.offline_files(site_dir, "kalkulator/")
    kept = sum(
        (site_dir / path / "index.html" if path.endswith("/") else site_dir / path).stat().st_size
        for path in paths
    )
    assert 2_000_000 < kept <= offline_copy * 1_000_000
    # Not a wild overstatement either: within the build's 1 MB allowance, rounded up.
    assert offline_copy * 1_000_000 - kept < 3_000_000
    assert warm_start == shortcodes.WARM_START_MAX_MB == 10


def test_the_warm_start_bound_stated_is_the_one_the_browser_tests_hold_it_to():
    limit = shortcodes.WARM_START_MAX_MB * 1_000_000
    assert one_snapshot([{"bytes": limit - 1}])
    assert not one_snapshot([{"bytes": limit + 1}])


def test_the_site_sets_no_cookie_and_no_script_reads_one(site_dir: Path):
    rules = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))["headers"]
    assert all("Set-Cookie" not in rule.get("values", {}) for rule in rules)
    scripts = [*site_dir.rglob("*.js"), *site_dir.rglob("*.mjs"), *site_dir.rglob("*.html")]
    assert [
        path for path in scripts if "document.cookie" in path.read_text(encoding="utf-8", errors="replace")
    ] == []


def test_no_page_skips_a_heading_level(site_dir: Path):
    # Lighthouse's accessibility score counts it (axe reports it as moderate only).
    skips = {}
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        levels = [
            int(level) for level in re.findall(r"<h([1-6])[\s>]", html[html.index('class="md-container"') :])
        ]
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        if levels[:1] != [1] or jumps:
            skips[page.relative_to(site_dir).as_posix()] = levels
    assert skips == {}
