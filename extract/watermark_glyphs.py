"""A watermark or stamp drawn as text over a table page (「公表用」, 「複製禁止」, 「SAMPLE」): set aside
before cells are built.

A municipality stamps its published PDF with a large, light, often diagonal word (a pypdf or
qpdf overlay, LibreOffice's export option ``Watermark``).  Its glyphs lie over the table: each
one crossing the rulings became a row boundary or a cell of its own (set XVIII's D: the after of
a row read ``用``, rows duplicated).  What tells it from the page's own text is its size: a
watermark's glyphs are several times the height of the page's body text (60-110 pt over 8-11 pt
cells), where a page's largest own text, its title, is at most twice it (a cover's 16-20 pt).

Only the glyphs' size is used, not their angle or colour: a horizontal watermark is as much
furniture as a diagonal one, and pdfium's loose box of a turned glyph is the box around it, larger
still.  The characters are left out with a note counting and quoting them.
"""

from __future__ import annotations

import statistics

from piatable.models import Word

# A character this many times the page's median character height is a watermark's (a table's
# body text is 7-11 pt; watermarks are drawn at 40-110 pt; a title is at most 2.5 times the body).
WATERMARK_HEIGHT_RATIO = 4.0
# The median is taken over a page with at least this many characters (a page of a few
# characters has no body text to compare with).
MIN_BODY_CHARS = 20


def split_watermark(words: list[Word], turned: list[Word]) -> tuple[set[int], int]:
    """The ids (``id()``) of the characters of ``words`` and ``turned`` (one page's, pdfium's
    loose boxes in pt) that are a watermark's, and how many of them are not blank.  Empty when
    the page has fewer than ``MIN_BODY_CHARS`` characters."""
    glyphs = [w for w in (*words, *turned) if w.text.strip()]
    if len(glyphs) < MIN_BODY_CHARS:
        return set(), 0
    body = statistics.median(w.bottom - w.top for w in glyphs)
    if body <= 0:
        return set(), 0
    limit = WATERMARK_HEIGHT_RATIO * body
    big = {id(w) for w in (*words, *turned) if w.bottom - w.top >= limit}
    # A blank character is the watermark's only where it is as big as its glyphs (its spaces).
    return big, sum(1 for w in glyphs if id(w) in big)


def watermark_note(number: int, chars: list[str], count: int) -> str:
    """The page's note on its watermark characters left out (quotes at most 20 of them)."""
    quoted = "".join(chars[:20]) + ("…" if len(chars) > 20 else "")
    return (
        f"page {number}: {count} characters of a watermark (glyphs at least "
        f"{WATERMARK_HEIGHT_RATIO:g} times the page's text height) left out: 「{quoted}」"
    )
