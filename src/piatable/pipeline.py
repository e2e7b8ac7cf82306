"""The pipeline: the one place that sequences the stages, for every kind of input alike.

    read (extract/)  →  table pages as ``PageWords`` (a ``Reading``)
    reconstruct      →  ``RawRow``s: grid (PDF, OCR, ``-layout`` text) or stream (flattened text)
    normalize        →  ``Record``s (wraps, dates, items, flags)

Readers only read; they import nothing of this module.  Errors come back in the
``DocumentResult``, never raised, so one input never stops a batch.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from piatable.errors import InputError, NotAnInput, OcrUnavailable, PiatableError
from piatable.extract.cell_tables import CellTables, cell_tables_of
from piatable.extract.layer_quality import TEXT_FAULT_NOTE, faulty_text_pages
from piatable.extract.mended_text_flags import flag_mended_rows
from piatable.extract.pdf import read_pdf
from piatable.extract.pdf_whole_text import whole_text
from piatable.extract.plumber_pages import repage_rows
from piatable.extract.text import read_text_pages
from piatable.extract.text_decoding import read_text_file
from piatable.extract.text_page_order import doubt_rows_at_breaks, text_in_page_order
from piatable.models import DocumentResult, RawRow, Reading
from piatable.normalize.ascii_numerals import keep_printed_letters
from piatable.normalize.closing_text import cut_page_text, grid_without_furniture
from piatable.normalize.column_strips import join_column_strips
from piatable.normalize.confidence import add_page_flags
from piatable.normalize.conservation import (
    date_lines_without_rows,
    dates_beyond_rows,
    item_paths_without_rows,
    lost_and_invented,
    timings_beyond_rows,
)
from piatable.normalize.cover import check_cover, cover_facts_from_document_text
from piatable.normalize.extra_cells import (
    number_doubts,
    numbered,
    placed_remark_doubts,
    remark_label_of,
)
from piatable.normalize.extra_warnings import warn_extra_columns
from piatable.normalize.flags import flag_ocr_records
from piatable.normalize.grid.mark_columns import MarkColumns, read_mark_columns
from piatable.normalize.grid.page_tables import split_page_tables
from piatable.normalize.grid.rows import layout_pages_to_rows, pages_to_rows
from piatable.normalize.grid.unread_pages import page_printing_labels, unname_page_without_table
from piatable.normalize.guessed_rows import mostly_guessed_note, read_in_part
from piatable.normalize.hidden_items import hidden_rows_note
from piatable.normalize.layout_leftovers import flag_unplaced, furniture_note
from piatable.normalize.lost_rows import close_document
from piatable.normalize.page_order import arrange_pages
from piatable.normalize.pass_one_remarks import remark_row_doubts, resplit_pass_one_remarks
from piatable.normalize.place_column import prints_places
from piatable.normalize.printed_lines import lost_lines_note
from piatable.normalize.prose_after import cut_prose_after_table
from piatable.normalize.records import row_notes, rows_to_records
from piatable.normalize.row_counts import empty_rows_note, surplus_note
from piatable.normalize.shown_table import SHOWN_NOT_READ, pages_shown_note, shown_not_read_note
from piatable.normalize.spaced_rows import lost_space_doubts
from piatable.normalize.spacing_evidence import SPACES_LOST_NOTE
from piatable.normalize.split_dates import flag_broken_dates
from piatable.normalize.stream import lines_to_rows
from piatable.normalize.timing_boxes import restore_choices, timing_words
from piatable.normalize.timing_prints import PrintedTimings, restore_raw
from piatable.normalize.undated_runs import doubt_undated_runs

from .input_kinds import INPUT_SUFFIXES, OFFICE_SUFFIXES, detect_kind, forced_kind_mismatch
from .settings import Settings

Kind = Literal["auto", "pdf", "scan", "text"]
KINDS: tuple[str, ...] = ("auto", "pdf", "scan", "text")


def _result(reading: Reading, source: str) -> DocumentResult:
    result = DocumentResult(source, kind=reading.kind, pages=reading.page_count)
    result.documents, cover_notes = check_cover(reading.cover)
    result.notes.extend(reading.notes)
    result.notes.extend(cover_notes)
    if reading.partial:
        result.status = "partial"
    return result


def _form(result: DocumentResult) -> str | None:
    """The assessment form the document's cover names (``--documents``' ``form``), or None: the
    rows' 項目 cells read without their section are keyed by it (``records.rows_to_records``)."""
    return (result.documents or {}).get("form")


