"""A remarks column (備考) printed right of 提出時期に係る説明, in ``-layout``-like text: its pieces
told from the explanation's and set aside with a note, as the PDF reader sets its words aside.

Some municipalities print a 7th column 備考 holding short remarks (``庁内決裁済``, ``要確認``).  It
is no field.  Layout-mode texts (``pdftotext -layout``, pdfplumber ``layout=True``, pypdf's layout
mode) place a line's pieces at offsets that drift with the characters left of them, by tens of
columns on a line of long cells, so the remark's column cannot be told by its offset alone; the
six-column reader then gives the remark to the explanation, glued after the explanation's line
(``…番号の庁内決裁済利用等…``, one space apart) or after a column gap.  What tells them apart, on a
page whose label row names such a column (``remark_label``):

1. a column gap (more than one space) between two of the explanation's pieces on one line: an
   explanation's printed line holds no such gap, so the pieces from the gap on are the remark's;
2. a piece one space after a *full* explanation line (as wide as the explanation's wrap width,
   ``wrap_width`` of the page's explanation lines, less ``REMARK_FULL_SLACK``): a wrapped line
   ends there, so what follows on the line is the next column's.

A piece one space after a line that is not full may be either (a sentence's space, or a squeezed
gap): it is left in the explanation and the line says so (``Line.remark_guess``), and the row is
warned ``column_guess`` (``squeezed_gaps.cell_doubt``).  A remark on a line of its own (an
explanation shorter than the remark cell) cannot be told by order and stays in the explanation,
unwarned: on the tuning samples the remark shares a line with the explanation's first line (the
cells top-aligned) or its middle (centred).
"""

from __future__ import annotations

from collections import Counter

from ..chars import display_width, without_whitespace
from ..reason_column import REASON_LABELS
from ..row_numbers import PAGE_TAIL_LABELS, TAIL_LABELS
from .lines import Line

# Labels of a remarks column: the tail labels that head text, not page numbers, and those of a
# reason or legal-basis column (変更理由, 根拠: ``reason_column``; not tail labels of
# ``row_numbers``, whose label row search would take a wrapped item's ``法令上の`` / ``根拠``).
REMARK_LABELS = frozenset(t for t in TAIL_LABELS if t not in PAGE_TAIL_LABELS) | REASON_LABELS
# The explanation's column index among the six.
EXPLANATION = 5
# The index a remark piece is given (a seventh column, set aside).
REMARK = 6
# A gap wider than this (text columns) between two pieces of one line is a column gap.
ONE_SPACE = 1.5
# Display units a full explanation line may fall short of its wrap width (kinsoku, a half-width
# character at the end).
REMARK_FULL_SLACK = 2.0
# The note naming what was set aside (texts quoted, the first ``NOTE_TEXTS`` of them).
NOTE_TEXTS = 8
REMARKS_NOTE = (
    "an extra column ({label}) right of the fields was read: {n} pieces set aside, not a field ({texts})"
)
REMARK_GUESS_WHY = (
    "a piece one space after the explanation's line that is not full, or alone far right of the"
    " column's start ({first!r}), may be the remarks column's (the label row names one, 備考, right"
    " of the explanation): left in the explanation"
)
# A line's explanation text opening this share of the wrap width right of the explanation's usual
# start (the median of its lines' openings) may be a remark on a line of its own (a remark
# centred beside a one-line explanation printed higher: Chromium, office-thead56).
REMARK_FAR_SHARE = 0.75


def remark_label(label_lines: list[list[Line]], explanation_x0: float | None) -> tuple[str, float] | None:
    """(label, offset) of a remarks label (``REMARK_LABELS``) among the label row's pieces
    (``label_lines``: per line of the label row, its pieces) right of the explanation's label
    (``explanation_x0``), or None."""
    if explanation_x0 is None:
        return None
    for pieces in label_lines:
        for p in pieces:
            t = without_whitespace(p.text)
            if t in REMARK_LABELS and p.x0 > explanation_x0:
                return t, p.x0
    return None


def _width(pieces: list[Line]) -> float:
    """Display width of pieces read as one line (one space between pieces one space apart)."""
    out = 0.0
    for i, p in enumerate(pieces):
        out += display_width(p.text.strip()) + (1 if i else 0)
    return out


