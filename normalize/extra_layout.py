"""An extra column's cells in ``-layout``-like text, set apart by their place under its label.

In layout text (``pdftotext -layout``, pdfplumber ``layout=True``, pypdf's layout mode) every
line prints its cells at offsets, as the label row prints the labels.  A column beyond the six
(担当課 between 変更日 and 項目, 区分 between 変更後 and 提出時期: ``extra_columns``) prints its
values under its label, short of the next field's label: a piece (a run of text with no column
gap, two spaces or more, inside it) that opens under the label (within ``LABEL_SLACK`` columns
of its start), ends before the next word of the label row and is of the column's shape (a
number, a section ``…課``, a kind word: ``_values``) is the column's, set aside and quoted in a
note (as ``grid/remark_column`` does for 備考, as a ruled PDF page's reader does,
``grid/place_words``).  A piece reaching into the column's span from outside it, running past
its end into the next field's, or under the label but of no value's shape, cannot be told
apart (a field's overflowing line, or a value glued to one): it is left in and counted in the
note, and then every row of the text keeps its ``column_guess`` (``layout_unsure_columns``);
so does a text where no value was found under the label.

Offsets are counted in characters (pdftotext, pdfplumber) or in display units (a full-width
character two: pypdf's layout mode); each label row decides which by where more pieces fit.
Columns that other readers look for (a numbering or kind column first, a remarks or section
column after 説明: ``extra_columns.owned_elsewhere``) and place / page columns are left to them.
"""

from __future__ import annotations

import statistics
from collections import Counter

import regex

from piatable.vocabulary import GROUP_LABELS, KIND_COLUMN_WORDS, LABELS, extra_column_role, label_count

from .chars import display_width
from .extra_columns import (
    MIN_FIELD_LABELS,
    MIN_KIND_REPEATS,
    SECTION_NUMERALS,
    SHAPES,
    TIMING_WORD,
    extra_columns_of,
    is_extra_label,
    opens_numbered,
    owned_elsewhere,
    where_between,
)
from .kind_column import is_kind_value
from .label_blocks import block_lines, where_in_block

# Columns (characters or display units) a piece may open left of its column's label and still
# be the column's (a label set right of its cell's text), and that the next field's text may
# open left of its label (a piece opening there is the next field's).
LABEL_SLACK = 2
# A line printed this many characters long or more, twice or more, is a page's header or footer.
FURNITURE_MIN_CHARS = 8
# The note's quoted values (the first few).
NOTE_TEXTS = 8
PLACED_NOTE = (
    "an extra column ({label}) {where}: {n} pieces under its label set aside by place, not a"
    " field; {m} crossing its edges left in ({shown})"
)
_PLACED_NOTE = regex.compile(
    r"^an extra column \((?P<label>[^)]+)\) (?P<where>.+?): (?P<n>\d+) pieces under its label set"
    r" aside by place, not a field; (?P<m>\d+) crossing"
)
_PIECE = regex.compile(r"[^ \f]+(?: [^ \f]+)*")

# (label, where, start, end) of an extra column in one measure: its label's start, and the next
# field label's start (None: it is the last column).
_Span = tuple[str, str, int, int | None]


def _pieces(line: str, by_chars: bool) -> list[tuple[int, int, str]]:
    """(start, end, text) of each piece of ``line`` (no column gap inside), in characters or
    display units."""
    out = []
    for m in _PIECE.finditer(line):
        if by_chars:
            out.append((m.start(), m.end(), m.group()))
        else:
            a = display_width(line[: m.start()])
            out.append((a, a + display_width(m.group()), m.group()))
    return out


def _label_spans(line: str, by_chars: bool) -> list[_Span]:
    """The extra columns a label row ``line`` names that no other reader looks for, with their
    spans in one measure: from the label's start to the next word's (a label one space after
    another is a word of its own: ``提出時期 提出時期に係る説明``).  A label with no word after it
    counts only after 説明 (the table's last column)."""
    words = _words(line, by_chars)
    fields = [t in LABELS for _, _, t in words]
    out = []
    for i, (start, _, label) in enumerate(words):
        if fields[i] or not is_extra_label(label):
            continue
        left = next((words[j][2] for j in range(i - 1, -1, -1) if fields[j]), "")
        right = next((words[j][2] for j in range(i + 1, len(words)) if fields[j]), "")
        end = words[i + 1][0] if i + 1 < len(words) else None
        where = where_between(left, right)
        numbered = opens_numbered([w for _, _, w in words])
        if not owned_elsewhere(label, where, numbered) and (end is not None or left == LABELS[5]):
            out.append((label, where, start, end))
    return out


