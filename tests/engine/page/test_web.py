"""The page's calls: every slot of the answer, field errors, and a quote reopened at an older price list."""

import json
import re
from collections import Counter
from datetime import date, datetime
from typing import Any

import pytest
from samples import small_catalogue_data

from calculator.clock import SOFIA
from calculator.page import catalogues, form, web
from calculator.profile.fields import Field

SITE = "https://example.bg/"
INDEX = SITE + "assets/price-lists/index.json"
OLDER = SITE + "assets/price-lists/test-1.json"
# The default profile, 5 workstations and 1 server (4.5 h) and 1 incident (2 h):
# 300 + 1.5 h x 30 = 345 net; 6.5 h x 50 = 325; 6.5 h x 60 = 390; 200 + 4.5 h x 55 = 447.50.
DEFAULT_GROSS = {"sub": "414.00", "hourly": "390.00", "job": "468.00", "sos": "537.00"}
NO_ERRORS = {
    "workstations": "",
    "servers": "",
    "incidents": "",
    "regular_hours": "",
    "visits": "",
    "distance_km": "",
    "reaction_hours": "",
    "downtime_cost": "",
    "operating": "",
    "incident_at": "",
    "services": "",
    "procurement": "",
}
OLD_LIST_NOTICE = (
    "Тази оценка е изчислена по ценоразпис test-1 от 01.01.2026, който вече не е в сила. "
    "Показваме я, както е изчислена, а под нея - същата оценка по днешните цени."
)


