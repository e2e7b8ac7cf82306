"""Rows a scan gave as garbage, said in the input's notes and status (issue 12).

Every row of the form holds three things of a fixed vocabulary: a date, a heading of the form
in its 項目 and 事前 or 事後.  An OCR row whose date cell holds text that is no date
(``date_unparsed``), whose timing cell holds text that is neither (``timing_invalid``) and whose
item is no heading of the form (``item_unknown``) read none of the three: its text is garbage (a
label band printed white on dark read as a row; a page that was not the table's text).  Such
rows are flagged already; before, the input still said ``success`` (a 200 dpi scan of an Impress
slide: 3 rows of garbage for 6, status success).  Now a note counts them and the input is
``partial``.

On the 381 rows of the 25 sets with committed tesseract reads (tools/bench_scan_sets.py's
sets), 6 rows carry all three flags, every one of them garbage (5 of a 400 dpi fit-to-page scan
read at 8 px glyphs, 1 a label row misread).
"""

from __future__ import annotations

from piatable.models import Record

# A row that read none of the form's fixed vocabulary.
GARBAGE_FLAGS = frozenset({"date_unparsed", "timing_invalid", "item_unknown"})


def garbage_rows(records: list[Record]) -> list[int]:
    """The indexes of the records that read none of the form's fixed vocabulary."""
    return [i for i, r in enumerate(records) if GARBAGE_FLAGS <= set(r.flags)]


def garbage_note(records: list[Record]) -> str | None:
    """The note for the input when some of its rows are garbage (``garbage_rows``); else None."""
    found = garbage_rows(records)
    if not found:
        return None
    shown = ", ".join(str(records[i].row_index) for i in found[:10])
    return (
        f"{len(found)} of {len(records)} OCR rows read no date, no heading of the form and no "
        f"事前/事後 (rows {shown}): their text is garbage, not the table's"
    )
