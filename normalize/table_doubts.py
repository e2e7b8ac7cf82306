"""Doubts that need the whole table, not one row: neighbours sharing a filled date, item and
explanation (one printed row cut in two?), an item without the section the others open with,
groups of merged values that cross, and a date printed in the table that opened no row.

Moved from ``evidence`` (branch honest55, no rule changed); ``records`` runs them after the
per-row checks of ``evidence.row_doubts``.
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow, Record
from piatable.vocabulary import SECTION_NUMERALS, TIMING, heading_key, top_headings

from .dates import DATE_AT_START, DATE_IN_SENTENCE_NEXT, parse_date, torn_before_day
from .evidence import SPACED_TIMING_END
from .glued_column_numbers import glued_column_doubts
from .heading_lexicon import canonical_text, structure
from .item_cells import lists_block_items
from .items import heading_score, opens_item, opens_lower_heading
from .line_dates import several_dates
from .mark_cells import complementary_rows
from .merged_doubts import blank_beside_merged

# Share of a document's rows whose item opens with a section numeral for one that does not to
# be in doubt.
SECTION_SHARE = 0.75
# A heading opening the row below scores this as a heading of the form (``items.heading_score``)
# to be taken for the row above's last one (``①事務の名称`` 1.0, ``システム３`` 0.5; ``付`` of a
# 変更日 cell read into the item 0: heldout-datecell60's right rows, branch rightwarn61b).
HANDED_DOWN_MIN_SCORE = 0.5


def is_drawn(row: RawRow) -> bool:
    """Whether a row's cells were cut by a text-layer PDF's drawn rulings (no OCR)."""
    return row.ruled and row.positioned and not row.read_by_ocr


def _same_row_twice(records: list[Record], out: list[list[Doubt]], drawn: list[bool]) -> None:
    """``row_split_guess`` on neighbouring rows that share a filled (merged) date, item and
    explanation: one printed row cut in two by a stray line (an underline, a border).  Not where
    both rows were cut by a text-layer PDF's drawn rulings (``drawn``): there the grid saw the 項目
    and 説明 cells span both rows and a ruling part their before / after cells (underlines are
    told from rulings, ``grid.ruled``), as a table prints one item changed in two places on one
    date (branch honest55: Calc and Writer, samples/office-honest55 ``mi``: 16 right PDF rows
    warned by this alone, no wrong one)."""
    for k in range(1, len(records)):
        a, b = records[k - 1], records[k]
        if (
            "merged_cell_filled" in b.flags
            and not (drawn[k - 1] and drawn[k])
            and a.item
            and (a.change_date_raw, a.item, a.explanation) == (b.change_date_raw, b.item, b.explanation)
            and not complementary_rows(a, b)  # an added row beside a deleted one: two printed rows
        ):
            why = "the row shares its date, item and explanation with the row next to it: one row cut in two?"
            for j in (k - 1, k):
                if not any(d.kind == "row_split_guess" for d in out[j]):
                    out[j].append(Doubt("row_split_guess", None, why))


def document_doubts(records: list[Record], drawn: list[bool] | None = None) -> list[list[Doubt]]:
    """Per record, doubts that need the whole document: an item that does not open with a section
    numeral, an attachment (``items.opens_item``) nor a heading numbered N． (``opens_lower_heading``)
    when at least ``SECTION_SHARE`` of the others do; neighbours sharing a date, item and explanation.
    ``drawn`` (one per record): the row was cut by a text-layer PDF's drawn rulings (``is_drawn``);
    none when not given."""
    opens = [bool(r.item_path) and opens_item(r.item_path[0]) for r in records]
    # A section whose numeral was misread (``帳特定…リスク対策`` for Ⅲ) still opens the item.
    sectioned = [
        o or (bool(r.item_path) and r.item_path[0][1:] in top_headings())
        for o, r in zip(opens, records, strict=True)
    ]
    out: list[list[Doubt]] = [[] for _ in records]
    _same_row_twice(records, out, drawn or [False] * len(records))
    blank_beside_merged(records, out)
    _heading_handed_down(records, opens, out)
    for k, glued in enumerate(glued_column_doubts(records)):  # another column's values, one a row
        out[k].extend(glued)
    if len(records) < 3 or sum(sectioned) < SECTION_SHARE * len(records):
        return out
    for k, r in enumerate(records):
        lower = bool(r.item_path) and opens_lower_heading(r.item_path[0])  # printed without its section
        # A block's label alone over the block's items: a whole block added or deleted.
        lower = lower or any(lists_block_items(list(r.item_path), t) for t in (r.before, r.after))
        if not opens[k] and "row_continued" not in r.flags and not lower:
            first = f"it opens with {r.item_path[0][:10]}" if r.item_path else "it is empty"
            out[k].append(
                Doubt(
                    "row_split_guess",
                    None,
                    f"the item does not open with a section Ⅰ～Ⅵ as the others do ({first})",
                )
            )
    return out


def _heading_handed_down(records: list[Record], opens: list[bool], out: list[list[Doubt]]) -> None:
    """``row_split_guess`` on the row above one whose item opens with headings before its own
    section (``①事務の名称`` / ``Ⅱ特定個人情報ファイルの概要`` / …), or, not opening with a
    section, holds a heading the form prints right under the row above's last heading
    (``保険年金課長`` / ``①連絡先`` below ``…２．特定個人情報ファイルの取扱いに関する問合せ``):
    those headings are the end of the row above's item, read into the row below (pdftotext
    -layout text of a row broken over a page, pdfplumber text; branch rightwarn61b: the row
    below was warned, the row above, short of its last heading, was not: set XXII t08, two rows
    at 0.934)."""
    for k in range(1, len(records)):
        path, above = records[k].item_path, records[k - 1].item_path
        if opens[k] or not path or any(d.kind == "row_split_guess" for d in out[k - 1]):
            continue
        # The headings before the row's own (a section, an attachment, or an N． heading printed
        # without its section over a merged cell: the row's own path starts there).
        own = next((i for i, p in enumerate(path) if opens_item(p) or opens_lower_heading(p)), len(path))
        lead = path[:own]
        section_later = any(p[:1] in SECTION_NUMERALS for p in path[own:])
        handed = bool(lead) and heading_score(lead[0]) >= HANDED_DOWN_MIN_SCORE and section_later
        child = next((p for p in lead if above and _prints_under(p, above[-1])), None)
        if handed or child:
            head = lead[0] if handed else child or ""
            why = f"the next row's item holds {head[:12]!r} before any section: this row's end?"
            out[k - 1].append(Doubt("row_split_guess", "item", why))


def _prints_under(heading: str, parent: str) -> bool:
    """Whether the form prints ``heading`` right under ``parent`` (``structure().parents``)."""
    key = canonical_text(heading_key(heading))
    return bool(key) and canonical_text(heading_key(parent)) in structure().parents.get(key, ())


MERGE_FIELDS = ("change_date", "timing", "explanation")


def crossing_merge_doubts(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row, ``column_guess`` where the rows that share one printed value cross the rows that
    share another: a date shared by rows 1–2 while a 提出時期 is shared by rows 2–4.

    Text read without rulings cannot show merged cells; a value printed once is given to the
    rows its position suggests (``merged_cell_filled``).  A table's merged cells nest or stand
    apart; two groups that overlap without one holding the other mean that at least one value
    went to the wrong rows, and the rows in the overlap are where they disagree.  Groups are
    the rows whose cell holds the very same printed lines (page, ``CellLine.line_no``) of
    the date, the 提出時期 or the explanation.  Ruled rows are not checked.
    """
    groups: list[tuple[str, frozenset[int]]] = []
    for f in MERGE_FIELDS:
        by_lines: dict[tuple, set[int]] = {}
        for k, row in enumerate(rows):
            key = tuple((cl.page, cl.line_no) for cl in row.cells[f] if cl.line_no is not None)
            if key and not row.ruled:
                by_lines.setdefault(key, set()).add(k)
        groups += [(f, frozenset(g)) for g in by_lines.values() if len(g) > 1]
    out: list[list[Doubt]] = [[] for _ in rows]
    for i, (fa, a) in enumerate(groups):
        for fb, b in groups[i + 1 :]:
            both = a & b
            if fa == fb or not both or a <= b or b <= a:
                continue
            why = f"the rows sharing this {fa} and those sharing this {fb} overlap without nesting"
            for k in sorted(both):
                if not any(d.kind == "column_guess" and d.field is None for d in out[k]):
                    out[k].append(Doubt("column_guess", None, why))
    return out


