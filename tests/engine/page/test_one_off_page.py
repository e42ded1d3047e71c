"""The one-off part on the page: the form, the answer's section, the cards' first month, the request."""

import json
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest
from samples import small_catalogue_data

from calculator import Catalogue, Profile, ProfileError, quote
from calculator.catalogue import Service
from calculator.clock import SOFIA
from calculator.page import catalogues, web
from calculator.page.answer_html import answer_html
from calculator.page.form import DEFAULT_FORM, form_profile, form_values
from calculator.page.one_off_html import one_off_html, one_off_words

MONDAY_10AM = datetime(2026, 11, 16, 10, 0, tzinfo=SOFIA)
SERVICES = (
    Service("training", "Обучение", Decimal(100), "занятие"),
    Service("integration", "Интеграция", None, "задача"),
)
PROFILE = Profile(
    incident_at=MONDAY_10AM,
    services={"training": 2, "integration": 1},
    procurement=[("Тонер <HP>", 4)],
)


def test_the_section_lists_each_line_and_the_total_the_customer_compares_first(
    small_catalogue: Catalogue,
) -> None:
    catalogue = replace(small_catalogue, services=SERVICES)
    html = one_off_html(quote(catalogue, PROFILE))
    assert html == (
        '<section class="calc-one-off" aria-labelledby="calc-one-off-heading">'
        '<h3 id="calc-one-off-heading">Еднократно: допълнителни услуги и доставки</h3>'
        "<p>Плащат се веднъж, отделно от месечната цена, при който и да е план.</p>"
        '<div class="calc-one-off__scroll"><table class="calc-one-off__table">'
        '<thead><tr><th scope="col">Услуга или доставка</th><th scope="col">Количество</th>'
        '<th scope="col">Сума без ДДС</th></tr></thead><tbody>'
        '<tr><th scope="row">Обучение<span class="calc-one-off__unit">100,00\xa0€ / занятие</span></th>'
        "<td>2</td><td>200,00\xa0€</td></tr>"
        '<tr><th scope="row">Интеграция</th><td>1</td>'
        '<td class="calc-one-off__request">по запитване</td></tr>'
        '<tr><th scope="row">Тонер &lt;HP&gt;</th><td>4\xa0бр.</td>'
        '<td class="calc-one-off__request">по запитване</td></tr>'
        "</tbody></table></div>"
        '<dl class="calc-one-off__sums"><div><dt>Без ДДС</dt><dd>200,00\xa0€</dd></div>'
        "<div><dt>ДДС 20\xa0%</dt><dd>40,00\xa0€</dd></div>"
        "<div><dt>С ДДС</dt><dd>240,00\xa0€</dd></div></dl>"
        "<p>Позициите „по запитване“ ще остойностим в офертата си; те не са в сумата.</p></section>"
    )


def test_an_individual_sees_the_total_with_vat_first_and_in_leva(small_catalogue: Catalogue) -> None:
    profile = replace(PROFILE, customer="individual", procurement=())
    html = one_off_html(quote(small_catalogue, profile), bgn_rate=Decimal("1.95583"))
    assert (
        '<dl class="calc-one-off__sums"><div><dt>С ДДС</dt><dd>240,00\xa0€</dd></div>'
        "<div><dt>ДДС 20\xa0%</dt><dd>40,00\xa0€</dd></div>"
        "<div><dt>Без ДДС</dt><dd>200,00\xa0€</dd></div>"
        "<div><dt>В лева</dt><dd>469,40\xa0лв. с ДДС</dd></div></dl>"
    ) in html
    # A service this list does not have is on request, named by its id.
    assert '<tr><th scope="row">integration</th><td>1</td><td class="calc-one-off__request">' in html


def test_no_one_off_lines_no_section_and_no_first_month(small_catalogue: Catalogue) -> None:
    result = quote(small_catalogue, Profile(incident_at=MONDAY_10AM))
    assert one_off_html(result) == ""
    assert "Първи месец" not in answer_html(small_catalogue, result)
    assert one_off_words(result.one_off) == ""


