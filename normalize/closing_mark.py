"""The closing mark 以上 that ends a filing after its table, in flattened text.

Japanese official documents end with ``以上`` set to the right under their last paragraph or
table.  In flattened text (every extractor's, ``-layout`` too) it is the text's last line, and a
reader takes it into the last row's last cell (a new user's Writer table: ``…に伴う修正\\n以上``
in the last explanation at confidence 0.93).  ``drop_closing_mark`` leaves it out, with a note.

Calc's ``-raw`` / pypdfium2 text prints a page's one-line cells first (``事後`` / ``事前`` / …), the
mark among them as the last, right before the first row's date: a line ``以上`` between a line
ending in a timing and a line opening with a date is the mark too.

Notes printed after the table (``※ 変更日は…``, ``（注）…``) go the same way: in Calc's text they
stand among the one-line cells, after the last date or timing and before the first row's date or
the table's title, with or without 以上 (``drop_pass_one_notes``); at the text's end they follow
the last row's last cell and are cut from it by ``normalize/closing_text.py``.

A line ``以上`` that ends a cell (``対象者は６５歳`` / ``以上``: a quantity wrapped before its
tail) follows a line ending in a number or a unit (``QUANTITY_END``; not the digits of a phone
number or postal code, ``－６７００``) and is kept.
"""

from __future__ import annotations

import regex

from piatable.vocabulary import ATTACHMENT_LABEL, TIMING_AT_END, is_page_number, is_table_start

from .dates import DATE_AT_START, DATE_HEAD, is_date_line

CLOSING_MARK = regex.compile(r"^[ \t\u3000]*以[ \t\u3000]*上[ \t\u3000]*$")
# A line ending so is a quantity a line ``以上`` may complete (６５歳 / 以上, 10万人 / 以上).
QUANTITY_END = regex.compile(
    r"(?<![-－‐−ー〒][0-9０-９]*)[0-9０-９〇一二三四五六七八九十百千万億]+"
    r"(?:歳|人|件|円|年|か月|ヶ月|月|日|回|時間|分|名|社|校|項目|%|％)?\s*$"
)
# A note of the document: ``※``, ``※１``, ``（注）``, ``注１）``, ``＊`` opening a line.
NOTE_OPENING = regex.compile(r"^[ \t\u3000]*(?:※|[（(]注[0-9０-９]*[）)]|注[0-9０-９]*[）):：]|＊|\*(?!\*))")
CLOSING_NOTE = (
    "the closing mark 以上 printed after the table (the text's last line, or right above an attachment"
    " printed after the table) was left out of the rows"
)


def _content(line: str) -> str:
    return line.replace("\f", "").strip()


def _is_timing_line(text: str) -> bool:
    return text in ("事前", "事後") or bool(TIMING_AT_END.match(text))


def _join_split_mark(lines: list[str]) -> None:
    """The mark printed with its two characters spread apart (``以　　上``) and read as two text
    boxes (plain ``pdftotext``: ``以`` / blank / ``上`` as the last lines) made one line."""
    content = [i for i, ln in enumerate(lines) if _content(ln)]
    if len(content) >= 2 and [_content(lines[i]) for i in content[-2:]] == ["以", "上"]:
        a, b = content[-2:]
        lines[a] = lines[a].replace("以", "以上")
        lines[b] = "\f" * lines[b].count("\f")
        del lines[a + 1 : b]


