"""Offers in Chromium: signed on the sales page, opened, printed and accepted; tampering refused.

The built site lists only its sample key, whose private half nobody has.
Each test here makes its own key and lists it as `test-1`: the calculator's
and the sales page's HTML are served with it added to ``data-offers``, as a
site whose mkdocs.yml listed it would be built.
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, unquote, urlsplit

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from playwright.sync_api import Browser, BrowserContext, Page, Route

from calculator.clock import SOFIA
from calculator.page.offer_link import encode_offer, sign_offer, signed_bytes
from calculator.page.offer_values import Offer
from calculator.pricing.offer import OfferItem
from calculator.profile.profile import Profile

from .conftest import close, record_posts
from .test_site_quality import serious_findings
from .waiting import READY_TIMEOUT_MS, expect

pytestmark = pytest.mark.browser

KEY = Ed25519PrivateKey.generate()
PUBLIC = base64.urlsafe_b64encode(
    KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
).decode()
PEM = KEY.private_bytes(
    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
)
PAGES = re.compile(r"/(kalkulator|prodazhbi)/(index\.html)?$")
# The group order: S + L is the same signature made malleable.
L = 2**252 + 27742317777372353535851937790883648493
Fresh = Callable[[], BrowserContext]


def list_test_key(context: BrowserContext) -> None:
    """Serve the calculator and the sales page as a site listing the test key as `test-1`."""

    def listed(route: Route) -> None:
        response = route.fetch()

        def add_key(match: re.Match[str]) -> str:
            offers = json.loads(html.unescape(match[1]))
            offers["keys"]["test-1"] = PUBLIC.rstrip("=")
            return f'data-offers="{html.escape(json.dumps(offers, ensure_ascii=False))}"'

        route.fulfill(response=response, body=re.sub(r'data-offers="([^"]*)"', add_key, response.text()))

    context.route(PAGES, listed)


@pytest.fixture
def fresh(browser: Browser) -> Iterator[Fresh]:
    """A fresh browser (the customer's) for each call, listing the test key; all closed after the test."""
    contexts: list[BrowserContext] = []

    def make() -> BrowserContext:
        context = browser.new_context(locale="bg-BG", timezone_id="Europe/Sofia")
        list_test_key(context)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        close(context)


def today() -> date:
    return datetime.now(SOFIA).date()


def signed(base_url: str, issued: date, items: tuple[OfferItem, ...] = (), key_id: str = "test-1") -> str:
    offer = Offer("2026-0042", "ТехКлиент ООД", "standard", issued + timedelta(days=30), key_id, items=items)
    unsigned = encode_offer("2026-12", Profile(), issued, offer)
    return base_url + "kalkulator/" + sign_offer(unsigned, KEY.sign(signed_bytes(unsigned)))


def pages_in(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_sales_sign_an_offer_the_customer_opens_prints_and_accepts_it(
    fresh: Fresh, context: BrowserContext, page: Page, base_url: str, tmp_path: Path, watch
) -> None:
    list_test_key(context)
    page.goto(base_url + "prodazhbi/")
    expect(page.locator("[data-calculator]")).to_have_attribute(
        "data-state", "ready", timeout=READY_TIMEOUT_MS
    )
    # The prospect's own link fills the form: the default profile and two trainings.
    prospect = (
        base_url + "kalkulator/#v=1&pl=2026-12&d=2026-12-01&c=b&ws=5&sv=1&inc=1&vis=1&km=0&us=obuchenie*2"
    )
    page.get_by_label("Връзка от калкулатора (по желание)").fill(prospect)
    expect(page.get_by_label("Обучение на потребители")).to_have_value("2")
    expect(page.get_by_label("Връзка от калкулатора (по желание)")).to_have_value("")
    page.get_by_label("Клиент", exact=True).fill("ТехКлиент ООД")
    page.get_by_label("ЕИК на клиента (по желание)").fill("206813475")
    page.get_by_label("План", exact=True).select_option("standard")
    page.get_by_label("Отстъпка (%)").fill("10")
    page.get_by_label("Номер на офертата").fill("2026-0042")
    page.get_by_label("Позиция 1: описание").fill("Лаптоп Lenovo ThinkPad")
    page.locator('[name="offer.item.1.quantity"]').fill("2")
    page.locator('[name="offer.item.1.price"]').fill("1234.50")
    expect(page.locator(".calc-offer--preview h2")).to_have_text(
        "Преглед на оферта № 2026-0042 за ТехКлиент ООД"
    )
    link_field = page.locator("[data-offer-link]")
    expect(link_field).to_have_value("")
    key_file = tmp_path / "kluch.pem"
    key_file.write_bytes(PEM)
    page.get_by_label("Файл с ключа (PEM)").set_input_files(key_file)
    expect(page.locator(".calc-offer--preview .calc-offer__seal")).to_have_text(
        "Преглед: така ще види офертата клиентът. "
        "Тя е подписана с ключ „test-1“; връзката към нея е под прегледа."
    )
    expect(link_field).to_have_value(
        re.compile(
            r"^http://127\.0\.0\.1:\d+/kalkulator/#v=1&pl=2026-12&d=\d{4}-\d\d-\d\d&c=b&ws=5&sv=1&inc=1&vis=1"
            r"&km=0&us=obuchenie\*2&of=2026-0042&cu=%D0%A2%D0%B5%D1%85%D0%9A%D0%BB%D0%B8%D0%B5%D0%BD%D1%82%20%D0%9E%D0%9E%D0%94"
            r"&eik=206813475&plan=standard&dsc=10&it=%D0%9B%D0%B0%D0%BF%D1%82%D0%BE%D0%BF%20Lenovo%20ThinkPad"
            r"\*2\*1234\.5&vu=\d{4}-\d\d-\d\d&k=test-1&s=[A-Za-z0-9_-]{86}$"
        )
    )
    link = link_field.input_value()

    customer = fresh()
    other = customer.new_page()
    other.goto(link)
    offer = other.locator(".calc-offer--valid")
    expect(offer.locator("h2")).to_have_text("Оферта № 2026-0042 за ТехКлиент ООД", timeout=READY_TIMEOUT_MS)
    expect(offer.locator(".calc-offer__seal")).to_have_text(
        "Подписът е проверен с ключ „test-1“ на ТехОпора ЕООД: офертата е такава, каквато сме я издали."
    )
    # 240 € less 10 % and 2 h over the 4 included at 38 € less 10 %; once, two trainings at the list's
    # 120 € and two laptops at the agreed price.
    assert offer.locator("tbody tr").all_inner_texts() == [
        "Месечна такса\nфиксирана такса за Абонамент Стандарт\n\t216,00\u00a0€",
        "Часове над включените\n4\u00a0ч включени, 2\u00a0ч над тях × 34,20\u00a0€\n\t68,40\u00a0€",
        "Обучение на потребители\n120,00\u00a0€ / занятие\n\t2\t240,00\u00a0€",
        "Лаптоп Lenovo ThinkPad\n1\u00a0234,50\u00a0€ / бр.\n\t2\u00a0бр.\t2\u00a0469,00\u00a0€",
    ]
    assert offer.locator(".calc-offer__sums").all_inner_texts() == [
        "Без ДДС\n284,40\u00a0€\nДДС 20\u00a0%\n56,88\u00a0€\nС ДДС\n341,28\u00a0€",
        "Без ДДС\n2\u00a0709,00\u00a0€\nДДС 20\u00a0%\n541,80\u00a0€\nС ДДС\n3\u00a0250,80\u00a0€",
    ]
    expect(offer.locator(".calc-offer__reaction")).to_contain_text("гарантирана реакция до 4 ч, денонощно")
    expect(other.get_by_label("Работни станции")).to_be_disabled()
    expect(other.locator(".calc__answer-section")).to_be_hidden()

    other.emulate_media(media="print")
    expect(other.locator(".calc-print-head__company")).to_be_visible()
    expect(other.locator(".calc-print-head__estimate")).to_be_hidden()
    expect(other.locator(".calc__form")).to_be_hidden()
    expect(offer.locator(".calc-offer__actions")).to_be_hidden()
    assert pages_in(other.pdf(format="A4")) == 1
    other.emulate_media(media="screen")

    other.get_by_role("link", name="Приемам офертата").click()
    expect(other).to_have_url(re.compile(r"/kontakti/#oferta="))
    assert parse_qs(urlsplit(other.url).fragment)["oferta"] == [link]
    expect(other.locator(".contact-form__accept")).to_have_text(
        "Приемате оферта № 2026-0042. С изпращането на формата ни съобщавате, че я приемате; "
        "ще се свържем с вас, за да подпишем договора."
    )
    note = other.locator("[data-quote-note]")
    expect(note).to_have_text(
        re.compile(r"^Към запитването е приложена офертата:\s+http"), use_inner_text=True
    )
    # The offer's link, some 500 characters of escapes, shows its first three lines only.
    line_height = float(note.locator("a").evaluate("a => parseFloat(getComputedStyle(a).lineHeight)"))
    assert (note.locator("a").bounding_box() or {"height": 0})["height"] <= 3 * line_height + 1
    message = other.get_by_label("Съобщение", exact=True)
    expect(message).to_have_value(
        re.compile(r"^Приемам оферта № 2026-0042 за ТехКлиент ООД, ЕИК 206813475, ")
    )
    sent = record_posts(other)
    other.get_by_label("Име", exact=True).fill("Мария Иванова")
    other.get_by_label("Телефон", exact=True).fill("+359 888 000 111")
    other.get_by_role("button", name="Изпратете запитването").click()
    expect(other).to_have_url(base_url + "kontakti/blagodarim/")
    [request] = sent
    fields = dict(parse_qsl(request.post_data or "", keep_blank_values=True))
    assert (fields["accepted_offer"], fields["quote_link"]) == ("2026-0042", link)
    assert fields["message"].splitlines()[1] == (
        "Абонамент Стандарт: 284,40 € на месец без ДДС, 341,28 € с ДДС; отстъпка 10 % "
        "(месечната такса 240,00 € → 216,00 €; часовата ставка 38,00 € → 34,20 €)."
    )
    assert watch.console_errors == []


def test_sales_paste_a_signed_offer_and_sign_it_again_with_its_terms(
    page: Page, context: BrowserContext, base_url: str, tmp_path: Path
) -> None:
    list_test_key(context)
    old = signed(base_url, today() - timedelta(days=45), (OfferItem("Лаптоп", 2, Decimal("1234.50")),))
    page.goto(base_url + "prodazhbi/")
    expect(page.locator("[data-calculator]")).to_have_attribute(
        "data-state", "ready", timeout=READY_TIMEOUT_MS
    )
    page.get_by_label("Връзка от калкулатора (по желание)").fill(old)
    expect(page.get_by_label("Клиент", exact=True)).to_have_value("ТехКлиент ООД")
    expect(page.locator("[data-calc-notice]")).to_have_text(
        "Формата е попълнена от оферта № 2026-0042 за ТехКлиент ООД (срокът ѝ е изтекъл). Променете "
        "каквото е договорено и я подпишете отново; старата връзка остава валидна до срока си."
    )
    expect(page.get_by_label("План", exact=True)).to_have_value("standard")
    expect(page.get_by_label("Позиция 1: описание")).to_have_value("Лаптоп")
    expect(page.locator('[name="offer.item.1.price"]')).to_have_value("1234.5")
    # What sales hand out is the offer's link, never the estimate's (it would name this page); the
    # plans' estimates are folded away until asked for.
    expect(page.locator("[data-calc-share]")).to_be_hidden()
    cards = page.locator(".calc__answer-section [data-plan]")
    expect(cards.first).to_be_hidden()
    page.get_by_text("Покажи цените на всички планове").click()
    expect(cards.nth(5)).to_be_visible()
    page.get_by_label("Номер на офертата").fill("2026-0042-2")
    key_file = tmp_path / "kluch.pem"
    key_file.write_bytes(PEM)
    page.get_by_label("Файл с ключа (PEM)").set_input_files(key_file)
    link_field = page.locator("[data-offer-link]")
    expect(link_field).to_have_value(re.compile(r"&k=test-1&s=[A-Za-z0-9_-]{86}$"))
    fragment = urlsplit(link_field.input_value()).fragment
    assert (
        f"&of=2026-0042-2&cu=%D0%A2%D0%B5%D1%85%D0%9A%D0%BB%D0%B8%D0%B5%D0%BD%D1%82%20%D0%9E%D0%9E%D0%94"
        f"&plan=standard&it=%D0%9B%D0%B0%D0%BF%D1%82%D0%BE%D0%BF*2*1234.5&vu={today() + timedelta(days=30)}&"
    ) in fragment


def _tampered(link: str, kind: str) -> str:
    unsigned, _, signature = link.rpartition("&s=")
    if kind == "a character":
        return unsigned.replace("&of=2026-0042", "&of=2026-0043") + "&s=" + signature
    if kind == "short signature":
        return unsigned + "&s=" + signature[:-1]
    raw = base64.urlsafe_b64decode(signature + "==")
    s = (int.from_bytes(raw[32:], "little") + L).to_bytes(32, "little")
    return unsigned + "&s=" + base64.urlsafe_b64encode(raw[:32] + s).decode().rstrip("=")


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("a character", "подписът не съвпада"),
        ("short signature", "подписът е с грешна дължина"),
        ("malleable signature", "подписът не съвпада"),
        ("unknown key", "непознат или оттеглен ключ „k9“"),
    ],
)
def test_a_changed_or_unknown_offer_is_refused_and_shows_an_ordinary_quote(
    fresh: Fresh, base_url: str, kind: str, reason: str
) -> None:
    link = signed(
        base_url,
        today(),
        (OfferItem("Лаптоп", 2, Decimal("1234.50")),),
        "k9" if kind == "unknown key" else "test-1",
    )
    customer = fresh()
    page = customer.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(link if kind == "unknown key" else _tampered(link, kind))
    expect(page.locator("[data-calc-notice]")).to_contain_text(
        f"Офертата не може да бъде потвърдена: {reason}. Затова не показваме нито клиента, "
        "нито договорените условия",
        timeout=READY_TIMEOUT_MS,
    )
    expect(page.locator("[data-calc-offer]")).to_be_hidden()
    expect(page.locator("[data-plan]")).to_have_count(6)
    expect(page.get_by_label("Работни станции")).to_be_enabled()
    assert "ТехКлиент" not in page.content() and "1234" not in unquote(page.url)
    assert "of=" not in page.url
    # On a phone the advice bar stays below the form while the notice shows, covering none of it;
    # once the visitor changes the quote, the notice goes and the bar follows the screen again.
    summary = page.locator("[data-calc-summary]")
    expect(summary).to_have_css("position", "static")
    page.get_by_label("Работни станции").fill("6")
    expect(page.locator("[data-calc-notice]")).to_be_hidden()
    expect(summary).to_have_css("position", "sticky")


