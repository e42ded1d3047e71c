"""Editors' mistakes in the plan pages' front matter: each one stops the strict build.

Every row changes one thing in a copy of the tests' docs/plans (`tests/content/`)
and expects the build to stop with an error naming the file, the field and
what is wrong. Most rows run the hook that reads the catalogue (`on_config`,
in-process); the rows marked `full_build` and the unchanged pages go through
`mkdocs build --strict` itself, as an editor runs it.
"""

# The table below reads best with one mistake a line, however long.
# ruff: noqa: E501

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import time
from pathlib import Path

import pytest
import site_hooks
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from backoffice.website.sources import load_catalogue
from tests.site.strict_build import strict_build

#: The words of the English messages these were before: editors read Bulgarian.
ENGLISH = re.compile(r"\b(must|got|unknown|missing|required|line|front matter|key)\b")


def ours(message: str) -> str:
    """The message without PyYAML's own words, which a broken-YAML message quotes at its end."""
    return message.rsplit(" (", 1)[0] if "грешка в началните данни" in message else message


#: In `old`, stands for everything between the two `---` lines.
WHOLE_FRONT_MATTER = "<whole front matter>"


@dataclass(frozen=True)
class Mistake:
    id: str
    file: str  # in docs/plans
    old: str
    new: str
    field: str  # must appear in the message
    reason: str  # must appear in the message
    full_build: bool = False


