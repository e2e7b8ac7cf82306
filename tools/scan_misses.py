"""Every wrong cell of scanned tables, sorted into kinds (what to fix first).

    python tools/scan_misses.py --cached --office samples/office --generate 200,300
    python tools/scan_misses.py --cached --office samples/office --generate 200,300 --show width,lost-row

Runs bench_scan's cases (same arguments: --office, --generate, --only, --cached, --set) and
puts each cell that is not exactly right (ignoring whitespace) into one kind, the first that
fits, in this order:

- ``lost-row``: the expected row was not found at all;
- ``empty``: the row was found but this cell came back empty;
- ``width``: right once full-width digits, letters and ``．`` are folded to half width (NFKC);
- ``date``: a 変更日 cell wrong otherwise;
- ``timing``: a 提出時期 cell wrong otherwise;
- ``merged-cut``: the truth starts or ends with the got text, or the other way round (text lost
  or added at a cell's edge, typical of a merged cell split between rows);
- ``one-char`` / ``few-chars``: 1 or 2–4 edits in a cell (misreads inside running text);
- ``line-lost``: a whole line of the truth is missing or garbled (distance > 4, a line of the
  truth has no line of the got text within 2 edits);
- ``other``.

With ``--show KIND,...`` each cell of those kinds is printed.  Never run on the held-out sets
(``samples/heldout*``) to tune: their figures come from bench_scan alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import bench_scan  # noqa: E402

KINDS = (
    "lost-row",
    "empty",
    "width",
    "date",
    "timing",
    "merged-cut",
    "one-char",
    "few-chars",
    "line-lost",
    "other",
)


def _flat(s: str) -> str:
    return bench_scan._WS.sub("", s)


def kind_of(field: str, truth: str, got: str | None) -> str:
    """The kind of one wrong cell (see the module docstring)."""
    if got is None:
        return "lost-row"
    t, g = _flat(truth), _flat(got)
    if not g:
        return "empty"
    if unicodedata.normalize("NFKC", t) == unicodedata.normalize("NFKC", g):
        return "width"
    if field == "change_date_raw":
        return "date"
    if field == "timing":
        return "timing"
    if t.startswith(g) or t.endswith(g) or g.startswith(t) or g.endswith(t):
        return "merged-cut"
    d = bench_scan.levenshtein(t, g)
    if d == 1:
        return "one-char"
    if d <= 4:
        return "few-chars"
    glines = [_flat(x) for x in got.splitlines() if x.strip()]
    for line in truth.splitlines():
        line = _flat(line)
        if line and not any(bench_scan.levenshtein(line, x) <= 2 for x in glines):
            return "line-lost"
    return "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generate", default="200,300")
    ap.add_argument("--office", type=Path)
    ap.add_argument("--only", default="")
    ap.add_argument("--cached", action="store_true")
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--show", default="", help="kinds whose cells are printed, comma-separated")
    ap.add_argument("--json", type=Path, help="write every wrong cell here")
    ns = ap.parse_args(argv)
    gen = Path(tempfile.gettempdir()) / "piatable-bench-scans"
    gen.mkdir(exist_ok=True)
    items = bench_scan.generated([int(x) for x in ns.generate.split(",")], gen, ns.office)
    if ns.only:
        items = [it for it in items if any(o in it[0] for o in ns.only.split(","))]
    show = set(filter(None, ns.show.split(",")))
    counts: Counter[str] = Counter()
    by_field: Counter[tuple[str, str]] = Counter()
    cells = 0
    misses = []
    for name, path, exp_path in items:
        expected = json.loads(exp_path.read_text("utf-8"))
        got, _, _ = bench_scan.run_piatable(path, ns.set, ns.cached)
        for e, g in bench_scan.align(expected, got):
            for f in bench_scan.FIELDS:
                cells += 1
                truth = str(e.get(f) or "")
                value = None if g is None else str(g.get(f) or "")
                if value is not None and _flat(truth) == _flat(value):
                    continue
                k = kind_of(f, truth, value)
                counts[k] += 1
                by_field[(k, f)] += 1
                flags = [] if g is None else list(g.get("flags") or [])
                misses.append(
                    {"case": name, "row": e["row_index"], "field": f, "kind": k, "truth": truth, "got": value}
                )
                if k in show:
                    print(f"[{k}] {name} row {e['row_index']} {f} {flags}:\n  {truth!r}\n  {value!r}")
    if ns.json:
        ns.json.write_text(json.dumps(misses, ensure_ascii=False, indent=1), "utf-8")
    wrong = sum(counts.values())
    print(f"{cells} cells, {wrong} wrong ({1 - wrong / max(cells, 1):.1%} exact)")
    for k in KINDS:
        if counts[k]:
            fields = ", ".join(f"{f} {n}" for (kk, f), n in by_field.most_common() if kk == k)
            print(f"  {k:11s} {counts[k]:4d}   ({fields})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
