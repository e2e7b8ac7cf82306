"""A numbering column in ``pdftotext -layout`` text: its numbers blanked out in place.

The layout counterpart of ``row_numbers.strip_row_numbers`` (see there for the columns): the
numbers are replaced by spaces of their width, so that the other columns keep their places.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from .chars import display_width, without_whitespace
from .kind_column import KIND_LABELS, is_kind_value, kind_values_note
from .row_numbers import (
    ANY_NUMBER_LABEL,
    FIELD_LABEL_OPEN,
    LABEL_ROW_SPAN,
    NUMBER_LABEL_SET,
    PAGE_TAIL_LABELS,
    TAIL_LABELS,
    RowNumbers,
    number_value,
)

_LAYOUT_SEGMENT = regex.compile(r"\S+")
_SMALL_NUMBER = regex.compile(r"^(?:[0-9]{1,3}|[０-９]{1,3})$")
# A kind value (``修正``) centred in its column may stand out of the kind label's bounds by this
# many display columns (a label of two characters over a value of four).
KIND_COLUMN_SLACK = 3


def _segments(line: str) -> list[tuple[int, int, int, str]]:
    """(display column, display end, character start, text) of each segment of a layout line."""
    out = []
    col, pos = 0, 0
    for m in _LAYOUT_SEGMENT.finditer(line):
        col += display_width(line[pos : m.start()])
        end = col + display_width(m.group(0))
        out.append((col, end, m.start(), m.group(0)))
        col, pos = end, m.end()
    return out


# A label row opening with a piece of a wrapped numbering label (``番 変更日 …`` / ``号``).
_HEAD_BEFORE_LABELS = regex.compile(r"^[ \u3000]*\S{1,2}[ \u3000]+(?:変更日|変更|項目)", regex.M)


class _LabelRow(NamedTuple):
    """A layout label row that opens with a numbering label (``_layout_label_row``)."""

    lead_end: int  # the column the numbering label's column ends at (the next label's start)
    tail_col: int  # the tail label's start column, -1 for none
    label: str
    tail: str
    kind: str = ""  # a kind label after the numbering label (区分: ``kind_column``), or ""
    kind_col: int = -1  # its start column
    field_col: int = -1  # the first field label's start column (after the kind label)


def _layout_label_row(line: str, nxt: str) -> _LabelRow | None:
    """The label row ``line`` when it opens with a numbering label (or its head, wrapped in a
    narrow column: ``番`` / ``号``, its tail opening ``nxt`` at the same column), a kind label
    (区分) and the field labels after it, or the field labels at once; else None."""
    segs = _segments(line)
    if len(segs) < 3:
        return None
    first = without_whitespace(segs[0][3])
    second = without_whitespace(segs[1][3])
    if first not in NUMBER_LABEL_SET:
        below = _segments(nxt)
        if not below or abs(below[0][0] - segs[0][0]) > 1 or first + below[0][3] not in NUMBER_LABEL_SET:
            return None
        first += below[0][3]
    kinded = second in KIND_LABELS and len(segs) > 3 and FIELD_LABEL_OPEN.match(segs[2][3])
    if not (kinded or FIELD_LABEL_OPEN.match(second)):
        return None
    last = without_whitespace(segs[-1][3])
    tail_col = segs[-1][0] if last in TAIL_LABELS else -1
    found = _LabelRow(segs[1][0], tail_col, first, last if tail_col >= 0 else "")
    return found._replace(kind=second, kind_col=segs[1][0], field_col=segs[2][0]) if kinded else found


def _kind_value(segs: list[tuple[int, int, int, str]], row: _LabelRow) -> tuple[int, str] | None:
    """(character start, text) of the kind value among a line's segments ``segs``: the first
    segment after the row number, short, with no digit (``修正``, ``追加``), lying between the
    kind label's column and the first field label's (``KIND_COLUMN_SLACK`` either side)."""
    for col, end, start, seg in segs:
        if _SMALL_NUMBER.match(seg) and end <= row.lead_end:
            continue
        fits = col >= row.kind_col - KIND_COLUMN_SLACK and end <= row.field_col + KIND_COLUMN_SLACK
        return (start, seg) if fits and is_kind_value(seg) else None
    return None


def _blank(line: str, start: int, text: str) -> str:
    return line[:start] + " " * display_width(text) + line[start + len(text) :]


def blank_layout_numbers(text: str) -> RowNumbers:
    """``pdftotext -layout`` text with its numbering column (and a page column's numbers) blanked
    out, each character replaced by spaces of its width so that the other columns keep their
    places; unchanged when no label row opens with a numbering label."""
    out = RowNumbers(text)
    if not (
        ANY_NUMBER_LABEL.search(text, 0, LABEL_ROW_SPAN)
        or _HEAD_BEFORE_LABELS.search(text, 0, LABEL_ROW_SPAN)
    ):
        return out
    lines = text.split("\n")
    row: _LabelRow | None = None
    lead_end, tail_col, label, tail = -1, -1, "", ""
    kinds: list[str] = []
    changed = False
    for k, ln in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        found = _layout_label_row(ln, nxt) if "\f" not in ln else None
        if found:
            row = found
            lead_end, tail_col, label, tail = found[:4]
            segs = _segments(ln)
            if without_whitespace(segs[0][3]) != label:  # the label's tail on the next line
                below = _segments(nxt)[0]
                lines[k + 1] = _blank(nxt, below[2], below[3])
            # Right to left (a blanked label changes the characters' count); a remarks label
            # (備考) stays: the grid reads its column apart (grid/remark_column.py).
            if tail_col >= 0 and tail in PAGE_TAIL_LABELS:
                ln = _blank(ln, segs[-1][2], segs[-1][3])
            ln = _blank(ln, segs[0][2], segs[0][3])
            lines[k], changed = ln, True
            continue
        if row is None:
            continue
        segs = _segments(ln)
        kind = _kind_value(segs, row) if row.kind else None
        if kind:  # right of the number: blanked first
            ln = _blank(ln, *kind)
            kinds.append(kind[1])
        for col, end, start, seg in reversed(segs):
            small = bool(_SMALL_NUMBER.match(seg))
            if small and end <= lead_end:
                out.numbers.append(number_value(seg))
            elif small and tail in PAGE_TAIL_LABELS and col >= tail_col - 2:
                out.tail_values += 1
            else:
                continue
            ln = _blank(ln, start, seg)
        if ln != lines[k]:
            lines[k], changed = ln, True
    if not changed:
        return out
    out.text = "\n".join(lines)
    out.labels = [x for x in (label, tail if tail in PAGE_TAIL_LABELS else "") if x]
    if out.numbers:
        out.notes.append(
            f"a numbering column ({label}) was read: {len(out.numbers)} row numbers"
            f" ({min(out.numbers)}-{max(out.numbers)}) set aside, not a field"
        )
    if kinds and row is not None:
        out.notes.append(kind_values_note(row.kind, kinds))
    if tail in PAGE_TAIL_LABELS:
        pages = f"{out.tail_values} page numbers set aside"
        out.notes.append(f"an extra column ({tail}) was read after the fields: {pages}")
    return out
