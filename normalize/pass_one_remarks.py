"""A remarks column's one-line cells in Calc's first pass, set aside (branch calcorder70).

LibreOffice Calc draws a page in two passes (``twophase``): first every cell that fits on one
line, row by row and, in a row, column by column; then the wrapped cells.  A 備考 column right of
提出時期に係る説明 (the label row names it: ``extra_cells.strip_remark_label``) prints its short
cells in the first pass, last on the row's printed line, after the timing and the one-line
explanation::

    R8.4.18 事後 ガバメントクラウド移行に伴う追加 第３版で反映   ← date, timing, explanation, remark
    R8.4.18 事後 第３版で反映                                 ← the explanation wrapped (pass 2)
    Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策      ← pass 2: the wrapped cells

Left in, the remark was read as a cell of the fields (an explanation, or, the one-line cells
aligned to the rows by count, a before cell two rows down: set XXXI t07, 26 rows for 14).

In the first pass each piece is a whole cell, so a remark shows where it stands: a piece after a
first piece after the row's timing (two one-line cells right of 提出時期).  Such a value, unless
it is the form's verdict (``重要な変更にあたらない``) or 同上, is the remark column's, and so is the
same value alone after a timing elsewhere in a first pass (the row's explanation wrapped into
pass 2).  PyMuPDF prints each piece on a line of its own: there the pieces after a timing run to
the next line opening with a date (the next row's own), and no further when another timing
comes first.  A value that never shows the remark's place is left alone (``remark_doubts``
warns such rows as before).  Text printed row by row (Chromium, Writer: ``事後 時点修正 軽微な
変更``, the explanation's first line and the remark's on the timing's printed line) shows the
same place and is read alike; a remark wrapped over lines there loses only its first line to the
note (the rest stays where it was read, warned or not, as before).  The values set aside are
quoted in a note, as the PDF and ``-layout`` readers quote theirs (``grid/remark_column``).
"""

from __future__ import annotations

from collections import Counter
from typing import Protocol

import regex

from piatable.models import Doubt, RawRow
from piatable.settings import Settings
from piatable.vocabulary import EXPLANATION_ENDING, EXPLANATION_PHRASES, ITEM_OPENING

from .dates import DATE_AT_START, DATE_HEAD
from .extra_cells import remark_doubts
from .singlepass import explanation_cut_confidence, put_cells, split_row_scored
from .table_parting import opens_labels
from .tokenizer import Tokenizer, default_tokenizer

NOTE = (
    "an extra column ({label}) right of the fields was read: {n} pieces set aside from the printed"
    " lines of the rows' timings, not a field ({texts})"
)
# Cells that are the explanation's own even after another piece (a stock verdict, a ditto mark).
_EXPLANATION_ONLY = frozenset({*EXPLANATION_PHRASES, "同上", "〃"})
_TIMING_PIECE = regex.compile(r"^事[前後]$")
_SPACE = regex.compile(r"[ \u3000]+")


Piece = tuple[int, int, int, str]  # (line index, start, end, text)


class Stream(Protocol):
    """What ``resplit_pass_one_remarks`` needs of the stream reader's result."""

    rows: list[RawRow]
    region: list[str]


def set_pass_one_remarks_apart(text: str, label: str) -> tuple[str, list[str]]:
    """``text`` (flattened, row-ordered: pypdfium2, ``pdftotext -raw``, pypdf, pdf.js, PyMuPDF)
    without the remark column's cells printed in Calc's first pass (module docstring), and the
    note quoting them (none, ``text`` unchanged, when none is found).  ``label``: the remarks
    column's label the label row named (``extra_cells.strip_remark_label``)."""
    if not label:
        return text, []
    lines = text.split("\n")
    stretches = _stretches_after_timings(lines)
    placed = {st[-1][3] for st in stretches if len(st) >= 2 and st[-1][3] not in _EXPLANATION_ONLY}
    cut = [st[-1] for st in stretches if st[-1][3] in placed]
    if not cut:
        return text, []
    values = Counter(t for _, _, _, t in cut)
    for k, start, end, _ in sorted(cut, key=lambda c: (c[0], -c[1])):
        line = lines[k]
        lines[k] = (line[:start].rstrip(" \u3000") + line[end:]).rstrip(" \u3000")
    texts = "、".join(f"「{value}」×{n}" if n > 1 else f"「{value}」" for value, n in values.items())
    return "\n".join(lines), [NOTE.format(label=label, n=len(cut), texts=texts)]


