"""results.json from the measured loads, and the table of bench/README.md."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from browser_bench import PHONE_CPU_SLOWDOWN, PHONE_NETWORK, Load, dump, summary
from lighthouse import CATEGORIES
from lighthouse import PAGES as LIGHTHOUSE_PAGES

START, END = "<!-- results:start -->", "<!-- results:end -->"
KB = 1000
MEDIAN_P95, MAX_WARM = ("median", "p95"), ("max", "warm")

# The per-run samples: bench/raw/results.json keeps them (not committed, see
# run.py); results.json keeps the figures and the medians they come from.
# (key, the key inside it, or None for the whole entry)
PER_RUN: tuple[tuple[str, str | None], ...] = (
    ("loads", None),
    ("calculator_cold_waterfall", None),
    ("recalc", "samples_ms"),
    ("builds", "all_s"),
    ("lighthouse_run", "pages"),
    ("offer", "samples_ms"),
)

# key: (target, how to compare, label, unit)
TARGETS: dict[str, tuple[float, str, str, str]] = {
    "phone_live_vs_stock_bare": (
        0.70,
        "<=",
        "phone: time to live / bare boot of the stock Pyodide, cold",
        "×",
    ),
    "desktop_live_vs_stock_bare": (
        0.65,
        "<=",
        "desktop: time to live / bare boot of the stock Pyodide, cold",
        "×",
    ),
    "calculator_cold_bytes": (
        4_500_000,
        "<=",
        "calculator page, cold, bytes as a visitor receives them",
        "B",
    ),
    "warm_vs_cold_live": (0.6, "<=", "warm live / cold live (desktop)", "×"),
    "recalc_median_ms": (30, "<=", "recalculation, median of 50 changes", "ms"),
    "calculator_beyond_pyodide_bytes": (300 * KB, "<=", "calculator page beyond the Pyodide runtime", "B"),
    "content_page_pyodide_bytes": (0, "<=", "Pyodide bytes on a content page (max of all loads)", "B"),
    "lighthouse_performance_min": (95, ">=", "Lighthouse mobile performance, lowest of the 4 pages", "score"),
    "offer_verify_ms": (50, "<=", "offer link: Ed25519 check in Pyodide (desktop), median of 30", "ms"),
}


def _med(values: Sequence[float]) -> float:
    return round(statistics.median(values), 1)


# Figures read from one series' summary (medians, but for counts): key -> (series, summary field).
MEDIANS: dict[str, tuple[str, str]] = {
    "phone_over_page_timeout": ("phone_live_cold", "over_page_timeout"),
    "phone_live_ms": ("phone_live_cold", "done_ms"),
    "phone_stock_bare_ms": ("phone_stock_cold", "done_ms"),
    "phone_stock_br_bare_ms": ("phone_stock_br_cold", "done_ms"),
    "phone_ready_ms": ("phone_live_cold", "ready_ms"),
    "phone_fcp_calculator_ms": ("phone_live_cold", "fcp_ms"),
    "phone_blocking_ms": ("phone_live_cold", "blocking_ms"),
    "stock_bare_cold_ms": ("stock_cold", "done_ms"),
    "live_cold_ms": ("live_cold", "done_ms"),
    "live_warm_ms": ("live_warm", "done_ms"),
    "ready_cold_ms": ("live_cold", "ready_ms"),
    "ready_warm_ms": ("live_warm", "ready_ms"),
    "bare_cold_ms": ("bare_cold", "done_ms"),
    "bare_warm_ms": ("bare_warm", "done_ms"),
    "fcp_calculator_cold_ms": ("live_cold", "fcp_ms"),
    "fcp_calculator_warm_ms": ("live_warm", "fcp_ms"),
    "fcp_content_cold_ms": ("content_cold", "fcp_ms"),
    "fcp_content_warm_ms": ("content_warm", "fcp_ms"),
    "blocking_ms": ("live_cold", "blocking_ms"),
    "blocking_max_ms": ("live_cold", "blocking_max_ms"),
    "blocking_warm_ms": ("live_warm", "blocking_ms"),
    "tbt_ms": ("live_cold", "tbt_ms"),
    "content_blocking_ms": ("content_cold", "blocking_ms"),
    "calculator_cold_bytes": ("live_cold", "bytes"),
    "calculator_cold_bytes_if_all_compressed": ("live_cold", "bytes_if_all_compressed"),
    "calculator_pyodide_bytes": ("live_cold", "pyodide_bytes"),
    "calculator_warm_bytes": ("live_warm", "bytes"),
    "content_page_cold_bytes": ("content_cold", "bytes"),
    "content_page_warm_bytes": ("content_warm", "bytes"),
    "bare_cold_bytes": ("bare_cold", "bytes"),
    "stock_bare_cold_bytes": ("stock_cold", "bytes"),
}


def _series(loads: list[Load], page: str, cache: str, profile: str = "desktop") -> list[Load]:
    return [load for load in loads if load.page == page and load.cache == cache and load.profile == profile]


def _ratios(over: list[Load], under: list[Load]) -> list[float]:
    """done_ms of each load over that of its pair (the loads of one round)."""
    return [a.done_ms / b.done_ms for a, b in zip(over, under, strict=True)]


def _spread(ratios: list[float]) -> list[float]:
    """The lowest and highest of paired ratios: how far single runs spread."""
    return [round(min(ratios), 3), round(max(ratios), 3)]


def _met(measured: float | None, op: str, target: float) -> bool:
    if measured is None:
        return False
    return measured >= target if op == ">=" else measured <= target


def _first(load: Load, suffix: str, field: str = "start_ms") -> float | None:
    return next((row[field] for row in load.waterfall if row["path"].endswith(suffix)), None)


def _phases(runs: list[Load]) -> dict[str, float | None]:
    """Median time of each boot milestone of the calculator page, ms from navigation start."""
    marks: dict[str, list[float]] = {}

    def add(name: str, value: float | None) -> None:
        if value is not None:
            marks.setdefault(name, []).append(value)

    for load in runs:
        add("fcp", load.fcp_ms)
        add("worker script requested", _first(load, "calculator-worker.js"))
        add("pyodide.mjs requested", _first(load, "pyodide.mjs"))
        add("pyodide.asm.wasm.gz downloaded", _first(load, ".wasm.gz", "end_ms"))
        steps = {int(step): at for step, at in load.steps}
        add("1 worker got init (boot starts)", steps.get(1))
        add("2 loadPyodide() done", steps.get(2))
        add("wheels requested", _first(load, ".whl"))
        add("3 wheels installed", steps.get(3))
        add("4 calculator.page.web imported, catalogue loaded", steps.get(4))
        add("data-state=ready", load.ready_ms)
        add("first live answer in the DOM", load.done_ms)
    return {name: _med(values) for name, values in marks.items()}


def results(
    loads: list[Load],
    recalc: dict[str, Any],
    seen: dict[str, Any],
    builds: dict[str, Any],
    engine: dict[str, Any],
    offer: dict[str, Any],
    lighthouse: dict[str, Any],
    env: dict[str, Any],
) -> dict[str, Any]:
    series = {
        f"{page}_{cache}": _series(loads, page, cache)
        for page in ("live", "bare", "content")
        for cache in ("cold", "warm")
    }
    series["stock_cold"] = _series(loads, "stock", "cold")
    series["phone_live_cold"] = _series(loads, "live", "cold", "phone")
    series["phone_stock_cold"] = _series(loads, "stock", "cold", "phone")
    series["phone_stock_br_cold"] = _series(loads, "stock_br", "cold", "phone")
    s = {name: summary(runs) for name, runs in series.items() if runs}
    live_cold, bare_cold = series["live_cold"], series["bare_cold"]
    pairs = _ratios(live_cold, bare_cold)
    phone_pairs = _ratios(series["phone_live_cold"], series["phone_stock_cold"])
    median_run = sorted(live_cold, key=lambda load: load.done_ms)[len(live_cold) // 2]
    beyond = [load.bytes - load.pyodide_bytes for load in live_cold]
    lighthouse_pages = lighthouse.get("pages", {})
    performance = [page["scores"]["performance"] for page in lighthouse_pages.values()]

    def ratio(over: str, under: str) -> float:
        """Median time to the answer of one series over that of another."""
        return round(float(s[over]["done_ms"]) / float(s[under]["done_ms"]), 3)

    out: dict[str, Any] = {key: s[name][field] for key, (name, field) in MEDIANS.items()}
    out |= {
        "phone_live_vs_stock_bare": ratio("phone_live_cold", "phone_stock_cold"),
        # How far single pairs of phone loads spread: the machine's noise.
        "phone_live_vs_stock_bare_pairwise_range": _spread(phone_pairs),
        # Against the stock runtime at its fastest: had Netlify compressed WebAssembly and zip.
        "phone_live_vs_stock_br_bare": ratio("phone_live_cold", "phone_stock_br_cold"),
        "desktop_live_vs_stock_bare": ratio("live_cold", "stock_cold"),
        "live_vs_bare_cold": ratio("live_cold", "bare_cold"),
        "live_vs_bare_cold_pairwise_median": round(statistics.median(pairs), 3),
        "live_vs_bare_cold_pairwise_range": _spread(pairs),
        "live_vs_bare_warm": ratio("live_warm", "bare_warm"),
        "warm_vs_cold_live": ratio("live_warm", "live_cold"),
        "recalc_median_ms": recalc["median_ms"],
        "recalc_p95_ms": recalc["p95_ms"],
        "recalc_first10_median_ms": recalc["first10_median_ms"],
        "recalc_frame_median_ms": recalc["frame_median_ms"],
        "recalc_frame_p95_ms": recalc["frame_p95_ms"],
        "recalc_wrong_answers": len(recalc["wrong_answers"]),
        # The same if Netlify compressed every type brotli shrinks (WebAssembly, zip archives).
        "calculator_beyond_pyodide_bytes": _med(beyond),
        "content_page_pyodide_bytes": max(
            load.pyodide_bytes for load in series["content_cold"] + series["content_warm"]
        ),
        "lighthouse_performance_min": min(performance) if len(performance) == len(LIGHTHOUSE_PAGES) else None,
        "lighthouse": {name: page["scores"] for name, page in lighthouse_pages.items()},
        "build_s": builds["build_s"],
        "build_copy_s": builds["build_copy_s"],
        "build_200_plans_s": builds["build_200_plans_s"],
        "engine_us": engine["median_us"],
        **offer_figures(offer),
    }
    out["targets"] = {
        key: {"target": target, "op": op, "measured": out[key], "met": _met(out[key], op, target)}
        for key, (target, op, _, _) in TARGETS.items()
    }
    out["phases_cold_ms"] = _phases(live_cold)
    out["phases_warm_ms"] = _phases(series["live_warm"])
    out["phases_phone_ms"] = _phases(series["phone_live_cold"])
    out["page_timeout_s"] = next((x.page_timeout_s for x in live_cold if x.page_timeout_s is not None), None)
    out["calculator_cold_bytes_by_kind"] = median_run.by_kind
    out["calculator_cold_waterfall"] = median_run.waterfall
    out["summaries"] = s
    out["recalc"] = recalc
    out["playwright_sees_worker_requests"] = seen
    out["builds"] = builds
    out["engine"] = engine
    out["offer"] = offer
    out["lighthouse_run"] = lighthouse
    out["env"] = env
    out["loads"] = dump(loads)
    return out


def offer_figures(offer: dict[str, Any]) -> dict[str, float]:
    """The offer link's check (bench/offer_bench.py), in ms: the target's figure and those beside it."""
    pyodide, cpython = offer["pyodide"], offer["cpython"]
    return {
        "offer_verify_ms": pyodide["verify_median_ms"],
        "offer_verify_first_ms": pyodide["verify_first_ms"],
        "offer_decode_ms": pyodide["decode_median_ms"],
        "offer_verify_cpython_ms": cpython["verify_median_ms"],
        "offer_decode_cpython_ms": cpython["decode_median_ms"],
    }


def _offer_rows(r: dict[str, Any]) -> list[tuple[str, Any, str]]:
    runs, size = r["offer"]["runs"], r["offer"]["message_bytes"]
    return [
        (
            f"offer link: decode_offer of the whole link in Pyodide, median of {runs}",
            r["offer_decode_ms"],
            "ms",
        ),
        ("offer link: Ed25519 check in Pyodide, the first of them", r["offer_verify_first_ms"], "ms"),
        (
            f"offer link ({size} bytes signed): Ed25519 check / decode_offer in CPython, medians",
            _pair(r, "offer_%s_cpython_ms", ("verify", "decode")),
            "",
        ),
    ]


def offer_table(offer: dict[str, Any]) -> str:
    """The offer link's figures alone, as `run.py --only offer` prints them."""
    figures = offer_figures(offer)
    target, op, label, unit = TARGETS["offer_verify_ms"]
    measured = figures["offer_verify_ms"]
    met = "yes" if _met(measured, op, target) else "**no**"
    lines = ["| target | measured | target | met |", "|---|---:|---:|---|"]
    lines.append(f"| {label} | {_fmt(measured, unit)} | {op} {_fmt(target, unit)} | {met} |")
    lines += ["", "| other figures | measured |", "|---|---:|"]
    rows = _offer_rows({**figures, "offer": offer})
    lines += [f"| {label} | {value if not unit else _fmt(value, unit)} |" for label, value, unit in rows]
    return "\n".join(lines)


