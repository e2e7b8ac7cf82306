"""Doubts about merged dates filled within a page in text read without rulings (issue 12).

A date merged over several rows is printed once; the rows that print no date of their own are
given the date their position suggests (``merged_cell_filled``), and the rows that take one
printed date form its group.  Where the date is printed level with its group's first line (a
merged cell aligned at the top, its rows too), the rows below it up to the next date are its
rows.  Where the date stands apart from its group's first line (the merged cell aligned at the
top while the other cells are centred, so the date stands above the text; or centred on its
rows, or at their foot), the text does not show where the merged cell begins or ends: a row
between two dates may belong to either.  ``pdftotext -layout`` of a new user's Calc table, its
merged 変更日 printed at the top of the cell and the other cells centred, gave a 削除 row another
row's date and 提出時期 at confidence 0.85 with no warning.

The table's ends show which: a first date printed above its first row's text means dates at
the top of their cells, a last date printed below the last row's text dates at their foot.
``filled_group_doubts`` then raises ``column_guess`` on the date of each row given another
date than that alignment names.  A group whose date is printed level with its first row's first
line is left alone, and so is a table whose rows all print their own date (no merged cell).
Measured (``tools/bench_calibration.py --no-reflow --only pdftotext-layout``): the
``samples/valigndate15`` rows whose date is wrong warned 21 -> 29 of 33, its right rows warned
10 of 30 as before; on the other tuning -layout texts two wrong rows more warned, no right row
(a fallback that warned whole groups when the ends did not tell warned 19 right rows of 24
there, and was dropped).  ``page_fill`` keeps the doubts across page breaks.
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow

from .page_fill import TOP_SLACK_LINES, _date_key, _own_lines
from .row_marks import marked_extent


def _ambiguous_groups(rows: list[RawRow], keys: list[tuple], own: list[list]) -> dict[tuple, list[int]]:
    """The groups of rows sharing one printed date that hold a filled row while the date does
    not stand level with the group's first row's first line."""
    members: dict[tuple, list[int]] = {}
    for k, key in enumerate(keys):
        if key and own[k] and not rows[k].ruled:
            members.setdefault(key, []).append(k)
    out = {}
    for key, group in members.items():
        if len(group) < 2 or not any("merged_cell_filled" in rows[k].flags for k in group):
            continue
        page, line = key[0]
        top_page, top_line = own[group[0]][0]
        if page != top_page or abs((line or 0) - top_line) > TOP_SLACK_LINES:
            out[key] = group
    return out


def date_alignment(keys: list[tuple], own: list[list], extent: list[list] | None = None) -> str | None:
    """``top`` when the first printed date stands above (or level with) the table's first row's
    first line and the last date above its last row's last line, ``bottom`` when the last date
    stands below (or level with) the last row's last line and the first date below the first
    row's first line; else None (centred, or too few lines to tell).  ``extent``: the rows'
    lines reaching down to where their 提出時期 marks put their foot (``row_marks``): a last
    date more than ``TOP_SLACK_LINES`` above the last row's foot so found is no date at the foot
    (a date centred on a tall last row whose text stands at its top)."""
    placed = [k for k in range(len(keys)) if keys[k] and own[k]]
    if not placed:
        return None
    dates = sorted({keys[k] for k in placed}, key=lambda key: key[0])
    first, last = own[placed[0]][0], own[placed[-1]][-1]
    foot = (extent or own)[placed[-1]][-1]
    top = _pos(dates[0][0]) <= first and _pos(dates[-1][0]) < last
    bottom = (
        _pos(dates[-1][-1]) >= max(last, (foot[0], foot[1] - TOP_SLACK_LINES)) and _pos(dates[0][-1]) > first
    )
    return "top" if top and not bottom else "bottom" if bottom and not top else None


def _pos(line: tuple) -> tuple[int, int]:
    return (line[0] or 0, line[1] or 0)


def filled_group_doubts(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row, ``column_guess`` on the date where a table's merged dates stand apart from their
    rows (a group sharing one printed date holds a filled row, ``merged_cell_filled``, and its
    date does not stand level with the group's first row's first line, within
    ``TOP_SLACK_LINES``):

    * when the table shows its dates at the top of their cells (``date_alignment``), on each row
      whose date is not the last printed at or above its last line; at their foot, on each row
      whose date is not the first printed at or below its first line (on the row's page);
    * when it does not show which (centred merged dates), on none: the text does not tell.

    Only rows placed by positions (``RawRow.positioned``: ``-layout`` text, OCR), not ruled:
    the line numbers of flattened text say nothing of where a date stands."""
    out: list[list[Doubt]] = [[] for _ in rows]
    keys = [_date_key(r) if r.positioned and not r.ruled else () for r in rows]
    own = [_own_lines(r) for r in rows]
    groups = _ambiguous_groups(rows, keys, own)
    if not groups:
        return out
    align = date_alignment(keys, own, marked_extent(rows, own))
    if align is None:
        # Centred (or the ends do not tell): a group off the middle of its rows was as often
        # right as wrong on the tuning -layout texts (extractors, office: 19 right rows of 24).
        return out
    dates = sorted({key for key in keys if key}, key=lambda key: key[0])
    for k in range(len(rows)):
        if not keys[k] or not own[k]:
            continue
        if align == "top":
            implied = [d for d in dates if _pos(d[0]) <= _pos(own[k][-1])]
            implied_key = implied[-1] if implied else None
        else:
            implied = [d for d in dates if _pos(d[-1]) >= _pos(own[k][0])]
            implied_key = implied[0] if implied else None
        if implied_key is None or implied_key[0][0] != own[k][0][0] or implied_key == keys[k]:
            continue
        why = (
            f"the table prints its merged dates at the {align} of their cells; by that this row's "
            f"date is the one printed on line {implied_key[0][1]}, not the one it was given"
        )
        out[k].append(Doubt("column_guess", "change_date", why))
    return out