def _pieces(k: int, line: str) -> list[Piece]:
    """The space-separated pieces of line ``k``."""
    return [(k, m.start(), m.end(), m.group()) for m in regex.finditer(r"[^ \u3000\f]+", line)]


def _opens_wrapped_row(text: str) -> bool:
    """A wrapped row's first line: an item's section (Ⅰ…Ⅵ, 表紙) or a date's head cut by its wrap."""
    return bool(ITEM_OPENING.match(text)) or bool(DATE_HEAD.match(text) and not DATE_AT_START.match(text))


def _stretches_after_timings(lines: list[str]) -> list[list[Piece]]:
    """For each timing of a first pass (after a label row or a page break, before the page's
    first wrapped row), the pieces after it that are its row's: the rest of its printed line,
    or, when the timing ends its line (PyMuPDF), the lines after it up to the next line opening
    with a date (none when a timing, a label row or a wrapped row's opening comes first)."""
    out: list[list[Piece]] = []
    inside = False
    for k, raw in enumerate(lines):
        inside = inside or "\f" in raw
        text = raw.replace("\f", "").strip()
        if not text:
            continue
        if opens_labels(text):
            inside = True
            continue
        if _opens_wrapped_row(text):
            inside = False
        if not inside:
            continue
        pieces = _pieces(k, raw)
        timed = [n for n, p in enumerate(pieces) if _TIMING_PIECE.match(p[3])]
        if not timed:
            continue
        rest = pieces[timed[-1] + 1 :]
        if not rest:
            rest = _lines_below(lines, k)
        if rest:
            out.append(rest)
    return out


def _lines_below(lines: list[str], k: int) -> list[Piece]:
    """The lines after a timing that ends line ``k``, one piece each, up to the next line opening
    with a date; [] when the page, a timing, a label row or a wrapped row comes first."""
    below: list[Piece] = []
    for m in range(k + 1, len(lines)):
        nxt = lines[m].strip()
        if "\f" in lines[m] or not nxt:
            return []
        if DATE_AT_START.match(nxt):
            return below
        pieces = _pieces(m, lines[m])
        if len(pieces) != 1 or _TIMING_PIECE.match(nxt) or opens_labels(nxt) or _opens_wrapped_row(nxt):
            return []
        below.extend(pieces)
    return []


WHY = (
    "the explanation 「{piece}」 was printed in Calc's first pass while the {field} cell ends as a reason"
    " ends (「{tail}」): the one-line cell may be the {label} column's, the explanation wrapped into the"
    " {field} cell"
)
# Closing marks of a before / after cell that end as a reason does and are no explanation.
_BODY_MARKS = ("上記を新規追加", "上記を削除", "新規追加", "削除", "追加")


def pass_one_remark_doubts(row: RawRow, label: str) -> list[Doubt]:
    """The ``column_guess`` doubt of a row of Calc's two-pass text, where the label row names a
    remarks column (``label``), whose explanation is one line printed in pass 1 (before the
    row's item) while its after cell (its before cell when the after is empty) ends as a reason
    ends (``vocabulary.EXPLANATION_ENDING``; not 上記を新規追加 / 削除): a remark alone after the
    timing read as the explanation, the explanation's wrapped lines read into the body
    (``事後 次回公表時に反映`` / … / ``のお知らせ機能の利用に`` / ``伴う修正``).  [] otherwise."""
    expl, item = row.cells.get("explanation", []), row.cells.get("item", [])
    if (
        not label
        or len(expl) != 1
        or not item
        or (expl[0].page, expl[0].line_no) >= (item[0].page, item[0].line_no)
    ):
        return []
    field = "after" if row.cells.get("after") else "before"
    body = [cl.text.strip() for cl in row.cells.get(field, []) if cl.text.strip()]
    if not body or body[-1] in _BODY_MARKS or not EXPLANATION_ENDING.search("".join(body)[-12:]):
        return []
    why = WHY.format(piece=expl[0].text.strip(), field=field, tail="".join(body)[-12:], label=label)
    return [Doubt("column_guess", "explanation", why)]


