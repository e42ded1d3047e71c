from datetime import datetime
from decimal import Decimal

import pytest

from calculator import Profile, QuoteLink, QuoteLinkError, decode_link, decode_link_lenient, encode_link
from calculator.clock import SOFIA, parse_moment
from calculator.page.links import unquote

D = Decimal
PROFILE = Profile(
    customer="business",
    workstations=10,
    servers=1,
    incidents=D(2),
    regular_hours=D("7.5"),
    visits=1,
    distance_km=D(30),
    reaction_hours=D(4),
    incident_at=datetime(2026, 12, 23, 17, 0, tzinfo=SOFIA),
)
FRAGMENT = "#v=1&pl=2026-11&c=b&ws=10&sv=1&inc=2&h=7.5&vis=1&km=30&rt=4&at=2026-12-23T17:00"


def test_encode() -> None:
    assert encode_link("2026-11", PROFILE) == FRAGMENT


def test_defaults_leave_out_the_optional_values() -> None:
    assert encode_link("2026-11", Profile(customer="individual")) == (
        "#v=1&pl=2026-11&c=i&ws=5&sv=1&inc=1&vis=1&km=0"
    )


@pytest.mark.parametrize(
    "text",
    [
        FRAGMENT,
        FRAGMENT[1:],
        "https://example.bg/kalkulator/" + FRAGMENT,
        "  https://example.bg/kalkulator/?utm=x" + FRAGMENT + "  ",
    ],
)
def test_decode_whole_url_or_fragment(text: str) -> None:
    assert decode_link(text) == QuoteLink("2026-11", PROFILE)


def test_absent_optional_values_take_the_defaults() -> None:
    assert decode_link("v=1&pl=x") == QuoteLink("x", Profile())


def test_second_autumn_hour_keeps_its_offset() -> None:
    second = parse_moment("2026-10-25T01:30Z")  # 03:30 EET, the repeated hour
    link = encode_link("p", Profile(incident_at=second))
    assert link.endswith("&at=2026-10-25T03:30%2B02:00")
    decoded = decode_link(link).profile.incident_at
    assert decoded is not None and decoded.isoformat() == "2026-10-25T03:30:00+02:00"
    first = decode_link("v=1&pl=p&at=2026-10-25T03:30").profile.incident_at
    assert first is not None and first.isoformat() == "2026-10-25T03:30:00+03:00"


@pytest.mark.parametrize(
    ("text", "param", "reason"),
    [
        ("pl=x", "v", "липсва задължителен параметър"),
        ("v=1", "pl", "липсва задължителен параметър"),
        ("v=2&pl=x", "v", "непозната версия на връзката: '2'"),
        ("v=1&pl=x&ws=-1", "ws", "трябва да е число с точка, например 7.5"),
        ("v=1&pl=x&ws=1e3", "ws", "трябва да е число с точка, например 7.5"),
        ("v=1&pl=x&ws=10001", "ws", "трябва да е между 0 и 10000"),
        ("v=1&pl=x&ws=2.5", "ws", "трябва да е цяло число"),
        ("v=1&pl=x&h=1.234", "h", "най-много 2 знака след десетичната запетая"),
        ("v=1&pl=x&rt=0", "rt", "трябва да е между 0.01 и 720"),
        ("v=1&pl=x&km=2,5", "km", "трябва да е число с точка, например 7.5"),
        ("v=1&pl=x&c=x", "c", "трябва да е b (фирма) или i (физическо лице)"),
        ("v=1&pl=x&at=2026-03-29T03:30", "at", "няма такъв момент (дата, час или смяна на часовото време)"),
        ("v=1&pl=x&at=2026-02-30T10:00", "at", "няма такъв момент (дата, час или смяна на часовото време)"),
        ("v=1&pl=x&at=1999-12-31T10:00", "at", "годината трябва да е между 2000 и 2100"),
        ("v=1&pl=x&at=tomorrow", "at", "моментът трябва да е във вида 2026-12-23T17:00"),
        ("v=1&pl=x&ws=1&ws=2", "ws", "параметърът се повтаря"),
        ("v=1&pl=x&zz=1", "zz", "непознат параметър"),
        ("v=1&pl=x&ws", "ws", "липсва стойност (очаква се име=стойност)"),
        ("v=1&pl=a/b", "pl", "невалиден идентификатор на ценоразпис"),
        ("https://example.bg/kalkulator/", "", "в адреса няма данни за оферта (липсва частта след #)"),
        ("v=1&pl=x&" + "a" * 2000, "", "връзката е по-дълга от 2000 знака"),
    ],
)
def test_bad_links_name_the_parameter(text: str, param: str, reason: str) -> None:
    with pytest.raises(QuoteLinkError) as info:
        decode_link(text)
    assert (info.value.param, info.value.reason) == (param, reason)


