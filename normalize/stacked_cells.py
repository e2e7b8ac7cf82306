"""変更前 and 変更後 printed stacked in one column: each cell ``変更前：…`` over ``変更後：…``.

Some municipalities print one column 「変更内容（変更前／変更後）」 (``vocabulary.STACKED_LABELS``)
whose cells open with a printed marker for each side: ``変更前：`` / ``変更後：``, 【変更前】 /
【変更後】, （変更前） / （変更後）, ＜変更前＞ / ＜変更後＞, the word alone on its line, or 旧： / 新：
(set XXV t07, FAULTS §2).  Every reader puts such a cell somewhere in the row's before and after
cells: the grid all of it in 変更後 (``Header.stacked``), a flattened-text reader cut somewhere in
it.  ``split_stacked_rows`` joins the two cells' lines and cuts them again at the printed markers,
markers removed and the lines inside each part kept.  A marker counts only at a line's start and
only in a form no sentence takes (a colon or brackets after the word, or the word alone on its
line): ``変更前の記載を…`` or ``…変更前：`` inside a line is text.  A row whose cells open with a
marker but do not print 変更前 then 変更後 (one marker only, or in another order) is read as
printed and warned (``column_guess``).
"""

from __future__ import annotations

from dataclasses import replace

import regex

from piatable.models import CellLine, Doubt, RawRow

from .chars import display_width

_SP = r"[\s\u3000]*"


def _word(word: str) -> str:
    """``word`` with room for the spaces an extractor puts between Japanese characters."""
    return _SP.join(regex.escape(ch) for ch in word)


def _marker(words: tuple[str, ...], short: tuple[str, ...]) -> regex.Pattern[str]:
    """A marker at a line's start: one of ``words`` in brackets, followed by a colon, or alone on
    its line; one of ``short`` (旧 / 新) only in brackets or before a colon."""
    long_ = "|".join(_word(w) for w in words)
    short_ = "|".join(_word(w) for w in short)
    opening, closing = "[【［\\[（(＜<〈《≪]", "[】］\\]）)＞>〉》≫]"
    return regex.compile(
        rf"^{_SP}(?:{opening}{_SP}(?:{long_}|{short_}){_SP}{closing}{_SP}[：:]?"
        rf"|(?:{long_}|{short_}){_SP}[：:]"
        rf"|(?:{long_}){_SP}$)"
        rf"{_SP}"
    )


# The printed markers of each side (FAULTS §2 of set XXV; the forms' own 変更前の記載 wording too).
BEFORE_MARKER = _marker(("変更前",), ("旧",))
AFTER_MARKER = _marker(("変更後",), ("新",))

# A line whose text with its marker fell short of the column's width by no more than this
# (display units: one full-width character) was full: the break after it is a soft wrap, which
# the marker's removal would hide from the rejoin step (flattened text: no geometry).
FULL_LINE_SLACK = 2.0

STACKED_DOUBT = "the before/after cells open with a printed 変更前/変更後 marker but do not print {what}"


def _side(line: CellLine) -> str | None:
    """``before`` or ``after`` when ``line`` opens with that side's marker, else None."""
    if BEFORE_MARKER.match(line.text):
        return "before"
    if AFTER_MARKER.match(line.text):
        return "after"
    return None


def _without_marker(lines: list[CellLine], width: float | None, taken: list[str]) -> list[CellLine]:
    """``lines`` with the marker opening the first taken off (a line that held only the marker
    is dropped) and put in ``taken``.  A first line that was full with its marker (``width``:
    the column's, display units; ``FULL_LINE_SLACK``) is marked as wrapping, as the geometry
    would say."""
    first = lines[0]
    m = BEFORE_MARKER.match(first.text) or AFTER_MARKER.match(first.text)
    assert m is not None
    taken.append(m.group().strip())
    rest = first.text[m.end() :]
    if not rest.strip():
        return lines[1:]
    full = width is not None and display_width(first.text.strip()) >= width - FULL_LINE_SLACK
    wraps = True if first.wraps is None and full else first.wraps
    return [replace(first, text=rest, wraps=wraps), *lines[1:]]


