"""Columns beyond the six that a text's label row names and no reader sets apart: their labels
taken out, every row warned.

Tables print extra columns anywhere (branch extracols62): 区分 (修正 / 追加 / 誤記) after 説明 or
between 変更後 and 提出時期, 番号 / No. (``1``, ``2-3``) between two fields, 担当課 (総務課) between
変更後 and 提出時期.  The readers set some aside where the text shows them: a numbering or kind
column before 変更日 (``row_numbers``, ``kind_column``), a 備考 / 担当課 column after 説明
(``extra_cells``: its rows warned where the explanation may end with it), a place column between
項目 and 変更前 (``place_column``), and on a ruled PDF page any of them between two field columns
(``grid/place_words``).  The others are read into a neighbouring field in flattened text: set
XXIII's 区分 after 説明 into the explanation of 28 rows (row-ordered text prints ``時点修正 修正``,
or the value on a line of its own, exactly as a second paragraph), with no warning.

``strip_extra_labels`` runs after those readers' own steps.  It looks, within ``LABEL_ROW_SPAN``
characters, for the label row (a line holding three field labels or more) and takes out each
piece of it that is an extra column's label (``vocabulary.EXTRA_COLUMN_ROLES``; place and page
columns aside: their readers take theirs out), or, in column-ordered text that prints each label
on a line of its own, a line that is only such a label within ``LABEL_LINE_WINDOW`` lines of a
line that is only a field label, opening its block (a blank line or a line of labels above it:
``担当部署`` inside an item cell, ``５．評価実施機関における`` / ``担当部署``, heads no column).
The label, left in, would be a cell's text (``区分`` read as a 変更前).  A note
(``EXTRA_COLUMNS_NOTE``) names each column and where it stands; the text cannot tell its cells
from the fields' (a one-word ``修正`` is a reason's last word as well), so nothing else is taken
out and every row is flagged ``column_guess`` (``extra_column_doubts``) on the field the column
stands beside.
"""

from __future__ import annotations

from collections import Counter

import regex

from piatable.models import Doubt, RawRow
from piatable.vocabulary import KIND_COLUMN_WORDS, LABELS, extra_column_role, is_label_piece, label_count

from .chars import display_width
from .dates import DATE_LINE
from .kind_column import KIND_VALUE_MAX_CHARS, is_kind_value, opens_date
from .label_blocks import (
    block_lines,
    block_words,
    field_label_total,
    is_label_line,
    names_group,
    where_in_block,
    wrapped_extra_labels,
)
from .mid_kind_values import cut_hits, mid_kind_hits

# How far into the text the label row is looked for (characters).
LABEL_ROW_SPAN = 40_000
# Column-ordered text: an extra label alone on a line counts within this many lines of a line
# that is a field label alone.
LABEL_LINE_WINDOW = 8
# A label row holds this many field labels at least.
MIN_FIELD_LABELS = 3
# Roles whose own readers take the label out (``place_column``; a page column's label left in the
# text after it and ``row_numbers`` is taken out here: branch extracol67).
OWN_READERS = frozenset({"place"})
# Roles of columns after 説明 that ``extra_cells`` reads (a remark, a section, a reason or legal
# basis: ``reason_column``).
AFTER_EXPLANATION_ROLES = ("remark", "section", "reason")
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
EXTRA_COLUMNS_NOTE = (
    "an extra column ({label}) {where} was read in text that cannot set its cells apart: its label"
    " was taken out and every row is flagged column_guess"
)
_NOTE = regex.compile(
    r"^an extra column \((?P<label>[^)]+)\) (?P<where>.+?) was read in text that cannot set its cells apart"
)
WHY = (
    "the label row names an extra column ({label}) {where}: flattened text does not set its cells"
    " apart, so a value of it may be read into this {field} cell"
)
_SPACE_RUN = regex.compile(r"([ \u3000]+)")


