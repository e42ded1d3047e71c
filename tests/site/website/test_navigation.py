"""The plan pages in the menu: after the plans' index, in the catalogue's order."""

import pytest

from backoffice.website.navigation import NavigationError, with_plans

NAV = [
    {"Начало": "index.md"},
    {"Планове": ["plans/index.md"]},
    {"Контакти": "kontakti/index.md"},
]


def test_the_plans_follow_their_index_in_the_given_order():
    assert with_plans(NAV, ["plans/b.md", "plans/a.md"]) == [
        {"Начало": "index.md"},
        {"Планове": ["plans/index.md", "plans/b.md", "plans/a.md"]},
        {"Контакти": "kontakti/index.md"},
    ]


def test_a_plan_listed_by_hand_comes_back_in_the_catalogues_order_only_once():
    nav = [{"Планове": ["plans/index.md", {"Старо име": "plans/a.md"}, "plans/gone.md"]}]
    assert with_plans(nav, ["plans/b.md", "plans/a.md", "plans/gone.md"]) == [
        {"Планове": ["plans/index.md", "plans/b.md", "plans/a.md", "plans/gone.md"]}
    ]


def test_the_nav_given_is_not_changed():
    nav = [{"Планове": ["plans/index.md"]}]
    with_plans(nav, ["plans/a.md"])
    assert nav == [{"Планове": ["plans/index.md"]}]


def test_without_the_plans_index_the_build_stops_saying_where():
    with pytest.raises(NavigationError) as info:
        with_plans([{"Начало": "index.md"}], ["plans/a.md"])
    assert str(info.value) == (
        "mkdocs.yml: nav: липсва plans/index.md: добавете го в менюто, плановете се подреждат след него"
    )
