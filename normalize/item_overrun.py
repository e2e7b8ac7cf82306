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
joined with them make a heading (one wrapped over lines), nor is the tail's first line a heading the
forms print under the item's last one (``②保管期間`` / ``期間``: ``item_cells.heading_in_cells``),
nor do they end a longer heading with one of the lexicon (``HEADING_END_MIN_CHARS``).
The row gets a ``column_guess`` doubt (a warning, at full strength): the lines it moves no longer
fire the item checks that had warned such rows (``the item cell holds text no heading``), and the
rows it touches mostly stay wrong in another cell.  With a ``cut_guess`` (no warning), office-writerraw
(-raw, pypdfium2) had 66/94 wrong rows warned against main's 88/94; with the warning 88/94 and its
right rows warned 8/180 as before (``tools/eval_office.py``).  Measured with
``tools/eval_office.py`` on ``samples/office-short43`` (tuning) and ``samples/heldout-short43``.
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow

from .chars import ITEM_MARKER
from .cut_checks import INSTANCE_LINE, is_heading_line
from .item_cells import heading_in_cells
from .item_explanation import NOT_HEADING_WHY
from .item_key import item_key
from .items import is_form_heading, opens_item_line
from .shared_line_checks import LEAF

# The shortest heading of the lexicon that, ending the item's last line joined with the lines
# after it, shows them to be one longer heading wrapped (…の取扱いの委託におけるその他のリスク及び
# そのリスクに対する措置, printed in full by some forms, known by its end).
HEADING_END_MIN_CHARS = 8
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
    kept = texts[: last + 1]
    if heading_in_cells(item_key(kept), ["\n".join(tail)], kept):
        return  # a heading the forms print under the item's last one (②保管期間 / 期間)
    for j in range(1, len(tail) + 1):
        joined = "".join(tail[:j])
        if is_heading_line(joined) or is_heading_line(texts[last] + joined):
            return  # a heading wrapped over the item's last lines
    whole = texts[last] + "".join(tail)
    if any(is_form_heading(whole[i:]) for i in range(1, len(whole) - HEADING_END_MIN_CHARS + 1)):
        return  # a longer heading that ends with one of the lexicon (…委託における / その他のリスク…措置)
    row.cells["item"], moved = item[: last + 1], item[last + 1 :]
    row.cells["before"] = moved + row.cells["before"]
    # The reader's doubt that the lines were left in the item is spent: they are moved.
    row.doubts = [d for d in row.doubts if d.why != NOT_HEADING_WHY]
    row.doubts.append(Doubt("column_guess", "item", WHY.format(texts[last][:16])))