def strip_extra_labels(
    text: str, blank: bool = False, owned: bool = False, wheres: dict[str, str] | None = None
) -> tuple[str, list[str]]:
    """``text`` without the labels of extra columns its label row names (see the module notes),
    and a note per column (none, ``text`` unchanged, when the label row names none).  ``blank``:
    each label is overwritten with spaces instead (layout text, whose columns are offsets).
    ``owned``: the labels other readers look for are kept (a numbering or kind column before
    変更日: ``row_numbers``; a remarks or section column after 説明: ``extra_cells``; and any
    label alone on a line, where they look for wrapped labels).  ``wheres``: label → where its
    column stands as the layout reader measured it (``extra_layout.placed_wheres``), for a label
    block over several lines whose offsets may count characters or display units."""
    lines = text.split("\n")
    found: list[tuple[str, str]] = []
    seen = 0
    for k, line in enumerate(lines):
        if seen > LABEL_ROW_SPAN:
            break
        seen += len(line) + 1
        if (rowed := label_count(line) >= MIN_FIELD_LABELS) or _in_label_block(lines, k):
            block = block_lines(lines, k)
            if len(block) > 1 or names_group(line):  # where each label stands read from all
                cut = _cut_block_labels(lines, block, blank, owned, wheres or {})
                found += [(label, where) for label, where in cut if (label, where) not in found]
                continue
            kept, cut = _without_extra_pieces(line, blank, owned) if rowed else (line, [])
            if cut:
                lines[k] = kept
                found += [(label, where) for label, where in cut if (label, where) not in found]
        elif (label := "".join(line.split())) and is_extra_label(label) and _heads_a_column(lines, k):
            if owned:  # a label alone on a line: the other readers look for theirs there too
                continue
            where = _where_alone(lines, k)
            lines[k] = _blanked(line) if blank else regex.sub(r"[^\f]", "", line)
            if (label, where) not in found:
                found.append((label, where))
    if not found:
        return text, []
    return "\n".join(lines), [EXTRA_COLUMNS_NOTE.format(label=label, where=where) for label, where in found]


def _in_label_block(lines: list[str], k: int) -> bool:
    """Whether line ``k`` is a line of label words (two or more, a field label among them) of a
    label block printing ``MIN_FIELD_LABELS`` field labels or more over its lines (``変更日 項目``
    / ``変更内容`` / ``提出時期 提出時期に係る説明`` / ``変更前の記載 変更後の記載 評価書頁``:
    a two-row label block in row-ordered text)."""
    if not label_count(lines[k]) or not is_label_line(lines[k], 2):
        return False
    return field_label_total(lines, block_lines(lines, k)) >= MIN_FIELD_LABELS


def _cut_block_labels(
    lines: list[str], block: list[int], blank: bool, owned: bool, wheres: dict[str, str]
) -> list[tuple[str, str]]:
    """Take the extra labels out of the ``block`` lines of ``lines`` (a label block over several
    lines: ``label_blocks``), each where it stands among the whole block's field labels; those
    other readers look for kept with ``owned``.  (label, where) of each taken out."""
    words = block_words(lines, block, offsets=blank)
    wrapped = wrapped_extra_labels(words)  # 評価 / 書頁: one label over two lines
    for n, (m, _, label) in wrapped.items():
        words[n] = (words[n][0], words[n][1], label)
        words[m] = (words[m][0], words[m][1], "")
    cut: list[tuple[str, str]] = []
    drop: dict[int, list[str]] = {}
    for n, (j, _, label) in enumerate(words):
        if label in LABELS or not is_extra_label(label):
            continue
        where = wheres.get(label) or where_between(*where_in_block(words, n))
        if owned and owned_elsewhere(label, where, opens_numbered([w for _, _, w in words])):
            continue
        if n in wrapped:
            m, piece, _ = wrapped[n]
            drop.setdefault(j, []).append(piece)
            drop.setdefault(words[m][0], []).append(label[len(piece) :])
        else:
            drop.setdefault(j, []).append(label)
        cut.append((label, where))
    for j, labels in drop.items():
        parts = _SPACE_RUN.split(lines[j])
        if blank:
            lines[j] = "".join(
                _blanked(p) if k % 2 == 0 and p.strip() in labels else p for k, p in enumerate(parts)
            )
        else:
            lead = regex.match(r"^[\f]*", lines[j]).group(0)
            kept = [p.strip() for p in parts[0::2] if p.strip() and p.strip() not in labels]
            lines[j] = lead + " ".join(kept)
    return cut


