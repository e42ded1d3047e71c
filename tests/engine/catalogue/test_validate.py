import dataclasses
import json
from decimal import Decimal
from typing import Any

import pytest
from samples import small_catalogue_data, with_package

from calculator import Catalogue, CatalogueError


def error_for(change: Any) -> CatalogueError:
    data = small_catalogue_data()
    change(data)
    with pytest.raises(CatalogueError) as info:
        Catalogue.from_dict(data)
    return info.value


def test_round_trip_through_json(small_catalogue: Catalogue) -> None:
    data = json.loads(json.dumps(small_catalogue.to_dict()))
    assert Catalogue.from_dict(data) == small_catalogue
    assert data["plans"][0] == {
        "id": "sub",
        "kind": "subscription",
        "name": "Абонамент",
        "order": 1,
        "monthly_fee": "300",
        "included_hours": "5",
        "hourly_rate": "30",
        "reaction": {"guarantee_hours": "2", "calendar": "24/7"},
        "priority": True,
    }


def test_plans_are_kept_in_display_order() -> None:
    data = small_catalogue_data()
    data["plans"].reverse()
    assert [p.id for p in Catalogue.from_dict(data).plans] == ["sub", "hourly", "job", "sos"]


def test_negative_guarantee_names_plan_and_field() -> None:
    err = error_for(lambda d: d["plans"][0]["reaction"].update(guarantee_hours=-2))
    assert (
        str(err) == "plans[0].reaction.guarantee_hours (план „sub“): не може да е отрицателно; написано е -2"
    )
    assert (err.plan, err.field, err.file) == ("sub", "plans[0].reaction.guarantee_hours", None)


@pytest.mark.parametrize(
    ("index", "key", "value", "message"),
    [
        (
            0,
            "monthly_fee",
            True,
            "plans[0].monthly_fee (план „sub“): "
            "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е True",
        ),
        (
            0,
            "monthly_fee",
            "abc",
            "plans[0].monthly_fee (план „sub“): "
            "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е 'abc'",
        ),
        (
            0,
            "monthly_fee",
            "NaN",
            "plans[0].monthly_fee (план „sub“): трябва да е истинско число (напр. 38.50); написано е 'NaN'",
        ),
        (
            0,
            "hourly_rate",
            "35.555",
            "plans[0].hourly_rate (план „sub“): "
            "позволени са най-много 2 знака след точката; написано е '35.555'",
        ),
        (
            1,
            "priority",
            "yes",
            "plans[1].priority (план „hourly“): трябва да е true (да) или false (не); написано е 'yes'",
        ),
        (2, "order", 1.5, "plans[2].order (план „job“): трябва да е цяло число, без кавички; написано е 1.5"),
        (
            3,
            "kind",
            "urgent",
            "plans[3].kind (план „sos“): трябва да е едно от subscription, package, hourly, per_job, "
            "emergency; написано е 'urgent'",
        ),
    ],
)
def test_bad_plan_values(index: int, key: str, value: Any, message: str) -> None:
    assert str(error_for(lambda d: d["plans"][index].update({key: value}))) == message


def test_typo_in_a_key_is_named() -> None:
    def typo(data: dict[str, Any]) -> None:
        data["plans"][0]["monthy_fee"] = data["plans"][0].pop("monthly_fee")

    assert str(error_for(typo)) == (
        "plans[0].monthy_fee (план „sub“): непознато поле: поправете името или го махнете "
        "(тук може: id, kind, name, order, "
        "reaction, priority, monthly_fee, included_hours, hourly_rate)"
    )


def test_key_of_another_kind_is_refused() -> None:
    err = error_for(lambda d: d["plans"][1].update(incident_fee=100))
    assert (err.plan, err.field) == ("hourly", "plans[1].incident_fee")


def test_missing_key_for_the_kind() -> None:
    err = error_for(lambda d: d["plans"][2].pop("minimum_hours_per_visit"))
    assert str(err) == "plans[2].minimum_hours_per_visit (план „job“): липсва задължително поле: добавете го"


def test_bad_reaction_calendar() -> None:
    err = error_for(lambda d: d["plans"][0]["reaction"].update(calendar="weekdays"))
    assert str(err) == (
        'plans[0].reaction.calendar (план „sub“): трябва да е "24/7" или "business"; написано е \'weekdays\''
    )


def test_typical_days_in_the_wrong_order() -> None:
    err = error_for(lambda d: d["plans"][2]["reaction"].update(typical_working_days=[3, 1]))
    assert err.field == "plans[2].reaction.typical_working_days"
    assert err.reason == "първото число не може да е по-голямо от второто; написано е [3, 1]"


def test_duplicate_plan_id() -> None:
    err = error_for(lambda d: d["plans"][1].update(id="sub"))
    assert str(err) == "plan.id (план „sub“): два плана имат този id: дайте на всеки свой"


def test_unquoted_yaml_time_gets_a_helpful_message() -> None:
    err = error_for(lambda d: d["working_hours"].update(end=1080))
    assert (
        str(err) == 'catalogue.working_hours.end: трябва да е час в кавички, напр. "09:00"; написано е 1080'
    )


def test_working_day_must_end_after_it_starts() -> None:
    err = error_for(lambda d: d["working_hours"].update(start="18:00", end="09:00"))
    assert err.field == "catalogue.working_hours.end"


def test_working_saturday_must_be_a_saturday() -> None:
    err = error_for(lambda d: d["calendar"].update(working_saturdays=["2026-12-21"]))
    assert str(err) == "catalogue.calendar.working_saturdays: 2026-12-21 не е събота: оставете само съботи"


