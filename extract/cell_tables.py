"""Texts that already hold the table's cells: Markdown pipe tables and CSV (issues 10, 12).

Two ways users hand a PDF's table over as text keep each cell whole, so no layout needs reading:

- Markdown pipe tables, as pymupdf4llm's ``to_markdown`` writes them (the usual way to feed PDFs
  to an LLM): one ``|…|…|`` line per printed row, ``<br>`` between a cell's lines, a ``|---|``
  line under the label row, ``**bold**`` / ``~~struck~~`` marks, one table per page.
- CSV, as pdfplumber's ``extract_tables()`` written with ``csv.writer`` gives it: one record
  per printed row, a cell's lines in one quoted field, each page's table after the last.

A text is read here only when one of its rows is the table's label row (``label_columns``:
cells naming at least three of the six columns, two of them 変更日 / 項目 / 変更前 / 変更後);
any other text goes to the flattened-text readers.  Each label row maps the cells of the rows
under it to the six columns (番号 / No. / 備考 cells are kept out); a label row printed again on
each page is furniture (a note).  Rows become ``RawRow``s with one ``CellLine`` per printed line
of each cell (their wrap width, ``RawRow.widths``, is the widest line of the column in the
table), so the dates, 提出時期 and items go through the normalisation of every other input.

Cells the table merged (the cell holds its text in the first row it covers, the others are
empty): an empty 変更日 / 項目 / 提出時期 takes the row above's (``merged_cell_filled``), the
説明 too when the 項目 was empty.  A page's first row with neither 変更日 nor 提出時期 and no
item opening (Ⅰ…Ⅵ, 表紙, 別添) is the rest of the page before's last row (``row_continued``).
A label cell naming two of the six columns (a column boundary the extractor lost) puts the
text in the first of them with a ``column_guess`` doubt on both.
"""

from __future__ import annotations

import csv
import html
from dataclasses import dataclass, field

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.models.rows import COLUMNS
from piatable.normalize.chars import display_width
from piatable.normalize.dates import is_date_line
from piatable.normalize.unicode import clean_text, plain_spaces
from piatable.vocabulary import BARE_NUMBER, ITEM_OPENING, TIMING

# A Markdown table's line: opens and closes with a pipe.
_MD_ROW = regex.compile(r"^\s*\|(?P<cells>.*)\|\s*$")
# The line under a Markdown table's label row: ``|---|:--:|``.
_MD_RULE = regex.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
# A pipe that separates cells (``\|`` is a pipe inside a cell).
_MD_SPLIT = regex.compile(r"(?<!\\)\|")
_BREAK = regex.compile(r"<br\s*/?>", regex.IGNORECASE)
_MARKS = regex.compile(r"\*\*|~~|</?(?:b|i|s|u|strong|em|del|sup|sub|span)\b[^>]*>", regex.IGNORECASE)
_SPACES = regex.compile(r"[\s　]+")

# A label cell's words → the column they name, tried in this order (説明 before 提出時期: the
# explanation's label opens with 提出時期).  A label cut by the extractor (``提出時``, ``期``,
# ``提出\n時期``) names 提出時期 when its text is part of it.
_LABEL_WORDS: tuple[tuple[str, str], ...] = (
    ("説明", "explanation"),
    ("変更日", "change_date"),
    ("項目", "item"),
    ("変更前", "before"),
    ("変更後", "after"),
    ("提出時期", "timing"),
    ("番号", "number"),
    ("備考", "remark"),
)
# The six columns' labels as the forms print them (a label cut short whose rest is printed in
# the first row's cell: ``提出時`` + ``期``).
FULL_LABELS = frozenset({"変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明"})
_NUMBER_LABELS = frozenset({"番", "号", "番号", "no", "no.", "#", "№"})
# A row is the label row when its cells name this many of the six columns, and this many of
# 変更日 / 項目 / 変更前 / 変更後 among them (a prose line naming 変更日 is no label row).
MIN_LABELS = 3
MIN_BODY_LABELS = 2
_BODY = frozenset({"change_date", "item", "before", "after"})

