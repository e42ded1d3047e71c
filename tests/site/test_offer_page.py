"""The page's engine with offers: the customer's view, each refusal, an expired offer, the sales page.

Signed here with `cryptography` (the engine's own tests, run in Pyodide too,
cannot sign); the dates are today's, as the page's are, so that a good offer
is always within its validity and an expired one always past it.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.clock import SOFIA
from calculator.page import catalogues, web
from calculator.page.links import encode_link
from calculator.page.offer_link import decode_offer, encode_offer, sign_offer, signed_bytes
from calculator.page.offer_values import Offer, offer_number
from calculator.pricing.offer import OfferItem
from calculator.profile.profile import Profile
from tests.engine.samples import small_catalogue_data

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
PUBLIC = KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
PUBLIC_TEXT = base64.urlsafe_b64encode(PUBLIC).decode().rstrip("=")
OFFERS = json.dumps({"company": "ТехОпора ЕООД", "keys": {"t1": PUBLIC_TEXT}}, ensure_ascii=False)
PROFILE = Profile(workstations=10, services=(("training", 2),))
# The group order: S + L is the same signature made malleable, and must be refused.
L = 2**252 + 27742317777372353535851937790883648493


@pytest.fixture(autouse=True)
def engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test catalogue as today's price list, published as 2026-12."""
    monkeypatch.setattr(catalogues, "_catalogues", {})
    monkeypatch.setattr(catalogues, "_current", [])
    web.load_catalogue(json.dumps(small_catalogue_data() | {"price_list": "2026-12"}))


def today() -> date:
    return datetime.now(SOFIA).date()


def offer_link(issued: date | None = None, valid_days: int = 30, key_id: str = "t1") -> str:
    issued = issued or today()
    offer = Offer(
        "T-1",
        "ТехКлиент ООД",
        "sub",
        issued + timedelta(days=valid_days),
        key_id,
        eik="206813475",
        discount=Decimal(10),
        items=(OfferItem("Лаптоп", 2, Decimal("1234.50")),),
        salesperson="Иван Петров",
    )
    unsigned = encode_offer("2026-12", PROFILE, issued, offer)
    return sign_offer(unsigned, KEY.sign(signed_bytes(unsigned)))


def open_link(link: str) -> dict[str, Any]:
    reply: dict[str, Any] = json.loads(web.open_link(json.dumps({"link": link, "offers": OFFERS})))
    return reply


def test_a_good_offer_opens_as_the_offer_with_its_figures_and_a_locked_form() -> None:
    link = offer_link()
    reply = open_link(link)
    # Amounts are written with no-break spaces ("1 234,50 €"): compared here as plain ones.
    offer = reply["slots"]["offer"].replace("\u00a0", " ")
    assert '<h2 id="calc-offer-heading" tabindex="-1">Оферта № T-1 за ТехКлиент ООД</h2>' in offer
    assert "Подписът е проверен с ключ „t1“ на ТехОпора ЕООД" in offer
    assert f"<dt>Валидна до</dt><dd>{today() + timedelta(days=30):%d.%m.%Y} включително</dd>" in offer
    # 10 % off the fee (300 -> 270) and the rate (30 -> 27): 7 h of work and 2 of the incident, 5 included.
    assert "месечната такса 300,00 € → 270,00 €; часовата ставка 30,00 € → 27,00 €" in offer
    assert "5 ч включени, 4 ч над тях × 27,00 €</span></th><td>108,00 €</td>" in offer
    assert "<dt>Без ДДС</dt><dd>378,00 €</dd></div><div><dt>ДДС 20 %</dt><dd>75,60 €</dd>" in offer
    assert "<dt>С ДДС</dt><dd>453,60 €</dd>" in offer
    # Once: 2 trainings at the list's 100 € and 2 laptops at the agreed 1234.50 €.
    assert "<td>2 бр.</td><td>2 469,00 €</td>" in offer
    assert "<dt>Без ДДС</dt><dd>2 669,00 €</dd></div><div><dt>ДДС 20 %</dt><dd>533,80 €</dd>" in offer
    assert "гарантирана реакция до 2 ч, денонощно" in offer
    assert "Приемам офертата" in offer and "Направете своя оценка" in offer
    assert reply["link"] == "#" + link.removeprefix("#")
    assert (reply["locked"], reply["accept"], reply["status"]) == (
        True,
        "T-1",
        "Оферта № T-1: подписът е проверен.",
    )
    assert reply["form"]["workstations"] == "10" and reply["form"]["services.training"] == "2"
    assert reply["request"].splitlines()[0] == (
        f"Приемам оферта № T-1 за ТехКлиент ООД, ЕИК 206813475, издадена на {today():%d.%m.%Y}, "
        f"валидна до {today() + timedelta(days=30):%d.%m.%Y}."
    )
    assert reply["request"].splitlines()[-1] == "Общо еднократно: 2 669,00 € без ДДС, 3 202,80 € с ДДС"
    # The estimate's own parts are empty under an offer that holds.
    assert (reply["slots"]["answer"], reply["slots"]["notice"]) == ("", "")


