"""Content is not code: the code names no plan, service, company or address of the sample content.

The sample is the tests' own copy (`tests/content/`); the code is everything
that ships or runs the site, whatever company's content it is given.
"""

import re

import yaml
from sample_site import CONTENT, ROOT

from backoffice.website.sources import load_catalogue

CODE = [
    *sorted((ROOT / "calculator").rglob("*.py")),
    *sorted((ROOT / "backoffice").rglob("*.py")),
    *sorted((ROOT / "backoffice").rglob("*.js")),
    *sorted((ROOT / "backoffice").rglob("*.mjs")),
    *sorted((ROOT / "hooks").rglob("*.py")),
    *sorted((ROOT / "overrides").rglob("*.html")),
    *sorted((ROOT / "overrides").rglob("*.xml")),
    *sorted((ROOT / "docs").rglob("*.js")),
    *sorted((ROOT / "docs").rglob("*.css")),
    *sorted((ROOT / "bench").glob("*.py")),
    ROOT / "netlify.toml",
]
# English words that are also a sample plan's id.
ENGLISH = re.compile(r"standard[ -]library|exclude-standard|cut standard\s+library")


def sample_words() -> list[str]:
    """What names the sample: its plans' ids and names, its services, the company's identity."""
    catalogue = load_catalogue(CONTENT / "docs", with_holidays=False)
    config = yaml.safe_load((CONTENT / "mkdocs.yml").read_text(encoding="utf-8"))
    company = config["extra"]["company"]
    words = [plan.id for plan in catalogue.plans] + [plan.name for plan in catalogue.plans]
    words += [service.id for service in catalogue.services] + [service.name for service in catalogue.services]
    words += [company[key] for key in ("brand", "name", "eik", "phone", "email")]
    words += [company["email"].split("@")[1].split(".")[0], company["address"]["street"]]
    return words


def test_the_sample_is_what_the_check_looks_for():
    words = sample_words()
    assert {"standard", "na-rabota", "obuchenie", "ТехОпора", "206813475", "tehopora"} <= set(words)
    assert len(CODE) > 100


def test_the_code_names_nothing_of_the_sample():
    found = []
    for word in sample_words():
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
        for path in CODE:
            text = ENGLISH.sub("", path.read_text(encoding="utf-8"))
            found += [f"{path.relative_to(ROOT)}: {word}" for _ in pattern.finditer(text)]
    assert found == []
