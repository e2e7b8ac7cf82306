"""A 提出時期 printed in stacked (vertical) text among Calc's wrapped cells, put back in pass 1.

LibreOffice Calc draws a page in two passes: the cells whose text fits one line, then the wrapped
cells (``twophase``).  A 提出時期 cell set in stacked text (``Alignment(textRotation=255)``: 事 over
前) is drawn with the wrapped cells, and a 説明 cell that shrinks to fit is drawn with the one-line
ones, so each page prints (set XXXIII n09, tools/make_roworder72_samples.py)::

    Ｒ７．５．７ 窓口で本人確認書類の提示を求める。    ← pass 1: a row's one-line cells,
    情報提供ネットワークシステムによる情報連携の開始に伴う追加     its 説明 last
    Ｒ７．５．７
    情報提供ネットワークシステムによる情報連携の開始に伴う追加
    Ⅲ特定個人情報ファイルの取扱いプロセ                ← pass 2: a row's wrapped cells,
    …                                                     its timing last
    事前
    Ⅱ特定個人情報ファイルの概要
    …

No timing is in pass 1, so no reader takes the text for the two passes, and each row's cells
were read from the wrong rows.  ``timings_into_pass_one`` puts each timing in its row's lines of
pass 1, a line of its own before its 説明 (where a one-line timing prints), and the two-pass reader
reads the page.  Only a page whose rows tell themselves apart in both
passes is changed: pass 1 holds no timing and cuts into groups each ending with a line that ends
as a 説明 ends (``EXPLANATION_ENDING``), pass 2 opens a row (an item's section, or a date before
one) and cuts into rows each ending with a timing and followed by the next row's opening, and the
two counts agree.  A 説明 merged over rows prints once, the counts differ and the page is left
as it is.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from piatable.models import CellLine
from piatable.vocabulary import EXPLANATION_ENDING, EXPLANATION_PHRASES, is_label_piece, is_title

from .boxes import looks_boxed
from .compound import closed_up
from .dates import DATE_THEN_ITEM, is_date_line
from .items import opens_item_line

# A line that is a wrapped date's last piece (``８``, ``16日``).
_DAY_PIECE = regex.compile(r"^\s*[0-9０-９]{0,2}\s*日?\s*$")
# A line ending with a timing, alone or after another cell's last line and a space.
_TIMING_END = regex.compile(r"^(?:(?P<rest>.*\S)[\s　]+)?(?P<timing>事[\s　]?[前後])\s*$")
# One-character lines of a label turned 90° or stacked (``変`` / ``更`` / ``日``).
_LABEL_CHARS = frozenset("変更日提出時期項目説明")


def _label_piece(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= 2 and set(t) <= _LABEL_CHARS


def _is_label(lines: list[CellLine], k: int) -> bool:
    """A line of the title or the label row: a label's pieces, or a piece of one or two of a
    label's characters beside another (``変`` / ``更日``; a date's wrapped ``日`` alone is none)."""
    t = lines[k].text.strip()
    if is_title(t) or is_label_piece(t):
        return True
    near = [lines[m].text for m in (k - 1, k + 1) if 0 <= m < len(lines)]
    return _label_piece(t) and any(_label_piece(n) or is_label_piece(n.strip()) for n in near)


def _opens_row(lines: list[CellLine], k: int) -> bool:
    """A pass-2 row's first line: an item's section (Ⅰ…Ⅵ), a date with one beside it
    (``2019年5月1日 Ⅱ特定個人情報…``), or a date whose next line is its wrapped tail or an item's
    section."""
    text = lines[k].text
    if opens_item_line(text) or DATE_THEN_ITEM.match(text):
        return True
    if k + 1 >= len(lines) or not is_date_line(text):
        return False
    nxt = lines[k + 1].text
    return (bool(_DAY_PIECE.match(nxt)) and bool(nxt.strip())) or opens_item_line(nxt)


def _timing_of(text: str) -> tuple[str, str] | None:
    """(text before the timing, the timing) of a line ending with one (``事前``, pypdf's ``事 前``
    after another cell's last line); None otherwise."""
    m = _TIMING_END.match(text)
    return (m.group("rest") or "", m.group("timing")[0] + m.group("timing")[-1]) if m else None


def _explanation_start(group: list[CellLine]) -> int:
    """Where a pass-1 group's 説明 starts: its last line, or the line before when the last is a
    stock second paragraph (``重要な変更に該当しない``) under a line ending as a 説明 ends."""
    last = len(group) - 1
    if (
        last
        and group[last].text.strip() in EXPLANATION_PHRASES
        and EXPLANATION_ENDING.search(group[last - 1].text)
    ):
        return last - 1
    return last


def _one_cell(cl: CellLine) -> CellLine:
    """A 説明 line whose two sentences a shrunk cell printed on one line, parted by a
    full-width space that the extractor gave as a half-width one (``…に伴う修正 重要な変更に該当
    しない``), with the full-width space back: the readers cut a line at half-width spaces into
    cells.  (PyMuPDF gives the two on lines of their own: ``_page`` joins them so.)"""
    head, _, tail = cl.text.rpartition(" ")
    if head and tail in EXPLANATION_PHRASES and EXPLANATION_ENDING.search(head):
        return replace(cl, text=f"{head}　{tail}")
    return cl


def _page(lines: list[CellLine]) -> list[CellLine] | None:
    """One page's lines (between label rows) with its pass-2 timings put into pass 1; None when
    the page is not so printed."""
    opening = next((k for k in range(len(lines)) if _opens_row(lines, k)), None)
    if not opening:
        return None
    first, second = lines[:opening], lines[opening:]
    if any(_timing_of(cl.text) for cl in first):
        return None
    groups: list[list[CellLine]] = [[]]
    for cl in first:
        if not groups[-1] and len(groups) > 1 and cl.text.strip() in EXPLANATION_PHRASES:
            groups[-2].append(cl)  # the 説明's second paragraph on a line of its own (PyMuPDF)
            continue
        groups[-1].append(cl)
        if EXPLANATION_ENDING.search(cl.text):
            groups.append([])
    if groups[-1]:
        return None
    groups.pop()
    timings: list[str] = []
    body: list[CellLine] = []
    for k, cl in enumerate(second):
        found = _timing_of(cl.text)
        if found is None:
            body.append(cl)
            continue
        if k + 1 < len(second) and not _opens_row(second, k + 1):
            return None
        rest, timing = found
        timings.append(timing)
        if rest:
            body.append(replace(cl, text=rest))
    if not timings or len(timings) != len(groups) or _timing_of(second[-1].text) is None:
        return None
    moved: list[CellLine] = []
    for group, timing in zip(groups, timings, strict=True):
        at = _explanation_start(group)
        reason = (
            group[at]
            if at == len(group) - 1
            else replace(group[at], text="　".join(cl.text for cl in group[at:]))
        )
        moved += [*group[:at], replace(group[at], text=timing), _one_cell(reason)]
    return moved + body


def timings_into_pass_one(lines: list[CellLine]) -> list[CellLine]:
    """``lines`` (a text's lines, stacked words joined: ``compound.join_vertical_words``) with
    each page printed as Calc prints stacked timings and one-line 説明 cells (the module's
    docstring) put in the two passes' usual shape: each row's timing taken off its wrapped cells'
    last line and put in its pass-1 lines, a line of its own before its 説明.  Pages are the runs
    between label rows (or the title); every other page, a text with none so printed and text of boxes
    (``boxes.looks_boxed``: pdfminer, plain ``pdftotext``) as given."""
    gaps = [
        k == 0 or cl.page != lines[k - 1].page or (cl.line_no or 0) - (lines[k - 1].line_no or 0) > 1
        for k, cl in enumerate(lines)
    ]
    if looks_boxed(lines, gaps):
        return lines  # boxes read column by column (pdfminer, plain pdftotext): no two passes
    out: list[CellLine] = []
    page: list[CellLine] = []
    changed = False

    def close() -> None:
        nonlocal changed
        new = _page(page) if page else None
        changed |= new is not None
        out.extend(page if new is None else new)
        page.clear()

    for k, cl in enumerate(lines):
        if _is_label(lines, k):
            close()
            out.append(cl)
        else:
            page.append(cl)
    close()
    return closed_up(lines, out, joined=True) if changed else lines
