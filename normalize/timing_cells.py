"""The 提出時期 cell: its timing word (事前 / 事後) and what else the cell prints beside it.

A 提出時期 cell may print, under or after its 事前 / 事後, a qualifier of the submission: a
bracketed phrase (「（重要な変更）」, 「(任意)」), a ※ note (「※重要な変更」) or a short bare word
(「再評価」).  Seen in set XII's w5 (Writer): 「事前」 over 「（重要な」 / 「変更）」, one cell.  The
record's ``timing`` is the word (事前 / 事後) and ``timing_raw`` keeps the cell as printed, the
qualifier with it; the qualifier is never the explanation's.

Two places read it:

- ``read_timing``: the whole cell's text (grid of a PDF or scan, ``-layout`` columns) → the timing
  word, or None where the rest of the cell is not a qualifier's shape (text of another cell cut
  into it, or two timing words): the row keeps ``timing_invalid`` then.
- ``qualifier_lines``: row-ordered text without positions (``-raw``, pypdfium2) prints the
  qualifier's lines right after the timing's line, before the explanation's; the lines of a
  bracketed phrase opened there and closed at a line's end are the timing cell's.

Only the shapes the cell's printer gives are used (brackets, ※, length), never the words.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import regex

from piatable.models import CellLine, Doubt
from piatable.vocabulary import TIMING_CHOICE, TIMING_WORD

from .chars import display_width, without_whitespace
from .timing_boxes import read_choice

# The longest qualifier (characters, whitespace removed) taken as the timing cell's: 「（重要な変更）」
# is 7; a cell's text beyond this is another cell's cut into it (kept ``timing_invalid``).
QUALIFIER_MAX_CHARS = 16
# A qualifier printed without brackets or ※ (「再評価」, 「任意」) is at most this long: longer
# bare text after a timing word reads as an explanation cut into the timing cell.
BARE_QUALIFIER_MAX_CHARS = 6
# In row-ordered text, a bracketed qualifier wrapped over at most this many lines (a 提出時期
# column is narrow: 「（重要な」 / 「変更）」 in w5's 4-character column).
QUALIFIER_MAX_LINES = 3
# The display width of 事前 / 事後: a ※ note or bare word wraps at it in a column that narrow.
TIMING_WORD_WIDTH = 4
# Rows of a table whose timing is followed by a one-line bracketed phrase, from which such a
# phrase is the timing cell's without doubt (a table's 提出時期 cells print their qualifiers alike).
QUALIFIER_ALIKE_MIN_ROWS = 2

OPENING_BRACKETS = "（(［[【〔"
_CLOSING = {"（": "）", "(": ")", "［": "］", "[": "]", "【": "】", "〔": "〕"}
TIMING_WORDS = ("事前", "事後")
# What a bare qualifier (「再評価」, 「任意」) never holds: a bracket, or hiragana (a particle: 「事前に…」
# is a sentence cut into the cell, not a qualifier).
_BARE_NOT = regex.compile(r"[\p{Hiragana}（）()［］\[\]【】〔〕]")
# Sentence punctuation: a qualifier is a phrase, not a sentence.
_SENTENCE_MARKS = regex.compile(r"[。、]")
# Why a one-line bracketed phrase after the timing was taken as the timing cell's on no more
# evidence than its place (no wrap narrower than the explanation, no other row printing one).
ONE_LINE_QUALIFIER_WHY = (
    "the bracketed phrase {phrase!r} printed after the 提出時期 was read as the timing cell's "
    "qualifier (kept in timing_raw), not the explanation's first line: the text does not tell"
)


def is_qualifier(text: str, bare: bool = True) -> bool:
    """Whether ``text`` (whitespace removed) has a timing qualifier's shape: one bracketed phrase
    (its brackets balanced, closing at its end), a ※ note, or (``bare``) a short bare word; no
    timing word of its own, no sentence punctuation, at most ``QUALIFIER_MAX_CHARS`` long.  A bare
    word is taken only where the cell sets it apart from the timing (a line of its own): glued
    to 事後, 「部市民窓口課」 or 「株式会社」 was another cell's text (set XI's pdfplumber texts)."""
    if not text or len(text) > QUALIFIER_MAX_CHARS or TIMING_WORD.search(text):
        return False
    if _SENTENCE_MARKS.search(text):
        return False
    if text[0] in _CLOSING:
        return _closes_at(text) == len(text)
    if text[0] == "※":
        return len(text) > 1
    return bare and len(text) <= BARE_QUALIFIER_MAX_CHARS and not _BARE_NOT.search(text)


def may_open_qualifier(text: str, bare: bool = True) -> bool:
    """Whether ``text`` (whitespace removed) is a qualifier or the opening of one still to be
    closed: a bracketed phrase not yet closed, no longer than ``QUALIFIER_MAX_CHARS``, with no
    timing word or sentence punctuation (a qualifier wrapped over lines, read line by line)."""
    if is_qualifier(text, bare):
        return True
    if not text or text[0] not in _CLOSING or len(text) > QUALIFIER_MAX_CHARS:
        return False
    return not _closes_at(text) and not TIMING_WORD.search(text) and not _SENTENCE_MARKS.search(text)


def _closes_at(text: str) -> int:
    """The length of the bracketed phrase ``text`` opens (its first bracket balanced), or 0."""
    opening = text[0]
    closing = _CLOSING[opening]
    depth = 0
    for k, c in enumerate(text):
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return k + 1
    return 0


# What a 提出時期 cell prints after its word to say "submitted" (事後提出, 事前に提出, 事後(提出)):
# the cell's words read as the timing word, printed so (set XXI t03, Calc: 事後提出 in every row).
# Whitespace removed; the record's ``timing_raw`` keeps the whole print.
SUBMISSION_TAIL = regex.compile(r"^(?:に)?提出$|^[（(]提出[)）]$")

# ``[事前]`` / ``［事後］`` opening a cell, one pattern per timing word (compiled once: read_timing
# runs for every line of every -layout row, some 650,000 times over the samples).
_BOXED = {word: regex.compile(rf"^[\[［]{word}[\]］]") for word in TIMING_WORDS}


@lru_cache(maxsize=1 << 16)
def read_timing(raw: str, bare: bool = False) -> str | None:
    """The timing word a 提出時期 cell's text (``raw``, whitespace removed) gives: 事前 / 事後
    alone, in a choice box (``[事前]``), followed by 提出 (``SUBMISSION_TAIL``: 事後提出), or by
    a qualifier (``is_qualifier``; a bare word
    only with ``bare``: the cell printed the word on a line of its own, ``timing_of_lines``);
    else None.

    >>> read_timing("事前（重要な変更）"), read_timing("事後"), read_timing("時期事前")
    ('事前', '事後', None)
    >>> read_timing("事後提出"), read_timing("事前に提出"), read_timing("事後(提出)")
    ('事後', '事前', '事後')

    Pure, so its answers are kept (``lru_cache``); a text without 事 holds no timing word.
    """
    if "事" not in raw:
        return None
    if raw in TIMING_WORDS:
        return raw
    choice = TIMING_CHOICE.match(raw)
    if choice:
        return choice.group(1)
    for word in TIMING_WORDS:
        if raw.startswith(word) and (
            is_qualifier(raw[len(word) :], bare) or SUBMISSION_TAIL.match(raw[len(word) :])
        ):
            return word
        boxed = _BOXED[word].match(raw)
        if boxed and is_qualifier(raw[boxed.end() :], bare):
            return word
    choice = read_choice(raw)  # check boxes: ``■事前□事後`` (branch checkbox68)
    return choice.word if choice is not None else None


def timing_of_lines(lines: list[str]) -> str | None:
    """``read_timing`` of a 提出時期 cell given as its printed lines (or a piece of text, its
    words split at whitespace): a bare qualifier is taken where the timing word stands apart
    from it (「事後」 / 「再評価」, ``事後　再評価``), not glued to it (``事後部市民窓口課``)."""
    parts = [p for line in lines for p in line.split()]
    if (choice := read_choice(" ".join(parts))) is not None:  # check boxes: its lines tell whose a mark is
        return choice.word
    raw = "".join(parts)
    return read_timing(raw, bare=bool(parts) and read_timing(parts[0]) is not None and len(parts) > 1)


def qualifier_lines(post: list[CellLine]) -> int:
    """How many of the lines printed after a row's timing line (``post``: the explanation's, as
    the row-ordered reader took them) are the timing cell's qualifier, with explanation lines
    after it; 0 when there is none.  A bracketed phrase opened by the first line and closed at
    the end of one of the next ``QUALIFIER_MAX_LINES`` lines; or a ※ note wrapped over two or
    more lines (``_wrapped_qualifier``; a bare word is not told from the explanation's text)."""
    if not post or not post[0].text.strip():
        return 0
    if post[0].text.strip()[0] not in _CLOSING:
        return _wrapped_qualifier(post)
    text = ""
    for k, cl in enumerate(post[:QUALIFIER_MAX_LINES]):
        text += without_whitespace(cl.text)
        if _closes_at(text) == len(text):
            if k + 1 >= len(post) or not is_qualifier(text):
                return 0  # nothing left for the explanation: the phrase is the explanation
            return k + 1
        if _closes_at(text):
            return 0  # the phrase closes mid-line: a line of prose
    return 0


def _wrapped_qualifier(post: list[CellLine]) -> int:
    """A ※ note (``is_qualifier`` without bare words) wrapped in a 提出時期 column as narrow as
    its word (「※重」 / 「要」 under 「事前」): the most lines, two or more, the first no wider than
    the timing word (``TIMING_WORD_WIDTH``) and the others no wider than the first, whose text is
    a qualifier, with a line wider than the first after them (the explanation's column is the
    wider); else 0.  A bare word wrapped so (「再評」 / 「価」) is not taken: narrow lines of the
    explanation read alike (set XI's pypdfium2 「組織」 / 「改」 / 「編に伴う変更」)."""
    width = display_width(post[0].text.strip())
    if width > TIMING_WORD_WIDTH:
        return 0  # a column wider than its word: a wrapped line there is the explanation's
    best, text = 0, ""
    for k, cl in enumerate(post[:QUALIFIER_MAX_LINES]):
        if display_width(cl.text.strip()) > width:
            break
        text += without_whitespace(cl.text)
        if k and is_qualifier(text, bare=False):
            best = k + 1
    rest = post[best:]
    return best if rest and wrapped_narrower(post[:best], rest) else 0


def wrapped_narrower(lines: list[CellLine], rest: list[CellLine]) -> bool:
    """Whether a qualifier's ``lines`` wrapped (two or more) at a width narrower than the widest of
    the explanation's ``rest``: they were printed in a narrower column than the explanation's."""
    if len(lines) < 2 or not rest:
        return False
    return display_width(lines[0].text.strip()) < max(display_width(cl.text.strip()) for cl in rest)


class _QualifiedBlock(Protocol):
    """What ``take_qualifiers`` reads and sets of a row-ordered reader's date-led block."""

    timing: CellLine | None
    post: list[CellLine]
    shared_rest: bool
    qualifier: list[CellLine]
    qualifier_doubts: list[Doubt]


def take_qualifiers(blocks: Sequence[_QualifiedBlock]) -> None:
    """Move each block's timing qualifier (``qualifier_lines``) from the head of its explanation
    lines (``post``, changed in place: rows sharing a merged timing share that list) to
    ``qualifier``, which the reader prints in the timing cell after the timing's line.

    Where the phrase is one line, no wrap narrower than the explanation's (``wrapped_narrower``)
    and no second row of the table printing one (``QUALIFIER_ALIKE_MIN_ROWS``), the text did not
    tell: the row gets a ``column_guess`` doubt on ``timing`` naming the phrase."""
    taken: dict[int, list[CellLine]] = {}
    for b in blocks:
        if b.timing is not None and not b.shared_rest and (k := qualifier_lines(b.post)):
            taken[id(b.post)] = b.post[:k]
    for b in blocks:
        b.qualifier = taken.get(id(b.post), [])
    for key, lines in taken.items():
        rest = next(b.post for b in blocks if id(b.post) == key)
        clear = len(taken) >= QUALIFIER_ALIKE_MIN_ROWS or wrapped_narrower(lines, rest[len(lines) :])
        del rest[: len(lines)]
        if not clear:
            phrase = "".join(without_whitespace(cl.text) for cl in lines)
            for b in blocks:
                if b.qualifier is lines:
                    b.qualifier_doubts = [
                        Doubt("column_guess", "timing", ONE_LINE_QUALIFIER_WHY.format(phrase=phrase))
                    ]


# The ends of the label 提出時期 that a label row too short for it draws over the first body row's
# 提出時期 cell (set XIX t08, Calc print titles one line high: ``期`` over ``事後``).
_LABEL_OVERFLOW = regex.compile(r"^(時期|期)(事前|事後)$")


def label_overflow_timing(raw: str) -> str | None:
    """The timing word of a 提出時期 cell that prints the end of its column's label right before
    it (``期事後``: the label ``提出時`` / ``期`` wrapped in a label row one line high, its ``期``
    drawn over the cell under it), else None.  ``raw``: the cell's text, whitespace removed.
    The label's end is no qualifier (it comes before the word) and no other cell's text."""
    m = _LABEL_OVERFLOW.match(raw)
    return m.group(2) if m else None


# One letter (kanji or kana) after the timing word: the shape of a soft wrap's leftover of another
# cell (``修`` / ``正`` of an explanation, its last line read into the 提出時期 column by a text
# that placed it by its character count: PyMuPDF ``sort=True``), not of a qualifier (再評価, 任意).
_LONE_LETTER = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}]$")


def lone_letter_doubts(raw: str, timing: str | None) -> list[Doubt]:
    """A ``column_guess`` doubt on the timing when its cell (``raw``, whitespace removed) prints
    one letter after the word ``timing`` (``事後正``); else none.  Branch rightq59's tuning set:
    the one such row was wrong (its explanation's last character), on sets XIX and XX none is
    right."""
    if not timing or not raw.startswith(timing) or not _LONE_LETTER.match(raw[len(timing) :]):
        return []
    why = f"the 提出時期 cell prints one letter after {timing} ({raw!r}): another cell's wrapped line?"
    return [Doubt("column_guess", "timing", why)]
