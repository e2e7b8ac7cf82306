"""Columns beyond the six in flattened text read without positions (pypdfium2, ``pdftotext -raw``,
pypdf, PyMuPDF, pdfminer): a remarks column (備考) right of 提出時期に係る説明, its label taken
out of the label row and the rows whose explanation may hold its cell warned; and a numbering
column (No. / 番号 / 連番) left of 変更日, the rows whose cell opens with a number it left warned.

Some municipalities print a 7th column 備考 (remarks: ``庁内決裁済``, ``要確認``).  Text read in
row order gives each row's remark right after its explanation: on the explanation's last line,
one space after it (``時点修正 軽微な変更``: the two cells share the printed line), or on lines of
its own after the explanation's (``…となったことによる修正`` / ``条例改正対応``), where it reads
exactly as a second paragraph of the explanation does (``重大な変更に該当しない``).  The text
does not tell the two apart, so nothing is taken out; the row is warned ``column_guess``
(``remark_doubts``) where its explanation ends with a piece set apart by a space, or with a line
opening a paragraph (the line before it shorter than the explanation's widest, or than the last
line), when the label
row names a remarks column (``strip_remark_label``: the label, a field of no row, is taken out so
that the label row reads as one; the note ``REMARKS_TEXT_NOTE`` says the column was seen).
Text of the layout kind is read apart by position instead (``grid/remark_column.py``).

Calc's two-pass text prints a one-line remark after the timing on the row's first-pass line,
where a one-line explanation prints too (``事後 庁内決裁済``, the explanation's lines in the second
pass, or ``事後 記載内容の時点修正``, the remark empty).  ``pass_one_remarks`` sets such a remark
aside where a line shows it after a first piece after the timing, and the same value alone
there (branch calcorder70); a value never seen so is not warned (a known fault).  A
check on that shape (the explanation one line on the timing's line, before the item's lines) was
tried: it warned 14 more wrong rows and 23 more right ones over the bikou55, numcol19 and shift20
sets (a 備考 column left empty is common), so it was dropped.

A numbering column's numbers are set aside before reconstruction (``row_numbers``) while they
run 1, 2, 3 … in the text's order; a number off that run is left in place (it may be a cell's
text), and lands at the head of a cell (``10 番号法第１９条…``, where the row's date line went
elsewhere and the run broke).  When the text's notes say a numbering column was read
(``NUMBERING_NOTE``), a text cell opening with a number of up to three digits and a space before
non-ASCII text is warned ``column_guess`` (``number_doubts``): the form's cells number their
paragraphs without a space (``１．``, ``(1)``), a number spaced from its text is the column's.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow
from piatable.vocabulary import (
    EXPLANATION_PHRASES,
    REASON_COLUMN_LABELS,
    REMARK_COLUMN_LABELS,
    SECTION_COLUMN_LABELS,
)

from .chars import display_width
from .columnar_checks import ends_as_reason
from .reason_column import is_reason_label, reason_doubts

# Labels of a remarks column (the tail labels that head text, not page numbers: row_numbers).
# (or a section in charge: 担当課, set XXI t03; the tail labels of ``row_numbers`` that are no page;
# or a reason / legal basis: 変更理由, 根拠, ``reason_column``), the longest first.
REMARK_LABELS = tuple(
    sorted((*REMARK_COLUMN_LABELS, *SECTION_COLUMN_LABELS, *REASON_COLUMN_LABELS), key=len, reverse=True)
)
# How far into the text the label row is looked for (characters).
LABEL_ROW_SPAN = 40_000
# The characters a sentence closes with: an explanation's last line ending so ends the cell.
SENTENCE_ENDS = ("。", "．")
REMARKS_TEXT_NOTE = (
    "an extra column ({label}) was read after the fields: rows whose explanation may end with its"
    " cell are flagged column_guess"
)
_NOTE_LABEL = regex.compile(
    r"^an extra column \((?P<label>[^)]+)\) was read after the fields: rows whose explanation"
)
# The label at the end of the label row, after the explanation's (``… 提出時期に係る説明 備考``).
# PyMuPDF prints the labels one a line: the remark's on the line after the explanation's, and
# either label wrapped in its narrow header cell (``提出時期に係る説`` / ``明`` / ``備考``, Chromium).
_LABEL_AT_END = regex.compile(
    r"(?<=説[ \u3000]*(?:\n[ \u3000]*)?明[ \u3000]*(?:\n[ \u3000]*)*)("
    + "|".join(r"[ \u3000]*(?:\n[ \u3000]*)?".join(label) for label in REMARK_LABELS)
    + r")[ \u3000]*$",
    regex.M,
)
# A space between two pieces of one printed line (at least one side not ASCII).
_PIECE_SPACE = regex.compile(r"(?<=[^\x00-\x7f])[ ](?=\S)|(?<=\S)[ ](?=[^\x00-\x7f])")
# Display units the line before a paragraph's opening falls short of the explanation's widest
# line, at least (a wrapped line is as wide as the widest, kinsoku aside).
SHORT_LINE_UNITS = 3
# An explanation of one line this narrow (display units) that ends no reason may be the remark
# alone, the explanation read into the after cell (``-raw`` of Calc: ``…ことによ`` / ``る修正`` in
# 変更後, ``要確認`` as the explanation; office-thead56).
REMARK_ONLY_MAX_UNITS = 16
ALONE_WHY = (
    "the explanation ({piece!r}) is one short line ending no reason: it may be the {label}"
    " column's cell, the explanation read into the cell before it"
)
INNER_WHY = (
    "an explanation line holds a piece set apart by a space ({piece!r}): the {label} column's"
    " cell, placed with the explanation's line it was printed beside, may be inside it"
)
SPACED_WHY = (
    "the explanation's last line ends with a piece set apart by a space ({piece!r}): the {label}"
    " column's cell, printed beside it, may be read into the explanation"
)
# A line that is one note in round brackets, whole (``（重要な変更）``): the explanation's own
# qualifier, never read as a remark (set XXIV: 13 right rows of pdfminer, PyMuPDF, pypdfium2
# and -raw text were warned for it; the remarks of the samples' 備考 columns are bare phrases).
_BRACKETED_NOTE = regex.compile(r"^[（(][^（）()]+[）)]$")
PARAGRAPH_WHY = (
    "the explanation's last paragraph ({piece!r}) may be the {label} column's cell (the label row"
    " names one after the explanation; row-ordered text prints it there)"
)


def strip_remark_label(text: str) -> tuple[str, str]:
    """``text`` without the remarks label of its label rows (at a label row's end after the
    explanation's label, or alone on a line when the first such label stands within
    ``LABEL_ROW_SPAN``), and the label ("" when none: ``text`` unchanged)."""
    m = _LABEL_AT_END.search(text, 0, LABEL_ROW_SPAN)
    if m is None:
        return text, ""
    label = "".join(m.group(1).split())
    text = _LABEL_AT_END.sub("", text)
    return text, label


def remark_label_of(notes: list[str]) -> str:
    """The remarks label a text's notes name (``REMARKS_TEXT_NOTE``), or ""."""
    for n in notes:
        if m := _NOTE_LABEL.match(n):
            return m.group("label")
    return ""


