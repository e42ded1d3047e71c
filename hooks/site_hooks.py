"""MkDocs hooks: the catalogue from the plan pages, and the live calculator's files.

Each `on_*` function stays thin; the work is done by the helpers beside this
file and by the `calculator` package.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from backoffice import bundle, csp, offline, price_lists, shortcodes, structured_data
from backoffice.sources import load_catalogue
from calculator.catalogue import Catalogue
from calculator.clock import SOFIA
from calculator.errors import CatalogueError
from calculator.money import format_number
from calculator.web import FIELDS, default_answer

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "calculator"
NETLIFY_TOML = ROOT / "netlify.toml"


@dataclass
class _Build:
    """What one build computed in `on_config` and writes in `on_post_build`."""

    catalogue: Catalogue
    files: dict[str, bytes]  # site-relative path -> content
    pyodide_src: Path
    pyodide_dest: str


_build: _Build | None = None
log = get_plugin_logger("site_hooks")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read and validate the catalogue; decide the URLs of the calculator's files."""
    global _build
    docs_dir = Path(config.docs_dir)
    try:
        catalogue = load_catalogue(docs_dir)
        runtime = bundle.pyodide_dir(ROOT)
    except (CatalogueError, bundle.BundleError) as error:
        raise PluginError(str(error)) from error

    catalogue_json = json.dumps(catalogue.to_dict(), ensure_ascii=False, sort_keys=True).encode()

    calculator_wheel = bundle.calculator_wheel(PACKAGE_DIR)
    tzdata_wheel = bundle.tzdata_wheel()
    files = {
        f"assets/wheels/{wheel.digest}/{wheel.filename}": wheel.data
        for wheel in (calculator_wheel, tzdata_wheel)
    }
    catalogue_path = f"assets/catalogue/{bundle.Wheel('', catalogue_json).digest}.json"
    files[catalogue_path] = catalogue_json
    pyodide_dest = f"assets/pyodide/{bundle.pyodide_version(runtime)}/"

    # Every published price list stays in the site, so old quote links open.
    try:
        older = price_lists.history(docs_dir)
        lists = price_lists.published(catalogue, older or [])
    except price_lists.PriceListError as error:
        raise PluginError(str(error)) from error
    if older is None:
        log.info("no git history of docs/plans: only the current price list is published")
    files.update(price_lists.site_files(lists, catalogue.price_list))
    config.extra["price_lists"] = {
        "index": price_lists.INDEX_URL,
        **price_lists.index(lists, catalogue.price_list),
    }

    _build = _Build(catalogue, files, runtime, pyodide_dest)
    wheels = [path for path in files if path.endswith(".whl")]
    # Beside the calculator page, inside its offline copy's scope: a Worker is
    # served by the Service Worker whose scope holds the Worker's own URL.
    worker = "kalkulator/calculator-worker.js"
    config.extra["calculator"] = {
        "pyodide": pyodide_dest,
        "wheels": wheels,
        "catalogue": catalogue_path,
        "worker": worker,
        # What other pages download when a visitor heads for the calculator
        # (calculator.js): the engine's files, from the site's root.
        "prefetch": [
            worker,
            *(pyodide_dest + name for name in bundle.PYODIDE_FILES),
            *wheels,
            catalogue_path,
        ],
        "current_list": catalogue.price_list,
        "bgn_per_eur": format_number(catalogue.bgn_per_eur),
        "fields": FIELDS,
        # The answer for the default form, rendered by the same code the
        # browser runs, so the page shows real prices before Python starts.
        "default": default_answer(catalogue, datetime.now(SOFIA).date()),
    }
    return config


#: The plan pages live in docs/plans/ (one folder the loader reads), but the
#: visitor's URL is Bulgarian, transliterated: /planove/premium/.
PLANS_SOURCE, PLANS_URL = "plans/", "planove/"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the plan pages under their Bulgarian URL."""
    for file in files:
        if file.src_uri.startswith(PLANS_SOURCE) and file.is_documentation_page():
            file.dest_uri = PLANS_URL + file.dest_uri.removeprefix(PLANS_SOURCE)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the `<!-- md:... -->` shortcodes with tables from the catalogue."""
    assert _build is not None
    # Every page is read before any is rendered: the other pages' templates
    # learn where the calculator is (for the prefetch on intent), and the
    # build where to write its offline copy.
    if page.meta.get("template") == "calculator.html":
        config.extra["calculator"]["page"] = page.url
    try:
        return shortcodes.expand(markdown, _build.catalogue, page.meta)
    except shortcodes.ShortcodeError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from error


# Plan id -> (URL, description) of its page, for the plans index's JSON-LD.
_plan_pages: dict[str, tuple[str, str]] = {}


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note where each plan's page is: MkDocs reads every page before it writes any."""
    plan_id = structured_data.plan_id(page.meta)
    if plan_id is not None:
        _plan_pages[plan_id] = (page.canonical_url or page.url, str(page.meta.get("description") or ""))
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Add schema.org JSON-LD, made from the catalogue, to the plan pages and the plans index."""
    assert _build is not None
    data = structured_data.for_page(
        _build.catalogue,
        page.meta,
        page.canonical_url or page.url,
        page.title or "",
        _plan_pages,
        config.extra["company"],
        config.site_url or "",
    )
    return output if data is None else structured_data.inject(output, data)


def on_post_build(config: MkDocsConfig) -> None:
    """Write the calculator's files, then check every inline script is allowed."""
    assert _build is not None
    site_dir = Path(config.site_dir)
    bundle.copy_pyodide(_build.pyodide_src, site_dir / _build.pyodide_dest)
    for relative, data in _build.files.items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    calculator_page = config.extra["calculator"].get("page")
    if calculator_page is not None:
        try:
            offline.write_service_worker(site_dir, calculator_page)
        except FileNotFoundError as error:
            raise PluginError(str(error)) from error

    missing = csp.unallowed_scripts(site_dir, NETLIFY_TOML)
    if missing:
        lines = [f"{digest} (напр. в {pages[0]})" for digest, pages in missing.items()]
        raise PluginError(
            "netlify.toml: Content-Security-Policy script-src не разрешава вградени скриптове "
            "на сайта; добавете: " + "; ".join(lines)
        )


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild the preview when the engine changes, not only the pages."""
    server.watch(str(PACKAGE_DIR))
    return server
