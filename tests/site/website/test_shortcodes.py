"""The shortcodes that list the plans and the company's details, made from the catalogue and extra.company."""

from pathlib import Path

import pytest
from samples import with_package

from backoffice.website import shortcodes
from backoffice.website.shortcodes import ShortcodeError, expand, price_line
from calculator import Catalogue

COMPANY = {
    "name": "Фирма ООД",
    "brand": "Фирма",
    "eik": "206813475",
    "vat": None,
    "address": "ул. „Първа“ 1, 4000 Пловдив",
    "phone": "+359 32 000 000",
    "phone_link": "tel:+35932000000",
    "email": "a@example.org",
}


def test_each_kind_of_plan_has_its_price_line(small_catalogue: Catalogue):
    lines = {plan.id: price_line(plan) for plan in small_catalogue.plans}
    assert lines == {
        "sub": "**300,00\u00a0€** на месец, с 5\u00a0ч включена работа; всеки следващ час 30,00\u00a0€",
        "hourly": "Без месечна такса: **50,00\u00a0€** на отработен час",
        "job": "Без абонамент: **60,00\u00a0€** на час, поне 2\u00a0ч на посещение",
        "sos": "Договорена сума за инцидента, **от 200,00\u00a0€**, до решаването му",
    }


def test_the_cards_give_each_plan_its_terms_and_both_actions_with_links_from_the_page(
    small_catalogue: Catalogue,
):
    cards = expand("<!-- md:plan-cards -->", small_catalogue, {}, page="index.md")
    assert cards.startswith(
        '<div class="grid cards plan-cards" markdown>\n\n-   ### [Абонамент](plans/sub.md)\n'
    )
    first = cards[: cards.index("-   ### [Почасов]")]
    assert first.splitlines()[4:] == [
        "    **300,00\u00a0€** на месец, с 5\u00a0ч включена работа; всеки следващ час 30,00\u00a0€",
        "",
        "    **Реакция:** до 2\u00a0ч, денонощно, включително в почивни и празнични дни",
        "",
        "    С приоритетно обслужване",
        "",
        "    [Изчислете за вас](kalkulator.md){ .md-button .md-button--primary }"
        " [Поискайте оферта](kontakti/index.md#zaqvka){ .md-button }",
        "",
    ]
    assert [line for line in cards.splitlines() if line.startswith("-   ### ")] == [
        "-   ### [Абонамент](plans/sub.md)",
        "-   ### [Почасов](plans/hourly.md)",
        "-   ### [На работа](plans/job.md)",
        "-   ### [Аварийна](plans/sos.md)",
    ]
    assert cards.count("    Без приоритет: при първа възможност") == 2
    assert cards.endswith(
        "</div>\n\nЦените са в евро, без ДДС (20 %). За частни лица калкулаторът показва и цената с ДДС.\n"
    )


def test_links_are_relative_to_the_page_that_holds_the_shortcode(small_catalogue: Catalogue):
    cards = expand("<!-- md:plan-cards -->", small_catalogue, {}, page="plans/index.md")
    assert "-   ### [Абонамент](sub.md)" in cards
    assert "[Изчислете за вас](../kalkulator.md)" in cards
    assert "[Поискайте оферта](../kontakti/index.md#zaqvka)" in cards


def test_the_reactions_list_every_plan_in_order_as_the_calculator_says_them(small_catalogue: Catalogue):
    assert expand("<!-- md:plan-reactions -->", small_catalogue, {}, page="vaprosi.md").splitlines() == [
        "- [Абонамент](plans/sub.md): до 2\u00a0ч, денонощно, включително в почивни и празнични дни;",
        "- [Почасов](plans/hourly.md): до 4\u00a0ч работно време (пон.–пет. 09:00–18:00, без празници);",
        "- [На работа](plans/job.md): без гаранция; обикновено в рамките на 1–2 работни дни"
        " (ориентировъчно);",
        "- [Аварийна](plans/sos.md): без гаранция; обикновено в същия или до края на следващия работен ден"
        " (ориентировъчно).",
    ]


def test_the_company_details_come_from_extra_company(small_catalogue: Catalogue):
    def company(field: str) -> str:
        return expand(f"<!-- md:company {field} -->", small_catalogue, {}, company=COMPANY)

    assert company("eik") == "206813475"
    assert company("vat") == "фирмата не е регистрирана по ЗДДС"
    assert company("phone") == "[+359 32 000 000](tel:+35932000000)"
    assert company("email") == "[a@example.org](mailto:a@example.org)"
    assert company("hours") == "понеделник – петък, 09:00 – 18:00 ч., без официалните празници"


