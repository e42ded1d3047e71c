"""An editor's ordinary changes, made to a copy of a repository as the editors' guide says to make them.

Each edit finds what it changes by the kind of field, never by a plan id or
a figure of today's content, so that it applies to whatever content the
repository has: the first plan's fee, the last plan, the working hours.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import yaml
from content_checks import FEES
from git_history import git
from sample_site import child

from backoffice.website.sources import read_front_matter

INDEX = Path("docs/plans/index.md")


def start_history(root: Path) -> None:
    """Put `root` under git, as it is, in one commit: the repository a company has before the edits."""
    git(root, "init", "--quiet", "--initial-branch=main")
    commit(root, "The site as it is", ".")


def commit(root: Path, message: str, *paths: str) -> None:
    """`git add` the paths and commit, as the guide says (`git add docs/plans price-lists`)."""
    git(root, "add", "--all", "--", *paths)
    git(root, "commit", "--quiet", "-m", message)


def set_field(path: Path, key: str, value: str) -> str:
    """Set the first `key:` line of the page's front matter to `value` (YAML text); return the old text."""
    text = path.read_text(encoding="utf-8")
    head_end = text.index("\n---", 3)
    pattern = re.compile(rf"^([ \t]*{re.escape(key)}:)[ \t]*(.*)$", re.M)
    match = pattern.search(text, 0, head_end)
    assert match is not None, f"{path.name}: no {key}"
    path.write_text(text[: match.start()] + f"{match[1]} {value}" + text[match.end() :], encoding="utf-8")
    return match[2]


def plan_pages(root: Path) -> list[Path]:
    """The plan pages, in the catalogue's order (`plan.order`)."""
    pages = [path for path in (root / "docs" / "plans").glob("*.md") if path.name != "index.md"]
    return sorted(pages, key=lambda path: int(read_front_matter(path, path.name)["plan"]["order"]))


def catalogue_front(root: Path) -> dict[str, object]:
    return dict(read_front_matter(root / INDEX, str(INDEX))["catalogue"])


def archived_lists(root: Path) -> list[str]:
    index = root / "price-lists" / "index.json"
    return list(json.loads(index.read_text(encoding="utf-8"))["lists"]) if index.is_file() else []


def new_price_list(root: Path) -> str:
    """Give the catalogue a new price-list id and a later `effective` (the guide's step 3); return the id."""
    front = catalogue_front(root)
    effective = date.fromisoformat(str(front["effective"]))
    later = (effective.replace(day=1) + timedelta(days=32)).replace(day=1)
    taken = {str(front["price_list"]), *archived_lists(root), *(front.get("withdrawn") or [])}
    list_id = f"{later:%Y-%m}"
    while list_id in taken:
        list_id += "b"
    set_field(root / INDEX, "price_list", f'"{list_id}"')
    set_field(root / INDEX, "effective", later.isoformat())
    return list_id


def raise_first_fee(root: Path, by: int = 10) -> tuple[str, str, str, str]:
    """Raise the first plan's fee, or else its hourly rate; return (plan, key, old, new)."""
    page = plan_pages(root)[0]
    plan = read_front_matter(page, page.name)["plan"]
    key = next(key for key in FEES if key in plan)
    new = str(int(float(str(plan[key]))) + by)
    old = set_field(page, key, new)
    return page.stem, key, old, new


def rename_plan(page: Path, name: str) -> None:
    """The plan's name, and its page's title where the page has one."""
    set_field(page, "name", name)
    if "title" in read_front_matter(page, page.name):
        set_field(page, "title", name)


def add_plan(root: Path, name: str) -> str:
    """A new subscription plan, first in the order, as the guide's "Как да добавите план" makes it; its id."""
    plans = root / "docs" / "plans"
    plan_id = next(f"nov-plan-{n}" for n in range(1, 100) if not (plans / f"nov-plan-{n}.md").exists())
    page = f"""---
title: {name}
description: План, добавен от редактор.
plan:
  id: {plan_id}
  kind: subscription
  name: {name}
  order: 0
  monthly_fee: 555
  included_hours: 11
  hourly_rate: 33
  reaction:
    guarantee_hours: 3
    calendar: "24/7"
  priority: true
---

# {name}

<!-- md:plan-terms -->
"""
    (plans / f"{plan_id}.md").write_text(page, encoding="utf-8")
    return plan_id


def remove_plan(root: Path, plan_id: str) -> None:
    """Delete a plan's page, and mend the pages that name it in their text, as the build asks."""
    (root / "docs" / "plans" / f"{plan_id}.md").unlink()
    link = re.compile(rf"\[([^\]]*)\]\((?:\.\./)*plans/{re.escape(plan_id)}\.md(?:#[^)]*)?\)")
    code = re.compile(rf"<!-- md:plan {re.escape(plan_id)} \w+ -->")
    for page in (root / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        mended = code.sub("този план", link.sub(r"\1", text))
        if mended != text:
            page.write_text(mended, encoding="utf-8")


def set_working_hours(root: Path, start: str, end: str) -> None:
    set_field(root / INDEX, "start", f'"{start}"')
    set_field(root / INDEX, "end", f'"{end}"')


def withdraw(root: Path, ids: list[str]) -> list[str]:
    """Add price lists to `catalogue.withdrawn` (the content may withdraw some already); return them all."""
    path = root / INDEX
    text = path.read_text(encoding="utf-8")
    front = dict(read_front_matter(path, str(INDEX)))
    catalogue = dict(front["catalogue"])
    withdrawn = sorted({*(catalogue.get("withdrawn") or []), *ids})
    catalogue["withdrawn"] = withdrawn
    front["catalogue"] = catalogue
    body = text.split("\n---", 2)[1].split("\n", 1)[1]
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{head}---\n{body}", encoding="utf-8")
    return withdrawn


def set_config(root: Path, values: dict[str, str]) -> None:
    """Set mkdocs.yml's scalars by dotted key (``extra.company.phone``), keeping every other setting."""
    path = root / "mkdocs.yml"
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    for dotted, value in values.items():
        *parents, key = dotted.split(".")
        mapping = node
        for parent in parents:
            mapping = child(mapping, parent)
        scalar = child(mapping, key)
        assert isinstance(scalar, yaml.ScalarNode), dotted
        scalar.value, scalar.style = value, None
    path.write_text(yaml.serialize(node, allow_unicode=True), encoding="utf-8")
