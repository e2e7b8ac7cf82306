"""A cell's last wrapped line that is a word of the labels (``提出``, ``時期``, ``説明``), kept in its cell.

``labels.is_label_line`` reads a line holding nothing but a piece of the 提出時期 / 説明 labels as
a piece of the label row (the label row's second line ``時期 説明``, a wrapped label's ``期``), and the
layout reader leaves such lines out of the body.  A cell's own text wraps at any character, so
its last line may be such a word alone: the explanation ``…重要な変更（しきい値判断の結果の変更）に
当たるため事前に提出`` printed in a narrow 説明 column ends on a line ``提出`` (set XIX: t03 Writer,
t04 Chromium, t08 Calc; 14 rows of 10 inputs lost it, the rest read as a clip).  A label's piece
stands in the label row's band: under or over another label line, never right under a body
line's text of its own column.  A lone piece right under a body line (at most ``TAIL_STEP_EM``
line heights below it) whose text covers the piece's place, with no label line right under the
piece, is that cell's last line: it stays in the body.  A 提出時期 (事前 / 事後) or a date above it
is a one-line cell: a label piece under one is no wrapped rest of it.
"""

from __future__ import annotations

from piatable.settings import GridSettings
from piatable.vocabulary import TIMING

from ..dates import DATE
from .labels import Header, is_label_line
from .lines import Line

# A cell's wrapped lines follow one another at one line height; a blank line between the body
# line and the piece (1.5 line heights or more) sets the piece apart.
TAIL_STEP_EM = 1.5


def _covers(above: Line, line: Line) -> bool:
    """Whether a word of ``above`` other than a one-line value (事前 / 事後, a date) overlaps
    ``line``'s x extent."""
    return any(
        w.x0 < line.x1 and line.x0 < w.x1 and not TIMING.match(w.text) and not DATE.search(w.text)
        for w in above.words
        if w.text.strip()
    )


def cell_tail_lines(
    lines: list[Line], header: Header | None, hx: float, hy: float, settings: GridSettings
) -> set[int]:
    """Indexes into ``lines`` (a page's printed lines, top to bottom) of label-word lines that are
    a cell's last wrapped line (see the module notes): lines ``is_label_line`` holds for that
    the body keeps.  ``hx``, ``hy``: a character's width and a line's height in page units."""
    label = [is_label_line(ln, hx, settings) for ln in lines]
    out: set[int] = set()
    for k, ln in enumerate(lines):
        if not label[k] or k == 0 or len(ln.text.split()) != 1:
            continue
        above, below = lines[k - 1], lines[k + 1] if k + 1 < len(lines) else None
        if above.page != ln.page or label[k - 1] or ln.top - above.top > TAIL_STEP_EM * hy:
            continue
        if header is not None and above.top <= header.bottom:
            continue  # right under the label row: its band
        if (
            below is not None
            and label[k + 1]
            and below.page == ln.page
            and below.top - ln.top <= TAIL_STEP_EM * hy
        ):
            continue  # over another label line: a wrapped label's upper piece
        if _covers(above, ln):
            out.add(k)
    return out