def is_extra_label(label: str) -> bool:
    """Whether ``label`` (whitespace removed) names an extra column this module takes out (not
    a place or page column: their readers' own)."""
    role = extra_column_role(label)
    return bool(role) and role not in OWN_READERS and label not in LABELS


def _blanked(text: str) -> str:
    """``text`` overwritten with spaces as wide as it prints (form feeds kept)."""
    return "".join(ch if ch == "\f" else " " * display_width(ch) for ch in text)


def owned_elsewhere(label: str, where: str, numbered: bool = True) -> bool:
    """Whether another reader looks for the column ``label`` standing ``where``: a numbering or
    kind column first in the row (``row_numbers``), a remarks or section column after 説明
    (``extra_cells``), a page column last in a row a numbering column opens (``numbered``:
    ``row_numbers``)."""
    role = extra_column_role(label)
    if role == "page":  # last in a numbered row (``numbered``: the label row opens with a
        # numbering label): ``row_numbers`` sets its numbers aside after the row's
        return numbered and where.startswith("after ")
    if role in ("number", "kind"):  # first in the row, whatever the fields' order
        return where.startswith("before ")
    if role == "reason" and where.startswith("after "):
        # Last in the row: the labels on its left wrapped in their narrow cells (``提出時`` /
        # ``期``, ``提出時期に係る説`` / ``明``) name no field, the nearest whole one is its left.
        return True
    if role == "remark" and where == f"after {LABELS[4]}":
        # 備考 after 提出時期: the explanation's label wrapped (``提出時期`` / ``に係る説`` / ``明``)
        # left 提出時期 the nearest whole label on its left; the remark readers look for it last
        # in the row (branch quiet69: office-narrowhead21's -layout rows, an empty 備考, were
        # every one warned by this column's column_guess alone, and right).
        return True
    return role in AFTER_EXPLANATION_ROLES and where == f"after {LABELS[5]}"


def _without_extra_pieces(line: str, blank: bool, owned: bool) -> tuple[str, list[tuple[str, str]]]:
    """``line`` (a label row) without its extra labels (overwritten with spaces: ``blank``; those
    of ``_owned`` columns kept: ``owned``), and (label, where) of each taken out."""
    parts = _SPACE_RUN.split(line)
    pieces = parts[0::2]
    fields = [p.strip() in LABELS for p in pieces]
    cut = []
    for i, p in enumerate(pieces):
        label = p.strip()
        if fields[i] or not label or not is_extra_label(label):
            continue
        left = next((pieces[j].strip() for j in range(i - 1, -1, -1) if fields[j]), "")
        right = next((pieces[j].strip() for j in range(i + 1, len(pieces)) if fields[j]), "")
        where = where_between(left, right)
        if not (owned and owned_elsewhere(label, where, opens_numbered(pieces))):
            cut.append((i, label, where))
    if not cut:
        return line, []
    drop = {2 * i for i, _, _ in cut}
    if blank:
        out = "".join(_blanked(p) if j in drop else p for j, p in enumerate(parts))
        return out, [(label, where) for _, label, where in cut]
    kept = [p for j, p in enumerate(parts[0::2]) if 2 * j not in drop]
    lead = regex.match(r"^[\f]*", line).group(0)
    return lead + " ".join(p.strip() for p in kept if p.strip()), [(label, where) for _, label, where in cut]


def opens_numbered(words: list[str]) -> bool:
    """Whether a label row's ``words`` open with a numbering column's label (``番号 変更日 …``)."""
    first = next((w.strip() for w in words if w.strip()), "")
    return extra_column_role(first) == "number"


def where_between(left: str, right: str) -> str:
    """Where an extra column stands, from the field labels left and right of it ("" for none):
    ``between 変更後の記載 and 提出時期``, ``after 提出時期に係る説明``, ``before 変更日``."""
    if left and right:
        return f"between {left} and {right}"
    if left:
        return f"after {left}"
    return f"before {right}" if right else "beside the fields"


