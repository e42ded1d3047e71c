"""The sales CLI's one-off options: --service (the catalogue's services) and --procure."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from backoffice.sales.cli import main

AT = ["--at", "2026-12-23T17:00"]

#: ``quote`` run on the given docs: its exit status, stdout and stderr.
Quote = Callable[..., tuple[int, str, str]]


def _quote(capsys: pytest.CaptureFixture[str], docs: Path) -> Quote:
    def run_(*argv: str) -> tuple[int, str, str]:
        code = main(["quote", *argv, "--docs", str(docs)])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run_


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], sample_root: Path) -> Quote:
    """``quote`` on the tests' own docs."""
    return _quote(capsys, sample_root / "docs")


def test_two_trainings_an_integration_and_two_procurement_lines(run: Quote) -> None:
    code, out, _ = run(
        *AT,
        "--service",
        "obuchenie=2",
        "--service",
        "integracia=1",
        "--procure",
        "Тонер HP 85A;4",
        "--procure",
        "Лаптоп Lenovo ThinkPad E14;2",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["one_off"] == {
        "lines": [
            {
                "id": "obuchenie",
                "name": "Обучение на потребители",
                "quantity": 2,
                "unit_net": "120.00",
                "net": "240.00",
                "on_request": False,
            },
            {
                "id": "integracia",
                "name": "Импорт и експорт на данни, интеграция с външни системи",
                "quantity": 1,
                "unit_net": None,
                "net": None,
                "on_request": True,
            },
            {
                "id": "dostavka-1",
                "name": "Тонер HP 85A",
                "quantity": 4,
                "unit_net": None,
                "net": None,
                "on_request": True,
            },
            {
                "id": "dostavka-2",
                "name": "Лаптоп Lenovo ThinkPad E14",
                "quantity": 2,
                "unit_net": None,
                "net": None,
                "on_request": True,
            },
        ],
        "net": "240.00",
        "vat": "48.00",
        "gross": "288.00",
    }
    assert data["link"] == (
        "#v=1&pl=2026-12&c=b&ws=5&sv=1&inc=1&vis=1&km=0&at=2026-12-23T17:00&us=integracia*1~obuchenie*2"
        "&dp=%D0%A2%D0%BE%D0%BD%D0%B5%D1%80%20HP%2085A*4"
        "~%D0%9B%D0%B0%D0%BF%D1%82%D0%BE%D0%BF%20Lenovo%20ThinkPad%20E14*2"
    )
    # The link reopens the same one-off part; the order of the options does not matter.
    code, again, _ = run("--link", data["link"], "--json")
    assert json.loads(again)["one_off"] == data["one_off"]
    argv = ["--service", "integracia=1", "--service", "obuchenie=2"]
    argv += ["--procure", "Тонер HP 85A;4", "--procure", "Лаптоп Lenovo ThinkPad E14;2"]
    code, same, _ = run(*AT, *argv, "--json")
    assert (json.loads(same)["one_off"], json.loads(same)["link"]) == (data["one_off"], data["link"])


def test_without_the_new_options_the_json_has_no_one_off_part(run: Quote) -> None:
    code, out, _ = run(*AT, "--json")
    data = json.loads(out)
    assert code == 0
    assert "one_off" not in data
    assert "services" not in data["profile"] and "procurement" not in data["profile"]


def test_the_text_lists_the_one_off_lines_under_the_plans(run: Quote) -> None:
    code, out, _ = run(*AT, "--service", "obuchenie=1", "--procure", "Рутер")
    assert code == 0
    assert (
        "\nЕднократно, при всеки план (допълнителни услуги и доставки), без ДДС:\n"
        "    Обучение на потребители: 1 × 120,00 € = 120,00 €\n"
        "    Рутер: 1 бр. - по запитване\n"
        "    Общо еднократно: 120,00 € без ДДС; ДДС 24,00 €; 144,00 € с ДДС; "
        "позициите по запитване не са в сумата\n\nПрепоръка: "
    ) in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--service", "obuchenie=-1"], "--service: трябва да е цяло число от 0 до 100, а е '-1'"),
        (["--service", "obuchenie=1.5"], "--service: трябва да е цяло число от 0 до 100, а е '1.5'"),
        (["--service", "integracia=101"], "--service: трябва да е цяло число от 0 до 100, а е '101'"),
        # No shortcut of the sample's services: they are ordered by their ids.
        (["--training", "2"], "непознати аргументи: --training 2"),
        (["--integration", "1"], "непознати аргументи: --integration 1"),
        (["--service", "obuchenie"], "--service: очаква се УСЛУГА=БРОЙ, напр. obuchenie=2, а е 'obuchenie'"),
        (["--service", "x=1"], "--service: в ценоразписа няма услуга 'x' (има: obuchenie, integracia)"),
        (["--procure", ";3"], "--procure: ред 1: липсва описание"),
        (["--procure", "Тонер;-2"], "--procure: ред 1: количеството трябва да е цяло число от 1 до 1000"),
        (["--procure", "Тонер;2.5"], "--procure: ред 1: количеството трябва да е цяло число от 1 до 1000"),
        (["--procure", "я" * 121 + ";1"], "--procure: ред 1: описанието е по-дълго от 120 знака"),
        ([*(f"--procure=ред {n};1" for n in range(11))], "--procure: най-много 10 реда"),
        (["--procure", "\x1b[31mТонер;1"], "--procure: ред 1: описанието съдържа непозволен знак"),
    ],
)
def test_a_bad_value_exits_2_naming_the_option(run: Quote, argv: list[str], message: str) -> None:
    code, out, err = run(*argv)
    assert (code, out, err) == (2, "", f"calculator: грешка: {message}\n")


