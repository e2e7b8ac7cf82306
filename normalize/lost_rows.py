"""Safety nets run on every input's records once they are made, whatever reader made them
(branch honest67): no row lost or run into another in silence.

Each reader has checks of its own (date lines without rows, 提出時期 beyond rows, rulings'
merged rows); each looks at what that reader cut, and a reader that cut wrongly may leave its
own check nothing to see.  These look at the records and the input's text alone:

* ``merged_row_starts``: a before, after or explanation cell (or an item's later line) holding a
  line that opens with a date followed by 事前 / 事後 (on the line or the next) holds another
  row's start: two rows were read as one (pypdf text of pages joined with no line end,
  office-pagejoin59).  The row is flagged ``rows_merged`` and the input is partial with a note.
* ``text_rows_short``: a text input read as a success whose text prints more dates opening
  lines beside a 提出時期 than rows were read (``row_signs.rows_short_note``) is partial with a
  note saying what was seen and how many rows may be lost.

* a scan's ink below its ruled grid that reads as table content (``BEYOND_GRID_CONTENT``, said
  by ``extract/ocr/beyond_grid``) makes the input partial.

``close_document`` runs them (and the cover's published-date doubts), after
``surrogates.mend_result_surrogates``, at the end of ``pipeline.read_document``.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from piatable.models import DocumentResult, Record
from piatable.settings import QualitySettings

from .confidence import add_late_flags
from .cover import published_doubts
from .dates import DATE_AT_START
from .row_signs import rows_short_note
from .surrogates import mend_result_surrogates

# Cells a row's start may be read into: the item's lines after its first (its own path opens it).
START_CELLS = ("item", "before", "after", "explanation")
# A line opening with a date then 事前 / 事後 (on the same line, or opening the next), not a
# sentence's 事前に / 事後の: pages joined with no line end glue the row's item to it
# (``2016/10/01 事前Ⅰ基本情報``).
ROW_START = regex.compile(rf"(?m)(?:{DATE_AT_START.pattern[1:]})\s*(?:\n\s*)?(?:事前|事後)(?!\p{{Hiragana}})")
# What a scan's note on ink below its ruled grid says when that ink reads as table content (a
# date, 事前 / 事後: ``extract/ocr/beyond_grid``): the input is partial.
BEYOND_GRID_CONTENT = "it reads as table content (a date or 事前 / 事後): rows may be missing"
# The note of rows holding another row's start.
MERGED_STARTS_NOTE = (
    "{n} rows hold another row's start (a date then 事前 / 事後) in a cell: rows were probably"
    " read as one (flag rows_merged)"
)


def _holds_start(record: Record) -> bool:
    for field in START_CELLS:
        text = str(getattr(record, field) or "")
        if field == "item":
            text = text.partition("\n")[2]
        lines = [t.strip() for t in text.split("\n")]
        if any(ROW_START.match("\n".join(lines[k : k + 2])) for k in range(len(lines))):
            return True
    return False


def merged_row_starts(records: list[Record], q: QualitySettings) -> str | None:
    """Flag ``rows_merged`` on each record holding another row's start (module notes); the note
    saying how many, or None."""
    merged = [r for r in records if _holds_start(r)]
    for r in merged:
        add_late_flags(r, {"rows_merged"}, q)
    return MERGED_STARTS_NOTE.format(n=len(merged)) if merged else None


def text_rows_short(text_of: Callable[[], str], result: DocumentResult) -> str | None:
    """``rows_short_note`` of a text input read as a success (``text_of`` reads its text again:
    the readers do not keep it), else None."""
    if result.status != "success":
        return None
    try:
        text = text_of()
    except (OSError, ValueError):
        return None
    return rows_short_note(text, result.records)


def close_document(result: DocumentResult, text_of: Callable[[], str] | None, q: QualitySettings) -> None:
    """The checks every input gets once its records are made (module notes), in place: notes
    added, and a success made partial when a row may be lost or run into another.  ``text_of``:
    for a text input, what reads its text again (None for a PDF or a scan)."""
    mend_result_surrogates(result)  # a UTF-16 pair read as two characters: no writer takes it
    result.notes.extend(
        published_doubts(result.documents or {}, [(r.change_date, r.timing) for r in result.records])
    )
    short = text_rows_short(text_of, result) if text_of else None
    found = [n for n in (merged_row_starts(result.records, q), short) if n]
    result.notes.extend(found)
    found += [n for n in result.notes if BEYOND_GRID_CONTENT in n]  # a scan's rows below its grid
    if found and result.status == "success":
        result.status = "partial"