def call(function: Any, request: dict[str, Any]) -> dict[str, Any]:
    return dict(json.loads(function(json.dumps(request))))


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine as the page has it: today's price list loaded, and no other."""
    monkeypatch.setattr(catalogues, "_catalogues", {})
    monkeypatch.setattr(catalogues, "_current", [])
    web.load_catalogue(json.dumps(small_catalogue_data()))


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Today's list is test-2, Абонамент's fee 300; the site still publishes test-1, where it was 250."""
    monkeypatch.setattr(catalogues, "_catalogues", {})
    monkeypatch.setattr(catalogues, "_current", [])
    web.load_catalogue(json.dumps(small_catalogue_data() | {"price_list": "test-2"}))
    older = small_catalogue_data() | {"effective": "2026-01-01"}
    older["plans"][0]["monthly_fee"] = 250
    lists = [{"id": "test-2", "effective": "2026-11-01"}, {"id": "test-1", "effective": "2026-01-01"}]
    lists[1]["url"] = "assets/price-lists/test-1.json"
    return {INDEX: json.dumps({"current": "test-2", "lists": lists}), OLDER: json.dumps(older)}


def open_link(link: str, files: dict[str, str | None]) -> dict[str, Any]:
    return call(web.open_link, {"link": link, "site": SITE, "price_lists": INDEX, "files": files})


def test_an_answer_fills_every_slot_of_the_page(engine: None) -> None:
    reply = call(web.answer, {"form": form.DEFAULT_FORM, "pin": {"issued": "2026-11-20"}})
    assert reply["link"] == "#v=1&pl=test-1&d=2026-11-20&c=b&ws=5&sv=1&inc=1&vis=1&km=0"
    slots = reply["slots"]
    assert {name: text for name, text in slots.items() if name not in ("answer", "inputs", "summary")} == {
        "number": "3C9-DC7",
        "issued": "20.11.2026",
        "valid": "20.12.2026",
        "list": "test-1",
        "effective": "01.11.2026",
        "today": "",
        "notice": "",
        "offer": "",
    }
    assert slots["answer"].startswith(
        '<div class="calc-reco" data-recommended="hourly"><p><strong>Препоръка:</strong> Почасов'
    )
    assert re.findall(r'data-plan="([^"]+)" data-gross="([^"]+)"', slots["answer"]) == list(
        DEFAULT_GROSS.items()
    )
    assert "<dt>Редовна работа на месец</dt><dd>4,5\u00a0ч (по оборудването)</dd>" in slots["inputs"]
    assert reply["errors"] == NO_ERRORS
    assert reply["gross"] == DEFAULT_GROSS
    assert reply["status"] == (
        "Обновено. Препоръка: Почасов е най-изгодният план за вашите нужди: 325,00\u00a0€ на месец без ДДС."
    )


def test_the_advice_line_names_the_plan_its_price_and_links_to_the_prices(engine: None) -> None:
    link = '<a class="calc-summary__link" href="#calc-answer-heading" target="_self" data-calc-jump>'
    go = '<span class="calc-summary__go">Към цените</span></a>'
    plain = call(web.answer, {"form": form.DEFAULT_FORM, "pin": None})
    assert plain["slots"]["summary"] == (
        f'{link}<span class="calc-summary__text">Препоръка: <strong>Почасов</strong>, '
        f"325,00\u00a0€ на месец без ДДС</span>{go}"
    )
    costly = form.DEFAULT_FORM | {"customer": "individual", "downtime_cost": "50", "operating": "24/7"}
    reply = call(web.answer, {"form": costly | {"incident_at": "2026-12-21T10:00"}, "pin": None})
    assert reply["slots"]["summary"] == (
        f'{link}<span class="calc-summary__text">Препоръка: <strong>Абонамент</strong>, '
        f"414,00\u00a0€ на месец с ДДС + престой 100,00\u00a0€</span>{go}"
    )
    # A reaction no plan guarantees: no plan to name.
    unmet = call(web.answer, {"form": form.DEFAULT_FORM | {"reaction_hours": "0.5"}, "pin": None})
    assert unmet["slots"]["summary"] == (
        f'{link}<span class="calc-summary__text">Препоръка: няма план, който да покрива нужната реакция'
        f"</span>{go}"
    )


def test_the_lev_box_adds_the_lev_amount_as_the_form_sends_it(engine: None) -> None:
    plain = call(web.answer, {"form": form.DEFAULT_FORM, "pin": None})
    levs = call(web.answer, {"form": form.DEFAULT_FORM | {"bgn": "on"}, "pin": None})
    assert "лв." not in plain["slots"]["answer"]
    # Почасов: 325.00 EUR x 1.95583 = 635.64 BGN.
    assert "<dt>В лева</dt><dd>635,64\u00a0лв. на месец</dd>" in levs["slots"]["answer"]


def test_a_bad_field_is_named_and_the_answer_on_screen_stays(engine: None) -> None:
    reply = call(
        web.answer, {"form": form.DEFAULT_FORM | {"servers": "5000"}, "pin": {"notices": ["<b>Бележка</b>"]}}
    )
    assert reply == {
        "errors": NO_ERRORS | {"servers": "трябва да е между 0 и 1000"},
        "slots": {"notice": "<p>&lt;b&gt;Бележка&lt;/b&gt;</p>"},
    }


def test_a_link_of_an_older_list_asks_for_its_files_then_shows_it_as_issued_and_today_beside_it(
    site: dict[str, str],
) -> None:
    link = "#v=1&pl=test-1&d=2026-01-10&c=b&ws=5&sv=1&inc=1&vis=1&km=0"
    assert open_link(link, {}) == {"need": INDEX}
    assert open_link(link, {INDEX: site[INDEX]}) == {"need": OLDER}
    reply = open_link(link, site)
    assert reply["pin"] == {
        "price_list": "test-1",
        "issued": "2026-01-10",
        "notices": [OLD_LIST_NOTICE, "Срокът на оценката изтече на 09.02.2026."],
    }
    # The form asks for each of the current list's services: none in this link.
    assert reply["form"] == form.DEFAULT_FORM | {"services.training": ""}
    assert reply["link"] == link
    slots = reply["slots"]
    assert (slots["issued"], slots["valid"], slots["list"], slots["effective"]) == (
        "10.01.2026",
        "09.02.2026",
        "test-1",
        "01.01.2026",
    )
    assert slots["notice"] == f"<p>{OLD_LIST_NOTICE}</p><p>Срокът на оценката изтече на 09.02.2026.</p>"
    # As issued: 250 + 1.5 h x 30 = 295 net, 354 with VAT; today's 414 beside it.
    assert reply["gross"] == DEFAULT_GROSS | {"sub": "354.00"}
    assert 'data-today-plan="sub" data-today-gross="414.00"' in slots["today"]
    assert "data-plan=" not in slots["today"]

    # The list stays known: the lev box keeps the pinned quote without asking again.
    again = call(web.answer, {"form": reply["form"] | {"bgn": "on"}, "pin": reply["pin"]})
    assert again["link"] == link
    assert again["slots"]["notice"] == slots["notice"]
    assert 'data-today-plan="sub"' in again["slots"]["today"]
    # A change of the form is a new quote at today's prices.
    changed = call(web.answer, {"form": reply["form"], "pin": None})
    assert changed["link"].startswith("#v=1&pl=test-2&d=")
    assert (changed["slots"]["today"], changed["slots"]["notice"]) == ("", "")
    assert changed["gross"] == DEFAULT_GROSS


def test_an_answer_builds_each_plans_cost_model_once_per_quote(
    site: dict[str, str], cost_models_built: Counter[tuple[str, str]]
) -> None:
    # The cards, the break-even points and the chart all read the quote's one model a plan.
    call(web.answer, {"form": form.DEFAULT_FORM | {"customer": "individual"}, "pin": None})
    today = {("test-2", "sub"): 1, ("test-2", "hourly"): 1, ("test-2", "job"): 1, ("test-2", "sos"): 1}
    assert cost_models_built == today
    cost_models_built.clear()
    # A quote at an older list shows two quotes, each with its own models.
    open_link("#v=1&pl=test-1&d=2026-01-10&c=b&ws=5&sv=1&inc=1&vis=1&km=0&dc=50", site)
    assert cost_models_built == today | {
        ("test-1", "sub"): 1,
        ("test-1", "hourly"): 1,
        ("test-1", "job"): 1,
        ("test-1", "sos"): 1,
    }


@pytest.mark.parametrize(
    "files",
    [
        {INDEX: None},
        {INDEX: "<html>not found</html>"},
        {INDEX: json.dumps({"current": "test-2", "lists": [{"id": "test-2", "url": "x.json"}]})},
        "list-missing",
        "list-of-another-id",
    ],
    ids=["index-unreachable", "index-not-json", "not-in-index", "list-unreachable", "list-of-another-id"],
)
def test_a_list_the_site_cannot_serve_falls_back_to_todays_prices(site: dict[str, str], files: Any) -> None:
    if files == "list-missing":
        files = {INDEX: site[INDEX], OLDER: None}
    elif files == "list-of-another-id":
        files = {INDEX: site[INDEX], OLDER: json.dumps(small_catalogue_data() | {"price_list": "test-3"})}
    reply = open_link("#v=1&pl=test-1&c=b&ws=5&sv=1&inc=1&vis=1&km=0", files)
    assert reply["pin"] == {
        "price_list": None,
        "issued": None,
        "notices": ["Ценоразпис test-1 от връзката не е намерен, затова показваме днешните цени."],
    }
    assert reply["slots"]["list"] == "test-2"
    assert reply["slots"]["today"] == ""


def test_a_malformed_link_names_each_parameter_in_bulgarian_and_keeps_the_rest(engine: None) -> None:
    reply = open_link("#v=1&pl=test-1&ws=abc&sv=3&zz=1", {})
    assert reply["pin"]["notices"] == [
        "Не успяхме да прочетем всичко от връзката: работни станции (трябва да е число с точка, "
        "например 7.5); параметър (непознат параметър). Останалото е приложено."
    ]
    assert (reply["form"]["workstations"], reply["form"]["servers"]) == ("5", "3")


def test_todays_answer_beside_an_older_one_has_ids_of_its_own(site: dict[str, str]) -> None:
    slots = open_link("#v=1&pl=test-1&d=2026-01-10&c=b", site)["slots"]
    issued, today = slots["answer"], slots["today"]
    ids = re.findall(r'\sid="([^"]+)"', issued + today)
    # Per answer: 4 plan headings, and a heading, title and description for each of the two charts.
    assert len(ids) == len(set(ids)) == 2 * 10 + 1
    assert all(name.startswith("today-") for name in re.findall(r'\sid="([^"]+)"', today))
    # Every reference points into its own answer.
    for html in (issued, today):
        own = set(re.findall(r'\sid="([^"]+)"', html))
        references = {
            name for value in re.findall(r'aria-labelledby="([^"]+)"', html) for name in value.split()
        }
        assert references <= own


def test_each_card_tells_the_expected_wait_and_with_a_cost_what_it_costs(engine: None) -> None:
    # The test catalogue has no official days off: from Monday 21.12.2026, 28 ordinary weeks' days.
    moment = {"incident_at": "2026-12-21T10:00"}
    plain = call(web.answer, {"form": form.DEFAULT_FORM | moment, "pin": None})
    answer = plain["slots"]["answer"]
    lead, own = "<strong>Очаквано чакане до реакция:</strong>", "от работното ви време"
    assert re.findall(r'<p class="plan-card__wait">(.*?)</p>', answer) == [
        f"{lead} 1,81\u00a0ч {own}.",
        f"{lead} 4\u00a0ч {own}.",
        f"{lead} 13,5\u00a0ч {own} <em>(ориентировъчно)</em>.",
        f"{lead} 4,5\u00a0ч {own} <em>(ориентировъчно)</em>.",
    ]
    assert "plan-card__downtime" not in answer
    assert "Въведете колко ви струва час престой" in answer
    assert "Цена на час престой" not in plain["slots"]["inputs"]

    costly = call(
        web.answer,
        {"form": form.DEFAULT_FORM | moment | {"downtime_cost": "50", "operating": "24/7"}, "pin": None},
    )
    answer = costly["slots"]["answer"]
    assert re.findall(r'<p class="plan-card__downtime">(.*?)</p>', answer)[1] == (
        "<strong>Загуба от престой:</strong> 1 инцидент × 21,33\u00a0ч × 50,00\u00a0€ = 1\u00a0066,50\u00a0€ "
        "на месец; заедно с цената на плана: 1\u00a0391,50\u00a0€ на месец без ДДС."
    )
    assert '<div class="calc-reco" data-recommended="sub">' in answer
    assert (
        "<li>Ако час престой ви струва над 1,03\u00a0€, Абонамент излиза по-изгодно от Почасов.</li>"
        in answer
    )
    assert "между 21.12.2026 и 17.01.2027" in answer
    assert costly["link"].endswith("&at=2026-12-21T10:00&dc=50&op=24/7")
    assert (
        "<dt>Цена на час престой</dt><dd>50,00\u00a0€</dd></div>"
        "<div><dt>Кога работите</dt><dd>всеки ден, денонощно</dd>" in costly["slots"]["inputs"]
    )


def test_the_answer_built_into_the_page_has_no_wait_of_its_own(engine: None) -> None:
    # Its moment would be the build's "now": no deadline, no wait, as before the wait was priced.
    built = web.default_answer(catalogues._catalogues["test-1"], date(2026, 11, 30))
    assert "plan-card__wait" not in built["slots"]["answer"]
    assert "calc-wait" not in built["slots"]["answer"]
    assert built["link"] == "#v=1&pl=test-1&d=2026-11-30&c=b&ws=5&sv=1&inc=1&vis=1&km=0"
    assert (built["form"]["downtime_cost"], built["form"]["operating"]) == ("", "business")


def test_a_link_with_a_cost_fills_the_form_and_a_bad_one_is_named(engine: None) -> None:
    opened = call(web.open_link, {"link": "#v=1&pl=test-1&dc=80&op=24/7"})
    assert (opened["form"]["downtime_cost"], opened["form"]["operating"]) == ("80", "24/7")
    bad = call(web.open_link, {"link": "#v=1&pl=test-1&ws=7&dc=abc&op=x"})
    assert bad["form"]["workstations"] == "7"
    assert bad["pin"]["notices"] == [
        "Не успяхме да прочетем всичко от връзката: цена на час престой (трябва да е число с точка, "
        "например 7.5); кога работите (трябва да е b (в работно време) или 24/7 (денонощно)). "
        "Останалото е приложено."
    ]


def test_a_link_is_read_once_and_each_of_its_values_checked_once(
    engine: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[tuple[str, object]] = []
    check = Field.check

    def counting(self: Field, value: object) -> object:
        checked.append((self.name, value))
        return check(self, value)

    monkeypatch.setattr(Field, "check", counting)
    reply = call(web.open_link, {"link": "#v=1&pl=test-1&c=i&ws=12&dc=40", "site": SITE})
    assert reply["form"]["workstations"] == "12"
    # The decoder's profile is quoted as it is: no round trip through the form's text.
    assert [value for name, value in checked if name == "workstations"] == ["12"]
    assert [value for name, value in checked if name == "downtime_cost"] == ["40"]


def test_a_day_of_issue_still_to_come_is_refused_and_today_used(site: dict[str, str]) -> None:
    # A link may say anything: a quote "issued" in 2099 would print as valid until then.
    link = "#v=1&pl=test-2&d=2099-12-01&c=b&ws=5&sv=1&inc=1&vis=1&km=0"
    reply = open_link(link, site)
    today = datetime.now(SOFIA).date()
    assert reply["pin"] == {
        "price_list": None,
        "issued": None,
        "notices": ["Датата във връзката (01.12.2099) е след днешната, затова оценката е с днешна дата."],
    }
    assert reply["slots"]["issued"] == today.strftime("%d.%m.%Y")
    assert reply["link"] == link.replace("2099-12-01", today.isoformat())
