"""Printed page breaks of ``pdftotext -layout`` text that lost its form feeds (issue 14, item 5).

``pdftotext`` ends every page with a form feed; text copied out of a viewer or re-saved by another
tool often keeps the page's lines and loses that character, so every row would read as page 1
and the label row a table repeats on each page would stand among the rows.  What still shows a
printed page's head in such text (the forms' own page furniture):

* the column-label row printed again (``変更日 項目 変更前の記載 …``, a table's repeated header),
  with the title (``（別添３）変更箇所``), a label's piece wrapped above the row (Word's ``提出時`` /
  row / ``期``) and blank lines above it: the page begins there;
* a page-number line (``- 3 -``, ``3 / 5``, ``P.3``, ``3ページ``: ``vocabulary.PAGE_NUMBER``), the
  foot of its page: the next page begins after it.

A form feed is put where such a page begins, as ``pdftotext`` would have printed it (at the start
of the page's first line).  A bare number alone on a line is not taken: it may be a cell's value.
Text that holds any form feed is left as it is.
"""

from __future__ import annotations

from piatable.vocabulary import is_header_line, is_label_piece, is_page_number, is_title

# What the note says when page breaks were put back.
BREAKS_NOTE = (
    "{n} printed page breaks read from repeated column-label rows or page-number lines"
    " (the text holds no form feeds); pages count from the text's first page"
)


def _label_row_starts(lines: list[str]) -> list[int]:
    """Indexes of the lines that open a column-label row (a row wrapped over two lines counts
    once: a label line right under another is its continuation)."""
    starts = []
    prev_label = False
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        label = is_header_line(line)
        if label and not prev_label:
            starts.append(k)
        prev_label = label
    return starts


def mark_page_breaks(text: str) -> tuple[str, int]:
    """(``text`` with a form feed opening each printed page after the first, the number of form
    feeds put in).  Only for text without any form feed; see the module notes for what marks a
    page's head.  ``text`` is ``pdftotext -layout``-like (one printed line per text line)."""
    if "\f" in text:
        return text, 0
    lines = text.split("\n")
    has_text_after = [False] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        has_text_after[k] = has_text_after[k + 1] or bool(lines[k].strip())
    starts: set[int] = set()
    for k, line in enumerate(lines):
        if is_page_number(line) and has_text_after[k + 1]:
            j = k + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            starts.add(j)
    for k in _label_row_starts(lines)[1:]:
        j = k
        while j > 0 and (not lines[j - 1].strip() or is_title(lines[j - 1]) or is_label_piece(lines[j - 1])):
            j -= 1  # the title and a label wrapped above the row (``提出時`` / row / ``期``) open the page
        while j < k and not lines[j].strip():
            j += 1  # the page opens at its first printed line
        starts.add(j)
    first_text = next((k for k, line in enumerate(lines) if line.strip()), 0)
    starts = {k for k in starts if first_text < k < len(lines)}
    for k in starts:
        lines[k] = "\f" + lines[k]
    return "\n".join(lines), len(starts)
