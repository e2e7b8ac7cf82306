"""Explanation boxes told by the form's stock sentences, and wrap widths they contradict
(issue 10, boxes43).

In the text of boxes (pdfminer, plain ``pdftotext``) the explanation column is told from the
before / after columns by its wrap width (``wrap_widths.two_widths``: the before / after columns'
width is the commonest, the explanation's a narrower one).  LibreOffice wraps each column at its
own width, so that holds only when the before and after columns are alike and wider than the
explanation's.  A table whose 変更前 column is the narrowest (``[14, 16, 19, 29, 6, 29]``:
before 28 display units, after and 説明 44) gives the two widths (44, 28): every before cell is
read as an explanation and every explanation as a before / after cell, and the rows' cells are
handed out shifted.

An explanation that ends with a stock sentence of the form (``重要な変更には当たらない``,
``重大な変更に該当しない``, ``特定個人情報保護評価の再実施には該当しない``:
``vocabulary.EXPLANATION_PHRASES``) is an explanation whatever its width or length; no before /
after cell of the tuning sets ends so.  Where such boxes wrap wider than the explanation width
found, that width is some other column's: the widths say nothing of the explanation column, and
the boxes are read without them (by their words and where the extractor emitted them).
"""

from __future__ import annotations

import regex

from piatable.vocabulary import EXPLANATION_PHRASES

from .boxes import Box

_WHITESPACE = regex.compile(r"\s+")
# (A phrase may close in brackets: ``…に伴う修正（重要な変更に当たらない）``.)
STOCK_END = regex.compile(
    "(?:" + "|".join(regex.escape(p) for p in EXPLANATION_PHRASES) + r")[。．.]?[）)]?[。．.]?$"
)
# Boxes ending with a stock sentence, wrapped wider than the explanation width found, that show
# the width is another column's (one may be two explanations merged with a wider cell's text).
CONTRADICTING_BOXES_MIN = 2


def ends_with_stock_sentence(box: Box) -> bool:
    """Whether the box's text (whitespace aside) ends with a stock sentence of the 提出時期に係る
    説明 column (``重要な変更には当たらない。``)."""
    return bool(STOCK_END.search(_WHITESPACE.sub("", box.text)))


def explanation_width_contradicted(boxes: list[Box], widths: tuple[int, int] | None, slack: int) -> bool:
    """Whether the explanation width of ``widths`` (before/after, explanation; display units) is
    contradicted by the boxes of ``boxes`` that end with a stock sentence and wrap (more than one
    line): at least ``CONTRADICTING_BOXES_MIN`` of them are wider than that width by more than
    ``slack``, and more of them are so than fit it."""
    if widths is None:
        return False
    narrow = widths[1]
    stock = [b for b in boxes if len(b.lines) > 1 and ends_with_stock_sentence(b)]
    wider = sum(1 for b in stock if b.width > narrow + slack)
    fit = sum(1 for b in stock if narrow - slack <= b.width <= narrow + slack)
    return wider >= CONTRADICTING_BOXES_MIN and wider > fit
