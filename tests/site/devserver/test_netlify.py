"""netlify.toml against the built site: caching, redirects, the 404 page, the build command."""

import http.client
import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from backoffice.devserver.netlify_server import NetlifyHandler, header_rules, netlify_redirects, serve
from backoffice.website import csp

NETLIFY = Path(__file__).resolve().parents[3] / "netlify.toml"
IMMUTABLE = "public, max-age=31536000, immutable"
# Names that change with their content: Material's hashed bundles, the
# Pyodide folder and our wheels and catalogue, all named after their content.
FINGERPRINTED = re.compile(
    r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js"
    r"|assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js"
    r"|assets/stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css"
    r"|assets/pyodide/[0-9a-f]{12}/[^/]+"
    r"|assets/wheels/[0-9a-f]{12}/[^/]+\.whl(\.gz)?"
    r"|assets/catalogue/[0-9a-f]{12}\.json"
)


def cache_control(path: str) -> list[str]:
    return [
        values["Cache-Control"]
        for pattern, values in header_rules(NETLIFY)
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


def test_a_star_in_a_header_path_matches_any_run_of_characters_slashes_included(tmp_path: Path):
    toml = tmp_path / "netlify.toml"
    toml.write_text('[[headers]]\nfor = "/assets/*.js"\n[headers.values]\nX-A = "1"\n', encoding="utf-8")
    [(pattern, values)] = header_rules(toml)
    assert values == {"X-A": "1"}
    paths = ["/assets/a.js", "/assets/x/y.js", "/assets/a.jsx", "/a.js"]
    assert [path for path in paths if pattern.fullmatch(path)] == ["/assets/a.js", "/assets/x/y.js"]


class Tagged(NetlifyHandler):
    tag = ""

    def end_headers(self) -> None:
        self.send_header("X-Tag", self.tag)
        super().end_headers()


def test_a_handler_subclass_keeps_the_netlify_headers_and_gets_its_attributes(site_dir: Path):
    with serve(site_dir, NETLIFY, handler=Tagged, tag="bench") as url:
        host = urlsplit(url)
        connection = http.client.HTTPConnection(host.hostname or "", host.port)
        connection.request("GET", "/kalkulator/")
        response = connection.getresponse()
        response.read()
        connection.close()
    assert (response.status, response.getheader("X-Tag")) == (200, "bench")
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_a_form_post_is_taken_as_netlify_forms_takes_it_and_any_other_post_refused(site_dir: Path):
    submissions: list[list[tuple[str, str]]] = []
    with serve(site_dir, submissions=submissions) as url:
        host = urlsplit(url)

        def post(path: str, body: str) -> tuple[int, str]:
            connection = http.client.HTTPConnection(host.hostname or "", host.port)
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
            connection.request("POST", path, body.encode(), headers)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8")

        status, page = post(
            "/kontakti/blagodarim/", "form-name=zaqvka&name=%D0%98%D0%B2%D0%B0%D0%BD&message=a%0Ab"
        )
        assert status == 200
        assert "Получихме запитването ви." in page
        assert post("/kontakti/blagodarim/", "form-name=nyama-takava&name=x")[0] == 404
        assert post("/kontakti/blagodarim/", "name=x")[0] == 404
    assert submissions == [[("form-name", "zaqvka"), ("name", "Иван"), ("message", "a\nb")]]
