"""Boxes of column-ordered text (pdfminer, plain ``pdftotext``) joined back where the extractor
or a page break tore one cell into two boxes: a lone section line and the item headings below it
(``join_lone_sections``), an item's section line at a page's foot and the rest of its path on
the next page (``join_items_over_pages``), a date's tail printed on the next page
(``join_date_tails``).  Moved out of ``boxes`` (which cuts the boxes); used by ``columnar``.
"""

from __future__ import annotations

from dataclasses import replace

from piatable.models import CellLine
from piatable.vocabulary import SECTION_NUMERALS, TIMING

from .beside_dates import KANJI_DATE_OPEN
from .boxes import NUMBERED_HEADING, Box, is_single_box
from .chars import ITEM_MARKER, display_width
from .dates import DATE_HEAD, DATE_TAIL, is_date_line, parse_date
from .file_selector import file_selector_start
from .items import heading_score, opens_item
from .merged_explanations import EXPLANATION_END, RUNNING_END

# A box whose first line scores at least this as a heading of the form continues a lone section.
SECTION_CONTINUATION_SCORE = 1.0
# ... a box met past other columns' cells: opening a numbered heading (``２．``) scoring at least
# this (``join_sections_past_cells``).
PAST_CELLS_HEADING_SCORE = 0.75
# The most lines of an explanation's tail parted from its first line (``join_explanation_tails``);
# two (``委託先が変更と`` / ``なったため`` of set XIV t09) cost more pairings than they mended.
EXPLANATION_TAIL_LINES_MAX = 1
# Lines a lone section's name may wrap over in a narrow item column.
SECTION_WRAP_LINES_MAX = 3


def join_lone_sections(boxes: list[Box]) -> list[Box]:
    """An item box holding only its section line (``Ⅱ特定個人情報ファイルの概要``) is no whole
    item path: the next box, when it opens a heading of the form (``２．基本情報``), continues
    it (pdfminer cuts an item where a date printed beside it ends a line), also when date or
    timing boxes come between them."""
    out: list[Box] = []
    for b in boxes:
        # The item box before, past the date and timing boxes an extractor may print between.
        prev = next((p for p in reversed(out) if not is_single_box(p)), None)
        if (
            prev is not None
            and prev.page == b.page
            and len(prev.lines) == 1
            and prev.lines[0].text[:1] in SECTION_NUMERALS
            and b.lines[0].text[:1] not in SECTION_NUMERALS
            and not is_single_box(b)
            and (
                ITEM_MARKER.match(b.lines[0].text)
                or heading_score(b.lines[0].text) >= SECTION_CONTINUATION_SCORE
            )
        ):
            prev.lines.extend(b.lines)
            continue
        out.append(b)
    return out


def join_items_over_pages(boxes: list[Box]) -> list[Box]:
    """A page's last item box holding only its section line (``Ⅳ リスク対策``, perhaps wrapped:
    ``_section_alone``) is a row broken
    over a page break (Writer): the rest of its item path is the first box of the next page
    that opens a numbered heading of the form (``１０．従業者に対する教育・啓発``), when no item
    box opening a section comes before it there.  Such a box joins the section's box."""
    out: list[Box] = []
    lone: Box | None = None
    for b in boxes:
        first = b.lines[0].text
        if first[:1] in SECTION_NUMERALS:
            lone = b if _section_alone(b) else None
        elif (
            lone is not None
            and b.page is not None
            and lone.page is not None
            and b.page == lone.page + 1
            and not is_single_box(b)
            and ITEM_MARKER.match(first)
            and first[:1] not in "（("
            and _opening_heading_score(b) >= SECTION_CONTINUATION_SCORE
        ):
            lone.lines.extend(b.lines)
            lone = None
            continue
        out.append(b)
    return out


def _section_alone(box: Box) -> bool:
    """Whether an item box holds its section line alone, perhaps wrapped in a narrow item column
    (``Ⅲ 特定個人情報ファイルの取扱`` / ``いプロセスにおけるリスク対策``): one line, or lines
    opening no heading of their own that read together as one heading of the form."""
    lines = box.lines[: file_selector_start(box.lines)]  # a section's file selector may follow
    if len(lines) == 1:
        return True
    if len(lines) > SECTION_WRAP_LINES_MAX or any(ITEM_MARKER.match(cl.text) for cl in lines[1:]):
        return False
    return heading_score("".join(cl.text.strip() for cl in lines)) >= SECTION_CONTINUATION_SCORE


def _opening_heading_score(box: Box) -> float:
    """The heading score of a box's first line, or of its first two lines joined when the first
    wraps (``１０．従業者に対する教育・`` / ``啓発``)."""
    first = box.lines[0].text
    score = heading_score(first)
    if len(box.lines) > 1:
        score = max(score, heading_score(first + box.lines[1].text))
    return score


def _date_head(box: Box) -> bool:
    """A one-line box that is a date, or a date's head still waiting for its day
    (``令和３年９月``: no date alone)."""
    if len(box.lines) != 1:
        return False
    text = box.lines[0].text
    return is_date_line(text) or bool(DATE_HEAD.match(text) and KANJI_DATE_OPEN.search(text))


