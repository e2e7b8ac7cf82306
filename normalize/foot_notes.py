"""Review notes printed beside a page's last row, read into its explanation (set XXXIV w03).

An author's notes in the page margin (``要確認``, ``R6.9 課内協議済``, ``総務課と調整`` / ``差替え
予定``: text boxes or shapes drawn after the table) come last in a row-ordered text's page
(pypdfium2, ``pdftotext -raw``, pypdf, PyMuPDF, pdf.js), after the page's last row, and read as
more paragraphs of its explanation (``記載の誤りの訂正\\n総務課と調整\\n差替え予定``, 0.896 unwarned).
Where the page's last row's explanation, after a paragraph that ends short of the column's wrap
width, goes on with ``MIN_NOTE_LINES`` or more lines each at most ``NOTE_WIDTH_SHARE`` of that
width, none worded as an explanation ends (``EXPLANATION_ENDING``, 。) nor opening a list item, the
row is warned ``column_guess`` on its explanation: those lines may be notes beside the table.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow
from piatable.vocabulary import EXPLANATION_ENDING

from .chars import display_width

# Lines at a page's last row's explanation's end, each a paragraph of its own, that may be notes.
MIN_NOTE_LINES = 2
# A note line is at most this share of the explanation column's wrap width.
NOTE_WIDTH_SHARE = 0.6
# A paragraph ends on a line this many display units or more short of the wrap width.
SHORT_BY = 4
_LIST_OPENING = regex.compile(r"^[・\-－①-⑳⑴-⒇\(（\p{Katakana}]|^\d+[.．)）]")
_SENTENCE_END = regex.compile(r"[。．]$")
WHY = (
    "the last {n} lines of the explanation of the page's last row (「{lines}」) are short paragraphs "
    "after its end: they may be notes printed beside the table"
)


def _is_note_line(text: str, width: float) -> bool:
    return (
        display_width(text) <= NOTE_WIDTH_SHARE * width
        and not EXPLANATION_ENDING.search(text)
        and not _SENTENCE_END.search(text)
        and not _LIST_OPENING.match(text)
    )


def foot_note_doubts(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row, a ``column_guess`` on the explanation of a page's last row (row-ordered text, no
    positions) whose explanation ends with ``MIN_NOTE_LINES`` or more note-like lines after a
    paragraph ending short of the column's wrap width (``rows[k].widths``); else none."""
    out: list[list[Doubt]] = [[] for _ in rows]
    for k, row in enumerate(rows):
        width = row.widths.get("explanation")
        lines = [ln.text.strip() for ln in row.cells.get("explanation", []) if ln.text.strip()]
        if row.positioned or not width or len(lines) < MIN_NOTE_LINES + 1:
            continue
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if nxt is not None and (nxt.page_start is None or nxt.page_start == row.page_end):
            continue  # not the page's last row
        tail = 0
        while tail < len(lines) - 1 and _is_note_line(lines[-1 - tail], width):
            tail += 1
        if tail < MIN_NOTE_LINES or display_width(lines[-1 - tail]) > width - SHORT_BY:
            continue
        shown = "／".join(lines[-tail:])[:40]
        out[k].append(Doubt("column_guess", "explanation", WHY.format(n=tail, lines=shown)))
    return out
