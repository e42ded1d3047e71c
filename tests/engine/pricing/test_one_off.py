"""The one-off part of a quote: services priced exactly, the rest on request, the same for every plan."""

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from calculator import Catalogue, Profile
from calculator.catalogue import Service
from calculator.clock import SOFIA
from calculator.pricing.one_off import one_off
from calculator.pricing.quote import quote

MONDAY_10AM = datetime(2026, 11, 16, 10, 0, tzinfo=SOFIA)
WITH_INTEGRATION = (
    Service("training", "Обучение", Decimal(100), "занятие"),
    Service("integration", "Интеграция", None, "задача"),
    Service("audit", "Преглед", Decimal("33.335"), "преглед"),
)


def test_two_training_sessions_are_priced_exactly_for_a_business(small_catalogue: Catalogue) -> None:
    part = one_off(small_catalogue, Profile(services={"training": 2}))
    assert part.to_dict() == {
        "lines": [
            {
                "id": "training",
                "name": "Обучение",
                "quantity": 2,
                "unit_net": "100.00",
                "net": "200.00",
                "on_request": False,
            }
        ],
        "net": "200.00",
        "vat": "40.00",
        "gross": "240.00",
    }
    assert (part.priced, part.on_request) == (True, False)


def test_an_individual_compares_the_one_off_total_with_vat(small_catalogue: Catalogue) -> None:
    profile = Profile(customer="individual", services={"training": 3}, incident_at=MONDAY_10AM)
    result = quote(small_catalogue, profile)
    assert (result.one_off.net, result.one_off.vat, result.one_off.gross) == (
        Decimal("300.00"),
        Decimal("60.00"),
        Decimal("360.00"),
    )
    assert result.basis.amount(result.one_off) == Decimal("360.00")


def test_procurement_and_a_service_on_request_are_listed_and_never_priced(small_catalogue: Catalogue) -> None:
    catalogue = replace(small_catalogue, services=WITH_INTEGRATION)
    profile = Profile(
        services={"integration": 1, "training": 2},
        procurement=[("Тонер HP 85A", 4), ("Лаптоп", 2)],
    )
    part = one_off(catalogue, profile)
    # The catalogue's order of services, then procurement in the prospect's order.
    assert [(line.id, line.name, line.quantity, line.unit_net, line.net) for line in part.lines] == [
        ("training", "Обучение", 2, Decimal("100.00"), Decimal("200.00")),
        ("integration", "Интеграция", 1, None, None),
        ("dostavka-1", "Тонер HP 85A", 4, None, None),
        ("dostavka-2", "Лаптоп", 2, None, None),
    ]
    # The totals count the priced lines only.
    assert (str(part.net), str(part.vat), str(part.gross)) == ("200.00", "40.00", "240.00")
    assert (part.priced, part.on_request) == (True, True)


def test_only_lines_on_request_have_no_total(small_catalogue: Catalogue) -> None:
    part = one_off(small_catalogue, Profile(procurement=[("Рутер", 1)]))
    assert part.to_dict() == {
        "lines": [
            {
                "id": "dostavka-1",
                "name": "Рутер",
                "quantity": 1,
                "unit_net": None,
                "net": None,
                "on_request": True,
            }
        ],
        "net": "0.00",
        "vat": "0.00",
        "gross": "0.00",
    }
    assert (part.priced, part.on_request) == (False, True)


def test_a_line_is_rounded_half_up_and_the_vat_is_taken_once_on_the_total(small_catalogue: Catalogue) -> None:
    catalogue = replace(small_catalogue, services=WITH_INTEGRATION)
    # 33.335 is 33.34 a piece; 3 x 33.34 = 100.02; VAT 20.004 -> 20.00.
    part = one_off(catalogue, Profile(services={"audit": 3}))
    assert [(line.unit_net, line.net) for line in part.lines] == [(Decimal("33.34"), Decimal("100.02"))]
    assert (part.net, part.vat, part.gross) == (Decimal("100.02"), Decimal("20.00"), Decimal("120.02"))


def test_a_service_the_price_list_does_not_have_is_on_request_by_its_id(small_catalogue: Catalogue) -> None:
    part = one_off(small_catalogue, Profile(services={"gone": 2, "training": 1}))
    assert [(line.id, line.name, line.net) for line in part.lines] == [
        ("training", "Обучение", Decimal("100.00")),
        ("gone", "gone", None),
    ]


def test_the_one_off_part_changes_no_plans_price_and_no_recommendation(small_catalogue: Catalogue) -> None:
    plain = quote(small_catalogue, Profile(incident_at=MONDAY_10AM))
    extra = quote(
        small_catalogue,
        Profile(incident_at=MONDAY_10AM, services={"training": 5}, procurement=[("Сървър", 1)]),
    )
    assert [item.price.net for item in extra.plans] == [item.price.net for item in plain.plans]
    assert (extra.recommended, extra.recommendation) == (plain.recommended, plain.recommendation)
    assert "one_off" not in plain.to_dict()
    assert extra.to_dict()["one_off"]["net"] == "500.00"
    assert extra.to_dict()["profile"]["services"] == {"training": 5}
    assert extra.to_dict()["profile"]["procurement"] == [{"description": "Сървър", "quantity": 1}]
    assert "services" not in plain.to_dict()["profile"]
