"""A kind column (区分 / 種別 …) before 変更日 in flattened text: its values set aside.

Some municipalities print, before 変更日 (after a numbering column, or alone), a short column
naming the kind of each change: ``修正`` / ``追加`` / ``削除`` / ``新規`` (set XX t02, Calc:
``番号 | 区分 | 変更日 | 項目 | …``).  Row-ordered text (pypdf, pdfplumber, pypdfium2, ``-raw``)
prints a row's one-line cells first, so each row opens ``1 修正 2025/3/14 Ⅰ基本情報 …``: once
``row_numbers`` has taken the number out, the kind value still hides the date the row opens with,
and the row is not read (0 rows of 12 in set XX's pdfplumber and pypdf texts).

``strip_kind_column`` looks for a label row that opens with a kind label and goes on with the
form's labels (``区分 変更日 項目 …``, the numbering label already taken out), takes the kind
label out of every such row (a page's header repeats it), and takes out each short value that
opens a line right before a date.  A value that opens no date line (column-ordered text prints the
column's values on lines of their own, where ``新規`` / ``削除`` may as well be 変更前 / 変更後
cells) is left in place.  The values must look like a kind column's: a few words repeated
(``MAX_DISTINCT_SHARE``), not a cell's wrapped line; otherwise nothing is taken out.  A note says
how many values were set aside and which; none is a field (the PDF reader leaves them out too,
counted with the words it could not place).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from piatable.vocabulary import KIND_COLUMN_LABELS

from .chars import without_whitespace
from .dates import DATE_AT_START, DATE_HEAD

# Labels of a kind column (``vocabulary.KIND_COLUMN_LABELS``), longest first when matched.
KIND_LABELS = KIND_COLUMN_LABELS
_KIND_LABELS_LONGEST_FIRST = tuple(sorted(KIND_LABELS, key=len, reverse=True))
# A kind value: a short word (修正, 追加, 削除, 新規, 記載修正, 一部変更), no digit, no punctuation
# a sentence ends with.  Characters, at most.
KIND_VALUE_MAX_CHARS = 6
# The values of a kind column repeat: distinct values at most this share of the values (or
# ``MIN_DISTINCT_ALLOWED``, for a short table whose rows are each of another kind).
MAX_DISTINCT_SHARE = 0.5
MIN_DISTINCT_ALLOWED = 3
# The field labels a kind label is followed by in a label row (the form's order and others).
_FIELD_LABEL_OPEN = regex.compile(r"^(?:変更日|項目|提出時期|変更前の記|変更後の記|変更$)")
_VALUE = regex.compile(
    rf"^(?P<pad>[ \u3000\f]*)(?P<v>[^\s0-9０-９、。，．,.:：()（）\[\]［］]{{1,{KIND_VALUE_MAX_CHARS}}})"
    r"[ \u3000]+(?P<rest>\S.*)$"
)
_WORD = regex.compile(rf"^[^\s0-9０-９、。，．,.:：()（）\[\]［］/／]{{1,{KIND_VALUE_MAX_CHARS}}}$")
_TIMING_FIRST = regex.compile(r"^事[前後](?:[ \u3000]|$)")
_DATE_PIECE = regex.compile(r"^(?:令和|平成|昭和|R|H)|[年月日]$")
# A kind label anywhere (a quick look before the lines are split).
_QUICK = regex.compile("|".join(r"[ \u3000]*".join(map(regex.escape, x)) for x in _KIND_LABELS_LONGEST_FIRST))
# How far into the text the label row is looked for (characters).
LABEL_ROW_SPAN = 40_000


@dataclass
class KindColumn:
    """What ``strip_kind_column`` found and did: the text, the kind label and the values set
    aside (in the text's order), and the notes."""

    text: str
    label: str = ""
    values: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def after_kind_label(labels: str) -> str:
    """``labels`` (a label row's text, whitespace removed) without a kind label that opens it
    and is followed by a field label; ``labels`` itself otherwise."""
    for label in _KIND_LABELS_LONGEST_FIRST:
        if labels.startswith(label) and _FIELD_LABEL_OPEN.match(labels[len(label) :]):
            return labels[len(label) :]
    return labels


def kind_label_of(line: str) -> str:
    """The kind label opening the label row ``line`` (``区分 変更日 項目 …``), or ""."""
    t = without_whitespace(line)
    rest = after_kind_label(t)
    return t[: len(t) - len(rest)]


def is_kind_value(text: str) -> bool:
    """Whether ``text`` (one word) may be a kind column's value: short, no digit, no sentence
    punctuation, no era name or date piece (a date wrapped in a narrow column: ``令和`` / ``2年``)."""
    return bool(_WORD.match(text)) and not _DATE_PIECE.search(text)


def opens_date(rest: str) -> bool:
    """Whether ``rest`` (a line's text after a value) opens with a date or a date's head."""
    return bool(DATE_AT_START.match(rest) or DATE_HEAD.match(rest))


def opens_row(rest: str) -> bool:
    """Whether ``rest`` (a line's text after a kind value) opens a row's one-line cells: a date,
    or the timing (Calc's first pass prints a row's one-line cells first, the date among its
    wrapped cells when it is printed apart: ``修正 事後 …``)."""
    return opens_date(rest) or bool(_TIMING_FIRST.match(rest))


def kind_value_before(line: str) -> str:
    """``line`` after a kind value that opens it when a date follows the value
    (``修正 2025/3/14 …`` → ``2025/3/14 …``), else ""."""
    m = _VALUE.match(line)
    if m and opens_row(m.group("rest")) and is_kind_value(m.group("v")):
        return m.group("rest")
    return ""


def strip_kind_column(text: str) -> KindColumn:
    """``text`` without its kind column's label and values (see the module notes) when a label
    row names one and the values open date lines; else unchanged, with no note."""
    out = KindColumn(text)
    if not _QUICK.search(text, 0, LABEL_ROW_SPAN):
        return out
    lines = text.split("\n")
    rows = _label_rows(lines)
    if not rows:
        return out
    label = kind_label_of(lines[rows[0]])
    hits: list[tuple[int, str, str]] = []
    for k in range(rows[0] + 1, len(lines)):
        m = _VALUE.match(lines[k])
        if m and opens_row(m.group("rest")) and is_kind_value(m.group("v")):
            hits.append((k, m.group("v"), m.group("pad") + m.group("rest")))
    if not hits:
        return out
    if not repeats(v for _, v, _ in hits):
        return out
    _cut_labels(lines, rows)
    for k, value, rest in hits:
        lines[k] = rest
        out.values.append(value)
    out.text, out.label = "\n".join(lines), label
    out.notes.append(kind_values_note(label, out.values))
    return out


def _label_rows(lines: list[str]) -> list[int]:
    """The lines that are label rows opening with a kind label, the first within
    ``LABEL_ROW_SPAN`` characters; none otherwise."""
    rows = [k for k, ln in enumerate(lines) if kind_label_of(ln)]
    if not rows or sum(len(ln) + 1 for ln in lines[: rows[0]]) > LABEL_ROW_SPAN:
        return []
    return rows


def _cut_labels(lines: list[str], rows: list[int]) -> None:
    for k in rows:
        lines[k] = _cut_label(lines[k], kind_label_of(lines[k]))


def cut_kind_labels(text: str) -> tuple[str, str]:
    """(``text`` without the kind label opening each of its label rows, the label) when its
    values were set aside elsewhere (``row_numbers``: a kind value between a row number and the
    date); (``text``, "") when no label row opens with a kind label."""
    if not _QUICK.search(text, 0, LABEL_ROW_SPAN):
        return text, ""
    lines = text.split("\n")
    rows = _label_rows(lines)
    if not rows:
        return text, ""
    label = kind_label_of(lines[rows[0]])
    _cut_labels(lines, rows)
    return "\n".join(lines), label


def repeats(values: Iterable[str]) -> bool:
    """Whether ``values`` look like a kind column's: few distinct words, each repeated."""
    counts = Counter(values)
    return len(counts) <= max(MIN_DISTINCT_ALLOWED, MAX_DISTINCT_SHARE * counts.total())


def kind_values_note(label: str, values: list[str]) -> str:
    """The note for the kind column ``label`` whose ``values`` were set aside."""
    shown = "、".join(f"{v} ×{n}" for v, n in Counter(values).most_common())
    return (
        f"a kind column ({label}) before 変更日 was read: {len(values)} values ({shown})"
        " set aside, not a field"
    )


def _cut_label(line: str, label: str) -> str:
    """``line`` without ``label`` (spaces inside it allowed) at its head (form feeds kept)."""
    pattern = r"[ \u3000]*".join(regex.escape(ch) for ch in label)
    return regex.sub(rf"^(?P<pad>[\f]*)[ \u3000]*{pattern}[ \u3000]*", r"\g<pad>", line, count=1)
