"""An independent re-flow of ground-truth rows into flattened text, for tests.

Written apart from normalize/ (its own width and kinsoku rules) so that the tests are not
circular: each cell's paragraphs are wrapped at the column's width in display units, a character
that may not start a line is pulled back with its predecessor, one that may not end a line is
pushed down; cells are printed row by row, one line per line, optionally with blank lines between.
"""

from __future__ import annotations

import unicodedata

NO_START = set("、。，．）」』】・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ")
NO_END = set("（「『【")


def width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def wrap(paragraph: str, limit: int) -> list[str]:
    lines: list[str] = []
    cur, w = "", 0
    for ch in paragraph:
        if w + width(ch) > limit and cur:
            if ch in NO_START:
                carry, cur = cur[-1], cur[:-1]
            elif cur[-1] in NO_END:
                carry, cur = cur[-1], cur[:-1]
            else:
                carry = ""
            lines.append(cur)
            cur, w = carry, sum(width(c) for c in carry)
        cur += ch
        w += width(ch)
    if cur:
        lines.append(cur)
    return lines


def reflow(rows: list[dict], item: int, body: int, explanation: int, blank_lines: bool = True) -> str:
    """Flattened text of ``rows`` with the given column widths (display units)."""
    out: list[str] = []
    for r in rows:
        out.append(r["change_date_raw"])
        for field, limit in (("item", item), ("before", body), ("after", body)):
            for p in r[field].split("\n") if r[field] else []:
                out += wrap(p, limit)
        out.append(r["timing"])
        for p in r["explanation"].split("\n"):
            out += wrap(p, explanation)
    return ("\n\n" if blank_lines else "\n").join(out) + "\n"
