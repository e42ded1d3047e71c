"""The engine's Ed25519 check says what `cryptography` says, on random messages and on each one changed.

Here and not in tests/engine: it signs with `cryptography`, which the
Pyodide run of the engine's tests does not have.
"""

from __future__ import annotations

import random

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from calculator.ed25519 import verify

MESSAGES = 1000


def _kept_verdict(public: bytes, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _changed(data: bytes, spot: int, rng: random.Random) -> bytes:
    return data[:spot] + bytes([data[spot] ^ rng.randint(1, 255)]) + data[spot + 1 :]


def test_a_thousand_random_messages_and_each_with_one_byte_changed() -> None:
    rng = random.Random(25519)
    keys = [Ed25519PrivateKey.generate() for _ in range(4)]
    publics = [
        k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw) for k in keys
    ]
    agreed = changed_refused = 0
    for number in range(MESSAGES):
        which = number % len(keys)
        message = rng.randbytes(rng.randint(0, 300))
        signature = keys[which].sign(message)
        verdict = verify(publics[which], message, signature)
        assert verdict is _kept_verdict(publics[which], message, signature)
        agreed += verdict
        # One random byte of the message, or of the signature when the message is empty, changed.
        if message:
            spot = rng.randrange(len(message))
            message = message[:spot] + bytes([message[spot] ^ rng.randint(1, 255)]) + message[spot + 1 :]
        else:
            spot = rng.randrange(64)
            signature = (
                signature[:spot] + bytes([signature[spot] ^ rng.randint(1, 255)]) + signature[spot + 1 :]
            )
        assert _kept_verdict(publics[which], message, signature) is False
        changed_refused += not verify(publics[which], message, signature)
    assert (agreed, changed_refused) == (MESSAGES, MESSAGES)
