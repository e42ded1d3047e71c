"""The strict build of a repository's site, as Netlify would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def strict_build(
    root: Path, config: str | None = None, *, site: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` in the repository `root`, on its mkdocs.yml or on `config`.

    `config` is a mkdocs.yml text (the repository's, changed); its relative
    paths are read from `root`. The site goes to `site` if given (else where
    the config says). As Netlify runs it: its `URL` names the site's address
    (the sitemap lists pages only by one).
    """
    source = ["--config-file", "-"] if config is not None else []
    target = ["--site-dir", str(site)] if site is not None else []
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *source, *target],
        input=config,
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "URL": "https://example-support.bg", "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )
