"""Layout text: marks printed in a fallback font, out of their place on the line.

Writer prints a glyph its font lacks (``○`` where a hand-written RTF names IPAex Mincho) in
another font, as a run of its own after the line's other text; pypdf's
``extract_text(extraction_mode="layout")`` then prints the marks where that run comes, not where
they stand, and leaves a blank where they stand: ``株式会社  システム○○`` for 株式会社○○システム,
``○［ ］紙`` for ［○］紙 (set XXIV t01/t11 ``.pypdf_layout``, branch layout63, unwarned).

The order is recoverable when the line shows one place for the marks: a line of two pieces (one
blank between them) ending with a run of marks puts the run in the blank; a line opening with
marks before an empty check box (``○［`` / ``］紙``) puts them in the box.  Any other line is
left as it is.
"""

from __future__ import annotations

import regex

from ..chars import FALLBACK_MARKS as MARKS
from .lines import Line

_TAIL_MARKS = regex.compile(rf"(?<=[^\s{MARKS}])[{MARKS}]+$")
_HEAD_MARKS = regex.compile(rf"^([{MARKS}]+)([［\[])$")


def place_fallback_marks(rows: list[dict[int, list[Line]]]) -> None:
    """Put back, on each line of each row (column index → its lines), a run of marks a
    fallback font printed out of place (see the module's note).  Changes the lines in place."""
    for row in rows:
        for lines in row.values():
            for ln in lines:
                placed = _placed(ln)
                if placed is not None:
                    ln.text = placed


def _placed(ln: Line) -> str | None:
    """The text of ``ln`` with its marks put where the blank between its two pieces is, or
    None when the line is no such line."""
    words = sorted((w for w in ln.words if w.text.strip()), key=lambda w: w.x0)
    if len(words) != 2 or words[1].x0 <= words[0].x1:
        return None
    first, second = words[0].text.strip(), words[1].text.strip()
    if ln.text.strip() not in (first + second, f"{first} {second}"):
        return None
    if (head := _HEAD_MARKS.match(first)) and second.startswith(("］", "]")):
        return f"{head.group(2)}{head.group(1)}{second}"
    if (tail := _TAIL_MARKS.search(second)) and not regex.search(f"[{MARKS}]", first):
        return f"{first}{tail.group(0)}{second[: tail.start()]}"
    return None