def join_date_tails(boxes: list[Box]) -> list[Box]:
    """A box holding only a date's tail (``日``, ``1 日``) finishes the last date box before it
    that reads as a date with it (``2023 年 2 月 1`` / ``日``), or the last date head
    (``令和３年９月`` / ``１日``, a head that alone reads as no date): a row broken over a page
    break prints its date's last line at the top of the next page, where pdfminer gives it a
    box of its own.  A tail that finishes no date is kept as it is."""
    out: list[Box] = []
    for b in boxes:
        tail = b.lines[0].text
        if len(b.lines) == 1 and DATE_TAIL.match(tail):
            date = next((p for p in reversed(out) if _date_head(p)), None)
            head = date.lines[0].text if date else ""
            if date and KANJI_DATE_OPEN.search(head) and parse_date(head + tail) is not None:
                date.lines[0] = replace(date.lines[0], text=head + tail)
                continue
        out.append(b)
    return out


def _strong_end(text: str) -> bool:
    """Whether ``text`` ends as an explanation ends, not with a connective that more often runs
    on into the next line (``…に伴う``)."""
    return bool(EXPLANATION_END.search(text)) and not RUNNING_END.search(text)


def _same_or_next_page(b: Box, nxt: Box) -> bool:
    """Whether ``nxt`` is on ``b``'s page or opens the next one (the row broken over the page
    break: its cell's last line printed at the top of the next page)."""
    if b.page == nxt.page:
        return True
    return b.page is not None and nxt.page == b.page + 1


def _timings_first(lines: list[CellLine]) -> set[tuple[int | None, int | None]]:
    """(page, line number) of the printed lines whose 提出時期 is their first piece with another
    piece after it (``事後 組織改編に伴う``: the 説明 column's line right of it).  A timing printed
    after another piece (``市民生活部市民窓口課 事後``, set XI w2) sits right of a before / after
    cell, whose line is no explanation's."""
    out = set()
    for k, cl in enumerate(lines):
        here = (cl.page, cl.line_no)
        if cl.line_no is None or not TIMING.match(cl.text) or k + 1 >= len(lines):
            continue
        after = (lines[k + 1].page, lines[k + 1].line_no) == here
        before = k > 0 and (lines[k - 1].page, lines[k - 1].line_no) == here
        if after and not before:
            out.add(here)
    return out


def join_explanation_tails(boxes: list[Box], lines: list[CellLine]) -> list[Box]:
    """An explanation's first line printed beside its 提出時期 (``事後 組織改編に伴う``, one
    printed line the stream step split) and its last line given a box of its own after a
    blank line (``変更``, ``に伴う変更``, ``化に伴う変更``):
    pdfminer parts a cell so when its first line shares the baseline of another column's word.
    The one-line box after the timing's line joins the next box of at most
    ``EXPLANATION_TAIL_LINES_MAX`` lines when it alone does not end as an
    explanation ends (``…の導入``, ``…に伴う``: ``merged_explanations.EXPLANATION_END``, a
    running connective is no end) and the two together do, the tail no wider than the head;
    also when the tail is the first box of the next page (a row broken over the page break).
    Only where the timing is its printed line's first piece (``_timings_first``; ``lines``: the
    text's lines as ``boxes`` were made of them)."""
    first = _timings_first(lines)
    out: list[Box] = []
    k = 0
    while k < len(boxes):
        b = boxes[k]
        out.append(b)
        nxt = boxes[k + 1] if k + 1 < len(boxes) else None
        prev = boxes[k - 1] if k > 0 else None
        if (
            nxt is not None
            and prev is not None
            and len(b.lines) == 1
            and len(nxt.lines) <= EXPLANATION_TAIL_LINES_MAX
            and is_single_box(prev)
            and TIMING.match(prev.lines[0].text)
            and prev.lines[0].line_no == b.lines[0].line_no
            and (prev.page, prev.lines[0].line_no) in first
            and prev.page == b.page
            and _same_or_next_page(b, nxt)
            and not is_single_box(b)
            and not is_single_box(nxt)
            and not opens_item(nxt.lines[0].text)
        ):
            head = b.lines[0].text.strip()
            tail = [cl.text.strip() for cl in nxt.lines]
            if (
                not _strong_end(head)
                and _strong_end(head + "".join(tail))
                and all(display_width(t) <= display_width(head) for t in tail)
            ):
                # One line: a tail kept as a line of its own reads as a wrap of the
                # explanation's width and moves the column widths (set XIV t11: 3 cells fewer).
                b.lines[0] = replace(b.lines[0], text=head + "".join(tail))
                k += 2
                continue
        k += 1
    return out


def join_sections_past_cells(boxes: list[Box]) -> list[Box]:
    """A lone section box printed beside its row's date (``R5.10.1 Ⅰ基本情報``: ``after_date``)
    whose headings come later on the page, after the row's before / after / timing boxes
    (pdfminer on a Gnumeric sheet gives the date's line first, then the other cells, then the
    item cell's remaining lines): the first later box on the page that opens a heading of the
    form (a numbered heading, ``_opening_heading_score`` at least ``PAST_CELLS_HEADING_SCORE``:
    ``７．評価実施機関における担`` / ``当部署``) joins it, when no date and no other section opens before it.
    ``join_lone_sections`` has joined the heading boxes that come next to their section."""
    out: list[Box] = []
    lone: Box | None = None
    for b in boxes:
        first = b.lines[0].text
        if first[:1] in SECTION_NUMERALS:
            lone = b if b.after_date and len(b.lines) == 1 and first[:1] in SECTION_NUMERALS else None
            out.append(b)
            continue
        if (
            lone is not None
            and b.page == lone.page
            and not is_single_box(b)
            and NUMBERED_HEADING.match(first)
            and _opening_heading_score(b) >= PAST_CELLS_HEADING_SCORE
        ):
            lone.lines.extend(b.lines)
            lone = None
            continue
        out.append(b)
    return out