def test_an_expired_offer_shows_its_figures_marked_expired_with_todays_prices_beside(
    fresh: Fresh, base_url: str
) -> None:
    issued = today() - timedelta(days=45)
    customer = fresh()
    page = customer.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(signed(base_url, issued))
    offer = page.locator(".calc-offer--expired")
    expect(offer.locator(".calc-offer__seal")).to_have_text(
        f"Срокът на офертата изтече на {issued + timedelta(days=30):%d.%m.%Y}. Цените в нея вече не важат; "
        "под нея са същите данни по днешните цени, без договорените условия.",
        timeout=READY_TIMEOUT_MS,
    )
    expect(offer.locator(".calc-offer__sums").first).to_have_text(
        "Без ДДС316,00\u00a0€ДДС 20\u00a0%63,20\u00a0€С ДДС379,20\u00a0€"
    )
    # On a phone the offer is on the first screen: the calculator's introduction steps aside.
    expect(offer.locator("h2")).to_be_in_viewport()
    expect(page.get_by_text("Опишете с каква техника работите")).to_be_hidden()
    expect(page.get_by_role("link", name="Приемам офертата")).to_have_count(0)
    expect(page.locator(".calc__answer-section [data-plan]")).to_have_count(6)
    expect(page.locator('.calc__answer-section [data-plan="standard"] .plan-card__amount')).to_have_text(
        "316,00\u00a0€"
    )
    # Their own quote: the same profile, unlocked, under an ordinary link.
    expect(page.get_by_label("Работни станции")).to_be_disabled()
    page.get_by_role("link", name="Направете своя оценка").click()
    expect(page.locator("[data-calc-offer]")).to_be_hidden()
    expect(page.get_by_label("Работни станции")).to_be_enabled()
    expect(page.get_by_label("Работни станции")).to_have_value("5")
    assert "of=" not in page.url and "&d=" in page.url


