"""MkDocs hooks: the catalogue from the plan pages, and the live calculator's files.

Each `on_*` function stays thin; the work is done by the `backoffice` and
`calculator` packages.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from backoffice.build import csp, navigation, price_lists, repository, shortcodes, structured_data
from backoffice.build.company import CompanyError, parse_company
from backoffice.build.sources import load_catalogue
from backoffice.runtime import bundle, offline
from backoffice.runtime import cut as runtime
from calculator.catalogue import Catalogue
from calculator.clock import SOFIA
from calculator.errors import CatalogueError
from calculator.money import format_number
from calculator.page.form import FIELDS
from calculator.page.web import default_answer

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "calculator"
NETLIFY_TOML = ROOT / "netlify.toml"
#: The cut runtimes already made, by their inputs (git-ignored): `mkdocs
#: serve` and the tests build again and again with the same engine.
RUNTIME_CACHE = ROOT / ".cache" / "runtime"


@dataclass
class _Build:
    """Everything one build learns on the way from `on_config` to `on_post_build`.

    `mkdocs serve` rebuilds in the same process, with this module loaded once:
    `on_config` starts every build with a new `_Build`, so nothing a build
    learnt (a plan page since removed, say) outlives it.
    """

    catalogue: Catalogue
    files: dict[str, bytes]  # site-relative path -> content
    cut_runtime: runtime.CutRuntime
    pyodide_dest: str
    # Plan id -> (URL, description) of its page, for the plans index's JSON-LD.
    plan_pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The URL of the page whose template is the calculator's, from `on_files`.
    calculator_page: str | None = None
    # The most the calculator's offline copy takes in a visitor's browser.
    offline_bytes: int = 0


_build: _Build | None = None
log = get_plugin_logger("site_hooks")


def _current() -> _Build:
    # MkDocs runs on_config before any other event of a build.
    assert _build is not None
    return _build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read and validate the catalogue; decide the URLs of the calculator's files."""
    global _build
    docs_dir = Path(config.docs_dir)
    try:
        catalogue = load_catalogue(docs_dir)
        company = parse_company(config.extra.get("company"), docs_dir, config.site_name)
        config.nav = navigation.with_plans(
            config.nav or [],
            [f"plans/{plan.id}.md" for plan in sorted(catalogue.plans, key=lambda p: p.order)],
        )
        stock = bundle.pyodide_dir(ROOT)
    except (CatalogueError, CompanyError, navigation.NavigationError, bundle.BundleError) as error:
        raise PluginError(str(error)) from error
    # The identity is written once (extra.company); the header's logo and the
    # favicon are read from it, the working hours from the catalogue.
    config.extra["company"] = {**company.as_template(), "hours": shortcodes.working_hours(catalogue)}
    config.theme["logo"], config.theme["favicon"] = company.logo, company.favicon
    _edit_button(config)

    catalogue_json = json.dumps(catalogue.to_dict(), ensure_ascii=False, sort_keys=True).encode()

    tzdata_wheel = bundle.tzdata_wheel()
    try:
        # The engine is served compiled, beside the standard library cut for it.
        cut = runtime.cut(
            stock, [bundle.calculator_wheel(PACKAGE_DIR), tzdata_wheel], catalogue_json, RUNTIME_CACHE
        )
    except bundle.BundleError as error:
        raise PluginError(str(error)) from error
    files = {
        f"assets/wheels/{wheel.digest}/{wheel.filename}": wheel.data for wheel in (cut.engine, tzdata_wheel)
    }
    catalogue_path = f"assets/catalogue/{bundle.Wheel('', catalogue_json).digest}.json"
    files[catalogue_path] = catalogue_json
    # Named after its contents: a new engine or release is a new folder.
    pyodide_dest = f"assets/pyodide/{cut.digest}/"

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

    _build = _Build(catalogue, files, cut, pyodide_dest, offline_bytes=_offline_bytes(cut, files))
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
        # (calculator-prefetch.js): the engine's files, from the site's root.
        "prefetch": [
            worker,
            *(pyodide_dest + name for name in runtime.PAGE_FILES),
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


def _edit_button(config: MkDocsConfig) -> None:
    """Point "edit this page" at the repository Netlify builds, or at `repo_url`, or hide it."""
    link = repository.edit_link(os.environ)
    if link is not None:
        config.repo_url, config.edit_uri = link
    elif not config.repo_url:
        # MkDocs makes a relative link of an edit_uri without a repository.
        config.edit_uri = None


#: What the offline copy holds besides the engine's files: the page, its
#: styles and scripts, the search index and the sitemap (about 0.6 MB today).
OFFLINE_PAGE_ALLOWANCE = 1_000_000


def _offline_bytes(cut: runtime.CutRuntime, files: dict[str, bytes]) -> int:
    """The most the offline copy takes: the runtime's files the page fetches, wheels, data.

    Of the runtime, what `backoffice/runtime/offline.py` keeps: the gzipped files, not
    the plain ones beside them nor the full standard library.
    """
    engine = sum(
        len(data) if isinstance(data, bytes) else data.stat().st_size
        for name, data in cut.files().items()
        if name in runtime.PAGE_FILES
    )
    return engine + sum(len(data) for data in files.values()) + OFFLINE_PAGE_ALLOWANCE


#: The plan pages live in docs/plans/ (one folder the loader reads), but the
#: visitor's URL is Bulgarian, transliterated: /planove/premium/.
PLANS_SOURCE, PLANS_URL = "plans/", "planove/"


#: The template that makes a page the calculator (its front matter says so).
CALCULATOR_TEMPLATE = "calculator.html"


def _calculator_page(files: Files) -> str | None:
    # Read as MkDocs reads front matter, so this is the template the page will get.
    templates = {
        file.url: get_data(file.content_string)[1].get("template") for file in files.documentation_pages()
    }
    try:
        return offline.page_with_template(templates, CALCULATOR_TEMPLATE)
    except ValueError as error:
        raise PluginError(str(error)) from error


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the plan pages under their Bulgarian URL; find the calculator page by its template."""
    for file in files:
        if file.src_uri.startswith(PLANS_SOURCE) and file.is_documentation_page():
            file.dest_uri = PLANS_URL + file.dest_uri.removeprefix(PLANS_SOURCE)
    build = _current()
    build.calculator_page = _calculator_page(files)
    # The templates' copy, for main.html's prefetch on intent on every page.
    config.extra["calculator"]["page"] = build.calculator_page
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the `<!-- md:... -->` shortcodes with tables from the catalogue."""
    try:
        return shortcodes.expand(
            markdown,
            _current().catalogue,
            page.meta,
            page=page.file.src_uri,
            company=config.extra["company"],
            offline_bytes=_current().offline_bytes,
        )
    except shortcodes.ShortcodeError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from error


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note where each plan's page is: MkDocs reads every page before it writes any."""
    plan_id = structured_data.plan_id(page.meta)
    if plan_id is not None:
        url, description = page.canonical_url or page.url, str(page.meta.get("description") or "")
        _current().plan_pages[plan_id] = (url, description)
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Add schema.org JSON-LD, made from the catalogue, to the plan pages and the plans index."""
    build = _current()
    data = structured_data.for_page(
        build.catalogue,
        page.meta,
        page.canonical_url or page.url,
        page.title or "",
        build.plan_pages,
        config.extra["company"],
        config.site_url or "",
    )
    return output if data is None else structured_data.inject(output, data)


def on_post_build(config: MkDocsConfig) -> None:
    """Write the calculator's files, then check every inline script is allowed."""
    build = _current()
    site_dir = Path(config.site_dir)
    build.cut_runtime.write(site_dir / build.pyodide_dest)
    for relative, data in build.files.items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    if build.calculator_page is not None:
        try:
            offline.write_service_worker(site_dir, build.calculator_page)
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
