"""Layout text: every printed piece of the table region accounted for.

A ``-layout``-like text (pdftotext ``-layout``, pdfplumber ``layout=True``, PyMuPDF ``sort=True``,
pypdf layout mode) is read by the grid, whose own check (``grid.lost_lines``) sees only the lines
it was handed.  Text set aside before that (a line taken for a page's footer, a label band, the
text between two tables) or left out of the rows after it must still land somewhere: in a row, in
the page furniture or another note that quotes it, or be said.  Set XVIII's G lost a 項目 cell's
last line (``① 実施日``, printed at the foot of both pages) that way, with no warning.

The region runs from the first printed line of the rows read to their last (the text's own line
numbers).  Each piece of it (a run of text the layout sets apart by two spaces or more) must be
found, whitespace removed, in the rows printed beside it (``_rows_near``: the rows whose lines
span its line, else the nearest before and after) whole or in a few pieces
(``printed_lines.found_in``); a long piece anywhere in the rows.  Column labels, the table's
title and pieces a note quotes are no cells.  A piece left between the rows that another page
prints too (a running header set a few lines down, ``_running``) is named as page furniture.
What is left is lost: the rows beside it are flagged ``unplaced_text`` (the text in their
evidence) and the document says which text it was (status partial).
"""

from __future__ import annotations

from collections.abc import Iterable

from piatable.models import CellLine, PageWords, RawRow
from piatable.vocabulary import (
    LABEL_PIECES,
    SPANNING_LABELS,
    is_header_line,
    is_label_piece,
    is_title,
    label_count,
)

from .chars import without_whitespace
from .page_edges import EXTRA_LABEL_TEXT, could_be_furniture, is_page_mark
from .printed_lines import MIN_LINE_CHARS, flag_lost_lines, found_in


def _row_corpus(row: RawRow) -> str:
    return "\x00".join(
        "".join(without_whitespace(cl.text) for cl in cells) for cells in row.cells.values() if cells
    )


def _span(rows: Iterable[RawRow]) -> tuple[int, int] | None:
    nos = [cl.line_no for r in rows for cells in r.cells.values() for cl in cells if cl.line_no is not None]
    return (min(nos), max(nos)) if nos else None


# The characters of the column labels, a spanning label's and those of the columns beyond the
# six (備考, 番号): a label row wrapped in narrow columns prints pieces of them (``提出時
# 提出時期に係る説`` / ``期     明``, ``提`` / ``出``, ``番変更日``), repeated on every page.
_LABEL_CHARS = frozenset("".join(LABEL_PIECES) + "".join(SPANNING_LABELS) + EXTRA_LABEL_TEXT)


# A label row wrapped in narrow columns runs this many lines from its main line (提 / 出 / 時 /
# 期 under it; a spanning label or a label's first line, ``提出時期に係る説``, over it).
LABEL_BAND_LINES = 4


def _is_label_row(line: str) -> bool:
    """The column-label row, its labels wrapped (``変更日 項目 … 提 提出時期に``): three labels or
    more (beside a 頁 column's), or two and every piece made of the labels' characters."""
    count = label_count(line)
    return count >= 3 or (count >= 2 and all(set(p) <= _LABEL_CHARS for p in line.split()))


def _is_label(piece: str, line: str, in_band: bool) -> bool:
    """Column labels and the table's title: the label row repeated on each page, no cell.  In
    its band (out of every row's lines, or the lines under a label row), a piece made of the
    labels' characters only is a wrapped label's."""
    return (
        is_label_piece(piece)
        or is_header_line(line)
        or is_title(piece)
        or is_title(line)
        or (in_band and set(without_whitespace(piece)) <= _LABEL_CHARS)
    )


