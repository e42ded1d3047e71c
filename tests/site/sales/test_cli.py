import json
import re
from pathlib import Path

import pytest
import yaml
from sample_site import CONTENT

from backoffice.sales.cli import main, visible
from backoffice.website.sources import load_catalogue
from tests.site.sales.conftest import Run


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["--start", "2026-12-23T17:00", "--hours", "4", "--calendar", "business"],
            "2026-12-29T12:00:00+02:00",
        ),
        (
            ["--start", "2027-04-29T17:00", "--hours", "4", "--calendar", "business"],
            "2027-05-05T12:00:00+03:00",
        ),
        (
            [
                "--start",
                "2026-12-23T17:00",
                "--hours",
                "4",
                "--calendar",
                "business",
                "--workday",
                "08:00-17:00",
            ],
            "2026-12-29T12:00:00+02:00",
        ),
        (
            [
                "--start",
                "2026-12-23T16:00",
                "--hours",
                "4",
                "--calendar",
                "business",
                "--workday",
                "10:00-14:00",
            ],
            "2026-12-29T14:00:00+02:00",
        ),
        (["--start", "2026-03-29T01:30", "--hours", "2", "--calendar", "24/7"], "2026-03-29T04:30:00+03:00"),
        (
            ["--start", "2026-10-25T02:30+03:00", "--hours", "2", "--calendar", "24/7"],
            "2026-10-25T03:30:00+02:00",
        ),
        (
            ["--start", "2026-12-23T15:00Z", "--hours", "1.5", "--calendar", "24/7"],
            "2026-12-23T18:30:00+02:00",
        ),
    ],
)
def test_deadline(run: Run, argv: list[str], expected: str) -> None:
    assert run("deadline", *argv) == (0, expected + "\n", "")


def test_holidays(run: Run) -> None:
    code, out, err = run("holidays", "--year", "2027")
    assert (code, err) == (0, "")
    assert out.split() == [
        "2027-01-01", "2027-03-03", "2027-04-30", "2027-05-01", "2027-05-02", "2027-05-03",
        "2027-05-04", "2027-05-06", "2027-05-24", "2027-09-06", "2027-09-22", "2027-12-24",
        "2027-12-25", "2027-12-26", "2027-12-27", "2027-12-28",
    ]  # fmt: skip


def test_lev_amounts_add_up_in_json_and_text(run: Run) -> None:
    args = ("quote", "--bgn", "--workstations", "7", "--at", "2026-12-23T17:00")
    code, out, err = run(*args, "--json")
    assert (code, err) == (0, "")
    premium = json.loads(out)["plans"][0]
    assert (premium["net"], premium["vat"], premium["gross"]) == ("425.00", "85.00", "510.00")
    # 831.23 + 166.25 = 997.48 (510 x 1.95583 alone would round to 997.47); a year is 12 months.
    assert premium["bgn"] == {
        "net": "831.23",
        "vat": "166.25",
        "gross": "997.48",
        "annual_net": "9974.76",
        "annual_vat": "1995.00",
        "annual_gross": "11969.76",
    }
    code, out, err = run(*args, "--customer", "individual")
    assert (code, err) == (0, "")
    # An individual's lev column is the gross: 997.48 as in the JSON.
    assert "Абонамент Премиум           510,00 €        425,00 €    997,48 лв." in out.splitlines()