def _words(line: str, by_chars: bool) -> list[tuple[int, int, str]]:
    """(start, end, text) of each word of ``line`` (no space inside), in one measure."""
    out = []
    for m in regex.finditer(r"[^ \u3000\f]+", line):
        a = m.start() if by_chars else display_width(line[: m.start()])
        out.append((a, a + (len(m.group()) if by_chars else display_width(m.group())), m.group()))
    return out


def _fits(piece: tuple[int, int, str], span: _Span, opens: float | None = None) -> str:
    """ "in" when ``piece`` lies under the column ``span``, "across" when it reaches into it from
    outside or past its end, "" when it lies clear of it.  ``opens``: where the column's values
    open on the page (a piece of the field before it ending short of that is clear of it: a
    date wider than its label, ``2025 年 2 月 28 日``, running under the extra label's start)."""
    a, b, _ = piece
    _, _, start, end = span
    lo = start - LABEL_SLACK
    if (end is not None and a >= end - LABEL_SLACK) or b <= lo:  # the next field's, or left of it
        return ""
    if a >= lo and (end is None or b <= end):
        return "in"
    return "" if a < lo and b <= max(start, opens or start) else "across"


def set_aside_by_place(text: str) -> tuple[str, list[str]]:
    """``text`` (layout text) with the pieces under each extra column's label blanked (see the
    module notes), from each label row on, and a note per column (``PLACED_NOTE``; none, text
    unchanged, when no label row names such a column).  A line printed twice or more, of
    ``FURNITURE_MIN_CHARS`` characters or more (a page's header or footer), is left alone."""
    lines = text.split("\n")
    squashed = Counter("".join(ln.split()) for ln in lines)
    found: dict[tuple[str, str], list] = {}  # (label, where) → [values, crossing]
    heads = [(k, spans) for k, line in enumerate(lines) if (spans := _row_spans(lines, k))]
    for n, (_k, (spans, by_chars, last)) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        body = [
            (j, _pieces(lines[j], by_chars))
            for j in range(last + 1, stop)
            if not (squashed[sq := "".join(lines[j].split())] > 1 and len(sq) >= FURNITURE_MIN_CHARS)
        ]
        for span in spans:
            col = found.setdefault(span[:2], [[], 0])
            placed = [(j, p) for j, ps in body for p in ps if _fits(p, span) == "in"]
            values = _values(span[0], [p[2] for _, p in placed])
            inside = [(j, p) for j, p in placed if p[2] in values]
            opens = statistics.median(p[0] for _, p in inside) if inside else None
            col[0] += [p[2] for _, p in inside]
            col[1] += len(placed) - len(inside)  # under the label, but no value of its column
            col[1] += sum(1 for _, ps in body for p in ps if _fits(p, span, opens) == "across")
            for j, p in inside:
                lines[j] = _blanked(lines[j], [p], by_chars)
    if not found:
        return text, []
    notes = []
    for (label, where), (values, crossing) in found.items():
        shown = " ".join(values[:NOTE_TEXTS]) + (" …" if len(values) > NOTE_TEXTS else "")
        notes.append(PLACED_NOTE.format(label=label, where=where, n=len(values), m=crossing, shown=shown))
    return "\n".join(lines), notes


def _values(label: str, texts: list[str]) -> set[str]:
    """The ``texts`` (pieces under the column ``label``) that are values of its column: of its
    role's shape (``extra_columns.SHAPES``: a number, a section ``…課``, a kind word of the
    vocabulary or found ``MIN_KIND_REPEATS`` times); any text for a role of no shape.  A line of
    the next field's cell opening left of its label (Calc centres its labels: ``提供先１``,
    ``うものを除く。）``, ``Ⅲリスク対策`` under 区分) is none; nor is any under a column of the
    item path (大項目 / 中項目・小項目: ``vocabulary.ITEM_PART_COLUMN_LABELS``)."""
    role = extra_column_role(label)
    if role == "item_part":  # 大項目 / 中項目: the item path's own text, never set aside
        return set()
    if role not in SHAPES:
        return set(texts)
    counts = Counter(texts)
    out = set()
    for t in counts:
        if not regex.fullmatch(SHAPES[role], t) or TIMING_WORD.fullmatch(t) or t[0] in SECTION_NUMERALS:
            continue
        if role == "kind" and not (
            is_kind_value(t) and (t in KIND_COLUMN_WORDS or counts[t] >= MIN_KIND_REPEATS)
        ):
            continue
        out.add(t)
    return out