def _with_services(docs: Path, services: str) -> None:
    """The plan pages' services replaced by `services` (the YAML lines under ``services:``, or none)."""
    index = docs / "plans" / "index.md"
    text = index.read_text(encoding="utf-8")
    given = text[text.index("  services:\n") : text.index("  calendar:\n")]
    index.write_text(text.replace(given, f"  services:\n{services}" if services else ""), encoding="utf-8")


def test_the_services_are_the_catalogue_s_whatever_they_are(
    capsys: pytest.CaptureFixture[str], sample_repo: Path
) -> None:
    docs = sample_repo / "docs"
    _with_services(
        docs, "    - id: montazh\n      name: Монтаж на техника\n      price: 45\n      unit: час\n"
    )
    run = _quote(capsys, docs)
    code, out, _ = run(*AT, "--service", "montazh=3", "--json")
    assert code == 0
    assert json.loads(out)["one_off"]["lines"] == [
        {
            "id": "montazh",
            "name": "Монтаж на техника",
            "quantity": 3,
            "unit_net": "45.00",
            "net": "135.00",
            "on_request": False,
        }
    ]
    # The example and the list in the messages are this catalogue's.
    assert run(*AT, "--service", "montazh") == (
        2,
        "",
        "calculator: грешка: --service: очаква се УСЛУГА=БРОЙ, напр. montazh=2, а е 'montazh'\n",
    )
    assert run(*AT, "--service", "obuchenie=2") == (
        2,
        "",
        "calculator: грешка: --service: в ценоразписа няма услуга 'obuchenie' (има: montazh)\n",
    )


def test_a_catalogue_without_services_says_so(capsys: pytest.CaptureFixture[str], sample_repo: Path) -> None:
    docs = sample_repo / "docs"
    _with_services(docs, "")
    run = _quote(capsys, docs)
    code, out, _ = run(*AT, "--json")
    assert (code, "one_off" in json.loads(out)) == (0, False)
    assert run(*AT, "--service", "obuchenie=2") == (
        2,
        "",
        "calculator: грешка: --service: в ценоразписа няма допълнителни услуги (поискана е 'obuchenie')\n",
    )
    assert run(*AT, "--service", "obuchenie") == (
        2,
        "",
        "calculator: грешка: --service: очаква се УСЛУГА=БРОЙ, а е 'obuchenie'\n",
    )
