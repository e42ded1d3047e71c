"""The profile's two lists, checked by their rows of the field table: service counts and procurement lines."""

import pytest

from calculator import Profile, ProfileError


def test_service_counts_are_kept_sorted_whole_and_without_zeros() -> None:
    profile = Profile(services={"training": "2", "audit": 0, "integration": 1})
    assert profile.services == (("integration", 1), ("training", 2))
    assert Profile(services=[("b", 1), ("a", 3)]).services == (("a", 3), ("b", 1))
    assert Profile.from_dict(profile.to_dict()) == profile
    assert profile.to_dict()["services"] == {"integration": 1, "training": 2}


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ({"training": -1}, "training: броят трябва да е цяло число от 0 до 100"),
        ({"training": "1.5"}, "training: броят трябва да е цяло число от 0 до 100"),
        ({"training": 101}, "training: броят трябва да е цяло число от 0 до 100"),
        ({"training": True}, "training: броят трябва да е цяло число от 0 до 100"),
        ({"Training": 1}, "непозната услуга 'Training'"),
        ({"a_b": 1}, "непозната услуга 'a_b'"),
        ([("a", 1), ("a", 2)], "a: услугата е дадена два пъти"),
        ({f"s{n}": 1 for n in range(21)}, "най-много 20 услуги"),
        ("training", "трябва да е списък"),
        ([("a", 1, 2)], "всеки елемент трябва да е двойка (име, брой)"),
    ],
)
def test_a_bad_service_count_is_named(value: object, reason: str) -> None:
    with pytest.raises(ProfileError) as caught:
        Profile(services=value)
    assert (caught.value.field, caught.value.reason) == ("services", reason)


def test_procurement_lines_are_one_line_each_in_the_prospects_order() -> None:
    profile = Profile(procurement=[("  Тонер\tHP\n85A ", "4"), {"description": "Лаптоп", "quantity": 2}])
    assert profile.procurement == (("Тонер HP 85A", 4), ("Лаптоп", 2))
    assert profile.to_dict()["procurement"] == [
        {"description": "Тонер HP 85A", "quantity": 4},
        {"description": "Лаптоп", "quantity": 2},
    ]
    assert Profile.from_dict(profile.to_dict()) == profile
    assert Profile(procurement=[("я" * 120, 1000)]).procurement == (("я" * 120, 1000),)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ([("", 1)], "ред 1: липсва описание"),
        ([("x", 1), (" \n ", 1)], "ред 2: липсва описание"),
        ([("я" * 121, 1)], "ред 1: описанието е по-дълго от 120 знака"),
        ([("a\x1b[31m", 1)], "ред 1: описанието съдържа непозволен знак"),
        ([("a\u202eb", 1)], "ред 1: описанието съдържа непозволен знак"),
        ([("x", 0)], "ред 1: количеството трябва да е цяло число от 1 до 1000"),
        ([("x", -2)], "ред 1: количеството трябва да е цяло число от 1 до 1000"),
        ([("x", "2.5")], "ред 1: количеството трябва да е цяло число от 1 до 1000"),
        ([("x", 1001)], "ред 1: количеството трябва да е цяло число от 1 до 1000"),
        ([(5, 1)], "ред 1: описанието трябва да е текст"),
        ([("x", 1)] * 11, "най-много 10 реда"),
    ],
)
def test_a_bad_procurement_line_is_named_by_its_number(value: object, reason: str) -> None:
    with pytest.raises(ProfileError) as caught:
        Profile(procurement=value)
    assert (caught.value.field, caught.value.reason) == ("procurement", reason)
