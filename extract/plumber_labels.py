"""The column-label row in pdfplumber ``extract_text()`` text, on one line or wrapped over several.

pdfplumber groups a page's characters into lines by their top (``y_tolerance`` 3 pt), so a
label row whose labels wrap in narrow columns prints over two or three lines, each holding the
pieces printed at that height side by side, one space apart:

- top-aligned (Writer): ``変更日 項目 変更前の記載 変更後の記載 提出 提出時期に`` over ``時期 係る説明``;
- centred vertically (Calc): the two-line labels' first lines above the one-line labels,
  their second lines below: ``変更前の 変更後の 提出 提出時期に係る`` / ``変更日 項目`` /
  ``記載 記載 時期 説明``.

``label_block`` finds such a block of lines and gives each piece its column: each line's pieces
go to columns left to right, and each column's pieces, read top to bottom, must spell its label
(or the start of it, for a label cut by the block's end).
"""

from __future__ import annotations

import itertools

from piatable.vocabulary import LABEL_PIECES, LABELS, is_header_line

COLUMNS = len(LABELS)
# Lines a wrapped label row may take (提出時期 wrapped a character a line in a narrow column).
LABEL_BLOCK_LINES = 4
# Labels a block must spell in full to be the label row (of the six).
LABEL_BLOCK_MIN_LABELS = 4
# Each column's label as printed: the form's, or the short one a table's author types
# (``変更前`` / ``変更後`` / ``説明``: set XIII's Gnumeric t09, whose label row
# ``提出`` / ``変更日 項目 変更前 変更後 説明`` / ``時期`` spelt only three labels in full).
LABEL_FORMS: tuple[tuple[str, ...], ...] = tuple(
    (lab, *{2: ("変更前",), 3: ("変更後",), 5: ("説明",)}.get(c, ())) for c, lab in enumerate(LABELS)
)


def _is_label_substring(frag: str) -> bool:
    return any(frag in lab for lab in LABELS)


def _spells(col: int, text: str) -> bool:
    """``text`` is the start of column ``col``'s label, in one of its printed forms."""
    return any(form.startswith(text) for form in LABEL_FORMS[col])


def _assign(lines: list[list[str]]) -> list[dict[int, str]] | None:
    """Each line's pieces in columns (left to right, one column each) such that every column's
    pieces, top to bottom, spell the start of its label, with the most labels spelt in full;
    None when no such assignment spells ``LABEL_BLOCK_MIN_LABELS``."""
    best: tuple[int, list[dict[int, str]]] | None = None

    def lines_from(k: int, spelt: tuple[str, ...], placed: list[dict[int, str]]) -> None:
        nonlocal best
        if k == len(lines):
            full = sum(spelt[c] in LABEL_FORMS[c] for c in range(COLUMNS))
            if best is None or full > best[0]:
                best = (full, list(placed))
            return
        frags = lines[k]

        def frags_from(i: int, col: int, cur: tuple[str, ...], cells: dict[int, str]) -> None:
            if i == len(frags):
                lines_from(k + 1, cur, [*placed, dict(cells)])
                return
            for c in range(col, COLUMNS - (len(frags) - i - 1)):
                text = cur[c] + frags[i]
                if _spells(c, text):
                    cells[c] = frags[i]
                    frags_from(i + 1, c + 1, (*cur[:c], text, *cur[c + 1 :]), cells)
                    del cells[c]

        frags_from(0, 0, spelt, {})

    lines_from(0, ("",) * COLUMNS, [])
    if best is None or best[0] < LABEL_BLOCK_MIN_LABELS:
        return None
    return best[1]


def label_block(lines: list[list[str]], start: int) -> list[dict[int, str]] | None:
    """The label row opening at line ``start`` (a line's space-separated pieces each): the
    columns of each of its lines' pieces (one dict per line, column → piece), the longest block
    of up to ``LABEL_BLOCK_LINES`` lines that spells the labels; None when no label row opens
    there.  Every piece of every line in the block is a piece of a label."""
    run = 0
    while (
        run < LABEL_BLOCK_LINES
        and start + run < len(lines)
        and lines[start + run]
        and all(_is_label_substring(f) for f in lines[start + run])
    ):
        run += 1
    for n in range(run, 0, -1):
        cells = _assign(lines[start : start + n])
        if cells is not None and all(cells_k for cells_k in cells):
            return cells
    return None


def printed_by_top(block: list[dict[int, str]]) -> bool:
    """A label row wrapped over lines and printed in the order of the lines' tops: read line by
    line, left to right, its pieces go back to a column left of one already printed (a
    label's second line under the first lines of the labels right of it, ``提出 提出時期に`` /
    ``時期 係る説明``; a centred label's first line above the one-line labels, ``提出時`` /
    ``変更日 項目 …`` / ``期``).  An extractor in content-stream order (``pdftotext -raw``,
    pypdfium2) prints a Writer label's lines one after the other before the next label
    (LibreOffice draws a cell's text whole), a column-ordered one (pdfminer, plain pdftotext)
    each label apart; such a text goes back a column only where Calc draws a label after the
    others (office-block46's -raw: ``変更日 … 提出時期に係る説明`` / ``提出時`` / ``期``), and then
    holds few lines of cells side by side (``plumber_text.PLUMBER_TOP_ORDER_SHARE``)."""
    cols = [c for cells in block for c in sorted(cells)]
    return any(b < a for a, b in itertools.pairwise(cols))


def header_cells(frags: list[str]) -> dict[int, str]:
    """The label row's fragments in their columns (a label split in two, as ``提出時`` over
    ``期``, still takes one column)."""
    cells: dict[int, str] = {}
    col = 0
    for frag in frags:
        if frag in LABELS:
            col = LABELS.index(frag)
        elif frag in LABEL_PIECES:
            col = next((i for i, lab in enumerate(LABELS) if lab.startswith(frag)), col)
        cells[col] = f"{cells[col]} {frag}" if col in cells else frag
        col = min(col + 1, COLUMNS - 1)
    return cells


def label_tail_cells(frags: list[str], header: dict[int, str]) -> dict[int, str] | None:
    """The second line of wrapped labels (``期`` under ``提出時``): each fragment under the
    label it completes; None when a fragment completes none."""
    cells: dict[int, str] = {}
    for frag in frags:
        col = next((c for c, lab in header.items() if lab + frag in LABELS), None)
        if col is None or col in cells:
            return None
        cells[col] = frag
    return cells


def opens_labels(lines: list[list[str]], i: int) -> bool:
    """Line ``i`` opens the column-label row (on one line, or wrapped: ``label_block``)."""
    return bool(lines[i]) and (is_header_line(" ".join(lines[i])) or label_block(lines, i) is not None)