def _field_labels(line: str) -> list[str]:
    """The field labels ``line`` prints: all of a label row's, or the one it is alone."""
    if label_count(line) >= MIN_FIELD_LABELS:
        return [p for p in line.split() if p in LABELS]
    alone = "".join(line.split())
    return [alone] if alone in LABELS else []


def _heads_a_column(lines: list[str], k: int) -> bool:
    """Whether line ``k`` (an extra label alone) stands where a column's label does: within
    ``LABEL_LINE_WINDOW`` lines of a line that is a field label alone (or the label row), and
    opening its block (after a blank line, a form feed or the text's start) or after a line of
    labels only (``変更箇所`` / ``No.``, a wrapped label; the label row).  A heading of the form
    inside a cell's text (``５．評価実施機関における`` / ``担当部署`` / ``①部署``: an item cell,
    row-ordered text) follows a line of that cell and heads no column."""
    lo, hi = max(0, k - LABEL_LINE_WINDOW), min(len(lines), k + LABEL_LINE_WINDOW + 1)
    if not any(_field_labels(lines[j]) for j in range(lo, hi) if j != k):
        return False
    if k == 0 or lines[k].startswith("\f"):
        return True
    above = lines[k - 1].strip(" \u3000\f")
    return not above or is_label_piece(above) or is_extra_label("".join(above.split()))


def _where_alone(lines: list[str], k: int) -> str:
    """Where a label printed on a line of its own stands: after the nearest field label printed
    on the lines before it and before the nearest on the lines after it (column-ordered text
    keeps the columns' order; a label row's label put on a line of its own follows the row)."""
    lo, hi = max(0, k - LABEL_LINE_WINDOW), min(len(lines), k + LABEL_LINE_WINDOW + 1)
    left = next((ls[-1] for j in range(k - 1, lo - 1, -1) if (ls := _field_labels(lines[j]))), "")
    right = next((ls[0] for j in range(k + 1, hi) if (ls := _field_labels(lines[j]))), "")
    return where_between(left, right)


def extra_columns_of(notes: list[str]) -> list[tuple[str, str]]:
    """(label, where) of each extra column a text's notes name (``EXTRA_COLUMNS_NOTE``)."""
    return [(m.group("label"), m.group("where")) for n in notes if (m := _NOTE.match(n))]


def _field_beside(where: str) -> str:
    """The field an extra column standing ``where`` gives its cells to, read as the fields'
    columns: the one on its left (the reader's cut falls after a cell), else the one on its right."""
    names = dict(zip(LABELS, FIELDS, strict=True))
    words = where.split()
    if words[0] in ("between", "after") and len(words) > 1:
        return names.get(words[1], "explanation")
    if words[0] == "before" and len(words) > 1:
        return names.get(words[1], "change_date")
    return "explanation"


def extra_column_doubts(row: RawRow, columns: list[tuple[str, str]]) -> list[Doubt]:
    """The ``column_guess`` doubt of ``row`` for each extra column in ``columns`` (label, where)."""
    out = []
    for label, where in columns:
        field = _field_beside(where)
        out.append(Doubt("column_guess", field, WHY.format(label=label, where=where, field=field)))
    return out


# The shape of one cell of each role's column, on a line of row-ordered text.
_NUMBER_SHAPE = r"[0-9０-９]{1,3}(?:[-－‐][0-9０-９]{1,3}){0,2}"
_SECTION_SHAPE = r"[^\s0-9０-９、。，．,.:：()（）\[\]［］]{1,10}?(?:課|部|室|係|局|センター)"
_KIND_SHAPE = rf"[^\s0-9０-９、。，．,.:：()（）\[\]［］/／]{{1,{KIND_VALUE_MAX_CHARS}}}"
# A page column's cell: the page of the assessment the row amends (``3`` … ``30``: set XXVIII t10).
_PAGE_SHAPE = r"[0-9０-９]{1,3}"
SHAPES = {"number": _NUMBER_SHAPE, "section": _SECTION_SHAPE, "kind": _KIND_SHAPE, "page": _PAGE_SHAPE}
_TIMING = r"事[前後]"
TIMING_WORD = regex.compile(_TIMING)
# Lines before a value's line a date wrapped in a narrow 変更日 column may open on.
DATE_LINES_BACK = 5
# Section numerals of the form: an item's first line opens with one, no extra column's value.
SECTION_NUMERALS = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
# A kind column's word found this many times in its column's places is one of its values.
MIN_KIND_REPEATS = 2
VALUES_NOTE = "an extra column ({label}) {where}: {n} values set aside, not a field ({shown})"
_VALUES_NOTE = regex.compile(
    r"^an extra column \((?P<label>[^)]+)\) (?P<where>.+?): (?P<n>\d+) values set aside"
)