def test_quote_json(run: Run) -> None:
    code, out, err = run(
        "quote", "--workstations", "10", "--incidents", "2", "--visits", "2", "--km", "30",
        "--at", "2026-12-23T17:00", "--json", "--bgn",
    )  # fmt: skip
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [(p["id"], p["net"], p["vat"], p["gross"]) for p in data["plans"]] == [
        ("premium", "578.00", "115.60", "693.60"),
        ("standard", "516.00", "103.20", "619.20"),
        ("paket", "338.00", "67.60", "405.60"),
        ("pochasov", "448.00", "89.60", "537.60"),
        ("na-rabota", "498.00", "99.60", "597.60"),
        ("avariyna", "663.00", "132.60", "795.60"),
    ]
    assert data["plans"][0]["reaction"]["guarantee_hours"] == "2"
    assert data["plans"][0]["bgn"]["gross"] == "1356.56"
    # 7 h of regular work and 2 incidents x 1.5 h = 10 h: the package's 8 h fall 2 h short.
    assert [(p["id"], p["covers"], p["hours_over"]) for p in data["plans"]] == [
        ("premium", True, 0),
        ("standard", True, 0),
        ("paket", False, 2),
        ("pochasov", True, 0),
        ("na-rabota", True, 0),
        ("avariyna", True, 0),
    ]
    assert '"covers": false,\n      "hours_over": 2,\n' in out
    assert data["recommended"] == "pochasov"
    assert data["link"] == "#v=1&pl=2026-12&c=b&ws=10&sv=1&inc=2&vis=2&km=30&at=2026-12-23T17:00"