def test_non_text_is_a_link_error() -> None:
    with pytest.raises(QuoteLinkError):
        decode_link(None)  # type: ignore[arg-type]


def test_lenient_decode_applies_what_it_can() -> None:
    link, errors = decode_link_lenient("#v=1&pl=2026-11&ws=abc&sv=3&rt=9999&c=i")
    assert link == QuoteLink("2026-11", Profile(customer="individual", servers=3))
    assert [(e.param, e.reason) for e in errors] == [
        ("ws", "трябва да е число с точка, например 7.5"),
        ("rt", "трябва да е между 0.01 и 720"),
    ]


def test_lenient_decode_of_nothing() -> None:
    link, errors = decode_link_lenient("")
    assert link == QuoteLink(None, Profile())
    assert [e.param for e in errors] == ["v", "pl"]


def test_the_day_of_issue_travels_in_the_link() -> None:
    from datetime import date

    link = encode_link("2026-11", Profile(workstations=3), issued=date(2026, 11, 26))
    assert link == "#v=1&pl=2026-11&d=2026-11-26&c=b&ws=3&sv=1&inc=1&vis=1&km=0"
    assert decode_link(link) == QuoteLink("2026-11", Profile(workstations=3), date(2026, 11, 26))


@pytest.mark.parametrize(
    "value", ["2026-13-01", "2026-02-30", "26-11-2026", "1999-12-31", "2026-11-26T10:00"]
)
def test_a_bad_day_of_issue_is_named(value: str) -> None:
    with pytest.raises(QuoteLinkError) as caught:
        decode_link(f"#v=1&pl=2026-11&d={value}")
    assert (caught.value.param, caught.value.reason) == ("d", "датата трябва да е във вида 2026-11-26")


def test_unquote_decodes_utf8_escapes_and_keeps_what_is_not_one():
    assert unquote("%D0%B0%zz%C3 %2B03:00") == "а%zz\ufffd +03:00"


def test_the_cost_of_downtime_and_the_operating_hours_travel_after_the_moment() -> None:
    profile = Profile(downtime_cost=D("80.5"), operating="24/7", incident_at=PROFILE.incident_at)
    link = encode_link("2026-11", profile)
    assert link == "#v=1&pl=2026-11&c=b&ws=5&sv=1&inc=1&vis=1&km=0&at=2026-12-23T17:00&dc=80.5&op=24/7"
    assert decode_link(link) == QuoteLink("2026-11", profile)
    # "op=b" is the default said out loud, and a cost of 0 is a cost all the same.
    assert decode_link("v=1&pl=x&op=b&dc=0").profile == Profile(operating="business", downtime_cost=D(0))
    assert encode_link("x", Profile(operating="business", downtime_cost=D(0))).endswith("&km=0&dc=0")


def test_a_link_issued_before_the_cost_of_downtime_opens_as_it_did() -> None:
    assert decode_link(FRAGMENT) == QuoteLink("2026-11", PROFILE)
    assert (PROFILE.downtime_cost, PROFILE.operating) == (None, "business")
    assert encode_link("2026-11", decode_link(FRAGMENT).profile) == FRAGMENT