def drop_closing_mark(text: str) -> tuple[str, bool]:
    """``text`` without its closing mark ``以上``: its last line (blank lines and page numbers
    after it aside) when the line before it is no quantity it completes, or a line between Calc's
    one-line cells and the first date (module docstring); and whether it was dropped.  A form
    feed on the dropped line is kept (the page count stays)."""
    lines = text.split("\n")
    _join_split_mark(lines)
    k = len(lines) - 1
    while k >= 0 and (not _content(lines[k]) or is_page_number(_content(lines[k]))):
        k -= 1
    at = None
    if k >= 1 and CLOSING_MARK.match(_content(lines[k])):
        j = k - 1
        while j >= 0 and not _content(lines[j]):
            j -= 1
        if j >= 0 and not QUANTITY_END.search(_content(lines[j])):
            at = k
    if at is None:
        at = next(
            (
                i
                for i in range(1, len(lines) - 1)
                if CLOSING_MARK.match(lines[i])
                and _is_timing_line(_content(lines[i - 1]))
                and (DATE_AT_START.match(_content(lines[i + 1])) or is_table_start(_content(lines[i + 1])))
            ),
            None,
        )
    if at is None:
        at = _mark_before_attachment(lines)
    if at is None:
        return text, False
    feeds = "\f" * lines[at].count("\f")
    # The line goes with the blank line before it (a box of its own in boxed text).
    start = at - 1 if not lines[at - 1].strip() else at
    del lines[start : at + 1]
    if feeds:
        if start < len(lines):
            lines[start] = feeds + lines[start]
        else:
            lines.append(feeds)
    return "\n".join(lines), True


def _mark_before_attachment(lines: list[str]) -> int | None:
    """The line ``以上`` closing the table right above an attachment printed after it (a
    ``（別紙）委託先一覧`` heading and its own table: set XXXI t12, whose row-ordered texts read the
    mark into the last explanation, unwarned): the first such line whose line before it is no
    quantity it completes (blank lines aside), or None."""
    content = [i for i, ln in enumerate(lines) if _content(ln)]
    for r in range(1, len(content) - 1):
        i = content[r]
        if not CLOSING_MARK.match(_content(lines[i])) or QUANTITY_END.search(_content(lines[content[r - 1]])):
            continue
        if ATTACHMENT_LABEL.match(_content(lines[content[r + 1]])):
            return i
    return None


# Notes quote at most this many characters of the text left out.
NOTE_CHARS = 60


def after_table_note(text: str) -> str:
    """The note naming text printed after the table that was left out of the rows."""
    more = "…" if len(text) > NOTE_CHARS else ""
    quoted = f"'{text[:NOTE_CHARS]}{more}'"
    return f"text printed after the table (a note), not a row, was left out of the rows: {quoted}"


def _is_closing_line(text: str) -> bool:
    return bool(CLOSING_MARK.match(text) or NOTE_OPENING.match(text))


def _opens_rows(text: str) -> bool:
    return bool(DATE_AT_START.match(text) or DATE_HEAD.match(text)) or is_table_start(text)


def drop_pass_one_notes(text: str) -> tuple[str, list[str]]:
    """``text`` without a run of notes (and 以上) printed after the table that Calc's one-line
    cells hold: right after a line that is a timing or a date alone, right before a line that
    opens a row (a date) or the table (its title or column labels); and the runs' text, one
    string per run.  A run of 以上 alone is ``drop_closing_mark``'s."""
    lines = text.split("\n")
    runs: list[tuple[int, int]] = []
    k = 1
    while k < len(lines):
        if not _is_closing_line(_content(lines[k])):
            k += 1
            continue
        end = k
        while end + 1 < len(lines) and _is_closing_line(_content(lines[end + 1])):
            end += 1
        before, after = _content(lines[k - 1]), _content(lines[end + 1]) if end + 1 < len(lines) else ""
        notes = any(NOTE_OPENING.match(_content(lines[m])) for m in range(k, end + 1))
        if notes and (_is_timing_line(before) or is_date_line(before)) and _opens_rows(after):
            runs.append((k, end))
        k = end + 1
    if not runs:
        return text, []
    dropped = []
    for a, b in reversed(runs):
        dropped.insert(0, " ".join(_content(ln) for ln in lines[a : b + 1]))
        feeds = "\f" * sum(ln.count("\f") for ln in lines[a : b + 1])
        lines[a : b + 1] = [feeds] if feeds else []
    return "\n".join(lines), dropped
