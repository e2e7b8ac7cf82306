"""The explanation's first lines read into the item of row-ordered text (``pdftotext -raw``,
pypdfium2).

In row-ordered text a row's wrapped cells follow one another: item, before, after, explanation.
When the before and after cells are one line each, they are printed on the row's date line, and
the item's headings run straight into the explanation's first lines (``…②入手方法`` /
``組織改正による部署名`` / ``の変更`` / ``重大な変更に該当しな`` / ``い``); the row's cut may then
leave the explanation's opening in the item.

An item cell is a path of the form's headings: each line opens a heading (a section Ⅰ…Ⅵ, a
numbering, a heading of the lexicon, ``heading_score``) or goes on with the heading above it
(joined, the heading reads more as one of the lexicon).  The item's last lines that do none of
these, and are no value of a before / after cell (a list or bracket marker, 上記を新規追加, 削除),
are taken as the explanation's opening when the
evidence says so:

* they read as an explanation: an explanation's stock phrases (重要な変更に当たらない,
  ``EXPLANATION_PHRASES``), its endings (…の変更, …のため, ``EXPLANATION_ENDING``), or the
  words that give a reason (…に伴う, …による, …のため, ``_REASON``);
* or they are wrapped at the explanation column's width (every line but the last full at it,
  none wider): LibreOffice wraps each cell at its own column's width.

they open no line mid-phrase (such a line goes on with another cell's text), and they sit
where row order puts the explanation's opening: after every before / after line
of the row and before the explanation's first line.  The lines move to the explanation's start
and the row gets a ``cut_guess`` doubt.
Lines that are no heading but show neither kind of evidence stay in the item, and the row gets
a ``cut_guess`` doubt (its confidence falls) saying so: never a silent guess.  Not a warning
flag: measured on the tuning sets, ``column_guess`` there fired on 58 right rows for 1 wrong
one (items whose last heading is missing from the lexicon).  No doubt either where the line
before them fills the item column: they are that heading's soft wrap (``_soft_wrap_tail``).

Measured with ``tools/eval_office.py --family pdftotext-raw --family pypdfium2`` on the tuning
sets ``samples/office*`` (tuned) and ``samples/heldout*`` (measured only).
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.text_thresholds import MENDED_CUT_STRENGTH
from piatable.vocabulary import EXPLANATION_ENDING, EXPLANATION_PHRASES, SECTION_NUMERALS

from .chars import BODY_MARKER, ITEM_MARKER, display_width
from .items import heading_score
from .partition import ADDITION_MARKERS, DELETION_MARKERS

# A line reading at least this much as a heading of the form opens a heading of the item (a
# key of the lexicon found inside a longer heading scores 0.25; as ``item_intruders``).
ITEM_LINE_SCORE = 0.25
# Display units (one full-width character) a wrapped explanation line may fall short of, or
# pass, the explanation column's width.
EXPLANATION_WRAP_SLACK = 2
# The words that give a change's reason inside an explanation's first paragraph.
_REASON = regex.compile(r"に伴[いうっ]|による|により|のため|に係る|を受け")
# The word markers of ``ITEM_MARKER`` (リスク１, システム２): without their number they open
# explanations as well (システム改修に伴う修正), so the line's words decide.
_WORD_MARKER = regex.compile(r"^(?:リスク|提供先|移転先|委託事項|システム)$")
# What opens a wrapped line mid-phrase (LibreOffice applies no kinsoku).
_MID_PHRASE = regex.compile(r"^[\p{Hiragana}、。，．）」』】〕ー・]")
NOT_HEADING_WHY = "the item's last lines read as no heading of the form; they were left in the item"
MOVED_WHY = "the item's last lines read as no heading of the form but as the explanation's opening"


def _opens_heading(text: str) -> bool:
    """A line opening a heading: a section, a numbering (with its number: ``リスク１``), a
    whole heading of the lexicon, or a heading's words that do not read as an explanation
    (``システム`` opens ``システム改修に伴う修正`` too)."""
    if text[:1] in SECTION_NUMERALS:
        return True
    if BODY_MARKER.match(text):
        return False
    marker = ITEM_MARKER.match(text)
    if marker and not _WORD_MARKER.match(marker.group()):
        return True
    score = heading_score(text)
    return score >= 1.0 or (score >= ITEM_LINE_SCORE and not reads_as_explanation(text))


def _goes_on(prev: str, text: str) -> bool:
    """Whether ``text`` goes on with the heading line ``prev`` above it (a wrapped heading:
    joined, they read more as one of the lexicon)."""
    return heading_score(prev + text) > heading_score(prev)


def _tail_start(item: list[CellLine]) -> int:
    """Index of the first of the item's last lines that are no heading (``len(item)`` if none).
    The item's first line is always kept: it is what made the row's item."""
    texts = [cl.text.strip() for cl in item]
    k = len(texts)
    while k > 1:
        t, prev = texts[k - 1], texts[k - 2]
        if not t or _opens_heading(t) or _goes_on(prev, t):
            break
        k -= 1
    return k


def _is_value(text: str) -> bool:
    """A line of a before / after cell: a list or bracket marker, 上記を新規追加, 削除."""
    t = text.strip()
    return bool(BODY_MARKER.match(t) or ADDITION_MARKERS.match(t) or DELETION_MARKERS.match(t))


def reads_as_explanation(text: str) -> bool:
    """Whether joined lines read as an explanation's opening paragraph."""
    t = regex.sub(r"[\s　]+", "", text)
    return bool(any(p in t for p in EXPLANATION_PHRASES) or EXPLANATION_ENDING.search(t) or _REASON.search(t))