CONTINUED_NOTE = "{n} rows continue a row of the page before and were joined to it (row_continued)"
FURNITURE_NOTE = "{n} label rows printed again on later pages were read as page furniture"
MERGED_LABEL_NOTE = (
    "a label cell names {labels}: the extractor joined those columns; their text was put in the"
    " first (flagged column_guess)"
)
SPILT_LABEL_NOTE = "{n} lines of the column labels printed in the first row's cells were set aside"
LOWER_DATES_WHY = (
    "the table's first row prints no 変更日: its merged dates are printed lower in their cells, and"
    " the date this row shares may be the one printed above it or below it"
)
LOWER_DATES_NOTE = (
    "the table's first row prints no 変更日 (merged dates printed lower in their cells): the dates of"
    " {n} rows that print none of their own may belong to the row above or below (row_split_guess)"
)
UNLABELLED_CELL_WHY = "a cell of the row stands under no column label and was not read"
DROPPED_NOTE = "{n} cells under no column label were not read (flagged unplaced_text)"
JOINED_WHY = "the extractor joined this cell to another column's"
UNLABELLED_NOTE = "{n} table rows before any label row were not read"


@dataclass(slots=True)
class CellTables:
    """The rows read from a text's cell tables, with notes; ``labelled``: a label row was found."""

    rows: list[RawRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pages: int = 0
    labelled: bool = False
    partial: bool = False  # text was not read (said in ``notes``)


def _md_cell(text: str) -> str:
    """A Markdown cell's text: ``<br>`` as line ends, emphasis marks and HTML escapes gone."""
    text = _BREAK.sub("\n", text.replace("\\|", "|"))
    return html.unescape(_MARKS.sub("", text))


def markdown_blocks(text: str) -> list[list[list[str]]]:
    """The text's Markdown pipe tables: each a list of rows, each a list of cell texts (the
    ``|---|`` rule lines left out).  Tables are separated by any other line."""
    blocks: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in text.split("\n"):
        m = _MD_ROW.match(line)
        if m is None:
            if current:
                blocks.append(current)
                current = []
            continue
        if _MD_RULE.match(line):
            continue
        current.append([_md_cell(c) for c in _MD_SPLIT.split(m["cells"])])
    if current:
        blocks.append(current)
    return blocks


def csv_blocks(text: str) -> list[list[list[str]]]:
    """The text as CSV records; an empty record separates tables.  ``[]`` when it is no CSV."""
    try:
        records = list(csv.reader(text.splitlines(keepends=True)))
    except csv.Error:
        return []
    blocks: list[list[list[str]]] = []
    current: list[list[str]] = []
    for rec in records:
        if not any(c.strip() for c in rec):
            if current:
                blocks.append(current)
                current = []
            continue
        current.append(rec)
    if current:
        blocks.append(current)
    return blocks


def label_columns(cell: str) -> list[str]:
    """The columns a label cell names, in printed order (``[]``: no label).  ``番号`` / ``No.``
    is ``number``, ``備考`` ``remark``."""
    flat = _SPACES.sub("", clean_text(cell))
    if not flat:
        return []
    if flat.lower() in _NUMBER_LABELS:
        return ["number"]
    found: list[tuple[int, str]] = []
    rest = flat
    for word, column in _LABEL_WORDS:
        at = rest.find(word)
        if at >= 0:
            found.append((at, column))
            if column == "explanation":  # 提出時期に係る説明: its 提出時期 is no label of its own
                rest = rest[: rest.rfind("提出時期", 0, at) if "提出時期" in rest[:at] else at] + "\0" * 2
            rest = rest.replace(word, "\0" * len(word), 1)
    if not found and flat in "提出時期" and len(flat) < len("提出時期"):
        return ["timing"]  # 提出時 / 時期 / 期: the label cut by the extractor
    return [c for _, c in sorted(found)]


def _label_map(row: list[str]) -> list[list[str]] | None:
    """The columns each cell of a label row names, or None when ``row`` is no label row."""
    names = [label_columns(c) for c in row]
    six = {c for ns in names for c in ns if c in COLUMNS}
    if len(six) >= MIN_LABELS and len(six & _BODY) >= MIN_BODY_LABELS:
        return names
    return None


def _named(names: list[list[str]]) -> int:
    return len({c for ns in names for c in ns if c in COLUMNS})


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in clean_text(text).split("\n") if ln.strip()]