def _tampered(kind: str) -> str:
    link = offer_link()
    unsigned, _, signature = link.rpartition("&s=")
    if kind == "a character":
        return unsigned.replace("dsc=10", "dsc=50") + "&s=" + signature
    if kind == "short signature":
        return unsigned + "&s=" + signature[:-2]
    if kind == "malleable signature":
        raw = base64.urlsafe_b64decode(signature + "==")
        s = (int.from_bytes(raw[32:], "little") + L).to_bytes(32, "little")
        return unsigned + "&s=" + base64.urlsafe_b64encode(raw[:32] + s).decode().rstrip("=")
    if kind == "unknown key":
        return offer_link(key_id="t9")
    raise AssertionError(kind)


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("a character", "подписът не съвпада"),
        ("short signature", "подписът е с грешна дължина"),
        ("malleable signature", "подписът не съвпада"),
        ("unknown key", "непознат или оттеглен ключ „t9“"),
    ],
)
def test_a_changed_or_unknown_offer_shows_no_name_no_figure_and_an_ordinary_quote(
    kind: str, reason: str
) -> None:
    reply = open_link(_tampered(kind))
    text = json.dumps(reply, ensure_ascii=False)
    assert (
        "ТехКлиент" not in text and "Иван Петров" not in text and "1234" not in text and "1 234" not in text
    )
    assert reply["slots"]["offer"] == "" and "locked" not in reply and "accept" not in reply
    assert reply["slots"]["notice"].startswith(f"<p>Офертата не може да бъде потвърдена: {reason}. ")
    # The profile still opens, at the list's prices, under an ordinary link.
    assert reply["form"]["workstations"] == "10"
    assert reply["link"].startswith("#v=1&pl=2026-12&d=") and "of=" not in reply["link"]
    assert 'data-plan="sub"' in reply["slots"]["answer"]


def test_a_retired_key_refuses_what_it_signed() -> None:
    reply = json.loads(
        web.open_link(json.dumps({"link": offer_link(), "offers": json.dumps({"company": "X", "keys": {}})}))
    )
    assert reply["slots"]["notice"].startswith(
        "<p>Офертата не може да бъде потвърдена: непознат или оттеглен ключ „t1“."
    )


def test_an_expired_offer_shows_its_figures_marked_expired_and_todays_prices_beside() -> None:
    issued = today() - timedelta(days=40)
    reply = open_link(offer_link(issued=issued))
    offer = reply["slots"]["offer"].replace("\u00a0", " ")
    assert 'class="calc-offer calc-offer--expired"' in offer
    assert f"Срокът на офертата изтече на {issued + timedelta(days=30):%d.%m.%Y}." in offer
    assert "<dt>С ДДС</dt><dd>453,60 €</dd>" in offer and "Приемам офертата" not in offer
    # Today's list prices beside: the subscription at 300 €, 4 h over at 30 €.
    assert 'data-plan="sub" data-gross="504.00"' in reply["slots"]["answer"]
    assert (reply["accept"], reply["status"]) == ("", "Срокът на оферта № T-1 изтече.")


def sales_form(**changes: str) -> dict[str, str]:
    form = web.form_values(PROFILE, ["training"]) | {
        "offer.customer": "ТехКлиент ООД",
        "offer.eik": "206813475",
        "offer.plan": "sub",
        "offer.discount": "10",
        "offer.number": "T-1",
        "offer.days": "30",
        "offer.salesperson": "",
        "offer.note": "",
        "offer.source": "",
        "offer.item.1.text": "Лаптоп",
        "offer.item.1.quantity": "2",
        "offer.item.1.price": "1234,50",
    }
    return form | changes


def sales(form: dict[str, str], key: str | None = PUBLIC_TEXT) -> dict[str, Any]:
    request = {"form": form, "pin": None, "offers": OFFERS} | ({"key": key} if key is not None else {})
    reply: dict[str, Any] = json.loads(web.answer(json.dumps(request)))
    return reply