def test_a_bad_cost_or_operating_mode_is_named_and_the_rest_kept() -> None:
    link, errors = decode_link_lenient("#v=1&pl=2026-11&ws=7&dc=100000.01&op=nights")
    assert link == QuoteLink("2026-11", Profile(workstations=7))
    assert [(e.param, e.reason) for e in errors] == [
        ("dc", "трябва да е между 0 и 100000"),
        ("op", "трябва да е b (в работно време) или 24/7 (денонощно)"),
    ]
    _, errors = decode_link_lenient("#v=1&pl=2026-11&dc=-5&op=24%2F7")
    assert [(e.param, e.reason) for e in errors] == [("dc", "трябва да е число с точка, например 7.5")]


def test_the_one_off_lists_travel_last_and_read_back_the_same() -> None:
    profile = Profile(
        services={"training": 2, "integration": 1}, procurement=[("Тонер HP ~85A*", 4), ("Лаптоп", 2)]
    )
    link = encode_link("2026-11", profile)
    assert link == (
        "#v=1&pl=2026-11&c=b&ws=5&sv=1&inc=1&vis=1&km=0&us=integration*1~training*2"
        "&dp=%D0%A2%D0%BE%D0%BD%D0%B5%D1%80%20HP%20%7E85A%2A*4~%D0%9B%D0%B0%D0%BF%D1%82%D0%BE%D0%BF*2"
    )
    assert decode_link(link).profile == profile
    # As a person or a chat app may write it: the letters unescaped, the list's ~ and * kept.
    assert decode_link("#v=1&pl=x&dp=Тонер%20HP*4~Лаптоп*2").profile.procurement == (
        ("Тонер HP", 4),
        ("Лаптоп", 2),
    )


def test_a_link_made_before_the_one_off_lists_opens_and_is_written_as_it_was() -> None:
    old = "#v=1&pl=2026-11&d=2026-11-26&c=b&ws=10&sv=1&inc=2&h=7.5&vis=1&km=30&rt=4&at=2026-12-23T17:00"
    decoded = decode_link(old)
    assert (decoded.profile.services, decoded.profile.procurement) == ((), ())
    assert encode_link("2026-11", decoded.profile, decoded.issued) == old


def test_ten_lines_of_120_cyrillic_letters_fit_a_link() -> None:
    profile = Profile(services={"training": 2}, procurement=[("я" * 120, 1000)] * 10)
    link = encode_link("2026-11", profile)
    # Over 7,000 characters as escaped, 1,323 as read: within the limit of 2,000.
    assert (len(link), len(unquote(link))) == (7323, 1323)
    assert decode_link(link).profile == profile


@pytest.mark.parametrize(
    ("text", "param", "reason"),
    [
        ("v=1&pl=x&us=training", "us", "всеки елемент трябва да е във вида usluga*2"),
        ("v=1&pl=x&us=Training*1", "us", "непозната услуга 'Training'"),
        ("v=1&pl=x&us=a*1~a*2", "us", "a: услугата е дадена два пъти"),
        ("v=1&pl=x&us=a*101", "us", "a: броят трябва да е цяло число от 0 до 100"),
        ("v=1&pl=x&dp=x", "dp", "всеки елемент трябва да е във вида Тонер*4"),
        ("v=1&pl=x&dp=x*0", "dp", "ред 1: количеството трябва да е цяло число от 1 до 1000"),
        ("v=1&pl=x&dp=x*1~%20*1", "dp", "ред 2: липсва описание"),
        ("v=1&pl=x&dp=" + "~".join(["x*1"] * 11), "dp", "най-много 10 реда"),
        ("v=1&pl=x&dp=" + "я" * 1990 + "*1", "", "връзката е по-дълга от 2000 знака"),
    ],
)
def test_a_bad_one_off_list_is_named_and_the_rest_kept(text: str, param: str, reason: str) -> None:
    decoded, errors = decode_link_lenient(text + "&ws=9")
    assert (errors[0].param, errors[0].reason) == (param, reason)
    if param:
        assert len(errors) == 1
        assert (decoded.price_list, decoded.profile.workstations) == ("x", 9)
