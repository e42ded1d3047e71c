"""The plan pages in the site's navigation, made from the catalogue.

``mkdocs.yml`` lists only the plans' index under its section; the build puts
every plan page after it, in the catalogue's order. A plan page added,
removed or given another ``order`` changes the menu with no edit to it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["PLANS_INDEX", "NavigationError", "with_plans"]

PLANS_INDEX = "plans/index.md"


class NavigationError(ValueError):
    """The plans' index is not in the navigation, so there is no place for the plans."""


def _path(item: Any) -> Any:
    # An entry is "page.md" or {"Title": "page.md"} (or a section: {"Title": [...]}).
    if isinstance(item, dict) and len(item) == 1:
        return next(iter(item.values()))
    return item


def with_plans(nav: list[Any], plan_pages: list[str]) -> list[Any]:
    """`nav` with `plan_pages` right after the plans' index, and nowhere else.

    Args:
        nav: The ``nav`` of mkdocs.yml (not changed).
        plan_pages: The plan pages, docs-relative (``plans/osnoven.md``), in display order.

    Raises:
        NavigationError: ``plans/index.md`` is nowhere in ``nav``.
    """
    found = False

    def walk(items: list[Any]) -> list[Any]:
        nonlocal found
        out: list[Any] = []
        for item in items:
            path = _path(item)
            if path in plan_pages:
                continue  # listed by hand: it comes back in the catalogue's order
            if isinstance(path, list):
                title = next(iter(item))
                out.append({title: walk(path)})
                continue
            out.append(item)
            if path == PLANS_INDEX:
                found = True
                out.extend(plan_pages)
        return out

    result = walk(nav)
    if not found:
        raise NavigationError(
            f"mkdocs.yml: nav: липсва {PLANS_INDEX}: добавете го в менюто, плановете се подреждат след него"
        )
    return result