def test_the_sales_page_writes_the_link_to_sign_and_it_verifies_once_signed() -> None:
    reply = sales(sales_form())
    unsigned = reply["unsigned"]
    assert unsigned.startswith(f"#v=1&pl=2026-12&d={today().isoformat()}&c=b&ws=10&")
    assert unsigned.endswith(
        f"&it=%D0%9B%D0%B0%D0%BF%D1%82%D0%BE%D0%BF*2*1234.5&vu={today() + timedelta(days=30)}&k=t1"
    )
    assert "Преглед на оферта № T-1 за ТехКлиент ООД" in reply["slots"]["offer"]
    # The page signs the link as soon as the preview is made: the preview says where it is.
    assert (
        '<p class="calc-offer__seal calc-offer__seal--preview">Преглед: така ще види офертата клиентът. '
        "Тя е подписана с ключ „t1“; връзката към нея е под прегледа.</p>"
    ) in reply["slots"]["offer"]
    assert {name: text for name, text in reply["errors"].items() if text} == {}
    signed = sign_offer(unsigned, KEY.sign(signed_bytes(unsigned)))
    check = decode_offer(signed, {"t1": PUBLIC}, today())
    assert (check.signed, check.offer and check.offer.customer) == (True, "ТехКлиент ООД")


def test_the_sales_page_names_what_is_missing_and_signs_nothing() -> None:
    reply = sales(sales_form(**{"offer.customer": "", "offer.plan": " "}))
    assert "unsigned" not in reply
    # Not filled in yet is not a mistake: said once, above the link, not under each field.
    assert reply["slots"]["offer"] == (
        '<p class="calc-offer__todo">За офертата остава да попълните: името на клиента, плана.</p>'
    )
    assert {name: text for name, text in reply["errors"].items() if text} == {}
    bad_item = sales(sales_form(**{"offer.item.2.text": "Мишка", "offer.item.2.price": "12,345"}))
    assert bad_item["errors"]["offer.items"] == "позиция 2: цената е в евро без ДДС, до 2 знака след точката"
    assert (
        sales(sales_form(**{"offer.eik": "206813476"}))["errors"]["offer.eik"]
        == "„206813476“ не е валиден ЕИК"
    )
    assert (
        sales(sales_form(**{"offer.days": "91"}))["errors"]["offer.days"]
        == "срокът е цяло число дни от 1 до 90"
    )


def test_an_offer_given_no_number_gets_the_one_the_cli_would_give_it() -> None:
    reply = sales(sales_form(**{"offer.number": ""}))
    quote_link = encode_link("2026-12", PROFILE, today())
    number = offer_number(today(), "ТехКлиент ООД", "sub", quote_link)
    assert re.fullmatch(rf"{today():%Y%m%d}-[0-9A-F]{{6}}", number)
    assert f"&of={number}&" in reply["unsigned"]
    assert f"Преглед на оферта № {number} за ТехКлиент ООД" in reply["slots"]["offer"]


def test_the_sales_page_signs_only_with_a_key_the_site_lists() -> None:
    no_key = sales(sales_form(), key=None)
    assert "unsigned" not in no_key
    assert no_key["errors"]["offer.key"] == ""
    assert (
        '<p class="calc-offer__seal calc-offer__seal--preview">Преглед: офертата още не е подписана. '
        "Връзката към нея се появява, когато заредите ключа си.</p>"
    ) in no_key["slots"]["offer"]
    unlisted = base64.urlsafe_b64encode(bytes(32)).decode().rstrip("=")
    reply = sales(sales_form(), key=unlisted)
    assert "unsigned" not in reply
    assert "Преглед: офертата още не е подписана." in reply["slots"]["offer"]
    assert (
        reply["errors"]["offer.key"]
        == "ключът не е сред ключовете на сайта (extra.offers.keys): офертата няма да се потвърди"
    )
    not_a_key = sales(sales_form(), key="")
    assert not_a_key["errors"]["offer.key"] == "файлът не е частен ключ Ed25519 във формат PEM (PKCS#8)"
    old_browser = sales(sales_form(), key="unsupported")
    assert old_browser["errors"]["offer.key"] == (
        "този браузър не може да подписва с Ed25519: отворете страницата в последна версия на Chrome, "
        "Edge, Firefox или Safari, или издайте офертата с командата offer"
    )


def test_the_sales_page_takes_a_prospects_link_into_the_form() -> None:
    link = "https://example.bg/kalkulator/#v=1&pl=2026-12&d=2026-12-01&c=i&ws=3&sv=0&inc=2&vis=0&km=0"
    reply = sales(sales_form(**{"offer.source": link}))
    assert (reply["form"]["customer"], reply["form"]["workstations"], reply["form"]["offer.source"]) == (
        "individual",
        "3",
        "",
    )
    assert "unsigned" in reply and "&c=i&ws=3&sv=0&inc=2&" in reply["unsigned"]


