"""A numbered list in one cell written in the width its other numberings were read in (issue 11,
session 56).

A cell that lists its points ``１．住民税の賦課`` / ``２．課税台帳の管理`` / ``３．…`` types them in one
style.  Tesseract measures each numbering's width from its own ink, and one may come out in the
other width (set XVII's ``t03…400dpi-grey.png``: ``３．ｅＬＴＡＸによる…`` read ``3.ｅＬＴＡＸ`` between
``２．`` and ``４．``, unflagged), where ``structure_fixes.even_numbering`` decides nothing because the
document's numberings in all its cells were read too mixed to give a style.

Within one 変更前, 変更後 or 説明 cell holding at least ``MIN_LIST`` lines that open with a
numbering (``N.`` or ``Ｎ．``, one or two digits), a single numbering whose width (digits, stop)
differs from all the others, which agree, is written in theirs; the row is flagged
``ocr_corrected`` with what was read.  On the committed samples' truth and set XVII's, no cell of
three or more numbered lines mixes their widths (131 cells; ``tests/test_scan_ocr56.py``).
"""

from __future__ import annotations

import regex

from piatable.models import RawRow

FIELDS = ("before", "after", "explanation")
MIN_LIST = 3
NUMBERING = regex.compile(r"^(\s*)([0-9０-９]{1,2})([.．])(?=\S)")
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_HALF = str.maketrans("０１２３４５６７８９", "0123456789")


def shape(m: regex.Match) -> tuple[bool, bool]:
    """(digits full width, stop full width) of a ``NUMBERING`` match."""
    return bool(regex.match(r"[０-９]", m.group(2))), m.group(3) == "．"


def even_lists(lines: list[str]) -> list[str]:
    """The cell's lines with a lone odd numbering written in its list's width (see the notes)."""
    found = [(k, m) for k, text in enumerate(lines) if (m := NUMBERING.match(text))]
    if len(found) < MIN_LIST:
        return lines
    shapes = [shape(m) for _, m in found]
    odd = [i for i, s in enumerate(shapes) if shapes.count(s) == 1]
    if len(set(shapes)) != 2 or len(odd) != 1:
        return lines
    k, m = found[odd[0]]
    digits_full, stop_full = shapes[odd[0] - 1] if odd[0] else shapes[1]
    digits = m.group(2).translate(_FULL if digits_full else _HALF)
    out = list(lines)
    out[k] = m.group(1) + digits + ("．" if stop_full else ".") + lines[k][m.end() :]
    return out


def even_list_numberings(rows: list[RawRow]) -> int:
    """``even_lists`` over the rows' text cells (in place); the number of lines changed."""
    changed = 0
    for row in rows:
        n = 0
        for field in FIELDS:
            cells = row.cells.get(field) or []
            for cl, text in zip(cells, even_lists([cl.text for cl in cells]), strict=True):
                if text != cl.text:
                    cl.text = text
                    n += 1
        if n:
            row.add_flag("ocr_corrected")
            changed += n
    return changed


# A numbering opening a line: ``N.`` / ``Ｎ．`` or bracketed ``(N)`` / ``（Ｎ）``.
LINE_NUMBERING = regex.compile(
    r"^\s*(?:(?P<digits>[0-9０-９]{1,2})(?P<stop>[.．])|(?P<open>[(（])(?P<inner>[0-9０-９]{1,2})(?P<close>[)）]))(?=\S)"
)


def _line_shape(m: regex.Match) -> tuple[str, bool, bool, bool]:
    """(kind, then the widths of its parts: full or not) of a ``LINE_NUMBERING`` match."""
    if m.group("digits"):
        return "stop", bool(regex.match(r"[０-９]", m.group("digits"))), m.group("stop") == "．", False
    full = bool(regex.match(r"[０-９]", m.group("inner")))
    return "bracket", m.group("open") == "（", full, m.group("close") == "）"


def mixed_list_widths(lines: list[str]) -> str:
    """Why a cell's numbered lines are in doubt: two lines open with numberings of one kind
    (``N.`` or ``(N)``) printed in two widths (``（１）窓口…`` over ``(2)届出書…``, session 58's
    office-scan58 jpeg250 case: a cell of two points whose first OCR wrote full width, no flag);
    "" when they agree.  A cell types its list in one style: of the samples' and sets XVII–XIX's
    146 true cells with two or more numbered lines, none mixes the widths of one kind (a single
    numbering may: ``(１)`` is printed).  ``even_lists`` mends a list of three or more whose odd
    numbering the others outvote; this is the doubt where nothing outvotes it."""
    shapes: dict[str, set[tuple[str, bool, bool, bool]]] = {}
    for text in lines:
        if m := LINE_NUMBERING.match(text):
            shape_ = _line_shape(m)
            shapes.setdefault(shape_[0], set()).add(shape_)
    for kind, seen in shapes.items():
        if len(seen) > 1:
            what = "N." if kind == "stop" else "(N)"
            return f"its numbered lines ({what}) read in two widths: a cell types its list in one"
    return ""
