"""Per warning flag and per check that raised it: the right and wrong rows it fires on (issue 12).

    python tools/bench_calibration.py --no-reflow --every 10 --json rows.json
    python tools/flag_sources.py rows.json                  # every case of the bench's JSON
    python tools/flag_sources.py rows.json --heldout only   # the held-out cases (or: no)
    python tools/flag_sources.py before.json after.json     # the two side by side

Reads the JSON ``tools/bench_calibration.py --json`` writes (each row's ``flags``, ``evidence``,
``status``, ``case``, ``kind``).  A row's evidence lines read ``<field>: <flag>: <why>`` or
``<flag>: <why>``; the check is told by the first words of its ``why`` (digits, quoted text and
the field names folded), so a flag raised by several checks (``row_split_guess`` by a page's
untaken 提出時期, by a cell opening with a sentence's end …) is counted per check.  Printed: per
flag and check, the wrong and right rows it fires on, and of how many of each it is the only
warning (right rows that would be quiet without it, wrong rows that would be unwarned).  Missing
rows carry no evidence and are left out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_calibration import WARN_BELOW, is_heldout, warning_flags

_EVIDENCE = re.compile(r"^(?:(?P<field>[a-z_]+): )?(?P<flag>[a-z_]+(?::[a-z_]+)?): (?P<why>.*)$")
_FOLD = re.compile(
    r"「[^」]*」|\([^)]*\)|（[^）]*）|\d+(?:\.\d+)?|\b(item|before|after|explanation|timing|change_date)\b"
)
WHY_WORDS = 9


def check_of(why: str) -> str:
    """The check a ``why`` came from: its first words with numbers, quotes and fields folded."""
    words = _FOLD.sub("_", why).split()
    return " ".join(words[:WHY_WORDS])[:90]


def tally(rows: list[dict], heldout: str) -> dict[tuple[str, str], Counter[str]]:
    """(flag, check) → counts of ``wrong``, ``right`` and ``right_only`` rows."""
    out: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r["status"] == "missing":
            continue
        held = is_heldout(r["case"])
        if (heldout == "only" and not held) or (heldout == "no" and held):
            continue
        side = "right" if r["status"] == "right" else "wrong"
        warns = set(warning_flags(r["flags"]))
        only = len(warns) == 1 and r["confidence"] >= WARN_BELOW
        seen: set[tuple[str, str]] = set()
        for line in r.get("evidence") or []:
            m = _EVIDENCE.match(line)
            if not m or m["flag"] not in warns:
                continue
            seen.add((m["flag"], check_of(m["why"])))
        for f in warns:
            if not any(k[0] == f for k in seen):
                seen.add((f, "(no evidence line)"))
        for key in seen:
            out[key][side] += 1
            if only:
                out[key][side + "_only"] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("json", type=Path, nargs="+", help="bench_calibration.py --json output(s)")
    ap.add_argument("--heldout", choices=("all", "only", "no"), default="all")
    ap.add_argument("--flag", default="", help="only this flag")
    ap.add_argument("--kind", default="", help="only rows of this input kind (substring)")
    ap.add_argument("--top", type=int, default=0, help="only the first N checks")
    ns = ap.parse_args(argv)
    tallies = []
    for path in ns.json:
        rows = json.loads(path.read_text("utf-8"))["rows"]
        if ns.kind:
            rows = [r for r in rows if ns.kind in r["kind"]]
        tallies.append(tally(rows, ns.heldout))
    keys = sorted({k for t in tallies for k in t if not ns.flag or k[0] == ns.flag})
    keys.sort(key=lambda k: (-max(t[k]["right_only"] for t in tallies), -max(t[k]["right"] for t in tallies)))
    if ns.top:
        keys = keys[: ns.top]
    head = "  ".join(f"{'wrong':>5s} {'(only)':>6s} {'right':>5s} {'(only)':>6s}" for _ in tallies)
    print(f"{'flag':22s} {'check':60s} {head}")
    for k in keys:
        cells = "  ".join(
            f"{t[k]['wrong']:5d} {t[k]['wrong_only']:6d} {t[k]['right']:5d} {t[k]['right_only']:6d}"
            for t in tallies
        )
        print(f"{k[0][:22]:22s} {k[1][:60]:60s} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
