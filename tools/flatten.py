"""Render a ground-truth amendment table as the flattened text an extractor makes of its PDF.

Written apart from normalize/ (its own display width, kinsoku and date rendering), so that
measuring the parser against this text is not circular.  Two shapes:

* *stream*: one printed line per text line, cells one after another row by row (date, item,
  before, after, timing, explanation), as in ``samples/seed/input.txt``;
* *layout*: the six columns side by side at fixed display offsets, a row spanning several
  lines, as ``pdftotext -layout`` prints a ruled table.

Each cell is wrapped at its column width in display units (full-width and ambiguous-width
characters such as ①Ⅱ※○ count 2) with kinsoku: no line starts with a closing bracket,
punctuation, a middle dot, a prolonged sound mark or a small kana; none ends with an opening
bracket; a half-width word (ID, LGWAN, 0123-45-6789) is not split when it fits on the next line;
half-width spaces at a break hang at the end of the line.  A row may be clipped at a number of
printed lines, as Excel clips a row that is too short; the expected cell is then the clipped text.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

# Characters that may not begin a printed line (JIS X 4051 line-start prohibitions, in short).
NO_START = frozenset(
    "、。，．,.）)］]｝}〕〉》」』】〙〗・：；:;！？!?ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ…‥"
)
# Characters that may not end a printed line.
NO_END = frozenset("（(［[｛{〔〈《「『【〘〖")
# Half-width characters that make one unbreakable word.
WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-.,/:@_")

FIELDS = ("item", "before", "after", "explanation")
SIX = ("change_date", "item", "before", "after", "timing", "explanation")
COLUMNS = ("date", "item", "before", "after", "timing", "explanation")
LABELS = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")


def char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def text_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def wrap_spans(paragraph: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of each printed line of ``paragraph`` in a column ``limit`` units wide."""
    spans: list[tuple[int, int]] = []
    n, start = len(paragraph), 0
    while start < n:
        w, i = 0, start
        while i < n and (i == start or w + char_width(paragraph[i]) <= limit):
            w += char_width(paragraph[i])
            i += 1
        if i >= n:
            spans.append((start, n))
            break
        if paragraph[i] == " ":  # spaces hang at the end of the line
            while i < n and paragraph[i] == " ":
                i += 1
            spans.append((start, i))
            start = i
            continue
        b = i
        if paragraph[b] in WORD and paragraph[b - 1] in WORD:
            k = b
            while k > start and paragraph[k - 1] in WORD:
                k -= 1
            if k > start:
                b = k
        while b > start + 1 and (paragraph[b] in NO_START or paragraph[b - 1] in NO_END):
            b -= 1
        spans.append((start, b))
        start = b
    return spans


def wrap(paragraph: str, limit: int) -> list[str]:
    return [paragraph[s:e].rstrip() for s, e in wrap_spans(paragraph, limit)]


@dataclass
class Cell:
    """A cell's printed lines and the text a reader should get back from them."""

    lines: list[str]
    text: str


def wrap_cell(text: str, limit: int, max_lines: int | None = None) -> Cell:
    """Wrap each paragraph of ``text``; with ``max_lines`` cut the cell there, like Excel."""
    lines: list[str] = []
    kept: list[str] = []
    for para in text.split("\n") if text else []:
        for s, e in wrap_spans(para, limit):
            if max_lines is not None and len(lines) >= max_lines:
                return Cell(lines, "\n".join(kept))
            lines.append(para[s:e].rstrip())
            if s == 0:
                kept.append("")
            kept[-1] = para[:e].rstrip()
    return Cell(lines, "\n".join(kept))


# ---------------------------------------------------------------- dates

FULL = str.maketrans("0123456789", "０１２３４５６７８９")
REIWA = dt.date(2019, 5, 1)


def era(d: dt.date) -> tuple[str, str, int]:
    if d >= REIWA:
        return "令和", "R", d.year - 2018
    return "平成", "H", d.year - 1988


def render_date(iso: str, style: str) -> str:
    """The date as printed in one of the styles met in published tables."""
    d = dt.date.fromisoformat(iso)
    name, letter, year = era(d)
    if style == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if style == "slash0":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if style == "seireki":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "short":
        return f"{letter}{year}.{d.month}.{d.day}"
    if style in ("wareki", "wareki_fw"):
        y = "元" if year == 1 else str(year)
        text = f"{name}{y}年{d.month}月{d.day}日"
        return text.translate(FULL) if style == "wareki_fw" else text
    raise ValueError(f"unknown date style {style!r}")


