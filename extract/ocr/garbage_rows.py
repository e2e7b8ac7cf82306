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

Rows the input's own checks warned of, most of them (``mostly_warned_note``): each row says so,
but a user who reads only the input's status took ``success`` for a read to trust (set XXII's
``t02.fax200x100.tif``: 9 of its 10 rows warned, 0 right, status success).  When more than
``MOSTLY_WARNED_SHARE`` of an OCR input's rows are warned (a flag of the README's list, or a
confidence under ``WARN_BELOW``), the input is ``partial`` with a note counting them.  On set
XXII's 16 OCR inputs (base lead61) the inputs it turns partial read 0/10, 2/4, 8/13, 1/4 and 2/5
rows right; those it leaves at success 5/7 to 8/8.
"""

from __future__ import annotations

from piatable.models import Record
from piatable.normalize.confidence import INFORMATIONAL
from piatable.normalize.guessed_rows import WARN_BELOW

from .dated_lines import unrowed_dates  # noqa: F401 (the pipeline's OCR notes are had from here)

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


# More than this share of an OCR input's rows warned: the input is partial (see the notes above).
MOSTLY_WARNED_SHARE = 0.5


def is_warned(record: Record) -> bool:
    """True for a row that carries a warning: a flag other than the informational ones and
    ``truncated:*``, or a confidence under ``WARN_BELOW``."""
    doubts = [f for f in record.flags if f not in INFORMATIONAL and not f.startswith("truncated:")]
    return bool(doubts) or record.confidence < WARN_BELOW


def mostly_warned_note(records: list[Record]) -> str | None:
    """The note for an OCR input more than ``MOSTLY_WARNED_SHARE`` of whose rows are warned
    (``is_warned``); else None."""
    warned = sum(is_warned(r) for r in records)
    if not records or warned <= MOSTLY_WARNED_SHARE * len(records):
        return None
    return (
        f"{warned} of {len(records)} OCR rows are warned (flagged or of low confidence): the scan read"
        " poorly; check every row against the page"
    )
