"""The column a box's cell belongs to, where its column's label opens the box.

pdfminer and plain ``pdftotext`` group a page's lines into boxes by position: lines close above
one another and overlapping left to right go into one box.  A column's label (``変更後の記載``,
``提出時期に係る説明``) sits right above its column's first cell of the page, so the two often come
out as one box (``提出時期に係る説明`` / ``行政手続における特定の…に伴う修正``); the label is page
furniture and ``boxes.without_label_boxes`` drops it, but it says which column the rest of the
box is: the label's own (a box holds the lines of one column).  That settles a box the widths
cannot: in a narrow LibreOffice Writer table the explanation column is as wide as the before
and after ones, and a one-paragraph explanation read as an after cell shifts every later
explanation up a row (set VI's T08, plain ``pdftotext``).

``labelled_openings`` returns, for each box opened by one whole label (wrapped over up to
``boxes.WRAPPED_LABEL_LINES_MAX`` lines) with more lines after it, the (page, line number) of
its first line after the label and the label; ``columnar.column_order_rows`` then reads such a
box as that column's cell (``LABEL_KINDS``).
"""

from __future__ import annotations

from piatable.models import CellLine

from .boxes import WRAPPED_LABEL_LINES_MAX

# The box kind (``columnar._kind``) of the cells under each label whose column a box's kind
# names alone; 変更日 and 項目 boxes are told by their text (a date, a section's path).
LABEL_KINDS = {
    "変更前の記載": "body",
    "変更後の記載": "body",
    "提出時期に係る説明": "explanation",
}

LineKey = tuple[int | None, int | None]


def labelled_openings(lines: list[CellLine], gaps: list[bool]) -> dict[LineKey, str]:
    """(page, line number) of each box's first line after an opening label → the label (the
    boxes as ``boxes.lines_to_boxes`` makes them: a box starts at a line whose ``gaps`` is True)."""
    out: dict[LineKey, str] = {}
    k = 0
    while k < len(lines):
        end = k + 1
        while end < len(lines) and not gaps[end]:
            end += 1
        for j in range(k + 1, min(end, k + WRAPPED_LABEL_LINES_MAX + 1)):
            label = "".join("".join(cl.text.split()) for cl in lines[k:j])
            if label in LABEL_KINDS and j < end:
                out[(lines[j].page, lines[j].line_no)] = label
                break
        k = end
    return out


def labelled_kind(box_first: CellLine, labelled: dict[LineKey, str]) -> str | None:
    """The kind of a box whose first line is ``box_first``, when a label opened it."""
    label = labelled.get((box_first.page, box_first.line_no))
    return LABEL_KINDS.get(label) if label else None
