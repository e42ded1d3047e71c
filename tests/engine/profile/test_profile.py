from datetime import UTC, datetime
from decimal import Decimal

import pytest

from calculator import Profile, ProfileError


def test_defaults_round_trip() -> None:
    assert Profile.from_dict(Profile().to_dict()) == Profile()
    assert Profile.from_dict({}) == Profile()


def test_values_are_normalised() -> None:
    profile = Profile.from_dict(
        {"workstations": "10", "incidents": "1.50", "incident_at": "2026-12-23T15:00:45Z"}
    )
    assert (profile.workstations, profile.incidents) == (10, Decimal("1.5"))
    assert profile.incident_at is not None
    assert profile.incident_at.isoformat() == "2026-12-23T17:00:00+02:00"


@pytest.mark.parametrize(
    ("data", "field", "reason"),
    [
        ({"workstations": -1}, "workstations", "трябва да е между 0 и 10000"),
        ({"workstations": True}, "workstations", "трябва да е число"),
        ({"servers": "1_000"}, "servers", "трябва да е число"),
        ({"visits": "2.5"}, "visits", "трябва да е цяло число"),
        ({"distance_km": "0.125"}, "distance_km", "най-много 2 знака след десетичната запетая"),
        ({"reaction_hours": "0"}, "reaction_hours", "трябва да е между 0.01 и 720"),
        ({"customer": "company"}, "customer", "трябва да е business (фирма) или individual (физическо лице)"),
        (
            {"incident_at": "soon"},
            "incident_at",
            "няма такъв момент (дата, час или смяна на часовото време)",
        ),
        ({"wokstations": 3}, "wokstations", "непознато поле"),
    ],
)
def test_bad_values(data: dict[str, object], field: str, reason: str) -> None:
    with pytest.raises(ProfileError) as info:
        Profile.from_dict(data)
    assert (info.value.field, info.value.reason) == (field, reason)


def test_naive_incident_moment_is_refused() -> None:
    with pytest.raises(ProfileError, match="incident_at"):
        Profile(incident_at=datetime(2026, 1, 5, 9))
    assert Profile(incident_at=datetime(2026, 1, 5, 7, tzinfo=UTC)).incident_at is not None


def test_the_cost_of_downtime_and_the_operating_hours_are_checked() -> None:
    assert Profile(downtime_cost=Decimal("0")).downtime_cost == Decimal(0)
    assert Profile.from_dict({"downtime_cost": "100000", "operating": "24/7"}).operating == "24/7"
    for values, field, reason in [
        ({"downtime_cost": "100000.01"}, "downtime_cost", "трябва да е между 0 и 100000"),
        ({"downtime_cost": "1.005"}, "downtime_cost", "най-много 2 знака след десетичната запетая"),
        ({"operating": "nights"}, "operating", "трябва да е business (в работно време) или 24/7 (денонощно)"),
    ]:
        with pytest.raises(ProfileError) as caught:
            Profile.from_dict(values)
        assert (caught.value.field, caught.value.reason) == (field, reason)
