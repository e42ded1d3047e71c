"""The hostile-link corpus in CPython: the decoder refuses each link with a QuoteLinkError naming it."""

import importlib.util
import json
import unicodedata
from collections import Counter
from contextlib import redirect_stdout
from io import StringIO

import pytest
from hostile_links import CATEGORIES, CORPUS, LINK_PARAMS, UNKNOWN, UNPUBLISHED, WHOLE, Hostile, read_corpus
from samples import small_catalogue_data

from calculator import QuoteLinkError, decode_link, decode_link_lenient
from calculator.page import catalogues, web
from calculator.page.form import DEFAULT_FORM
from calculator.page.links import PARAM_NAMES
from calculator.page.markup import escape

ENTRIES = read_corpus()


def expected_params(entry: Hostile, params: list[str]) -> bool:
    """Whether the reported parameters include what the entry expects."""
    if entry.expect == UNKNOWN:
        return any(param and param not in LINK_PARAMS for param in params)
    if entry.expect == WHOLE:
        return "" in params
    return entry.expect in params


def test_the_corpus_is_large_unique_and_covers_every_category() -> None:
    fragments = [entry.fragment for entry in ENTRIES]
    assert len(set(fragments)) == len(fragments) == 417
    counts = Counter(entry.category for entry in ENTRIES)
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 8
    assert {entry.expect for entry in ENTRIES} <= {*LINK_PARAMS, UNKNOWN, WHOLE, UNPUBLISHED}
    # Injection reaches every parameter of the link.
    for category in ("script", "html", "url", "duplicate"):
        assert {entry.expect for entry in ENTRIES if entry.category == category} >= set(LINK_PARAMS)


def test_the_corpus_file_is_readable_text() -> None:
    for entry in ENTRIES:
        # Invisible characters are percent-encoded, so a reviewer sees every one.
        assert not [char for char in entry.fragment if unicodedata.category(char)[0] in "CZ" and char != " "]
        assert " " not in entry.fragment


