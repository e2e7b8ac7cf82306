"""List labels of ``pdftotext -layout`` text given to the paragraph they label (issues 10/11/12,
branch glyphs48).

Writer draws the label of a List Bullet / List Number paragraph (``•``, ``4.``) at the cell's
left edge and the paragraph's text at its indent, a tab's width to the right.  ``-layout`` keeps
that gap, two spaces or more, so the label is a segment of its own, nearer the column on its
left than the text is: set X's W2 read ``住民基本台帳の4.記録`` into the before cell and the after
cell lost its numbers ``4.``–``7.``; a bullet went into the item cell (0.934, no flag).

``join_list_labels`` joins such a label to the segment just right of it on the same line, and
the joined segment stands where the text does (its column decides the cell), so the label goes
with its paragraph.  Only labels as Writer and Word draw them: a bullet glyph, or a number with
``.`` (``4.``); and only a label that is a whole segment, followed within
``LABEL_GAP_MAX`` columns by more text, and not at the line's first column (there the
変更日 column prints a wrapped date's piece: ``R3.`` / ``10.`` / ``1``).
"""

from __future__ import annotations

from dataclasses import replace

import regex

from piatable.models import Word

from .chars import display_width

# A list label as a word processor draws it: a bullet glyph (• ● ■ ◆, or a symbol font's
# private-use bullet left unmapped) or an ASCII number with a full stop (List Number's ``1.``).
# Not a typed ・ or (1): the cell's own text (a Calc cell's ``・\u3000番号法…``), whose place in
# the line says where its column is (office-narrow43: shifting ``・ `` made a right row wrong).
_LABEL = r"(?:[•●■◆\uf0b7\uf0a7]|\d{1,2}\.)"
LIST_LABEL = regex.compile(rf"^{_LABEL}$")
# A segment that opens with a label and one space (the label printed a space's width before the
# text: ``• 番号法第９条第``): its text's column is where the paragraph stands.
LABELLED = regex.compile(rf"^({_LABEL}) (?=\S)")
# The widest gap (display columns) between a label and its paragraph's text: a tab's indent
# in -layout text is 3 to 5 columns (set X, W2: IPAexGothic 10 pt, 0.63 cm indent).
LABEL_GAP_MAX = 6


def join_list_labels(words: list[Word]) -> list[Word]:
    """One line's segments (left to right, ``text_to_pages``' Words) with each list label joined
    to the segment after it (module notes): ``4.`` at column 36 and ``住民基本台帳の`` at 41 →
    ``4. 住民基本台帳の`` at 41 (its right edge moved by the label's width); a segment opening
    with a label and one space stands at its text's column (``_at_text``)."""
    words = [_at_text(w) for w in words]
    if len(words) < 2 or not any(LIST_LABEL.match(w.text) for w in words[:-1]):
        return words
    out: list[Word] = []
    k = 0
    while k < len(words):
        w = words[k]
        nxt = words[k + 1] if k + 1 < len(words) else None
        if nxt is not None and w.x0 > 0 and LIST_LABEL.match(w.text) and 0 < nxt.x0 - w.x1 <= LABEL_GAP_MAX:
            out.append(replace(nxt, text=f"{w.text} {nxt.text}", x1=nxt.x1 + (w.x1 - w.x0) + 1))
            k += 2
            continue
        out.append(w)
        k += 1
    return out


def _at_text(w: Word) -> Word:
    """``w`` placed at its text's column when it opens with a list label and one space
    (``LABELLED``): the label stands left of the paragraph's indent, in the gap between cells."""
    m = LABELLED.match(w.text) if w.x0 > 0 else None
    if m is None:
        return w
    return replace(w, x0=w.x0 + display_width(m.group(0)))
