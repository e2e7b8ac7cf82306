"""Text the page or the document prints round a table, read into its cells (branch furniture68).

Set XXIX (session 67's unseen set) showed three kinds of text that belongs to no cell glued into
the cells of the row next to it, silently (confidence 0.92–0.963, no flag):

* a table footer saying the table goes on, 「（次頁へ続く）」 (「（続く）」, 「次頁に続く」, 「以下次頁」 …),
  printed at the foot of every page (Chromium prints an HTML ``tfoot`` on each page; a Writer
  table may repeat a last row so): from the PDF it joins the explanation cell of each page's
  last row (its text is right-aligned under that column), in row-ordered texts it ends the
  row's last cell (``組織改編に伴う修正（次頁へ続く）``), in ``-layout`` text it stands alone on a line
  under the page's last row and became an extra row of its own;
* the mark closing the table's last page, 「以下余白」 (the rest of the form left blank, a Calc
  sheet's last row): an extra row (its text in the 変更日 or the explanation column), or the
  tail of the last row's 変更日 cell in ``-layout`` text (``2024年2月15日以下余白``);
* the heading of a second amendment table, 【…全項目評価書】 printed above its title （別添３）変更箇所
  in a file of two tables: PyMuPDF and pypdf's texts put it after the first table's last cell.

The phrases are the form's (``vocabulary.CONTINUED_PHRASE_PATTERN``, ``CLOSING_BLANK_PATTERN``,
``DOCUMENT_HEADING_PATTERN``).  ``set_aside_furniture`` takes them out of the rows:

* a row whose every cell holds nothing but such phrases is no row: it is left out;
* a phrase ending a cell's text is cut from it when the row ends a page or the table (the foot
  of a page is where a footer, a closing mark or the next table's heading stands) or, for a
  footer, when the same phrase ends cells of two rows or more (printed once per page; the
  pages of a text without form feeds may not be known), or, for a heading, when it holds the
  next table's title too (``【…評価書】（別添３）``: a second table may begin on the page the first
  ends on; office-furniture68's Writer file so).  A cell that ends with such a phrase
  once, in a row in the middle of a page, keeps it: it is the cell's own text.

What is set aside is counted and quoted in a note (``ROWS_NOTE``, ``CUT_NOTE``), never dropped in
silence; the quotes let the checks that every printed piece went somewhere
(``layout_leftovers``) find the pieces.
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, RawRow
from piatable.vocabulary import CLOSING_BLANK_PATTERN, CONTINUED_PHRASE_PATTERN, DOCUMENT_HEADING_PATTERN

from .grid.common import GridResult
from .group_rows import drop_group_label_rows

_KINDS = {
    "footer": CONTINUED_PHRASE_PATTERN,
    "closing": CLOSING_BLANK_PATTERN,
    "heading": DOCUMENT_HEADING_PATTERN,
}
_WHAT = {
    "footer": "a table footer printed at the foot of each page",
    "closing": "the mark closing the table's last page",
    "heading": "the heading of the next amendment table",
}
# One copy or more (pdfminer may put two pages' footers together at a cell's end).
_TAIL = {kind: regex.compile(rf"(?:(?:{pattern})[\s　]*)+$") for kind, pattern in _KINDS.items()}
# A heading printed with the next table's title (【…評価書】（別添３）変更箇所) is no cell's text
# wherever its row stands (a second table may begin on the page the first ends on).
_TITLED = regex.compile(r"別[\s　]*添|変[\s　]*更[\s　]*箇[\s　]*所")
_ANY = "|".join(f"(?:{p})" for p in _KINDS.values())
_ONLY = regex.compile(rf"^[\s　]*(?:(?:{_ANY})[\s　]*)+$")
_SPACES = regex.compile(r"[\s　]+")

ROWS_NOTE = (
    "{n} rows holding nothing but the form's page text ({quoted}: a table footer, the mark closing"
    " the last page or the next table's heading) were read as no rows and left out"
)
CUT_NOTE = (
    "{n} copies of 「{phrase}」 ({what}, no cell's text) were cut from the end of the cells they"
    " were read into"
)


def _key(text: str) -> str:
    return _SPACES.sub("", text)


# Columns whose cell a reader fills from the row above when it is merged over both (the grid's
# ``merged_cell_filled``): the same text as the row above's is no text of the row's own.
_MERGED = ("change_date", "timing")


def _row_text(row: RawRow, above: RawRow | None = None) -> str:
    """The row's text, its cells joined; with ``above``, less a 変更日 / 提出時期 cell that repeats
    the row above's (a merged cell filled in)."""

    def own(field: str) -> bool:
        return above is None or field not in _MERGED or row.text_of(field) != above.text_of(field)

    return "".join(cl.text for field, lines in row.cells.items() if own(field) for cl in lines)