@dataclass(slots=True)
class _Reader:
    out: CellTables = field(default_factory=CellTables)
    labels: list[list[str]] | None = None
    repeats: int = 0
    continued: int = 0
    unlabelled: int = 0
    spilt: int = 0
    merged_labels: set[str] = field(default_factory=set)
    label_cells: list[str] = field(default_factory=list)
    own_date: list[bool] = field(default_factory=list)  # per row read: it prints its 変更日
    dropped: int = 0  # cells under no label

    def label_row(self, names: list[list[str]], cells: list[str]) -> None:
        """A label row: the map of the rows under it, unless it repeats the one before with
        fewer of the six columns named (a label cell over-printed by a watermark or cut)."""
        if self.labels is not None:
            self.repeats += 1
            if len(names) == len(self.labels) and _named(names) < _named(self.labels):
                return
        self.labels, self.label_cells = names, cells
        for ns in names:
            six = [c for c in ns if c in COLUMNS]
            if len(six) > 1:
                self.merged_labels.add(" / ".join(six))

    def row(self, cells: list[str], page: int, first_on_page: bool, after_labels: bool) -> None:
        assert self.labels is not None
        row = RawRow(positioned=True)
        for k, (cell, names) in enumerate(zip(cells, self.labels, strict=False)):
            lines = _lines(cell)
            six = [c for c in names if c in COLUMNS]
            if not lines:
                continue
            if not names:  # a cell under no label: its text is not read
                row.doubts.append(Doubt("unplaced_text", None, UNLABELLED_CELL_WHY))
                self.dropped += 1
                continue
            if not six:
                continue
            if "number" in names and names.index("number") < names.index(six[0]):
                if BARE_NUMBER.match(lines[0]) and len(lines) > 1:
                    lines = lines[1:]  # 番号 and 変更日 in one cell: the number is not the date's
            if after_labels and len(lines) > 1:
                label = _SPACES.sub("", clean_text(self.label_cells[k])) if k < len(self.label_cells) else ""
                # The label's own last characters printed in the first row (``提出時`` / ``期``).
                if label and label + lines[-1] in FULL_LABELS:
                    lines = lines[:-1]
                    self.spilt += 1
                elif label and label + lines[0] in FULL_LABELS:
                    lines = lines[1:]
                    self.spilt += 1
            column = six[0]
            if column == "change_date" and len(six) == 1:
                # A date wrapped in its narrow cell (``平成30年12`` / ``月3日``) is one value.
                lines = ["".join(lines)]
            row.cells[column].extend(CellLine(t, page=page) for t in lines)
            if len(six) > 1:
                for c in six:
                    row.doubts.append(
                        Doubt("column_guess", c, "the extractor joined this cell to another column's")
                    )
        if not any(row.cells.values()):
            return
        rows = self.out.rows
        opens_item = bool(row.cells["item"]) and ITEM_OPENING.match(row.cells["item"][0].text) is not None
        if (
            rows
            and first_on_page
            and not row.cells["change_date"]
            and not row.cells["timing"]
            and not opens_item
        ):
            prev = rows[-1]
            for c in COLUMNS:
                prev.cells[c].extend(row.cells[c])
            prev.add_flag("row_continued")
            prev.set_pages()
            self.continued += 1
            return
        self.own_date.append(bool(row.cells["change_date"]))
        if rows:
            prev = rows[-1]
            item_empty = not row.cells["item"]
            for c in ("change_date", "item", "timing", *(("explanation",) if item_empty else ())):
                if not row.cells[c] and prev.cells[c]:
                    row.cells[c] = [CellLine(cl.text, page=cl.page) for cl in prev.cells[c]]
                    row.add_flag("merged_cell_filled")
        row.set_pages()
        rows.append(row)

    def lower_dates(self) -> int:
        """A table whose first row prints no 変更日 while a row below does prints its merged dates
        lower in their cells (centred: the extractor gives the text to a middle row), so which
        rows a date covers is unsure: the rows above the first date take it, and every row that
        prints no date of its own is flagged row_split_guess.  The rows flagged."""
        rows = self.out.rows
        if not rows or self.own_date[0] or not any(self.own_date):
            return 0
        first = rows[self.own_date.index(True)].cells["change_date"]
        flagged = 0
        for row, own in zip(rows, self.own_date, strict=True):
            if own:
                continue
            if not row.cells["change_date"]:
                row.cells["change_date"] = [CellLine(cl.text, page=cl.page) for cl in first]
                row.add_flag("merged_cell_filled")
            row.doubts.append(Doubt("row_split_guess", "change_date", LOWER_DATES_WHY))
            flagged += 1
        return flagged


