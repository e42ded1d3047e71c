"""The README's table of where things are matches the tree."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _table_paths() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Where things are", 1)[1].split("\n\n", 2)[1]
    return re.findall(r"^\| `([^`*]+)`", table, flags=re.MULTILINE)


def test_every_path_in_the_readme_table_exists() -> None:
    paths = _table_paths()
    assert "calculator/" in paths and "tests/engine/" in paths
    assert [path for path in paths if not (ROOT / path).exists()] == []


def test_every_top_level_code_folder_is_in_the_readme_table() -> None:
    folders = {
        path.name + "/"
        for path in ROOT.iterdir()
        if path.is_dir() and any(path.glob("*.py")) and not path.name.startswith(".")
    }
    listed = _table_paths()
    assert {folder for folder in folders if not any(path.startswith(folder) for path in listed)} == set()


def test_every_room_of_both_packages_is_in_the_readme_table() -> None:
    rooms = sorted(
        f"{package}/{path.parent.name}/"
        for package in ("calculator", "backoffice")
        for path in (ROOT / package).glob("*/__init__.py")
    )
    assert rooms == [
        "backoffice/browser_bundle/",
        "backoffice/devserver/",
        "backoffice/sales/",
        "backoffice/website/",
        "calculator/catalogue/",
        "calculator/page/",
        "calculator/pricing/",
        "calculator/profile/",
        "calculator/time/",
    ]
    assert [room for room in rooms if room not in _table_paths()] == []
