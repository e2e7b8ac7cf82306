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

STACKED_DOUBT = "the before/after cells open with a printed 変更前/変更後 marker but do not print {what}"


def _side(line: CellLine) -> str | None:
    """``before`` or ``after`` when ``line`` opens with that side's marker, else None."""
    if BEFORE_MARKER.match(line.text):
        return "before"
    if AFTER_MARKER.match(line.text):
        return "after"
    return None


def _without_marker(lines: list[CellLine]) -> list[CellLine]:
    """``lines`` with the marker opening the first taken off (a line that held only the marker
    is dropped)."""
    first = lines[0]
    m = BEFORE_MARKER.match(first.text) or AFTER_MARKER.match(first.text)
    assert m is not None
    rest = first.text[m.end() :]
    return ([replace(first, text=rest)] if rest.strip() else []) + lines[1:]


def split_stacked(row: RawRow) -> bool:
    """Cut ``row``'s before and after cells again at their printed 変更前 / 変更後 markers when
    they open with one (see the module).  Returns True when the row's cells are stacked (cut, or
    read as printed with a ``column_guess`` doubt added); False when they print no marker at
    their start (nothing changed)."""
    lines = [ln for ln in row.cells["before"] + row.cells["after"] if ln.text.strip()]
    if not lines:
        return False
    firsts = [cell[0] for cell in (row.cells["before"], row.cells["after"]) if cell]
    if not any(_side(ln) for ln in firsts):
        return False  # no cell opens with a marker: two columns, or a marker only mentioned
    marks = [(k, side) for k, ln in enumerate(lines) if (side := _side(ln)) is not None]
    sides = [side for _, side in marks]
    if sides == ["before", "after"] and marks[0][0] == 0:
        cut = marks[1][0]
        before, after = _without_marker(lines[:cut]), _without_marker(lines[cut:])
        if not before and not after:
            return False  # the markers alone: a label row read as a row (its own checks warn)
        row.cells["before"], row.cells["after"] = before, after
        return True
    what = (
        "変更前 then 変更後"
        if len(sides) != 1
        else f"both (only {'変更前' if sides[0] == 'before' else '変更後'})"
    )
    field = "after" if not row.cells["before"] else "before"
    row.doubts.append(Doubt("column_guess", field, STACKED_DOUBT.format(what=what)))
    return True


def split_stacked_rows(rows: list[RawRow]) -> int:
    """``split_stacked`` on each of ``rows`` (in place); the number of rows whose cells were
    stacked."""
    return sum(split_stacked(r) for r in rows)
