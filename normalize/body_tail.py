"""The body text a document prints after its table (以上, its date, its signature) is no row.

A filing set in a word processor goes on under its amendment table with the close of a Japanese
official document: notes (``※ 変更箇所に下線を付している。``), the closing mark ``以上``, the
document's date on a line of its own set to the right (``2025年1月15日``), the issuing body's
signature (``○○市長　山田　太郎``), perhaps a small table of whom to ask (``問合せ先`` / ``電話``)
and the page number.  Every flattened text (row-ordered, column-ordered, ``-layout``, PyMuPDF's
two orders) prints them after the last row's text, in the order printed.  Read as rows, the date
line opens a row of its own that takes the signature, and 以上 is no longer the text's last line
(``closing_mark.drop_closing_mark`` finds only a last one): a new user's Writer .odt gave the
row ``2025年1月15日４`` at confidence 0.93, with no flag.

``cut_body_tail`` cuts that close from the text before any reading, with a note quoting it
(``closing_mark.after_table_note``): never in silence.  The close is the text's last run of lines
that are each blank, a page number, a *mark* (``以上``, a note opening with ``※`` / ``（注）``, a
date alone on its line) or a *short line* (a signature, an office, a contact pair:
``SHORT_MAX_CHARS`` characters at most, no sentence end 。, no 事前 / 事後, no heading numbering),
cut from its first mark on.  It is cut only with evidence that it is the document's close, not a
row (``_valid_from``): ``以上`` (not completing a quantity, ``６５歳`` / ``以上``), a date alone
followed by a signature (an office's title ending the line: a row's date is followed by its
item, a heading path, or by its cells), or a date alone right after a note.  A date alone at
the text's end with nothing after it is left to the reading (it may be a merged date cell Calc
prints last); the row it makes has no item and no timing, which the row's flags say.
"""

from __future__ import annotations

import regex

from piatable.vocabulary import ITEM_OPENING, TIMING, TIMING_WORD, is_page_number, is_table_start

from .closing_mark import CLOSING_MARK, NOTE_OPENING, QUANTITY_END
from .dates import DATE_AT_START, DATE_HEAD, is_date_line

# A signature or a contact line holds at most this many characters (whitespace not counted):
# ``○○市長　山田　太郎`` 9, ``問合せ先 総務部情報政策課`` 12, ``□□県知事　鈴木　一郎`` 9; a
# signature with its title and address rarely passes 20.
SHORT_MAX_CHARS = 24
# The close holds at most this many short lines (a signature of two lines, a contact table of
# three pairs read a cell a line): more is some text of the table's.
SHORT_MAX_LINES = 8
# Heading numbering that opens an item cell's line (``３．``, ``①``, ``（１）``, ``リスク１：``).
# A signature: an office's or its head's title ending the line, perhaps then a name in two parts
# (``○○町長``, ``△△県知事　鈴木　一郎``, ``□□市教育委員会``).
SIGNATURE = regex.compile(
    r"(?:長|知事|委員会|管理者|議会|組合)(?:[ \t\u3000]+\S{1,5}(?:[ \t\u3000]+\S{1,5})?)?$"
)
# Calc's close among its one-line cells holds at most this many signature lines before 以上.
PASS_ONE_SIGNATURE_LINES = 2
_HEADING_NUMBER = regex.compile(
    r"^(?:[0-9０-９]{1,2}[．.]|[①-⑳]|[（(][0-9０-９]{1,2}[）)]|リスク[0-9０-９]+[：:])"
)


def _pieces(line: str) -> list[str]:
    """The line's text split at form feeds, page numbers and blanks left out (a page number
    glued to the next page's first line by its form feed: ``- 1 -\\f2024年3月28日``)."""
    parts = (p.strip() for p in line.split("\f"))
    return [p for p in parts if p and not is_page_number(p)]


def _is_mark(text: str) -> bool:
    return bool(CLOSING_MARK.match(text) or NOTE_OPENING.match(text) or is_date_line(text))


def _is_short(text: str) -> bool:
    squeezed = "".join(text.split())
    return (
        len(squeezed) <= SHORT_MAX_CHARS
        and not squeezed.endswith("。")
        and not TIMING_WORD.search(squeezed)
        and not ITEM_OPENING.match(squeezed)
        and not _HEADING_NUMBER.match(squeezed)
    )


