"""Ed25519 signature verification, from RFC 8032 section 5.1.7, with the checks that make a signature unique.

Only verification lives here: it handles no secret, so it need not run in
constant time, and the page and the sales CLI decide the same way with it.
Signing stays with kept libraries (``cryptography`` on our machines, Web
Crypto in the browser).

A signature is accepted only when its ``S`` is below the group order ``L``
(else ``S + L`` would sign the same message too), the public key is the
canonical encoding of a point on the curve, and ``[S]B - [k]A`` encodes to
exactly the 32 bytes of ``R`` (so a non-canonical ``R`` never matches).
This is the cofactorless check, ``[S]B = R + [k]A``, which RFC 8032 allows.
"""

from __future__ import annotations

from hashlib import sha512

__all__ = ["verify"]

# The curve -x^2 + y^2 = 1 + d x^2 y^2 over GF(p), its base point B and group order L.
P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)

# A point in extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, x y = T/Z.
Point = tuple[int, int, int, int]
IDENTITY: Point = (0, 1, 1, 0)


def _add(p: Point, q: Point) -> Point:
    """The sum p + q (RFC 8032, 5.1.4)."""
    x1, y1, z1, t1 = p
    x2, y2, z2, t2 = q
    a = (y1 - x1) * (y2 - x2) % P
    b = (y1 + x1) * (y2 + x2) % P
    c = 2 * D * t1 * t2 % P
    d = 2 * z1 * z2 % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return e * f % P, g * h % P, f * g % P, e * h % P


def _double(p: Point) -> Point:
    """The double p + p, with the doubling formulas (fewer multiplications than _add)."""
    x1, y1, z1, _ = p
    a = x1 * x1 % P
    b = y1 * y1 % P
    c = 2 * z1 * z1 % P
    h = a + b
    e = h - (x1 + y1) * (x1 + y1) % P
    g = a - b
    f = c + g
    return e * f % P, g * h % P, f * g % P, e * h % P


def _decode(data: bytes) -> Point | None:
    """The point 32 bytes encode, or ``None`` if they are not the canonical encoding of one (5.1.3)."""
    number = int.from_bytes(data, "little")
    sign, y = number >> 255, number & ((1 << 255) - 1)
    if y >= P:
        return None
    u = (y * y - 1) % P
    v = (D * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P
    if v * x * x % P == u:
        pass
    elif v * x * x % P == -u % P:
        x = x * SQRT_M1 % P
    else:
        return None
    if x == 0 and sign:
        return None
    if x & 1 != sign:
        x = P - x
    return x, y, 1, x * y % P


def _encode(p: Point) -> bytes:
    x, y, z, _ = p
    inverse = pow(z, P - 2, P)
    x, y = x * inverse % P, y * inverse % P
    return (y | (x & 1) << 255).to_bytes(32, "little")


_BY = 4 * pow(5, P - 2, P) % P
_BASE = _decode(_BY.to_bytes(32, "little"))
assert _BASE is not None


def _combine(s: int, b: Point, k: int, a: Point) -> Point:
    """[s]b + [k]a in one pass of doublings (Straus's method)."""
    both = _add(b, a)
    result = IDENTITY
    for bit in range(max(s.bit_length(), k.bit_length()) - 1, -1, -1):
        result = _double(result)
        pick = (s >> bit & 1, k >> bit & 1)
        if pick == (1, 1):
            result = _add(result, both)
        elif pick == (1, 0):
            result = _add(result, b)
        elif pick == (0, 1):
            result = _add(result, a)
    return result


def verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is the Ed25519 signature of ``message`` under ``public_key``.

    Any wrong length, an ``S`` not below the group order, a public key that is
    not a canonical point, or a mismatch is ``False``; it never raises.
    """
    if len(public_key) != 32 or len(signature) != 64:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= L:
        return False
    a = _decode(public_key)
    if a is None:
        return False
    k = int.from_bytes(sha512(signature[:32] + public_key + message).digest(), "little") % L
    # [S]B - [k]A, which must be R itself: -A is (-x, y).
    minus_a = (-a[0] % P, a[1], a[2], -a[3] % P)
    assert _BASE is not None
    return _encode(_combine(s, _BASE, k, minus_a)) == signature[:32]
