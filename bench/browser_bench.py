"""What a visitor waits for, measured in headless Chromium against the bench server.

One load is a navigation (cold: a fresh profile; warm: a reload in the same
profile) until the page's answer is in the DOM, read by bench/probe.js (see
there). Per load: first contentful paint, the calculator's progress steps,
data-state=ready, the first live answer, long tasks of the main thread, and
every response the server wrote (so requests made by the Web Worker count
too).

A load is made on one of two profiles: ``desktop`` (the machine as it is) or
``phone`` (`PHONE_NETWORK`, `PHONE_CPU_SLOWDOWN`: slowed through the Chrome
DevTools Protocol, on the page's session, which slows its dedicated Worker
too).
"""

from __future__ import annotations

import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, CDPSession, Error, Page, Playwright
from server import ALL_COMPRESSED_UNDER, BenchServer, Hit

from backoffice.devserver.chromium import CHROMIUM, CHROMIUM_ARGS

BENCH = Path(__file__).resolve().parent
PROBE = (BENCH / "probe.js").read_text(encoding="utf-8")
SETTLE_S = 0.8  # a load is over when the server saw no request for this long
# A mid-range phone on a mobile network: 9 Mbit/s down, 1.5 Mbit/s up, 60 ms
# of latency (CDP takes bytes per second), and its CPU four times slower.
PHONE_NETWORK = {
    "offline": False,
    "latency": 60,
    "downloadThroughput": 9_000_000 / 8,
    "uploadThroughput": 1_500_000 / 8,
}
PHONE_CPU_SLOWDOWN = 4


@dataclass
class Load:
    """One navigation and what it cost."""

    page: str
    cache: str  # cold | warm
    profile: str  # desktop | phone
    done_ms: float  # the page's answer in the DOM (calculator: first live answer)
    frame_ms: float  # the frame after it
    fcp_ms: float | None
    ready_ms: float | None = None  # calculator: data-state=ready
    page_timeout_s: float | None = None  # calculator: when the page itself gives up (data-timeout)
    steps: list[list[float]] = field(default_factory=list)  # calculator: [progress step, ms]
    blocking_ms: float = 0.0  # sum of long tasks (>50 ms) of the main thread until done
    tbt_ms: float = 0.0  # the same, counting only the part of each task beyond 50 ms
    longtasks: int = 0
    longtask_list: list[list[float]] = field(default_factory=list)  # [start, duration] ms
    bytes: int = 0  # written by the server: headers and (compressed) bodies
    # What brotli would have saved on the bodies of the types Netlify is not known to compress
    uncompressed_saving: int = 0
    pyodide_bytes: int = 0  # bytes of /assets/pyodide/ responses
    requests: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    waterfall: list[dict[str, Any]] = field(default_factory=list)


def kind_of(path: str) -> str:
    """What a request is for, to split the bytes."""
    for prefix, name in (
        ("/assets/pyodide/", "pyodide"),
        ("/assets/wheels/", "wheels"),
        ("/assets/catalogue/", "catalogue"),
        ("/assets/price-lists/", "price lists"),
        ("/search/", "search index"),
        ("/bench-bare/", "bare page"),
        ("/bench-stock/", "stock pyodide"),
        (ALL_COMPRESSED_UNDER, "stock pyodide"),
    ):
        if path.startswith(prefix):
            return name
    if path.endswith((".html", "/")):
        return "html"
    return path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else "other"


@contextmanager
def profile_context(playwright: Playwright) -> Iterator[BrowserContext]:
    """A persistent context on a fresh profile, with the probe injected."""
    user_data = tempfile.mkdtemp(prefix="bench-profile-")
    context = playwright.chromium.launch_persistent_context(
        user_data,
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        headless=True,
        locale="bg-BG",
        timezone_id="Europe/Sofia",
    )
    context.add_init_script(script=PROBE)
    try:
        yield context
    finally:
        context.close()
        shutil.rmtree(user_data, ignore_errors=True)


def _settle(server: BenchServer, mark: int) -> list[Hit]:
    deadline = time.monotonic() + 8
    count, quiet_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        hits = server.since(mark)
        if len(hits) != count:
            count, quiet_since = len(hits), time.monotonic()
        elif time.monotonic() - quiet_since >= SETTLE_S:
            break
        time.sleep(0.05)
    return server.since(mark)