def _valid_from(texts: list[str | None], s: int) -> bool:
    """Whether the lines from ``s`` on read as a close (module docstring): it must be *owned*
    by ``以上`` (not completing a quantity), by a date alone followed by a signature
    (``SIGNATURE``) or by a date alone right after a note; a date alone or a short line before
    that is a row's (a column-ordered text prints dates and short cells one after another, a
    wrapped date ``2022年1月4`` / ``日``), and so are short lines right after a note with no owner
    before them (a note's mark may open a paragraph of a before / after cell)."""
    lines = [t for t in texts[s:] if t is not None]
    owner = False
    for k, t in enumerate(lines):
        prev = lines[k - 1] if k else ""
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if CLOSING_MARK.match(t):
            owner = owner or not QUANTITY_END.search(prev)
        elif is_date_line(t):
            signed = bool(SIGNATURE.search(nxt)) and not _is_mark(nxt)
            owner = owner or signed or bool(NOTE_OPENING.match(prev))
            if not owner:
                return False
        elif not NOTE_OPENING.match(t) and not owner:  # a short line
            return False
    return owner


def _close_start(texts: list[str | None]) -> int | None:
    """The index of the close's first line in ``texts`` (each line's text, None for a blank or a
    page number), or None when the text has no close (module docstring)."""
    k = len(texts)
    shorts = 0
    while k > 0:
        t = texts[k - 1]
        if t is not None and not _is_mark(t):
            if not _is_short(t) or shorts == SHORT_MAX_LINES:
                break
            shorts += 1
        k -= 1
    for i in range(k, len(texts)):
        t = texts[i]
        if t is not None and _is_mark(t) and _valid_from(texts, i):
            previous = next((texts[j] for j in range(i - 1, -1, -1) if texts[j] is not None), None)
            if CLOSING_MARK.match(t) and previous and QUANTITY_END.search(previous):
                continue
            return i
    return None


def cut_body_tail(text: str) -> tuple[str, list[str], bool]:
    """``text`` without the document's close printed after its table (module docstring), the
    close's text (one string, its lines joined by spaces; [] when nothing was cut) and whether
    the close held the closing mark 以上.  Form feeds and page numbers of the lines cut are kept
    (the page count stays)."""
    lines = text.split("\n")
    texts: list[str | None] = []
    for ln in lines:
        pieces = _pieces(ln)
        texts.append(" ".join(pieces) if pieces else None)
    at = _close_start(texts)
    if at is None:
        return text, [], False
    cut = " ".join(t for t in texts[at:] if t is not None)
    closed = any(t is not None and CLOSING_MARK.match(t) for t in texts[at:])
    kept_tail = []
    for ln in lines[at:]:
        feeds = ln.count("\f")
        page = [p.strip() for p in ln.split("\f") if p.strip() and is_page_number(p.strip())]
        if feeds or page:
            kept_tail.append("\f" * feeds + " ".join(page))
    ending = [""] if text.endswith("\n") and not kept_tail else []
    return "\n".join(lines[:at] + kept_tail + ending), [cut], closed


def cut_pass_one_close(text: str) -> tuple[str, list[str]]:
    """Calc's close read among its one-line cells (pypdfium2, ``-raw``, PyMuPDF's default order
    print a page's one-line cells first: ``事後`` / ``事後`` / ``○○町長`` / ``以上`` / the first row's
    date) and its date read last (``令和7年1月15日``, printed in column A under the table): the
    signature lines (``SIGNATURE``, at most ``PASS_ONE_SIGNATURE_LINES``) right after a timing
    and right before a line ``以上`` that a row's date or the table's title follows, and then a
    date alone ending the text, are cut with a note (``closing_mark.drop_closing_mark`` drops the
    以上 itself).  Nothing is cut without such a signature."""
    lines = text.split("\n")
    content = [i for i, ln in enumerate(lines) if ln.replace("\f", "").strip()]

    def at(k: int) -> str:
        return lines[content[k]].replace("\f", "").strip()

    for k in range(2, len(content) - 1):
        if not CLOSING_MARK.match(at(k)):
            continue
        nxt = at(k + 1)
        if not (DATE_AT_START.match(nxt) or DATE_HEAD.match(nxt) or is_table_start(nxt)):
            continue
        first = k
        while first > 0 and k - first < PASS_ONE_SIGNATURE_LINES and SIGNATURE.search(at(first - 1)):
            first -= 1
        if first == k or first == 0 or not TIMING.match(at(first - 1)):
            continue
        cut = [content[m] for m in range(first, k)]
        if is_date_line(at(len(content) - 1)) and content[-1] > content[k]:
            cut.append(content[-1])
        quoted = " ".join(lines[i].replace("\f", "").strip() for i in cut)
        for i in cut:
            lines[i] = "\f" * lines[i].count("\f")
        return "\n".join(lines), [quoted]
    return text, []