def _cell_table_document(tables: CellTables, text: str, source: str, settings: Settings) -> DocumentResult:
    """A Markdown / CSV text's table, its cells already cut (``extract/cell_tables.py``) → records."""
    reading = Reading(kind="text-cells", page_count=tables.pages, notes=tables.notes, partial=tables.partial)
    reading.cover = cover_facts_from_document_text(text)
    result = _result(reading, source)
    if broken := flag_broken_dates(tables.rows):  # a date broken over two rows (``2020年4月`` / ``1日``)
        result.notes.append(
            f"{broken} dates broken over lines could not be made whole (flagged row_split_guess)"
        )
        result.status = "partial"
    result.records = rows_to_records(tables.rows, source, settings, form=_form(result))
    result.notes.extend(row_notes(tables.rows, result.records))
    if not result.records:
        # The label row names the six columns: the table is there, its rows could not be read.
        result.notes.append(f"{TABLE_NOT_READ} (a Markdown / CSV table)")
        result.status = "partial"
    _note_hidden_rows(result)
    return result


def _text_document(path: Path, source: str, settings: Settings) -> DocumentResult:
    text = read_text_file(path)  # read and decoded once, for both readers
    if (tables := cell_tables_of(text, path.suffix)) is not None:
        return _cell_table_document(tables, text, source, settings)
    text, page_order = text_in_page_order(text)  # pages fed out of order put back (a note)
    (reading := read_text_pages(path, text)).notes[:0] = page_order
    printed, marks = PrintedTimings(), MarkColumns()  # 提出時期 printed as 事後提出, ■事前, or as marks
    timing_words(reading, text, printed)
    faulty = faulty_text_pages(text)  # pages taken from a broken text layer
    paged = "\f" in text
    del text  # a long text's parts are built as the stream reader reaches them
    repairs = list(reading.notes)  # how the text was mended (despaced, over-print collapsed …)
    result = _result(reading, source)
    if reading.kind == "text-layout":
        read_mark_columns(reading.pages, settings.grid, marks)
        grid = layout_pages_to_rows(reading.pages, settings)
        # pdfplumber text placed in the six columns (``plumber_to_layout``): a 備考 column's cell
        # is placed with the explanation, as the stream reader reads it (``extra_cells``).
        if remarks := remark_label_of(reading.notes):
            for row in grid.rows:
                row.doubts.extend(placed_remark_doubts(row, remarks))
        warn_extra_columns(grid.rows, reading.notes, layout=True)  # 変更箇所, 区分, 番号 … not set apart
        if reading.line_pages:
            repage_rows(grid.rows, reading.line_pages)
        result.notes.extend(grid.notes)
        if grid.unplaced:
            result.notes.append(f"{grid.unplaced} words of the table region could not be placed")
            result.status = "partial"
        if grid.merged_rows or grid.rows_beyond:
            result.status = "partial"
        result.notes.extend(cut_page_text(grid.rows)[1])  # page text; notes after the table
        result.notes.extend(cut_prose_after_table(grid.rows)[1])
        # Every piece of the region in a row or a note, else said (``layout_leftovers``).
        unplaced, furniture = flag_unplaced(reading.pages, grid.rows, [*reading.notes, *result.notes])
        result.notes.extend([furniture_note(furniture)] if furniture else [])
        if unplaced:
            result.notes.append(lost_lines_note(unplaced))
            result.status = "partial"
        placed = prints_places([*reading.notes, *result.notes])  # 変更箇所 (頁/行)
        result.records = rows_to_records(grid.rows, source, settings, form=_form(result), placed=placed)
        result.notes.extend(row_notes(grid.rows, result.records))
        split = sum("row_split_guess" in r.flags for r in result.records)
        if split and SPACES_LOST_NOTE in reading.notes:
            # Cells glued by the lost spaces hide the item that opens a row (``Ⅲ特定…プ・サーバー``
            # read as one before cell): the row is read into the one above, which says so.
            result.notes.append(SPACED_ROWS_NOTE.format(n=split))
            result.status = "partial"
    else:
        _stream_document(reading, result, settings)
    _note_hidden_rows(result)
    for found in (printed, marks):
        if found:
            restore_raw(result.records, found if isinstance(found, PrintedTimings) else found.printed())
            result.notes.append(found.note())
    if unmatched := restore_choices(result.records, printed, settings.quality):  # ■事前 / □事後
        result.notes.append(unmatched)
        result.status = "partial"
    if reading.ascii_numerals:
        keep_printed_letters(result.records, reading.ascii_numerals)
    result.notes += flag_mended_rows(result.records, reading, settings.quality)
    doubt_rows_at_breaks(result.records, result.notes, settings.quality)  # page order in doubt
    if not result.records and not any(n.startswith(NOT_READ_NOTES) for n in result.notes):
        # The text shows the table (all on one line?) and its rows are lost: read again, only then.
        if shown := shown_not_read_note(read_text_file(path)):
            result.notes.append(shown)
            result.status = "partial" if result.status == "success" else result.status
    if not result.records and not any(n.startswith(NOT_READ_NOTES) for n in result.notes):
        # No table: its mends say nothing (a prose sentence repeated is no over-print); say so.
        result.notes = [n for n in result.notes if n not in repairs]
    read_in_part(result, mostly_guessed_note(result.records))  # most rows read by guess
    if faulty:
        pages = ", ".join(map(str, faulty))
        result.notes.append(TEXT_FAULT_NOTE.format(pages=pages, fault=next(iter(faulty.values()))))
        # A text without form feeds is one page: all its rows are flagged.
        add_page_flags(
            result.records,
            dict.fromkeys(faulty if paged else {r.page_start for r in result.records}, "unmapped_glyphs"),
            settings.quality,
        )
        if result.status == "success":
            result.status = "partial"
    last = max((r.page_end for r in result.records if r.page_end is not None), default=0)
    if last > (result.pages or 0):
        # A text without form feeds whose rows were paged at repeated title / label rows, page
        # numbers, or a two-pass page's one-line cells printed anew (``pass_restarts``; row-ordered
        # text counts from the table's first page): the count says so.
        result.notes.append(PAGES_FROM_TABLE_NOTE.format(n=last))
        result.pages = last
    return result