def committed(full: dict[str, Any]) -> dict[str, Any]:
    """results.json: every figure of the report, without the per-run samples (`PER_RUN`)."""
    out = dict(full)
    for key, inner in PER_RUN:
        if inner is None:
            del out[key]
        else:
            out[key] = {name: value for name, value in full[key].items() if name != inner}
    return out


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "not measured"
    if unit == "B":
        return f"{value / KB:,.1f} KB"
    if unit == "×":
        return f"{value:.2f}"
    if unit == "score":
        return f"{value:.0f}"
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def _pair(r: dict[str, Any], key: str, names: tuple[str, str] = ("cold", "warm"), unit: str = "ms") -> str:
    return " / ".join(_fmt(r[key % name], unit) for name in names)


def _lighthouse_table(r: dict[str, Any]) -> list[str]:
    run = r["lighthouse_run"]
    title = f"Lighthouse {run.get('version', '')} (mobile)".replace("  ", " ")
    lines = [f"| {title} | " + " | ".join(CATEGORIES) + " |", "|---|" + "---:|" * len(CATEGORIES)]
    for name, path in LIGHTHOUSE_PAGES.items():
        scores = r["lighthouse"].get(name)
        cells = [str(scores[key]) if scores else "-" for key in CATEGORIES]
        lines.append(f"| {name} (`/{path}`) | " + " | ".join(cells) + " |")
    if "error" in run:
        lines += ["", f"Lighthouse did not run to the end: {run['error']}."]
    return lines


