"""The strict build of a changed configuration, as the site's build would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def strict_build(config: str) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` on `config` (mkdocs.yml's text, changed) from the repository's root.

    As Netlify runs it: its `URL` names the site's address (the sitemap lists pages only by one).
    """
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", "-"],
        input=config,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "URL": "https://example-support.bg", "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )
