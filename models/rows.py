"""Raw rows: the output of reconstruction, before cell text is cleaned."""

from __future__ import annotations

from dataclasses import dataclass, field

# The six table columns in printed order; the keys used for raw cells.
COLUMNS: tuple[str, ...] = ("change_date", "item", "before", "after", "timing", "explanation")


@dataclass(slots=True)
class CellLine:
    """One printed line of a cell.

    ``wraps`` is the geometric verdict where the source knows it: True when the line reaches the
    cell's right edge (so the break after it is probably a soft wrap), False when it clearly
    stops short, None when only the text is known (the rejoin step then uses the column width).
    """

    text: str
    page: int | None = None
    line_no: int | None = None
    wraps: bool | None = None
    conf: float | None = None
    reaches_bottom: bool = False
    # The geometry says the line was broken at a space (space-separated text whose next word
    # did not fit): a soft wrap here rejoins with the space.
    space_after: bool = False
    # OCR: the line was put right from dictionary or form evidence (extract/ocr/corrections.py);
    # its tesseract confidence was that of the misread text.
    corrected: bool = False
    # OCR: the words tesseract read with low confidence (``UNSURE_WORD_CONF``), each as
    # (character before it, the word, character after it, confidence), so that a check can tell
    # whether the unsure text is still in the line after the corrections and what stands round it
    # (normalize/ocr_text.py ``unsure_spots``).
    unsure: tuple[tuple[str, str, str, float], ...] = ()
    # Flattened text: a date printed as a cell's whole value (a 第三者点検 実施日 before / after
    # cell), not the row's 変更日 (``normalize/cell_dates.py``); readers take it as text.
    cell_date: bool = False


@dataclass(slots=True)
class Doubt:
    """One piece of evidence that part of a row may be wrong, as a reader or check found it.

    ``kind`` names the doubt and becomes the flag (``column_guess``, ``row_split_guess``,
    ``unplaced_text``, ``ocr_suspect``); ``field`` is the cell it is about (None: the whole
    row); ``strength`` (0–1) scales the doubt's weight (``quality.weight_<kind>``) when the
    confidence is computed (normalize/confidence.py); ``why`` says it in words for the report.
    """

    kind: str
    field: str | None
    why: str
    strength: float = 1.0


@dataclass(slots=True)
class RawRow:
    """One table row as cells of printed lines, with provenance and reconstruction findings."""

    cells: dict[str, list[CellLine]] = field(default_factory=lambda: {c: [] for c in COLUMNS})
    # Estimated wrap width of each column in display units (text) or None when geometry decides.
    widths: dict[str, float | None] = field(default_factory=dict)
    page_start: int | None = None
    page_end: int | None = None
    flags: list[str] = field(default_factory=list)
    confidence: float = 1.0
    # The row lies between ruling lines, so ``CellLine.reaches_bottom`` tells where its cells end.
    ruled: bool = False
    # The row's cells were cut by positions (the grid: PDF, OCR, ``-layout`` text), not by the
    # text alone (flattened text read in row or column order).
    positioned: bool = False
    # Layout text: the row was read apart from a neighbour sharing its merged 項目 / 提出時期 / 説明
    # by a blank line across both their 変更前 and 変更後 (normalize/grid/pair_rows.py).
    parted: bool = False
    # Evidence of doubt gathered by the reader and by the checks (normalize/evidence.py).
    doubts: list[Doubt] = field(default_factory=list)
    # Words the document strokes, as "<mark>:<field>:<text>" (mark: underlined, struck).
    marks: list[str] = field(default_factory=list)
    # The printed 変更前 / 変更後 markers taken out of a stacked before/after column's cell
    # (``変更前：``, 【変更後】; normalize/stacked_cells.py), named in the document's note.
    stacked_markers: list[str] = field(default_factory=list)

    def set_pages(self) -> None:
        """``page_start``/``page_end`` from the pages of the row's printed lines."""
        pages = [cl.page for cells in self.cells.values() for cl in cells if cl.page]
        self.page_start = min(pages) if pages else None
        self.page_end = max(pages) if pages else None

    def add_flag(self, flag: str) -> None:
        """Add ``flag`` to the row's flags unless it is there already."""
        if flag not in self.flags:
            self.flags.append(flag)

    def text_of(self, column: str) -> str:
        return "".join(cl.text for cl in self.cells[column])

    @property
    def read_by_ocr(self) -> bool:
        """Whether OCR read the row: a cell line carries tesseract's confidence."""
        return any(cl.conf is not None for c in COLUMNS for cl in self.cells.get(c) or [])
