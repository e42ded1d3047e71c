"""Where the "edit this page" button points: the real repository, or nowhere.

On Netlify, the build's environment names the repository (``REPOSITORY_URL``)
and the branch being built (``BRANCH``). Elsewhere, ``repo_url`` in
mkdocs.yml may name it. When neither does, the site shows no edit button:
a link to a placeholder repository is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["edit_link"]

# The edit page of a file, per Git host, after the repository's URL.
_EDIT_PATH = {"github.com": "edit/{branch}/{docs}/", "gitlab.com": "-/edit/{branch}/{docs}/"}
_SSH = re.compile(r"git@(?P<host>[^:]+):(?P<path>.+)")


def _https(url: str) -> str:
    url = url.strip()
    ssh = _SSH.fullmatch(url)
    if ssh:
        url = f"https://{ssh['host']}/{ssh['path']}"
    return url.removesuffix("/").removesuffix(".git")


def edit_link(environ: Mapping[str, str], docs: str = "docs") -> tuple[str, str] | None:
    """The repository URL and the edit URI for MkDocs, from Netlify's environment.

    Args:
        environ: The build's environment variables.
        docs: The docs folder inside the repository.

    Returns:
        ``(repo_url, edit_uri)``, or None when the environment names no
        repository, or one on a host whose edit page we do not know.
    """
    url = environ.get("REPOSITORY_URL", "").strip()
    if not url:
        return None
    url = _https(url)
    match = re.match(r"https://([^/]+)/[^/]+/[^/]+$", url)
    if match is None or match[1] not in _EDIT_PATH:
        return None
    branch = environ.get("BRANCH") or environ.get("HEAD") or "main"
    return url, _EDIT_PATH[match[1]].format(branch=branch, docs=docs)
