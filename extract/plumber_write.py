"""The placed lines of a pdfplumber text written as ``-layout``-like text (extract/plumber_text.py
places each line's fragments in the six columns; this writes each column at a fixed character
offset, with the notes of the reading and the lines placed by guess)."""

from __future__ import annotations

from dataclasses import dataclass, field

from piatable.normalize.chars import display_width

# The six columns (変更日, 項目, 変更前, 変更後, 提出時期, 説明), in printed order.
COLUMNS = 6
# Characters (display width) between two columns in the written layout text.
COLUMN_GAP = 4
# Blank lines written before a line that opens a row (as -layout text shows a row's border).
ROW_GAP_LINES = 1
# Share of a table's lines placed by guess from which the whole reading is in doubt (status
# partial, with a note).
PARTIAL_GUESS_SHARE = 0.1
PLUMBER_DOUBT_NOTE = "pdfplumber text read in doubt"


@dataclass
class Placed:
    """One text line cut into columns: ``cells[c]`` the fragments given to column ``c``
    (joined by a space), ``guess`` why the placement is in doubt (empty when it is not)."""

    cells: dict[int, str] = field(default_factory=dict)
    guess: str = ""
    header: bool = False
    raw: str = ""  # page furniture (title, running header, page number): written as printed
    row_start: bool = False  # the line opens a row (its 項目 fragment opens with Ⅰ…Ⅶ)
    by_row: bool = False  # placed with its row's next lines (its own readings were close)


def write_layout(
    placed_pages: list[list[Placed | None]], widths: dict[int, int]
) -> tuple[str, list[str], dict[tuple[int, int], str]]:
    """The text with each column at a fixed display offset (its widest text on any line and
    ``COLUMN_GAP`` apart), page furniture as printed, a blank line before a line opening a row;
    the reading's notes; and the guesses by (page index, line index of the written text)."""
    final = dict(widths)
    for lines in placed_pages:
        for p in lines:
            if p is not None and not p.header:
                for col, t in p.cells.items():
                    final[col] = max(final.get(col, 0), display_width(t))
    for p in (p for lines in placed_pages for p in lines if p is not None and p.header):
        for col, t in p.cells.items():
            final[col] = max(final.get(col, 0), display_width(t))
    starts, at = [], 0
    for col in range(COLUMNS):
        starts.append(at)
        at += final.get(col, 0) + COLUMN_GAP
    guesses: dict[tuple[int, int], str] = {}
    page_texts: list[str] = []
    for pi, lines in enumerate(placed_pages):
        rows: list[str] = []
        for p in lines:
            if p is None or p.raw:
                rows.append(p.raw if p else "")
                continue
            if ROW_GAP_LINES and p.row_start and rows and rows[-1]:
                # The padding and rule between two printed rows, which -layout text shows as a
                # blank line and pdfplumber leaves out.
                rows.extend([""] * ROW_GAP_LINES)
            rows.append(_pad_wide(p.cells, starts))
            if p.guess:
                guesses[(pi, len(rows) - 1)] = p.guess
        page_texts.append("\n".join(rows))
    n = len(guesses)
    placed = sum(1 for lines in placed_pages for p in lines if p is not None and not p.raw and not p.header)
    notes = [
        "pdfplumber text (cells of a printed line side by side, one space apart): fragments"
        " placed in columns by their kind, width and the line above"
    ]
    if n:
        notes.append(f"{n} of {placed} lines of the pdfplumber text cut into columns by guess (column_guess)")
    if placed and n / placed >= PARTIAL_GUESS_SHARE:
        notes.append(
            f"{PLUMBER_DOUBT_NOTE}: {n / placed:.0%} of the table's lines cut into columns by guess;"
            " rows may be merged, split or missing"
        )
    return "\f".join(page_texts), notes, guesses


def _pad_wide(cells: dict[int, str], starts: list[int]) -> str:
    """A line with each cell's text starting at display column ``starts[col]``."""
    line, width = "", 0
    for col in sorted(cells):
        gap = max(starts[col] - width, 2 if line else starts[col])
        line += " " * gap + cells[col]
        width += gap + display_width(cells[col])
    return line
