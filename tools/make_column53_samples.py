"""Tables printed small by Writer, AbiWord and Gnumeric for pdfminer and plain ``pdftotext``
(issues 10 and 12, session 53, branch column53: set XIV's FAULTS.md pdfminer / plain faults).

    python tools/make_column53_samples.py                           # both sets
    python tools/make_column53_samples.py --set office-column53      # or heldout-column53

What the cases stress: Writer at 8 pt (LibreOffice's cell padding is small, so pdfminer merges
vertically adjacent cells of one column into one box: several rows' explanations in one box);
AbiWord at 7 pt landscape (``abiword --to=pdf`` of the .docx: equal columns, an explanation's
first line printed beside its 提出時期 and its last line a box of its own); Gnumeric at 9 / 11 pt
(``ssconvert`` of the .xlsx: the date's line ``R5.10.1 Ⅰ基本情報`` first, then the row's other
cells, then the item's headings).  Cases: a contiguous run of a pool of tables' rows, in the
looks of tools/make_shred52_samples.py (``Case.program``).  Chromium is not a ``Case.program``
(set XIV's Chromium tables are not mirrored here).

``office-column53`` (tuning) draws from the tuning tables' rows; ``heldout-column53`` (measure
only, never tune on it) from the held-out tables' rows, in the held-out fonts.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_boxes42_samples import _pool
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case
from make_shred52_samples import _abiword_case, _gnumeric_case
from make_writer47_samples import _writer_case

# (program, point size) of each case, in order; the tuning set's and the held-out set's.
TUNING_LOOKS = (("writer", 8.0), ("abiword", 7.0), ("gnumeric", 11.0), ("gnumeric", 9.0))
HELDOUT_LOOKS = (("writer", 8.0), ("abiword", 7.5), ("gnumeric", 10.0))


def _case(name: str, program: str, size: float, pool: list[dict], heldout: bool, k: int) -> Case:
    if program == "writer":
        c = _writer_case(name, pool, heldout, k)
    elif program == "abiword":
        c = _abiword_case(name, pool, heldout, k)
    else:
        c = _gnumeric_case(name, pool, heldout)
    return replace(c, size=size)


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    pool = _pool(heldout)
    out = []
    for k, (program, size) in enumerate(HELDOUT_LOOKS if heldout else TUNING_LOOKS):
        name = f"{'h' if heldout else ''}c53-{program}-v{k + 1}"
        while name in redrawn:
            name += "-r"
        out.append(_case(name, program, size, pool, heldout, k))
    return out


SETS = split_sets("column53", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
