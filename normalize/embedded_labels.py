"""A repeated column-label row printed inside a line of row-ordered text, put on a line of its own.

pypdfium2 (``get_text_range``) and ``pdftotext -raw`` write a page's text in the order it was
drawn, and a Calc page's repeated label row (print titles) comes right after the last cell line
of the page before, with no line end between, and, where the table has a numbering column, the
next page's first one-line cells right after it on the same line (office-thead56, Calc with a
番号 column)::

    委託内容の拡大に伴う修
    正番号 変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明 7 2018/7/1 Ⅱ… 事前

Left so, the label row is no line of its own and is read as cells (変更前 = 「変更日 項目 変更前の
記載 …」), and the row number ``7`` opens no line, so the row it numbers is not opened.
``split_embedded_labels`` breaks such a line before and after its run of column labels
(``MIN_LABELS`` or more of ``vocabulary.LABELS`` in the form's order, one space apart, a numbering
label and a kind label (区分: ``kind_column``) before them and an extra column's after them (備考,
頁: ``row_numbers.TAIL_LABELS``) kept with them, the first label glued to the text before it
allowed): the label row then stands alone, where the readers take repeated label rows for page furniture
(``row_numbers``, ``label_rows``).  Nothing is taken out here; the count of lines broken is noted.
"""

from __future__ import annotations

import itertools

import regex

from piatable.vocabulary import LABELS

from .kind_column import KIND_LABELS
from .row_numbers import TAIL_LABELS

# Labels in a run, at least (a cell's text names one or two labels at most: 「変更前の記載」).
MIN_LABELS = 4
# Numbering labels that may open a label row (``row_numbers.NUMBER_LABELS``' common ones).
_NUMBER_LABELS = ("番号", "No.", "No", "NO.", "連番", "項番", "通番", "Ｎｏ．", "Ｎｏ")
_SEP = r"[ \u3000]+"
_LABEL = "|".join(regex.escape(x) for x in sorted(LABELS, key=len, reverse=True))
_NUMBER = "|".join(regex.escape(x) for x in sorted(_NUMBER_LABELS, key=len, reverse=True))
_KIND = "|".join(regex.escape(x) for x in sorted(KIND_LABELS, key=len, reverse=True))
_TAIL = "|".join(regex.escape(x) for x in sorted(TAIL_LABELS, key=len, reverse=True))
# The run: an optional numbering label, then labels one space apart; the run ends at a space or
# the line's end (a label glued to what follows is no label).
_RUN = regex.compile(
    rf"(?:(?:{_NUMBER}){_SEP})?(?:(?:{_KIND}){_SEP})?"
    rf"(?:{_LABEL})(?:{_SEP}(?:{_LABEL}))+(?:{_SEP}(?:{_TAIL}))?(?=[ \u3000]|$)"
)
EMBEDDED_LABELS_NOTE = (
    "{n} column-label rows printed inside a line (after a cell's last line or before the next row's"
    " cells) were put on lines of their own"
)


def _labels_in_order(run: str) -> bool:
    """Whether the labels of ``run`` are ``MIN_LABELS`` or more, each after the one before in the
    form's order (``LABELS``)."""
    found = [t for t in run.split() if t in LABELS]
    order = [LABELS.index(t) for t in found]
    return len(found) >= MIN_LABELS and all(a < b for a, b in itertools.pairwise(order))


def split_embedded_labels(text: str) -> tuple[str, int]:
    """``text`` with each line that holds a label run beside other text broken around the run
    (see the module notes), and how many lines were broken."""
    out, broken = [], 0
    for line in text.split("\n"):
        m = next((m for m in _RUN.finditer(line) if _labels_in_order(m.group(0))), None)
        if m is None:
            out.append(line)
            continue
        head, run, tail = line[: m.start()], m.group(0), line[m.end() :]
        if not head.strip(" \u3000\f") and not tail.strip():
            out.append(line)  # a label row already
            continue
        broken += 1
        # A line opening with the run (a form feed before it, kept there) only loses its tail.
        out.extend([head.rstrip(" \u3000"), run] if head.strip(" \u3000\f") else [head + run])
        if tail.strip():
            out.append(tail.lstrip(" \u3000"))
    return "\n".join(out), broken
