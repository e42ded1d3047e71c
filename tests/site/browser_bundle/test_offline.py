"""The calculator's offline copy: which files, which version, and the Service Worker written."""

import json
from pathlib import Path

import pytest

from backoffice.browser_bundle import offline

PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="../assets/main.css">
<link rel="icon" href="../assets/icon.png">
<link rel="canonical" href="https://example.bg/kalkulator/">
<script src="../assets/app.js" type="module"></script>
<script src="https://elsewhere.example/x.js"></script>
<script id="__config" type="application/json">{"search": "../assets/search.js"}</script>
</head><body>
<div data-calculator data-worker="calculator-worker.js" data-pyodide="../assets/py/1.0/"
     data-wheels="../assets/w/a.whl ../assets/w/b.whl " data-catalogue="../assets/cat.json"
     data-price-lists="../assets/lists.json"></div>
</body></html>"""

FILES = {
    "kalkulator/index.html": PAGE,
    "kalkulator/calculator-worker.js": "self.onmessage = () => {};",
    "assets/main.css": "body {}",
    "assets/icon.png": "png",
    "assets/app.js": 'import { start } from "./engine.js";\nstart();',
    "assets/engine.js": "export function start() {}",
    "assets/search.js": "search",
    # The runtime's folder: what the page fetches, and what it does not (the
    # plain WebAssembly, for browsers without DecompressionStream; the full
    # standard library, fetched only when the cut one misses a module).
    "assets/py/1.0/pyodide.mjs": "mjs",
    "assets/py/1.0/pyodide.asm.mjs": "asm",
    "assets/py/1.0/pyodide.asm.wasm": "wasm",
    "assets/py/1.0/pyodide.asm.wasm.gz": "wasm, gzipped",
    "assets/py/1.0/python_stdlib.zip": "cut",
    "assets/py/1.0/python_stdlib.zip.gz": "cut, gzipped",
    "assets/py/1.0/python_stdlib_full.zip": "full",
    "assets/py/1.0/pyodide-lock.json": "{}",
    # Our engine's wheel is served gzipped too, and fetched so; the other is not.
    "assets/w/a.whl": "a",
    "assets/w/a.whl.gz": "a, gzipped",
    "assets/w/b.whl": "b",
    "assets/cat.json": "{}",
    "assets/lists.json": "[]",
    "search/search_index.json": "{}",
    "sitemap.xml": "<urlset/>",
    "assets/unused.js": "not loaded by the page",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


EXPECTED = [
    "kalkulator/",
    "assets/app.js",
    "assets/cat.json",
    "assets/engine.js",
    "assets/icon.png",
    "assets/lists.json",
    "assets/main.css",
    "assets/py/1.0/pyodide-lock.json",
    "assets/py/1.0/pyodide.asm.mjs",
    "assets/py/1.0/pyodide.asm.wasm.gz",
    "assets/py/1.0/pyodide.mjs",
    "assets/py/1.0/python_stdlib.zip.gz",
    "assets/search.js",
    "assets/w/a.whl.gz",
    "assets/w/b.whl",
    "kalkulator/calculator-worker.js",
    "search/search_index.json",
    "sitemap.xml",
]


def test_the_copy_holds_the_page_and_everything_it_loads_from_the_site(site: Path):
    assert offline.offline_files(site, "kalkulator/") == EXPECTED


@pytest.mark.parametrize(
    ("languages", "files"),
    [
        (["en"], []),
        (["ru"], ["min/lunr.stemmer.support.min.js", "min/lunr.ru.min.js"]),
        (
            ["ja", "en", "de"],
            [
                "min/lunr.stemmer.support.min.js",
                "tinyseg.js",
                "min/lunr.ja.min.js",
                "min/lunr.de.min.js",
                "min/lunr.multi.min.js",
            ],
        ),
    ],
)
def test_the_copy_holds_the_language_files_the_search_worker_imports(site: Path, languages, files):
    # The copy keeps nothing off its list, so what the search Worker imports must be on it.
    index = {"config": {"lang": languages}, "docs": []}
    (site / "search/search_index.json").write_text(json.dumps(index), encoding="utf-8")
    assert offline.search_languages(site, "assets/javascripts/workers/search.min.js") == [
        "assets/javascripts/lunr/" + name for name in files
    ]
    for name in files:
        (site / "lunr" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "lunr" / name).write_text("lunr", encoding="utf-8")
    # The page's search Worker is assets/search.js: its language files are in ../lunr/, lunr/.
    expected = sorted({*EXPECTED, *("lunr/" + name for name in files)} - {"kalkulator/"})
    assert offline.offline_files(site, "kalkulator/") == ["kalkulator/", *expected]


def test_the_version_changes_with_any_file_of_the_copy_and_only_then(site: Path):
    paths = offline.offline_files(site, "kalkulator/")
    before = offline.version(site, paths)
    (site / "assets/unused.js").write_text("changed", encoding="utf-8")
    assert offline.version(site, paths) == before
    (site / "assets/w/b.whl").write_text("b2", encoding="utf-8")
    assert offline.version(site, paths) != before


def test_a_file_the_page_loads_but_the_build_did_not_write_fails_the_build(site: Path):
    (site / "assets/cat.json").unlink()
    with pytest.raises(FileNotFoundError, match=r"kalkulator/: .* assets/cat.json"):
        offline.offline_files(site, "kalkulator/")


def test_the_service_worker_names_its_files_relative_to_itself(site: Path):
    target = offline.write_service_worker(site, "kalkulator/")
    assert target == site / "kalkulator" / "sw.js"
    text = target.read_text(encoding="utf-8")
    version = offline.version(site, offline.offline_files(site, "kalkulator/"))
    assert text.startswith(f'const VERSION = "{version}";\nconst FILES = [\n  "./",\n  "../assets/app.js",')
    assert '  "calculator-worker.js",\n' in text
    assert '  "../sitemap.xml"\n];\n' in text
    assert 'self.addEventListener("fetch"' in text


def test_the_calculator_page_is_the_one_whose_front_matter_names_its_template():
    templates = {"": None, "kalkulator/": "calculator.html", "kontakti/": "contact.html"}
    assert offline.page_with_template(templates, "calculator.html") == "kalkulator/"
    assert offline.page_with_template({"": None, "kontakti/": "contact.html"}, "calculator.html") is None


def test_two_pages_with_the_calculator_template_are_an_error_naming_both():
    with pytest.raises(ValueError, match=r"^template: calculator.html is on more than one page: a/, b/$"):
        offline.page_with_template({"b/": "calculator.html", "a/": "calculator.html"}, "calculator.html")