def stray_date_doubts(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row, ``row_split_guess`` for a row whose date was copied from a shared (merged) date
    cell while a date printed in the table opened no row: a line of a text cell that opens with
    a date and was printed on one line with a 提出時期 (``2023/7/20 住民票の写しの交付に使用する。
    事前 …``), or a date line in an explanation or 提出時期 cell, none of whose dates is any
    row's date, nor a date the reader took as a cell's value (``CellLine.cell_date``: a
    第三者点検 実施日 printed beside its row's 提出時期), nor a date a sentence goes on after
    (``DATE_IN_SENTENCE_NEXT``: ``平成31年4月1日 時点``, a value beside its timing; branch merged62)
    or torn before its 日 (``dates.torn_before_day``).
    The rows that took the shared date may be the rows that date belonged to (pdftotext -raw and
    pypdfium2 give LibreOffice Calc's one-line cells before the wrapped ones).  Ruled rows
    are not checked."""
    out: list[list[Doubt]] = [[] for _ in rows]
    days = [parse_date("".join(cl.text.strip() for cl in r.cells.get("change_date") or [])) for r in rows]
    # Every date a 変更日 cell prints (a cell may list two changes' dates, a line each).
    dated = set(days) | {
        d for r in rows for d in several_dates([cl.text.strip() for cl in r.cells.get("change_date") or []])
    }
    # Printed lines that gave a 提出時期 (a compound line is split into its cells, each keeping
    # the line's number).
    timing_lines = {
        (cl.page, cl.line_no)
        for row in rows
        for cells in row.cells.values()
        for cl in cells
        if cl.line_no is not None and (TIMING.match(cl.text.strip()) or SPACED_TIMING_END.search(cl.text))
    }
    stray: list[str] = []
    for row in rows:
        if row.ruled:
            continue
        for f in ("item", "before", "after", "explanation", "timing"):
            cells = row.cells.get(f) or []
            for j, cl in enumerate(cells):
                t = cl.text.strip()
                m = DATE_AT_START.match(t)
                if not m or cl.cell_date:
                    continue  # no date, or one read as a cell's value (normalize/cell_dates.py)
                if j + 1 < len(cells) and torn_before_day(t, cells[j + 1].text):
                    continue  # a sentence's date wrapped before its 日 (``令和３年４月１`` / ``日付の…``)
                if DATE_IN_SENTENCE_NEXT.match(t[m.end() :]):
                    continue  # a date inside a sentence (``平成31年4月1日 時点``, ``… より``): no row's
                if m.end() < len(t):
                    # A date with text after it is a date cell only on a line that gave a 提出時期.
                    own = row.positioned and f in ("before", "after")  # cut by position: its text
                    beside = (cl.page, cl.line_no) in timing_lines and not own
                    if not (beside or any(piece in ("事前", "事後") for piece in t[m.end() :].split())):
                        continue
                elif f not in ("explanation", "timing"):
                    continue
                day = parse_date(t[: m.end()])
                if day and day not in dated:
                    stray.append(t[: m.end()])
    if not stray:
        return out
    why = f"a date printed in the table opened no row ({stray[0]}) while this row's date was shared"
    for k in range(1, len(rows)):
        if not rows[k].ruled and "merged_cell_filled" in rows[k].flags and days[k] and days[k] == days[k - 1]:
            out[k].append(Doubt("row_split_guess", "change_date", why))
    return out
