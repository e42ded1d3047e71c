"""The "edit this page" button: the repository Netlify builds, a configured one, or none at all."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from backoffice.website.repository import edit_link


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        (
            {"REPOSITORY_URL": "https://github.com/acme/support-site", "BRANCH": "main"},
            ("https://github.com/acme/support-site", "edit/main/docs/", None),
        ),
        (
            {"REPOSITORY_URL": "https://github.com/acme/support-site.git", "BRANCH": "new-prices"},
            ("https://github.com/acme/support-site", "edit/new-prices/docs/", None),
        ),
        (
            {"REPOSITORY_URL": "git@github.com:acme/support-site.git", "HEAD": "main"},
            ("https://github.com/acme/support-site", "edit/main/docs/", None),
        ),
        (
            {"REPOSITORY_URL": "https://gitlab.com/acme/support-site", "BRANCH": "main"},
            ("https://gitlab.com/acme/support-site", "-/edit/main/docs/", None),
        ),
        (
            {"REPOSITORY_URL": "https://bitbucket.org/acme/support-site", "BRANCH": "main"},
            ("https://bitbucket.org/acme/support-site", None, "src/main/docs/{path}?mode=edit"),
        ),
        (
            {"REPOSITORY_URL": "git@bitbucket.org:acme/support-site.git", "BRANCH": "new-prices"},
            ("https://bitbucket.org/acme/support-site", None, "src/new-prices/docs/{path}?mode=edit"),
        ),
        (
            {"REPOSITORY_URL": "https://bitbucket.org/acme/support-site.git/", "HEAD": "odd{name}"},
            ("https://bitbucket.org/acme/support-site", None, "src/odd{{name}}/docs/{path}?mode=edit"),
        ),
        ({"REPOSITORY_URL": "https://git.example.org/acme/support-site", "BRANCH": "main"}, None),
        ({"REPOSITORY_URL": "https://bitbucket.org/acme", "BRANCH": "main"}, None),
        ({"REPOSITORY_URL": "", "BRANCH": "main"}, None),
        ({}, None),
    ],
)
def test_the_edit_link_comes_from_netlifys_environment(environ: dict[str, str], expected: object):
    assert edit_link(environ) == expected


def build(sample_root: Path, tmp_path: Path, environ: dict[str, str], extra_config: str = "") -> Path:
    """The tests' site built with `environ` (and without Netlify's variables of this machine)."""
    docs = tmp_path / "docs"
    shutil.copytree(sample_root / "docs", docs)
    config = (sample_root / "mkdocs.yml").read_text(encoding="utf-8") + extra_config
    config += f"\ndocs_dir: {docs}\nsite_dir: {tmp_path / 'site'}\n"
    env = {key: value for key, value in os.environ.items() if key not in ("REPOSITORY_URL", "BRANCH", "HEAD")}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", "-"],
        input=config,
        text=True,
        cwd=sample_root,
        env={**env, **environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
        check=True,
    )
    return tmp_path / "site"


def edit_links(page: Path) -> list[str]:
    return re.findall(r'<a href="([^"]*)"[^>]*rel="edit"', page.read_text(encoding="utf-8"))


def test_on_netlify_the_button_edits_the_page_in_the_built_branch(sample_root: Path, tmp_path: Path):
    site = build(
        sample_root, tmp_path, {"REPOSITORY_URL": "https://github.com/acme/support-site", "BRANCH": "main"}
    )
    assert edit_links(site / "vaprosi" / "index.html") == [
        "https://github.com/acme/support-site/edit/main/docs/vaprosi.md"
    ]
    assert edit_links(site / "planove" / "premium" / "index.html") == [
        "https://github.com/acme/support-site/edit/main/docs/plans/premium.md"
    ]
    # The home page sells: no edit button there.
    assert edit_links(site / "index.html") == []


def test_on_netlify_from_bitbucket_the_button_opens_bitbuckets_editor(sample_root: Path, tmp_path: Path):
    site = build(
        sample_root, tmp_path, {"REPOSITORY_URL": "git@bitbucket.org:acme/support-site.git", "BRANCH": "main"}
    )
    assert edit_links(site / "vaprosi" / "index.html") == [
        "https://bitbucket.org/acme/support-site/src/main/docs/vaprosi.md?mode=edit"
    ]
    assert edit_links(site / "planove" / "premium" / "index.html") == [
        "https://bitbucket.org/acme/support-site/src/main/docs/plans/premium.md?mode=edit"
    ]
    assert edit_links(site / "index.html") == []


def test_a_configured_repository_is_used_off_netlify(sample_root: Path, tmp_path: Path):
    site = build(
        sample_root, tmp_path, {}, "\nrepo_url: https://github.com/acme/other\nedit_uri: edit/live/docs/\n"
    )
    assert edit_links(site / "vaprosi" / "index.html") == [
        "https://github.com/acme/other/edit/live/docs/vaprosi.md"
    ]


def test_without_a_known_repository_there_is_no_edit_button_anywhere(site_dir: Path):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) == 22  # 21 pages and the 404
    assert [page for page in pages if 'rel="edit"' in page.read_text(encoding="utf-8")] == []
    assert "github.com" not in (site_dir / "vaprosi" / "index.html").read_text(encoding="utf-8")
