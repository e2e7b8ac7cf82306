"""Give back the body lines a row-ordered text's item cell took past its last heading.

In ``pdftotext -raw`` and pypdfium2 text of a table whose cells are top-aligned (LibreOffice Calc
and Writer), a row's cells follow one another with nothing to say where the item ends; the cut
may leave the before cell's first lines in the item (``…③対象となる本人の範囲`` / ``○ 住民基本台帳に
記録された住民``, ``…②入手方法`` / ``専用線``, ``…委託の有無`` / ``有`` / ``（２）件``: issue 10,
short43, a new user's Calc tables).  The form's item cells print headings only, so a heading of
the lexicon followed by lines that are no part of any heading ends the item: those lines open the
next cell.

``mend_item_overrun`` moves such trailing lines to the front of the before cell when the item's
last heading is a whole heading of the form, no trailing line is a heading or opens one
(numbered, ①…⑳, 委託事項N, a section), and neither the trailing lines joined nor the heading
joined with them make a heading (one wrapped over lines).  The row gets a ``cut_guess`` doubt.  Measured with
``tools/eval_office.py`` on ``samples/office-short43`` (tuning) and ``samples/heldout-short43``.
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow
from piatable.settings import MENDED_CUT_STRENGTH

from .chars import ITEM_MARKER
from .cut_checks import INSTANCE_LINE, is_heading_line
from .item_explanation import NOT_HEADING_WHY
from .items import opens_item_line
from .shared_line_checks import LEAF

WHY = "the item's lines after its last heading ({}) are no heading: moved to the before cell"


def _heading_like(line: str) -> bool:
    """Whether a line is or opens a heading of the form."""
    return (
        is_heading_line(line)
        or bool(ITEM_MARKER.match(line))
        or bool(LEAF.match(line))
        or bool(INSTANCE_LINE.match(line))
        or opens_item_line(line)
    )


def mend_item_overrun(row: RawRow) -> None:
    """Move the item's trailing lines that follow its last whole heading and are no heading to
    the front of the before cell (in place; see the module notes)."""
    item = row.cells["item"]
    texts = [cl.text.strip() for cl in item]
    last = next((k for k in range(len(texts) - 1, -1, -1) if is_heading_line(texts[k])), None)
    if last is None or last == len(texts) - 1 or last == 0:
        return
    tail = texts[last + 1 :]
    if any(not t or _heading_like(t) for t in tail):
        return
    for j in range(1, len(tail) + 1):
        joined = "".join(tail[:j])
        if is_heading_line(joined) or is_heading_line(texts[last] + joined):
            return  # a heading wrapped over the item's last lines
    row.cells["item"], moved = item[: last + 1], item[last + 1 :]
    row.cells["before"] = moved + row.cells["before"]
    # The reader's doubt that the lines were left in the item is spent: they are moved.
    row.doubts = [d for d in row.doubts if d.why != NOT_HEADING_WHY]
    row.doubts.append(Doubt("cut_guess", "item", WHY.format(texts[last][:16]), MENDED_CUT_STRENGTH))
