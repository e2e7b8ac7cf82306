"""Printed page breaks of ``pdftotext -layout`` text that lost its form feeds (issue 14, item 5).

``pdftotext`` ends every page with a form feed; text copied out of a viewer or re-saved by another
tool often keeps the page's lines and loses that character, so every row would read as page 1
and the label row a table repeats on each page would stand among the rows.  What still shows a
printed page's head in such text (the forms' own page furniture):

* the column-label row printed again (``変更日 項目 変更前の記載 …``, a table's repeated header),
  with the title (``（別添３）変更箇所``), a label's piece wrapped above the row (Word's ``提出時`` /
  row / ``期``) and blank lines above it: the page begins there;
* a page-number line (``- 3 -``, ``3 / 5``, ``P.3``, ``3ページ``: ``vocabulary.PAGE_NUMBER``), the
  foot of its page: the next page begins after it;
* a running head (the sheet's page header, ``住民基本台帳に関する事務 全項目評価書``) above the
  repeated label row: the page begins at it, not under it (``running_heads.head_line_indexes``;
  else the head reads as the last row's text of the page before: set XII c2, issue 10/12).

A form feed is put where such a page begins, as ``pdftotext`` would have printed it (at the start
of the page's first line).  A bare number alone on a line is taken only in a run of them
(``bare_page_numbers``): numbers that go up by one, each alone on its line at about the same
offset, as a footer prints ``1``, ``2``, ``3`` (a cell's value alone on a line makes no such
run).  Such lines are blanked too, in text with form feeds as well (there each the last line of
its page): the grid would read the number into the cell printed above it (issue 14 check:
``令和4年4月1日時点4``).  Other text that holds any form feed is left as it is.
"""

from __future__ import annotations

import regex

from piatable.vocabulary import LABEL_PIECES, LABELS, is_header_line, is_label_piece, is_page_number, is_title

from .running_heads import head_line_indexes

# A bare page number: a line holding one to three digits (half or full width) and nothing else.
BARE_NUMBER = regex.compile(r"^( *)([0-9]{1,3}|[０-９]{1,3}) *$")
# The numbers of one run stand at offsets at most this many columns apart (a centred footer
# moves with the number's width).
BARE_OFFSET_SLACK = 3
# The fewest lines of a run of bare page numbers: in text without form feeds, and in text with
# them (each the last line of its page).
BARE_RUN_MIN = 3
BARE_RUN_MIN_PAGED = 2

# What the note says when page breaks were put back.
BREAKS_NOTE = (
    "{n} printed page breaks read from repeated column-label rows or page-number lines"
    " (the text holds no form feeds); pages count from the text's first page"
)


# A label's head and tail where a narrow column wraps it (変更 / 日, 提出 / 時期, 提出時期に係る説 /
# 明): Writer and Chromium wrap the label row of a table whose 変更日 or 提出時期 column is narrow.
_LABEL_HEADS = frozenset(label[:k] for label in LABELS for k in range(2, len(label)))
_LABEL_TAILS = frozenset(label[k:] for label in LABELS for k in range(1, len(label)))
# The fewest whole labels the upper line of a wrapped label row prints.
WRAPPED_ROW_LABELS_MIN = 2


def _wrapped_label_row(lines: list[str], k: int) -> bool:
    """``lines[k]`` is the upper line of a column-label row wrapped over two lines: three pieces
    or more, each a label (``LABEL_PIECES``) or a label's head (``_LABEL_HEADS``), two whole
    labels at least and a head at least, and the next printed line made of labels' tails only
    (``変更 項目 変更前の記載 … 提出時期に係る説`` / ``日 … 明``, htd59's Writer table).  Neither
    line is a label row by itself (``is_header_line``), so a repeated one opened no page."""
    pieces = [p for p in lines[k].split() if p]
    heads = [p for p in pieces if p not in LABEL_PIECES]
    whole = sum(p in LABEL_PIECES for p in pieces)
    if len(pieces) < 3 or whole < WRAPPED_ROW_LABELS_MIN or not heads:
        return False
    if not all(p in _LABEL_HEADS for p in heads):
        return False
    below = next((ln for ln in lines[k + 1 :] if ln.strip()), "")
    tails = below.split()
    return bool(tails) and all(p in _LABEL_TAILS for p in tails)


