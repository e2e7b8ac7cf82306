"""A numbering and a kind column before 変更日 printed one cell a line: their lines joined.

PyMuPDF's ``get_text("text")`` (default flags or ``flags=0``) prints each cell's line on a line
of its own.  Calc's first pass prints a row's one-line cells first, so a table with a numbering
column and a kind column (``変更箇所No. | 区分 | 変更日 | …``, set XXI t12) gives::

    区分              ← the label row, a label a line (the numbering label wrapped: pass 2)
    変更日
    …
    1                 ← row 1: its number, its kind, then its date (or its timing, when the
    追加                date wraps and is printed in the second pass)
    2024/4/1
    …

Unread, the number and kind of each row run on from the row above (the digit-line joins of
``hygiene`` glue them to its last cell: ``組織改正に伴う修正8修正``).  ``join_lead_lines``
puts each such number and kind on the line of the date or timing that follows them
(``1 追加 2024/4/1``), and a numbering or kind label standing alone on the line of the field
label after it (``区分 変更日``), so that ``row_numbers`` and ``kind_column`` read them as they
read pypdfium2's lines.  Only rows numbered 1, 2, 3 … in the text's order, each number alone and
its kind word alone, are joined, when ``MIN_RUN`` or more of them have a date or timing after
their kind and those kinds repeat (``kind_column.repeats``); a row whose kind is followed by
another cell (a one-line 変更前, its date wrapped) is joined when its kind is one of those words.
Anything else is left as it is.
"""

from __future__ import annotations

import regex

from .chars import without_whitespace
from .kind_column import KIND_LABELS, is_kind_value, opens_row, repeats

# Rows that must show number / kind / date lines in sequence (a numbering run; fewer may be a
# list of numbers in a cell).
MIN_RUN = 3
# A number alone on its line (half- or full-width, as row numbers are printed).
_NUMBER = regex.compile(r"^[ \u3000]*(?P<n>[0-9]{1,3}|[０-９]{1,3})[ \u3000]*$")
_FW = str.maketrans("０１２３４５６７８９", "0123456789")
_FIELD_LABEL = regex.compile(r"^(?:変更日|項目|提出時期|変更前の記|変更後の記)")
_KIND_LABEL_SET = frozenset(KIND_LABELS)
_SPACES = " \u3000"
# The label row is looked for in the text's first lines (a cover page or two before the table).
LABEL_SPAN = 2_000
# A timing word is no kind value (a row whose date wrapped opens with its timing).
TIMING_WORD = regex.compile(r"^事[前後]$")


def join_lead_lines(text: str, number_labels: frozenset[str]) -> tuple[str, int]:
    """(``text`` with each row's number and kind lines joined to the line after them, and the
    labels of those columns joined to the field label after them; how many rows were joined).
    ``number_labels``: the numbering labels (whitespace removed) that may stand alone.  A text
    without such a run comes back unchanged, with 0."""
    lines = text.split("\n")
    labels = _kind_label_line(lines)
    if labels is None:
        return text, 0
    pairs: list[int] = []  # a number alone, its kind word alone on the next line
    opened: list[str] = []  # the kind words of the pairs a date or timing line follows
    expected = 1
    for k in range(labels + 1, len(lines) - 2):
        m = _NUMBER.match(lines[k])
        if not m or int(m.group("n").translate(_FW)) != expected:
            continue
        kind = lines[k + 1].strip(_SPACES)
        if is_kind_value(kind) and not TIMING_WORD.match(kind):
            pairs.append(k)
            expected += 1
            if opens_row(lines[k + 2].lstrip(_SPACES)):
                opened.append(kind)
    if len(opened) < MIN_RUN or not repeats(opened):
        return text, 0
    # A row whose one-line 変更前 cell follows its kind (its date wraps: printed in the second
    # pass) is joined too when its kind is one of the words seen before a date or timing.
    words = set(opened)
    triples = [k for k in pairs if lines[k + 1].strip(_SPACES) in words]
    out: list[str | None] = list(lines)
    for k in triples:
        number, kind = lines[k].strip(_SPACES), lines[k + 1].strip(_SPACES)
        out[k + 2] = f"{number} {kind} {lines[k + 2].lstrip(_SPACES)}"
        out[k] = out[k + 1] = None
    _join_labels(out, labels, number_labels)
    return "\n".join(ln for ln in out if ln is not None), len(triples)


def _kind_label_line(lines: list[str]) -> int | None:
    """The first line (of the first ``LABEL_SPAN`` lines) that is a kind label alone with a
    field label on the line after it (``区分`` / ``変更日``), or None."""
    for k in range(min(len(lines) - 1, LABEL_SPAN)):
        if without_whitespace(lines[k]) not in _KIND_LABEL_SET:
            continue
        if _FIELD_LABEL.match(without_whitespace(lines[k + 1])):
            return k
    return None


def _join_labels(lines: list[str | None], k: int, number_labels: frozenset[str]) -> None:
    """Join the kind label alone at line ``k`` (and a numbering label alone just before it) to
    the field label on the line after it."""
    head = [lines[k] or ""]
    if k and without_whitespace(lines[k - 1] or "") in number_labels:
        head.insert(0, lines[k - 1] or "")
        lines[k - 1] = None
    lines[k + 1] = " ".join(x.strip(_SPACES) for x in [*head, lines[k + 1] or ""])
    lines[k] = None