# ---------------------------------------------------------------- the printed table


@dataclass
class Style:
    """How one flattened text looks.  Widths are in full-width characters (2 display units)."""

    item_w: int = 12
    body_w: int = 20
    expl_w: int = 12
    date_style: str = "slash"
    date_w: int | None = None  # display units of a narrow date column that wraps the date
    blank_lines: bool = True  # a blank line after every printed line (the seed)
    share_timing: bool = False  # a one-line after cell and the timing on one line (新規追加 事後)
    max_lines: int | None = None  # printed lines per row; longer cells are clipped
    rows_per_page: int = 6
    title: str = "（別添２）変更箇所"
    labels: str = "line"  # "line": all six on one line; "split": one per line; "wrapped": one
    # per line, each wrapped in its column (提出時期 in a 4-unit column prints as 提出 / 時期)
    merge_dates: bool = False  # rows of one date on a page print it once (Excel's merged cells)
    header_at: str = "top"  # "top" of each page, or "end" of it (where the seed's extractor put it)
    title_every_page: bool = False
    page_number: str | None = None  # None, "dash" (- 3 -) or "slash" (3/12)
    number_at: str = "bottom"  # "bottom" or "top" of each page
    form_feed: bool = False  # pages separated by \f (pdftotext)
    layout: bool = False  # columns side by side (pdftotext -layout)
    column_order: bool = False  # each page's columns one after another: all dates, all items, …
    # (pdfminer, pdftotext -raw and pypdfium2 often read a ruled table so)
    gap: int = 3  # spaces between layout columns
    layout_chars: bool = False  # layout columns counted in characters (pdftotext), not display units
    valign: str = "top"  # layout: date and timing at the "top" or "middle" of their row
    prefix: list[list[str]] = field(default_factory=list)  # pages of other form text before the table


@dataclass
class Rendered:
    text: str
    records: list[dict]


def _page_number(style: Style, page: int, total: int) -> str:
    return f"- {page} -" if style.page_number == "dash" else f"{page}/{total}"


def _header(style: Style, first: bool) -> list[str]:
    out = [style.title] if first or style.title_every_page else []
    if style.labels == "line":
        return out + [" ".join(LABELS)]
    if style.labels == "split":
        return out + list(LABELS)
    widths = (style.date_w or 10, 2 * style.item_w, 2 * style.body_w, 2 * style.body_w, 4, 2 * style.expl_w)
    return out + [ln for label, w in zip(LABELS, widths, strict=True) for ln in wrap(label, w)]


def _cells(row: dict, style: Style) -> tuple[str, dict[str, Cell]]:
    date = render_date(row["change_date"], style.date_style)
    widths = {
        "item": style.item_w,
        "before": style.body_w,
        "after": style.body_w,
        "explanation": style.expl_w,
    }
    cells = {f: wrap_cell(row[f], 2 * widths[f], style.max_lines) for f in FIELDS}
    cells["date"] = Cell(wrap(date, style.date_w) if style.date_w else [date], date)
    cells["timing"] = Cell([row["timing"]], row["timing"])
    return date, cells


def _stream_row(cells: dict[str, Cell], style: Style) -> list[str]:
    out = cells["date"].lines + cells["item"].lines + cells["before"].lines
    after, timing = cells["after"].lines, cells["timing"].lines[0]
    if style.share_timing and len(after) == 1 and text_width(after[0]) <= 8:
        out.append(f"{after[0]} {timing}")
    else:
        out += after + [timing]
    return out + cells["explanation"].lines


def _layout_row(cells: dict[str, Cell], style: Style, widths: list[int]) -> list[str]:
    cols = COLUMNS
    height = max(len(cells[c].lines) for c in cols)
    grid = []
    for c in cols:
        lines = cells[c].lines
        pad = (height - len(lines)) // 2 if style.valign == "middle" and c in ("date", "timing") else 0
        grid.append([""] * pad + lines + [""] * (height - pad - len(lines)))
    return [
        _layout_line([grid[k][i] for k in range(6)], widths, style.gap, style.layout_chars)
        for i in range(height)
    ]