def _label_row_starts(lines: list[str]) -> list[int]:
    """Indexes of the lines that open a column-label row (a row wrapped over two lines counts
    once: a label line right under another is its continuation; ``_wrapped_label_row``)."""
    starts = []
    prev_label = False
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        label = is_header_line(line) or _wrapped_label_row(lines, k)
        if label and not prev_label:
            starts.append(k)
        prev_label = label
    return starts


def _number_of(line: str) -> tuple[int, int] | None:
    """(offset, value) of a bare page-number line, None for any other line."""
    m = BARE_NUMBER.match(line.replace("\f", ""))
    if m is None:
        return None
    return len(m.group(1)), int(m.group(2).translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def bare_page_numbers(lines: list[str]) -> set[int]:
    """Indexes of the lines that print a bare page number: runs of lines each holding only a
    number, at offsets within ``BARE_OFFSET_SLACK`` of each other, whose numbers go up by one
    in text order with no other such number between, at least ``BARE_RUN_MIN`` long; with form
    feeds, only a page's last printed line counts, and ``BARE_RUN_MIN_PAGED`` of them make a
    run."""
    paged = any("\f" in line for line in lines)
    candidates = []
    for k, line in enumerate(lines):
        got = _number_of(line)
        if got is None:
            continue
        if paged:
            j = k + 1
            while j < len(lines) and not lines[j].strip() and "\f" not in lines[j]:
                j += 1
            if j < len(lines) and "\f" not in lines[j]:
                continue  # not its page's last line
        candidates.append((k, *got))
    least = BARE_RUN_MIN_PAGED if paged else BARE_RUN_MIN
    out: set[int] = set()
    for lead_offset in sorted({offset for _, offset, _ in candidates}):
        # The bare numbers at about this offset, in text order: a run is a stretch of them going
        # up by one (any other number at that offset breaks it).
        here = [
            (k, value) for k, offset, value in candidates if abs(offset - lead_offset) <= BARE_OFFSET_SLACK
        ]
        run: list[int] = []
        for i, (k, value) in enumerate(here):
            if run and value != here[i - 1][1] + 1:
                if len(run) >= least:
                    out.update(run)
                run = []
            run.append(k)
        if len(run) >= least:
            out.update(run)
    return out


def _blank(lines: list[str], numbers: set[int]) -> None:
    """Blank the page-number lines ``numbers`` (a form feed they hold stays)."""
    for k in numbers:
        lines[k] = "\f" if "\f" in lines[k] else ""


def mark_page_breaks(text: str) -> tuple[str, int]:
    """(``text`` with a form feed opening each printed page after the first, the number of form
    feeds put in).  Only for text without any form feed; see the module notes for what marks a
    page's head.  ``text`` is ``pdftotext -layout``-like (one printed line per text line).
    Bare page-number lines (``bare_page_numbers``) are blanked, with form feeds or without."""
    lines = text.split("\n")
    bare = bare_page_numbers(lines)
    if "\f" in text:
        if bare:
            _blank(lines, bare)
            return "\n".join(lines), 0
        return text, 0
    has_text_after = [False] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        has_text_after[k] = has_text_after[k + 1] or bool(lines[k].strip())
    starts: set[int] = set()
    for k, line in enumerate(lines):
        if (is_page_number(line) or k in bare) and has_text_after[k + 1]:
            j = k + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and (is_page_number(lines[j]) or j in bare):
                continue  # a foot printing two numbers (``- 1 -`` / ``1/3``): the page opens after the last
            starts.add(j)
    label_starts = _label_row_starts(lines)
    heads = head_line_indexes(lines, label_starts)
    for k in label_starts[1:]:
        j = k
        while j > 0 and (
            not lines[j - 1].strip()
            or is_title(lines[j - 1])
            or is_label_piece(lines[j - 1])
            or j - 1 in heads
        ):
            # the title, a label wrapped above the row (``提出時`` / row / ``期``) and the page's
            # running head (``running_heads``) open the page
            j -= 1
        while j < k and not lines[j].strip():
            j += 1  # the page opens at its first printed line
        starts.add(j)
    first_text = next((k for k, line in enumerate(lines) if line.strip()), 0)
    starts = {k for k in starts if first_text < k < len(lines)}
    _blank(lines, bare)
    for k in starts:
        lines[k] = "\f" + lines[k]
    return "\n".join(lines), len(starts)
