"""The calculator's offline copy: a Service Worker beside the calculator page.

It is written after the build from the built page itself, so that its list
never drifts from what the page loads: the page, its stylesheets and
scripts, the engine's Worker, the Pyodide runtime, our wheels, the
catalogue and the index of price lists. Its version is a hash of all those
files' contents: a deploy that changes any of them installs a new Service
Worker, which drops the old copy.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from backoffice.browser_bundle.cut import PAGE_FILES

TEMPLATE = Path(__file__).resolve().parent / "service_worker.js"
FILENAME = "sw.js"
# A module's static imports of its neighbours, e.g. calculator.js's engine.
_IMPORT = re.compile(r"""^import\s[^;]*?\sfrom\s+["'](\.{1,2}/[^"']+)["']""", re.MULTILINE)
# The engine's files, named by data-* attributes of the calculator's root.
_ENGINE = ("data-worker", "data-catalogue", "data-price-lists")


class _Assets(HTMLParser):
    """Same-site files a page loads: scripts, stylesheets, icon, and the engine's files."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.pyodide: list[str] = []
        self.search: str | None = None
        self._config = False

    def handle_data(self, data: str) -> None:
        # Material's settings name its search Worker, which loads the index.
        if self._config and data.strip():
            search = json.loads(data).get("search")
            if search:
                self.urls.append(search)
                self.search = search

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        self._config = tag == "script" and found.get("id") == "__config"
        if tag == "script" and found.get("src"):
            self.urls.append(found["src"])
        elif tag == "link" and found.get("rel") in {"stylesheet", "icon"}:
            self.urls.append(found["href"])
        if "data-calculator" in found:
            self.urls.extend(found[name] for name in _ENGINE if found.get(name))
            self.urls.extend(found.get("data-wheels", "").split())
            if found.get("data-pyodide"):
                self.pyodide.append(found["data-pyodide"])


def page_with_template(templates: Mapping[str, object], template: str) -> str | None:
    """The URL of the one page whose front matter asks for `template`, or None if no page does.

    Args:
        templates: each page's URL -> the `template` of its front matter (None without one).
        template: the template's name, e.g. "calculator.html".

    Raises:
        ValueError: more than one page asks for it; the Worker's URL and the
            offline copy's scope are made for one page.
    """
    pages = sorted(url for url, name in templates.items() if name == template)
    if len(pages) > 1:
        raise ValueError(f"template: {template} is on more than one page: {', '.join(pages)}")
    return pages[0] if pages else None


def search_languages(site_dir: Path, worker: str) -> list[str]:
    """The language files Material's search Worker (site path `worker`) imports for the index's languages.

    As its Worker does (setupSearchLanguages): from `../lunr/` beside it, the
    stemmer support, a file a language other than English, a segmenter for
    Japanese, Hindi and Thai, and the multi-language file for more than one.
    """
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return []
    languages = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    names = [
        *(
            name
            for lang in languages
            for name in {"ja": ["tinyseg.js"], "hi": ["wordcut.js"], "th": ["wordcut.js"]}.get(lang, [])
        ),
        *(f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"),
        *(["min/lunr.multi.min.js"] if len(languages) > 1 else []),
    ]
    base = posixpath.join(posixpath.dirname(posixpath.dirname(worker)), "lunr")
    return (
        [posixpath.join(base, name) for name in ("min/lunr.stemmer.support.min.js", *names)] if names else []
    )


def offline_files(site_dir: Path, page: str) -> list[str]:
    """Site paths (from the root, no leading slash) the page at `page` needs offline; the page first."""
    parser = _Assets()
    parser.feed((site_dir / page / "index.html").read_text(encoding="utf-8"))
    base = "/" + page
    paths: set[str] = set()
    for url in parser.urls:
        parts = urlsplit(urljoin(base, url))
        if not parts.scheme and not parts.netloc:
            paths.add(posixpath.normpath(parts.path).lstrip("/"))
    # What Material fetches after the page loaded: the search index, the
    # search Worker's language files, and the sitemap of its instant
    # navigation. The copy keeps nothing that is not on this list
    # (backoffice/browser_bundle/service_worker.js).
    paths.update(path for path in ("search/search_index.json", "sitemap.xml") if (site_dir / path).is_file())
    if parser.search:
        worker = posixpath.normpath(urljoin(base, parser.search)).lstrip("/")
        paths.update(search_languages(site_dir, worker))
    for url in parser.pyodide:
        runtime = posixpath.normpath(urljoin(base, url)).lstrip("/")
        # What the page fetches of it: not the stock standard library (the cut
        # one holds what the engine imports; the full one is fetched only on a
        # miss), and the WebAssembly and the cut standard library gzipped, not plain.
        paths.update(f"{runtime}/{name}" for name in PAGE_FILES)
    for path in sorted(paths):
        if path.endswith(".js") and (site_dir / path).is_file():
            text = (site_dir / path).read_text(encoding="utf-8")
            folder = posixpath.dirname(path)
            paths.update(posixpath.normpath(posixpath.join(folder, name)) for name in _IMPORT.findall(text))
    # A wheel served gzipped too is fetched gzipped (calculator-worker.js): the copy keeps that one.
    for path in [path for path in paths if path.endswith(".whl") and (site_dir / f"{path}.gz").is_file()]:
        paths.remove(path)
        paths.add(f"{path}.gz")
    missing = sorted(path for path in paths if not (site_dir / path).is_file())
    if missing:
        raise FileNotFoundError(f"{page}: the page loads files the build did not write: {', '.join(missing)}")
    return [page, *sorted(paths)]


def version(site_dir: Path, paths: list[str]) -> str:
    """A hash of the files' paths and contents: it changes when any of them does."""
    digest = hashlib.sha256()
    for path in paths:
        file = site_dir / path / "index.html" if path.endswith("/") else site_dir / path
        digest.update(path.encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:12]


def write_service_worker(site_dir: Path, page: str) -> Path:
    """Write the Service Worker of the page at `page` (a directory URL such as "kalkulator/")."""
    paths = offline_files(site_dir, page)
    # The URLs, relative to the Service Worker, which sits in the page's directory.
    relative = ["./", *(posixpath.relpath("/" + path, "/" + page) for path in paths[1:])]
    header = (
        f"const VERSION = {json.dumps(version(site_dir, paths))};\n"
        f"const FILES = {json.dumps(relative, indent=2)};\n"
    )
    target = site_dir / page / FILENAME
    target.write_text(header + TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    return target