def read_cell_tables(blocks: list[list[list[str]]], paged_blocks: bool) -> CellTables:
    """The amendment table's rows of ``blocks`` (``markdown_blocks`` / ``csv_blocks``).

    ``paged_blocks``: each block is one page's table (Markdown); otherwise a page starts at each
    label row after the first (CSV).  ``CellTables.labelled`` False: no label row, nothing read."""
    reader = _Reader()
    page = 0
    for b, block in enumerate(blocks):
        if paged_blocks or b == 0:
            page += 1
            first_on_page = b > 0
        after_labels = False
        for cells in block:
            names = _label_map(cells)
            if names is not None:
                if reader.labels is not None and not paged_blocks:
                    page += 1
                    first_on_page = True
                reader.label_row(names, cells)
                after_labels = True
                continue
            if reader.labels is None:
                reader.unlabelled += 1
                continue
            reader.row(cells, page, first_on_page, after_labels)
            first_on_page = after_labels = False
    out = reader.out
    out.labelled = reader.labels is not None
    out.pages = page
    _set_widths(out.rows)
    if lowered := reader.lower_dates():
        out.notes.append(LOWER_DATES_NOTE.format(n=lowered))
    if reader.repeats:
        out.notes.append(FURNITURE_NOTE.format(n=reader.repeats))
    if reader.continued:
        out.notes.append(CONTINUED_NOTE.format(n=reader.continued))
    if reader.spilt:
        out.notes.append(SPILT_LABEL_NOTE.format(n=reader.spilt))
    for labels in sorted(reader.merged_labels):
        out.notes.append(MERGED_LABEL_NOTE.format(labels=labels))
    if reader.dropped:
        out.notes.append(DROPPED_NOTE.format(n=reader.dropped))
        out.partial = True
    if reader.unlabelled and out.labelled:
        out.notes.append(UNLABELLED_NOTE.format(n=reader.unlabelled))
    return out


# A column is taken for 変更日 / 項目 / 提出時期 of an unlabelled CSV when this many of its
# cells print a date / open an item (Ⅰ…Ⅵ, 表紙, 別添) / print 事前 or 事後.
MIN_TELLING_CELLS = 2
LINE_RECORDS_NOTE = (
    "the CSV has no label row; its columns were told by their dates, items and 提出時期, and its"
    " {n} records joined into rows at each date, item opening or 提出時期 (column_guess)"
)
LINE_RECORDS_WHY = "the CSV has no label row: the columns were told by their content"


def _column_counts(records: list[list[str]], test) -> list[int]:
    width = max(len(r) for r in records)
    return [
        sum(1 for r in records if k < len(r) and r[k].strip() and test(clean_text(r[k])))
        for k in range(width)
    ]