def placed_remark_doubts(row: RawRow, label: str) -> list[Doubt]:
    """``remark_doubts``, and for text whose lines were cut into columns by guess (pdfplumber's,
    ``plumber_to_layout``) the ``column_guess`` doubt of an explanation any of whose lines holds
    a piece set apart by a space: the remark was printed beside one of the explanation's lines,
    not only its last, and is placed with it."""
    out = remark_doubts(row, label)
    if out:
        return out
    for cl in row.cells.get("explanation", []):
        text = cl.text.strip()
        pieces = _PIECE_SPACE.split(text)
        if len(pieces) > 1 and not text.isascii():
            return [Doubt("column_guess", "explanation", INNER_WHY.format(piece=pieces[1][:12], label=label))]
    return []


# The note row_numbers gives when it set a numbering column's numbers aside.
NUMBERING_NOTE = regex.compile(r"^a numbering column \(")
# A cell opening with a number spaced from its non-ASCII text.
_NUMBER_HEAD = regex.compile(r"^[0-9０-９]{1,3}[ \u3000]+(?=[^\x00-\x7f])")
NUMBER_FIELDS = ("item", "before", "after", "explanation")
NUMBER_WHY = (
    "the {field} cell opens with a number set apart by a space ({head!r}): a row number of the"
    " numbering column (read, its run broken here) may be read into it"
)


def numbered(notes: list[str]) -> bool:
    """Whether the text's notes say a numbering column was read (``NUMBERING_NOTE``)."""
    return any(NUMBERING_NOTE.match(n) for n in notes)