def _wrapped_at(lines: list[CellLine], width: int | None) -> bool:
    """Whether lines are wrapped at ``width``: none wider, every one but the last full."""
    if not width:
        return False
    widths = [display_width(cl.text.strip()) for cl in lines]
    if any(w > width + EXPLANATION_WRAP_SLACK for w in widths):
        return False
    return len(widths) > 1 and all(w >= width - EXPLANATION_WRAP_SLACK for w in widths[:-1])


def _pos(cl: CellLine) -> tuple[int, int] | None:
    if cl.page is None or cl.line_no is None:
        return None
    return (cl.page, cl.line_no)


def _in_row_order(row: RawRow, tail: list[CellLine]) -> bool:
    """Whether the tail sits where the explanation's opening is printed in row order: after every
    before / after line of the row (they come before the explanation) and before the
    explanation's first line (an explanation printed earlier, beside the date, is whole without
    it); False when lines carry no positions to tell by."""
    start, end = _pos(tail[0]), _pos(tail[-1])
    if start is None or end is None:
        return False
    body = [_pos(cl) for cl in row.cells["before"] + row.cells["after"]]
    if not all(p is not None and p < start for p in body):
        return False
    expl = row.cells["explanation"]
    first = _pos(expl[0]) if expl else None
    return not expl or (first is not None and end < first)


def mend_item_explanation(row: RawRow) -> None:
    """Move the explanation's opening lines read into the item's end to the explanation (in
    place), with a ``cut_guess`` doubt; or, where the evidence does not decide, leave them and
    doubt the row."""
    item = row.cells["item"]
    k = _tail_start(item)
    if k >= len(item):
        return
    tail = item[k:]
    if any(_is_value(cl.text) for cl in tail):
        return
    text = "".join(cl.text.strip() for cl in tail)
    width = row.widths.get("explanation")
    # A paragraph opens no line mid-phrase: such a line goes on with another cell's text.
    opens = not _MID_PHRASE.match(text)
    evidence = opens and (reads_as_explanation(text) or _wrapped_at(tail, width))
    if evidence and _in_row_order(row, tail):
        del item[k:]
        row.cells["explanation"] = [*tail, *row.cells["explanation"]]
        row.doubts.append(Doubt("cut_guess", "explanation", MOVED_WHY, MENDED_CUT_STRENGTH))
        return
    if _soft_wrap_tail(item, k):
        return
    row.doubts.append(Doubt("cut_guess", "item", NOT_HEADING_WHY, MENDED_CUT_STRENGTH))


def _soft_wrap_tail(item: list[CellLine], k: int) -> bool:
    """Whether ``item[k]`` is the soft wrap of the heading line above it: that line fills the
    item column (as wide as the cell's widest line, within ``EXPLANATION_WRAP_SLACK``), as a
    heading the lexicon does not hold wraps in a narrow item column (``…事務外で使用`` /
    ``するリスクへの措置``, the seed's risk headings)."""
    widest = max(display_width(cl.text.strip()) for cl in item)
    return display_width(item[k - 1].text.strip()) >= widest - EXPLANATION_WRAP_SLACK
