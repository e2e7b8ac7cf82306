"""Prose printed between two tables of one document, in text read without positions.

A filing may hold two amendment tables (one per revision) with a paragraph between them:
``上記の変更は、…提出したものである。令和５年度の再評価に伴う変更箇所は、次のとおりである。``, then
the second table under its own label row.  Flattened text (pypdfium2, ``pdftotext -raw``,
pdfminer, plain ``pdftotext``) prints that paragraph right after the first table's last cell,
which would take it in.  A paragraph set across the page is wider than any cell's line: the
lines right before a label row (page numbers aside) that are wider than the table's widest
column by ``PROSE_WIDTH_SHARE``, each possibly followed by its paragraph's short last line, are
prose, not table text (``prose_before_labels``), when each is one run of text (cells that share
a printed line are set apart by spaces).  They are kept out of the rows and named in a
note.  A paragraph no wider than a cell cannot be told from one here and stays where it is.
"""

from __future__ import annotations

from collections import Counter

import regex

from piatable.models import CellLine
from piatable.vocabulary import TIMING, heading_key, is_header_line, is_page_number, is_title, lexicon

from .chars import display_width
from .dates import DATE_HEAD, is_date_line

# A line is wider than any cell's (prose across the page) above this share of the widest
# column's wrap width (the largest width printed at least ``_MIN_REPEAT`` times).
PROSE_WIDTH_SHARE = 1.3
_MIN_REPEAT = 2
# A paragraph's line may open with a mark of at most this many characters set apart (``※ 上記…``).
PROSE_MARK_CHARS = 2
# Body lines needed to know the columns' widths.
_MIN_BODY_LINES = 12
# How a paragraph ends, in a spaced-out text that lost its spaces (``prose_before_labels``).
SENTENCE_ENDS = ("。", "．")
# A heading over a second table (``is_between_heading``): numbered as a document numbers its
# parts, at most this many characters.
_DOC_HEADING = regex.compile(
    r"^(?:[0-9０-９]{1,2}\s*[．.]|[0-9０-９]{1,2}[ \u3000]+|[（(][0-9０-９]{1,2}[）)]"
    r"|第[0-9０-９一二三四五六七八九十]+[章節部])\s*\S"
)
HEADING_MAX_CHARS = 30
# Notes quote at most this many characters of a paragraph.
NOTE_CHARS = 60


def cell_width(widths: list[int]) -> int:
    counts = Counter(widths)
    repeated = [w for w, c in counts.items() if c >= _MIN_REPEAT]
    return max(repeated) if repeated else 0


def _is_label_row(text: str) -> bool:
    return is_header_line(text) or is_title(text)


def is_prose_line(text: str, cell: int) -> bool:
    """Whether ``text`` is a line of a paragraph set across the page: one run of text (a mark
    such as ``※`` may stand apart: cells sharing a printed line are set apart by spaces), wider
    than ``cell`` (the table's widest column, display width) by ``PROSE_WIDTH_SHARE``, and no
    date, timing or label row."""
    pieces = text.split()
    one_run = len(pieces) == 1 or (len(pieces) == 2 and len(pieces[0]) <= PROSE_MARK_CHARS)
    return (
        one_run
        and display_width(text) > cell * PROSE_WIDTH_SHARE
        and not DATE_HEAD.match(text)
        and not TIMING.search(text)
        and not _is_label_row(text)
    )


def prose_before_labels(lines: list[CellLine], spaces_lost: bool = False) -> list[int]:
    """Indices of the lines of ``lines`` (a table region's, in the extractor's order) that are a
    paragraph printed between two tables: right before a label row or title that follows a
    date line, wider than the table's columns (module docstring), or a heading of the document
    (``is_between_heading``) right before it on the same page.  ``spaces_lost``: the text
    was spaced out and its own spaces went with the spacing
    (``spacing_evidence.own_spaces_lost``), so cells that shared a line are one run too; the
    paragraph must then end as a sentence does (``。``)."""
    body = [
        display_width(cl.text)
        for cl in lines
        if not (_is_label_row(cl.text) or is_page_number(cl.text) or is_date_line(cl.text))
    ]
    if len(body) < _MIN_BODY_LINES:
        return []
    cell = cell_width(body)
    if not cell:
        return []

    def wide(k: int) -> bool:
        return is_prose_line(lines[k].text, cell)

    out: list[int] = []
    seen_date = False
    for h, cl in enumerate(lines):
        if is_date_line(cl.text) or DATE_HEAD.match(cl.text):
            seen_date = True
        if not seen_date or not _is_label_row(cl.text):
            continue
        j = h - 1
        while j >= 0 and is_page_number(lines[j].text):
            j -= 1
        run: list[int] = []
        while j >= 0:
            if wide(j):
                run.append(j)
                j -= 1
            elif j >= 1 and wide(j - 1) and not _is_label_row(lines[j].text):
                run += [j, j - 1]  # a paragraph's short last line after its wide one
                j -= 2
            else:
                break
        if run and spaces_lost and not lines[max(run)].text.rstrip().endswith(SENTENCE_ENDS):
            continue
        k = h - 1
        while k >= 0 and is_page_number(lines[k].text):
            k -= 1
        if not run and k >= 0 and lines[k].page == cl.page and is_between_heading(lines[k].text):
            run = [k]  # a heading of the document over the second table, on the same page
        out.extend(sorted(run))
    return sorted(set(out))


def is_between_heading(text: str) -> bool:
    """Whether ``text`` is a heading of the document printed over a second table (``２．送付先情報
    ファイル``, ``（２）課税台帳ファイル``): numbered, short, no sentence, date, timing or label row,
    and none of the form's own headings (``２．基本情報`` is a 項目's line: ``vocabulary.lexicon``)."""
    t = text.strip()
    key = heading_key(t)
    return (
        bool(_DOC_HEADING.match(t))
        and len(t) <= HEADING_MAX_CHARS
        and len(key) >= 2
        and "。" not in t
        and not DATE_HEAD.match(t)
        and not TIMING.search(t)
        and not _is_label_row(t)
        and key not in lexicon()
    )


def prose_note(lines: list[CellLine], picked: list[int]) -> list[str]:
    """One note per paragraph (a run of consecutive picked lines) naming it."""
    notes: list[str] = []
    run: list[str] = []
    for n, k in enumerate(picked):
        run.append(lines[k].text)
        if n + 1 == len(picked) or picked[n + 1] != k + 1:
            text = "".join(run)
            more = "…" if len(text) > NOTE_CHARS else ""
            notes.append(f"text between two tables, not a row: '{text[:NOTE_CHARS]}{more}'")
            run = []
    return notes


def without_prose(lines: list[CellLine], spaces_lost: bool = False) -> tuple[list[CellLine], list[str]]:
    """``lines`` without the paragraphs printed between two tables, and the notes naming them
    (``spaces_lost`` as for ``prose_before_labels``)."""
    picked = prose_before_labels(lines, spaces_lost)
    if not picked:
        return lines, []
    drop = set(picked)
    return [cl for k, cl in enumerate(lines) if k not in drop], prose_note(lines, picked)
