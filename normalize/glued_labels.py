"""Column-label rows whose last label is glued to a stacked label's first piece.

pypdf's ``extract_text()`` puts text runs whose baselines lie close on one line, and writes no
space between two runs that touch.  A Calc table whose 提出時期 label wraps in a narrow column
(``提出`` / ``時期``, centred in the label cell) prints, on each page after the first (the repeated
label row), ``変更日 項目 変更前の記載 変更後の記載 提出時期に係る説明提出 時期``: the wrapped label's
first line glued to 提出時期に係る説明 (set XIV's t01–t03; pdftotext ``-raw`` and pypdfium2 give the
pieces lines of their own).  The line is then no label row (``vocabulary.is_header_line``: one
piece is no label), and its labels are read as a row's cells (変更後 = 「提出時期」), shifting the
rows after it.

``split_glued_labels`` puts a space between the two labels where that makes the line a label
row; nothing else changes.
"""

from __future__ import annotations

import regex

from piatable.vocabulary import LABEL_PIECES, is_header_line, label_count

_SPACES = regex.compile(r"[ \u3000]+")
# A glued piece is at most two labels long: the longest label (提出時期に係る説明, 9 characters)
# and the longest piece (提出時期に係る, 7).
GLUED_PIECE_MAX_CHARS = 16


def _split_piece(piece: str) -> str | None:
    """``piece`` as two label pieces with a space between (the first a whole piece, the second
    too), or None when no split makes both label pieces."""
    if piece in LABEL_PIECES or len(piece) > GLUED_PIECE_MAX_CHARS:
        return None
    for cut in range(len(piece) - 1, 0, -1):
        if piece[:cut] in LABEL_PIECES and piece[cut:] in LABEL_PIECES:
            return f"{piece[:cut]} {piece[cut:]}"
    return None


def split_glued_label_line(line: str) -> str | None:
    """The line with its glued label pieces split (module docstring) when that makes it a
    column-label row and it was not one; else None."""
    if label_count(line) < 2 or is_header_line(line):
        return None
    pieces = [p for p in _SPACES.split(line.strip()) if p]
    split = [_split_piece(p) or p for p in pieces]
    if split == pieces:
        return None
    mended = " ".join(split)
    return mended if is_header_line(mended) else None


def split_glued_labels(text: str) -> tuple[str, int]:
    """``text`` with each glued label row split (``split_glued_label_line``); how many lines
    changed."""
    if "説明" not in text:
        return text, 0
    # A page's text joined to the next with a bare form feed (pypdf's pages joined so) puts a
    # page's first line after the last line of the page before: each side is a line here.
    lines = [part for line in text.split("\n") for part in line.split("\f")]
    ends = [sep for line in text.split("\n") for sep in ["\f"] * line.count("\f") + ["\n"]]
    changed = 0
    for i, line in enumerate(lines):
        mended = split_glued_label_line(line) if "説明" in line else None
        if mended is not None:
            lines[i] = mended
            changed += 1
    if not changed:
        return text, 0
    return "".join(part + sep for part, sep in zip(lines, ends, strict=True))[:-1], changed


GLUED_LABELS_NOTE = (
    "{n} column-label rows had a label glued to the next label's first piece (pypdf's"
    " 説明提出 時期); a space was put between them"
)
