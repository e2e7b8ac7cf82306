"""A short line a 変更日 cell prints above its date: an edition, a number or a round (``第４版`` /
``2022年4月1日付``, ``No.3`` / ``2023/4/1``, ``第2回`` / ``令和4年4月1日``).

The cell's first line is then no date, and a reader that opens a row at a date line opens it one
line late: in flattened text read column by column (PyMuPDF, pypdfium2, pdfplumber), the prefix
line is read as the last line of the row above (its explanation: ``…に伴う修正`` / ``第３版``),
and in ``-layout``-like text the row's first lines (its item's heading, its before) stand level
with the prefix, above the date the row is cut at, and go to the row above (set XXI t07: 0/8
rows right in five texts, branch datecell60).

``DATE_PREFIX`` (in ``dates``: the date patterns take it before a date) names the prefixes:
第N版 / 第N回 / 第N次 / 第N号, N版, 改訂N / 改定N, No.N (№, Ｎｏ.), Ver.N / VN, with ASCII,
full-width or kanji numbers, in brackets or not.  ``join_date_prefixes`` puts such a line, alone
on its line, together with the date line right under it (``第４版2022年4月1``), so that the row
opens at the prefix; the date is read from the joined line as before (``parse_date`` searches),
and ``change_date_raw`` keeps the prefix as printed.  ``prefix_above`` tells the row reader of
positioned (``-layout``) text where a date's cell begins above its date.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from piatable.models import CellLine

from .dates import DATE_AT_START, DATE_PREFIX, is_date_head

_PREFIX_LINE = regex.compile(rf"^\s*{DATE_PREFIX}\s*$")


def is_date_prefix(text: str) -> bool:
    """True when ``text`` is a 変更日 cell's prefix line alone (``第４版``, ``No.3``)."""
    return bool(_PREFIX_LINE.match(text))


def _opens_date(text: str) -> bool:
    """The line opens a date, or a date's first part (``令和2年10月``)."""
    words = text.split()
    return bool(DATE_AT_START.match(text)) or (bool(words) and is_date_head(words[0]))


def join_date_prefixes(lines: list[CellLine]) -> list[CellLine]:
    """``lines`` (flattened text, in order) with each prefix line (``is_date_prefix``) joined to
    the line right under it on its page when that line opens a date (or a date's first part:
    ``令和2年10月`` of a date a narrow column wrapped): one line, the prefix glued to the date
    (``第４版2022年4月1``, as ``dates.DATE_PREFIX`` reads it), with the date line's number.  Other
    lines are kept as they are."""
    out: list[CellLine] = []
    k = 0
    while k < len(lines):
        cl = lines[k]
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if (
            nxt is not None
            and nxt.page == cl.page
            and is_date_prefix(cl.text)
            and _opens_date(nxt.text)
            and (cl.line_no is None or nxt.line_no is None or nxt.line_no - cl.line_no <= 1)
        ):
            out.append(replace(nxt, text=cl.text.strip() + nxt.text.lstrip()))
            k += 2
            continue
        out.append(cl)
        k += 1
    return out