def _layout_line(texts: list[str], widths: list[int], gap: int, chars: bool = False) -> str:
    """Cells side by side; with ``chars`` widths and offsets count characters, as pdftotext does
    (a full-width character takes one column), so wide text looks shifted in a text editor."""
    out = ""
    for text, w in zip(texts, widths, strict=True):
        out += text + " " * (w - (len(text) if chars else text_width(text)) + gap)
    return out.rstrip()


def render(rows: list[dict], style: Style) -> Rendered:
    """The flattened text of ``rows`` and the records a reader should get back from it."""
    prepared = [(r, *_cells(r, style)) for r in rows]
    layout_widths = [
        max([text_width(LABELS[0])] + [text_width(ln) for _, _, c in prepared for ln in c["date"].lines]),
        2 * style.item_w,
        2 * style.body_w,
        2 * style.body_w,
        text_width(LABELS[4]),
        max(2 * style.expl_w, text_width(LABELS[5])),
    ]
    if style.layout_chars:  # a column is as many characters wide as its longest line
        keys = ("date", "item", "before", "after", "timing", "explanation")
        layout_widths = [
            max([len(label), (w + 1) // 2] + [len(ln) for _, _, c in prepared for ln in c[k].lines])
            for k, label, w in zip(keys, LABELS, layout_widths, strict=True)
        ]
    pages_rows = [prepared[i : i + style.rows_per_page] for i in range(0, len(prepared), style.rows_per_page)]
    total = len(style.prefix) + len(pages_rows)
    pages: list[list[str]] = [list(p) for p in style.prefix]
    if style.page_number:
        for k, page in enumerate(pages):
            page.append(_page_number(style, k + 1, total))
    records: list[dict] = []
    for k, page_rows in enumerate(pages_rows):
        page_no = len(style.prefix) + k + 1
        # Without form feeds a reader counts pages from the table's repeated header (issue 14).
        table_page = k + 1
        header = _header(style, k == 0)
        if style.layout:
            header = header[:1] if k == 0 or style.title_every_page else []
            header.append(_layout_line(list(LABELS), layout_widths, style.gap, style.layout_chars))
        lines: list[str] = []
        if style.page_number and style.number_at == "top":
            lines.append(_page_number(style, page_no, total))
        if style.header_at == "top":
            lines += header
        previous = None
        columns: dict[str, list[str]] = {k: [] for k in COLUMNS}
        for row, date, cells in page_rows:
            if style.merge_dates and not style.layout and date == previous:
                cells = {**cells, "date": Cell([], date)}
            previous = date
            if style.column_order:
                for k in COLUMNS:  # with blank_lines, a blank line after each cell (pdfminer's boxes)
                    columns[k] += cells[k].lines + ([""] if style.blank_lines and cells[k].lines else [])
                body = []
            elif style.layout:
                body = _layout_row(cells, style, layout_widths) + ([""] if style.blank_lines else [])
            else:
                body = _stream_row(cells, style)
            lines += body
            records.append(
                {
                    "row_index": len(records),
                    "page_start": page_no if style.form_feed else table_page,
                    "page_end": page_no if style.form_feed else table_page,
                    "change_date": row["change_date"],
                    "change_date_raw": date,
                    "item": cells["item"].text,
                    "item_path": cells["item"].text.split("\n") if cells["item"].text else [],
                    "before": cells["before"].text,
                    "after": cells["after"].text,
                    "timing": row["timing"],
                    "explanation": cells["explanation"].text,
                }
            )
        if style.column_order:
            lines += [ln for k in COLUMNS for ln in columns[k]]
        if style.header_at == "end":
            lines += header
        if style.page_number and style.number_at == "bottom":
            lines.append(_page_number(style, page_no, total))
        pages.append(lines)
    sep = "\n\n" if style.blank_lines and not (style.layout or style.column_order) else "\n"
    page_sep = "\n\f" if style.form_feed else sep
    text = page_sep.join(sep.join(p) for p in pages) + "\n"
    return Rendered(text, records)


def encode(text: str, encoding: str, newline: str) -> bytes:
    """Bytes of ``text`` with ``newline`` line ends in ``encoding`` (utf-8, utf-8-sig, cp932, utf-16)."""
    return text.replace("\n", newline).encode(encoding)
