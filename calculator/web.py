"""What the calculator page shows, computed the same way at build time and live.

The build calls :func:`quote_rows` to put the default answer into the page's
HTML; in the browser the Web Worker calls :func:`load_catalogue` once and then
:func:`quote_rows_json` for every change of the form. One function renders
both, so the prerendered and the live numbers cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from calculator.catalogue import Catalogue
from calculator.errors import CatalogueError, ProfileError
from calculator.money import format_eur
from calculator.pricing import price_plan
from calculator.profile import Profile

__all__ = ["form_profile", "load_catalogue", "quote_rows", "quote_rows_json"]

_catalogue: Catalogue | None = None


def load_catalogue(text: str) -> None:
    """Keep the catalogue (the JSON the build wrote) for the following quotes."""
    global _catalogue
    _catalogue = Catalogue.from_dict(json.loads(text))


def form_profile(form: Mapping[str, Any]) -> Profile:
    """The profile behind the form's values.

    For now the form asks only for the hours of regular work a month; the
    rest of the profile is held at zero so the price reflects those hours.

    Raises:
        ProfileError: a value is missing or out of bounds.
    """
    return Profile.from_dict(
        {
            "regular_hours": str(form.get("hours", "")).strip().replace(",", "."),
            "incidents": 0,
            "visits": 0,
            "workstations": 0,
            "servers": 0,
        }
    )


def quote_rows(catalogue: Catalogue, profile: Profile) -> list[dict[str, str]]:
    """One row per plan, in the catalogue's order: amounts and their text."""
    rows = []
    for plan in sorted(catalogue.plans, key=lambda plan: plan.order):
        price = price_plan(catalogue, plan, profile)
        rows.append(
            {
                "id": plan.id,
                "name": plan.name,
                "net": str(price.net),
                "vat": str(price.vat),
                "gross": str(price.gross),
                "net_text": format_eur(price.net),
                "vat_text": format_eur(price.vat),
                "gross_text": format_eur(price.gross),
            }
        )
    return rows


def quote_rows_json(form_json: str) -> str:
    """Rows for the form's values, as JSON: ``{"rows": [...]}`` or ``{"error": ...}``.

    A bad value is an answer, not an exception: ``{"error": {"field",
    "message"}}`` with the message in Bulgarian, for the page to show.
    """
    if _catalogue is None:
        raise CatalogueError("каталогът не е зареден", field="catalogue")
    try:
        profile = form_profile(json.loads(form_json))
    except ProfileError as error:
        return json.dumps({"error": {"field": error.field, "message": error.reason}}, ensure_ascii=False)
    return json.dumps({"rows": quote_rows(_catalogue, profile)}, ensure_ascii=False)
