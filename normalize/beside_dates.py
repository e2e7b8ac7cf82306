"""A wrapped 変更日 whose pieces plain ``pdftotext`` printed beside another column's lines.

A narrow date column wraps a date (``令和3年9月1`` / ``日``, ``2018/7/`` / ``1``, ``令和2年1`` /
``月6日``); plain ``pdftotext`` joins the pieces of one baseline with a space, so the date's first
part opens the line of its row's item (``2018/7/ Ⅱ特定個人情報ファイルの概要``) and its last part
stands a line or two below, alone or opening another line of the item (``月6日 １．監査``).
Read as printed, the row has no date line: its date is lost, and with it the row (a whole table
of such dates gave no row at all).  ``join_split_dates`` makes such a date whole, on a line of its
own, the item's pieces after it on lines of their own.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from piatable.models import CellLine

from .dates import DATE_HEAD, DATE_IN_SENTENCE_NEXT, DATE_REST, DATE_TAIL, is_date_line

# A date written with 年/月 whose 日 is still to come (``2023 年 2 月 1``).
KANJI_DATE_OPEN = regex.compile(r"月\s*[0-9０-９]{0,2}\s*$")
# Printed lines below a date's first part that its last part may stand (another column's line
# between).
SPLIT_DATE_REACH = 3
_SPACE = regex.compile(r"[\s　]+")
# What, after a space, goes on with the words before it rather than opening another column's
# line: a date's 年月日 (``1 日から``), or a sentence's (``DATE_IN_SENTENCE_NEXT``: hiragana,
# 時点, 現在 …).
_GOES_ON = regex.compile(rf"[年月日]|{DATE_IN_SENTENCE_NEXT.pattern.lstrip('^')}")


def _tail_rest(line: str) -> tuple[str, str]:
    """(tail, rest): a line below a date's first part may open with the date's last part and go on,
    after a space, with another column's line on the same baseline (``月6日 １．監査``)."""
    text = line.strip()
    if DATE_REST.match(text):
        return text, ""
    m = _SPACE.search(text)
    rest = text[m.end() :] if m else ""
    if m is None or not DATE_REST.match(text[: m.start()]) or _GOES_ON.match(rest):
        return "", text
    return text[: m.start()], rest


def _date_rest(head_line: str, tail_line: str) -> tuple[str, str, str] | None:
    """(date, rest, tail's rest) when ``head_line`` opens with a date's first part that the
    opening of ``tail_line`` finishes (``令和3年9月1 Ⅰ基本情報`` + ``日`` → ``令和3年9月1日``,
    ``Ⅰ基本情報``, ``""``; ``令和2年1 Ⅳその他`` + ``月6日 １．監査`` → …, ``１．監査``); the
    longest such part, cut where the line has a space (the head itself may hold spaces:
    ``2020 年 7 月 1``)."""
    tail, tail_rest = _tail_rest(tail_line)
    if not tail:
        return None
    text = head_line.rstrip()
    cuts = [m.start() for m in _SPACE.finditer(text)] + [len(text)]
    for p in sorted(set(cuts), reverse=True):
        head = text[:p]
        if head and DATE_HEAD.match(head) and is_date_line(head + tail):
            return head.strip() + tail, text[p:].strip(), tail_rest
    return None


def _within_reach(head: CellLine, tail: CellLine) -> bool:
    """Whether ``tail`` is printed at most ``SPLIT_DATE_REACH`` lines below ``head`` (a printed
    line split into pieces keeps its number)."""
    if head.line_no is None or tail.line_no is None:
        return False
    return 0 < tail.line_no - head.line_no <= SPLIT_DATE_REACH or tail.line_no == head.line_no


def join_split_dates(lines: list[CellLine], gaps: list[bool]) -> tuple[list[CellLine], list[bool]]:
    """Dates whose last part (``日``, ``月1日``, ``1``, ``/1``) an extractor printed a line or two
    below their first part, with another column's line between or beside it (plain ``pdftotext``
    reads a row's wrapped date and item side by side: ``令和3年9月1 Ⅰ基本情報`` / ``行政手続…`` /
    ``日``), made whole: the date on a line of its own, the rest of its line after it (same line
    number); the tail's line dropped, or, when the tail opened it, left holding what followed.
    Only within one box (no blank line between) of one page.  ``gaps[k]``: a blank line before
    ``lines[k]`` (as for ``boxes.lines_to_boxes``)."""
    out = list(lines)
    out_gaps = list(gaps)
    k = 0
    while k < len(out):
        for j in range(k + 1, len(out)):
            if out_gaps[j] or out[j].page != out[k].page or not _within_reach(out[k], out[j]):
                break
            found = _date_rest(out[k].text, out[j].text)
            if found and is_date_line(out[k].text):
                # 令和4年4月1 reads as a date already: only its 日 may finish it.
                if not (DATE_TAIL.match(out[j].text) and KANJI_DATE_OPEN.search(out[k].text)):
                    found = None
            if found is None:
                continue
            date, rest, tail_rest = found
            if not rest and tail_rest:
                continue  # only a date beside another column's line goes on so (``月6日 １．監査``)
            if j == k + 1 and not rest:
                break  # a date wrapped in place: boxes._rejoin_dates keeps it so
            head = out[k]
            # The date is marked wrapped (as split_dates marks its own): it was printed over two
            # lines, so it need not open the row whose line it shares (boxes._opens_row_below).
            pieces = [replace(head, text=date, wraps=True)] + ([replace(head, text=rest)] if rest else [])
            if tail_rest:
                out[j] = replace(out[j], text=tail_rest)
            else:
                del out[j], out_gaps[j]
            out[k : k + 1] = pieces
            out_gaps[k : k + 1] = [out_gaps[k]] + [False] * (len(pieces) - 1)
            break
        k += 1
    return out, out_gaps
