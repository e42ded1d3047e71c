"""MkDocs hooks: the catalogue from the plan pages, and the live calculator's files.

Each `on_*` function stays thin: it hands MkDocs's objects to
:mod:`backoffice.website.site_build`, which does the work, copies the result
into the config, and turns the build's errors into MkDocs's `PluginError`.
"""

from __future__ import annotations

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

from backoffice.website import shortcodes, site_build, structured_data
from calculator.clock import SOFIA

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

    site: site_build.SiteBuild
    # Plan id -> (URL, description) of its page, for the plans index's JSON-LD.
    plan_pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The URL of the page whose template is the calculator's, from `on_files`.
    calculator_page: str | None = None


_build: _Build | None = None
log = get_plugin_logger("site_hooks")


def _current() -> _Build:
    # MkDocs runs on_config before any other event of a build.
    assert _build is not None
    return _build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read and validate the catalogue; decide the site's address; cut the runtime and place its files."""
    global _build
    try:
        site = site_build.prepare(
            Path(config.docs_dir),
            ROOT,
            RUNTIME_CACHE,
            company=config.extra.get("company"),
            site_name=config.site_name,
            nav=config.nav or [],
            repo_url=config.repo_url,
            edit_uri=config.edit_uri,
            site_url=config.site_url,
            environ=os.environ,
            today=datetime.now(SOFIA).date(),
            offers=config.extra.get("offers"),
        )
    except site_build.SiteBuildError as error:
        raise PluginError(str(error)) from error
    for note in site.notes:
        log.info(note)
    _build = _Build(site)
    config.nav, config.repo_url, config.edit_uri = site.nav, site.repo_url, site.edit_uri
    config.site_url = site.site_url
    if site.edit_uri_template is not None:
        config.edit_uri_template = site.edit_uri_template
    config.theme["logo"], config.theme["favicon"] = site.logo, site.favicon
    config.extra["company"], config.extra["price_lists"] = site.company, site.price_lists
    config.extra["calculator"] = {**site.calculator}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the plan pages under their Bulgarian URL; find the calculator page by its template."""
    for file in files:
        if file.is_documentation_page():
            file.dest_uri = site_build.published_uri(file.src_uri, file.dest_uri)
    # Read as MkDocs reads front matter, so this is the template the page will get.
    templates = {
        file.url: get_data(file.content_string)[1].get("template") for file in files.documentation_pages()
    }
    try:
        _current().calculator_page = site_build.calculator_page(templates)
    except site_build.SiteBuildError as error:
        raise PluginError(str(error)) from error
    # The templates' copy, for main.html's prefetch on intent on every page.
    config.extra["calculator"]["page"] = _current().calculator_page
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the `<!-- md:... -->` shortcodes with tables from the catalogue."""
    try:
        return shortcodes.expand(
            markdown,
            _current().site.catalogue,
            page.meta,
            page=page.file.src_uri,
            company=config.extra["company"],
            offline_bytes=_current().site.offline_bytes,
        )
    except shortcodes.ShortcodeError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from error


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note where each plan's page is: MkDocs reads every page before it writes any."""
    plan_id = structured_data.plan_id(page.meta)
    if plan_id is not None:
        url = site_build.page_address(page.canonical_url, page.url)
        _current().plan_pages[plan_id] = (url, str(page.meta.get("description") or ""))
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Add schema.org JSON-LD, made from the catalogue, to the plan pages and the plans index."""
    build = _current()
    data = structured_data.for_page(
        build.site.catalogue,
        page.meta,
        site_build.page_address(page.canonical_url, page.url),
        page.title or "",
        build.plan_pages,
        config.extra["company"],
        config.site_url,
    )
    return output if data is None else structured_data.inject(output, data)


def on_post_build(config: MkDocsConfig) -> None:
    """Write the calculator's files, then check every inline script is allowed."""
    try:
        site_build.write(_current().site, Path(config.site_dir), _current().calculator_page, NETLIFY_TOML)
    except site_build.SiteBuildError as error:
        raise PluginError(str(error)) from error


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild the preview when the engine changes, not only the pages."""
    server.watch(str(PACKAGE_DIR))
    return server
