"""A paragraph parting two amendment tables, set aside in flattened text (branch furniture66).

A document that keeps its older amendments in a second table prints a paragraph between the two
(``【令和６年度以前の変更】``, ``以下は前回評価書からの変更``; tables newest first, Writer), then the
second table, with its own label row or none.  Every text reader prints that paragraph right
after the first table's last cell (or, in column order, beside the second table's labels), and
the rows read it into the last row's cell (session 65's unseen set; ``normalize/between.py``
takes only a numbered heading or a paragraph wider than the table's cells).

A line is such a paragraph when it is whole ``vocabulary.TABLE_PARTING_LINE`` (a bracketed
heading naming a period or an earlier filing, or a lead sentence on the changes below), stands
after the text's first label row, and the next printed line (within ``NEXT_LINES``) opens the
second table: a column label (the label row, repeated in the document's order or another), or,
for a bracketed heading, a row's date (a second table printing no label row).  Such lines are
left out (blanked in ``-layout`` text, whose lines are the rows' places) and a note quotes them.
A line of that form standing elsewhere in the table region is left where it is and named in
``DOUBT_NOTE``; the row whose cell holds it is flagged ``column_guess`` (``parting_doubts``).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow
from piatable.vocabulary import TABLE_PARTING_LINE, is_header_line, is_label_piece, label_count

from .chars import display_width
from .dates import DATE

# The second table opens within this many printed lines under the paragraph (the label row may
# print a wrapped label's tail first; pdfminer prints one label a line).
NEXT_LINES = 2

# A line opening with a date's head (a date wrapped in its narrow column: ``令和2年7月1``).
_DATE_OPENING = regex.compile(r"^(?:令和|平成|昭和|[RH](?=[0-9０-９]))?\s*[0-9０-９元]{1,4}\s*[年/.\-．]")

NOTE = (
    "{n} lines printed between two tables (a paragraph parting them, not a row's text) were left"
    " out of the rows: {texts}"
)
DOUBT_NOTE = "a line that reads as a paragraph between two tables stands inside the table: 「{text}」"
_DOUBT = regex.compile(
    r"^a line that reads as a paragraph between two tables stands inside the table: 「(?P<text>.*)」$"
)
WHY = (
    "the cell holds 「{text}」, which reads as a paragraph printed between two tables (not the table's text?)"
)


def strip_parting_lines(text: str, blank: bool = False) -> tuple[str, list[str]]:
    """``text`` without the paragraphs parting two tables (module docstring) and the notes (one
    quoting the lines left out, one ``DOUBT_NOTE`` per such line kept).  ``blank``: ``-layout``-like
    text, lines blanked rather than removed."""
    parts = regex.split(r"([\n\f])", text)
    lines, seps = parts[0::2], parts[1::2] + [""]
    if not any(TABLE_PARTING_LINE.match(ln) for ln in lines):
        return text, []
    first_labels = next((k for k, ln in enumerate(lines) if opens_labels(ln)), None)
    if first_labels is None:
        return text, []
    found: list[str] = []
    kept: list[str] = []
    for k in range(first_labels + 1, len(lines)):
        line = lines[k]
        if line is None or not TABLE_PARTING_LINE.match(line):
            continue
        nexts = [ln for ln in lines[k + 1 : k + 1 + 2 * NEXT_LINES] if ln is not None and ln.strip()][
            :NEXT_LINES
        ]
        bracketed = line.strip()[:1] in "【［[＜<〈《"
        opens = any(opens_labels(ln) for ln in nexts[:NEXT_LINES]) or (
            bracketed and bool(nexts) and bool(DATE.match(nexts[0].strip()))
        )
        if opens and blank and not _dated_since_labels(lines, k):
            # -layout: under a repeated label row whose page printed only a cell continued from
            # the page before, the line parts that tail from the second table for the grid
            # (``grid/layout_between.py``); blanked, the tail went to the second table's first
            # row (heldout-between18's Writer case).
            kept.append(line.strip())
        elif opens:
            found.append(line.strip())
            lines[k] = " " * display_width(line) if blank else None  # type: ignore[call-overload]
        else:
            kept.append(line.strip())
    notes = [NOTE.format(n=len(found), texts="".join(f"「{t}」" for t in found))] if found else []
    notes += [DOUBT_NOTE.format(text=t) for t in kept]
    if not found:
        return text, notes
    pairs = zip(lines, seps, strict=True)
    return "".join((ln + sep) if ln is not None else (sep if sep == "\f" else "") for ln, sep in pairs), notes


def _dated_since_labels(lines: list[str | None], k: int) -> bool:
    """Whether a line opening with a date stands between line ``k`` and the label row above it."""
    for ln in reversed(lines[:k]):
        if ln is None or not ln.strip():
            continue
        if opens_labels(ln):
            return False
        if DATE.match(ln.strip()) or _DATE_OPENING.match(ln.strip()):
            return True
    return False


def opens_labels(line: str) -> bool:
    """Whether ``line`` opens a label row: the row itself, or its first piece a column label
    (pdfminer and plain pdftotext print one label a line)."""
    pieces = line.split()
    return bool(pieces) and (
        is_header_line(line)
        or label_count(line) >= 2
        or (is_label_piece(pieces[0]) and label_count(pieces[0]) == 1)
    )


def parting_doubts(rows: list[RawRow], notes: list[str]) -> None:
    """Flag ``column_guess`` on the first cell holding a parting paragraph left in place
    (``DOUBT_NOTE``): it may be no text of the table."""
    doubt_quoted_lines(rows, notes, _DOUBT, WHY)


def doubt_quoted_lines(rows: list[RawRow], notes: list[str], note: regex.Pattern[str], why: str) -> None:
    """Flag ``column_guess`` on the first cell of ``rows`` holding the text (whitespace aside) each
    note matching ``note`` quotes (its group ``text``), with the evidence ``why`` (``{text}``
    filled in): a line that reads as no text of the table, left in place."""
    for m in (m for n in notes if (m := note.match(n))):
        key = regex.sub(r"\s+", "", m["text"])
        for row in rows:
            field = next(
                (
                    f
                    for f, lines in row.cells.items()
                    if key in regex.sub(r"\s+", "", "".join(ln.text for ln in lines))
                ),
                None,
            )
            if field is not None:
                row.doubts.append(Doubt("column_guess", field, why.format(text=m["text"])))
                break
