"""Times an offer link's check: the engine's Ed25519 verify, and the whole decode_offer.

Standard library and the engine only: the benchmark runs this module inside
Pyodide (bench/offer/, with the site's own engine wheel) and in CPython (for
comparison), with the same job.
"""

from __future__ import annotations

import base64
import json
import time
from datetime import date

from calculator.ed25519 import verify
from calculator.page.offer_link import SIGNATURE, decode_offer, signed_bytes


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def measure(job_json: str) -> str:
    """Time ``runs`` checks of ``link``'s signature, then ``runs`` reads of the whole link.

    Args:
        job_json: JSON of ``link`` (signed, ``#`` included), ``key_id``,
            ``public_key`` (hex of its 32 bytes), ``today`` (ISO date) and
            ``runs``.

    Returns:
        JSON of the times in ms, in the order run (``verify_ms``,
        ``decode_ms``), and what the checks said; a check that fails says so
        in ``error``.
    """
    job = json.loads(job_json)
    link, runs = str(job["link"]), int(job["runs"])
    public_key = bytes.fromhex(job["public_key"])
    keys = {str(job["key_id"]): public_key}
    today = date.fromisoformat(job["today"])
    unsigned, _, signature_text = link.rpartition(SIGNATURE)
    message = signed_bytes(unsigned)
    signature = base64.urlsafe_b64decode(signature_text + "==")
    verify_ms, decode_ms, errors = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        valid = verify(public_key, message, signature)
        verify_ms.append(_ms(start))
        if not valid:
            errors.append("verify refused the signature")
    for _ in range(runs):
        start = time.perf_counter()
        check = decode_offer(link, keys, today)
        decode_ms.append(_ms(start))
        if not check.signed:
            errors.append(f"decode_offer refused the link: {check.reason}")
    return json.dumps(
        {
            "verify_ms": verify_ms,
            "decode_ms": decode_ms,
            "message_bytes": len(message),
            "error": errors[0] if errors else None,
        }
    )
