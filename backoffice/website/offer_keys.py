"""The public keys that sign offers (``extra.offers.keys`` in ``mkdocs.yml``), and no private key anywhere.

Each key is one line, its id and the raw 32-byte Ed25519 public key in
base64url without ``=``. The page and the sales CLI check an offer against
these; a key removed from the list is retired, and what it signed stops
verifying. A wrong id or a key that is not 32 bytes stops the build with
the file and the key, in Bulgarian (editors read it).

The private halves stay on the salespeople's computers: the build refuses a
repository that holds one (a PEM private key in any file that git tracks or
would add), naming the file, before anyone can publish it.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from calculator.page.offer_values import KEY_ID

__all__ = [
    "FIELD",
    "OfferKeyError",
    "check_repository",
    "encode_key",
    "parse_keys",
    "private_key_files",
    "read_keys",
]

FILE = "mkdocs.yml"
FIELD = "extra.offers.keys"
# Written so that this file does not hold the marker it looks for.
_PEM_PRIVATE = re.compile(rb"-{5}BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-{5}")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")
# Never the repository's: tools, caches, the built site.
_SKIPPED = frozenset({".git", ".venv", "node_modules", "site", ".cache"})


class OfferKeyError(ValueError):
    """A wrong key in mkdocs.yml, or a private key in the repository: the file and what to do."""


def encode_key(raw: bytes) -> str:
    """A public key as mkdocs.yml writes it: base64url without ``=``."""
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_key(text: str) -> bytes | None:
    if not _BASE64URL.fullmatch(text) or len(text) % 4 == 1:
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error:
        return None
    return raw if encode_key(raw) == text else None


def parse_keys(offers: object, file: str = FILE) -> dict[str, bytes]:
    """The keys of ``extra.offers`` as mkdocs.yml has it (``None``: no offers, no keys).

    Raises:
        OfferKeyError: the section is not a mapping, an id is wrong, a key is not 32 bytes.
    """
    if offers is None:
        return {}
    keys = offers.get("keys") if isinstance(offers, Mapping) else None
    if not isinstance(keys, Mapping):
        raise OfferKeyError(
            f"{file}: {FIELD}: очаква се списък „id: ключ“, по един на ред, с отстъп под keys: "
            "(шест интервала, както ги отпечатва python -m calculator offer-key)"
        )
    found: dict[str, bytes] = {}
    for key_id, text in keys.items():
        if not isinstance(key_id, str) or not KEY_ID.fullmatch(key_id):
            raise OfferKeyError(
                f"{file}: {FIELD}: „{key_id}“ не е име на ключ: малки латински букви, цифри и -, до 32 знака"
            )
        raw = _decode_key(text) if isinstance(text, str) else None
        if raw is None or len(raw) != 32:
            size = "не се чете като base64url" if raw is None else f"е {len(raw)} байта"
            raise OfferKeyError(
                f"{file}: {FIELD}.{key_id}: ключът {size}, а трябва да е публичен ключ Ed25519 от 32 байта "
                "(43 знака base64url без =), както го пише python -m calculator offer-key"
            )
        found[key_id] = raw
    return found


class _Lenient(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML has no type information here
    """mkdocs.yml as data: its ``!!python/...`` and ``!ENV`` tags read as nothing."""


def _nothing(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", _nothing)
_Lenient.add_multi_constructor("!", _nothing)


def read_keys(mkdocs_yml: Path) -> dict[str, bytes]:
    """The offer keys of a ``mkdocs.yml`` (the sales CLI reads them so).

    Raises:
        OfferKeyError: the file is missing or unreadable, or a key is wrong.
    """
    try:
        config: Any = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Lenient)
    except (OSError, yaml.YAMLError) as err:
        raise OfferKeyError(f"{mkdocs_yml}: не може да бъде прочетен ({err.__class__.__name__})") from None
    extra = config.get("extra") if isinstance(config, Mapping) else None
    offers = extra.get("offers") if isinstance(extra, Mapping) else None
    return parse_keys(offers, str(mkdocs_yml))


def _files(root: Path) -> Iterator[Path]:
    """The files git tracks or would add (not ignored); every file when ``root`` is not in git."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        for folder, dirs, names in os.walk(root):
            dirs[:] = [name for name in dirs if name not in _SKIPPED]
            yield from (Path(folder, name) for name in names)
        return
    for name in sorted(set(listed.decode("utf-8", "replace").split("\0"))):
        if name and Path(name).parts[0] not in _SKIPPED:
            yield root / name


def private_key_files(root: Path) -> list[str]:
    """The files under ``root`` (relative, sorted) that hold a PEM private key."""
    found = []
    for path in _files(root):
        try:
            if path.is_file() and not path.is_symlink() and _PEM_PRIVATE.search(path.read_bytes()):
                found.append(path.relative_to(root).as_posix())
        except OSError:
            continue
    return sorted(found)


def check_repository(root: Path) -> None:
    """Refuse a repository that holds a private key, naming the file.

    Raises:
        OfferKeyError: the first file with a PEM private key.
    """
    for name in private_key_files(root):
        raise OfferKeyError(
            f"{name}: във файла има частен ключ (PRIVATE KEY), а той не бива да е в хранилището: "
            "махнете файла оттук и го пазете само на компютъра на търговеца"
        )