def test_an_offer_of_twelve_long_lines_stays_under_2000_characters_and_prints_on_one_page(
    fresh: Fresh, base_url: str
) -> None:
    items = tuple(
        OfferItem(f"Лаптоп Леново ТинкПад модел Е{n:02} сребрист", n, Decimal("999.99")) for n in range(1, 13)
    )
    assert {len(item.description) for item in items} == {40}
    link = signed(base_url, today(), items)
    fragment = link.split("#", 1)[1]
    assert len(unquote(fragment)) < 2000
    customer = fresh()
    page = customer.new_page()
    page.goto(link)
    offer = page.locator(".calc-offer--valid")
    expect(offer.locator("tbody tr")).to_have_count(14, timeout=READY_TIMEOUT_MS)
    expect(offer.locator("tbody tr").last).to_contain_text("Лаптоп Леново ТинкПад модел Е12 сребрист")
    page.emulate_media(media="print")
    assert pages_in(page.pdf(format="A4")) == 1


def test_the_offer_and_the_sales_page_pass_axe_once_answered(browser: Browser, base_url: str) -> None:
    # axe is injected as a script the site's CSP would block: this context alone bypasses it.
    context = browser.new_context(locale="bg-BG", timezone_id="Europe/Sofia", bypass_csp=True)
    list_test_key(context)
    page = context.new_page()
    findings: dict[str, list[str]] = {}
    for url, ready in [
        (signed(base_url, today(), (OfferItem("Лаптоп", 2, Decimal("1234.50")),)), ".calc-offer--valid"),
        (base_url + "prodazhbi/", '[data-calculator][data-state="ready"]'),
    ]:
        page.goto(url)
        expect(page.locator(ready)).to_be_visible(timeout=READY_TIMEOUT_MS)
        violations = serious_findings(page)
        if violations:
            findings[url] = violations
    close(context)
    assert findings == {}


def test_on_a_phone_an_agreed_items_description_takes_the_whole_row(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "prodazhbi/")
    expect(page.locator("[data-calculator]")).to_have_attribute(
        "data-state", "ready", timeout=READY_TIMEOUT_MS
    )
    # Measured in one go: the page's answer may move the form between two separate reads.
    row, text, quantity = page.locator(".calc-sales__item").first.evaluate(
        """row => [row, row.querySelector("input[type=text]"), row.querySelector("input[type=number]")]
            .map(element => element.getBoundingClientRect())
            .map(({ x, y, width, height }) => ({ x: Math.round(x), y, width: Math.round(width), height }))"""
    )
    # The description spans the row; the count and the price sit on the line under it.
    assert (text["x"], text["width"]) == (row["x"], row["width"])
    assert quantity["y"] > text["y"] + text["height"]
