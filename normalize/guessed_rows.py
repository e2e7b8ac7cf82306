"""A flattened text most of whose rows were read by guess, said in the input's status (branch
order63; set XXIV, FAULTS.md §3).

The column-ordered readers (plain ``pdftotext``, pdfminer, pdfplumber text of a table printed in
another column order) pair cells with rows by guess and say so on each row (``column_guess``,
confidence under ``WARN_BELOW``).  On set XXIV 31 truth rows could not be found in texts said
``success``: not rows lost in number (every one of those inputs read as many rows as its table
has, so no count of dates, 提出時期 or sections could see them), but rows read so far from
the truth that none of the records is theirs.  Each such row was warned; the input still said
``success``.  As for OCR input (``extract/ocr/garbage_rows.mostly_warned_note``), a text more
than ``MOSTLY_GUESSED_SHARE`` of whose rows are under ``WARN_BELOW`` is ``partial`` with a note
counting them.  Only the reader's own doubt counts here (a confidence under ``WARN_BELOW``), not
every flag: a flag may name one cell of a row read right.
"""

from __future__ import annotations

from collections.abc import Sequence

from piatable.models import DocumentResult, Record

# A row with a confidence under this is warned (README: "a row we are unsure of").
WARN_BELOW = 0.5
# More than this share of a text's rows under ``WARN_BELOW``: the input is partial.
MOSTLY_GUESSED_SHARE = 0.5
GUESSED_NOTE = (
    "{n} of {rows} rows were read by guess (confidence under {below}): the cells may be paired with"
    " the wrong rows and a row may be read beyond recognition; check every row against the page"
)


def mostly_guessed_note(records: Sequence[Record]) -> str | None:
    """``GUESSED_NOTE`` for records more than ``MOSTLY_GUESSED_SHARE`` of which have a confidence
    under ``WARN_BELOW``; None otherwise (no records too)."""
    guessed = sum(r.confidence < WARN_BELOW for r in records)
    if not records or guessed <= MOSTLY_GUESSED_SHARE * len(records):
        return None
    return GUESSED_NOTE.format(n=guessed, rows=len(records), below=WARN_BELOW)


def read_in_part(result: DocumentResult, *notes: str | None) -> None:
    """Append each of ``notes`` that is not None to ``result``'s notes; when one is, an input said
    ``success`` becomes ``partial`` (a failure stays one)."""
    found = [n for n in notes if n is not None]
    result.notes.extend(found)
    if found and result.status == "success":
        result.status = "partial"
