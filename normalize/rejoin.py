"""Rejoin soft-wrapped lines of a cell into paragraphs.

Every printed line break in a cell is either a soft wrap (the column was full) or a real paragraph
break.  The decision uses, in order: a paragraph marker at the start of the next line (hard);
the geometry where the source knows it (the line reached the cell's right edge); else the line's
display width against the column's wrap width, with kinsoku explaining lines one or two
characters short; the tokenizer settles the breaks that stay ambiguous.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import regex

from piatable.models import CellLine
from piatable.settings import RejoinSettings

from .chars import (
    NO_LINE_END,
    NO_LINE_START,
    RUNNING_PARTICLES,
    SENTENCE_END,
    display_width,
    starts_paragraph,
)
from .items import is_form_heading
from .tokenizer import Tokenizer, default_tokenizer, phrase_continues, word_spans_break

HEADING_CLOSERS = frozenset("＞】》")
# Phrases that open the second paragraph of an explanation (重大な変更に該当しない, …).
PARAGRAPH_OPENERS: tuple[str, ...] = (
    "重大な変更",
    "重要な変更",
    "特定個人情報保護評価の再実施",
    "しきい値判断",
)
# A line opens such a paragraph when it starts with one, or is the start of one cut by a wrap.
OPENER_MIN_CHARS = 5


@lru_cache(maxsize=65536)
def opens_paragraph(line: str) -> bool:
    """True for a line that opens one of ``PARAGRAPH_OPENERS`` (or its start, cut by a wrap)."""
    long_enough = len(line) >= OPENER_MIN_CHARS
    return any(line.startswith(p) or (long_enough and p.startswith(line)) for p in PARAGRAPH_OPENERS)


# Longest word (display units) that word wrapping at spaces pushes to the next line.
MAX_WRAPPED_WORD_UNITS = 24
# A line this many display units short of the column is one full-width character short.
ONE_CHAR_SHORT = 2
CLOSERS = frozenset("）)」』】＞>〉》］]")
# Marks that end what they follow: a line of these alone continues the line before it.
CLOSING_ONLY = frozenset("。、，．）」』】〕］｝〉》！？")
# Paragraph markers that are words, not signs: a wrap may fall just before them.
WORD_MARKERS = frozenset({"新規追加", "削除"})
# A law's citation goes on over a wrap: a line that ends on an article (``…第30条``, ``…第19条の8``,
# ``…第1項``) and a next one that goes on with its branch number, paragraph or item (``の11``,
# ``第８号``, ``第2項及び…``) or its table (``別表第二…``) print one citation: the break is a wrap
# when the line is full within ``full_slack_units`` (set XVIII kinds 6, branch rawtear57:
# ``①法令上の根拠：番号法第１９条`` / ``第８号 別表第二の２の項`` was cut between two cells).
# ``…、第`` / ``30条の12``: the number of an article after its 第.
_CITATION_END = regex.compile(r"第(?:[0-9０-９]+(?:条(?:の[0-9０-９]+)?|[項号]))?$")
_CITATION_ON = regex.compile(r"^(?:の[0-9０-９]|第[0-9０-９]+[条項号]|別表|[0-9０-９]+[条項号])")


def _middle_dot_wrap(a: str, b: str, width: float | None, wraps: bool | None = None) -> bool:
    """``・`` (or ``→``) at a line start after a full line that stops mid-phrase joins words (A・B).

    A bullet ・ starts a paragraph after a finished sentence or heading; a middle dot that a
    renderer without kinsoku pushed to the next line follows a full line that runs on.  The
    line is full by the geometry (``wraps``) where the source knows it, else by its width.
    """
    if b[0] not in "・→" or a[-1] in SENTENCE_END or a[-1] in CLOSERS:
        return False
    if wraps is not None:
        return wraps
    return width is not None and display_width(a) >= width - 1


def word_wrapped(a: str, b: str, width: float | None) -> bool:
    """A line of space-separated text (an address, a phone number) broken at a space because
    the next word did not fit: the line is short by less than that word and its space."""
    if width is None or " " not in a or a[-1] in SENTENCE_END or starts_paragraph(b):
        return False
    if b[0] in NO_LINE_START or b[0] in "－-":
        return False
    # Japanese text wraps at any character: before a full-width character only that character
    # had to fit (○○市本町 / 一丁目 is no break at a space).
    first = b[0] if display_width(b[0]) == 2 else b.split(" ", 1)[0]
    deficit = width - display_width(a)
    return 2 <= deficit < display_width(first) + 1 <= MAX_WRAPPED_WORD_UNITS


def same_printed_line(left: CellLine, right: CellLine) -> bool:
    """Two pieces of one printed line of flattened text (``normalize.compound`` split it at a
    gap between cells); when both land in one cell they join with the space between them."""
    return (
        left.wraps is None
        and left.line_no is not None
        and left.line_no == right.line_no
        and left.page == right.page
    )


# Breaks remembered by ``is_soft_break`` (the partition asks each break at several widths).
SOFT_BREAK_CACHE = 65536


def is_soft_break(
    left: CellLine,
    right: CellLine,
    width: float | None,
    settings: RejoinSettings,
    tokenizer: Tokenizer | None = None,
) -> bool:
    """True when the break between ``left`` and ``right`` is a soft wrap to be removed.

    The verdict depends on the two texts, the width, ``left.wraps``, the settings' two values and
    the tokenizer only: with the default tokenizer it is remembered per such key."""
    tok = tokenizer or default_tokenizer()
    args = (left.text, right.text, width, left.wraps, settings.full_slack_units, settings.tokenizer_context)
    if tok is default_tokenizer():
        return _soft_break_cached(*args)
    return _soft_break(*args, tok)


@lru_cache(maxsize=SOFT_BREAK_CACHE)
def _soft_break_cached(
    a: str, b: str, width: float | None, wraps: bool | None, full_slack: float, context: int
) -> bool:
    return _soft_break(a, b, width, wraps, full_slack, context, default_tokenizer())


def _soft_break(
    a: str,
    b: str,
    width: float | None,
    wraps: bool | None,
    full_slack: float,
    context: int,
    tokenizer: Tokenizer,
) -> bool:
    if not a or not b:
        return False
    if all(ch in CLOSING_ONLY for ch in b):
        # A line of closing marks alone (。 or ）。 pushed down by a renderer, or left by OCR)
        # opens no paragraph: it ends the line before it.
        return True
    if a[-1] in NO_LINE_END:
        # An opening bracket never ends a paragraph: the line was wrapped after it (LibreOffice
        # applies no kinsoku, so it may leave （ at a line's end).
        return True
    placeholder = a[-1] in "○◯" and b[0] in "○◯"  # ○○市 cut by a wrap, not a bullet
    # 新規追加 / 削除 alone on a line open a paragraph, unless the line before is full by the
    # geometry and runs on (…の終了に伴う／削除: one phrase wrapped).
    runs_on = (
        b in WORD_MARKERS and wraps is True and a[-1] not in SENTENCE_END and a[-1] not in CLOSERS
    ) or (wraps is True and a[-1] in RUNNING_PARTICLES)
    if starts_paragraph(b) and not placeholder and not runs_on and not _middle_dot_wrap(a, b, width, wraps):
        return False
    # Kinsoku: a character that may not start a line was pulled back with its predecessor, or
    # one that may not end a line was pushed down; either leaves the line a character short.
    kinsoku = (
        b[0] in NO_LINE_START
        or b[0] in NO_LINE_END
        or (len(b) > 1 and b[1] in NO_LINE_START)  # the pair was pushed down together
    )
    if a[-1] in HEADING_CLOSERS and b[0] not in NO_LINE_START:
        # ＜…＞ and 【…】 are headings of their own: whatever follows starts a new paragraph.
        return False
    if wraps is None and width is None:
        # Nothing known: join only when a word or kinsoku rule runs across the break.
        return kinsoku or phrase_continues(tokenizer, a, b)
    if wraps is not None and not wraps:
        # Geometry: a line that stopped short ends its paragraph; the grid's verdict already
        # allows for kinsoku (it asks whether the next line's first character, with any it may
        # not be parted from, would have fitted).
        return False
    # A full line may end a paragraph too: these hold whether a width or the geometry (the
    # grid's ``wraps``) says the line is full.
    if opens_paragraph(b) and not tokenizer.ends_open(a[-8:]):
        # Set phrases of the form that open a paragraph of their own after a finished one.
        return False
    if is_form_heading(b) and not tokenizer.ends_open(a[-8:]):
        # A whole line that is a heading of the form (具体的な方法) after a finished phrase.
        return False
    if a[-1] in SENTENCE_END and b[0] in "（(":
        # A finished sentence followed by a bracketed line: a note of its own, e.g. （省略）.
        return False
    if wraps:
        return True  # geometry: the line is full
    deficit = width - display_width(a)
    if deficit <= 1:
        return True
    if word_wrapped(a, b, width):
        return True
    if deficit > full_slack:
        return False
    cite = _CITATION_END.search(a)
    if cite and _CITATION_ON.match(b) and (cite.end() - cite.start() > 1) != b[0].isdigit():
        return True
    if kinsoku:
        return True
    if a[-1] in SENTENCE_END:
        return False
    tok = tokenizer
    if deficit <= ONE_CHAR_SHORT:
        return phrase_continues(tok, a, b, context)
    # Two characters short with no kinsoku reason: only a word running across the break
    # joins; a phrase ending on a particle (…まで) may well end its cell there.
    return word_spans_break(tok, a, b, context)


def rejoin_lines(
    lines: Sequence[CellLine],
    width: float | None,
    settings: RejoinSettings,
    tokenizer: Tokenizer | None = None,
) -> list[str]:
    """Paragraphs of a cell: soft wraps removed, lines stripped, empty lines dropped.  A
    full-width space (U+3000) at either side of a soft wrap is the document's and is kept."""
    # A line is copied only when stripping changes its text (most lines are stripped already).
    kept = [(cl if (t := cl.text.strip()) == cl.text else replace(cl, text=t), cl.text) for cl in lines]
    kept = [(cl, raw) for cl, raw in kept if cl.text]
    paragraphs: list[str] = []
    for i, (cl, raw) in enumerate(kept):
        left, left_raw = kept[i - 1] if i else (None, "")
        if left is not None and same_printed_line(left, cl):
            paragraphs[-1] += " " + cl.text
        elif left is not None and is_soft_break(left, cl, width, settings, tokenizer):
            if left_raw.rstrip(" \t\r\n").endswith("\u3000") or raw.lstrip(" \t").startswith("\u3000"):
                space = "\u3000"  # 生年月日　／性別: the document's own space, kept at the wrap
            elif left.space_after or word_wrapped(left.text, cl.text, width):
                space = " "
            else:
                space = ""
            paragraphs[-1] += space + cl.text
        else:
            paragraphs.append(cl.text)
    return paragraphs
