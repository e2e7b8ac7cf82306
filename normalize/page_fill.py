"""Doubts about merged dates filled across a page break in text read without rulings.

A date merged over several rows is printed once; the rows that print no date of their own are
given the date their position suggests (``merged_cell_filled``).  Where the table prints its
merged dates at the top of the rows they cover, a date-less row belongs to the date above it.
Where it centres them (or sets them at the foot), a date-less row may belong to the date above
or to the one below, and a page break hides the cell's edge: LibreOffice Calc prints a merged
date centred in the part of the cell on one page only, so the rows of the other part print
nothing beside them.  Those rows are in doubt; the text does not decide.
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow

# The cells that every row prints itself: their lines place the row on its pages.
OWN_FIELDS = ("item", "before", "after")

# A date printed this many lines or fewer below its group's first line is printed at the top.
TOP_SLACK_LINES = 1

# A date this many lines or fewer from the middle of its group's rows on its page is centred on
# them (the extractor drops blank lines, which moves it a little).
CENTRE_SLACK_LINES = 2


def _date_key(row: RawRow) -> tuple[tuple[int | None, int | None], ...]:
    return tuple((cl.page, cl.line_no) for cl in row.cells.get("change_date") or [] if cl.line_no is not None)


def _printed_on(key: tuple[tuple[int | None, int | None], ...], page: int | None) -> bool:
    """The date of ``key`` stands on ``page``: a row above holding a date merged over the break
    from an earlier page (a Writer row continued under a merged 変更日, branch layout40) does
    not show where the next date's rows begin."""
    return any(p == page for p, _ in key)


def _own_lines(row: RawRow) -> list[tuple[int, int]]:
    return sorted(
        (cl.page, cl.line_no)
        for f in OWN_FIELDS
        for cl in row.cells.get(f) or []
        if cl.page is not None and cl.line_no is not None
    )


def page_break_fill_doubts(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row, ``column_guess`` on the date of a row whose date was filled from a merged date
    (``merged_cell_filled``) where a page break hides which of two dates it belongs to:

    * the date was printed below the row, no date stands above the row on its page, and rows
      on an earlier page come before it (the date group above may run on over the break);
    * the date was printed above the row, and the next date group's date stands lower than
      that group's first line (centred or at the foot: the group may reach back up) on a later
      page than the row, no date printed in between.

    Dates printed at the top of their rows (Writer, top-aligned Calc) never raise it.  Ruled
    rows are not checked."""
    out: list[list[Doubt]] = [[] for _ in rows]
    keys = [_date_key(r) for r in rows]
    own = [_own_lines(r) for r in rows]
    # A row prints its date when the date's first line stands among its own lines.
    printed = [bool(keys[k] and own[k] and own[k][0] <= keys[k][0] <= own[k][-1]) for k in range(len(rows))]
    # A row prints its date level with its first line (a date printed at the top).
    at_top = [
        bool(keys[k] and own[k])
        and keys[k][0][0] == own[k][0][0]
        and abs((keys[k][0][1] or 0) - own[k][0][1]) <= TOP_SLACK_LINES
        for k in range(len(rows))
    ]
    first_row: dict[tuple, int] = {}
    for k, key in enumerate(keys):
        if key and own[k]:
            first_row.setdefault(key, k)

    members: dict[tuple, list[int]] = {}
    for k, key in enumerate(keys):
        if key and own[k]:
            members.setdefault(key, []).append(k)

    def lowered(key: tuple) -> bool:
        """The date stands lower than its group's first row's first line (False for a date no
        row with lines of its own holds: nothing to compare it with)."""
        if key not in first_row:
            return False
        page, line = key[0]
        top = own[first_row[key]][0]
        return (page, (line or 0)) > (top[0], top[1] + TOP_SLACK_LINES)

    def centred(key: tuple) -> bool:
        """The date stands in the middle of its group's rows on its page: the group need not
        reach over a page break to put it there."""
        page = key[0][0]
        date_lines = [line or 0 for p, line in key if p == page]
        spans = [ln for k in members.get(key, ()) for p, ln in own[k] if p == page]
        if not spans:
            return False
        middle = (min(spans) + max(spans)) / 2
        return abs(sum(date_lines) / len(date_lines) - middle) <= CENTRE_SLACK_LINES

    for k, row in enumerate(rows):
        if row.ruled or "merged_cell_filled" not in row.flags or not keys[k] or not own[k] or printed[k]:
            continue
        date_first, date_last = keys[k][0], keys[k][-1]
        top, foot = own[k][0], own[k][-1]
        page = top[0]
        why = ""
        if foot < date_first:
            above = [j for j in range(k) if own[j] and own[j][-1][0] == page]
            earlier = any(own[j] and own[j][0][0] < page for j in range(k))
            if (
                earlier
                and not centred(keys[k])
                and not any(printed[j] or (_printed_on(keys[j], page) and keys[j] != keys[k]) for j in above)
            ):
                why = "its date was printed below it and none above it on its page"
        elif top > date_last:
            nxt = next((j for j in range(k + 1, len(rows)) if keys[j] and keys[j] != keys[k]), None)
            opens = next((j for j in range(k + 1, len(rows)) if own[j] and own[j][0][0] > page), None)
            if (
                nxt is not None
                and opens is not None
                and not at_top[opens]
                and keys[nxt][0][0] is not None
                and keys[nxt][0][0] > page
                and lowered(keys[nxt])
                and not centred(keys[nxt])
                and not any(printed[j] for j in range(k + 1, nxt))
            ):
                why = f"the next date (page {keys[nxt][0][0]}) stands below its group's top"
        if why:
            out[k].append(
                Doubt("column_guess", "change_date", f"a merged date filled over a page break: {why}")
            )
    return out
