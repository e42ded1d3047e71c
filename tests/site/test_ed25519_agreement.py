"""The engine's Ed25519 check agrees with the kept library (cryptography) that signs our offers."""

import random

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from calculator.ed25519 import verify


def library_says(key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def test_it_accepts_what_cryptography_signs_and_refuses_each_with_one_byte_changed() -> None:
    chance = random.Random(20261203)
    keys = [Ed25519PrivateKey.generate() for _ in range(5)]
    raw = [key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw) for key in keys]
    accepted = refused = agreed = 0
    for number in range(1000):
        which = number % len(keys)
        message = chance.randbytes(chance.randrange(0, 301))
        signature = keys[which].sign(message)
        accepted += verify(raw[which], message, signature) and library_says(raw[which], message, signature)
        # One byte of the message, the signature or the key changed: never accepted.
        blob = bytearray(message + signature + raw[which])
        spot = chance.randrange(len(blob))
        blob[spot] ^= chance.randrange(1, 256)
        changed = bytes(blob)
        cut = len(message)
        ours = verify(changed[cut + 64 :], changed[:cut], changed[cut : cut + 64])
        refused += not ours
        agreed += ours == library_says(changed[cut + 64 :], changed[:cut], changed[cut : cut + 64])
    assert (accepted, refused, agreed) == (1000, 1000, 1000)


def test_another_keys_signature_is_refused() -> None:
    first, second = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    other = second.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert verify(other, b"offer", first.sign(b"offer")) is False
