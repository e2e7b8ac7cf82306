"""Kinds of the wrong cells of flattened-text samples with expected records.

    python tools/eval_faults.py PATH [PATH ...]

PATH as for ``tools/eval_text.py`` (a folder or an input file).  The rows read are aligned with
the expected rows as there; each wrong cell (whitespace-free) is classed by what it holds:
``shifted`` (the same column's cell of a row one or two above or below), ``col:X`` (its own
row's cell of column X), ``merged_rows`` (its own cell and a neighbouring row's), ``merged_col:X``
(its own cell and its row's X), ``extra`` (its own cell and more), ``truncated`` (a piece of its
own), ``shift_partial`` / ``col_partial:X`` (a piece of, or more than, such a cell), ``empty``,
``spurious`` (text where none is expected), ``no_row`` (the row was not found), ``same_start`` /
``same_end`` (its own cell's first / last 8 characters), ``other``.  Printed per extractor
(pdfminer, plain ``pdftotext``, other) and column, and the cases with most wrong cells.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import eval_text as ev

import piatable

SIX = ev.SIX
squash = ev.squash
NEIGHBOURS = (1, -1, 2, -2)


def classify(expected: list[dict], j: int, name: str, got_row: dict | None) -> str:
    """The kind of the wrong cell ``name`` of expected row ``j`` (see the module's docstring)."""
    if got_row is None:
        return "no_row"
    e, g = squash(expected[j][name]), squash(got_row.get(name))
    if not g:
        return "empty"
    if not e:
        return "spurious"
    near = [squash(expected[j + k][name]) for k in NEIGHBOURS if 0 <= j + k < len(expected)]
    own = {f: squash(expected[j][f]) for f in SIX if f != name}
    if g in near:
        return "shifted"
    for f, o in own.items():
        if g == o:
            return f"col:{f}"
    if e in g:
        if any(o and o in g for o in near):
            return "merged_rows"
        for f, o in own.items():
            if o and o in g:
                return f"merged_col:{f}"
        return "extra"
    if g in e:
        return "truncated"
    if any(o and (o in g or g in o) for o in near):
        return "shift_partial"
    for f, o in own.items():
        if o and (o in g or g in o):
            return f"col_partial:{f}"
    if g.startswith(e[:8]):
        return "same_start"
    if g.endswith(e[-8:]):
        return "same_end"
    return "other"


def _tool(folder: Path) -> str:
    name = folder.name
    return "pdfminer" if name.endswith("-pdfminer") else "plain" if name.endswith("-pdftotext") else "other"


def main(argv: list[str]) -> int:
    inputs = ev.find_inputs([Path(p) for p in argv])
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    by_column: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_case: dict[str, Counter[str]] = defaultdict(Counter)
    for path in inputs:
        tool = _tool(path.parent)
        expected = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
        try:
            got = [r.to_dict() for r in piatable.extract(path)]
        except piatable.PiatableError:
            got = []
        matched = {j: i for i, j in ev.align(got, expected)}
        for j in range(len(expected)):
            row = got[matched[j]] if j in matched else None
            for name in SIX:
                if row is not None and squash(row.get(name)) == squash(expected[j][name]):
                    continue
                kind = classify(expected, j, name, row)
                kinds[tool][kind] += 1
                by_column[(tool, name)][kind] += 1
                by_case[str(path.parent)][kind] += 1
    for tool, counts in sorted(kinds.items()):
        print(f"== {tool}: {sum(counts.values())} wrong cells")
        for kind, n in counts.most_common():
            print(f"  {kind:24s}{n}")
        for name in SIX:
            c = by_column[(tool, name)]
            print(f"  {name:12s} {sum(c.values()):5d}  {dict(c.most_common(5))}")
    print("== cases with most wrong cells")
    for case, c in sorted(by_case.items(), key=lambda x: -sum(x[1].values()))[:20]:
        print(f"  {sum(c.values()):4d} {case}  {dict(c.most_common(4))}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main(sys.argv[1:]))
