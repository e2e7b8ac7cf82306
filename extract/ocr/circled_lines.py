"""OCR corrections of an item cell's circled numbers (①…⑳), line by line: a number read as a
line of its own above its heading (① read as 売 or あS) or glued to it as one character
(⑤物理的対策 read as る物理的対策) is put back from the form's numbering, and a circled number
read as a look-alike of the one the forms give that heading under the cell's earlier headings is
put right (``renumber_circled``).  Split from item_lines.py (which snaps the heading text).
"""

from __future__ import annotations

import regex

from piatable.vocabulary import heading_key

from .heading_fixes import MISREAD_CIRCLED, circled_headings
from .item_lines import _PREFIX, _numbered, _rebuild, printed_headings

# A circled number read as a line of its own (① read as 売, 時 or あS on the line above its
# heading): at most this many characters, no circled number among them.
MAX_LOST_CIRCLE = 2
# A circled number read as one character glued to its heading (⑤物理的対策 read as る物理的対策).
GLUED_CIRCLE = 1


def _circled_number(key: str, ancestors: list[str]) -> str | None:
    """The one circled number the forms print before heading ``key`` under any of the cell's
    earlier headings ``ancestors`` (法令上の根拠: ② under Ⅰ/6, ① under Ⅱ/5), else the one it
    has everywhere; None when the forms do not decide it."""
    numbers: set[str] = set()
    for parent in ancestors:
        numbers |= _numbered().get((parent, key), frozenset())
    if not numbers:
        numbers = set(circled_headings().get(key, frozenset()))
    return next(iter(numbers)) if len(numbers) == 1 else None


def _stray(text: str, ancestors: list[str], limit: int) -> bool:
    """True when ``text`` (a line or a line's start) is short garbage, not text of a heading: at
    most ``limit`` characters, no circled number, Roman numeral or １．, no heading of its own, and
    not the end of the heading before it wrapped (提供先における用 / 途)."""
    return (
        0 < len(text) <= limit
        and not regex.search(r"[①-⑳ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|^[0-9０-９]{1,2}[．.]$", text)  # １． wraps off its heading
        and text not in printed_headings()
        and not any(k.startswith(ancestors[-1] + text) for k in printed_headings())
    )


def _unnumbered_heading(text: str, ancestors: list[str]) -> str | None:
    """The heading of the form that ``text`` is without numbering: the text itself, or the text
    after GLUED_CIRCLE stray characters (_stray); None otherwise."""
    if not text or _PREFIX.match(text).group(0):  # type: ignore[union-attr]
        return None
    if text in printed_headings():
        return text
    rest = text[GLUED_CIRCLE:]
    if ancestors and rest in printed_headings() and _stray(text[:GLUED_CIRCLE], ancestors, GLUED_CIRCLE):
        return rest
    return None


def restore_lost_circled(lines: list[str]) -> list[str]:
    """An item cell's lines with a circled number that OCR read as something else put back
    before its heading: a short line of its own (``売`` / ``法令上の根拠`` for ``①法令上の根拠``)
    or one character glued to the heading (``る物理的対策`` for ``⑤物理的対策``).  The heading is
    exactly one of the form without its numbering, the stray text is no heading and not the end
    of the heading before it (_stray), and the forms number that heading with a single circled
    number under the cell's earlier headings.  A stray line is emptied (its ink is the number);
    so is a lone character between a line that is a whole heading of the form and a numbered
    heading (Ⅰ基本情報 / 信 / ６．情報提供…).  Every other line is kept as read."""
    out = list(lines)
    ancestors: list[str] = []
    run = ""
    for i, line in enumerate(out):
        text = line.strip()
        nxt = out[i + 1].strip() if i + 1 < len(out) else ""
        nxt_prefix = _PREFIX.match(nxt).group(0)  # type: ignore[union-attr]
        nxt_key = _unnumbered_heading(nxt, [*ancestors, heading_key(text)]) if ancestors else None
        if nxt_key is not None and _stray(text, ancestors, MAX_LOST_CIRCLE) and not "⑴" <= nxt[:1] <= "⒇":
            number = _circled_number(nxt_key, ancestors)
            if number is not None:
                out[i] = _rebuild(line, "")
                out[i + 1] = _rebuild(out[i + 1], number + nxt_key)
                continue
        if (
            ancestors
            and len(text) == 1
            and _stray(text, ancestors, 1)
            and i > 0
            and heading_key(out[i - 1].strip()) in printed_headings()
            and nxt_prefix
            and _whole_heading(out, i + 1, len(nxt_prefix))
        ):
            out[i] = _rebuild(line, "")
            continue
        key = _unnumbered_heading(text, ancestors) if ancestors else None
        if key is not None and key != text and not "⑴" <= text[:1] <= "⒇":  # ⑴…⒇ printed so
            number = _circled_number(key, ancestors)
            if number is not None:
                text = number + key
                out[i] = _rebuild(line, text)
        # A heading wrapped over lines counts as a whole: each line joined to those before it
        # since the last numbered one.
        run = text if _PREFIX.match(text).group(0) or not run else run + text  # type: ignore[union-attr]
        ancestors.extend(k for k in (heading_key(text), heading_key(run)) if k)
    return out