def infer_labels(records: list[list[str]]) -> list[list[str]] | None:
    """The columns of an unlabelled CSV (pdfplumber's text strategy writes a record per printed
    line and no label row): 変更日 where dates are, 項目 where items open, 提出時期 where
    事前 / 事後 are, before / after the two columns between 項目 and 提出時期, 説明 the one after
    it.  None unless the columns stand in that order."""
    if not records:
        return None
    first = lambda s: s.strip().split("\n")[0]  # noqa: E731
    dates = _column_counts(records, lambda s: is_date_line(first(s)))
    items = _column_counts(records, lambda s: ITEM_OPENING.match(s) is not None)
    timings = _column_counts(records, lambda s: TIMING.match(first(s)) is not None)
    d, i, t = (max(range(len(c)), key=c.__getitem__) for c in (dates, items, timings))
    if min(dates[d], items[i], timings[t]) < MIN_TELLING_CELLS or not d < i < t or t - i != 3:
        return None
    names: list[list[str]] = [[] for _ in dates]
    names[d], names[i], names[i + 1], names[i + 2], names[t] = (
        ["change_date"],
        ["item"],
        ["before"],
        ["after"],
        ["timing"],
    )
    if t + 1 < len(names):
        names[t + 1] = ["explanation"]
    return names


def read_line_records(blocks: list[list[list[str]]]) -> CellTables | None:
    """An unlabelled CSV of one record per printed line (``infer_labels``): a record printing a
    date, an item opening or a 提出時期 opens a row, the others continue it."""
    records = [r for b in blocks for r in b]
    names = infer_labels(records)
    if names is None:
        return None
    out = CellTables(pages=1, labelled=True)
    for rec in records:
        cells = {c: _lines(rec[k]) for k, ns in enumerate(names[: len(rec)]) for c in ns}
        opens = bool(cells.get("change_date") or cells.get("timing")) or bool(
            cells.get("item") and ITEM_OPENING.match(cells["item"][0])
        )
        if opens or not out.rows:
            out.rows.append(RawRow(positioned=True, page_start=1, page_end=1))
            out.rows[-1].doubts.append(Doubt("column_guess", None, LINE_RECORDS_WHY))
        for c, lines in cells.items():
            out.rows[-1].cells[c].extend(CellLine(t, page=1) for t in lines)
    for row in out.rows:
        if len(row.cells["change_date"]) > 1:
            row.cells["change_date"] = [CellLine("".join(cl.text for cl in row.cells["change_date"]), page=1)]
    _set_widths(out.rows)
    out.notes.append(LINE_RECORDS_NOTE.format(n=len(records)))
    return out


def _set_widths(rows: list[RawRow]) -> None:
    """Each column's wrap width: its widest line in the table (display units)."""
    widths = {c: max((display_width(cl.text) for r in rows for cl in r.cells[c]), default=0) for c in COLUMNS}
    for r in rows:
        r.widths = {c: float(w) if w else None for c, w in widths.items()}


# A text not named .csv is read as CSV only when at least this share of its records hold
# MIN_CSV_FIELDS fields or more (a flattened text's lines are one field, or two at a stray comma).
CSV_RECORD_SHARE = 0.5
MIN_CSV_FIELDS = 3


def _mostly_records(blocks: list[list[list[str]]]) -> bool:
    records = [rec for block in blocks for rec in block]
    wide = sum(1 for rec in records if len(rec) >= MIN_CSV_FIELDS)
    return bool(records) and wide >= CSV_RECORD_SHARE * len(records)


def cell_tables_of(text: str, suffix: str) -> CellTables | None:
    """The text's table read from its Markdown pipe tables or CSV records, or None when it holds
    none with a label row (the flattened-text readers take it).  Its cells' Unicode spaces
    (a web viewer's NBSP) are spaces (``unicode.plain_spaces``)."""
    if "|" not in text and "," not in text:
        return None  # neither pipes nor commas: no table of cells
    text = plain_spaces(text)[0]
    md = markdown_blocks(text)
    if md:
        found = read_cell_tables(md, paged_blocks=True)
        if found.labelled:
            return found
    is_csv = suffix.lower() in (".csv", ".tsv")
    if is_csv or "," in text[:2000]:
        blocks = csv_blocks(text)
        if not is_csv and not _mostly_records(blocks):
            return None  # flattened text with a comma in it, not CSV: the text readers take it
        found = read_cell_tables(blocks, paged_blocks=False)
        if found.labelled:
            return found
        if suffix.lower() == ".csv" and (lines := read_line_records(blocks)) is not None:
            return lines
    return None
