"""Where the "edit this page" button points: the real repository, or nowhere.

On Netlify, the build's environment names the repository (``REPOSITORY_URL``)
and the branch being built (``BRANCH``). Elsewhere, ``repo_url`` in
mkdocs.yml may name it. When neither does, the site shows no edit button:
a link to a placeholder repository is worse than none.

GitHub and GitLab open a file's editor at a path (``edit/<branch>/docs/``
then the page), which MkDocs composes from ``repo_url`` + ``edit_uri`` +
the page's path. Bitbucket opens it with a query after the path
(``src/<branch>/docs/<page>?mode=edit``), which only MkDocs's
``edit_uri_template`` can say (``{path}`` is the page's path).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["edit_link"]

# The edit page of a file, per Git host, after the repository's URL: an edit_uri
# (the page's path is added to it) or an edit_uri_template (with {path} in it).
_EDIT_URI = {"github.com": "edit/{branch}/{docs}/", "gitlab.com": "-/edit/{branch}/{docs}/"}
_EDIT_URI_TEMPLATE = {"bitbucket.org": "src/{branch}/{docs}/{{path}}?mode=edit"}
_SSH = re.compile(r"git@(?P<host>[^:]+):(?P<path>.+)")


def _https(url: str) -> str:
    url = url.strip()
    ssh = _SSH.fullmatch(url)
    if ssh:
        url = f"https://{ssh['host']}/{ssh['path']}"
    return url.removesuffix("/").removesuffix(".git")


def _literal(text: str) -> str:
    """``text`` inside a template: its braces doubled, so that MkDocs writes them as they are."""
    return text.replace("{", "{{").replace("}", "}}")


def edit_link(environ: Mapping[str, str], docs: str = "docs") -> tuple[str, str | None, str | None] | None:
    """The repository URL and the edit URI (or its template) for MkDocs, from Netlify's environment.

    Args:
        environ: The build's environment variables.
        docs: The docs folder inside the repository.

    Returns:
        ``(repo_url, edit_uri, edit_uri_template)``, one of the last two
        None; or None when the environment names no repository, or one on a
        host whose edit page we do not know.
    """
    url = environ.get("REPOSITORY_URL", "").strip()
    if not url:
        return None
    url = _https(url)
    match = re.match(r"https://([^/]+)/[^/]+/[^/]+$", url)
    if match is None:
        return None
    host = match[1]
    branch = environ.get("BRANCH") or environ.get("HEAD") or "main"
    if host in _EDIT_URI:
        return url, _EDIT_URI[host].format(branch=branch, docs=docs), None
    if host in _EDIT_URI_TEMPLATE:
        return url, None, _EDIT_URI_TEMPLATE[host].format(branch=_literal(branch), docs=_literal(docs))
    return None
