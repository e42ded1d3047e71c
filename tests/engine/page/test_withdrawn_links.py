"""Links of a withdrawn price list: a quote opens at today's prices saying so, an offer is refused.

The site's index of price lists names the withdrawn ones (``"withdrawn"``);
the offer is the engine tests' signed sample (tests/engine/samples.py), so
this runs in Pyodide too.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from samples import OFFER_KEY, OFFER_SIGNATURE, OFFER_UNSIGNED, small_catalogue_data

from calculator.clock import SOFIA
from calculator.page import catalogues, offer_web, web
from calculator.page.offer_web import Refused

SITE = "https://example.bg/"
INDEX = SITE + "assets/price-lists/index.json"
TODAY = {"id": "2027-01", "effective": "2026-11-01", "url": "assets/price-lists/2027-01.json"}
#: The site's index: today's list 2027-01, the list 2026-12 withdrawn.
WITHDRAWN_INDEX = json.dumps({"current": "2027-01", "lists": [TODAY], "withdrawn": ["2026-12"]})
OFFERS = json.dumps({"company": "ТехОпора ЕООД", "keys": {"k1": OFFER_KEY}})
#: Offer № 2026-0042, issued 03.12.2026 under the list 2026-12 (tests/engine/samples.py).
OFFER_LINK = OFFER_UNSIGNED + "&s=" + OFFER_SIGNATURE
QUOTE_LINK = "#v=1&pl=2026-12&c=b&ws=10&sv=1&inc=1&vis=1&km=0"
# 10 workstations and 1 server (7 h) and 1 incident (2 h), at today's list (the small catalogue):
# 300 + 4 h x 30 = 420 net; 9 h x 50 = 450; 9 h x 60 = 540; 200 + 7 h x 55 = 585; VAT 20 %.
TODAYS_GROSS = {"sub": "504.00", "hourly": "540.00", "job": "648.00", "sos": "702.00"}
WITHDRAWN_NOTICE = "Ценоразпис 2026-12 от връзката е оттеглен, затова показваме днешните цени."
REFUSED_NOTICE = (
    "Офертата не може да бъде потвърдена: ценоразпис 2026-12 на офертата е оттеглен. Затова не показваме "
    "нито клиента, нито договорените условия; по-долу е обикновена ориентировъчна оценка за същите данни. "
    "Поискайте от търговеца си нова връзка."
)


class _Frozen(datetime):
    """10.12.2026, noon in Sofia: the offer within its validity, whatever day the tests run."""

    @classmethod
    def now(cls, tz: Any = None) -> _Frozen:
        return cls(2026, 12, 10, 12, 0, tzinfo=SOFIA)


@pytest.fixture(autouse=True)
def engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Today's list 2027-01 (the small catalogue), and no other held; the day fixed."""
    monkeypatch.setattr(catalogues, "_catalogues", {})
    monkeypatch.setattr(catalogues, "_current", [])
    monkeypatch.setattr(web, "datetime", _Frozen)
    monkeypatch.setattr(offer_web, "datetime", _Frozen)
    web.load_catalogue(json.dumps(small_catalogue_data() | {"price_list": "2027-01"}))


def request(link: str, files: dict[str, str | None]) -> dict[str, Any]:
    return {"link": link, "site": SITE, "price_lists": INDEX, "files": files, "offers": OFFERS}


def open_link(link: str, files: dict[str, str | None]) -> dict[str, Any]:
    return dict(json.loads(web.open_link(json.dumps(request(link, files)))))


def test_a_link_of_a_withdrawn_list_opens_at_todays_prices_saying_so() -> None:
    # The index is fetched only for a list other than today's, as for any older list.
    assert open_link(QUOTE_LINK, {}) == {"need": INDEX}
    reply = open_link(QUOTE_LINK, {INDEX: WITHDRAWN_INDEX})
    assert reply["pin"] == {"price_list": None, "issued": None, "notices": [WITHDRAWN_NOTICE]}
    assert reply["slots"]["notice"] == f"<p>{WITHDRAWN_NOTICE}</p>"
    # Today's list and prices, for the link's own profile; nothing beside them.
    assert (reply["slots"]["list"], reply["slots"]["effective"], reply["slots"]["today"]) == (
        "2027-01",
        "01.11.2026",
        "",
    )
    assert reply["gross"] == TODAYS_GROSS
    assert (reply["form"]["workstations"], reply["form"]["servers"]) == ("10", "1")
    assert reply["link"] == "#v=1&pl=2027-01&d=2026-12-10&c=b&ws=10&sv=1&inc=1&vis=1&km=0"


def test_a_withdrawn_list_is_never_fetched_even_if_the_index_still_lists_it() -> None:
    listed = {"id": "2026-12", "effective": "2026-12-01", "url": "assets/price-lists/2026-12.json"}
    index = json.dumps({"current": "2027-01", "lists": [TODAY, listed], "withdrawn": ["2026-12"]})
    assert open_link(QUOTE_LINK, {INDEX: index})["pin"]["notices"] == [WITHDRAWN_NOTICE]


def test_a_list_the_index_neither_has_nor_withdrew_is_only_not_found() -> None:
    for index in [
        {"current": "2027-01", "lists": [TODAY]},
        {"current": "2027-01", "lists": [TODAY], "withdrawn": 5},
    ]:
        reply = open_link(QUOTE_LINK, {INDEX: json.dumps(index)})
        assert reply["pin"]["notices"] == [
            "Ценоразпис 2026-12 от връзката не е намерен, затова показваме днешните цени."
        ]


def test_an_offer_of_a_withdrawn_list_is_refused_with_the_reason() -> None:
    assert offer_web.open_offer(OFFER_LINK, request(OFFER_LINK, {})) == {"need": INDEX}
    assert offer_web.open_offer(OFFER_LINK, request(OFFER_LINK, {INDEX: WITHDRAWN_INDEX})) == Refused(
        "ценоразпис 2026-12 на офертата е оттеглен"
    )


def test_the_page_opens_such_an_offer_as_an_ordinary_estimate_at_todays_prices() -> None:
    assert open_link(OFFER_LINK, {}) == {"need": INDEX}
    reply = open_link(OFFER_LINK, {INDEX: WITHDRAWN_INDEX})
    assert reply["pin"] == {
        "price_list": None,
        "issued": "2026-12-03",
        "notices": [REFUSED_NOTICE, WITHDRAWN_NOTICE],
    }
    assert reply["slots"]["notice"] == f"<p>{REFUSED_NOTICE}</p><p>{WITHDRAWN_NOTICE}</p>"
    assert reply["gross"] == TODAYS_GROSS
    # Nothing of the offer: no customer, no agreed terms, a form anyone may change.
    assert reply["slots"]["offer"] == ""
    assert "ТехКлиент" not in json.dumps(reply, ensure_ascii=False)
    assert "locked" not in reply and "accept" not in reply
    assert reply["link"] == "#v=1&pl=2027-01&d=2026-12-03&c=b&ws=10&sv=1&inc=1&vis=1&km=0"