def _ends_page(rows: list[RawRow], i: int) -> bool:
    """Whether ``rows[i]`` is the table's last row or the last of its page (the next row starts on
    a later page; unknown pages tell nothing)."""
    if i + 1 >= len(rows):
        return True
    end, start = rows[i].page_end, rows[i + 1].page_start
    return end is not None and start is not None and start > end


def _tail(text: str) -> tuple[str, regex.Match[str]] | None:
    """The kind and match of a furniture phrase ending ``text``, or None."""
    for kind, pattern in _TAIL.items():
        if m := pattern.search(text):
            return kind, m
    return None


def _cut_tail(lines: list[CellLine], n: int, region: list[CellLine] | None) -> None:
    """Cut the last ``n`` characters of ``lines``' joined text (lines emptied are removed, from
    ``region`` too: the same line object, or else its last line of the same text)."""
    while n > 0 and lines:
        cl = lines[-1]
        if len(cl.text) <= n:
            n -= len(cl.text)
            lines.pop()
            _drop_from(region, cl)
            continue
        old = cl.text
        cl.text = cl.text[: len(cl.text) - n].rstrip()
        if region is not None and not any(r is cl for r in region):
            k = next((k for k in range(len(region) - 1, -1, -1) if region[k].text == old), None)
            if k is not None:
                region[k] = CellLine(cl.text, region[k].page, region[k].line_no)
        n = 0
    while lines and not lines[-1].text.strip():
        _drop_from(region, lines.pop())


def _drop_from(region: list[CellLine] | None, cl: CellLine) -> None:
    if region is None:
        return
    k = next((k for k, r in enumerate(region) if r is cl), None)
    if k is None:
        k = next((k for k in range(len(region) - 1, -1, -1) if region[k].text == cl.text), None)
    if k is not None:
        del region[k]


def set_aside_furniture(rows: list[RawRow], region: list[CellLine] | None = None) -> list[str]:
    """Take the form's page text out of ``rows`` (in place; the module's notes): rows of nothing
    else left out, a phrase ending a cell cut where the row ends a page or the table (a footer:
    or where the phrase ends two rows' cells or more).  ``region``: the table region's lines
    (flattened text), kept in step (lines cut out of it; a line cut short rewritten).  Returns the
    notes."""
    notes: list[str] = []
    own = [_row_text(row, rows[k - 1] if k else None) for k, row in enumerate(rows)]
    only = [k for k, t in enumerate(own) if t.strip() and _ONLY.match(t)]
    if only:
        quoted = " / ".join(dict.fromkeys(f"「{_key(own[k])}」" for k in only))
        for k in reversed(only):
            for lines in rows[k].cells.values():
                for cl in lines:
                    _drop_from(region, cl)
            del rows[k]
        notes.append(ROWS_NOTE.format(n=len(only), quoted=quoted))
    found: list[tuple[int, str, str, regex.Match[str]]] = []
    for k, row in enumerate(rows):
        for field, lines in row.cells.items():
            text = "".join(cl.text for cl in lines)
            if text.strip() and (hit := _tail(text)):
                found.append((k, field, hit[0], hit[1]))
    repeated: dict[str, int] = {}
    for _, _, kind, m in found:
        if kind == "footer":
            repeated[_key(m[0])] = repeated.get(_key(m[0]), 0) + 1
    cut: dict[tuple[str, str], int] = {}
    for k, field, kind, m in found:
        titled = kind == "heading" and _TITLED.search(m[0])
        if not (_ends_page(rows, k) or titled or (kind == "footer" and repeated[_key(m[0])] > 1)):
            continue
        lines = rows[k].cells[field]
        _cut_tail(lines, len(m.string) - m.start(), region)
        rows[k].set_pages()
        phrase = _key(m[0])
        cut[(kind, phrase)] = cut.get((kind, phrase), 0) + 1
    for (kind, phrase), n in cut.items():
        notes.append(CUT_NOTE.format(n=n, phrase=phrase, what=_WHAT[kind]))
    return notes


def grid_without_furniture(grid: GridResult) -> GridResult:
    """``grid`` (a PDF's or a scan's rows) with the form's page text set aside
    (``set_aside_furniture``), its notes added to the grid's."""
    grid.notes.extend(set_aside_furniture(grid.rows))
    grid.notes.extend(drop_group_label_rows(grid.rows))  # a group row's label (【令和５年度】) alone
    return grid
