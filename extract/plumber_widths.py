"""Each column's width in pdfplumber ``extract_text()`` text, from the lines whose cut into
columns is certain (extract/plumber_text.py's first pass; moved here from it by plumber51).

A line's fragments go only one way when they are as many as the six columns, when 事前 / 事後
splits them (the date, item, before and after to its left, the explanation to its right), or when
a row's first line prints its four text columns (Calc prints a row's date and 提出時期 lower down,
centred or at the bottom).  A line opening with 事前 / 事後 and one more fragment is 提出時期 and
the explanation: a centred one-line explanation beside its 提出時期, printed between a taller
cell's lines (plumber51; set XII's c1).
"""

from __future__ import annotations

import regex

from piatable.normalize.chars import display_width
from piatable.normalize.dates import is_date_head, is_date_line
from piatable.vocabulary import is_header_line

# The six columns, in printed order (as plumber_text's).
COLUMNS = 6
DATE, ITEM, BEFORE, AFTER, TIMING, EXPLANATION = range(COLUMNS)
_TIMINGS = frozenset({"事前", "事後"})
_ROW_START = regex.compile(r"^[ⅠⅡⅢⅣⅤⅥⅦ]")


def certain_widths(pages: list[list[list[str]]]) -> dict[int, int]:
    """Each column's width: the widest fragment on lines whose placement is forced (the line's
    fragments as many as its free columns: 6 in all, or 事前/事後 splitting them), but for a
    section heading whose numeral was printed apart (``Ⅲ リスク対策``, one fragment since
    plumber51) opening 項目: a row's first item line is as short as its words (with it set XII's
    c4 read 項目 29 wide, its later lines of 40 going to 変更前)."""
    widths: dict[int, int] = {}
    for lines in pages:
        for frags in lines:
            if is_header_line(" ".join(frags)):
                continue
            cols = forced_columns(frags)
            for frag, col in zip(frags, cols or (), strict=False):
                if col == ITEM and _ROW_START.match(frag) and " " in frag:
                    continue  # a section's heading (Ⅲ リスク対策) is as wide as its words, not its column
                widths[col] = max(widths.get(col, 0), display_width(frag))
    return widths


def forced_columns(frags: list[str]) -> tuple[int, ...] | None:
    """The columns of a line whose fragments can go only one way, else None (a blank line too:
    a text ending in a form feed and a newline has an empty last page)."""
    if not frags:
        return None
    if len(frags) == COLUMNS:
        return tuple(range(COLUMNS))
    if any(f in _TIMINGS for f in frags):
        t = next(i for i, f in enumerate(frags) if f in _TIMINGS)
        head, tail = frags[:t], frags[t + 1 :]
        if len(tail) > 1:
            return None
        if not head and tail:  # 事前 / 事後 opening a line: the explanation beside it (plumber51)
            return (TIMING, EXPLANATION)
        dated = bool(head) and (is_date_line(head[0]) or is_date_head(head[0]))
        body = head[1:] if dated else head
        if len(body) != 3:
            return None
        return ((DATE,) if dated else ()) + (ITEM, BEFORE, AFTER, TIMING) + ((EXPLANATION,) if tail else ())
    # A row's first line printing its four text columns (Calc prints the date and 提出時期 of a
    # row lower down, centred or at the bottom).
    dated = is_date_line(frags[0])
    body = frags[1:] if dated else frags
    if len(body) == 4 and _ROW_START.match(body[0]):
        return ((DATE,) if dated else ()) + (ITEM, BEFORE, AFTER, EXPLANATION)
    return None