MISTAKES = [
    # --- plan pages: wrong values -------------------------------------------------
    Mistake("fee-words", "standard.md", "monthly_fee: 240", "monthly_fee: двеста", "plan.monthly_fee", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е 'двеста'"),
    Mistake("fee-negative", "standard.md", "monthly_fee: 240", "monthly_fee: -240", "plan.monthly_fee", "не може да е отрицателно; написано е -240", full_build=True),
    Mistake("fee-three-decimals", "standard.md", "monthly_fee: 240", "monthly_fee: 240.555", "plan.monthly_fee", "позволени са най-много 2 знака след точката; написано е 240.555"),
    Mistake("fee-bool", "standard.md", "monthly_fee: 240", "monthly_fee: true", "plan.monthly_fee", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е True"),
    Mistake("fee-decimal-comma", "standard.md", "monthly_fee: 240", "monthly_fee: 240,50", "plan.monthly_fee", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е '240,50'"),
    Mistake("fee-currency", "standard.md", "monthly_fee: 240", "monthly_fee: 240 EUR", "plan.monthly_fee", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е '240 EUR'"),
    Mistake("fee-digit-separator", "standard.md", "monthly_fee: 240", "monthly_fee: 1_240", "plan.monthly_fee", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е '1_240'"),
    Mistake("fee-hexadecimal", "standard.md", "monthly_fee: 240", "monthly_fee: 0x240", "plan.monthly_fee", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е '0x240'"),
    Mistake("fee-too-large", "standard.md", "monthly_fee: 240", "monthly_fee: 2400000", "plan.monthly_fee", "трябва да е най-много 1000000; написано е 2400000"),
    Mistake("fee-not-a-number", "standard.md", "monthly_fee: 240", "monthly_fee: .nan", "plan.monthly_fee", "трябва да е истинско число (напр. 38.50); написано е nan"),
    Mistake("fee-empty", "standard.md", "monthly_fee: 240", "monthly_fee:", "plan.monthly_fee", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е None"),
    Mistake("included-hours-negative", "standard.md", "included_hours: 4", "included_hours: -4", "plan.included_hours", "не може да е отрицателно; написано е -4"),
    Mistake("rate-list", "standard.md", "hourly_rate: 38", "hourly_rate: [38]", "plan.hourly_rate", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е [38]"),
    Mistake("package-with-a-rate", "paket.md", "  included_hours: 8\n", "  included_hours: 8\n  hourly_rate: 30\n", "plan.hourly_rate", "пакетът няма цена на час: месечната такса покрива включените часове (included_hours) и над тях нищо не се доплаща; махнете полето, а за такса с доплащане на час изберете kind: subscription", full_build=True),
    Mistake("package-without-hours", "paket.md", "  included_hours: 8\n", "", "plan.included_hours", "липсва задължително поле: добавете го"),
    Mistake("package-of-no-hours", "paket.md", "included_hours: 8", "included_hours: 0", "plan.included_hours", "трябва да е повече от 0: това е обемът работа, който пакетът купува"),
    Mistake("rate-three-decimals", "pochasov.md", "hourly_rate: 40", "hourly_rate: 40.125", "plan.hourly_rate", "позволени са най-много 2 знака след точката; написано е 40.125"),
    Mistake("minimum-hours-negative", "na-rabota.md", "minimum_hours_per_visit: 1", "minimum_hours_per_visit: -1", "plan.minimum_hours_per_visit", "не може да е отрицателно; написано е -1"),
    Mistake("incident-fee-words", "avariyna.md", "incident_fee: 150", "incident_fee: сто и петдесет", "plan.incident_fee", "трябва да е число"),
    Mistake("id-capitals", "standard.md", "id: standard", "id: Standard", "plan.id", "има неправилен вид 'Standard'"),
    Mistake("id-number", "standard.md", "id: standard", "id: 42", "plan.id", "трябва да е текст, не празно; написано е 42"),
    Mistake("kind-unknown", "standard.md", "kind: subscription", "kind: monthly", "plan.kind", "трябва да е едно от subscription, package, hourly, per_job, emergency; написано е 'monthly'"),
    Mistake("kind-without-its-keys", "standard.md", "kind: subscription", "kind: hourly", "plan.monthly_fee", "непознато поле: поправете името или го махнете (тук може: id, kind, name, order, reaction, priority, hourly_rate)"),
    Mistake("name-empty", "standard.md", "name: Абонамент Стандарт", 'name: ""', "plan.name", "трябва да е текст, не празно; написано е ''"),
    Mistake("order-fraction", "standard.md", "order: 2", "order: 2.5", "plan.order", "трябва да е цяло число, без кавички; написано е 2.5"),
    Mistake("order-quoted", "standard.md", "order: 2", 'order: "2"', "plan.order", "трябва да е цяло число, без кавички; написано е '2'"),
    Mistake("order-bool", "standard.md", "order: 2", "order: yes", "plan.order", "трябва да е цяло число, без кавички; написано е True"),
    Mistake("priority-words", "standard.md", "priority: true", "priority: да", "plan.priority", "трябва да е true (да) или false (не); написано е 'да'"),
    Mistake("priority-number", "standard.md", "priority: true", "priority: 1", "plan.priority", "трябва да е true (да) или false (не); написано е 1"),
    Mistake("guarantee-zero", "standard.md", "guarantee_hours: 4", "guarantee_hours: 0", "plan.reaction.guarantee_hours", "трябва да е повече от 0"),
    Mistake("guarantee-clock", "standard.md", "guarantee_hours: 4", "guarantee_hours: 4:00", "plan.reaction.guarantee_hours", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е '4:00'"),
    Mistake("guarantee-unit", "standard.md", "guarantee_hours: 4", "guarantee_hours: 4h", "plan.reaction.guarantee_hours", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е '4h'"),
    Mistake("calendar-unknown", "standard.md", 'calendar: "24/7"', 'calendar: "8/5"', "plan.reaction.calendar", 'трябва да е "24/7" или "business"; написано е \'8/5\''),
    Mistake("calendar-unknown-word", "pochasov.md", "calendar: business", "calendar: weekdays", "plan.reaction.calendar", 'трябва да е "24/7" или "business"; написано е \'weekdays\''),
    Mistake("reaction-not-a-mapping", "pochasov.md", "reaction:\n    guarantee_hours: 4\n    calendar: business", "reaction: 4", "plan.reaction", "трябва да съдържа полета (име: стойност, на отделни редове); написано е 4"),
    Mistake("typical-days-reversed", "avariyna.md", "typical_working_days: [0, 1]", "typical_working_days: [1, 0]", "plan.reaction.typical_working_days", "първото число не може да е по-голямо от второто; написано е [1, 0]"),
    Mistake("typical-days-one", "na-rabota.md", "typical_working_days: [1, 2]", "typical_working_days: [2]", "plan.reaction.typical_working_days", "трябва да е списък от две цели числа [от, до], напр. [1, 2]; написано е [2]"),
    Mistake("typical-days-too-many", "na-rabota.md", "typical_working_days: [1, 2]", "typical_working_days: [1, 31]", "plan.reaction.typical_working_days[1]", "трябва да е от 0 до 30; написано е 31"),
    # --- plan pages: unknown, missing and repeated keys ----------------------------
    Mistake("typo-in-key", "standard.md", "monthly_fee:", "monthy_fee:", "plan.monthy_fee", "непознато поле: поправете името или го махнете (тук може:"),
    Mistake("typo-in-reaction-key", "premium.md", "guarantee_hours:", "guarantee_hour:", "plan.reaction.guarantee_hour", "непознато поле: поправете името или го махнете (тук може: guarantee_hours, calendar)"),
    Mistake("unknown-key", "premium.md", "  priority: true", "  priority: true\n  discount: 10", "plan.discount", "непознато поле: поправете името или го махнете (тук може:"),
    Mistake("removed-fee", "premium.md", "  monthly_fee: 390\n", "", "plan.monthly_fee", "липсва задължително поле: добавете го"),
    Mistake("removed-id", "premium.md", "  id: premium\n", "", "plan.id", "липсва задължително поле: добавете го"),
    Mistake("removed-plan", "premium.md", "plan:", "plan_:", "plan", "липсва задължително поле: добавете го"),
    Mistake("plan-not-a-mapping", "pochasov.md", WHOLE_FRONT_MATTER, "title: Почасов\nplan: pochasov", "plan", "трябва да съдържа полета (име: стойност, на отделни редове); написано е 'pochasov'"),
    Mistake("duplicated-id", "standard.md", "id: standard", "id: premium", "plan.id", "този id вече е на плана в docs/plans/premium.md", full_build=True),
    # --- plan pages: broken YAML -----------------------------------------------------
    Mistake("yaml-unclosed-quote", "standard.md", 'calendar: "24/7"', 'calendar: "24/7', "ред 14 (plan.reaction.calendar)", "found unexpected end of stream"),
    Mistake("yaml-unclosed-bracket", "na-rabota.md", "[1, 2]", "[1, 2", "ред 12 (plan.reaction.typical_working_days)", "expected ',' or ']'"),
    Mistake("yaml-bad-indentation", "standard.md", "  hourly_rate: 38", "   hourly_rate: 38", "ред 11 (plan.hourly_rate)", "mapping values are not allowed here"),
    Mistake("yaml-tab", "standard.md", "  hourly_rate: 38", "\thourly_rate: 38", "ред 11 (plan.hourly_rate)", "found character '\\t' that cannot start any token", full_build=True),
    Mistake("yaml-repeated-key", "standard.md", "  hourly_rate: 38", "  hourly_rate: 38\n  monthly_fee: 250", "ред 12 (plan.monthly_fee)", "полето 'monthly_fee' е написано два пъти"),
    Mistake("front-matter-a-list", "premium.md", WHOLE_FRONT_MATTER, "- plan\n- premium", "началните данни", "трябва да са полета във вида име: стойност"),
    # --- the catalogue in docs/plans/index.md ------------------------------------------
    Mistake("catalogue-removed", "index.md", "catalogue:", "katalog:", "catalogue", "липсва задължително поле: добавете го", full_build=True),
    Mistake("price-list-space", "index.md", 'price_list: "2026-12"', 'price_list: "2026 12"', "catalogue.price_list", "има неправилен вид '2026 12'"),
    Mistake("effective-words", "index.md", "effective: 2026-12-01", "effective: декември 2026", "catalogue.effective", "трябва да е дата във вида ГГГГ-ММ-ДД, напр. 2026-01-02; написано е 'декември 2026'"),
    Mistake("effective-impossible", "index.md", "effective: 2026-12-01", "effective: 2026-11-31", "catalogue.effective", "трябва да е дата във вида ГГГГ-ММ-ДД, напр. 2026-01-02; написано е '2026-11-31'", full_build=True),
    Mistake("vat-negative", "index.md", "vat_percent: 20", "vat_percent: -20", "catalogue.vat_percent", "не може да е отрицателно; написано е -20"),
    Mistake("vat-three-decimals", "index.md", "vat_percent: 20", "vat_percent: 20.125", "catalogue.vat_percent", "позволени са най-много 2 знака след точката; написано е 20.125"),
    Mistake("vat-percent-sign", "index.md", "vat_percent: 20", "vat_percent: 20%", "catalogue.vat_percent", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е '20%'"),
    Mistake("vat-removed", "index.md", "  vat_percent: 20\n", "", "catalogue.vat_percent", "липсва задължително поле: добавете го"),
    Mistake("rate-zero", "index.md", 'bgn_per_eur: "1.95583"', 'bgn_per_eur: "0"', "catalogue.bgn_per_eur", 'трябва да е точно "1.95583" - фиксираният курс на лева към еврото по закон; написано е \'0\''),
    Mistake("rate-shortened", "index.md", 'bgn_per_eur: "1.95583"', 'bgn_per_eur: "1.9558"', "catalogue.bgn_per_eur", 'трябва да е точно "1.95583" - фиксираният курс на лева към еврото по закон; написано е \'1.9558\'', full_build=True),
    Mistake("rate-rounded", "index.md", 'bgn_per_eur: "1.95583"', "bgn_per_eur: 1.96", "catalogue.bgn_per_eur", 'трябва да е точно "1.95583" - фиксираният курс на лева към еврото по закон; написано е 1.96'),
    Mistake("hours-with-a-dot", "index.md", 'end: "18:00"', "end: 18.00", "catalogue.working_hours.end", 'трябва да е час в кавички, напр. "09:00"; написано е 18.0'),
    Mistake("hours-end-before-start", "index.md", 'end: "18:00"', 'end: "08:00"', "catalogue.working_hours.end", "трябва да е след началото (start)"),
    Mistake("hours-typo", "index.md", "    start:", "    begin:", "catalogue.working_hours.begin", "непознато поле: поправете името или го махнете (тук може: start, end)"),
    Mistake("effort-words", "index.md", "hours_per_workstation: 0.5", "hours_per_workstation: половин час", "catalogue.effort.hours_per_workstation", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е 'половин час'"),
    Mistake("effort-negative", "index.md", "hours_per_server: 2", "hours_per_server: -2", "catalogue.effort.hours_per_server", "не може да е отрицателно; написано е -2"),
    Mistake("effort-decimal-comma", "index.md", "hours_per_incident: 1.5", "hours_per_incident: 1,5", "catalogue.effort.hours_per_incident", "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е '1,5'"),
    Mistake("travel-three-decimals", "index.md", "per_km: 0.40", "per_km: 0.405", "catalogue.travel.per_km", "позволени са най-много 2 знака след точката; написано е 0.405"),
    Mistake("travel-per-visit-negative", "index.md", "    per_km: 0.40", "    per_km: 0.40\n    per_visit: -5", "catalogue.travel.per_visit", "не може да е отрицателно; написано е -5"),
    Mistake("travel-no-city", "index.md", "home_city: София", 'home_city: ""', "catalogue.travel.home_city", "трябва да е текст, не празно; написано е ''"),
    Mistake("travel-unknown-key", "index.md", "    per_km: 0.40", "    per_km: 0.40\n    per_hour: 10", "catalogue.travel.per_hour", "непознато поле: поправете името или го махнете (тук може: home_city, per_km, per_visit)"),
    Mistake("service-price-negative", "index.md", "price: 120", "price: -120", "catalogue.services[0].price", "не може да е отрицателно; написано е -120"),
    Mistake("service-id-cyrillic", "index.md", "id: obuchenie", "id: обучение", "catalogue.services[0].id", "има неправилен вид 'обучение'"),
    Mistake("service-unit-removed", "index.md", "      unit: задача\n", "", "catalogue.services[1].unit", "липсва задължително поле: добавете го"),
    Mistake("day-off-impossible", "index.md", "declared_days_off: []", "declared_days_off: [2026-02-30]", "catalogue.calendar.declared_days_off[0]", "трябва да е дата във вида ГГГГ-ММ-ДД, напр. 2026-01-02; написано е '2026-02-30'"),
    Mistake("working-saturday-a-monday", "index.md", "working_saturdays: []", "working_saturdays: [2026-11-02]", "catalogue.calendar.working_saturdays", "2026-11-02 не е събота: оставете само съботи"),
    Mistake("calendar-typo", "index.md", "working_saturdays:", "working_saturday:", "catalogue.calendar.working_saturday", "непознато поле: поправете името или го махнете (тук може: declared_days_off, working_saturdays"),
]  # fmt: skip


def test_every_field_of_the_pages_has_a_mistake() -> None:
    fields = {mistake.field for mistake in MISTAKES}
    assert fields >= {
        "plan",
        "plan.id",
        "plan.kind",
        "plan.name",
        "plan.order",
        "plan.monthly_fee",
        "plan.included_hours",
        "plan.hourly_rate",
        "plan.minimum_hours_per_visit",
        "plan.incident_fee",
        "plan.priority",
        "plan.reaction",
        "plan.reaction.guarantee_hours",
        "plan.reaction.calendar",
        "plan.reaction.typical_working_days",
        "catalogue",
        "catalogue.price_list",
        "catalogue.effective",
        "catalogue.vat_percent",
        "catalogue.bgn_per_eur",
        "catalogue.working_hours.end",
        "catalogue.effort.hours_per_workstation",
        "catalogue.effort.hours_per_server",
        "catalogue.effort.hours_per_incident",
        "catalogue.travel.home_city",
        "catalogue.travel.per_km",
        "catalogue.travel.per_visit",
        "catalogue.services[0].id",
        "catalogue.services[0].price",
        "catalogue.services[1].unit",
        "catalogue.calendar.declared_days_off[0]",
        "catalogue.calendar.working_saturdays",
    }


def copy_plans(sample_root: Path, tmp_path: Path) -> Path:
    """The tests' pages with only their plan pages: the hook reads no other."""
    docs = tmp_path / "docs"
    shutil.copytree(sample_root / "docs" / "plans", docs / "plans")
    return docs


def apply(docs: Path, mistake: Mistake) -> None:
    path = docs / "plans" / mistake.file
    text = path.read_text(encoding="utf-8")
    if mistake.old == WHOLE_FRONT_MATTER:
        _, _, body = text.split("---\n", 2)
        changed = f"---\n{mistake.new}\n---\n{body}"
    else:
        assert text.count(mistake.old) == 1, mistake.old
        changed = text.replace(mistake.old, mistake.new)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


def hook_error(sample_root: Path, docs: Path) -> str:
    """The hook's error on the pages in `docs`, with the tests' mkdocs.yml."""
    config = load_config(
        str(sample_root / "mkdocs.yml"),
        docs_dir=str(docs),
        site_dir=str(docs.parent / "site"),
        strict=True,
    )
    with pytest.raises(PluginError) as info:
        site_hooks.on_config(config)
    return str(info.value)


def test_the_table_is_big_enough_and_its_ids_unique() -> None:
    assert len(MISTAKES) >= 30
    assert len({mistake.id for mistake in MISTAKES}) == len(MISTAKES)
    assert sum(mistake.full_build for mistake in MISTAKES) >= 3


def test_the_unchanged_pages_build_strictly(sample_repo: Path) -> None:
    result = strict_build(sample_repo)
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr
    assert (sample_repo / "site" / "planove" / "standard" / "index.html").is_file()


def test_an_unquoted_time_is_read_as_written(sample_root: Path, tmp_path: Path) -> None:
    # YAML 1.1 would read 18:00 as 1080 (base 60); the loader keeps it as the text an editor meant.
    docs = copy_plans(sample_root, tmp_path)
    apply(docs, Mistake("unquoted-time", "index.md", 'end: "18:00"', "end: 18:00", "", ""))
    assert load_catalogue(docs, with_holidays=False).working_hours.end == time(18, 0)


@pytest.mark.parametrize("mistake", [m for m in MISTAKES if not m.full_build], ids=lambda m: m.id)
def test_the_hook_names_file_and_field(sample_root: Path, tmp_path: Path, mistake: Mistake) -> None:
    docs = copy_plans(sample_root, tmp_path)
    apply(docs, mistake)
    message = hook_error(sample_root, docs)
    assert message.startswith(f"docs/plans/{mistake.file}: ")
    assert mistake.field in message
    assert mistake.reason in message
    assert "\n" not in message
    assert ENGLISH.search(ours(message)) is None, message


@pytest.mark.parametrize("mistake", [m for m in MISTAKES if m.full_build], ids=lambda m: m.id)
def test_the_strict_build_stops_naming_file_and_field(sample_repo: Path, mistake: Mistake) -> None:
    apply(sample_repo / "docs", mistake)
    result = strict_build(sample_repo)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    message = errors[0].removeprefix("ERROR").lstrip(" -")
    assert message.startswith(f"docs/plans/{mistake.file}: ")
    assert mistake.field in message
    assert mistake.reason in message
    assert ENGLISH.search(ours(message)) is None, message
    assert not (sample_repo / "site" / "planove" / "standard" / "index.html").exists()
