import hashlib
import io
import zipfile

import pytest

from backoffice.browser_bundle import bundle


def test_make_wheel_is_a_valid_reproducible_wheel():
    files = [("pkg/__init__.py", b"X = 1\n"), ("pkg/mod.py", b"Y = 2\n")]
    first = bundle.make_wheel("pkg", "1.2.3", files)
    second = bundle.make_wheel("pkg", "1.2.3", list(reversed(files)))

    assert first.filename == "pkg-1.2.3-py3-none-any.whl"
    assert first.data == second.data
    assert first.digest == hashlib.sha256(first.data).hexdigest()[:12]
    with zipfile.ZipFile(io.BytesIO(first.data)) as archive:
        assert archive.namelist() == [
            "pkg/__init__.py",
            "pkg/mod.py",
            "pkg-1.2.3.dist-info/METADATA",
            "pkg-1.2.3.dist-info/WHEEL",
            "pkg-1.2.3.dist-info/RECORD",
        ]
        assert archive.read("pkg/mod.py") == b"Y = 2\n"
        record = archive.read("pkg-1.2.3.dist-info/RECORD").decode().splitlines()
    # sha256 of b"X = 1\n" (openssl dgst), urlsafe base64 without padding, then its size.
    assert record[0] == "pkg/__init__.py,sha256=Crrh4K5yghbuRJk8Wjp1X4scOH2Uf8TE9yyrDkqEIUs,6"
    assert record[-1] == "pkg-1.2.3.dist-info/RECORD,,"


def test_tzdata_wheel_carries_only_the_sofia_zone():
    wheel = bundle.tzdata_wheel()
    with zipfile.ZipFile(io.BytesIO(wheel.data)) as archive:
        sofia = archive.read("tzdata/zoneinfo/Europe/Sofia")
        names = [name for name in archive.namelist() if ".dist-info/" not in name]
    assert sofia.startswith(b"TZif")
    assert names == [
        "tzdata/__init__.py",
        "tzdata/zoneinfo/Europe/Sofia",
        "tzdata/zoneinfo/Europe/__init__.py",
        "tzdata/zoneinfo/UTC",
        "tzdata/zoneinfo/__init__.py",
    ]
    assert len(wheel.data) < 5_000


def test_missing_pyodide_says_how_to_install_it(tmp_path):
    with pytest.raises(bundle.BundleError, match=r"pyodide\.mjs.*npm ci"):
        bundle.pyodide_dir(tmp_path)
