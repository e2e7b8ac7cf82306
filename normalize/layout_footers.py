"""A page's footer in ``-layout``-like text: page number and date stamp under the table, set aside.

A spreadsheet printed with a page footer (Calc's ``&P / &N`` and a fixed ``令和６年４月１日時点``;
set XXV t01, one page) puts its lines at the foot of the page, well below the table's last row.
``pdftotext -layout`` and pypdf's layout mode print them as one more line of the page, under the
columns of the row above: the grid read ``1/1`` into the last row's 変更後 and the date stamp
into its 説明, unwarned.  With one page there is no repetition to tell furniture by
(``page_marks``, ``running_heads`` need two pages or a run of numbers), so position and form
decide together:

* position: the page's last printed lines, at least ``MIN_GAP_LINES`` blank lines below the
  text above them (a row's lines follow one another; a footer stands in the page's margin);
* form: each piece of the line (split at gaps of two spaces or more) is a page number
  (``vocabulary.PAGE_NUMBER``: ``1/1``, ``- 1 -``, ``P.1``; ``Page 1 of 2``) or a date stamp
  (``令和６年４月１日時点`` / ``…現在``, a date with 印刷: ``2026/12/06 印刷``).

A page header above the table's title or label row whose every piece has that form (Calc's
``&D 印刷``: ``12/06/2026 印刷``, else read as a row's date) goes too.  Such pieces are blanked
(their columns kept) and a note quotes them.  A piece of another form on
that line is left where it is (its row's readers warn what they cannot place); the furniture
pieces beside it go.
"""

from __future__ import annotations

import regex

from piatable.vocabulary import PAGE_NUMBER, is_title, label_count

from .chars import display_width
from .cover_lines import LABEL_ROW_LABELS
from .dates import DATE

# A footer stands at least this many blank lines under the page's other text (a row's lines
# follow one another with none between; -layout prints Calc's footer 3-9 blank lines below).
MIN_GAP_LINES = 2
# A footer block is at most this many lines (a page number line and a stamp line).
MAX_FOOTER_LINES = 3
# A date as a page header / footer prints it: the forms' dates (``dates.DATE``), or a print date
# of Calc's ``&D`` in a day-first locale (``12/06/2026``).
_DATE = rf"(?:{DATE.pattern}|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}})"
# A date stamp of a page header / footer: a date as of which (時点 / 現在) or printed (印刷).
_STAMP = regex.compile(rf"^(?:{_DATE}\s*(?:時点|現在|印刷|作成)|(?:印刷|作成)日?\s*[:：]?\s*{_DATE})$")
_PAGE_WORDS = regex.compile(r"^(?:Page|PAGE|page)\s*[0-9]{1,4}(?:\s*(?:/|of)\s*[0-9]{1,4})?$")
_PIECE = regex.compile(r"[^ 　\t]+(?:[ 　][^ 　\t]+)*")

NOTE = (
    "{n} page header / footer pieces printed above the table or at the foot of a page after a gap"
    " below it were read as page furniture (page number / date stamp) and left out of the rows: {texts}"
)


def is_footer_piece(text: str) -> bool:
    """Whether ``text`` (one piece of a line, spaces at its ends aside) has a page footer's or
    header's form: a page number (``1/1``, ``- 2 -``, ``P.3``, ``Page 1 of 2``) or a date stamp
    (``令和６年４月１日時点``, ``2026/12/06 印刷``)."""
    t = text.strip()
    return bool(PAGE_NUMBER.match(t) or _PAGE_WORDS.match(t) or _STAMP.match(t))


def blank_layout_footers(text: str) -> tuple[str, list[str]]:
    """``text`` (``-layout``-like, pages parted by form feeds) with each page's footer pieces
    blanked (overwritten with spaces as wide as they print), and a note quoting them (none when
    no page shows a footer)."""
    pages = text.split("\f")
    found: list[str] = []
    for p, page in enumerate(pages):
        lines = page.split("\n")
        printed = [k for k, ln in enumerate(lines) if ln.strip()]
        if len(printed) < 2:
            continue
        block = _footer_block(lines, printed) + _header_lines(lines)
        for k in block:
            pieces = list(_PIECE.finditer(lines[k]))
            chars = list(lines[k])
            for m in pieces:
                if is_footer_piece(m.group()):
                    found.append(m.group())
                    chars[m.start() : m.end()] = " " * display_width(m.group())
            lines[k] = (
                "".join(chars).rstrip() if any(is_footer_piece(m.group()) for m in pieces) else lines[k]
            )
        pages[p] = "\n".join(lines)
    if not found:
        return text, []
    return "\f".join(pages), [NOTE.format(n=len(found), texts="".join(f"「{t}」" for t in found))]


def _header_lines(lines: list[str]) -> list[int]:
    """The indexes of the page's lines above the table's title or its label row (none when the
    page prints neither) whose every piece is a footer piece: a page header (Calc's ``&D 印刷``,
    ``12/06/2026 印刷``) that the row reader would take for a row's date."""
    top = next((k for k, ln in enumerate(lines) if is_title(ln) or label_count(ln) >= LABEL_ROW_LABELS), None)
    if top is None:
        return []
    return [
        k
        for k in range(top)
        if (pieces := _PIECE.findall(lines[k])) and all(is_footer_piece(p) for p in pieces)
    ]


def _footer_block(lines: list[str], printed: list[int]) -> list[int]:
    """The indexes of the page's last printed lines that make its footer: up to
    ``MAX_FOOTER_LINES`` lines each holding a footer piece, the first of them at least
    ``MIN_GAP_LINES`` blank lines under the printed line above; [] when there is none."""
    block: list[int] = []
    for j in range(len(printed) - 1, 0, -1):
        k = printed[j]
        if len(block) >= MAX_FOOTER_LINES or not any(
            is_footer_piece(m.group()) for m in _PIECE.finditer(lines[k])
        ):
            return []
        block.append(k)
        if k - printed[j - 1] - 1 >= MIN_GAP_LINES:
            return block
    return []