def _stacked_start(row: RawRow) -> tuple[int, int] | None:
    """Where the stacked cell of ``row`` opens when a reader cut it from the 項目 a few lines
    off: (lines of the item kept, lines of the before and after cells that go to the item), at
    the first before marker that opens an item line after the first, or, in text cut without
    positions, a line of the before or after cell.  None when no such line is found.  No
    heading of the form prints a before marker; in text cut with positions (``-layout``, PDF)
    text left of the marker is the cells' own and stays."""
    item = row.cells["item"]
    k = next((k for k, ln in enumerate(item) if k and BEFORE_MARKER.match(ln.text)), None)
    if k is not None:
        return k, 0
    if row.positioned:
        return None
    body = row.cells["before"] + row.cells["after"]
    j = next((j for j, ln in enumerate(body) if BEFORE_MARKER.match(ln.text)), None)
    return None if not j else (len(item), j)


def split_stacked(row: RawRow) -> bool:
    """Cut ``row``'s before and after cells again at their printed 変更前 / 変更後 markers when
    they open with one, or a line the reader cut into the item or out of it does
    (``_stacked_start``; see the module).  Returns True when the row's cells are stacked (cut,
    or read as printed with a ``column_guess`` doubt added); False when they print no marker at
    their start (nothing changed)."""
    item, body = row.cells["item"], row.cells["before"] + row.cells["after"]
    start = _stacked_start(row)
    kept, moved = start if start is not None else (len(item), 0)
    lines = [ln for ln in item[kept:] + body[moved:] if ln.text.strip()]
    if not lines:
        return False
    firsts = [cell[0] for cell in (row.cells["before"], row.cells["after"]) if cell]
    if start is None and not any(_side(ln) for ln in firsts):
        return False  # no cell opens with a marker: two columns, or a marker only mentioned
    marks = [(k, side) for k, ln in enumerate(lines) if (side := _side(ln)) is not None]
    sides = [side for _, side in marks]
    if sides == ["before", "after"] and marks[0][0] == 0:
        cut = marks[1][0]
        # One printed column: the wider of the widths the reader found for its two parts.
        known = [w for w in (row.widths.get("before"), row.widths.get("after")) if w is not None]
        width = max(known) if known else None
        taken: list[str] = []
        before, after = _without_marker(lines[:cut], width, taken), _without_marker(lines[cut:], width, taken)
        if not before and not after:
            return False  # the markers alone: a label row read as a row (its own checks warn)
        row.stacked_markers.extend(taken)
        row.cells["item"] = item[:kept] + body[:moved]
        row.cells["before"], row.cells["after"] = before, after
        if width is not None:
            row.widths["before"] = row.widths["after"] = width
        return True
    if not any(_side(ln) for ln in firsts):
        return False  # a marker inside a cell only: what the cells print is left as it is
    only = {"before": "変更前", "after": "変更後"}[sides[0]] if len(sides) == 1 else ""
    what = f"both (only {only})" if only else "変更前 then 変更後"
    field = "after" if not row.cells["before"] else "before"
    row.doubts.append(Doubt("column_guess", field, STACKED_DOUBT.format(what=what)))
    return True


def split_stacked_rows(rows: list[RawRow]) -> int:
    """``split_stacked`` on each of ``rows`` (in place); the number of rows whose cells were
    stacked."""
    return sum(split_stacked(r) for r in rows)


STACKED_NOTE = (
    "{rows} rows print 変更前 and 変更後 stacked in one column: each such cell was cut at its "
    "printed markers ({markers}), which are not kept in the cells"
)


def stacked_notes(rows: list[RawRow]) -> list[str]:
    """The note naming the rows whose stacked cells ``split_stacked`` cut and the markers it took
    out of them (no text leaves a cell without a note), or none."""
    cut = [r for r in rows if r.stacked_markers]
    if not cut:
        return []
    markers = "、".join(dict.fromkeys(m for r in cut for m in r.stacked_markers))
    return [STACKED_NOTE.format(rows=len(cut), markers=markers)]
