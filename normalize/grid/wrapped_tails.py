"""A cell's last characters wrapped onto a line of their own in a narrow column, which
``pdftotext -layout`` prints one space after the neighbouring cell's line (Chromium tables with
fixed narrow columns, set XIV t12: ``ァイルの概要 条`` — 「条」 ends 変更前's 住民基本台帳法第７).

The tail is the last piece of column ``k - 1`` on its line, joined to that column's text by a
single space and ending near column ``k``'s start, with nothing of column ``k`` on the line,
while column ``k``'s text on the line above fills that column's wrap width (a cell cut by the
wrap goes on on the next line).
"""

from __future__ import annotations

from piatable.settings import GridSettings

from ..chars import NO_LINE_START
from ..dates import DATE_AT_START, is_date_head
from .layout_words import wrap_width
from .lines import Line

# A wrapped tail is this many characters at most (「条」, 「ービス」).
TAIL_MAX_CHARS = 3
# A gap of at most this many text columns is the single space pdftotext leaves between pieces.
SINGLE_SPACE = 1.5
# A tail ends at most this many text columns left of its column's start: pdftotext squeezed it
# left from that start to one space after the neighbour's line (「条」 ends 1 short of 変更前's
# start, 「満」 2); a short piece ending well left of it (``① 連絡先``) is the neighbour's own.
TAIL_REACH = 2.0
# The columns a tail may belong to: 変更前 and 変更後 (their left neighbours hold text, not a
# date or 事前/事後).
TAIL_COLUMNS = (2, 3)


def _column_widths(segs: list[list[Line]], cols: list[list[int]], k: int) -> list[float | None]:
    """Per line, the width of column ``k``'s text (first piece's start to last piece's end;
    units of the pieces' offsets), or None when the line has none."""
    out: list[float | None] = []
    for line, cs in zip(segs, cols, strict=True):
        ps = [p for p, c in zip(line, cs, strict=True) if c == k]
        out.append(ps[-1].x1 - ps[0].x0 if ps else None)
    return out


def _opens_row(line: list[Line], cs: list[int]) -> bool:
    """The line opens a row: its 変更日 piece is a date or a date's head (令和2年 of a date
    wrapped in a narrow column), not the rest of a wrapped one (4月1日)."""
    heads = [p.text for p, c in zip(line, cs, strict=True) if c == 0]
    return any(DATE_AT_START.match(t) or is_date_head(t) for t in heads)


def _fills(width: float | None, wrap: float, tail: str) -> bool:
    """A line of ``width`` filled its column (``wrap``), or fell one character short because
    the character after it went along with a closing mark that may not open a line (kinsoku:
    ``してい`` / ``る。``)."""
    if width is None:
        return False
    return width >= wrap - (1 if any(ch in NO_LINE_START for ch in tail.strip()[1:]) else 0)


def move_wrapped_tails(
    segs: list[list[Line]], cols: list[list[int]], starts: list[float], settings: GridSettings
) -> list[list[int]]:
    """``cols`` (per line, each piece's column) with each wrapped tail moved into the column it
    ends (see the module docstring): a piece ending within ``TAIL_REACH`` of that column's start
    (``starts``, the page's, in the pieces' units); a line opening a row (``_opens_row``) keeps
    its pieces."""
    out = [list(cs) for cs in cols]
    for k in TAIL_COLUMNS:
        widths = _column_widths(segs, out, k)
        wrap = wrap_width([w for w in widths if w is not None], settings)
        if wrap <= 0:
            continue
        for j in range(1, len(segs)):
            line, cs = segs[j], out[j]
            if k in cs or widths[j - 1] is None or _opens_row(line, cs):
                continue
            ends = [i for i, c in enumerate(cs) if c == k - 1]
            if not ends:
                continue
            i = ends[-1]
            piece = line[i]
            if (
                i > 0
                and cs[i - 1] == k - 1
                and piece.x0 - line[i - 1].x1 <= SINGLE_SPACE
                and len(piece.text.strip()) <= TAIL_MAX_CHARS
                and starts[k] - piece.x1 <= TAIL_REACH
                and _fills(widths[j - 1], wrap, piece.text)
            ):
                out[j][i] = k
                widths[j] = piece.x1 - piece.x0
    return out
