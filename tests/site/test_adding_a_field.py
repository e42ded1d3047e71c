"""A new profile field is one row of the field table and one attribute of the profile.

The test writes exactly that change into a copy of the code, then finds the
field in the form, the quote link (both ways), the sales CLI's options and
answer, and the printed inputs, with nothing else edited.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ROW = """    Field(
        "printers",
        "pr",
        "--printers",
        "Принтери",
        "Мрежови и настолни принтери.",
        "принтери",
        "Принтери",
        unit="бр.",
        bounds=_bounds(0, 100, 0),
    ),
)

BY_NAME ="""

ATTRIBUTE = """    operating: Operating = "business"
    printers: int = 0
"""

# Run in the copy: what each derived piece makes of the new field.
PROBE = """
import contextlib, io, json, sys
from calculator.page.form import CHECKED, DEFAULT_FORM, form_profile
from calculator.page.links import PARAM_NAMES, decode_link, decode_link_lenient, encode_link
from calculator.profile.profile import Profile
from backoffice.sales.cli import main

help_text, answer, error = io.StringIO(), io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(help_text):  # argparse prints its help there
    main(["quote", "--help"])
main(["quote", "--docs", sys.argv[1], "--printers", "7", "--at", "2026-12-23T17:00", "--json"], out=answer)
code = main(["quote", "--docs", sys.argv[1], "--printers", "101"], err=error)
link, problems = decode_link_lenient("#v=1&pl=2026-11&ws=3&pr=500")
print(json.dumps({
    "default_form": DEFAULT_FORM["printers"],
    "checked": "printers" in CHECKED,
    "from_form": form_profile({**DEFAULT_FORM, "printers": " 4 "}).printers,
    "written": encode_link("2026-11", Profile(printers=3)),
    "read": decode_link("#v=1&pl=2026-11&pr=12").profile.printers,
    "lenient": [link.profile.workstations, link.profile.printers, [str(p) for p in problems]],
    "named": PARAM_NAMES["pr"],
    "help": [line.strip() for line in help_text.getvalue().splitlines() if "printers" in line],
    "cli_profile": json.loads(answer.getvalue())["profile"]["printers"],
    "cli_error": [code, error.getvalue()],
}, ensure_ascii=False))
"""


def _copy_with_the_new_field(tmp_path: Path) -> Path:
    for package in ("calculator", "backoffice"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    table = tmp_path / "calculator" / "profile" / "fields.py"
    text = table.read_text(encoding="utf-8")
    assert text.count("\n)\n\nBY_NAME =") == 1
    table.write_text(text.replace("\n)\n\nBY_NAME =", "\n" + ROW), encoding="utf-8")
    record = tmp_path / "calculator" / "profile" / "profile.py"
    text = record.read_text(encoding="utf-8")
    assert text.count('    operating: Operating = "business"\n') == 1
    record.write_text(text.replace('    operating: Operating = "business"\n', ATTRIBUTE), encoding="utf-8")
    return tmp_path


def test_a_field_added_as_one_row_reaches_the_form_the_link_and_the_cli(
    tmp_path: Path, sample_root: Path
) -> None:
    copy = _copy_with_the_new_field(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(sample_root / "docs")],
        capture_output=True,
        text=True,
        check=True,
        cwd=copy,
        env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"},
    )
    found = json.loads(result.stdout)
    assert found["default_form"] == "0"
    assert found["checked"] is True
    assert found["from_form"] == 4
    assert found["written"] == "#v=1&pl=2026-11&c=b&ws=5&sv=1&inc=1&vis=1&km=0&pr=3"
    assert found["read"] == 12
    assert found["lenient"] == [3, 0, ["pr: трябва да е между 0 и 100"]]
    assert found["named"] == "принтери"
    assert found["help"] == [
        "[--procure ОПИСАНИЕ;КОЛИЧЕСТВО] [--printers ЧИСЛО]",
        "--printers ЧИСЛО      Принтери (бр.), от 0 до 100. Мрежови и настолни",
    ]
    assert found["cli_profile"] == 7
    assert found["cli_error"] == [2, "calculator: грешка: --printers: трябва да е между 0 и 100\n"]


def test_the_original_code_has_no_such_field() -> None:
    # The copy above, not the project, carries the field.
    text = (ROOT / "calculator" / "profile" / "fields.py").read_text(encoding="utf-8")
    assert '"printers"' not in text