def number_doubts(row: RawRow) -> list[Doubt]:
    """The ``column_guess`` doubts of a row's text cells that open with a spaced number."""
    out = []
    for name in NUMBER_FIELDS:
        first = next((cl.text.strip() for cl in row.cells.get(name, []) if cl.text.strip()), "")
        if m := _NUMBER_HEAD.match(first):
            out.append(Doubt("column_guess", name, NUMBER_WHY.format(field=name, head=first[: m.end() + 6])))
    return out


def _after_closed_reason(lines: list[str]) -> str:
    """The first line after the last of ``lines`` (an explanation's, but its last) that ends as
    a reason (``ends_as_reason``) or is a bracketed note (``_BRACKETED_NOTE``), when neither a
    line after it nor those lines joined (one wrapped paragraph) end as a reason; ``""`` when
    there is none or they do."""
    closed = [k for k, t in enumerate(lines[:-1]) if ends_as_reason(t) or _BRACKETED_NOTE.match(t)]
    if not closed:
        return ""
    tail = lines[closed[-1] + 1 :]
    # The tail read as one wrapped paragraph too: a verdict wrapped in the column
    # (``重要な変更に当たらな`` / ``い``) ends as a reason only whole.
    if any(ends_as_reason(t) for t in tail) or ends_as_reason("".join(tail)):
        return ""
    return tail[0]


def remark_doubts(row: RawRow, label: str) -> list[Doubt]:
    """The ``column_guess`` doubt of a row whose explanation may end with the remarks cell (the
    module docstring's cases), or none; a reason column's (``reason_column``): every row's."""
    if is_reason_label(label):
        return reason_doubts(row, label)
    lines = [cl.text.strip() for cl in row.cells.get("explanation", []) if cl.text.strip()]
    if not lines:
        return []
    pieces = _PIECE_SPACE.split(lines[-1])
    if len(pieces) > 1 and not lines[-1].isascii():
        why = SPACED_WHY.format(piece=pieces[-1], label=label)
        return [Doubt("column_guess", "explanation", why)]
    if len(lines) == 1 and display_width(lines[0]) <= REMARK_ONLY_MAX_UNITS and not ends_as_reason(lines[0]):
        return [Doubt("column_guess", "explanation", ALONE_WHY.format(piece=lines[0], label=label))]
    if len(lines) > 1 and _BRACKETED_NOTE.match(lines[-1]):
        # A note in brackets closing the explanation (``（重要な変更）``, ``（通知カードの廃止）``)
        # qualifies its reason: the forms print one under it; a remark is a bare phrase.
        return []
    if tail := _after_closed_reason(lines):
        # A reason closed on an earlier line (…による修正 / 要確認), its bracketed note aside:
        # the lines after it open a paragraph of their own that ends no reason, as a remark
        # does, wrapped in its narrow column or not (``誤記修正`` / ``○○市個人情`` / ``報保護審議会``
        # / ``報告済``, set XXIV t02; set XVII-like Chromium tables, pypdfium2 / pypdf / PyMuPDF;
        # the line widths alone did not tell).
        why = PARAGRAPH_WHY.format(piece=tail[:20], label=label)
        return [Doubt("column_guess", "explanation", why)]
    if (
        len(lines) > 1
        and not ends_as_reason(lines[-1])
        and not ends_as_reason("".join(lines))
        and not lines[-1].endswith(SENTENCE_ENDS)
    ):
        # A wrapped remark (``庁内の…報告済み（令和5年度`` / ``第2回）``) after the reason, or in
        # place of it: the cell ends no reason, however its lines wrap (branch extracols62), nor
        # closes a sentence (``…重要な変更に当たるため事前に評価を実施した。``: set XXIV t02's
        # explanation, a remark is a short note: branch extracols63).
        why = PARAGRAPH_WHY.format(piece=lines[-1][:20], label=label)
        return [Doubt("column_guess", "explanation", why)]
    if len(lines) > 1 and not "".join(lines).endswith(EXPLANATION_PHRASES):
        # The line before a wrap is as wide as the widest; one narrower than the widest, or than
        # the last line itself, ended its paragraph (a stock verdict, 重大な変更に該当しない, is the
        # explanation's own last paragraph, never a remark: branch calcorder70).
        widest = max(display_width(t) for t in lines)
        before = display_width(lines[-2])
        if before <= widest - SHORT_LINE_UNITS or before < display_width(lines[-1]):
            why = PARAGRAPH_WHY.format(piece=lines[-1][:20], label=label)
            return [Doubt("column_guess", "explanation", why)]
    return []
