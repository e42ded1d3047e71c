"""Every field of a prospect's profile, written once: one row of :data:`FIELDS`.

A row says what the field is called in the code, in a quote link and on
the sales CLI, how the form labels and explains it, its unit, bounds and
step, and whether it may be left empty. :class:`~calculator.profile.profile.Profile`
checks its values by these rows; the form, the link reader and writer, the
CLI's options, the printed inputs and the editors' guide's list of link
parameters are made from them. A new field is one row here plus its use in
pricing.

The rows stand in the order of the quote link's parameters, which never
changes for the rows already there: a link written today must read the same
tomorrow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

from calculator.clock import to_sofia
from calculator.errors import ProfileError
from calculator.money import decimal_text
from calculator.numbers import NumberProblem, read_decimal
from calculator.profile.lists import check_counts, check_lines

__all__ = ["BY_NAME", "BY_PARAM", "FIELDS", "YEARS", "Choice", "Field", "Widget"]

#: How the form asks for a field: a choice of two (radio buttons), a list
#: (select), a number, a date and time, a count of each of the catalogue's
#: additional services, or lines of a description and a quantity.
Widget = Literal["radio", "select", "number", "moment", "counts", "lines"]

#: The years an incident moment may fall in.
YEARS = (2000, 2100)


@dataclass(frozen=True)
class Choice:
    """One value of a choice field.

    Attributes:
        value: The value in the profile and the form.
        code: How a quote link writes it.
        words: How the form offers it.
        short: How a message names it (``words`` when empty).
        summary: How the printed inputs name it (``words`` when empty).
    """

    value: str
    code: str
    words: str
    short: str = ""
    summary: str = ""


@dataclass(frozen=True)
class Field:
    """One field of the profile (see the module's docstring).

    Attributes:
        name: The :class:`Profile` attribute and the form input's name.
        param: The quote link's parameter.
        option: The sales CLI's option.
        label: The form's label.
        help: The form's help under the input; the CLI's help too.
        words: How a message to a visitor names it, in lower case.
        summary: The label in the printed list of inputs; empty for a
            field the list leaves out.
        widget: How the form asks for it.
        unit: The unit after the label, e.g. ``бр.`` or ``ч``.
        bounds: For a number: the smallest and largest value and the most
            decimal places (0 for a whole number).
        step: For a number: the input's step.
        optional: Whether it may be left empty (``None`` in the profile).
        choices: For a radio or select: the values, the first the default.
        later: Added after the first links: written into a link only when
            it differs from its default, so that older quotes keep their link.
        most: For counts and lines: the most entries.
        longest: For lines: the longest description, in characters.
    """

    name: str
    param: str
    option: str
    label: str
    help: str
    words: str
    summary: str = ""
    widget: Widget = "number"
    unit: str = ""
    bounds: tuple[Decimal, Decimal, int] | None = None
    step: str = "1"
    optional: bool = False
    choices: tuple[Choice, ...] = ()
    later: bool = False
    most: int = 0
    longest: int = 0

    @property
    def limits(self) -> tuple[str, str]:
        """Smallest and largest value as text, as the form shows them (a number only)."""
        assert self.bounds is not None, self.name
        return decimal_text(self.bounds[0]), decimal_text(self.bounds[1])

    @property
    def highest(self) -> Decimal:
        """The largest value a number field takes."""
        assert self.bounds is not None, self.name
        return self.bounds[1]

    @property
    def whole(self) -> bool:
        """Whether the field is a whole number (kept as ``int``)."""
        return self.bounds is not None and self.bounds[2] == 0

    def choice(self, value: str) -> Choice:
        """The choice with this value (KeyError if there is none)."""
        for item in self.choices:
            if item.value == value:
                return item
        raise KeyError(value)

    def check(self, value: object) -> object:
        """The value checked against the row, as the profile keeps it.

        A number may come as int, Decimal or decimal text (never a bool or a
        float: a float has already lost the exact value); zeros past the
        allowed places are fine. A whole number comes back as ``int``, any
        other number as ``Decimal``; a moment must be an aware datetime from
        2000 to 2100 and comes back in Sofia time, to the minute. Counts and
        lines are checked by :mod:`calculator.profile.lists`.

        Raises:
            ProfileError: the value is not one this field takes, in words
                for a visitor; the CLI and the link name the field their way.
        """
        if self.choices:
            if value not in [item.value for item in self.choices]:
                raise ProfileError(self.name, self.choice_reason())
            return value
        if self.widget == "moment":
            return self._moment(value)
        if self.widget == "counts":
            return check_counts(self.name, value, int(self.highest), self.most)
        if self.widget == "lines":
            return check_lines(self.name, value, int(self.highest), self.most, self.longest)
        assert self.bounds is not None, self.name
        low, high, places = self.bounds
        try:
            number = read_decimal(value, low, high, places)
        except NumberProblem as problem:
            if problem.problem in ("too_small", "too_large"):
                reason = f"трябва да е между {decimal_text(low)} и {decimal_text(high)}"
            elif problem.problem == "too_precise" and places == 0:
                reason = "трябва да е цяло число"
            elif problem.problem == "too_precise":
                reason = f"най-много {places} знака след десетичната запетая"
            else:
                reason = "трябва да е число"
            raise ProfileError(self.name, reason) from None
        return int(number) if places == 0 else number

    def _moment(self, value: object) -> datetime:
        """An incident moment as the profile keeps it: Sofia time, to the minute."""
        if not isinstance(value, datetime):
            raise ProfileError(self.name, "трябва да е дата и час")
        try:
            moment = to_sofia(value)
        except ValueError:
            raise ProfileError(self.name, "трябва да има часова зона") from None
        if not YEARS[0] <= moment.year <= YEARS[1]:
            raise ProfileError(self.name, f"годината трябва да е между {YEARS[0]} и {YEARS[1]}")
        return moment.replace(second=0, microsecond=0)

    def choice_reason(self, *, codes: bool = False) -> str:
        """What a choice field takes, in words: its values, or its link codes with ``codes``."""
        named = [
            f"{item.code if codes else item.value} ({item.short or item.words})" for item in self.choices
        ]
        return "трябва да е " + " или ".join(named)


def _bounds(low: int | str, high: int, places: int) -> tuple[Decimal, Decimal, int]:
    return Decimal(low), Decimal(high), places


FIELDS: tuple[Field, ...] = (
    Field(
        "customer",
        "c",
        "--customer",
        "Вие сте",
        "Фирмите сравняват цените без ДДС, физическите лица - с ДДС.",
        "вид клиент",
        "Клиент",
        widget="radio",
        choices=(
            Choice("business", "b", "фирма (цени без ДДС)", "фирма", "фирма"),
            Choice("individual", "i", "физическо лице (цени с ДДС)", "физическо лице", "физическо лице"),
        ),
    ),
    Field(
        "workstations",
        "ws",
        "--workstations",
        "Работни станции",
        "Компютри и лаптопи, които поддържаме.",
        "работни станции",
        "Работни станции",
        unit="бр.",
        bounds=_bounds(0, 10_000, 0),
    ),
    Field(
        "servers",
        "sv",
        "--servers",
        "Сървъри",
        "Физически и виртуални сървъри.",
        "сървъри",
        "Сървъри",
        unit="бр.",
        bounds=_bounds(0, 1_000, 0),
    ),
    Field(
        "incidents",
        "inc",
        "--incidents",
        "Инциденти на месец",
        "Колко повреди очаквате средно на месец.",
        "инциденти",
        "Инциденти на месец",
        unit="бр.",
        bounds=_bounds(0, 1_000, 2),
        step="0.5",
    ),
    Field(
        "regular_hours",
        "h",
        "--hours",
        "Часове редовна работа на месец",
        "Оставете празно и ще ги изчислим по броя на устройствата.",
        "часове работа",
        "Редовна работа на месец",
        unit="ч",
        bounds=_bounds(0, 10_000, 2),
        step="0.5",
        optional=True,
    ),
    Field(
        "visits",
        "vis",
        "--visits",
        "Посещения на място на месец",
        "Колко пъти месечно идваме при вас.",
        "посещения",
        "Посещения на място на месец",
        unit="бр.",
        bounds=_bounds(0, 1_000, 0),
    ),
    Field(
        "distance_km",
        "km",
        "--km",
        "Разстояние извън града",
        "В едната посока; 0, ако сте в града.",
        "разстояние",
        "Разстояние",
        unit="км",
        bounds=_bounds(0, 2_000, 2),
        step="any",
    ),
    Field(
        "reaction_hours",
        "rt",
        "--reaction",
        "Нужна реакция до",
        "За колко часа трябва да реагираме при авария. Празно - без изискване.",
        "нужна реакция",
        "Нужна реакция",
        unit="ч",
        bounds=_bounds("0.01", 720, 2),
        step="any",
        optional=True,
    ),
    Field(
        "incident_at",
        "at",
        "--at",
        "Момент на инцидента",
        "Кога се случва авария, за която искате да видите срока за реакция (часово време София). "
        "Празно - сега.",
        "момент на инцидента",
        widget="moment",
        optional=True,
    ),
    Field(
        "downtime_cost",
        "dc",
        "--downtime-cost",
        "Цена на час престой",
        "Колко ви струва час, в който работата ви стои. Празно - не се отчита.",
        "цена на час престой",
        "Цена на час престой",
        unit="€/ч",
        bounds=_bounds(0, 100_000, 2),
        step="any",
        optional=True,
        later=True,
    ),
    Field(
        "operating",
        "op",
        "--operating",
        "Кога работите",
        "В това време броим чакането до реакция при инцидент.",
        "кога работите",
        "Кога работите",
        widget="select",
        choices=(
            Choice("business", "b", "в работни дни, в работно време", "в работно време"),
            Choice("24/7", "24/7", "всеки ден, денонощно", "денонощно"),
        ),
        later=True,
    ),
    Field(
        "services",
        "us",
        "--service",
        "Допълнителни услуги",
        "Еднократно, отделно от месечната цена: колко пъти ви трябва всяка услуга.",
        "допълнителни услуги",
        widget="counts",
        bounds=_bounds(0, 100, 0),
        later=True,
        most=20,
    ),
    Field(
        "procurement",
        "dp",
        "--procure",
        "Доставка на техника, софтуер и консумативи",
        "Какво да доставим и колко броя; цената ще ви изпратим с офертата.",
        "доставка",
        widget="lines",
        bounds=_bounds(1, 1_000, 0),
        later=True,
        most=10,
        longest=120,
    ),
)

BY_NAME = {field.name: field for field in FIELDS}
BY_PARAM = {field.param: field for field in FIELDS}