# A text without form feeds paged by its repeated title / label rows or page-number lines.
PAGES_FROM_TABLE_NOTE = (
    "the text holds no form feeds: its {n} pages were counted from the table's first page at each"
    " repeated title / label row, page-number line or new run of the rows' one-line cells (pages"
    " before the table are not counted)"
)
# A spaced-out ``-layout`` text whose own spaces were lost, with rows flagged row_split_guess.
SPACED_ROWS_NOTE = (
    "{n} rows of a spaced-out text whose own spaces were lost may hold two rows run together"
    " (flagged row_split_guess): rows may be missing"
)


# The note of a flattened text whose table title (with its column labels) was found but none
# of whose rows could be read.
TABLE_NOT_READ = "the amendment table's title and column labels were found but none of its rows could be read"
# A PDF or scan whose page prints the table's column labels while no row was read
# (``unread_pages.page_printing_labels``).
LABELS_NOT_READ = (
    "the amendment table's column labels are printed on page {page} but none of its rows could be read"
)
NOT_READ_NOTES = (TABLE_NOT_READ, LABELS_NOT_READ.split(" on page")[0], SHOWN_NOT_READ.split(" (")[0])


def _note_hidden_rows(result: DocumentResult) -> None:
    """An item of the form opening inside another row's cell (``hidden_rows_note``): a row with no
    date line or section of its own to count it by, read into its neighbour (issue 10): the
    document is partial, with the note.  So are rows holding a date or a 提出時期 alone
    (``empty_rows_note``)."""
    hidden = hidden_rows_note(result.records)
    if hidden:
        result.notes.append(hidden)
        result.status = "partial"
    empty = empty_rows_note(result.records)
    if empty:
        result.notes.append(empty)
        result.status = "partial"


