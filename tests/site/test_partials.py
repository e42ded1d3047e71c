"""Our copies of Material's partials still match the files they were copied from."""

import hashlib
import importlib.metadata
import importlib.resources
import re
from pathlib import Path

import pytest

PARTIALS = Path(__file__).resolve().parents[2] / "overrides" / "partials"
# Written in the copy's leading comment: where it came from and that file's hash.
ORIGIN = re.compile(r"Copied from material/(\S+)\n\s*sha256 ([0-9a-f]{64})")


def origins() -> dict[str, tuple[str, str]]:
    """Our partial's name -> (its original inside the material package, that file's sha256)."""
    found = {}
    for path in sorted(PARTIALS.glob("*.html")):
        match = ORIGIN.search(path.read_text(encoding="utf-8"))
        if match:
            found[path.name] = (match.group(1), match.group(2))
    return found


def test_the_copied_partials_name_their_original():
    assert origins() == {
        "progress.html": (
            "templates/partials/progress.html",
            "f7596002950a7d9f415e1d10d6da4e87af6039f854911875b680ea70522360f4",
        ),
        "search.html": (
            "templates/partials/search.html",
            "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
        ),
    }


@pytest.mark.parametrize("name", sorted(origins()))
def test_the_installed_material_still_has_the_original_of_our_copy(name: str):
    original, recorded = origins()[name]
    installed = hashlib.sha256((importlib.resources.files("material") / original).read_bytes()).hexdigest()
    version = importlib.metadata.version("mkdocs-material")
    assert installed == recorded, (
        f"mkdocs-material {version} changed material/{original}, which overrides/partials/{name} "
        f"was copied from: copy it again over overrides/partials/{name}, re-apply the change its "
        f"comment describes, and record the new sha256 {installed} in that comment"
    )
