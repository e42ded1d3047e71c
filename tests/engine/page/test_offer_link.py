"""Offer links: written and read, and every kind of tampering refused in words.

The link below was signed once with a key made for this test and thrown
away: only its public half is here, so these tests need no signer and run
in Pyodide too (the signing tests are in tests/site/offers/).
"""

import base64
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from samples import OFFER_KEY, OFFER_SIGNATURE, OFFER_UNSIGNED

from calculator import Profile
from calculator.errors import QuoteLinkError
from calculator.page.links import decode_link, unquote
from calculator.page.offer_link import decode_offer, encode_offer, is_offer_link
from calculator.page.offer_values import Offer, offer_item
from calculator.pricing.offer import OfferItem

PUBLIC = base64.urlsafe_b64decode(OFFER_KEY + "=")
KEYS = {"k1": PUBLIC}
UNSIGNED, SIGNATURE = OFFER_UNSIGNED, OFFER_SIGNATURE
LINK = f"{UNSIGNED}&s={SIGNATURE}"
OFFER = Offer(
    "2026-0042",
    "ТехКлиент ООД",
    "standard",
    date(2027, 1, 2),
    "k1",
    eik="206813475",
    discount=Decimal(10),
    items=(OfferItem("Лаптоп Lenovo", 2, Decimal("1234.50")),),
    salesperson="Иван Петров",
    note="Цена при подписване до Коледа",
)
ISSUED = date(2026, 12, 3)
# The group order L: S + L signs the same message, and must be refused.
L = 2**252 + 27742317777372353535851937790883648493


def test_the_offer_is_written_as_signed():
    assert encode_offer("2026-12", Profile(workstations=10), ISSUED, OFFER) == UNSIGNED


def test_a_good_offer_reads_back_with_its_quote():
    check = decode_offer("https://tehopora.bg/kalkulator/" + LINK, KEYS, date(2026, 12, 10))
    assert (check.signed, check.reason, check.expired) == (True, "", False)
    assert check.offer == OFFER
    assert check.link is not None
    assert (check.link.price_list, check.link.issued) == ("2026-12", ISSUED)
    assert check.link.profile == Profile(workstations=10)


def test_it_expires_the_day_after_it_is_valid_until():
    assert decode_offer(LINK, KEYS, date(2027, 1, 2)).expired is False
    check = decode_offer(LINK, KEYS, date(2027, 1, 3))
    assert (check.signed, check.expired) == (True, True)


@pytest.mark.parametrize(
    ("link", "reason"),
    [
        (LINK.replace("ws=10", "ws=11"), "подписът не съвпада"),
        (LINK.replace("dsc=10", "dsc=50"), "подписът не съвпада"),
        (LINK.replace("1234.5", "1034.5"), "подписът не съвпада"),
        (LINK.replace("vu=2027-01-02", "vu=2027-03-02"), "подписът не съвпада"),
        (LINK + "&ws=20", "след подписа има още параметри"),
        (LINK + "&s=" + SIGNATURE, "след подписа има още параметри"),
        (LINK + "&s=AAAA", "след подписа има още параметри"),
        (LINK[:-1], "подписът е с грешна дължина"),
        (LINK[:-2] + "Ab", "подписът не е записан канонично"),
        (LINK[:-1] + "+", "подписът съдържа непозволен знак"),
        (LINK.replace("&k=k1", "&k=k2"), "непознат или оттеглен ключ „k2“"),
        (LINK.replace("&k=k1", ""), "липсва ключът, с който е подписана офертата"),
        (UNSIGNED, "офертата не е подписана"),
    ],
)
def test_tampering_is_refused_in_words_and_the_quote_still_opens(link: str, reason: str):
    check = decode_offer(link, KEYS, date(2026, 12, 10))
    assert (check.signed, check.offer, check.reason) == (False, None, reason)
    assert check.link is not None
    assert check.link.price_list == "2026-12"


def test_a_malleable_signature_s_plus_l_is_refused():
    raw = base64.urlsafe_b64decode(SIGNATURE + "==")
    s = int.from_bytes(raw[32:], "little") + L
    forged = base64.urlsafe_b64encode(raw[:32] + s.to_bytes(32, "little")).decode().rstrip("=")
    assert decode_offer(f"{UNSIGNED}&s={forged}", KEYS, ISSUED).reason == "подписът не съвпада"


