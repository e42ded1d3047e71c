"""netlify.toml against the built site: caching, redirects, the 404 page, the build command."""

import http.client
import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from backoffice import csp
from backoffice.netlify_server import netlify_redirects, serve

NETLIFY = Path(__file__).resolve().parents[2] / "netlify.toml"
IMMUTABLE = "public, max-age=31536000, immutable"
# Names that change with their content: Material's hashed bundles, the
# versioned Pyodide folder, our content-hashed wheels and catalogue.
FINGERPRINTED = re.compile(
    r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js"
    r"|assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js"
    r"|assets/stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css"
    r"|assets/pyodide/[0-9.]+/[^/]+"
    r"|assets/wheels/[0-9a-f]{12}/[^/]+\.whl"
    r"|assets/catalogue/[0-9a-f]{12}\.json"
)


def cache_control(path: str) -> list[str]:
    rules = [
        (re.compile(".*".join(re.escape(part) for part in pattern.split("*"))), values)
        for pattern, values in csp.netlify_headers(NETLIFY)
    ]
    return [
        values["Cache-Control"]
        for pattern, values in rules
        if pattern.fullmatch(path) and "Cache-Control" in values
    ]


def test_only_fingerprinted_files_are_cached_forever(site_dir: Path):
    files = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    immutable = [name for name in files if IMMUTABLE in cache_control("/" + name)]
    assert immutable == [name for name in files if FINGERPRINTED.fullmatch(name)]
    # Each kind is there, so the comparison above compares something.
    assert {name.split("/")[1] for name in immutable} == {
        "javascripts",
        "stylesheets",
        "pyodide",
        "wheels",
        "catalogue",
    }
    for name in (
        "assets/javascripts/calculator.js",
        "kalkulator/calculator-worker.js",
        "kalkulator/sw.js",
        "assets/stylesheets/site.css",
        "assets/price-lists/index.json",
        "assets/price-lists/2026-11.json",
        "index.html",
    ):
        assert name in files
        assert cache_control("/" + name) == []


def test_the_policy_keeps_its_protections():
    directives = csp.policy_directives(csp.site_policy(NETLIFY))
    assert "'unsafe-eval'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


def test_aliases_redirect_permanently_to_pages_that_exist(site_dir: Path):
    assert netlify_redirects(NETLIFY) == {
        "/calculator": ("/kalkulator/", 301),
        "/kontakt": ("/kontakti/", 301),
        "/contact": ("/kontakti/", 301),
    }
    with serve(site_dir) as url:
        host = urlsplit(url)
        for source, (target, _) in netlify_redirects(NETLIFY).items():
            assert (site_dir / target.strip("/") / "index.html").is_file()
            for path in (source, source + "/"):
                connection = http.client.HTTPConnection(host.hostname or "", host.port)
                connection.request("GET", path)
                response = connection.getresponse()
                assert (path, response.status, response.getheader("Location")) == (path, 301, target)
                connection.close()


def test_the_404_page_is_in_bulgarian_with_links_from_the_root(site_dir: Path):
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assert '<html lang="bg"' in html
    assert "<h1>Страницата не е намерена</h1>" in html
    assert "Not found" not in html
    assert '<a href="/planove/">' in html


def test_the_build_command_unshallows_the_clone_before_building():
    command = tomllib.loads(NETLIFY.read_text(encoding="utf-8"))["build"]["command"]
    assert command.startswith(
        'if [ "$(git rev-parse --is-shallow-repository)" = true ]; then git fetch --unshallow; fi && '
    )
    assert command.endswith("mkdocs build --strict")
