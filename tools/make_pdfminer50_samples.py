"""Writer tables with six columns of one width, for pdfminer's ``extract_text`` (issues 10 and
12, branch pdfminer50: new users' set XI, FAULTS.md kind 8, w1 / w4 / w6).

    python tools/make_pdfminer50_samples.py                            # both sets
    python tools/make_pdfminer50_samples.py --set office-pdfminer50     # or heldout-pdfminer50

A table inserted with Writer's or Word's default (python-docx ``add_table``) gives every column
the same width, so the 変更日, 項目, 変更前, 変更後, 提出時期 and 説明 cells all wrap at one width
and no column can be told from another by its lines' width.  As tools/make_boxes49_samples.py
(a contiguous run of a pool of tables' rows in a look drawn by
``make_office_samples.varied_case``), Writer only, the page's text width shared equally among
the six columns (``PORTRAIT_WIDTH`` / ``LANDSCAPE_WIDTH`` cm), portrait or landscape, the
font size drawn from ``SIZES``; some rows' explanations carry the form's second paragraph
``重要な変更にはあたらない`` (set XI's w3 / w6 print it).  ``CALC_CASES`` Calc cases more
(make_boxes49's look) print a caption about struck-through text under the title.

``office-pdfminer50`` (tuning) draws ``TUNING_CASES`` cases; ``heldout-pdfminer50`` (measure only,
never tune on it) ``HELDOUT_CASES`` from the held-out tables' rows, in the held-out fonts.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool, scaled_run
from make_boxes49_samples import _calc_case
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case

TUNING_CASES = 4
HELDOUT_CASES = 3
ROW_COUNTS = (6, 8, 10)
SIZES = (9.0, 10.0, 10.5)
# Text width between the margins (cm) shared by the six columns.
PORTRAIT_WIDTH = 16.8
LANDSCAPE_WIDTH = 25.2
# Share of rows whose explanation gets the second paragraph below.
SECOND_PARAGRAPH_SHARE = 0.3
SECOND_PARAGRAPH = "重要な変更にはあたらない"
# One Calc case a set (as make_boxes49's, 9 pt, a manual page break) whose caption says how the
# changes are marked by striking through (set XI's c3 prints one).
CALC_CASES = 1
TUNING_STRIKE_CAPTION = "※変更前の記載のうち、取消線を付した部分を削除する。"
HELDOUT_STRIKE_CAPTION = "注：取り消し線の箇所は削除した記載を示す"


def _case(name: str, pool: list[dict], heldout: bool) -> Case:
    c, _, rng = scaled_run("pdfminer50", name, pool, "writer", heldout, ROW_COUNTS, (1.0,))
    portrait = rng.random() < 0.5
    width = round((PORTRAIT_WIDTH if portrait else LANDSCAPE_WIDTH) / 6, 1)
    rows = [dict(r) for r in c.rows]
    for r in rows:
        if r["explanation"] and rng.random() < SECOND_PARAGRAPH_SHARE:
            r["explanation"] = r["explanation"] + "\n" + SECOND_PARAGRAPH
    return replace(
        c,
        rows=rows,
        widths=(width,) * 6,
        portrait=portrait,
        font=rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS),
        size=rng.choice(SIZES),
        fallback_glyphs="○□",
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` Writer cases, named ``[h]pm50-writer-v<k>``, and
    ``CALC_CASES`` Calc ones, ``[h]pm50-calc-v<k>``."""
    pool = _pool(heldout)
    cases = []
    for k in range(1, (HELDOUT_CASES if heldout else TUNING_CASES) + 1):
        name = f"{'h' if heldout else ''}pm50-writer-v{k}"
        if name in redrawn:
            name += "-r"
            if name in redrawn:
                continue
        cases.append(_case(name, pool, heldout))
    for k in range(1, CALC_CASES + 1):
        caption = HELDOUT_STRIKE_CAPTION if heldout else TUNING_STRIKE_CAPTION
        calc = _calc_case(f"{'h' if heldout else ''}pm50-calc-v{k}", pool, heldout)
        cases.append(replace(calc, caption=caption))
    return cases


SETS = split_sets("pdfminer50", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