def unplaced_pieces(
    pages: list[PageWords], rows: list[RawRow], notes: Iterable[str]
) -> list[tuple[CellLine, bool]]:
    """The pieces of the table region's lines that no row holds and no note quotes, as
    ``CellLine``s (text, page, the text's line number) each with whether it may be a row's:
    printed on a line some row's lines span, or not ``_running`` (a piece between the rows that
    another page prints too is a running header's or footer's).

    ``pages``: the layout reading's pages (``Word.line`` the text's line number); ``rows`` the
    rows read from them; ``notes`` what the reading and the grid said (furniture, text between
    tables)."""
    span = _span(rows)
    if span is None:
        return []
    lo, hi = span
    said = "\x00".join(without_whitespace(n) for n in notes)
    corpora = [_row_corpus(r) for r in rows]
    everything = "\x00".join(corpora)
    spans = [_span([r]) for r in rows]
    inside = {n for sp in spans if sp is not None for n in range(sp[0], sp[1] + 1)}
    lines: dict[int, list] = {}
    for page in pages:
        for w in page.words:
            if w.line is not None and lo - LABEL_BAND_LINES <= w.line <= hi and w.text.strip():
                lines.setdefault(w.line, []).append(w)
    lost: list[tuple[CellLine, bool]] = []
    near_text: dict[int, str] = {}
    texts = {no: " ".join(w.text for w in sorted(words, key=lambda w: w.x0)) for no, words in lines.items()}
    label_rows = [no for no, text in texts.items() if _is_label_row(text)]
    for no in sorted(n for n in lines if n >= lo):
        words = lines[no]
        line_text = texts[no]
        band = no not in inside or any(abs(no - lr) <= LABEL_BAND_LINES for lr in label_rows)
        for w in words:
            piece = without_whitespace(w.text)
            if _is_label(w.text, line_text, band) or is_page_mark(w.text) or piece in said:
                continue
            cl = CellLine(w.text.strip(), w.page, no)
            if no not in near_text:
                near_text[no] = "\x00".join(corpora[k] for k in _rows_near(no, spans))
            near = near_text[no]
            if _found(w.text, near) or (len(piece) >= MIN_LINE_CHARS and _found(w.text, everything)):
                continue
            if _found_or_said(w.text, near, said):
                continue
            lost.append((cl, no in inside))
    if not lost:
        return lost
    keys = {without_whitespace(cl.text) for cl, _ in lost}
    printed_on: dict[str, set[int]] = {}
    for page in pages:
        for w in page.words:
            if (key := without_whitespace(w.text)) in keys:
                printed_on.setdefault(key, set()).add(page.page)
    between: dict[str, set[int | None]] = {}
    for cl, in_row in lost:
        if not in_row:
            between.setdefault(without_whitespace(cl.text), set()).add(cl.page)
    return [(cl, in_row or not _running(cl, printed_on, between)) for cl, in_row in lost]


def _running(cl: CellLine, printed_on: dict[str, set[int]], between: dict[str, set[int | None]]) -> bool:
    """A running header's or footer's piece: printed on another page too, and either left over
    between the rows of two pages alike or of a kind furniture may be
    (``page_edges.could_be_furniture``: no date, timing, section, label …)."""
    key = without_whitespace(cl.text)
    if not printed_on.get(key, set()) - {cl.page}:
        return False
    return len(between.get(key, set())) >= 2 or could_be_furniture(cl.text)


def _rows_near(no: int, spans: list[tuple[int, int] | None]) -> list[int]:
    """``printed_lines.rows_near`` from the rows' line spans, made once: the rows whose lines
    span line ``no``, else the nearest row before it and the nearest after it."""
    inside = [k for k, sp in enumerate(spans) if sp is not None and sp[0] <= no <= sp[1]]
    if inside:
        return inside
    before = max(((sp[1], k) for k, sp in enumerate(spans) if sp is not None and sp[1] < no), default=None)
    after = min(((sp[0], k) for k, sp in enumerate(spans) if sp is not None and sp[0] > no), default=None)
    return [x[1] for x in (before, after) if x is not None]


def _found_or_said(text: str, corpus: str, said: str) -> bool:
    """Whether each space-separated part of a piece is in ``corpus`` or quoted whole in a note
    (``said``): cells an extractor printed one space apart, one of them a column's set aside and
    quoted (``事後 サービス検索・ 住民基本台帳法``: timing, explanation, a 根拠 cell;
    ``grid/remark_column``)."""
    parts = text.split()
    return len(parts) > 1 and all(found_in(p, corpus) or without_whitespace(p) in said for p in parts)


def _found(text: str, corpus: str) -> bool:
    """Whether a piece is in ``corpus``: whole (whitespace removed), or each of its
    space-separated parts (cells an extractor printed one space apart: ``事 ガバメント…``)."""
    if found_in(without_whitespace(text), corpus):
        return True
    parts = text.split()
    return len(parts) > 1 and all(found_in(p, corpus) for p in parts)


def flag_unplaced(
    pages: list[PageWords], rows: list[RawRow], notes: Iterable[str]
) -> tuple[list[str], list[str]]:
    """Flag the rows beside each unplaced piece ``unplaced_text`` (``unplaced_pieces``) and
    return the pieces' texts (empty: every piece accounted for), and apart the texts of page
    furniture the edges did not show: a piece printed between the rows that another page prints
    too (a running header set a few lines down: pdfplumber's ``みなと市``; a header whose first
    copy shares the title's line, ``全項目評価書``)."""
    lost = unplaced_pieces(pages, rows, notes)
    furniture = [cl.text for cl, rows_own in lost if not rows_own]
    said = [cl for cl, rows_own in lost if rows_own]
    flag_lost_lines(said, rows)
    return [cl.text for cl in said], furniture


def furniture_note(texts: list[str]) -> str:
    """The note of the pieces ``flag_unplaced`` read as page furniture (each text once)."""
    shown = " / ".join(dict.fromkeys(" ".join(t.split()) for t in texts))
    return (
        f"{len(texts)} pieces printed between the rows and on other pages too ({shown})"
        " were read as page furniture and left out of the rows"
    )