def test_the_table_marks_a_package_too_small_and_says_by_how_much(run: Run) -> None:
    code, out, _ = run(
        "quote", "--workstations", "10", "--incidents", "2", "--visits", "2", "--km", "30",
        "--at", "2026-12-23T17:00",
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    row = lines.index("Абонамент Пакет             338,00 €        405,60 €  [не покрива обема]")
    assert lines[row + 1 : row + 3] == [
        "    Планът включва 8 ч работа на месец, а по вашите данни са нужни 10 ч - с 2 ч повече.",
        "    Месечна такса: 290,00 € (фиксирана такса за Абонамент Пакет, с 8 ч работа на месец)",
    ]
    assert "не покрива обема" not in "".join(line for line in lines if line.startswith("Абонамент Почасов"))


@pytest.mark.parametrize(
    ("operating", "waits", "costs", "break_even"),
    [
        # The issue's office: Премиум 65 h / 36 moments a day = 1.8056 h, Почасов 4 h.
        (
            "business",
            ["1.81", "3.17", "4.00", "4.00", "13.50", "4.50"],
            ["144.80", "253.60", "320.00", "320.00", "1080.00", "360.00"],
            [("premium", "68.49"), ("standard", "91.57")],
        ),
        # Around the clock: Премиум 2 h; Почасов about 34 h over Christmas and New Year.
        (
            "24/7",
            ["2.00", "4.00", "34.15", "34.15", "69.33", "35.04"],
            ["160.00", "320.00", "2732.00", "2732.00", "5546.40", "2803.20"],
            [("standard", "2.52"), ("premium", "4.67")],
        ),
    ],
)
def test_quote_json_with_the_cost_of_downtime(
    run: Run,
    operating: str,
    waits: list[str],
    costs: list[str],
    break_even: list[tuple[str, str]],
) -> None:
    code, out, err = run(
        "quote",
        "--downtime-cost",
        "80",
        "--operating",
        operating,
        "--at",
        "2026-12-21T00:00",
        "--json",
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [plan["downtime"] for plan in data["plans"]] == [
        {"expected_wait_hours": wait, "monthly_cost": cost, "estimate": estimate}
        for wait, cost, estimate in zip(waits, costs, [False, False, False, False, True, True], strict=True)
    ]
    # Fee + downtime: 390 + 144.80 (or 160) beats 240 + 320 (or 2732).
    assert data["recommended"] == "premium"
    assert [(p["faster"], p["cost_per_hour"]) for p in data["downtime_break_even"]] == break_even
    assert data["link"].endswith("&at=2026-12-21T00:00&dc=80" + ("&op=24/7" if operating == "24/7" else ""))


def test_quote_json_without_a_cost_is_as_it_was(run: Run) -> None:
    code, out, _ = run("quote", "--at", "2026-12-21T00:00", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["recommended"] == "pochasov"
    assert list(data) == [
        "price_list", "profile", "incident_at", "vat_percent", "vat_first", "primary_amount", "bgn_per_eur",
        "workload", "plans", "recommended", "recommendation", "break_even", "link", "link_price_list",
    ]  # fmt: skip
    assert list(data["profile"]) == [
        "customer", "workstations", "servers", "incidents", "regular_hours", "visits", "distance_km",
        "reaction_hours", "incident_at",
    ]  # fmt: skip
    assert all("downtime" not in plan for plan in data["plans"])


def test_a_cost_of_zero_recommends_as_without_one(run: Run) -> None:
    _, out, _ = run("quote", "--downtime-cost", "0", "--at", "2026-12-21T00:00", "--json")
    assert json.loads(out)["recommended"] == "pochasov"


def test_quote_table_with_the_cost_of_downtime(run: Run) -> None:
    code, out, _ = run("quote", "--downtime-cost", "80", "--at", "2026-12-21T00:00")
    assert code == 0
    assert "    Очаквано чакане: 1,81 ч; загуба от престой 144,80 €; общо 534,80 €\n" in out
    assert (
        "    Очаквано чакане: 13,5 ч, ориентировъчно; загуба от престой 1 080,00 €; общо 1 350,00 €\n" in out
    )
    assert (
        "Кога по-бързата реакция излиза по-изгодно:\n    Ако час престой ви струва над 68,49 €, "
        "Абонамент Премиум излиза по-изгодно от Абонамент Почасов\n"
    ) in out


def test_quote_from_a_link_with_an_override(run: Run) -> None:
    link = "https://example.bg/kalkulator/#v=1&pl=2026-12&c=i&ws=2&sv=0&inc=0&h=3&vis=0&km=0"
    code, out, _ = run("quote", "--link", link, "--hours", "5", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["profile"]["regular_hours"] == "5"
    assert data["vat_first"] is True
    # Почасов: 5 h x 40 = 200 net, 240 gross.
    assert (data["plans"][3]["id"], data["plans"][3]["net"], data["plans"][3]["gross"]) == (
        "pochasov",
        "200.00",
        "240.00",
    )


def test_quote_table(run: Run) -> None:
    code, out, _ = run("quote", "--at", "2026-11-16T10:00", "--reaction", "4")
    assert code == 0
    assert out.startswith("Оценка по ценоразпис 2026-12, в евро на месец\n")
    assert "Препоръка: Абонамент Почасов е най-изгодният план, който реагира до 4 ч" in out
    assert out.endswith("Връзка: #v=1&pl=2026-12&c=b&ws=5&sv=1&inc=1&vis=1&km=0&rt=4&at=2026-11-16T10:00\n")


def test_a_link_to_an_unknown_price_list_is_quoted_at_today_s(run: Run) -> None:
    _, out, _ = run("quote", "--link", "#v=1&pl=2025-01")
    assert out.startswith(
        "Оценка по ценоразпис 2026-12, в евро на месец\n"
        "Ценоразпис 2025-01 от връзката не е намерен, затова цените са днешните.\n"
    )
    _, out, _ = run("quote", "--link", "#v=1&pl=2025-01", "--json")
    data = json.loads(out)
    assert (data["price_list"], data["link_price_list"], data["notice"]) == (
        "2026-12",
        "2025-01",
        "Ценоразпис 2025-01 от връзката не е намерен, затова цените са днешните.",
    )


@pytest.fixture
def newer_prices(sample_repo: Path) -> str:
    """Docs whose current list is 2027-01 (Premium 410 EUR), with 2026-12 and 2026-11 (390 EUR) archived."""
    plans = sample_repo / "docs" / "plans"
    for name, old, new in [
        ("premium.md", "monthly_fee: 390", "monthly_fee: 410"),
        ("index.md", 'price_list: "2026-12"', 'price_list: "2027-01"'),
        ("index.md", "effective: 2026-12-01", "effective: 2027-01-01"),
    ]:
        text = (plans / name).read_text(encoding="utf-8")
        assert old in text
        (plans / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(sample_repo / "docs")


OLD_LINK = "#v=1&pl=2026-11&c=b&ws=10&sv=1&inc=1&vis=1&km=0&at=2026-12-21T00:00"
AS_ISSUED = (
    "Тази оценка е изчислена по ценоразпис 2026-11 от 01.11.2026, който вече не е в сила. Показваме я, "
    "както е изчислена, а под нея - същата оценка по днешните цени (ценоразпис 2027-01)."
)


def test_an_old_link_is_quoted_at_its_own_list_and_today_s(
    capsys: pytest.CaptureFixture[str], newer_prices: str
) -> None:
    code = main(["quote", "--link", OLD_LINK, "--docs", newer_prices])
    out = capsys.readouterr().out
    assert code == 0
    issued, today = out.split("\nСъщата оценка по днешните цени:\n\n")
    assert issued.startswith(f"Оценка по ценоразпис 2026-11, в евро на месец\n{AS_ISSUED}\n")
    assert "Абонамент Премиум           477,50 €        573,00 €\n" in issued
    assert issued.endswith(f"Връзка: {OLD_LINK}\n")
    assert today.startswith("Оценка по ценоразпис 2027-01, в евро на месец\nРабота: ")
    assert "Абонамент Премиум           497,50 €        597,00 €\n" in today
    assert today.endswith("Връзка: #v=1&pl=2027-01&c=b&ws=10&sv=1&inc=1&vis=1&km=0&at=2026-12-21T00:00\n")

    code = main(["quote", "--link", OLD_LINK, "--json", "--docs", newer_prices])
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["link_price_list", "notice", "as_issued", "today"]
    assert (data["link_price_list"], data["notice"]) == ("2026-11", AS_ISSUED)
    for key, price_list, premium in [("as_issued", "2026-11", "477.50"), ("today", "2027-01", "497.50")]:
        assert data[key]["price_list"] == price_list
        assert (data[key]["plans"][0]["id"], data[key]["plans"][0]["net"]) == ("premium", premium)
        assert data[key]["link"] == OLD_LINK.replace("2026-11", price_list)
        assert "link_price_list" not in data[key]


def test_a_link_to_today_s_list_gives_the_usual_output(
    capsys: pytest.CaptureFixture[str], newer_prices: str
) -> None:
    link = OLD_LINK.replace("2026-11", "2027-01")
    main(["quote", "--link", link, "--json", "--docs", newer_prices])
    data = json.loads(capsys.readouterr().out)
    assert list(data)[-2:] == ["link", "link_price_list"]
    assert (data["price_list"], data["link_price_list"], data["plans"][0]["net"]) == (
        "2027-01",
        "2027-01",
        "497.50",
    )
    main(["quote", "--link", link, "--docs", newer_prices])
    out = capsys.readouterr().out
    assert out.startswith("Оценка по ценоразпис 2027-01, в евро на месец\nРабота: ")
    assert "днешните цени" not in out


BUSINESS_DEADLINE = ["deadline", "--start", "2026-12-23T17:00", "--hours", "4", "--calendar", "business"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["deadline", "--start", "x", "--hours", "4", "--calendar", "24/7"],
            "--start: няма такъв момент ('x')",
        ),
        (["deadline", "--start", "2026-03-29T03:30", "--hours", "4", "--calendar", "24/7"], "--start:"),
        (["deadline", "--start", "2026-12-23T17:00", "--hours", "-4", "--calendar", "24/7"], "--hours:"),
        (["deadline", "--start", "2026-12-23T17:00", "--hours", "nan", "--calendar", "24/7"], "--hours:"),
        (
            ["deadline", "--start", "2026-12-23T17:00", "--hours", "0", "--calendar", "24/7"],
            "--hours: трябва да е повече от 0 и най-много 10000",
        ),
        (
            ["deadline", "--start", "2026-12-23T17:00", "--hours", "1_000", "--calendar", "24/7"],
            "--hours: не е число: '1_000'",
        ),
        (
            [*BUSINESS_DEADLINE, "--workday", "09:00-24:00"],
            "--workday: очаква се ЧЧ:ММ-ЧЧ:ММ, а е '09:00-24:00'",
        ),
        (
            ["deadline", "--start", "2026-12-23T17:00", "--hours", "4", "--calendar", "weekdays"],
            "--calendar: непозната стойност 'weekdays' (може: 'business', '24/7')",
        ),
        ([*BUSINESS_DEADLINE, "--workday", "18-9"], "--workday:"),
        (["holidays", "--year", "abc"], "--year: трябва да е цяло число, а е 'abc'"),
        (["holidays", "--year", "1800"], "--year: трябва да е между 1991 и 2100"),
        (["quote", "--workstations", "-1"], "--workstations: трябва да е между 0 и 10000"),
        (["quote", "--km", "abc"], "--km: трябва да е число"),
        (["quote", "--link", "#v=1&pl=2026-11&ws=1e9"], "--link: ws: трябва да е число с точка"),
        (["quote", "--link", "#v=1&pl=2026-11&ws=1&ws=2"], "--link: ws: параметърът се повтаря"),
        (["quote", "--link", "https://example.bg/"], "--link: в адреса няма данни за оферта"),
        (["quote", "--at", "tomorrow"], "--at: няма такъв момент (дата, час или смяна на часовото време)"),
        (["quote", "--downtime-cost", "-1"], "--downtime-cost: трябва да е между 0 и 100000"),
        (["quote", "--downtime-cost", "100000.01"], "--downtime-cost: трябва да е между 0 и 100000"),
        (
            ["quote", "--downtime-cost", "12.345"],
            "--downtime-cost: най-много 2 знака след десетичната запетая",
        ),
        (["quote", "--downtime-cost", "евро"], "--downtime-cost: трябва да е число"),
        (
            ["quote", "--operating", "nights"],
            "--operating: непозната стойност 'nights' (може: 'business', '24/7')",
        ),
        (
            ["nonsense"],
            "команда: непозната стойност 'nonsense' "
            "(може: 'deadline', 'holidays', 'quote', 'offer', 'offer-key')",
        ),
        ([], "липсват задължителни опции: команда"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    sample_root: Path,
    argv: list[str],
    message: str,
) -> None:
    # Without --docs: the docs in the working directory.
    monkeypatch.chdir(sample_root)
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("calculator: грешка: ")
    assert message in captured.err


def test_bad_catalogue_exits_2_naming_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plans = tmp_path / "docs" / "plans"
    plans.mkdir(parents=True)
    (plans / "index.md").write_text("---\ncatalogue: [\n---\n", encoding="utf-8")
    code = main(["holidays", "--year", "2027", "--docs", str(tmp_path / "docs")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(
        "calculator: грешка: docs/plans/index.md: грешка в началните данни на ред 2 (catalogue)"
    )
    assert err.count("\n") == 1


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "deadline" in capsys.readouterr().out


@pytest.mark.parametrize("command", [[], ["quote"], ["deadline"], ["holidays"], ["offer"], ["offer-key"]])
def test_the_help_is_in_bulgarian(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    assert main([*command, "--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"Употреба: calculator {' '.join(command)}".rstrip() + " [-h]")
    assert "показва тази помощ и спира" in text
    # argparse's English and ours are gone: no English words but names of options, values and addresses.
    words = set(
        re.findall(
            r"\b[a-z]{3,}\b", re.sub(r"--[a-z-]+|\{[^}]*\}|https://\S+|ISO 8601|MkDocs|JSON|docs", "", text)
        )
    )
    assert words <= {
        "calculator",
        "quote",
        "deadline",
        "holidays",
        "business",
        "individual",
        # The offer commands, a key's name and the file that lists the keys.
        "offer",
        "key",
        "ivan",
        "mkdocs",
        "yml",
    }


def _sample_words(sample_root: Path) -> list[str]:
    """What names the tests' company: its plans' and services' ids and names, its details, its domain."""
    catalogue = load_catalogue(sample_root / "docs", with_holidays=False)
    config = yaml.safe_load((CONTENT / "mkdocs.yml").read_text(encoding="utf-8"))
    company = config["extra"]["company"]
    # Not the city: the help names Sofia's time, whoever runs the site.
    return [
        *(word for plan in catalogue.plans for word in (plan.id, plan.name)),
        *(word for service in catalogue.services for word in (service.id, service.name)),
        config["site_name"],
        *(company[key] for key in ("brand", "name", "eik", "vat", "phone", "email")),
        company["address"]["street"],
        company["email"].partition("@")[2],
    ]


@pytest.mark.parametrize("command", [[], ["quote"], ["deadline"], ["holidays"], ["offer"], ["offer-key"]])
def test_the_help_names_nothing_of_the_sample_company(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, sample_root: Path, command: list[str]
) -> None:
    words = _sample_words(sample_root)
    # The words are there to look for: the plans, the services and the company are the tests' own.
    assert {"standard", "obuchenie", "integracia", "ТехОпора", "+359 2 123 4567", "tehopora.bg"} <= set(words)
    # One line an option, so that no name is broken at a space or a hyphen.
    monkeypatch.setenv("COLUMNS", "1000")
    assert main([*command, "--help"]) == 0
    text = capsys.readouterr().out.casefold()
    assert [word for word in words if word.casefold() in text] == []


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            ["quote", "--link", "#v=1&pl=2026-11&\x1b[31mX=1"],
            "calculator: грешка: --link: \\x1b[31mX: непознат параметър\n",
        ),
        (
            ["quote", "--link", "#v=\x1b[2J\u202eabc"],
            "calculator: грешка: --link: v: непозната версия на връзката: '\\x1b[2J\\u202eabc'\n",
        ),
        (
            ["quote", "--link", "#v=1&pl=2026-11&a\nb\t=1"],
            "calculator: грешка: --link: a\\nb\\t: непознат параметър\n",
        ),
        (
            ["quote", "--link", "#v=1&pl=2026-11&\u2028\u2066\x85=1"],
            "calculator: грешка: --link: \\u2028\\u2066\\x85: непознат параметър\n",
        ),
        (
            ["quote", "--customer", "a\u202eb"],
            "calculator: грешка: --customer: непозната стойност 'a\\u202eb' "
            "(може: 'business', 'individual')\n",
        ),
        (["quote", "--bogus\x07", "x\x7f"], "calculator: грешка: непознати аргументи: --bogus\\x07 x\\x7f\n"),
        (
            ["deadline", "--start", "\x9b2J", "--hours", "1", "--calendar", "24/7"],
            "calculator: грешка: --start: няма такъв момент ('\\x9b2J')\n",
        ),
        (
            [*BUSINESS_DEADLINE, "--workday", "\x1b[5m09:00-18:00\u202e"],
            "calculator: грешка: --workday: очаква се ЧЧ:ММ-ЧЧ:ММ, а е '\\x1b[5m09:00-18:00\\u202e'\n",
        ),
    ],
)
def test_a_hostile_value_is_echoed_with_its_controls_escaped(run: Run, argv: list[str], line: str) -> None:
    code, out, err = run(*argv)
    assert (code, out, err) == (2, "", line)


def test_visible_leaves_no_control_or_bidi_character() -> None:
    unsafe = [
        *map(chr, range(0x20)),
        *map(chr, range(0x7F, 0xA0)),
        "\u202a",
        "\u202e",
        "\u2066",
        "\u2069",
        "\ufeff",
    ]
    for char in unsafe:
        shown = visible(f"а{char}б")
        assert shown.isprintable() and shown.startswith("а\\") and shown.endswith("б"), repr(char)
    assert visible("\x1b[31m\t\u202e") == "\\x1b[31m\\t\\u202e"
    # Bulgarian text, the no-break space and ordinary punctuation stay as they are.
    assert visible("7,5\u00a0ч – „цена“ € '2026-11'") == "7,5\u00a0ч – „цена“ € '2026-11'"
