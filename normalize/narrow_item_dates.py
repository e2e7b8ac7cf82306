"""A date printed in pieces in a narrow 変更日 column whose last piece shares its printed line with
the row's one-line item (Writer, cells at the bottom or centred: ``２`` / ``０`` / ``１`` / ``９.`` /
``５.`` / ``１ 別紙２ 事務の流れ``).

``pdftotext -raw`` and pypdfium2 join the pieces of one baseline, so the date's last piece and the
item's only line come as one line; ``boxes.join_narrow_pieces`` joins only pieces that make a date
by themselves, and the row-ordered reader finds no date there: the row ran into the row above.
Such a run is made a date line (marked ``wraps``) and the item's line a line of its own.  Not when
the shared line holds a timing (``日 Ⅰ基本情報 事後``: pass 1's timing beside Calc's wrapped
date, which the two-pass reader splits itself).
"""

from __future__ import annotations

from dataclasses import replace

from piatable.models import CellLine
from piatable.vocabulary import TIMING

from .boxes import (
    DATE_PIECE,
    NARROW_PIECE_CHARS,
    NARROW_PIECES_MAX,
    NARROW_PIECES_MIN,
    _gaps,
    _next_line,
    _renumber,
)
from .dates import is_date_line
from .items import opens_item_line


def _squash(text: str) -> str:
    return "".join(text.split())


def _piece(text: str) -> bool:
    t = _squash(text)
    return 0 < len(t) <= NARROW_PIECE_CHARS and bool(DATE_PIECE.match(t))


def _date_beside_item(lines: list[CellLine], k: int) -> tuple[int, str, str] | None:
    """(index of the shared line, the date, the item's text) when ``lines[k:]`` open with such
    a run (at least ``NARROW_PIECES_MIN`` pieces, the shared line's head the last); else None."""
    joined = ""
    for j in range(k, min(len(lines), k + NARROW_PIECES_MAX)):
        if j > k and not _next_line(lines, j):
            return None
        text = lines[j].text.strip()
        if _piece(text):
            joined += _squash(text)
            if is_date_line(joined):
                return None  # a date by itself: join_narrow_pieces's
            continue
        head, _, rest = text.partition(" ")
        rest = rest.strip()
        if j - k + 1 < NARROW_PIECES_MIN or not _piece(head) or not is_date_line(joined + _squash(head)):
            return None
        if not opens_item_line(rest) or any(TIMING.match(w) for w in rest.split()):
            return None
        return j, joined + _squash(head), rest
    return None


def split_date_beside_item(lines: list[CellLine]) -> list[CellLine]:
    """The lines with each such date made one line and its item's line its own (see the
    module's docstring); later lines move up by the lines joined."""
    out: list[CellLine] = []
    gaps = _gaps(lines)
    out_gaps: list[bool] = []
    k = 0
    while k < len(lines):
        found = _date_beside_item(lines, k) if _piece(lines[k].text) else None
        if found is None:
            out.append(lines[k])
            out_gaps.append(gaps[k])
            k += 1
            continue
        j, date, rest = found
        out.append(replace(lines[k], text=date, wraps=True))
        out_gaps.append(gaps[k])
        out.append(replace(lines[j], text=rest))
        out_gaps.append(False)
        k = j + 1
    return _renumber(lines, out, out_gaps) if len(out) < len(lines) else out
