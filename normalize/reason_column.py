"""A column of prose after 説明 that says why the entry changed or under what law (変更理由 / 理由
/ 根拠 / 根拠法令 …: ``vocabulary.REASON_COLUMN_LABELS``), in flattened text read without
positions (pypdfium2, ``pdftotext -raw`` / plain, pdfminer, pypdf, PyMuPDF).

Set XXVI's Writer table with a 変更理由 column (and ※ notes under it) and its portrait Calc table
with a 根拠 column were read right from their PDFs (the words right of the explanation's ruling
set aside and counted in a note), and in every flattened text the extra column's cell was read
into the explanation, at confidence 0.93 with no flag: row-ordered text prints a row's reason
right after its explanation, on lines of its own (``…による修正`` / ``番号法の改正に伴い条項が
ずれたため``) or one space after the explanation's line, and column-ordered text prints the
column's cells after the explanation's.  Unlike a short remark (備考 ``要確認``: ``extra_cells``),
such a cell ends as an explanation does (``…のため``, ``…による``) or reads as one of its lines
(``番号法第19条第8号``), so neither its words nor the line widths tell where the explanation
ends: the label is taken out of the label row (``extra_cells.strip_remark_label`` looks for it
after the explanation's label; ``extra_columns.strip_extra_labels`` where Calc's two-pass text
prints it elsewhere in the label row), the text's note names it, and a row whose explanation
may hold the reason cell's text is flagged ``column_guess`` (``reason_doubts``).

Which rows may (branch calib66, issue 12): until then every row with an explanation was flagged,
also those whose reason cell is empty; on the reason65 samples that flag was the only warning of
right rows (tuning 26 of 101 right rows warned, most by it).  A reason glued into the
explanation shows in the text: a piece one space after the explanation's line, or lines after
the explanation's paragraph ends (a line that closes a reason, or a line short of the cell's widest
one, followed by more).  An explanation that is one wrapped paragraph ending as a reason
(``columnar_checks.ends_as_reason``), with no spaced piece, opening as a sentence does (not with
a particle or a closing mark), followed by nothing but the stock sentences on significance the
explanation column prints under its reason (重要な変更に当たらない: ``EXPLANATION_PHRASES``), has no
place for a reason cell's text: its reason cell is empty, and it is not flagged.

Text of the layout kind sets the column's pieces aside by place (``grid/remark_column``, the 備考
reader, which takes every tail label of ``row_numbers.TAIL_LABELS``).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow
from piatable.vocabulary import EXPLANATION_ENDING, EXPLANATION_PHRASES, REASON_COLUMN_LABELS

from .chars import display_width, without_whitespace
from .columnar_checks import ends_as_reason

REASON_LABELS = frozenset(REASON_COLUMN_LABELS)
# Display units a wrapped line may fall short of the cell's widest line (a full-width character
# that did not fit): as ``item_explanation.EXPLANATION_WRAP_SLACK``.
EXPLANATION_WRAP_SLACK = 2
# A space between two pieces of a line, one of them not ASCII (a cell printed beside another).
_PIECE_SPACE = regex.compile(r"(?<=[^\x00-\x7f])[ \u3000](?=\S)|(?<=\S)[ \u3000](?=[^\x00-\x7f])")
# A line that opens mid-phrase: a particle or a closing mark (another cell's wrapped tail).
_MID_PHRASE = regex.compile(r"^[\p{Hiragana}、。，．）」』】〕ー・]")
REASON_WHY = (
    "the label row names a {label} column after the explanation: flattened text prints its cells"
    " as further lines of the explanation, which its words cannot tell apart; the explanation may"
    " end with it"
)


def is_reason_label(label: str) -> bool:
    """Whether ``label`` (whitespace inside allowed) names a reason or legal-basis column."""
    return without_whitespace(label) in REASON_LABELS


def _closes_reason(line: str) -> bool:
    """Whether a line (not a cell's last) closes a reason: it ends with a reason's noun
    (``EXPLANATION_ENDING``: …修正, …ため) or is a stock sentence on significance; a line ending
    ``…に伴う`` or ``…による`` wraps on (``columnar_checks.ends_as_reason`` takes those too)."""
    bare = line.rstrip("。．")
    return bool(EXPLANATION_ENDING.search(line)) or any(bare.endswith(s) for s in EXPLANATION_PHRASES)


def reason_paragraphs(lines: list[str]) -> list[str]:
    """``lines`` (a cell's stripped lines) joined into paragraphs: a line short of the widest
    (by more than ``EXPLANATION_WRAP_SLACK``) or closing a reason (``_closes_reason``) ends one."""
    widest = max((display_width(t) for t in lines), default=0)
    out: list[str] = [""]
    for k, t in enumerate(lines):
        out[-1] += t
        ends = display_width(t) < widest - EXPLANATION_WRAP_SLACK or _closes_reason(t)
        if ends and k + 1 < len(lines):
            out.append("")
    return out


def one_reason_paragraph(lines: list[str]) -> bool:
    """Whether ``lines`` (an explanation's non-empty lines, stripped) leave no room for a reason
    cell's text (module docstring): no piece set apart by a space, the first line opening as a
    sentence does, one paragraph ending as a reason (``columnar_checks.ends_as_reason``), and
    after it only stock sentences on significance (``EXPLANATION_PHRASES``: 重要な変更に当たらない,
    which the explanation column prints under its reason and a reason column does not)."""
    if not lines or any(_PIECE_SPACE.search(t) for t in lines) or _MID_PHRASE.match(lines[0]):
        return False
    first, *rest = reason_paragraphs(lines)
    stock = frozenset(EXPLANATION_PHRASES)
    return ends_as_reason(first) and all(p.rstrip("。．") in stock for p in rest)


def reason_doubts(row: RawRow, label: str) -> list[Doubt]:
    """The ``column_guess`` doubt of a row whose explanation may hold the reason column's text
    (the label row naming a reason column ``label`` after the explanation); none for a row with
    no explanation, or one whose explanation is one paragraph ending as a reason
    (``one_reason_paragraph``)."""
    lines = [cl.text.strip() for cl in row.cells.get("explanation", []) if cl.text.strip()]
    if not lines or one_reason_paragraph(lines):
        return []
    return [Doubt("column_guess", "explanation", REASON_WHY.format(label=label))]
