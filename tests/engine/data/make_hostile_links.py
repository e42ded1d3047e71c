"""Write hostile_links.txt: the corpus of hostile quote links (run once; the output is reviewed and kept).

Usage: python tests/engine/data/make_hostile_links.py > tests/engine/data/hostile_links.txt
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

# A complete, valid link of the current price list; entries change one thing in it.
BASE = {"v": "1", "pl": "2026-12", "c": "b", "ws": "5", "sv": "1", "inc": "1", "vis": "1", "km": "0"}
FULL = "v=1&pl=2026-12&d=2026-11-26&c=b&ws=10&sv=1&inc=2&h=7.5&vis=1&km=30&rt=4&at=2026-12-23T17:00"
PARAMS = ("v", "pl", "d", "c", "ws", "sv", "inc", "h", "vis", "km", "rt", "at", "dc", "op", "us", "dp")
NUMBERS = ("ws", "sv", "inc", "h", "vis", "km", "rt", "dc")

# Payloads that, if they ever ran or reached the DOM as markup, leave a mark
# the browser test looks for: an element #pwned, window.__pwned, a dialog.
SCRIPTS = [
    "<script>window.__pwned=1</script>",
    "</p><script>alert(1)</script>",
]
HTML = [
    "<img id=pwned src=x onerror=window.__pwned=1>",
    '"><svg id=pwned onload=alert(1)>',
    "'><b id=pwned onmouseover=window.__pwned=1>x</b>",
]
URLS = [
    "javascript:window.__pwned=1",
    "data:text/html,<script>window.__pwned=1</script>",
    "JaVaScRiPt:alert(document.domain)",
]


def enc(text: str) -> str:
    """Percent-encode what cannot stand in a line or would split the link; keep the rest readable."""
    out = []
    for char in text:
        category = unicodedata.category(char)
        if char in "&=#% " or category[0] in "CZ":
            out.append(quote(char, safe=""))
        else:
            out.append(char)
    return "".join(out)


def link(**changes: str | None) -> str:
    """BASE with some values replaced (already encoded), added or (None) removed."""
    values: dict[str, str | None] = {**BASE, **changes}
    return "&".join(f"{key}={value}" for key, value in values.items() if value is not None)


def entries() -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []

    def add(category: str, expect: str, fragment: str) -> None:
        rows.append((category, expect, fragment))

    for param in PARAMS:
        for payload in SCRIPTS:
            add("script", param, link(**{param: enc(payload)}))
        for payload in HTML:
            add("html", param, link(**{param: enc(payload)}))
        for payload in URLS:
            add("url", param, link(**{param: enc(payload)}))
    # In the name of a parameter, and as the whole link.
    for payload in SCRIPTS + HTML:
        category = "script" if "script" in payload else "html"
        add(category, "*", link() + "&" + enc(payload.replace("=", ":")) + "=1")
    add("html", "*", link() + "&" + enc(HTML[0]))  # its '=' splits the name from a value
    for payload in URLS:
        add("url", "*", enc(payload))
    add("url", "*", "javascript:alert(1)//" + link())
    add("url", "*", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")

    # Overlong: values too long for their parameter, and whole links over 2000 characters.
    add("overlong", "v", link(v="1" * 50))
    add("overlong", "pl", link(pl="a" * 33))
    add("overlong", "pl", link(pl="2026-12" * 40))
    add("overlong", "d", link(d="2026-11-26" * 3))
    add("overlong", "c", link(c="b" * 100))
    for param in NUMBERS:
        add("overlong", param, link(**{param: "1" * 7}))
        add("overlong", param, link(**{param: "1." + "0" * 7}))
    add("overlong", "at", link(at="2026-12-23T17:00" + "0" * 30))
    for param in ("v", "pl", "ws", "at"):
        add("overlong", "-", link(**{param: "9" * 2100}))
    add("overlong", "-", link() + "&x=1" * 600)
    add("overlong", "-", link(ws=enc("<img id=pwned src=x onerror=window.__pwned=1>") * 60))
    # The one-off lists: too many entries, a description too long, a count too large.
    add("overlong", "us", link(us="~".join(f"s{n}*1" for n in range(21))))
    add("overlong", "us", link(us="a" * 41 + "*1"))
    add("overlong", "us", link(us="obuchenie*" + "1" * 7))
    add("overlong", "dp", link(dp="~".join(f"x{n}*1" for n in range(11))))
    add("overlong", "dp", link(dp="я" * 121 + "*1"))
    add("overlong", "dp", link(dp=quote("я" * 121, safe="") + "*1"))
    add("overlong", "dp", link(dp="x*" + "1" * 7))
    add("overlong", "-", link(dp="~".join(quote("я" * 120, safe="") + "*1" for _ in range(17))))

    # Odd Unicode: look-alike digits and letters, invisible and direction marks, broken UTF-8.
    unicode_values = [
        ("ws", "５"),  # fullwidth five
        ("ws", "٥"),  # Arabic-Indic five
        ("sv", "१"),  # Devanagari one
        ("inc", "²"),
        ("h", "7٫5"),  # Arabic decimal separator
        ("km", "−5"),  # minus sign
        ("km", "🚀"),
        ("ws", "5\u200b"),  # zero-width space
        ("ws", "\u202e5"),  # right-to-left override
        ("vis", "1\u00a0"),  # no-break space
        ("rt", "4\u3000"),  # ideographic space
        ("ws", "\x00"),
        ("ws", "%FF%FE"),  # not UTF-8
        ("ws", "%ED%A0%80"),  # an encoded surrogate
        ("c", "Ь"),
        ("c", "b\u0301"),  # combining accent
        ("pl", "２０２６-12"),
        ("pl", "2026-12\u0301"),
        ("d", "２０２６-11-26"),
        ("at", "2026-12-23Т17:00"),  # Cyrillic Т
        ("v", "١"),  # Arabic-Indic one
        ("v", "1\ufeff"),
        ("dc", "８０"),  # fullwidth eighty
        ("op", "24\u22157"),  # division slash
        ("us", "obuchenie*２"),  # fullwidth two
        ("us", "оbuchenie*2"),  # Cyrillic о
        ("dp", "x*٣"),  # Arabic-Indic three
        ("dp", "x\u200b*1\u00a0"),
    ]
    for param, value in unicode_values:
        add("unicode", param, link(**{param: value if value.startswith("%") else enc(value)}))
    add("unicode", "*", enc("\ufeff") + link())  # a byte-order mark glued to the first name
    add("unicode", "*", link() + "&w" + enc("ѕ") + "=9")  # Cyrillic dze in "ws"
    add("unicode", "*", link() + "&" + enc("ws\u200b") + "=9")

    # Duplicated parameters: harmless copies are refused too (a link says each thing once).
    for param in PARAMS:
        optional = {
            "d": "2026-11-26",
            "h": "7.5",
            "rt": "4",
            "at": "2026-12-23T17:00",
            "dc": "80",
            "op": "24/7",
            "us": "obuchenie*2",
            "dp": "x*1",
        }
        value = optional.get(param, BASE.get(param))
        add("duplicate", param, f"{param}={value}&" + link(**{param: value}))
    add("duplicate", "ws", link() + "&ws=10000")
    add("duplicate", "pl", link() + "&pl=1999-01")
    add("duplicate", "v", link() + "&v=2")

    # Unknown parameters, among them the names of JavaScript's object machinery.
    for name in [
        "constructor",
        "__proto__",
        "toString",
        "hasOwnProperty",
        "valueOf",
        "prototype",
        "V",
        "WS",
        "utm_source",
        "fbclid",
        "oferta",
        "ws[]",
        "ws.0",
        "x",
        "%20ws",
        "ws%00",
    ]:
        add("unknown", "*", link() + f"&{name}=1")
    add("unknown", "-", link() + "&=1")
    add("unknown", "*", link() + "&price=0&discount=100")
    # Plans are not part of a link: naming one is an unknown parameter.
    for fragment in [
        "plan=platinum",
        "plan=premium",
        "plan=" + enc("<script>window.__pwned=1</script>"),
        "p=avariyna",
        "plans=premium,standard",
        "recommended=standard",
        "total=0.01",
        "premium=0",
    ]:
        add("plan", "*", link() + "&" + fragment)

    # Numbers: negative, huge, NaN, exponents and other spellings.
    for param in NUMBERS:
        for value in ["-1", "999999", "NaN", "1e3", "Infinity", "0x10", "+5", "1,5"]:
            add("number", param, link(**{param: enc(value)}))
    for value in ["2", "0", "1.0", "01", "-1", "NaN", "1e0"]:
        add("number", "v", link(v=value))
    # A count or a quantity in the one-off lists: whole and within bounds, nothing else.
    for value in ["-1", "1.5", "101", "NaN", "1e2", "", "+2", "0x1"]:
        add("number", "us", link(us="obuchenie*" + enc(value)))
    for value in ["0", "-1", "1.5", "1001", "NaN", "1e2", "", "+2"]:
        add("number", "dp", link(dp="x*" + enc(value)))
    # Shapes a list does not take: no count, a count before the name, an empty entry, an odd id.
    for value in ["obuchenie", "2*obuchenie", "obuchenie*2~", "~obuchenie*2", "Obuchenie*2", "a_b*1", "*2"]:
        add("number", "us", link(us=enc(value)))
    for value in ["x", "*1", "x*1~", "x*1~~y*1", enc("a\x1bb") + "*1", enc("\u202e") + "*1", "%20*1"]:
        add("number", "dp", link(dp=value))

    # Days and moments out of range or malformed.
    days = ["2026-13-01", "0000-00-00", "9999-12-31", "2026-02-29", "NaN", "2026-11-26T10:00", "-2026-11-26"]
    for value in days:
        add("date", "d", link(d=enc(value)))
    for value in [
        "0001-01-01T00:30",
        "9999-12-31T23:59Z",
        "0001-01-01T00:30%2B02:00",
        "2026-03-29T03:30",
        "2026-12-23T25:00",
        "2026-12-23T17:00%2B99:00",
        "2026-12-23",
        "2026-12-23T17:00:00",
        "1999-12-31T23:59",
        "2101-01-01T00:00",
        "NaN",
    ]:
        add("date", "at", link(at=value))

    # Price lists: well formed but never published (the page says so), and malformed ids.
    for value in ["1999-01", "2099-12", "test-1", "index", "a..b", "premium"]:
        add("pricelist", "unpublished", link(pl=value))
    for value in ["../../etc/passwd", "2026-12/../x", ".hidden", "-1", "%2e%2e", "", "2026 12", "*"]:
        add("pricelist", "pl", link(pl=enc(value) if not value.startswith("%") else value))
    add("pricelist", "pl", link(pl=None))

    # Truncated links: cut where a copy from a chat or a mail tends to end.
    # Each cut ends just after its marker's first occurrence in FULL.
    for marker, expect in [
        ("v", "v"),
        ("v=", "v"),
        ("v=1&p", "*"),
        ("pl=", "pl"),
        ("pl=2026-1", "unpublished"),  # "2026-1": well formed, not published
        ("&d", "d"),
        ("d=2026-1", "d"),
        ("c=", "c"),
        ("&w", "*"),
        ("ws=", "ws"),
        ("h=7.", "h"),
        ("rt=", "rt"),
        ("&a", "*"),
        ("at=2", "at"),
        ("T17:0", "at"),
    ]:
        add("truncated", expect, FULL[: FULL.index(marker) + len(marker)])
    add("truncated", "at", link(at="2026-10-25T03:30%2B02:0"))
    add("truncated", "at", link(at="2026-10-25T03:30%2"))
    add("truncated", "v", "&")
    add("truncated", "v", "&&&&")

    # Encoded once too often, or encoded where it must not be.
    once = quote(FULL, safe="")
    add("encoded", "*", once)
    add("encoded", "*", quote(once, safe=""))
    add("encoded", "ws", link(ws="%2535"))
    add("encoded", "ws", link(ws="5%2526sv=1"))
    add("encoded", "ws", link(ws="5%26sv=1"))
    add("encoded", "ws", link(ws="&#53;"))
    add("encoded", "c", link(c="%2562"))
    add("encoded", "pl", link(pl="2026%252D12"))
    add("encoded", "at", link(at="2026-10-25T03:30%252B02:00"))
    add("encoded", "*", link() + "&%2577s=5")
    add("encoded", "inc", link(inc="%25"))
    add("encoded", "ws", link(ws="%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E"))
    add("encoded", "ws", link(ws="%253Cscript%253Ewindow.__pwned%253D1%253C%252Fscript%253E"))
    return rows


HEADER = """\
# Hostile quote links: what the calculator page and the link decoder must survive.
# Generated by tests/engine/data/make_hostile_links.py; review changes like code.
#
# One entry a line, three fields separated by one tab:
#   category  what kind of hostility (the tests require every category)
#   expect    what the decoder must report:
#               a link parameter (v, pl, d, c, ws, sv, inc, h, vis, km, rt, at, dc, op, us, dp):
#                            an error names it
#               *            an error names an unknown parameter (its name, not one of the above)
#               -            an error about the link as a whole (parameter "")
#               unpublished  no error; a well-formed price-list id that the site does not publish
#   fragment  the link after '#', as it would stand in the address bar. Characters that cannot
#             stand in a line or would split the link (tab, newline, other controls, spaces,
#             invisible and direction marks, and '&', '=', '#', '%' inside a value) are
#             percent-encoded; readable ones, '<' and '"' included, are kept as they are.
# Lines starting with '#' are comments.
"""

if __name__ == "__main__":
    print(HEADER, end="")
    seen = set()
    for category, expect, fragment in entries():
        if fragment in seen:
            raise SystemExit(f"duplicate entry: {fragment}")
        seen.add(fragment)
        print(f"{category}\t{expect}\t{fragment}")