def _row_spans(lines: list[str], k: int) -> tuple[list[_Span], bool, int] | None:
    """The extra columns' spans of line ``k`` when it is a label row naming some (on its line or
    on the other lines of its label block: ``label_blocks``), whether its offsets count
    characters (``_measure``) and the block's last line; None otherwise."""
    if label_count(lines[k]) < MIN_FIELD_LABELS:
        return None
    block = block_lines(lines, k)
    if len(block) > 1:
        chars, units = _block_spans(lines, block, True), _block_spans(lines, block, False)
    else:
        chars, units = _label_spans(lines[k], True), _label_spans(lines[k], False)
    if not chars and not units:
        return None
    by_chars = _measure(lines[block[-1] + 1 :], chars, units)
    return (chars if by_chars else units), by_chars, block[-1]


def _block_spans(lines: list[str], block: list[int], by_chars: bool) -> list[_Span]:
    """``_label_spans`` of a label block over several lines: the words of all its lines (a
    spanning label with labels under it left out) ordered by where they open; an extra label's
    column ends where the next word opening right of it opens."""
    words = [(j, a, t) for j, (a, _, t) in ((j, w) for j in block for w in _words(lines[j], by_chars))]
    if any(t in GROUP_LABELS for _, _, t in words):
        words = [w for w in words if w[2] not in GROUP_LABELS]
    words.sort(key=lambda w: (w[1], w[0]))
    out = []
    for n, (_, start, label) in enumerate(words):
        if label in LABELS or not is_extra_label(label):
            continue
        left, right = where_in_block(words, n)
        end = next((a for _, a, _ in words[n + 1 :] if a > start), None)
        where = where_between(left, right)
        if not owned_elsewhere(label, where, opens_numbered([w for _, _, w in words])) and (
            end is not None or left == LABELS[5]
        ):
            out.append((label, where, start, end))
    return out


def _measure(body: list[str], chars: list[_Span], units: list[_Span]) -> bool:
    """Whether offsets count characters (True) or display units: the measure under which more
    of the next lines' pieces lie under a column (``_fits``), characters when tied."""

    def fitting(spans: list[_Span], by_chars: bool) -> int:
        n = 0
        for line in body[:_MEASURE_LINES]:
            for piece in _pieces(line, by_chars):
                n += sum(1 if _fits(piece, s) == "in" else -1 if _fits(piece, s) else 0 for s in spans)
        return n

    if not units:
        return True
    if not chars:
        return False
    return fitting(chars, True) >= fitting(units, False)


# Lines after a label row looked at to choose the measure.
_MEASURE_LINES = 60


def _blanked(line: str, pieces: list[tuple[int, int, str]], by_chars: bool) -> str:
    """``line`` with ``pieces`` (found by ``_pieces`` in the same measure) overwritten with
    spaces: one a character, or as many as it is wide, so the measure's offsets stay."""
    out, at = [], 0
    for ch in line:
        w = 1 if by_chars else display_width(ch)
        inside = ch != "\f" and any(a <= at < b for a, b, _ in pieces)
        out.append(" " * w if inside else ch)
        at += w
    return "".join(out)


def placed_wheres(notes: list[str]) -> dict[str, str]:
    """Label → where its column stands, of each column ``set_aside_by_place`` noted."""
    return {m.group("label"): m.group("where") for n in notes if (m := _PLACED_NOTE.match(n))}


def layout_unsure_columns(notes: list[str]) -> list[tuple[str, str]]:
    """The extra columns ``notes`` name (``extra_columns.EXTRA_COLUMNS_NOTE``) whose cells
    ``set_aside_by_place`` did not set apart whole: no piece found under the label, or pieces
    crossing its edges left in.  Each row of the text may hold a value of theirs."""
    placed = {
        (m.group("label"), m.group("where")): (int(m.group("n")), int(m.group("m")))
        for n in notes
        if (m := _PLACED_NOTE.match(n))
    }
    return [
        col
        for col in extra_columns_of(notes)
        if not ((got := placed.get(col)) and got[0] > 0 and got[1] == 0)
    ]