def test_a_signed_offer_pasted_into_the_sales_page_fills_its_terms_to_issue_again() -> None:
    # Issued 40 days ago for 60 days: pasted, it gives its terms and 60 days from today.
    link = "https://example.bg/kalkulator/" + offer_link(today() - timedelta(days=40), valid_days=60)
    blank = sales_form(**{"offer.customer": "", "offer.number": "", "offer.item.1.text": ""})
    reply = sales(blank | {"offer.source": link})
    assert {name: value for name, value in reply["form"].items() if name.startswith("offer.")} == {
        "offer.customer": "ТехКлиент ООД",
        "offer.eik": "206813475",
        "offer.plan": "sub",
        "offer.discount": "10",
        "offer.number": "T-1",
        "offer.days": "60",
        "offer.salesperson": "Иван Петров",
        "offer.note": "",
        "offer.source": "",
        "offer.item.1.text": "Лаптоп",
        "offer.item.1.quantity": "2",
        "offer.item.1.price": "1234.5",
    } | {f"offer.item.{row}.{part}": "" for row in range(2, 13) for part in ("text", "quantity", "price")}
    assert (reply["form"]["workstations"], reply["form"]["services.training"]) == ("10", "2")
    assert reply["slots"]["notice"] == (
        "<p>Формата е попълнена от оферта № T-1 за ТехКлиент ООД. Променете каквото е договорено "
        "и я подпишете отново; старата връзка остава валидна до срока си.</p>"
    )
    # Signed again today, for the same 60 days, with the same terms.
    assert reply["unsigned"].endswith(
        f"&vu={today() + timedelta(days=60)}"
        "&sp=%D0%98%D0%B2%D0%B0%D0%BD%20%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2&k=t1"
    )
    assert "&dsc=10&it=%D0%9B%D0%B0%D0%BF%D1%82%D0%BE%D0%BF*2*1234.5&" in reply["unsigned"]


def test_an_expired_offer_pasted_into_the_sales_page_says_so_and_fills_its_terms() -> None:
    link = offer_link(today() - timedelta(days=45))
    reply = sales(sales_form(**{"offer.source": link}))
    assert reply["form"]["offer.days"] == "30"
    assert reply["slots"]["notice"] == (
        "<p>Формата е попълнена от оферта № T-1 за ТехКлиент ООД (срокът ѝ е изтекъл). Променете каквото "
        "е договорено и я подпишете отново; старата връзка остава валидна до срока си.</p>"
    )


def test_an_offer_of_an_older_list_pasted_into_the_sales_page_says_it_will_be_issued_at_todays() -> None:
    offer = Offer("T-2", "ТехКлиент ООД", "sub", today() + timedelta(days=10), "t1")
    unsigned = encode_offer("2026-11", PROFILE, today() - timedelta(days=20), offer)
    link = sign_offer(unsigned, KEY.sign(signed_bytes(unsigned)))
    reply = sales(sales_form(**{"offer.source": link}))
    assert reply["slots"]["notice"] == (
        "<p>Формата е попълнена от оферта № T-2 за ТехКлиент ООД. Тя е по ценоразпис 2026-11, а новата "
        "ще бъде по днешния, 2026-12. Променете каквото е договорено и я подпишете отново; старата "
        "връзка остава валидна до срока си.</p>"
    )
    assert "&pl=2026-12&" in reply["unsigned"] and "&of=T-2&" in reply["unsigned"]


def test_a_changed_offer_pasted_into_the_sales_page_gives_its_profile_but_none_of_its_terms() -> None:
    reply = sales(sales_form(**{"offer.source": _tampered("a character")}))
    assert not any(name.startswith("offer.") and name != "offer.source" for name in reply["form"])
    assert reply["form"]["workstations"] == "10"
    assert reply["slots"]["notice"] == (
        "<p>Офертата не може да бъде потвърдена: подписът не съвпада. От нея взехме само данните "
        "за изчислението; договорените условия попълнете наново.</p>"
    )


# What an offer link is made of, for the hostile text below.
PIECES = ["of=", "cu=", "plan=", "vu=", "k=", "s=", "&", "=", "~", "*", "%", "%D0", "t1", "sub"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["of=", "cu=", "plan=", "vu=", "k=", "s=", "&", "=", "~", "*", "%", "%D0", "t1", "sub"]
        )
        | st.text(max_size=8),
        max_size=12,
    )
)
def test_any_text_that_means_to_be_an_offer_gets_an_answer_never_an_error(parts: list[str]) -> None:
    link = offer_link()
    text = link[: len(link) // 2] + "".join(parts) + "&s=" + "".join(parts)
    reply = open_link(text)
    # Refused, with its reason in words, and opened as an estimate (or a bad link's notice).
    assert reply["slots"]["offer"] == "" and "locked" not in reply
    assert "Офертата не може да бъде потвърдена: " in reply["slots"]["notice"]