def remark_row_doubts(row: RawRow, label: str) -> list[Doubt]:
    """``extra_cells.remark_doubts`` of a row of text whose label row names a remarks column
    ``label``, else ``pass_one_remark_doubts``."""
    return remark_doubts(row, label) or pass_one_remark_doubts(row, label)


RESPLIT_NOTE = (
    "an extra column ({label}) right of the fields was read: {n} one-line cells printed after the"
    " timing in Calc's first pass were taken for its cells, the rows' wrapped lines reading better"
    " with the explanation among them, and set aside, not a field ({texts})"
)


def resplit_pass_one_remarks(
    stream: Stream, label: str, settings: Settings, tok: Tokenizer | None = None
) -> list[str]:
    """Where the label row names a remarks column (``label``): each row of Calc's two-pass text
    whose explanation is the one-line cell printed after its timing in pass 1 (before its item)
    and whose before / after cells are all pass 2's, split again (``singlepass.split_row_scored``)
    with an explanation among its wrapped lines; when that reads better by
    ``stream.pass_one_remark_margin`` cost units and its explanation ends as a reason ends, the
    one-line cell is the remark (``事後 次回公表時に反映`` beside an explanation wrapped into
    pass 2) and is set aside, the row taking the new split (changed in place).  The note quoting
    the cells set aside (none when none was); each is taken out of ``stream.region`` too, as a
    value set aside before the rows were read is (the region's text is what the rows must hold).
    ``stream``: the stream reader's result (its ``rows`` and ``region``, the region's lines)."""
    if not label:
        return []
    tok = tok or default_tokenizer()
    moved: list[str] = []
    for row in stream.rows:
        expl, item = row.cells.get("explanation", []), row.cells.get("item", [])
        if len(expl) != 1 or not item or not row.widths:
            continue
        first = (item[0].page, item[0].line_no)
        body = row.cells.get("before", []) + row.cells.get("after", [])
        if (expl[0].page, expl[0].line_no) >= first or any((cl.page, cl.line_no) < first for cl in body):
            continue
        args = (
            item + body,
            row.widths["item"],
            row.widths["before"],
            settings,
            tok,
            row.widths["explanation"],
        )
        fixed = split_row_scored(*args, strict=True, no_explanation=True)
        cells, confidence, margin, cost = split_row_scored(*args, strict=True)
        said = "".join("".join(cl.text.split()) for cl in cells[3])
        if not cells[3] or cost > fixed[3] - settings.stream.pass_one_remark_margin:
            continue
        if not (EXPLANATION_ENDING.search(said) or said.endswith(EXPLANATION_PHRASES)):
            continue
        moved.append(expl[0].text.strip())
        before = row.confidence
        put_cells(row, cells, min(confidence, explanation_cut_confidence(margin)), margin)
        row.confidence = min(row.confidence, before)
    if not moved:
        return []
    for piece in moved:
        at = next((k for k, t in enumerate(stream.region) if t.rstrip().endswith(piece)), None)
        if at is not None:
            stream.region[at] = stream.region[at].rstrip()[: -len(piece)].rstrip()
    texts = "、".join(f"「{v}」×{n}" if n > 1 else f"「{v}」" for v, n in Counter(moved).items())
    return [RESPLIT_NOTE.format(label=label, n=len(moved), texts=texts)]