def circled_misfits(lines: list[str]) -> list[tuple[int, str, str, frozenset[str]]]:
    """(index, circled number read, heading, numbers the forms give it there) for each line of an
    item cell that is one circled number and then exactly a heading of the form
    (⑧対象となる本人の範囲) whose number the forms give under the cell's earlier headings, and
    give otherwise (③ under Ⅱ/2); a line whose number fits, or whose heading no earlier heading
    of the cell numbers, is not listed."""
    out: list[tuple[int, str, str, frozenset[str]]] = []
    ancestors: list[str] = []
    run = ""
    for i, line in enumerate(lines):
        text = line.strip()
        m = regex.fullmatch(r"([①-⑳])(\S+)", text)
        if m and ancestors and m.group(2) in printed_headings():
            key = heading_key(m.group(2))
            numbers: set[str] = set()
            for parent in ancestors:
                numbers |= _numbered().get((parent, key), frozenset())
            if numbers and m.group(1) not in numbers:
                out.append((i, m.group(1), key, frozenset(numbers)))
        # The cell's earlier headings as restore_lost_circled counts them (a wrapped heading whole).
        run = text if _PREFIX.match(text).group(0) or not run else run + text  # type: ignore[union-attr]
        ancestors.extend(k for k in (heading_key(text), heading_key(run)) if k)
    return out


def given_anywhere(read: str, key: str) -> bool:
    """The forms number heading ``key`` with ``read`` somewhere (under any parent)."""
    return read in circled_headings().get(key, frozenset()) or any(
        read in n for (_, k), n in _numbered().items() if k == key
    )


def renumber_circled(lines: list[str]) -> list[str]:
    """An item cell's lines with a circled number read as another one put right (⑧ for ③ before
    対象となる本人の範囲 under Ⅱ/2): where the forms give the heading a single number under the
    cell's earlier headings (circled_misfits), the number read is a look-alike of it
    (MISREAD_CIRCLED), and the forms give the heading the number read nowhere.  Every other
    line is kept as read: a number the forms leave open, or one that is no look-alike, may be
    the document's own numbering."""
    out = list(lines)
    for i, read, key, numbers in circled_misfits(lines):
        number = next(iter(numbers))
        if len(numbers) != 1 or number not in MISREAD_CIRCLED.get(read, ""):
            continue
        if given_anywhere(read, key):
            continue
        out[i] = _rebuild(out[i], out[i].strip().replace(read, number, 1))
    return out


def _whole_heading(lines: list[str], k: int, skip: int) -> bool:
    """True when line ``k`` (after its first ``skip`` characters, its numbering), alone or with
    the lines it wraps on to (lines that open no numbering), is a heading of the forms."""
    joined = lines[k].strip()[skip:]
    for nxt in lines[k + 1 :]:
        if joined in printed_headings():
            return True
        nxt = nxt.strip()
        if (
            not nxt
            or _PREFIX.match(nxt).group(0)
            or not any(h.startswith(joined) for h in printed_headings())
        ):  # type: ignore[union-attr]
            return False
        joined += nxt
    return joined in printed_headings()