def slow_down_as_phone(page: Page) -> CDPSession:
    """Slow the page (and its dedicated Worker) down to `PHONE_NETWORK` and `PHONE_CPU_SLOWDOWN`."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", PHONE_NETWORK)
    session.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
    return session


def measure(
    page: Page, server: BenchServer, url: str, cache: str, name: str, profile: str = "desktop"
) -> Load:
    """Navigate (or reload, warm) and wait for the page's answer; return what it cost."""
    session = slow_down_as_phone(page) if profile == "phone" else None
    mark = server.mark()
    if cache == "warm":
        page.reload(wait_until="commit")
    else:
        page.goto(url, wait_until="commit")
    try:
        done = page.evaluate("() => window.__bench.done")
    except Error as error:
        raise RuntimeError(f"{name} ({profile}, {cache}) at {url}: {error.message.splitlines()[0]}") from None
    hits = _settle(server, mark)
    info = page.evaluate(
        """() => ({
            origin: performance.timeOrigin,
            fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
            longtasks: window.__bench.longtasks,
            steps: window.__bench.steps,
            states: window.__bench.states,
            timeout: window.__bench.timeout ?? null,
        })"""
    )
    early = [[round(start, 1), round(d, 1)] for start, d in info["longtasks"] or [] if start < done["at"]]
    tasks = [duration for _, duration in early]
    ready = next((at for state, at in info["states"] if state == "ready"), None)
    if session is not None:
        session.detach()
    load = Load(
        page=name,
        cache=cache,
        profile=profile,
        done_ms=round(done["at"], 1),
        frame_ms=round(done["frame"], 1),
        fcp_ms=None if info["fcp"] is None else round(info["fcp"], 1),
        ready_ms=None if ready is None else round(ready, 1),
        page_timeout_s=info["timeout"],
        steps=[[step, round(at, 1)] for step, at in info["steps"]],
        blocking_ms=round(sum(tasks), 1),
        tbt_ms=round(sum(max(0.0, d - 50) for d in tasks), 1),
        longtasks=len(tasks),
        longtask_list=early,
    )
    for hit in hits:
        kind = kind_of(hit.path)
        load.bytes += hit.bytes
        load.uncompressed_saving += hit.uncompressed_saving
        load.requests += 1
        load.by_kind[kind] = load.by_kind.get(kind, 0) + hit.bytes
        if kind == "pyodide":
            load.pyodide_bytes += hit.bytes
        load.waterfall.append(
            {
                "path": hit.path,
                "status": hit.status,
                "encoding": hit.encoding,
                "bytes": hit.bytes,
                "uncompressed_saving": hit.uncompressed_saving,
                "start_ms": round(hit.start * 1000 - info["origin"], 1),
                "end_ms": round(hit.end * 1000 - info["origin"], 1),
            }
        )
    return load


def recalc(page: Page, expected: Any, changes: int) -> dict[str, Any]:
    """Change the workstations field `changes` times; time each new answer; check its figures."""
    samples, frames, wrong = [], [], []
    for value in range(1, changes + 1):
        form = page.evaluate("() => window.__bench.form()")
        form["workstations"] = str(value)
        result = page.evaluate("([v]) => window.__bench.change('workstations', v)", [value])
        samples.append(result["answer"] - result["start"])
        frames.append(result["frame"] - result["start"])
        want = expected(form)
        if result["grosses"] != want:
            wrong.append({"workstations": value, "shown": result["grosses"], "expected": want})
    return {
        "changes": changes,
        "median_ms": round(statistics.median(samples), 1),
        "p95_ms": round(_p95(samples), 1),
        "frame_median_ms": round(statistics.median(frames), 1),
        "frame_p95_ms": round(_p95(frames), 1),
        "max_ms": round(max(samples), 1),
        # The first changes after boot run while WebAssembly is still tiering up.
        "first10_median_ms": round(statistics.median(samples[:10]), 1),
        "samples_ms": [round(s, 1) for s in samples],
        "wrong_answers": wrong,
    }


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def playwright_sees(page: Page, server: BenchServer, url: str) -> dict[str, Any]:
    """Whether Playwright's request events include the Worker's (checked on the gzipped WebAssembly)."""
    finished: list[Any] = []

    def on_finished(request: Any) -> None:
        finished.append(request)

    page.on("requestfinished", on_finished)
    page.goto(url, wait_until="commit")
    page.evaluate("() => window.__bench.done")
    time.sleep(SETTLE_S)
    page.remove_listener("requestfinished", on_finished)
    wasm = [r for r in finished if r.url.endswith(".wasm.gz")]
    sizes = wasm[0].sizes() if wasm else None
    gzipped = next(path for path in server.files if path.endswith(".wasm.gz"))
    wasm_path = urlsplit(wasm[0].url).path if wasm else gzipped
    wasm_file = server.files[wasm_path]
    return {
        "requests_seen": len(finished),
        "wasm_seen": bool(wasm),
        "wasm_response_body_size": None if sizes is None else sizes["responseBodySize"],
        "wasm_raw_size": len(wasm_file.raw),
        "wasm_served_compressed": wasm_file.compressed,
        "wasm_brotli_size": len(wasm_file.br or b""),
    }


def summary(loads: list[Load]) -> dict[str, Any]:
    """Medians of a series of loads of one page and cache state."""

    def med(values: list[float | None]) -> float | None:
        present = [v for v in values if v is not None]
        return round(statistics.median(present), 1) if present else None

    return {
        "runs": len(loads),
        "done_ms": med([x.done_ms for x in loads]),
        "frame_ms": med([x.frame_ms for x in loads]),
        "fcp_ms": med([x.fcp_ms for x in loads]),
        "ready_ms": med([x.ready_ms for x in loads]),
        "blocking_ms": med([x.blocking_ms for x in loads]),
        "blocking_max_ms": max(x.blocking_ms for x in loads),
        "tbt_ms": med([x.tbt_ms for x in loads]),
        "bytes": med([x.bytes for x in loads]),
        "bytes_if_all_compressed": med([x.bytes - x.uncompressed_saving for x in loads]),
        "pyodide_bytes": med([x.pyodide_bytes for x in loads]),
        "requests": med([x.requests for x in loads]),
        # Loads that took longer than the page's own limit: a visitor would have got its timeout message.
        "over_page_timeout": sum(
            1 for x in loads if x.page_timeout_s is not None and x.done_ms > 1000 * x.page_timeout_s
        ),
    }


def dump(loads: list[Load]) -> list[dict[str, Any]]:
    return [json.loads(json.dumps(asdict(load))) for load in loads]