def split_remarks(
    segs: list[list[Line]], cols: list[list[int]], wrap: float, label_x0: float | None = None
) -> list[list[int]]:
    """``cols`` (each line's pieces' columns) with the pieces of the remarks column given
    ``REMARK``, by the rules of the module docstring; ``wrap``: the explanation's wrap width
    (display units, 0 when unknown); ``label_x0``: the remarks label's offset (None: unknown).
    A piece that may be the remark's is left in the explanation with its ``remark_guess`` set
    (``REMARK_GUESS_WHY``)."""
    out = [list(cs) for cs in cols]
    for line, cs in zip(segs, out, strict=True):
        ex = [i for i, c in enumerate(cs) if c == EXPLANATION]
        for t in range(1, len(ex)):
            prev, here = line[ex[t - 1]], line[ex[t]]
            gap = here.x0 - prev.x1
            full = wrap > 0 and _width([line[i] for i in ex[:t]]) >= wrap - REMARK_FULL_SLACK
            if gap > ONE_SPACE or full:
                for i in ex[t:]:
                    cs[i] = REMARK
                break
            here.remark_guess = here.text.strip()
            break
    _far_openings(segs, out, wrap)
    if label_x0 is not None:
        _overfull_lines(segs, out, label_x0)
    return out


def _overfull_lines(segs: list[list[Line]], cols: list[list[int]], label_x0: float) -> None:
    """Mark (``remark_guess``) each explanation piece wider than the explanation's full lines
    (the commonest width among its pieces at least half as wide as the widest, plus
    ``REMARK_FULL_SLACK``) that reaches the remarks label's offset ``label_x0``: a remark glued
    to a full line with no space at all (pdfplumber's layout text, set XXXII u02: ``…委託先の変
    様式改正`` / ``更``), which no gap sets apart (left in the explanation, the row warned)."""
    pieces = [
        p
        for line, cs in zip(segs, cols, strict=True)
        for p, c in zip(line, cs, strict=True)
        if c == EXPLANATION
    ]
    widths = [display_width(p.text.strip()) for p in pieces]
    if not widths:
        return
    wide = [w for w in widths if 2 * w >= max(widths)]
    full = Counter(wide).most_common(1)[0][0]
    for p, w in zip(pieces, widths, strict=True):
        if w > full + REMARK_FULL_SLACK and p.x1 >= label_x0 and not p.remark_guess:
            p.remark_guess = p.text.strip()


def _far_openings(segs: list[list[Line]], cols: list[list[int]], wrap: float) -> None:
    """Mark (``remark_guess``) each line whose explanation text opens ``REMARK_FAR_SHARE`` of the
    explanation's widest line or more right of where the explanation's lines usually open: a
    remark on a line of its own, which order cannot tell (left in the explanation, the row
    warned)."""
    firsts = [line[cs.index(EXPLANATION)] for line, cs in zip(segs, cols, strict=True) if EXPLANATION in cs]
    if wrap <= 0 or len(firsts) < 3:
        return
    start = sorted(p.x0 for p in firsts)[len(firsts) // 2]
    # The wrap width in the offsets' own units (display columns or characters): the widest line
    # opening at the usual start.
    width = max((p.x1 - p.x0 for p in firsts if abs(p.x0 - start) <= 1), default=0.0)
    for p in firsts:
        if width and p.x0 - start >= REMARK_FAR_SHARE * width and not p.remark_guess:
            p.remark_guess = p.text.strip()


def explanation_widths(segs: list[list[Line]], cols: list[list[int]]) -> list[float]:
    """Display widths of each line's explanation text up to its first column gap (what the
    explanation's wrap width is learned from)."""
    out = []
    for line, cs in zip(segs, cols, strict=True):
        ex = [line[i] for i, c in enumerate(cs) if c == EXPLANATION]
        if not ex:
            continue
        run = [ex[0]]
        for p in ex[1:]:
            if p.x0 - run[-1].x1 > ONE_SPACE:
                break
            run.append(p)
        out.append(_width(run))
    return out


def remarks_note(label: str, texts: list[str]) -> str:
    """The note for the remark pieces set aside: the first ``NOTE_TEXTS`` quoted, or every one
    for a reason column's (prose, the row's own text: the note is where it is kept)."""
    limit = len(texts) if label in REASON_LABELS else NOTE_TEXTS
    shown = ", ".join(f"「{t}」" for t in texts[:limit]) + (" …" if len(texts) > limit else "")
    return REMARKS_NOTE.format(label=label, n=len(texts), texts=shown)