def test_a_retired_key_refuses_what_it_signed():
    check = decode_offer(LINK, {"k2": PUBLIC}, ISSUED)
    assert check.reason == "непознат или оттеглен ключ „k1“"


@pytest.mark.parametrize("index", [1, 17, 60, 200, 400, len(UNSIGNED) - 6])
def test_one_character_changed_is_refused(index: int):
    changed = UNSIGNED[:index] + ("x" if UNSIGNED[index] != "x" else "y") + UNSIGNED[index + 1 :]
    assert decode_offer(f"{changed}&s={SIGNATURE}", KEYS, ISSUED).reason == "подписът не съвпада"


def test_twelve_items_of_forty_cyrillic_letters_stay_under_2000_characters():
    items = tuple(OfferItem("Ж" * 39 + chr(0x410 + n), 1000, Decimal("999999.99")) for n in range(12))
    offer = replace(OFFER, items=items)
    unsigned = encode_offer("2026-12", Profile(workstations=10), ISSUED, offer)
    link = unsigned + "&s=" + SIGNATURE
    assert len(unquote(link)) == 956
    check = decode_offer(link, KEYS, ISSUED)
    assert check.reason == "подписът не съвпада"  # read up to its signature: not too long
    assert check.link is not None


def test_an_offer_link_is_told_from_a_quote_link():
    assert is_offer_link(LINK) and is_offer_link(UNSIGNED)
    assert not is_offer_link("#v=1&pl=2026-12&ws=10")


def test_the_quote_decoder_still_refuses_offer_parameters():
    with pytest.raises(QuoteLinkError) as caught:
        decode_link(LINK)
    assert str(caught.value) == "of: непознат параметър"


@pytest.mark.parametrize(
    ("changes", "param", "reason"),
    [
        ({"number": "2026 42"}, "of", "номерът на офертата е от 1 до 20 латински букви, цифри, - и /"),
        ({"customer": "  "}, "cu", "липсва име на клиента"),
        ({"customer": "Я" * 121}, "cu", "името на клиента е над 120 знака"),
        ({"customer": "Фирма\u202e"}, "cu", "името на клиента съдържа непозволен знак"),
        ({"eik": "206813476"}, "eik", "„206813476“ не е валиден ЕИК"),
        ({"discount": Decimal("50.01")}, "dsc", "отстъпката е от 0 до 50 %, до 2 знака след точката"),
        ({"discount": Decimal("5.555")}, "dsc", "отстъпката е от 0 до 50 %, до 2 знака след точката"),
        ({"items": (OfferItem("Тонер", 1, Decimal(1)),) * 13}, "it", "най-много 12 позиции"),
        ({"note": "б" * 201}, "nt", "бележката е над 200 знака"),
        ({"key_id": "K1"}, "k", "идентификаторът на ключа е от 1 до 32 малки латински букви, цифри и -"),
    ],
)
def test_an_offer_that_a_link_cannot_carry_is_refused(changes: dict[str, object], param: str, reason: str):
    with pytest.raises(QuoteLinkError) as caught:
        replace(OFFER, **changes)
    assert (caught.value.param, caught.value.reason) == (param, reason)


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        (("", 1, "1"), "позиция 3: липсва описание"),
        (("Тонер", 0, "1"), "позиция 3: количеството е цяло число от 1 до 1000"),
        (("Тонер", "1001", "1"), "позиция 3: количеството е цяло число от 1 до 1000"),
        (("Тонер", 1, "1.005"), "позиция 3: цената е в евро без ДДС, до 2 знака след точката"),
    ],
)
def test_an_item_names_its_number(values: tuple[str, object, str], reason: str):
    with pytest.raises(QuoteLinkError) as caught:
        offer_item(3, *values)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("valid_until", "reason"),
    [
        (date(2026, 12, 3), "валидна до трябва да е след датата на издаване и до 90 дни след нея"),
        (date(2027, 3, 4), "валидна до трябва да е след датата на издаване и до 90 дни след нея"),
    ],
)
def test_validity_starts_after_the_issue_and_lasts_at_most_90_days(valid_until: date, reason: str):
    with pytest.raises(QuoteLinkError) as caught:
        encode_offer("2026-12", Profile(), ISSUED, replace(OFFER, valid_until=valid_until))
    assert caught.value.reason == reason
    # 2027-03-03 is the 90th day after 2026-12-03.
    assert encode_offer("2026-12", Profile(), ISSUED, replace(OFFER, valid_until=date(2027, 3, 3)))
