"""A numbering column in flattened text: row numbers set aside before reconstruction.

Some municipalities print an extra first column (番号 / No. / 項番 …) numbering the rows 1, 2, 3 …
before 変更日, and some an extra last column (備考, 頁 …).  Flattened, the number lands before the
row's date (``1 R5.10.1 …``, ``１ 令和元年…``), before the row's first one-line cells (Calc's
first pass: ``2 事後 14``) or, in column-ordered text, on a line of its own; a page column's
numbers land after the row's timing or on lines of their own.  None of them is a field, and
each hides the date a row opens with.

``strip_row_numbers`` finds the numbering (the labels of the label row, and the numbers
themselves: they must run 1, 2, 3 … in the text's order) and takes the numbers out, with the
labels of the extra columns; a note says how many were set aside and whether they ran
unbroken.  A number that is item text is never one: ``１．…`` and ``(1)`` have no space after
the digits, ``①`` is no digit, and a number off the running sequence is left in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from piatable.vocabulary import (
    COMPOSITE_NUMBER_LABELS,
    NUMBER_COLUMN_LABELS,
    PAGE_COLUMN_LABELS,
    REMARK_COLUMN_LABELS,
    SECTION_COLUMN_LABELS,
    is_label_piece,
)

from .chars import without_whitespace
from .dates import DATE, DATE_AT_START, DATE_HEAD
from .extra_cells import REMARKS_TEXT_NOTE
from .kind_column import (
    after_kind_label,
    cut_kind_labels,
    is_kind_value,
    kind_label_of,
    kind_value_before,
    kind_values_note,
    opens_row,
    strip_kind_column,
)
from .lead_lines import TIMING_WORD, join_lead_lines

# Labels of a numbering column (``vocabulary``).
NUMBER_LABELS = NUMBER_COLUMN_LABELS
# Labels of an extra last column that holds no field: remarks (empty, or words set aside with a
# note), the section in charge of the row (担当課: set XXI t03, Calc) or the page of the assessment
# the row amends.
TAIL_LABELS = (*REMARK_COLUMN_LABELS, *SECTION_COLUMN_LABELS, *PAGE_COLUMN_LABELS)
# Tail labels whose cells are page numbers (a small integer after the row's last cell).
PAGE_TAIL_LABELS = frozenset(t for t in TAIL_LABELS if "頁" in t or "ページ" in t)
# The label row's own labels, the first and last of the form's order (and the other orders).
FIELD_LABEL_OPEN = regex.compile(r"^(?:変更日|項目|提出時期|変更前の記|変更後の記|変更$)")
# Row numbers are small: a table of more rows than this is no amendment table of one filing.
MAX_ROW_NUMBER = 999
# Without a numbering label in the label row, this many numbers must run in sequence (each
# before a date) for the text to be taken as numbered.
MIN_UNLABELLED_RUN = 3
# Column-ordered text prints a tail label alone, up to this many lines after the numbering label.
TAIL_LABEL_SPAN = 400
# Numbers the numbering may skip (a row deleted, numbered by hand) where a date follows.
MAX_NUMBER_GAP = 3
# A wrapped label (``N`` / ``o`` / ``.``): at most this many short lines before the label row.
MAX_LABEL_PIECES = 4

_FW = str.maketrans("０１２３４５６７８９", "0123456789")
_LEAD = regex.compile(
    r"^(?P<pad>[ \u3000]*)(?P<n>[0-9]{1,3}|[０-９]{1,3})(?:[ \u3000]+(?P<rest>\S.*)|[ \u3000]*)$"
)
_TAIL_NUMBER = regex.compile(r"^(?P<rest>.*\S)[ \u3000]+(?:[0-9]{1,3}|[０-９]{1,3})[ \u3000]*$")
_LONE_NUMBER = regex.compile(r"^[ \u3000]*(?:[0-9]{1,3}|[０-９]{1,3})[ \u3000]*$")
NUMBER_LABEL_SET = frozenset(NUMBER_LABELS + COMPOSITE_NUMBER_LABELS)
_NUMBER_LABELS_LONGEST_FIRST = tuple(sorted(NUMBER_LABEL_SET, key=len, reverse=True))
_TAIL_LABELS_LONGEST_FIRST = tuple(sorted(TAIL_LABELS, key=len, reverse=True))


@dataclass
class RowNumbers:
    """What ``strip_row_numbers`` found and did."""

    text: str
    numbers: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    tail_values: int = 0
    notes: list[str] = field(default_factory=list)
    # Kind values (区分) taken from between a row number and its row's date or timing.
    kind_values: list[str] = field(default_factory=list)


# A quick look before any line is split: a numbering label near the start, or numbers before
# dates at line starts.
ANY_NUMBER_LABEL = regex.compile(
    "|".join(r"\s*".join(map(regex.escape, x)) for x in _NUMBER_LABELS_LONGEST_FIRST)
)
_NUMBER_THEN_DATE = regex.compile(rf"^[ \u3000]*[0-9０-９]{{1,3}}[ \u3000]+{DATE.pattern}", regex.M)
# How far into the text the label row is looked for (characters).
LABEL_ROW_SPAN = 40_000


def _may_be_numbered(text: str) -> bool:
    if ANY_NUMBER_LABEL.search(text, 0, LABEL_ROW_SPAN):
        return True
    found = 0
    for _ in _NUMBER_THEN_DATE.finditer(text):
        found += 1
        if found >= MIN_UNLABELLED_RUN:
            return True
    return False


def number_value(s: str) -> int:
    """The value of a row number printed in half- or full-width digits."""
    return int(s.translate(_FW))


def _opens_date(rest: str | None, kinds: bool = False) -> bool:
    """Whether ``rest`` (a line after its number) opens with a date, or, with ``kinds`` (the
    label row names a kind column), with a kind value and then a date (``修正 2025/3/14 …``)."""
    if not rest:
        return False
    if kinds and kind_value_before(rest):  # a kind value and then a date or the timing
        return True
    return bool(DATE_AT_START.match(rest) or DATE_HEAD.match(rest))


def _names_kinds(line: str, label: str) -> bool:
    """Whether the label row ``line``, opening with the numbering label ``label``, names a kind
    column after it (``番号 区分 変更日 …``)."""
    rest = without_whitespace(line)
    rest = rest[rest.find(label) + len(label) :] if label in rest else rest
    return after_kind_label(rest) != rest


def _label_rows(lines: list[str], first: int = 0) -> list[tuple[int, str, str]]:
    """(line index, numbering label, tail label) of each label row (a page's header repeats it)
    from line ``first`` on: one that starts with a numbering label (``番号 変更日 項目 …``), or
    whose numbering label stands on lines of its own just before it (column-ordered text, a
    label wrapped one character a line)."""
    out = []
    k = first
    while k < len(lines):
        found = _label_row(lines, k)
        if found is None:
            break
        out.append(found)
        k = found[0] + 1
    return out


def _label_row(lines: list[str], first: int = 0, within: int = 400) -> tuple[int, str, str] | None:
    """The first label row at or after line ``first`` (and before ``first + within`` when
    ``first`` is 0: the table's label row opens it), as ``_label_rows`` gives them."""
    last = within if first == 0 else len(lines)
    for k in range(first, min(last, len(lines))):
        ln = lines[k]
        t = without_whitespace(ln)
        if not t:
            continue
        for label in _NUMBER_LABELS_LONGEST_FIRST:
            # A kind column (区分 …) may stand between (``kind_column``).
            if t.startswith(label) and FIELD_LABEL_OPEN.match(after_kind_label(t[len(label) :])):
                tail = next((x for x in _TAIL_LABELS_LONGEST_FIRST if t.endswith(x)), "")
                return k, label, tail
        if t in NUMBER_LABEL_SET:
            nxt = [x for x in lines[k + 1 : k + 6] if x.strip()]
            if any(is_label_piece(x) or FIELD_LABEL_OPEN.match(without_whitespace(x)) for x in nxt[:2]):
                return k, t, _tail_label(lines, k)
        if k and FIELD_LABEL_OPEN.match(t):
            j = _wrapped_label_before(lines, k, first)
            if j is not None:
                return j, _wrapped_label(lines, j, k), _tail_label(lines, k)
    return None


def _wrapped_label_before(lines: list[str], k: int, first: int) -> int | None:
    """The first line of a numbering label wrapped a piece a line (``N`` / ``o`` / ``.``, ``番`` /
    ``号``) just before line ``k`` (blank lines between allowed), or None."""
    joined, j, pieces = "", k, 0
    while j > first and pieces < MAX_LABEL_PIECES:
        j -= 1
        t = without_whitespace(lines[j])
        if not t or _LONE_NUMBER.match(t):  # the first row's number may stand between
            continue
        if len(t) > 2:
            return None
        joined, pieces = t + joined, pieces + 1
        if joined in NUMBER_LABEL_SET:
            return j
    return None


def _wrapped_label(lines: list[str], j: int, k: int) -> str:
    """The label whose pieces stand on lines ``j`` … ``k - 1`` (numbers between left out)."""
    return "".join(t for t in map(without_whitespace, lines[j:k]) if not _LONE_NUMBER.match(t))


def _tail_label(lines: list[str], k: int) -> str:
    """A tail label standing alone among the label row's lines after line ``k``."""
    for ln in lines[k : k + TAIL_LABEL_SPAN]:
        t = without_whitespace(ln)
        if t in TAIL_LABELS:
            return t
    return ""


def strip_row_numbers(text: str) -> RowNumbers:
    """``text`` without its numbering column's numbers and labels (and a page column's
    numbers), when the text shows one; else unchanged.  Notes say what was set aside."""
    out = RowNumbers(text)
    if not _may_be_numbered(text):
        return out
    lines = text.split("\n")
    found = _label_row(lines)
    label, tail = (found[1], found[2]) if found else ("", "")
    start = found[0] if found else 0
    # A kind column (区分 …) after the numbering: its value stands between number and date.
    kinds = bool(found) and _names_kinds(lines[start], label)
    if not found and (kind_row := _kind_label_row(lines)) is not None:
        # A label row opening with the kind label (``区分 変更日 …``): the numbering label was
        # printed elsewhere (Calc prints it among the wrapped cells when it wraps: set XXI t12).
        start, kinds = kind_row, True
    # Pass 1: the numbers that run 1, 2, 3 … in the text's order from the label row on.
    expected, hits, dated, gaps = 1, [], 0, 0
    for k in range(start, len(lines)):
        m = _LEAD.match(lines[k])
        if not m or "\f" in lines[k] or _in_date(lines, k):
            continue
        n = number_value(m.group("n"))
        # A number skipped (a row deleted, a list renumbered by hand) is taken only before a date.
        skip = expected < n <= expected + MAX_NUMBER_GAP and _opens_date(m.group("rest"), kinds)
        if (n != expected and not skip) or n > MAX_ROW_NUMBER:
            continue
        gaps += n - expected
        expected = n
        hits.append(k)
        dated += _opens_date(m.group("rest"), kinds)
        expected += 1
    if found:
        hits = sorted(hits + _unordered_numbers(lines, start, hits))
    if not hits or (not found and dated < MIN_UNLABELLED_RUN):
        return out
    wrapped = None
    if not found:
        j = _wrapped_label_before(lines, hits[0], 0)
        if j is not None:
            wrapped = label = _wrapped_label(lines, j, hits[0])
    pages = tail in PAGE_TAIL_LABELS
    new = list(lines)
    # The kind words seen between a number and a date or timing: a row whose one-line 変更前
    # cell follows its kind (its date wrapped: Calc's second pass) has one of them.
    opened = _opening_kinds(lines, hits) if kinds else frozenset()
    for k in hits:
        m = _LEAD.match(lines[k])
        rest = m.group("rest") or ""
        # A kind value between the number and the date (``1 追加 2024/4/1``): a running number
        # before it and a date after it say it is the kind column's, however many kinds the
        # table has (``kind_column.repeats`` is asked where no number stands before it).
        if kinds and (after := kind_value_before(rest) or _known_kind_before(rest, opened)):
            out.kind_values.append(rest[: len(rest) - len(after)].strip(" \u3000"))
            rest = after
        elif kinds and _kind_alone_before_row(lines, k, rest):  # ``1 削除`` / ``平成 28 年 10``
            out.kind_values.append(rest.strip(" \u3000"))
            rest = ""
        if pages and rest:
            t = _TAIL_NUMBER.match(rest)
            if t and not DATE_HEAD.match(rest):
                rest = t.group("rest")
                out.tail_values += 1
        new[k] = rest
        out.numbers.append(number_value(m.group("n")))
    if pages:
        # Column-ordered text: the page numbers on lines of their own.
        for k in range(start, len(new)):
            if k not in hits and _LONE_NUMBER.match(new[k]) and not _in_date(lines, k):
                new[k] = ""
                out.tail_values += 1
    for k, row_label, row_tail in _label_rows(lines, start) if found else ():
        _drop_labels(new, k, row_label, row_tail, out)
    if wrapped:
        _drop_labels(new, j, wrapped, "", out)
    if not found and not wrapped and kinds:
        label = _drop_lone_labels(new, start, out) or label
    if found:
        # A repeated label row glued to the end of the line before it (pypdfium2 prints a page's
        # header row right after the last cell above: ``…仕組みになっている。項番 変更日 項目 …``).
        glued = regex.compile(
            rf"{regex.escape(label)}[ \u3000]+(?=変更日[ \u3000]+項目|項目[ \u3000]+変更前)"
        )
        new = [glued.sub("", ln) if label in ln else ln for ln in new]
    # A line set aside keeps its form feeds: a page's first line (``\f項``) is often the label.
    new = [_keep_form_feeds(lines[k], ln) for k, ln in enumerate(new)]
    # A number or label on a line of its own leaves nothing: the line goes.
    out.text = "\n".join(ln for k, ln in enumerate(new) if ln or not lines[k].strip() or ln == lines[k])
    run = f"1–{max(out.numbers)}"
    out.notes.append(
        f"a numbering column ({label or 'unlabelled'}) was read: {len(out.numbers)} row numbers ({run})"
        " set aside, not a field"
    )
    if gaps:
        out.notes.append(
            f"the row numbers skip {gaps} numbers: a row may be missing from the table as printed,"
            " or the numbering was made by hand"
        )
    if tail and pages:
        out.notes.append(
            f"an extra column ({tail}) was read after the fields: {out.tail_values} page numbers set aside"
        )
    elif tail:  # a remarks column: its cells stay in the text, their rows warned (extra_cells)
        out.notes.append(REMARKS_TEXT_NOTE.format(label=tail))
    return out


def _opening_kinds(lines: list[str], hits: list[int]) -> frozenset[str]:
    """The kind words standing between a row number of ``hits`` and a date or timing."""
    words = set()
    for k in hits:
        rest = _LEAD.match(lines[k]).group("rest") or ""
        if after := kind_value_before(rest):
            words.add(rest[: len(rest) - len(after)].strip(" \u3000"))
        elif _kind_alone_before_row(lines, k, rest):
            words.add(rest.strip(" \u3000"))
    return frozenset(words)


def _kind_alone_before_row(lines: list[str], k: int, rest: str) -> bool:
    """Whether ``rest`` (line ``k`` after its row number) is a kind word alone and the next line
    opens the row (a date or the timing: Writer's wrapped date printed below ``1 削除``)."""
    word = rest.strip(" \u3000")
    if not word or not is_kind_value(word) or TIMING_WORD.match(word) or k + 1 >= len(lines):
        return False
    return opens_row(lines[k + 1].lstrip(" \u3000"))


def _known_kind_before(rest: str, words: frozenset[str]) -> str:
    """``rest`` after a kind word of ``words`` that opens it, followed by a space and more text
    (``追加 国民健康保険に関する事務 …``), else ""."""
    head, sep, after = rest.lstrip(" \u3000").partition(" ")
    return after.lstrip(" \u3000") if sep and head in words and after.strip() else ""


def _kind_label_row(lines: list[str]) -> int | None:
    """The first line (of the first ``LABEL_ROW_SPAN`` characters) that is a label row opening
    with a kind label (``区分 変更日 項目 …``), or None."""
    seen = 0
    for k, ln in enumerate(lines):
        if kind_label_of(ln):
            return k
        seen += len(ln) + 1
        if seen > LABEL_ROW_SPAN:
            break
    return None


def _drop_lone_labels(lines: list[str], start: int, out: RowNumbers) -> str:
    """Take out, after line ``start``, each line that is a numbering label alone (the label a
    label row without it left elsewhere: Calc's second pass); the label, or ""."""
    label = ""
    for k in range(start + 1, len(lines)):
        t = without_whitespace(lines[k])
        if t in NUMBER_LABEL_SET:
            lines[k] = ""
            label = label or t
    if label and label not in out.labels:
        out.labels.append(label)
    return label


def strip_lead_columns(text: str) -> tuple[str, list[str]]:
    """``text`` without the columns before 変更日 that hold no field: a numbering column
    (``strip_row_numbers``) and then a kind column (区分: ``kind_column``), with the notes.
    Numbers and kinds printed a cell a line are first put on their row's line
    (``lead_lines``)."""
    text, _ = join_lead_lines(text, NUMBER_LABEL_SET)
    numbered = strip_row_numbers(text)
    kinds = strip_kind_column(numbered.text)
    if not numbered.kind_values:
        return kinds.text, numbered.notes + kinds.notes
    out, label = (kinds.text, kinds.label) if kinds.label else cut_kind_labels(kinds.text)
    note = kind_values_note(label or "unlabelled", numbered.kind_values + kinds.values)
    return out, [*numbered.notes, note]


_DATE_GLUE_AFTER = regex.compile(r"^\s*[0-9０-９]*\s*[/／.．\-－年月日]")
_DATE_GLUE_BEFORE = regex.compile(
    r"(?:[/／.．\-－年月][ \u3000]*|^[ \u3000]*[0-9０-９]*[/／.．\-－][0-9０-９/／.．\-－ \u3000]*)$"
)

_YEAR_HEAD = regex.compile(r"^[ \u3000]*[0-9０-９]{4}[ \u3000]*[/／.．\-－年]")


def _keep_form_feeds(old: str, new: str) -> str:
    """``new`` (``old`` with a number or label taken out) with the form feeds ``old`` held: a page
    break is no part of what was set aside, and losing it merges two pages (a column-ordered
    text's cells are handed to rows page by page)."""
    lost = old.count("\f") - new.count("\f")
    if lost <= 0:
        return new
    # Where the line held it: a form feed opening the line opens it still, else it ends it.
    return "\f" * lost + new if old.lstrip(" \t\u3000").startswith("\f") else new + "\f" * lost


def _in_date(lines: list[str], k: int) -> bool:
    """Line ``k`` (a number alone) is a piece of a date wrapped in a narrow column
    (``201`` / ``6/1`` / ``0/0``, ``令和2年4月`` / ``1`` / ``日``)."""
    if not _LONE_NUMBER.match(lines[k]):
        return False
    after = lines[k + 1] if k + 1 < len(lines) else ""
    before = lines[k - 1] if k else ""
    # A line opening with a whole year (``２０２３/２/``, ``2019/5/7``) is a date's head: the
    # number above it is no piece of it (a number before a year of four digits makes none), but
    # the row number printed before a date wrapped in its narrow column (set XVII t08).
    if _YEAR_HEAD.match(after):
        return bool(_DATE_GLUE_BEFORE.search(before))
    return bool(_DATE_GLUE_AFTER.match(after) or _DATE_GLUE_BEFORE.search(before))


def _unordered_numbers(lines: list[str], start: int, hits: list[int]) -> list[int]:
    """Lines of a number alone that complete the run 1, 2, 3 … out of the text's order
    (column-ordered text prints a column's boxes in any order): for each number missing from
    ``hits``, its first line alone, as long as 1 … n are all found."""
    have = {number_value(_LEAD.match(lines[k]).group("n")) for k in hits}
    lone: dict[int, int] = {}
    for k in range(start, len(lines)):
        if k not in hits and _LONE_NUMBER.match(lines[k]) and not _in_date(lines, k):
            lone.setdefault(number_value(lines[k].strip()), k)
    out, n = [], 1
    while n <= MAX_ROW_NUMBER and (n in have or n in lone):
        if n not in have:
            out.append(lone[n])
        n += 1
    return out


def _drop_labels(lines: list[str], k: int, label: str, tail: str, out: RowNumbers) -> None:
    """Take the numbering label (and the tail label) out of the label row at line ``k``."""
    t = without_whitespace(lines[k])
    if t in NUMBER_LABEL_SET:
        lines[k] = ""
    elif t.startswith(label) and len(t) > len(label):
        lines[k] = _cut_label(lines[k], label, head=True)
        if tail and without_whitespace(lines[k]).endswith(tail):
            lines[k] = _cut_label(lines[k], tail, head=False)
            if tail not in out.labels:
                out.labels.append(tail)
            tail = ""
    else:  # a label wrapped one piece a line
        joined, j = "", k
        while len(joined) < len(label) and j < len(lines):
            t = without_whitespace(lines[j])
            if not _LONE_NUMBER.match(t):  # the first row's number may stand between
                joined += t
                lines[j] = ""
            j += 1
    if label not in out.labels:
        out.labels.append(label)
    if tail:
        for j in range(k, min(len(lines), k + TAIL_LABEL_SPAN)):
            if without_whitespace(lines[j]) == tail:
                lines[j] = ""
                if tail not in out.labels:
                    out.labels.append(tail)
                break


def _cut_label(line: str, label: str, head: bool) -> str:
    """``line`` without ``label`` (spaces inside it allowed) at its head or its end."""
    pattern = r"[\s\u3000]*".join(regex.escape(ch) for ch in label)
    rx = regex.compile(rf"^\s*{pattern}\s*" if head else rf"\s*{pattern}\s*$")
    return rx.sub("", line, count=1)