@pytest.mark.parametrize(
    ("markdown", "context", "message"),
    [
        (
            "<!-- md:company fax -->",
            {"company": COMPANY},
            "md:company иска едно поле, напр. `<!-- md:company eik -->` "
            "(познати: name, brand, eik, vat, address, phone, email, hours)",
        ),
        (
            "<!-- md:company eik -->",
            {},
            "md:company: липсват данните на фирмата (`extra.company` в mkdocs.yml)",
        ),
        (
            "<!-- md:offline-size -->",
            {},
            "md:offline-size: размерът на копието на калкулатора не е известен при сборката",
        ),
        # The example names the catalogue's first plan, whatever the company calls its plans.
        (
            "<!-- md:plan monthly_fee -->",
            {},
            "md:plan иска план и поле, напр. `<!-- md:plan sub name -->`",
        ),
    ],
)
def test_a_shortcode_without_its_data_stops_the_build(
    small_catalogue: Catalogue, markdown: str, context: dict, message: str
):
    with pytest.raises(ShortcodeError) as info:
        expand(markdown, small_catalogue, {}, **context)
    assert str(info.value) == message


def test_the_sizes_are_whole_megabytes_rounded_up(small_catalogue: Catalogue):
    assert expand("<!-- md:offline-size -->", small_catalogue, {}, offline_bytes=4_000_001) == "до 5 MB"
    assert expand("<!-- md:offline-size -->", small_catalogue, {}, offline_bytes=4_000_000) == "до 4 MB"
    assert (
        expand("<!-- md:warm-start-size -->", small_catalogue, {}) == f"до {shortcodes.WARM_START_MAX_MB} MB"
    )
    assert expand("<!-- md:offer-validity -->", small_catalogue, {}) == "30 дни"
    assert expand("<!-- md:offer-longest -->", small_catalogue, {}) == "90 дни"
    assert expand("<!-- md:vat-percent -->", small_catalogue, {}) == "20 %"


def test_the_editors_guide_lists_the_link_parameters_of_the_field_table() -> None:
    guide = (Path(__file__).resolve().parents[3] / "docs" / "REDAKTORI.md").read_text(encoding="utf-8")
    table = shortcodes.link_params()
    assert table in guide
    assert table.splitlines()[2] == "| `c` | вид клиент | `b` фирма, `i` физическо лице |"
    assert "| `rt` | нужна реакция (ч) | от 0.01 до 720, до 2 знака след точката; може да липсва |" in table
    assert table.splitlines()[-1] == (
        "| `dp` | доставка | `описание*количество` с `~` между редовете, описанието кодирано "
        "(%XX по UTF-8); до 10 реда, до 120 знака, количество от 1 до 1000; може да липсва |"
    )
    assert len(table.splitlines()) == 2 + 13


PACKAGED = Catalogue.from_dict(with_package())


def test_a_package_is_a_fee_for_its_hours_with_nothing_on_top():
    assert price_line(PACKAGED.plan("pack")) == (
        "**250,00\u00a0€** на месец за 8\u00a0ч работа, без доплащане на час"
    )
    terms = expand("<!-- md:plan-terms -->", PACKAGED, {"plan": {"id": "pack"}}, page="plans/pack.md")
    assert terms.splitlines()[:7] == [
        "| Условие | Стойност |",
        "|---|---|",
        "| Месечна такса | 250,00\u00a0€ |",
        "| Включени часове | 8\u00a0ч |",
        "| Работа | включена в таксата, без доплащане на час |",
        "| Реакция | до 4\u00a0ч работно време (пон.–пет. 09:00–18:00, без празници) |",
        "| Приоритетно обслужване | да |",
    ]
    table = expand("<!-- md:plan-comparison -->", PACKAGED, {}, page="plans/index.md").splitlines()
    assert table[-3] == (
        "| [Пакет](pack.md) | 250,00\u00a0€ | 8\u00a0ч "
        "| включена в таксата, без доплащане на час "
        "| до 4\u00a0ч работно време (пон.–пет. 09:00–18:00, без празници) | да |"
    )


def test_a_package_has_no_hourly_rate_to_name():
    assert expand("<!-- md:plan pack monthly_fee -->", PACKAGED, {}) == "250,00\u00a0€"
    assert expand("<!-- md:plan pack included_hours -->", PACKAGED, {}) == "8\u00a0ч"
    with pytest.raises(ShortcodeError) as info:
        expand("<!-- md:plan pack hourly_rate -->", PACKAGED, {})
    assert str(info.value) == "md:plan: планът `pack` е пакет и няма цена на час (hourly_rate)"