def test_the_corpus_is_the_generators_output() -> None:
    script = CORPUS.parent / "make_hostile_links.py"
    spec = importlib.util.spec_from_file_location("make_hostile_links", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = StringIO()
    with redirect_stdout(out):
        print(module.HEADER, end="")
        for row in module.entries():
            print("\t".join(row))
    assert out.getvalue() == CORPUS.read_text(encoding="utf-8")


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.id for entry in ENTRIES])
def test_the_decoder_refuses_each_hostile_link_and_names_the_problem(entry: Hostile) -> None:
    link = "#" + entry.fragment
    if entry.expect == UNPUBLISHED:
        # Well formed: the page, not the decoder, says the price list is not published.
        assert decode_link(link).price_list not in (None, "2026-12")
        assert decode_link_lenient(link)[1] == []
        return
    with pytest.raises(QuoteLinkError) as caught:
        decode_link(link)
    assert caught.value.reason
    decoded, errors = decode_link_lenient(link)
    assert errors and all(type(error) is QuoteLinkError for error in errors)
    assert expected_params(entry, [error.param for error in errors]), errors
    # The lenient decoder keeps the rest of the link.
    if entry.category in ("script", "html", "url") and entry.expect in LINK_PARAMS[2:]:
        assert decoded.price_list == "2026-12"
    # Nothing the visitor wrote comes back longer than a short excerpt.
    assert all(len(error.param) <= 20 and len(error.reason) < 120 for error in errors)


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's engine with the test catalogue as today's price list, published as 2026-12."""
    monkeypatch.setattr(catalogues, "_catalogues", {})
    monkeypatch.setattr(catalogues, "_current", [])
    web.load_catalogue(json.dumps(small_catalogue_data() | {"price_list": "2026-12"}))


# The site publishes no older list: the index holds only today's.
INDEX = "https://example.bg/assets/price-lists/index.json"
OPEN = {
    "site": "https://example.bg/",
    "price_lists": INDEX,
    "files": {INDEX: json.dumps({"current": "2026-12", "lists": [{"id": "2026-12"}]})},
}


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.id for entry in ENTRIES])
def test_the_pages_call_names_the_problems_in_words_and_answers_the_rest(
    engine: None, entry: Hostile
) -> None:
    opened = json.loads(web.open_link(json.dumps(OPEN | {"link": "#" + entry.fragment})))
    assert set(opened["form"]) == {
        "customer",
        "workstations",
        "servers",
        "incidents",
        "regular_hours",
        "visits",
        "distance_km",
        "reaction_hours",
        "downtime_cost",
        "operating",
        "incident_at",
        # The one-off part: a count of each of the price list's services, and ten rows.
        "services.training",
        *(f"procurement.{row}.{part}" for row in range(1, 11) for part in ("text", "quantity")),
    }
    # What the link could not give keeps its default, and the page gets an answer.
    assert opened["link"].startswith("#v=1&pl=2026-12&d=")
    assert '<article class="plan-card' in opened["slots"]["answer"]
    notice = opened["slots"]["notice"]
    assert notice == "".join(f"<p>{escape(text)}</p>" for text in opened["pin"]["notices"])
    if entry.expect == UNPUBLISHED:
        price_list = entry.fragment.split("pl=")[1].split("&")[0]
        assert notice.startswith(
            f"<p>Ценоразпис {price_list} от връзката не е намерен, затова показваме днешните цени.</p>"
        )
    else:
        assert notice.startswith("<p>Не успяхме да прочетем всичко от връзката: ")
        name = (
            "параметър"
            if entry.expect == UNKNOWN
            else PARAM_NAMES["" if entry.expect == WHOLE else entry.expect]
        )
        assert f"{name} (" in notice
    # Whatever the visitor wrote reaches the page as text only.
    assert "<script" not in notice and "<img" not in notice and "<svg" not in notice


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:30", "0001-01-01T00:30%2B02:00", "9999-12-31T23:59Z", "9999-12-31T23:30-02:00"]
)
def test_a_moment_at_the_ends_of_the_datetime_range_is_an_error_of_that_parameter(moment: str) -> None:
    # It used to escape as OverflowError: the strict decoder blamed the whole
    # link and the lenient one dropped every other value with it.
    with pytest.raises(QuoteLinkError) as caught:
        decode_link(f"#v=1&pl=2026-12&ws=3&at={moment}")
    assert (caught.value.param, caught.value.reason) == (
        "at",
        "няма такъв момент (дата, час или смяна на часовото време)",
    )
    decoded, errors = decode_link_lenient(f"#v=1&pl=2026-12&ws=3&at={moment}")
    assert decoded.price_list == "2026-12"
    assert (decoded.profile.workstations, decoded.profile.incident_at) == (3, None)
    assert [error.param for error in errors] == ["at"]


@pytest.mark.parametrize("moment", ["0001-01-01T00:30", "0001-01-01T01:30"])
def test_the_forms_moment_at_the_start_of_the_datetime_range_is_a_field_error(
    engine: None, moment: str
) -> None:
    form = {**DEFAULT_FORM, "incident_at": moment}
    reply = json.loads(web.answer(json.dumps({"form": form})))
    wrong = "няма такъв момент (дата, час или смяна на часовото време)"
    # The field's message, no other, and no answer: the last one stays on screen.
    assert {field: message for field, message in reply["errors"].items() if message} == {"incident_at": wrong}
    assert reply["slots"] == {"notice": ""}
    assert "link" not in reply


def test_a_name_without_a_value_costs_only_that_name() -> None:
    # A link cut after "&d" used to lose every value, the version and the
    # price list included, and the page said they were missing.
    decoded, errors = decode_link_lenient("#v=1&pl=2026-12&ws=7&d")
    assert (decoded.price_list, decoded.profile.workstations) == ("2026-12", 7)
    assert [(error.param, error.reason) for error in errors] == [
        ("d", "липсва стойност (очаква се име=стойност)")
    ]
