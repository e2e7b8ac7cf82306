"""``pdftotext -layout`` text of three looks that misled the layout reader (issues 10 / 11 / 12,
branch layout48), made by LibreOffice Calc and Writer.

    python tools/make_layout48_samples.py                          # both sets
    python tools/make_layout48_samples.py --set office-layout48    # or heldout-layout48

- ``fw``: Calc in a small font (8–8.5 pt) with full-width spaces (U+3000) typed inside the
  before / after cells (``〇〇市市民部市民課　電話　03-1234-5111``, ``①　…``, ``、`` replaced):
  ``pdftotext -layout`` prints such a space as a gap as wide as a column gutter;
- ``cont``: Writer in portrait with before / after cells made two or three times as long, so
  that rows break over pages and go on under the repeated header row, a continued page showing
  one or two lines of one column only;
- ``tv``: Calc rows of hand-set heights with little spare room, the 提出時期 (and 変更日) cells
  at another vertical alignment than the text cells (bottom or centre beside top), so that a
  row's 事前 / 事後 is printed near the next row's first line.

The looks come from the pools of tools/make_office_samples.py (``plain_case``); ``office-layout48``
(tuning) takes three tuning tables, ``heldout-layout48`` (measure only, never tune on it) two
held-out tables and the held-out fonts and sizes.  Each case keeps its PDF and only its
``pdftotext -layout`` text (make_office_samples.LAYOUT_SETS), with the truth.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import (
    Case,
    _four_tables,
    _long_rows,
    _printable,
    fullwidth_spaced,
    load_table,
    plain_case,
)

ROWS_MAX = {"fw": 8, "cont": 6, "tv": 9}
KINDS = ("fw", "cont", "tv")
SIZES = {
    "fw": ((8.0, 8.5), (8.0, 9.0)),
    "cont": ((10.5, 11.0), (11.0, 12.0)),
    "tv": ((9.0, 10.0), (9.5, 10.5)),
}
FALLBACK_GLYPHS = "○□△"
# The width (cm) of a portrait Writer table: A4 between the margins, less a little room.
PORTRAIT_CM = 16.5
# Full-width spaces typed between a section, a contact and its number, as contact cells hold.
TUNING_CONTACTS = ("〇〇市市民部市民課　電話　03-1234-5111", "〇〇市総務部総務課　内線　2345")
HELDOUT_CONTACTS = ("□□町住民福祉課　ＴＥＬ　0123-45-6789", "□□町企画課　担当　情報係")


def _spaced(rows: list[dict], rng: random.Random, heldout: bool) -> list[dict]:
    """Full-width spaces inside some before / after cells; one row's before and after made a
    contact cell of three parts (its after one part longer, so that it wraps)."""
    out = []
    for r in rows:
        r = dict(r)
        for key in ("before", "after"):
            if r[key] and rng.random() < 0.6:
                r[key] = fullwidth_spaced(r[key], rng)
        out.append(r)
    if out:
        contacts = HELDOUT_CONTACTS if heldout else TUNING_CONTACTS
        k = rng.randrange(len(out))
        before = rng.choice(contacts)
        out[k]["before"] = before
        out[k]["after"] = before.replace("部", "生活部", 1) + "（代表）"
    return out


def _case(name: str, table: list[dict], kind: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-layout48-{name}")
    maker = "writer" if kind == "cont" else "calc"
    start = rng.randrange(max(len(table) - ROWS_MAX[kind], 0) + 1)
    rows = table[start : start + ROWS_MAX[kind]]
    c = plain_case(name, rows, maker, heldout=heldout)
    size = rng.choice(SIZES[kind][int(heldout)])
    common = {"size": size, "real_dates": False, "fallback_glyphs": FALLBACK_GLYPHS}
    if kind == "fw":
        return replace(c, rows=_spaced(c.rows, rng, heldout), valign="top", merge=False, **common)
    if kind == "cont":
        return replace(
            c,
            rows=_long_rows(c.rows, rng, (2, 3)),
            portrait=True,
            widths=tuple(round(w * PORTRAIT_CM / sum(c.widths), 1) for w in c.widths),
            repeat_header=True,
            valign="top",
            merge=False,
            **common,
        )
    valign_of = rng.choice(
        (
            {"timing": "bottom"},
            {"timing": "center", "change_date_raw": "center"},
            {"timing": "bottom", "change_date_raw": "bottom"},
        )
    )
    return replace(
        c,
        valign="top",
        valign_of=valign_of,
        fixed_heights=True,
        height_slack=rng.choice((0.0, 0.5)),
        merge=n % 2 == 1,
        merge_keys=("change_date_raw",),
        rows_per_page=None,
        repeat_header=True,
        **common,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each kind over three tuning tables or two held-out ones, named ``[h]ly48-<kind>-<table>``."""
    tables = _four_tables(heldout)[: 2 if heldout else 3]
    cases = []
    for k, (table, path) in enumerate(tables):
        for m, kind in enumerate(KINDS):
            name = f"{'h' if heldout else ''}ly48-{kind}-{table}"
            while name in redrawn:
                name += "-r"
            cases.append(_case(name, _printable(load_table(path)), kind, heldout, 3 * k + m))
    return cases


SETS = split_sets("layout48", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
