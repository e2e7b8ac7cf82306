"""Text printed right of the table in ``-layout``-like text: a margin comment, no cell's (branch subcol72).

Word and Writer print comment balloons (``情報政策課: 課長確認済み（2/3）``) in the page's right
margin beside the table.  The PDF reader leaves them out (no ruled cell holds them, a note names
the words it could not place); a layout text lays them on the explanation column's lines, so
they were read as the explanation's last paragraph, unwarned (set XXXIII n07: ``重要な変更にあたら
ない`` / ``情報政策課: 課長確認済み（2/3）`` in four layout texts).  The explanation column's
lines wrap at its width; a line of it that runs well past both that width and the end of the
column's label (the table's right edge) is printed outside the table: left out, with a note.
"""

from __future__ import annotations

import statistics

from .common import PageRows
from .lines import Line

EXPLANATION = 5
# A line of the explanation column this many times wider than its usual line (the widths'
# upper quartile: a wrapped column's full line) is wider than the column ...
MARGIN_WIDTH_SHARE = 1.4
# ... as is a line opening right of the column's right edge this many times as wide (a balloon's
# ``name: text``; a wrapped explanation line placed a little right is no wider than the column) ...
MARGIN_OPEN_WIDTH_SHARE = 1.2
# ... when it ends this share of the usual line's width or more right of the column's right edge.
MARGIN_OVERRUN_SHARE = 0.3
# A gap (offset units) wider than this between a line's words parts the explanation's text from
# a balloon printed beside it (a balloon's own words are a space apart: ``情報政策課: 課長確認済み``).
MARGIN_GAP = 1.5
MARGIN_NOTE = (
    "page {page}: text printed right of the table's last column (a margin comment), left out of "
    "the rows: {texts}"
)


def drop_margin_notes(res: PageRows, label: tuple[float, float] | None) -> None:
    """Take out of the page's rows (and lines) each explanation line ``MARGIN_WIDTH_SHARE`` times
    as wide as the column's usual line (the upper quartile of its lines' widths) or more, or
    opening right of the column's right edge and ``MARGIN_OPEN_WIDTH_SHARE`` times as wide,
    that ends ``MARGIN_OVERRUN_SHARE`` of that width or more right of that edge (the
    explanation label's ``label`` (x0, x1), offset units, as far right of the label's end as
    its start is right of the column's start ``res.bounds[5]``, and no nearer than a usual line
    from that start; None: no label row on the page, nothing done), with a note naming them;
    a line opening inside the column, printed beside a balloon, keeps its own words
    (``_cut_margin``)."""
    if label is None:
        return
    lines = [ln for row in res.rows for ln in row.get(EXPLANATION, [])]
    if len(lines) < 2:
        return
    usual = statistics.quantiles([ln.x1 - ln.x0 for ln in lines], n=4)[2]
    start = res.bounds[EXPLANATION]
    edge = max(label[1] + max(label[0] - start, 0.0), start + usual)
    right = edge + MARGIN_OVERRUN_SHARE * usual
    gone = [
        ln
        for ln in lines
        if ln.x1 > right
        and (
            ln.x1 - ln.x0 > MARGIN_WIDTH_SHARE * usual
            or (ln.x0 >= edge and ln.x1 - ln.x0 > MARGIN_OPEN_WIDTH_SHARE * usual)
        )
    ]
    if not gone:
        return
    # The rest of a balloon's printed line read as a line of its own, right of the column's edge.
    tops = {(ln.page, ln.top) for ln in gone}
    gone += [ln for ln in lines if ln not in gone and (ln.page, ln.top) in tops and ln.x0 >= edge]
    gone.sort(key=lambda ln: (ln.page, ln.top, ln.x0))
    texts = [
        _cut_margin(ln, start + MARGIN_WIDTH_SHARE * usual) if ln.x0 < edge else _take_line(ln) for ln in gone
    ]
    ids = {id(ln) for ln in gone if not ln.text.strip()}
    for row in res.rows:
        if EXPLANATION in row:
            row[EXPLANATION] = [ln for ln in row[EXPLANATION] if id(ln) not in ids]
    res.lines = [ln for ln in res.lines if id(ln) not in ids]
    res.notes.append(MARGIN_NOTE.format(page=gone[0].page, texts=" / ".join(texts)))


def _take_line(line: Line) -> str:
    """Empty (in place) a line printed wholly in the margin; its text."""
    taken, line.text = line.text, ""
    return " ".join(taken.split())


def _cut_margin(line: Line, edge: float) -> str:
    """Cut (in place) the margin's text off ``line``: from its first word that opens after a
    gap wider than a space (``MARGIN_GAP``) and ends past ``edge`` (the explanation's line
    printed beside a balloon keeps its own words), else the whole line (a balloon on a line of
    its own); the text cut."""
    words = line.words
    cut = next(
        (
            k
            for k in range(1, len(words))
            if words[k].x0 - words[k - 1].x1 > MARGIN_GAP and words[k].x1 > edge
        ),
        0,
    )
    if cut == 0:
        return _take_line(line)
    at = line.text.find(words[cut].text.strip())
    at = at if at > 0 else len(line.text)
    taken = line.text[at:]
    line.words, line.text, line.x1 = words[:cut], line.text[:at].rstrip(), words[cut - 1].x1
    return " ".join(taken.split())
