"""The engine's Ed25519 check against every Wycheproof case, and its refusals by shape."""

import json
from collections import Counter
from pathlib import Path

import pytest

from calculator.ed25519 import L, verify

VECTORS = Path(__file__).resolve().parent / "data" / "wycheproof-ed25519_test.json"
CASES = [
    (group["publicKey"]["pk"], test)
    for group in json.loads(VECTORS.read_text(encoding="utf-8"))["testGroups"]
    for test in group["tests"]
]
# RFC 8032, 7.1, test 2: one byte of message.
RFC_KEY = bytes.fromhex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
RFC_SIGNATURE = bytes.fromhex(
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
    "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
)


def test_the_copy_holds_all_151_cases_of_both_kinds() -> None:
    assert len(CASES) == 151
    assert Counter(test["result"] for _, test in CASES) == {"valid": 88, "invalid": 63}


@pytest.mark.parametrize(("key", "test"), CASES, ids=[f"tc{test['tcId']}" for _, test in CASES])
def test_every_wycheproof_case(key: str, test: dict[str, str]) -> None:
    expected = test["result"] == "valid"
    assert verify(bytes.fromhex(key), bytes.fromhex(test["msg"]), bytes.fromhex(test["sig"])) is expected


def test_the_rfc_example_and_its_malleable_twin() -> None:
    assert verify(RFC_KEY, b"\x72", RFC_SIGNATURE) is True
    assert verify(RFC_KEY, b"\x73", RFC_SIGNATURE) is False
    # S + L verifies the same equation: refused, or a signature would not be unique.
    s = int.from_bytes(RFC_SIGNATURE[32:], "little")
    assert verify(RFC_KEY, b"\x72", RFC_SIGNATURE[:32] + (s + L).to_bytes(32, "little")) is False


@pytest.mark.parametrize(
    ("key", "signature"),
    [
        (RFC_KEY[:31], RFC_SIGNATURE),
        (RFC_KEY + b"\0", RFC_SIGNATURE),
        (RFC_KEY, RFC_SIGNATURE[:63]),
        (RFC_KEY, RFC_SIGNATURE + b"\0"),
        (b"", b""),
        # y = p (2^255 - 19) is not a canonical encoding.
        ((2**255 - 19).to_bytes(32, "little"), RFC_SIGNATURE),
    ],
)
def test_a_wrong_length_or_a_non_canonical_key_is_refused(key: bytes, signature: bytes) -> None:
    assert verify(key, b"\x72", signature) is False
