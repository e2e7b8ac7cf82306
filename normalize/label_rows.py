"""Column-label rows among a table's lines (issue 10): a label wrapped in a narrow header cell
at any character (``提出時`` / ``期``, ``提出時期に係る説`` / ``明``), which LibreOffice Calc draws with
the wrapped cells, after a page's pass 1 of one-line cells.  Such a row is page furniture, never
a record (``region._furniture`` drops it); ``labels_among_cells`` names the ones dropped there for
the reader's note."""

from __future__ import annotations

from piatable.models import CellLine
from piatable.vocabulary import LABELS

# A column label wrapped in a narrow header cell at any character (``提出時期に係る説`` / ``明``):
# at most this many lines.
WRAPPED_LABEL_MAX_LINES = 4
LABEL_TEXTS = frozenset(LABELS)
# Every opening of a label ("" included): ``x in LABEL_OPENINGS`` is ``any(label.startswith(x))``.
LABEL_OPENINGS = frozenset(label[:k] for label in LABEL_TEXTS for k in range(len(label) + 1))

# What the reader's note says of the labels ``labels_among_cells`` finds.
LABELS_AMONG_CELLS_NOTE = (
    "a column-label row printed among the table's cells was left out as page furniture: {}"
)


def wrapped_labels(lines: list[CellLine]) -> list[tuple[int, int]]:
    """Runs ``(k, end)`` of 2 to ``WRAPPED_LABEL_MAX_LINES`` lines that join into one column
    label: a header cell narrower than its label wraps it at any character (LibreOffice does
    not keep words whole), ``提出時期に係る説`` / ``明``, which the label pieces do not list."""
    out: list[tuple[int, int]] = []
    n, k = len(lines), 0
    while k < n:
        joined, hit = "", 0
        for m in range(k, min(n, k + WRAPPED_LABEL_MAX_LINES)):
            joined += "".join(lines[m].text.split())
            if m > k and joined in LABEL_TEXTS:
                hit = m + 1
            if joined not in LABEL_OPENINGS:
                break
        if hit:
            out.append((k, hit))
            k = hit
        else:
            k += 1
    return out


def labels_among_cells(lines: list[CellLine], mask: list[bool], among: set[int]) -> list[str]:
    """The column labels (joined when wrapped: ``提出時`` / ``期`` → ``提出時期``) that a page
    printed after its pass 1 of one-line cells, among the table's cells, left out as furniture:
    for the reader's note (the header's wrapped cell, drawn with the wrapped cells by Calc).
    ``mask``: the furniture of ``lines``; ``among``: the label lines found after a pass 1."""
    out: list[str] = []
    for k in sorted(among):
        if mask[k]:
            text = "".join(lines[k].text.split())
            if out and k - 1 in among and "".join(out[-1].split()) + text in LABEL_OPENINGS:
                out[-1] += text
            else:
                out.append(text)
    return out
