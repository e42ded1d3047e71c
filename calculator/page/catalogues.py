"""The price lists the page's engine holds: today's, and older ones a link names.

The Worker loads today's list at boot (:func:`load_catalogue`); an older
one is fetched only when a link names it. No network I/O here: :func:`find`
answers the URL of a file it still needs, which the Worker fetches and
hands back under ``files[url]`` of the next request (``null`` if it could
not be had). The site's index of lists also names the withdrawn ones: never
found, and told apart by :func:`is_withdrawn` from a list the site does not
have.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from calculator.catalogue import Catalogue
from calculator.errors import CatalogueError

__all__ = ["current", "find", "is_withdrawn", "known", "load_catalogue"]

_catalogues: dict[str, Catalogue] = {}
_current: list[str] = []


def load_catalogue(text: str, current: bool = True) -> str:
    """Keep a price list (the JSON the build wrote); return its id."""
    catalogue = Catalogue.from_dict(json.loads(text))
    _catalogues[catalogue.price_list] = catalogue
    if current:
        _current[:] = [catalogue.price_list]
    return catalogue.price_list


def current() -> Catalogue:
    """Today's price list."""
    return _catalogues[_current[0]]


def known(list_id: str) -> Catalogue | None:
    """A price list already held, by id (a reopened quote's, once :func:`find` had it fetched)."""
    return _catalogues.get(list_id)


def find(list_id: str, request: Mapping[str, Any]) -> Catalogue | str | None:
    """A published price list by id; the URL of a file it still needs; or None.

    ``request`` holds ``price_lists`` (the URL of the index of published
    lists), ``site`` (the URL of the site's root, which the index's URLs
    start from) and ``files`` (URL -> text, or null).
    """
    if list_id in _catalogues:
        return _catalogues[list_id]
    files = request.get("files") or {}
    index = str(request.get("price_lists") or "")
    if not index:
        return None
    if index not in files:
        return index
    try:
        published = json.loads(files[index])
        if list_id in _withdrawn(published):
            return None
        entry = next((entry for entry in published["lists"] if entry["id"] == list_id), None)
        if entry is None:
            return None
        url = str(request.get("site") or "") + str(entry["url"])
        if url not in files:
            return url
        found = _catalogues[load_catalogue(files[url], current=False)]
    except (TypeError, ValueError, KeyError, CatalogueError):
        return None  # not published, or not readable: the same to the visitor
    return found if found.price_list == list_id else None


def _withdrawn(index: Any) -> list[Any]:
    """The ids the site's index names as withdrawn; none from an index of another shape."""
    withdrawn = index.get("withdrawn") if isinstance(index, dict) else None
    return withdrawn if isinstance(withdrawn, list) else []


def is_withdrawn(list_id: str, request: Mapping[str, Any]) -> bool:
    """Whether the site withdrew the list, by its index, once fetched (see :func:`find`).

    An index not fetched or not readable says no: the list is then only not found.
    """
    files = request.get("files") or {}
    try:
        return list_id in _withdrawn(json.loads(files[str(request.get("price_lists") or "")]))
    except (TypeError, ValueError, KeyError):
        return False
