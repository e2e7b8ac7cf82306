"""Doubts on rows read from a table whose cells were merged over rows (text without rulings):
where a value printed once was filled into the rows it seemed to cover (``merged_cell_filled``),
a row the runs left without an explanation shows the runs may have gone wrong (issue 10,
branch layout21: Calc explanations merged over rows, -layout text).
"""

from __future__ import annotations

from itertools import pairwise

from piatable.models import Doubt, RawRow, Record

from .chars import SENTENCE_END
from .phrase_openings import starts_mid_phrase
from .tokenizer import Tokenizer

# Why a blank explanation in a table of merged explanations is in doubt.
BLANK_BESIDE_MERGED_WHY = (
    "its explanation is blank while the table's explanations are merged over rows (one was "
    "filled into the rows it covers): the merged explanations may have gone to the wrong rows"
)


def blank_beside_merged(records: list[Record], out: list[list[Doubt]]) -> None:
    """``row_split_guess`` on a row with a blank explanation that took another merged value (its
    date or 提出時期: ``merged_cell_filled``) in a table where an explanation was printed once
    for several rows (a row ``merged_cell_filled`` whose explanation is the
    row's next to it).  Every change says why; without rulings a merged explanation is given
    to the rows its position suggests, and a row left blank beside such runs is where the runs
    went wrong (a centred merged explanation read into the rows above or below its own)."""
    merged = any(
        "merged_cell_filled" in b.flags and b.explanation.strip() and a.explanation == b.explanation
        for a, b in pairwise(records)
    )
    if not merged:
        return
    for k, r in enumerate(records):
        if r.explanation.strip() or "merged_cell_filled" not in r.flags:
            continue  # a row printing its own date and 提出時期 may leave its 説明 blank
        if not any(d.kind == "row_split_guess" for d in out[k]):
            out[k].append(Doubt("row_split_guess", "explanation", BLANK_BESIDE_MERGED_WHY))


# Why a blank explanation beside an explained row of text read without rulings is in doubt.
BLANK_BESIDE_EXPLAINED_WHY = (
    "its explanation is blank beside a row on its page whose explanation is printed, in text "
    "without rulings: one explanation merged over both rows (Writer, Calc) shows only in one, "
    "and which rows it covers is not printed"
)


def _share_a_page(a: RawRow, b: RawRow) -> bool:
    """The two rows print on one page at least (a row continued over a break prints on two)."""
    if None in (a.page_start, a.page_end, b.page_start, b.page_end):
        return a.page_start == b.page_start
    return a.page_start <= b.page_end and b.page_start <= a.page_end  # type: ignore[operator]


def _lines(row: RawRow, fields: tuple[str, ...]) -> list[tuple[int, int]]:
    return sorted(
        (cl.page, cl.line_no)
        for f in fields
        for cl in row.cells.get(f) or []
        if cl.page is not None and cl.line_no is not None
    )


def _at_far_edge(row: RawRow, below: bool) -> bool:
    """The explanation of ``row`` stands at its edge away from the blank row: at its top when it
    is the row below (a merged cell's text at the top is its first row's: the blank row above
    would hold it), at its foot when it is the row above.  Such a text is the row's own."""
    own, expl = _lines(row, ("item", "before", "after")), _lines(row, ("explanation",))
    if not own or not expl:
        return False
    return expl[0] <= own[0] if below else expl[-1] >= own[-1]


def _same_timing(a: Record, b: Record) -> bool:
    """The rows' 提出時期 agree (or one is not read): a 説明 explains its row's 提出時期, so one
    merged over two rows covers rows of one 提出時期 (tests/test_layout_text.py: a 事後 row
    under a 事前 row keeps its own blank)."""
    return a.timing is None or b.timing is None or a.timing == b.timing


def blank_beside_explained(rows: list[RawRow], records: list[Record]) -> list[list[Doubt]]:
    """Per row, ``row_split_guess`` on a row read by positions without rulings (``-layout``
    text, a PDF without a grid) whose explanation is blank while the row above or below it on
    a page it prints on has one.  A 説明 (or 提出時期 and 説明) merged over two rows
    prints its text once, at the top, the middle or the foot of the merged cell: read by
    position, the text lands in one row and the other is left blank, just as a row whose own
    cell is blank (branch layout40, ``samples/office-layout40`` m cases: two rows blank at
    0.92 with no warning).  A table that leaves some explanations blank on purpose has its right
    rows warned too: over the committed ``-layout`` samples the rule warns 15 wrong rows and 9
    right ones that were unwarned (a limit on the share of blank rows kept it off the tables of
    two-row merged explanations, half of whose rows read blank).
    ``rows`` and ``records`` run in parallel."""
    out: list[list[Doubt]] = [[] for _ in rows]
    blank = [not r.explanation.strip() for r in records]
    for k, row in enumerate(rows):
        if not blank[k] or row.ruled or not row.positioned:
            continue
        for j in (k - 1, k + 1):
            if (
                0 <= j < len(rows)
                and not blank[j]
                and _share_a_page(rows[j], row)
                and _same_timing(records[j], records[k])
                and not _at_far_edge(rows[j], below=j > k)
            ):
                out[k].append(Doubt("row_split_guess", "explanation", BLANK_BESIDE_EXPLAINED_WHY))
                break
    return out


# Why a cell whose rest opens the next row's same cell is in doubt.
TORN_INTO_NEXT_WHY = (
    "the next row's explanation opens with {opening!r}, the middle of a phrase: this row's "
    "explanation may run on into it (one explanation merged over both rows, cut between them)"
)
TORN_CELL_WHY = (
    "the next row's {field} cell opens with {opening!r}, the middle of a phrase, and this row's "
    "ends open: its rest may have gone to the next row (a row broken over a page, its tail read "
    "with the row below)"
)
# The cells whose rest a layout reader may give the next row: a row broken over a page whose
# tail at the top of the next page is read with the row below (pdfplumber ``layout=True``,
# PyMuPDF ``sort=True`` text of Writer tables, branch flow55), a merged 説明 cut between rows.
TORN_FIELDS = ("before", "after", "explanation")


def torn_into_next(
    rows: list[RawRow], records: list[Record], tokenizer: Tokenizer | None = None
) -> list[list[Doubt]]:
    """Per row, ``row_split_guess`` on a row read by positions without rulings whose 変更前,
    変更後 or 説明 is not empty and ends no sentence while the next row's same cell (on a page
    both print on) opens mid phrase (``starts_mid_phrase``): the next row is flagged for its
    opening, and this row holds the head of the same text (a 説明 merged over two rows and
    centred on them, its lines cut between the rows: ``デジタル社会の形成`` | ``を図るための…``,
    branch layout40; a cell broken over a page whose tail went to the row below:
    ``…担当課`` | ``において自己点検を実施する。``, branch flow55)."""
    out: list[list[Doubt]] = [[] for _ in rows]
    for k in range(len(rows) - 1):
        row, nxt = rows[k], rows[k + 1]
        if row.ruled or not row.positioned or not _share_a_page(row, nxt):
            continue
        for field in TORN_FIELDS:
            text = getattr(records[k], field).strip()
            if not text or text[-1] in SENTENCE_END:
                continue
            opening = starts_mid_phrase(getattr(records[k + 1], field), tokenizer)
            if opening:
                why = TORN_INTO_NEXT_WHY if field == "explanation" else TORN_CELL_WHY
                out[k].append(Doubt("row_split_guess", field, why.format(field=field, opening=opening)))
    return out
