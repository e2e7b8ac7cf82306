"""Page furniture of a text-layer PDF's table pages: page numbers, page headers and footers.

A document prints, in the page's margins and outside its table, a page number (``3``, ``- 3 -``,
``3/5``, ``P.3``) and often a header or footer (``（別添２）``, ``特定個人情報保護評価書（全項目評価書）``).
A table with rulings keeps them out of its cells; a table without rulings (pandoc → Writer,
the label row's foot its only line) does not: the page number under the page's last row was
read as that row's last cell (``…意見を募集した。3``, set XVII kind 1, session 55).

A line of characters is furniture where the page's geometry shows it to be so, never by its
words alone:

* it stands in the page's outer band (``EDGE_BAND`` of the page's height, at the top or the
  foot), beyond every other line of the page but furniture, at least ``MIN_GAP_LINES`` of its
  own height away from the page's other text, and outside the span of the page's rulings; and
* it is a page number of a printed form (``vocabulary.PAGE_NUMBER``) or a bare number, or a
  piece of text printed at the same place (within ``SAME_PLACE_PT``) on at least two of the
  table pages (digits read as one: ``1/3`` and ``2/3``).

The characters are left out of the page with a note counting them (``FURNITURE_NOTE``).
"""

from __future__ import annotations

from piatable.models import PageWords, Word
from piatable.vocabulary import BARE_NUMBER

from .page_edges import could_be_furniture, edge_key, is_page_mark

# The outer band of a page where furniture stands: this share of its height at the top and at
# the foot (A4's 15-20 mm margins hold the header and footer: 5-7% of the page's height; a
# document with wider margins still prints them within 12%).
EDGE_BAND = 0.12
# Furniture stands apart from the page's text: at least this many of its own line heights
# from the nearest other line (Writer's footer: 1.6 lines under the last row at 9 pt, its
# header 0.6 lines over the first paragraph; a cell's lines are 0.1-0.3 apart), or a ruling
# between them.
MIN_GAP_LINES = 0.5
# Characters whose vertical middles are within this share of a line's height are one line.
LINE_SLACK = 0.5
# A line's pieces are split where the gap between characters exceeds this many line heights
# (a footer's text at the left and its page number in the middle).
PIECE_GAP_LINES = 2.0
# Copies of a header or footer on two pages stand at the same place, within this many points.
SAME_PLACE_PT = 3.0

FURNITURE_NOTE = (
    "{numbers} page numbers and {pieces} page-header / footer pieces ({shown}) printed in the pages'"
    " margins were read as page furniture and left out of the rows"
)


def _lines(words: list[Word]) -> list[list[Word]]:
    """The page's characters as lines, top to bottom, each left to right: a character joins the
    line whose first character's middle is within ``LINE_SLACK`` of that character's height of
    its own (a character's box never stretches a line: a glyph with a tall box would join
    every line it spans)."""
    out: list[list[Word]] = []
    ref: tuple[float, float] | None = None  # the current line's middle and height
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        mid = (w.top + w.bottom) / 2
        if ref is not None and abs(mid - ref[0]) <= LINE_SLACK * ref[1]:
            out[-1].append(w)
            continue
        out.append([w])
        ref = (mid, max(w.bottom - w.top, 1e-3))
    return [sorted(line, key=lambda w: w.x0) for line in out]


def _extent(line: list[Word]) -> tuple[float, float]:
    """A line's top and bottom: the median character's (a tall box left out)."""
    tops = sorted(w.top for w in line)
    bottoms = sorted(w.bottom for w in line)
    return tops[len(tops) // 2], bottoms[len(bottoms) // 2]


def _pieces(line: list[Word]) -> list[list[Word]]:
    """A line split at wide gaps."""
    top, bottom = _extent(line)
    height = bottom - top
    out = [[line[0]]]
    for w in line[1:]:
        if w.x0 - out[-1][-1].x1 > PIECE_GAP_LINES * height:
            out.append([w])
        else:
            out[-1].append(w)
    return out


def _text(piece: list[Word]) -> str:
    return "".join(w.text for w in piece).strip()


def _edge_lines(page: PageWords) -> list[tuple[list[Word], float]]:
    """The page's outermost lines in its outer bands (top first, then foot), each with its
    middle: lines beyond every other line, standing apart, outside the rulings' span."""
    lines = [ln for ln in _lines([w for w in page.words if w.text.strip()]) if ln]
    if len(lines) < 2:
        return []
    ruled = [(r[1], r[3]) for r in page.rulings]
    top_rule = min((a for a, _ in ruled), default=None)
    foot_rule = max((b for _, b in ruled), default=None)
    out: list[tuple[list[Word], float]] = []
    for order in (lines, lines[::-1]):
        at_top = order is lines
        for k, line in enumerate(order[:-1]):
            top, bottom = _extent(line)
            inner_top, inner_bottom = _extent(order[k + 1])
            gap = inner_top - bottom if at_top else top - inner_bottom
            in_band = bottom <= EDGE_BAND * page.height if at_top else top >= (1 - EDGE_BAND) * page.height
            outside = (
                top_rule is None
                or (at_top and bottom <= top_rule)
                or (not at_top and foot_rule is not None and top >= foot_rule)
            )
            # Apart from the page's text: a gap, or a ruling between (the table's frame).
            ruled_off = any(
                (bottom <= y <= inner_top) if at_top else (inner_bottom <= y <= top) for r in ruled for y in r
            )
            if not (in_band and outside and (ruled_off or gap >= MIN_GAP_LINES * (bottom - top))):
                break
            out.append((line, (top + bottom) / 2))
    return out


def drop_page_furniture(pages: list[PageWords]) -> list[str]:
    """Leave the furniture out of ``pages`` (their ``words`` are replaced); the note counting
    what was left out ([] when nothing was)."""
    found: dict[int, list[tuple[list[Word], float, str]]] = {}
    for page in pages:
        found[page.page] = [
            (piece, mid, _text(piece)) for line, mid in _edge_lines(page) for piece in _pieces(line)
        ]
    places: dict[str, list[tuple[int, float]]] = {}
    for n, pieces in found.items():
        for _, mid, text in pieces:
            places.setdefault(edge_key(text), []).append((n, mid))
    drop: set[int] = set()
    numbers = others = 0
    shown: list[str] = []
    for n, pieces in found.items():
        for piece, mid, text in pieces:
            # A bare number alone on its line (a 番号 column's number has its row beside it).
            alone = len([p for p in pieces if p[1] == mid]) == 1
            if is_page_mark(text) or (alone and BARE_NUMBER.match(text)):
                numbers += 1
            else:
                copies = {m for m, y in places[edge_key(text)] if m != n and abs(y - mid) <= SAME_PLACE_PT}
                if not copies or not could_be_furniture(text):  # a slide's title 変更箇所（2/3）
                    continue
                others += 1
                if text not in shown:
                    shown.append(text)
            drop.update(id(w) for w in piece)
    if not drop:
        return []
    for page in pages:
        page.words = [w for w in page.words if id(w) not in drop]
    return [FURNITURE_NOTE.format(numbers=numbers, pieces=others, shown=" / ".join(shown) or "none")]