def test_each_card_adds_the_one_off_total_to_its_first_month(small_catalogue: Catalogue) -> None:
    catalogue = replace(small_catalogue, services=SERVICES)
    html = answer_html(catalogue, quote(catalogue, PROFILE))
    # Subscription 345.00 a month + 200.00 once; the emergency plan's price is "from".
    assert "<div><dt>Първи месец с еднократните</dt><dd>545,00\xa0€ без ДДС + по запитване</dd></div>" in html
    assert "<dd>от 647,50\xa0€ без ДДС + по запитване</dd>" in html
    assert html.count("Първи месец с еднократните") == 4
    assert html.index('<div class="plan-cards">') < html.index('<section class="calc-one-off"')


def test_the_request_gets_the_lines_in_words(small_catalogue: Catalogue) -> None:
    catalogue = replace(small_catalogue, services=SERVICES)
    assert one_off_words(quote(catalogue, PROFILE).one_off) == (
        "Обучение: 2 × 100,00 € / занятие = 200,00 € без ДДС\n"
        "Интеграция: 1 - по запитване\n"
        "Тонер <HP>: 4 бр. - по запитване\n"
        "Общо еднократно: 200,00 € без ДДС, 240,00 € с ДДС"
    )


def test_the_form_reads_the_filled_rows_and_names_a_bad_one_by_its_row() -> None:
    form = DEFAULT_FORM | {
        "services.training": " 2 ",
        "services.integration": "",
        "procurement.1.text": "Тонер",
        "procurement.3.text": " Лаптоп ",
        "procurement.3.quantity": "2",
    }
    profile = form_profile(form)
    # A description without a quantity is one piece; an empty row is no line.
    assert (profile.services, profile.procurement) == ((("training", 2),), (("Тонер", 1), ("Лаптоп", 2)))
    values = form_values(profile, ["training", "integration"])
    assert {key: value for key, value in values.items() if "." in key and value} == {
        "services.training": "2",
        "procurement.1.text": "Тонер",
        "procurement.1.quantity": "1",
        "procurement.2.text": "Лаптоп",
        "procurement.2.quantity": "2",
    }
    assert (values["services.integration"], values["procurement.10.text"]) == ("", "")
    with pytest.raises(ProfileError) as caught:
        form_profile(form | {"procurement.5.quantity": "3"})
    assert (caught.value.field, caught.value.reason) == ("procurement", "ред 5: липсва описание")
    with pytest.raises(ProfileError) as caught:
        form_profile(form | {"services.training": "-1"}, {"training": "Обучение"})
    assert caught.value.reason == "Обучение: броят трябва да е цяло число от 0 до 100"


def test_the_pages_answer_carries_the_one_off_lines_to_the_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogues, "_catalogues", {})
    monkeypatch.setattr(catalogues, "_current", [])
    web.load_catalogue(json.dumps(small_catalogue_data()))
    form = DEFAULT_FORM | {
        "services.training": "2",
        "procurement.1.text": "Рутер",
        "procurement.1.quantity": "1",
    }
    reply = json.loads(web.answer(json.dumps({"form": form, "pin": None})))
    assert reply["request"] == (
        "Обучение: 2 × 100,00 € / занятие = 200,00 € без ДДС\n"
        "Рутер: 1 бр. - по запитване\n"
        "Общо еднократно: 200,00 € без ДДС, 240,00 € с ДДС"
    )
    assert reply["link"].endswith("&us=training*2&dp=%D0%A0%D1%83%D1%82%D0%B5%D1%80*1")
    bad = json.loads(web.answer(json.dumps({"form": form | {"services.training": "1,5"}, "pin": None})))
    assert bad["errors"]["services"] == "Обучение: броят трябва да е цяло число от 0 до 100"