def _value_patterns(role: str, where: str) -> list[regex.Pattern[str]]:
    """The places a value of a ``role`` column standing ``where`` takes on a line of row-ordered
    text (group ``v``): before the row's date (a column before 変更日), after it (between 変更日
    and 項目: group ``pre`` ends the date, printed on its line or wrapped over the lines before:
    ``2023`` / ``年 12`` / ``月`` / ``8`` / ``日 市民課 Ⅵ 評価実施手続``), before the row's 事前 /
    事後 (between 変更後 and 提出時期: ``…市民課長 修正 事後 …``), after it (between 提出時期 and
    説明), or after the explanation (a column after 説明: ``事後 時点修正 修正``, Calc's first pass
    ``事後 修正``, or a line of its own before the next row's date)."""
    v = rf"(?P<v>{SHAPES[role]})"
    if where == f"between {LABELS[0]} and {LABELS[1]}":  # after the date: ``2023 年 12 月 8 日 市民課 Ⅵ …``
        end = r"(?=[ \u3000]+\S)" if role == "kind" else r"(?=[ \u3000]+\S|[ \u3000]*$)"  # ``…日 時点``
        return [
            regex.compile(rf"^(?P<pre>.*?\S)[ \u3000]+(?![{SECTION_NUMERALS}]){v}{end}"),
            regex.compile(
                rf"^(?P<pre>[ \u3000\f]*)(?![{SECTION_NUMERALS}]){v}[ \u3000]*$"
            ),  # a line of its own
        ]
    if where == f"before {LABELS[0]}":
        return [regex.compile(rf"^[ \u3000\f]*{v}[ \u3000]+(?=(?P<rest>\S.*)$)")]
    if where == f"between {LABELS[3]} and {LABELS[4]}":
        return [regex.compile(rf"(?:^|(?<=[ \u3000]))[ \u3000\f]*{v}[ \u3000]+(?={_TIMING}(?:[ \u3000]|$))")]
    if where == f"between {LABELS[4]} and {LABELS[5]}":
        return [regex.compile(rf"(?<={_TIMING}[ \u3000]+){v}(?=[ \u3000]|$)")]
    if where == f"after {LABELS[5]}":
        return [
            regex.compile(rf"(?<=\S)[ \u3000]+{v}[ \u3000]*$"),
            regex.compile(rf"^[ \u3000\f]*{v}[ \u3000]*$"),
        ]
    return []


def strip_extra_values(text: str, notes: list[str], keep_lines: bool = False) -> tuple[str, list[str]]:
    """``text`` (row-ordered) without the cells of the short extra columns (``kind``, ``number``,
    ``section``) that ``notes`` name (``EXTRA_COLUMNS_NOTE``), where a line shows them in their
    column's place (``_value_patterns``), and a note per column counting them
    (``VALUES_NOTE``).  A kind column's values are a closed vocabulary: a word of
    ``vocabulary.KIND_COLUMN_WORDS`` or one found at least ``MIN_KIND_REPEATS`` times in its
    column's places (a reason's last word, ``…時点修正``, is found once); and none is 事前 / 事後.
    A value alone on a line (a column after 説明) counts only right before a line opening with a
    date.  Nothing is taken out for a column when nothing fits.  A kind column between 項目 and
    変更前 is read by the rows' timing words (``mid_kind_values``); a line its value leaves blank
    goes unless ``keep_lines`` (pdfplumber's page breaks count lines)."""
    lines = text.split("\n")
    out_notes = []
    for label, where in extra_columns_of(notes):
        role = extra_column_role(label)
        if role not in SHAPES:
            continue
        if role == "kind" and where == f"between {LABELS[1]} and {LABELS[2]}":
            if found := mid_kind_hits(lines):
                lines = cut_hits(lines, found, keep_lines)
                out_notes.append(_values_note(label, where, [v for *_, v in found]))
            continue
        hits = _value_hits(lines, _value_patterns(role, where), role)
        if role == "kind":
            counts = Counter(v for *_, v in hits)
            hits = [h for h in hits if h[3] in KIND_COLUMN_WORDS or counts[h[3]] >= MIN_KIND_REPEATS]
        if not hits:
            continue
        for k, a, b, _ in sorted(hits, reverse=True):
            lines[k] = lines[k][:a] + lines[k][b:]
        out_notes.append(_values_note(label, where, [v for *_, v in hits]))
    return "\n".join(lines), out_notes


