"""Keep the Content-Security-Policy in `netlify.toml` true to the built pages.

The policy allows inline scripts only by hash. Material writes a few small
inline scripts into every page; if a theme upgrade or a new feature changes
them, the build fails and names the hash to add, instead of a live site
whose scripts the browser silently blocks.
"""

from __future__ import annotations

import base64
import hashlib
import tomllib
from html.parser import HTMLParser
from pathlib import Path

# Script types that are data, not code: CSP does not apply to them.
_DATA_TYPES = {"application/json", "application/ld+json", "importmap"}


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._inline = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            found = dict(attrs)
            self._inline = "src" not in found and (found.get("type") or "") not in _DATA_TYPES
            if self._inline:
                self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inline = False

    def handle_data(self, data: str) -> None:
        if self._inline:
            self.scripts[-1] += data


def script_hash(source: str) -> str:
    """CSP source expression of an inline script, e.g. `'sha256-...'`."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_script_hashes(html: str) -> set[str]:
    """Hashes of the executable inline scripts in one HTML page."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return {script_hash(source) for source in parser.scripts}


def netlify_headers(netlify_toml: Path) -> list[tuple[str, dict[str, str]]]:
    """The `[[headers]]` rules of `netlify.toml`, as (path pattern, headers)."""
    data = tomllib.loads(netlify_toml.read_text(encoding="utf-8"))
    return [(rule["for"], dict(rule.get("values", {}))) for rule in data.get("headers", [])]


def policy_directives(policy: str) -> dict[str, list[str]]:
    """Split a CSP header value into its directives."""
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def site_policy(netlify_toml: Path) -> str:
    """The Content-Security-Policy that `netlify.toml` sets on every path."""
    for pattern, values in netlify_headers(netlify_toml):
        if pattern == "/*" and "Content-Security-Policy" in values:
            return values["Content-Security-Policy"]
    raise ValueError(f"{netlify_toml.name}: no Content-Security-Policy for '/*'")


def unallowed_scripts(site_dir: Path, netlify_toml: Path) -> dict[str, list[str]]:
    """Inline scripts of the built site that the policy would block.

    Returns:
        Missing hash -> the pages (relative paths) that carry that script.
    """
    allowed = set(policy_directives(site_policy(netlify_toml)).get("script-src", []))
    missing: dict[str, list[str]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        for digest in inline_script_hashes(page.read_text(encoding="utf-8")) - allowed:
            missing.setdefault(digest, []).append(page.relative_to(site_dir).as_posix())
    return missing
