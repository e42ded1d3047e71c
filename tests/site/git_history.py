"""Git for the tests' own repositories: commits that do not depend on the machine's git configuration."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Редактор",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Редактор",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
}


def git(repo: Path, *args: str) -> str:
    """Run git in `repo`; its output, stripped."""
    result = subprocess.run(["git", "-C", str(repo), *args], env=GIT_ENV, check=True, capture_output=True)
    return result.stdout.decode().strip()