def _stream_document(reading: Reading, result: DocumentResult, settings: Settings) -> None:
    """Flattened text → rows (stream) → records, part by part for a long text (``Reading.parts``):
    a part's lines and rows are dropped once its records are made.  Duplicates are found over the
    whole document; the other checks within each part (a part holds many pages of rows)."""
    parts = reading.parts or [lambda: reading.pages]
    seen: set[bytes] = set()
    notes: list[str] = []
    lost = unrowed = skipped = unopened = beyond = broken = timings = 0
    split = False
    lost_lines: list[str] = []
    in_table = False
    spaces_lost, placed = SPACES_LOST_NOTE in reading.notes, prints_places(reading.notes)
    remarks, numbers = remark_label_of(reading.notes), numbered(reading.notes)
    for k, build in enumerate(parts):
        pages = build()
        # A table read in several parts spans pages: its pages are the text's own (form feeds),
        # not counted from its furniture (so are a text's whose extractor marks its pages).
        paged = reading.paged or (len(parts) > 1 and (in_table or k + 1 < len(parts)))
        stream = lines_to_rows(
            pages, settings, release=True, in_table=in_table, paged=paged, spaces_lost=spaces_lost
        )
        broken += flag_broken_dates(stream.rows)
        notes += resplit_pass_one_remarks(stream, remarks, settings)  # Calc's 事後 備考
        for row in stream.rows if remarks or numbers else ():  # columns beyond the six
            row.doubts.extend(remark_row_doubts(row, remarks) if remarks else ())
            row.doubts.extend(number_doubts(row) if numbers else ())
        warn_extra_columns(stream.rows, reading.notes, False, bool(remarks), len(parts) == 1)
        for row in stream.rows if spaces_lost else ():  # spaces lost between words
            row.doubts.extend(lost_space_doubts(row))
        timings += doubt_undated_runs(stream.rows, stream.region, row_ordered=not stream.column_order)
        records = rows_to_records(  # placed: a 変更箇所 (頁/行) column, rows alike print two places
            stream.rows, result.source, settings, None, len(result.records), seen, _form(result), placed
        )
        notes.extend(n for n in stream.notes if n not in notes)
        notes.extend(row_notes(stream.rows, records))
        lost += lost_and_invented(stream.region, records)[0]
        unrowed += date_lines_without_rows(stream.region, stream.rows)
        beyond += dates_beyond_rows(stream.region, stream.rows, stream.dates_before)
        timings += timings_beyond_rows(stream.region, stream.rows)
        skipped += stream.paths_skipped
        unopened += item_paths_without_rows(stream.region, stream.rows)
        if stream.column_order and (surplus := surplus_note(stream.region, stream.rows, stream.dates_before)):
            notes.append(surplus)  # more rows than the table counts: split rows (row_counts)
            split = True
        lost_lines.extend(stream.lost_lines)
        result.records.extend(records)
        in_table = in_table or bool(stream.rows)
        del stream, pages
    reading.pages = []
    result.notes.extend(notes)
    if lost:
        result.notes.append(f"{lost} characters of the table region could not be placed")
        result.status = "partial"
    if unrowed:
        # Said with what it means: the dates' text is in the records (unless counted as lost
        # above), but rows may have been run into their neighbours.
        kept = "" if lost else "; no text was lost, but rows may have run together"
        result.notes.append(f"{unrowed} date lines of the table region did not become rows{kept}")
        result.status = "partial"
    if beyond > unrowed:
        # Every date line placed, yet the text prints more dates than rows were read (dates
        # printed in pieces, rows read column by column): rows were lost or run together.
        result.notes.append(
            f"the table region prints {beyond} more dates than rows were read; rows may be missing"
            " or run together"
        )
        result.status = "partial"
    if timings and beyond <= unrowed:
        # Every date line placed and no more dates than rows, yet more 提出時期 than rows: rows
        # under a merged date, with no section, read into their neighbours (issue 10).
        result.notes.append(
            f"the table region prints {timings} more 提出時期 (事前 / 事後) than rows were read;"
            " rows may be missing or run together"
        )
        result.status = "partial"
    if broken:
        # A 変更日 broken in a narrow column that no piece completed (``2022/04/0`` alone): its
        # row may have run into a neighbour although every date line became a row.
        result.notes.append(
            f"{broken} dates broken over lines could not be made whole; the rows holding them may"
            " be missing or run together (flagged row_split_guess)"
        )
        result.status = "partial"
    if skipped and not result.records:
        # Not "no amendment table found": the table is there, its rows could not be read.
        result.notes.append(
            f"{TABLE_NOT_READ}: {skipped} item paths after its title or column labels were not read"
        )
        result.status = "partial"
    elif skipped:
        result.notes.append(
            f"{skipped} item paths after the table's title or column labels (or printed above the title"
            " on its page) came before the rows read and were not read"
        )
        result.status = "partial"
    if unopened:
        result.notes.append(
            f"{unopened} item paths (a section Ⅰ…Ⅵ or an attachment's label) of the table region"
            " did not open a row"
        )
        result.status = "partial"
    if lost_lines:
        result.notes.append(lost_lines_note(lost_lines))
        result.status = "partial"
    if split:
        result.status = "partial"