def table(r: dict[str, Any]) -> str:
    """The figures as Markdown tables."""
    lines = ["| target | measured | target | met |", "|---|---:|---:|---|"]
    for key, (target, op, label, unit) in TARGETS.items():
        met = "yes" if r["targets"][key]["met"] else "**no**"
        lines.append(f"| {label} | {_fmt(r[key], unit)} | {op} {_fmt(target, unit)} | {met} |")
    network = PHONE_NETWORK
    down, up = network["downloadThroughput"] * 8 / 1e6, network["uploadThroughput"] * 8 / 1e6
    rows = [
        ("phone: time to live, cold", r["phone_live_ms"], "ms"),
        ("phone: bare boot of the stock Pyodide + `1+1`, cold", r["phone_stock_bare_ms"], "ms"),
        (
            "phone: the same, its WebAssembly and zip brotli-compressed as if Netlify compressed them",
            r["phone_stock_br_bare_ms"],
            "ms",
        ),
        ("phone: live / that stock bare boot", r["phone_live_vs_stock_br_bare"], "×"),
        (
            "phone: live / stock bare, lowest - highest of the paired runs",
            "{:.2f} - {:.2f}".format(*r["phone_live_vs_stock_bare_pairwise_range"]),
            "",
        ),
        (
            "phone: data-state=ready / first contentful paint",
            _pair(r, "phone_%s_ms", ("ready", "fcp_calculator")),
            "",
        ),
        ("phone: long tasks during boot (median)", r["phone_blocking_ms"], "ms"),
        (
            f"phone: calculator loads past the page's own {r['page_timeout_s']} s limit, from navigation",
            f"{r['phone_over_page_timeout']} of {r['summaries']['phone_live_cold']['runs']}",
            "",
        ),
        ("desktop: time to live, cold (first live answer in the DOM)", r["live_cold_ms"], "ms"),
        ("desktop: time to live, warm", r["live_warm_ms"], "ms"),
        ("desktop: data-state=ready, cold / warm", _pair(r, "ready_%s_ms"), ""),
        ("desktop: bare boot of the stock Pyodide + `1+1`, cold", r["stock_bare_cold_ms"], "ms"),
        ("desktop: bare boot of the site's Pyodide + `1+1`, cold / warm", _pair(r, "bare_%s_ms"), ""),
        (
            "desktop: live / the site's bare boot, cold: median (lowest - highest) of the paired runs",
            "{:.2f} ({:.2f} - {:.2f})".format(
                r["live_vs_bare_cold_pairwise_median"], *r["live_vs_bare_cold_pairwise_range"]
            ),
            "",
        ),
        ("desktop: live / the site's bare boot, warm", r["live_vs_bare_warm"], "×"),
        ("first contentful paint, calculator cold / warm", _pair(r, "fcp_calculator_%s_ms"), ""),
        ("first contentful paint, content page cold / warm", _pair(r, "fcp_content_%s_ms"), ""),
        ("recalculation p95 (50 changes)", r["recalc_p95_ms"], "ms"),
        ("recalculation, median of the first 10 changes", r["recalc_first10_median_ms"], "ms"),
        ("recalculation to the next frame, median / p95", _pair(r, "recalc_frame_%s_ms", MEDIAN_P95), ""),
        ("long tasks during boot (desktop): cold median", r["blocking_ms"], "ms"),
        (
            "long tasks during boot (desktop): cold max / warm median",
            _pair(r, "blocking_%s_ms", MAX_WARM),
            "",
        ),
        ("long tasks, content page cold (median)", r["content_blocking_ms"], "ms"),
        ("of the calculator's cold bytes, the Pyodide runtime", r["calculator_pyodide_bytes"], "B"),
        (
            "calculator page, cold, if Netlify compressed WebAssembly and zip too",
            r["calculator_cold_bytes_if_all_compressed"],
            "B",
        ),
        ("calculator page, warm (reload)", r["calculator_warm_bytes"], "B"),
        ("stock bare page, cold", r["stock_bare_cold_bytes"], "B"),
        ("content page, cold / warm", _pair(r, "content_page_%s_bytes", unit="B"), ""),
        ("`mkdocs build --strict` of the site", f"{r['build_s']:.2f} s", ""),
        ("the same docs outside git (current price list only)", f"{r['build_copy_s']:.2f} s", ""),
        ("that copy with 200 more plans", f"{r['build_200_plans_s']:.2f} s", ""),
        *_offer_rows(r),
    ]
    lines += ["", "| other figures | measured |", "|---|---:|"]
    lines += [f"| {label} | {value if not unit else _fmt(value, unit)} |" for label, value, unit in rows]
    lines += ["", *_lighthouse_table(r)]
    lines += [
        "",
        "| calculator page, desktop, cold: milestone (median) | ms from navigation start |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {value:,.0f} |" for name, value in r["phases_cold_ms"].items()]
    lines += [
        "",
        "| calculator page, phone, cold: milestone (median) | ms from navigation start |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {value:,.0f} |" for name, value in r["phases_phone_ms"].items()]
    lines += ["", "| calculator page, cold: bytes by kind (median run) | KB |", "|---|---:|"]
    by_kind = sorted(r["calculator_cold_bytes_by_kind"].items(), key=lambda item: -item[1])
    lines += [f"| {kind} | {size / KB:,.1f} |" for kind, size in by_kind]
    lines += ["", "| engine in CPython (bench_engine.py) | median µs |", "|---|---:|"]
    lines += [f"| {name} | {value:,.1f} |" for name, value in r["engine_us"].items()]
    env = r["env"]
    lines += [
        "",
        f"Measured on {env['cpus']} cores, {env['chromium']}, commit {env['commit']}"
        f"{' with local changes to ' + ', '.join(env['modified']) if env['modified'] else ''}, "
        f"Pyodide at {env['pyodide']}; phone profile {down:g} Mbit/s down, "
        f"{up:g} Mbit/s up, {network['latency']} ms latency, CPU "
        f"{PHONE_CPU_SLOWDOWN}x slower; load average {env['load_average_start']} at the start, "
        f"{env['load_average_end']} at the end; the browser sent Accept-Encoding "
        f"{', '.join(repr(e) for e in env['accept_encoding'])}; {env['bench_s']} s in all.",
    ]
    return "\n".join(lines)


def write_readme(path: Path, r: dict[str, Any]) -> None:
    """Replace the table between the markers of bench/README.md."""
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{START}\n{table(r)}\n{END}{tail}", encoding="utf-8")
