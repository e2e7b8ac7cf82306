"""Writer tables for the flattened texts (pdfminer, plain ``pdftotext``) of issues 10 and 12
(boxes49: new users' set IX, FAULTS.md kinds 5 and 8): spacing after every paragraph, a 項目
merged vertically over two rows, 10–12 pt Mincho / Gothic.

    python tools/make_boxes49_samples.py                          # both sets
    python tools/make_boxes49_samples.py --set office-boxes49      # or heldout-boxes49

As tools/make_boxes44_samples.py (a contiguous run of a pool of tables' rows in a look drawn by
``make_office_samples.varied_case``, widths scaled), Writer only, with the paragraph spacing
``SPACE_AFTER`` (points; pdfminer and poppler then print each paragraph of a cell as a box of
its own), the font size drawn from ``SIZES`` and one row's 項目 repeated in the next row and
merged over the two (the truth gives both rows the item, as the printed table means it); every
other case prints a caption under the title (make_raw46's, ``※下線部は変更箇所を示す``).

``office-boxes49`` (tuning) draws ``TUNING_CASES`` Writer cases; ``heldout-boxes49`` (measure
only, never tune on it) ``HELDOUT_CASES`` from the held-out tables' rows, in the held-out fonts;
each ``CALC_CASES`` Calc cases more, with a caption (set IX's c2: pdfminer).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_flow22_samples as flow
import make_office_samples as office
from make_boxes42_samples import _pool, scaled_run
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case
from make_raw46_samples import HELDOUT_CAPTIONS, TUNING_CAPTIONS

TUNING_CASES = 6
HELDOUT_CASES = 4
# Calc cases as set IX's c2: a caption, a shaded label row, 9 pt, the 提出時期 centred, a
# manual page break every CALC_ROWS_PER_PAGE rows, no merged cell (Calc prints the caption as a
# one-line cell among the dates and timings: pdfminer's box of it is left over by the
# column-order pairing).
CALC_CASES = 2
CALC_ROWS = 12
CALC_ROWS_PER_PAGE = 7
CALC_SIZE = 9.0
WIDTH_SCALES = (0.9, 1.0, 1.15)
ROW_COUNTS = (5, 7, 9)
SIZES = (10.0, 10.5, 11.0, 12.0)
SPACE_AFTER = (0.0, 4.0, 6.0, 8.0)


def _calc_case(name: str, pool: list[dict], heldout: bool) -> Case:
    c, widths, rng = scaled_run("boxes49", name, pool, "calc", heldout, (CALC_ROWS,), WIDTH_SCALES)
    return replace(
        c,
        widths=widths,
        font=rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS),
        size=CALC_SIZE,
        merge=False,
        header_fill=True,
        valign_of={"timing": "center"},
        rows_per_page=CALC_ROWS_PER_PAGE,
        caption=rng.choice(HELDOUT_CAPTIONS if heldout else TUNING_CAPTIONS),
        fallback_glyphs="○□",
    )


def _case(name: str, pool: list[dict], heldout: bool) -> Case:
    c, widths, rng = scaled_run("boxes49", name, pool, "writer", heldout, ROW_COUNTS, WIDTH_SCALES)
    font = rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS)
    rows = [dict(r) for r in c.rows]
    k = rng.randrange(len(rows) - 1)
    rows[k + 1]["item"] = rows[k]["item"]
    keys = tuple(key for key in c.merge_keys if c.merge) + ("item",)
    return replace(
        c,
        rows=rows,
        widths=widths,
        font=font,
        size=rng.choice(SIZES),
        space_after=rng.choice(SPACE_AFTER),
        merge=True,
        merge_keys=keys,
        fallback_glyphs="○□",
        caption=rng.choice(HELDOUT_CAPTIONS if heldout else TUNING_CAPTIONS) if rng.random() < 0.5 else "",
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` Writer cases, named ``[h]b49-writer-v<k>``, and
    ``CALC_CASES`` Calc ones, ``[h]b49-calc-v<k>`` (``flow.numbered_cases``)."""
    pool = _pool(heldout)
    counts = (("writer", HELDOUT_CASES if heldout else TUNING_CASES), ("calc", CALC_CASES))
    return flow.numbered_cases(
        f"{'h' if heldout else ''}b49",
        counts,
        redrawn,
        lambda name, maker, k: (_case if maker == "writer" else _calc_case)(name, pool, heldout),
    )


SETS = split_sets("boxes49", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