def reading_to_result(reading: Reading, source: str, settings: Settings) -> DocumentResult:
    """Table pages with boxes (PDF text layer or OCR) → grid → records.

    OCR pages get dictionary-checked corrections of misreads before the records are made, and
    the ``ocr`` / ``ocr_low_confidence`` flags and a confidence capped by tesseract's after.
    """
    result = _result(reading, source)
    # Pages fed out of order put back; a PDF's page numbers, headers and footers are no cells.
    reading.pages = arrange_pages(reading, result.notes)
    # A sheet too wide for the page: its last columns' pages joined to their rows' pages (a
    # text layer's characters or a scan's OCR words alike).
    reading.pages, joined, doubts = join_column_strips(reading.pages)
    result.notes.extend(joined)
    reading.page_flags = {**doubts, **reading.page_flags}
    marks = MarkColumns()  # 提出時期 as a mark in a 事前 | 事後 column: the column's word
    read_mark_columns(reading.pages, settings.grid, marks)
    pages = split_page_tables(reading.pages, settings.grid, result.notes)  # two tables: two parts
    grid = grid_without_furniture(
        pages_to_rows(pages, settings, reading.rows_whole, reading.feet_close_cells)
    )
    result.notes.extend(grid.notes)
    rows: list[RawRow] = grid.rows
    if reading.ocr:
        from piatable.extract.ocr.corrections import correct_ocr_rows
        from piatable.extract.ocr.square_brackets import (
            choice_doubts,
            document_brackets,
            even_square_brackets,
        )

        result.notes.extend(correct_ocr_rows(rows))
        votes = [p.bracket_votes for p in reading.pages if p.bracket_votes is not None]
        even_square_brackets(rows, *document_brackets(votes))
        choice_doubts(rows)
    placed = prints_places(result.notes)  # a ruled 変更箇所 (頁/行) column set aside
    result.records = rows_to_records(rows, source, settings, form=_form(result), placed=placed)
    result.notes.extend(row_notes(rows, result.records))
    if marks:
        restore_raw(result.records, marks.printed())
        result.notes.append(marks.note())
    if reading.ocr:
        from piatable.extract.ocr.garbage_rows import garbage_note, mostly_warned_note, unrowed_dates
        from piatable.extract.ocr.rowless_pages import rowless_note

        flag_ocr_records(rows, result.records, settings)
        lost = unrowed_dates(reading.pages, result.records)  # rows conserved (extract/ocr/dated_lines)
        rowless = rowless_note(reading.pages, result.records)  # a table page that gave no row
        read_in_part(result, garbage_note(result.records), mostly_warned_note(result.records), lost, rowless)
    unread = {p.page: "unplaced_text" for p in reading.pages if p.unread}
    add_page_flags(result.records, {**unread, **reading.page_flags}, settings.quality)
    if (grid.in_part() or unread) and result.status == "success":
        result.status = "partial"  # text placed in no cell, or rows read as one (``lost_lines``)
    if not result.records and (page := page_printing_labels(reading.pages)) is not None:
        # The label row is printed and no row was read: the whole table is lost, not absent.
        unname_page_without_table(page, result.notes)  # (its page is no page without a table)
        result.notes.append(LABELS_NOT_READ.format(page=page))
        result.status = "partial"
    elif not result.records and (shown := pages_shown_note(reading.pages)):  # labels misread
        result.notes.append(shown)
        result.status = "partial" if result.status == "success" else result.status
    if not reading.ocr:  # OCR's misreads of a heading aside
        # A text layer's row with no ruling between it and the row above (Writer, a merged date).
        _note_hidden_rows(result)
    return result


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the block, and enabled again after it
    (also when the block raises) if it was enabled before.

    Reading a text-layer PDF makes about 150,000 short-lived objects (the characters' ``Word``s,
    lines, segments) that reference counting frees, and about 200 in cycles; the collector's
    passes over them and over the warm worker's long-lived objects cost some 5% of the read."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _pdf_document(path: Path, source: str, settings: Settings) -> DocumentResult:
    with gc_paused():  # the text layer's read: no cycles to speak of (OCR runs with it enabled)
        reading = read_pdf(path, settings.pdf)
        if not reading.ocr_pages:
            result = reading_to_result(reading, source, settings)
            # Its characters are freed while the collector still sleeps: enabled again, it
            # would otherwise pass over some 15,000 live ``Word``s at its next allocation.
            del reading
            return result
    what = f"{reading.ocr_reason} on {len(reading.ocr_pages)} of {reading.page_count} pages"
    try:
        from piatable.extract.ocr.cover_page import complete_cover  # OpenCV: only for OCR
        from piatable.extract.ocr.reader import ocr_pdf_pages

        found: dict[str, str] = {}
        candidates: list[int] = []
        reading.pages = ocr_pdf_pages(path, reading.ocr_pages, settings, reading.notes, found, candidates)
        if not reading.cover:
            # The cover is the scan's: what its cells' read lacks is read from its whole page.
            reading.cover = found
            reading.pages = complete_cover(path, found, candidates, reading.pages, settings, reading.notes)
    except OcrUnavailable as exc:
        result = _result(reading, source)
        result.notes.append(f"{what}: OCR is needed ({exc})")
        result.status = "partial"
        return result
    reading.kind = "pdf-ocr"
    reading.notes.append(f"{what}: given to OCR")  # blank ones are then skipped, with a note
    return reading_to_result(reading, source, settings)