def _values_note(label: str, where: str, values: list[str]) -> str:
    shown = "、".join(f"{v} ×{n}" for v, n in Counter(values).most_common(8))
    return VALUES_NOTE.format(label=label, where=where, n=len(values), shown=shown)


def _value_hits(
    lines: list[str], patterns: list[regex.Pattern[str]], role: str
) -> list[tuple[int, int, int, str]]:
    """(line, start, end, value) of each line's value of a ``role`` column (its first pattern
    that fits)."""
    hits = []
    for k, line in enumerate(lines):
        for n, pattern in enumerate(patterns):
            m = pattern.search(line)
            if m is not None and m.groupdict().get("pre") is not None:
                m = next(
                    (h for h in pattern.finditer(line, overlapped=True) if _ends_date(lines, k, h, role)),
                    None,
                )
                if m is not None:
                    hits.append((k, m.end("pre"), m.end(), m.group("v")))
                    break
            if m is None or TIMING_WORD.fullmatch(m.group("v")):
                continue
            if role == "kind" and not is_kind_value(m.group("v")):
                continue
            if m.groupdict().get("rest") is not None and not opens_date(m.group("rest")):
                continue
            if n == 1 and not (k + 1 < len(lines) and opens_date(lines[k + 1].lstrip(" \u3000\f"))):
                continue
            hits.append((k, m.start(), m.end(), m.group("v")))
            break
    return hits


def _ends_date(lines: list[str], k: int, m: regex.Match[str], role: str) -> bool:
    """Whether the text before ``m``'s value on line ``k`` (group ``pre``), after up to
    ``DATE_LINES_BACK`` lines before it, is a date alone (spaces left out: a date wrapped in a
    narrow column), and the value is one a ``role`` column's cell may hold."""
    if TIMING_WORD.fullmatch(m.group("v")) or (role == "kind" and not is_kind_value(m.group("v"))):
        return False
    text = "".join(m.group("pre").split())
    for j in range(k, max(-1, k - DATE_LINES_BACK - 1), -1):
        if j < k:
            text = "".join(lines[j].split()) + text
        if DATE_LINE.match(text):
            return True
    return False


def values_set_aside(notes: list[str]) -> dict[str, int]:
    """Label → how many of its column's values ``strip_extra_values`` set aside (its notes)."""
    return {m.group("label"): int(m.group("n")) for n in notes if (m := _VALUES_NOTE.match(n))}


def unsure_columns(notes: list[str], rows: int, remarks: bool = False) -> list[tuple[str, str]]:
    """The extra columns ``notes`` name whose values were not set aside one a row: each of the
    ``rows`` rows read may hold a value of theirs.  With ``remarks`` (a remarks column after 説明
    was read: ``extra_cells.remark_doubts`` warns the rows whose explanation may end with its
    cell) a remarks or section column after 説明 is left to that check."""
    counted = values_set_aside(notes)
    return [
        (label, where)
        for label, where in extra_columns_of(notes)
        if counted.get(label) != rows and not (remarks and _after_explanation(label, where))
    ]


def _after_explanation(label: str, where: str) -> bool:
    return extra_column_role(label) in AFTER_EXPLANATION_ROLES and where == f"after {LABELS[5]}"
