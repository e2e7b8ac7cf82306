"""The wrap widths of flattened text's boxes (pdfminer, plain ``pdftotext``): which width the
before / after columns wrap at and which the explanation column (``columnar``).

LibreOffice wraps each cell at its column's width, so the wrapped lines of a column's boxes are
about as wide as each other; the commonest width is taken for the before / after columns' and a
clearly narrower one for the explanation column's (``two_widths``).  Where the explanation column
is as wide as a before / after column, or the before column narrower than the explanation's, the
stock sentences of the explanations say so (``stock_explanations``).
"""

from __future__ import annotations

from collections import Counter

from .boxes import Box
from .chars import BODY_MARKER, display_width

# Two wrap widths closer than this share (of the wider) cannot tell two columns apart.
WIDTH_SEPARATION_SHARE = 0.12
# Display units a line may stray from its column's wrap width (kinsoku, a half-width character).
WIDTH_SLACK = 2
# A line ending with one of these ends its cell (or a paragraph of it).
SENTENCE_END = "。．.）)」』"
# ... and so does one ending a bracketed heading: no wrapped line, for the wrap widths.
PARAGRAPH_CLOSE = SENTENCE_END + "】＞>》"


def full_widths(boxes: list[Box]) -> list[int]:
    """Widths of lines that run on into the next line of their box (wrapped lines); a line
    ending a sentence or a bracketed heading (``【内部監査】``) ends a paragraph, no wrap."""
    out = []
    for b in boxes:
        for a, nxt in zip(b.lines, b.lines[1:], strict=False):
            ends = a.text.rstrip()[-1:] in PARAGRAPH_CLOSE
            if not ends and not BODY_MARKER.match(nxt.text) and nxt.text[:1] not in "①②③④⑤⑥⑦⑧⑨⑩":
                out.append(display_width(a.text))
    return out


def two_widths(widths: list[int]) -> tuple[int, int] | None:
    """The wrap widths of the before/after columns and of the explanation column (wide,
    narrow), from the widths of wrapped lines: the wide one is the commonest width of the
    window of ``WIDTH_SLACK`` display units holding most lines, the narrow one likewise among
    the widths (seen at least twice) clearly below it.  None when no such second
    width shows (the columns cannot be told apart by width)."""
    if len(widths) < 4:
        return None
    counts = Counter(widths)
    # A column's wrapped lines fall a little short of its width (kinsoku, a half-width
    # character): each width counts the lines up to WIDTH_SLACK narrower.
    # The width reported is the commonest one of the best window.
    near = {w: sum(c for v, c in counts.items() if w - WIDTH_SLACK <= v <= w) for w in counts}

    def commonest(top: int) -> int:
        return max((v for v in counts if top - WIDTH_SLACK <= v <= top), key=lambda v: (counts[v], v))

    wide = commonest(max(near, key=lambda w: (near[w], w)))
    below = {w: c for w, c in near.items() if w < (1 - WIDTH_SEPARATION_SHARE) * wide and counts[w] >= 2}
    if not below:
        return None
    narrow = commonest(max(below, key=lambda w: (below[w], w)))
    return wide, narrow