def test_bad_declared_day_off() -> None:
    err = error_for(lambda d: d["calendar"].update(declared_days_off=["2026-02-30"]))
    assert err.field == "catalogue.calendar.declared_days_off[0]"


def test_two_services_with_one_id_fail_naming_the_second() -> None:
    err = error_for(
        lambda d: d["services"].append({"id": "training", "name": "Още", "price": 1, "unit": "час"})
    )
    assert str(err) == "catalogue.services[1].id: услуга с id training вече има по-горе в списъка"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"id": "Obuchenie"},
            "catalogue.services[0].id: има неправилен вид 'Obuchenie': пишете малки латински букви, "
            "цифри и тирета (до 40), напр. moy-plan",
        ),
        ({"price": -5}, "catalogue.services[0].price: не може да е отрицателно; написано е -5"),
        (
            {"cost": 5},
            "catalogue.services[0].cost: непознато поле: поправете името или го махнете "
            "(тук може: id, name, price, unit)",
        ),
    ],
)
def test_a_bad_service_line_names_its_field(change: dict[str, Any], message: str) -> None:
    err = error_for(lambda d: d["services"][0].update(change))
    assert str(err) == message


def test_service_on_request_has_no_price() -> None:
    data = small_catalogue_data()
    data["services"][0]["price"] = None
    assert Catalogue.from_dict(data).services[0].price is None


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("0", "'0'"),
        ("1.9558", "'1.9558'"),
        ("1.96", "'1.96'"),
        ("1.955830", "'1.955830'"),
        ("2", "'2'"),
        ("1,95583", "'1,95583'"),
        (1.9558, "1.9558"),
        (None, "None"),
    ],
)
def test_only_the_fixed_exchange_rate_is_accepted(value: Any, written: str) -> None:
    err = error_for(lambda d: d.update(bgn_per_eur=value))
    assert str(err) == (
        'catalogue.bgn_per_eur: трябва да е точно "1.95583" - фиксираният курс на лева към еврото по закон; '
        f"написано е {written}"
    )


@pytest.mark.parametrize("value", ["1.95583", 1.95583])
def test_the_fixed_exchange_rate_quoted_or_not(value: Any) -> None:
    data = small_catalogue_data()
    data["bgn_per_eur"] = value
    assert str(Catalogue.from_dict(data).bgn_per_eur) == "1.95583"


def test_no_plans() -> None:
    err = error_for(lambda d: d.update(plans=[]))
    assert str(err) == "plans: в ценоразписа няма нито един план: добавете страница на план"


def test_a_catalogue_however_built_keeps_its_plans_valid(small_catalogue: Catalogue) -> None:
    reordered = dataclasses.replace(small_catalogue, plans=small_catalogue.plans[::-1])
    assert [p.id for p in reordered.plans] == ["sub", "hourly", "job", "sos"]
    with pytest.raises(
        CatalogueError, match=r"^plans: в ценоразписа няма нито един план: добавете страница на план$"
    ):
        dataclasses.replace(small_catalogue, plans=())
    with pytest.raises(CatalogueError, match="два плана имат този id: дайте на всеки свой"):
        dataclasses.replace(small_catalogue, plans=small_catalogue.plans[:1] * 2)


def test_plans_must_be_a_list() -> None:
    err = error_for(lambda d: d.update(plans={"sub": {}}))
    assert str(err) == "catalogue.plans: трябва да е списък от планове; написано е {'sub': {}}"


def package_error(change: Any) -> CatalogueError:
    def add_package(data: dict[str, Any]) -> None:
        data["plans"].append(with_package()["plans"][-1])
        change(data["plans"][-1])

    return error_for(add_package)


def test_a_package_keeps_its_fee_and_volume_and_has_no_hourly_rate() -> None:
    catalogue = Catalogue.from_dict(with_package())
    package = catalogue.plan("pack")
    assert (package.kind, package.monthly_fee, package.included_hours, package.hourly_rate) == (
        "package",
        Decimal(250),
        Decimal(8),
        Decimal(0),
    )
    assert package.to_dict() == {
        "id": "pack",
        "kind": "package",
        "name": "Пакет",
        "order": 5,
        "monthly_fee": "250",
        "included_hours": "8",
        "reaction": {"guarantee_hours": "4", "calendar": "business"},
        "priority": True,
    }
    assert Catalogue.from_dict(json.loads(json.dumps(catalogue.to_dict()))) == catalogue


def test_an_hourly_rate_on_a_package_is_refused_saying_why() -> None:
    err = package_error(lambda plan: plan.update(hourly_rate=30))
    assert str(err) == (
        "plans[4].hourly_rate (план „pack“): пакетът няма цена на час: месечната такса покрива "
        "включените часове (included_hours) и над тях нищо не се доплаща; махнете полето, а за такса "
        "с доплащане на час изберете kind: subscription"
    )


def test_a_package_needs_its_volume() -> None:
    err = package_error(lambda plan: plan.pop("included_hours"))
    assert str(err) == "plans[4].included_hours (план „pack“): липсва задължително поле: добавете го"
    err = package_error(lambda plan: plan.update(included_hours=0))
    assert str(err) == (
        "plans[4].included_hours (план „pack“): трябва да е повече от 0: това е обемът работа, "
        "който пакетът купува"
    )


def test_a_package_takes_no_key_of_another_kind() -> None:
    err = package_error(lambda plan: plan.update(minimum_hours_per_visit=1))
    assert str(err) == (
        "plans[4].minimum_hours_per_visit (план „pack“): непознато поле: поправете името или го махнете "
        "(тук може: id, kind, name, order, reaction, priority, monthly_fee, included_hours)"
    )
