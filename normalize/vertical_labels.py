"""Label words printed in vertical text and read back to front.

A label cell set in vertical text (Writer's text direction ``tbRl``, Calc's stacked text) prints
its characters top to bottom; pypdfium2 and pdfplumber give such a column's characters bottom
up, so the label row reads ``項目 変更前の記載 変更後の記載 変更日 期時出提 提出時期に係る説明``
(tools/make_roworder72_samples.py; set XXXIII n09's pdfplumber texts).  The label row is then not
known, nor the columns' order it prints (``label_order``).  ``unreversed_labels`` turns such a
label word round.  Only whole pieces (between spaces) equal to a label word reversed are turned:
no Japanese word reads so.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from piatable.models import CellLine

# Labels short enough to be set vertically in a narrow column (提出時期, 変更日).
VERTICAL_LABELS = ("提出時期", "変更日")
_REVERSED = {word[::-1]: word for word in VERTICAL_LABELS}
_PIECE = regex.compile(r"(?<![^\s　])(" + "|".join(_REVERSED) + r")(?![^\s　])")


def unreversed_labels(lines: list[CellLine]) -> list[CellLine]:
    """``lines`` with each whole piece that is a label of ``VERTICAL_LABELS`` read back to front
    (``期時出提``, ``日更変``) turned round (``提出時期``); the lines as given, the same objects,
    where there is none."""
    out = []
    for cl in lines:
        text = _PIECE.sub(lambda m: _REVERSED[m.group(1)], cl.text)
        out.append(cl if text == cl.text else replace(cl, text=text))
    return out