def read_document(path: str | Path, kind: Kind = "auto", settings: Settings | None = None) -> DocumentResult:
    """Run the whole pipeline on one input file; raise the reader's own error when it cannot be read.

    ``kind`` is ``auto`` (from the file's first bytes and suffix), ``pdf``, ``scan`` (PNG, JPEG,
    TIFF, BMP or an image-only PDF) or ``text``; anything else is a ``ValueError``.  Raises
    ``InputError`` (missing, empty, binary or undecodable input, unreadable image),
    ``UnreadablePDF`` (corrupt, truncated or encrypted PDF; an ``InputError``) or
    ``OcrUnavailable`` (tesseract or its ``jpn`` data missing), all ``PiatableError``.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    settings = settings or Settings()
    p = Path(path)
    source = str(path)
    if not p.exists():
        if p.is_symlink():
            raise InputError(f"{source}: a link to a missing file ({os.readlink(p)})")
        raise InputError(f"{source}: no such file")
    if p.is_dir():
        raise InputError(f"{source}: is a folder")
    if kind != "auto" and (mismatch := forced_kind_mismatch(p, kind)):
        raise InputError(mismatch)
    actual = detect_kind(p) if kind == "auto" else kind
    if actual == "text":
        result = _text_document(p, source, settings)
    elif actual == "pdf":
        result = _pdf_document(p, source, settings)
    else:
        from piatable.extract.ocr.reader import read_scan  # OpenCV and numpy: loaded only for OCR

        result = reading_to_result(read_scan(p, settings), source, settings)
    text_of = (lambda: read_text_file(p)) if actual == "text" else None  # read again if need be
    close_document(result, text_of, settings.quality)  # rows lost or run together, said
    if not result.records and actual == "pdf" and result.status == "success":
        # No table page found, yet the text layer may show the table (labels printed one strip a
        # page): lost, not absent (``shown_table``; set XXXV k01).
        if shown := shown_not_read_note(whole_text(p)):
            result.notes.append(shown)
            result.status = "partial"
    if (
        not result.records
        and "no amendment table found" not in result.notes
        and not any(n.startswith(NOT_READ_NOTES) for n in result.notes)
    ):
        result.notes.append("no amendment table found")
    return result


def extract_document(
    path: str | Path, kind: Kind = "auto", settings: Settings | None = None
) -> DocumentResult:
    """Run the whole pipeline on one input file; errors of the input come back in the result.

    ``kind`` as for ``read_document`` (anything else is a ``ValueError``, the one error raised).
    The ``DocumentResult`` (``piatable.models.result``) holds the ``records``; ``status``:
    ``success``, ``partial`` (text of the table region could not be placed, or pages needed OCR
    that is missing; the notes say which) or ``failure`` (the input could not be read);
    ``errors`` as (stage, page or None, one line naming the file); ``notes`` (one line each,
    e.g. "no amendment table found"); ``kind`` (the reader used), ``pages`` and the cover facts
    (``documents``).
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    source = str(path)
    try:
        return read_document(path, kind, settings)
    except PiatableError as exc:
        msg = str(exc)
        if not msg.startswith(source):
            msg = f"{source}: {msg}"
        if isinstance(exc, NotAnInput) and Path(path).suffix.lower() not in INPUT_SUFFIXES:
            # A file of another kind (.docx, .xlsx, .zip) met in a folder: named, not failed.
            suffix = Path(path).suffix.lower()
            why = f"{source}: skipped: not a PDF, an image or text ({suffix or 'no suffix'})"
            if suffix in OFFICE_SUFFIXES:
                why += "; convert it first: soffice --headless --convert-to pdf FILE"
            return DocumentResult(source, status="skipped", errors=[("extract", None, why)])
        return DocumentResult(source, status="failure", errors=[("extract", None, msg)])
    except Exception as exc:  # one input's bug must not stop a batch
        msg = f"{source}: unexpected error, please report it ({type(exc).__name__}: {exc})"
        return DocumentResult(source, status="failure", errors=[("internal", None, msg.splitlines()[0])])
