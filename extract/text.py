"""Flattened text files → pages of positioned words in character cells.

Encodings met in practice: UTF-8 (with or without BOM), CP932/Shift_JIS and UTF-16 (with BOM, or
without one but recognisable by its NUL bytes).  A form feed is a page break.  Text made by
``pdftotext -layout`` keeps the columns side by side; its words get x positions from their
character offsets so that the grid reconstruction can use them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import regex

from piatable.models import PageWords, Reading, Word
from piatable.normalize.ascii_numerals import NumeralPrinting
from piatable.normalize.box_marks import place_box_marks
from piatable.normalize.browser_furniture import strip_browser_furniture
from piatable.normalize.chars import display_width
from piatable.normalize.column_strips import row_order_strips_note
from piatable.normalize.cover import cover_facts_from_document_text
from piatable.normalize.dates import is_date_line
from piatable.normalize.dropped_hyphens import (
    HYPHENS_NOTE,
    MARKS_NOTE,
    drop_hyphenation_marks,
    restore_dropped_hyphens,
)
from piatable.normalize.embedded_labels import EMBEDDED_LABELS_NOTE, split_embedded_labels
from piatable.normalize.extra_cells import REMARKS_TEXT_NOTE, remark_label_of, strip_remark_label
from piatable.normalize.extra_columns import strip_extra_labels, strip_extra_values
from piatable.normalize.extra_layout import placed_wheres, set_aside_by_place
from piatable.normalize.footnote_marks import place_footnote_marks
from piatable.normalize.glued_copy import unglue_copy
from piatable.normalize.glued_labels import GLUED_LABELS_NOTE, split_glued_labels
from piatable.normalize.glued_page_marks import split_glued_page_marks
from piatable.normalize.glued_runs import GLUED_RUNS_NOTE, split_glued_runs
from piatable.normalize.group_rows import strip_group_rows
from piatable.normalize.hygiene import join_digit_lines, join_font_runs, tidy_text
from piatable.normalize.joined_pages import mark_joined_pages
from piatable.normalize.layout_footers import blank_layout_footers
from piatable.normalize.layout_numbers import blank_layout_numbers
from piatable.normalize.list_labels import join_list_labels
from piatable.normalize.page_edges import strip_page_edges
from piatable.normalize.page_marks import BREAKS_NOTE, mark_page_breaks
from piatable.normalize.pass_one_remarks import set_pass_one_remarks_apart
from piatable.normalize.place_column import strip_place_column
from piatable.normalize.row_numbers import strip_lead_columns
from piatable.normalize.ruby_lines import strip_ruby_lines
from piatable.normalize.running_heads import strip_running_heads
from piatable.normalize.sheet_headings import strip_sheet_headings
from piatable.normalize.spread_labels import SPREAD_LABELS_NOTE, mend_spread_labels
from piatable.normalize.stretched_dates import close_stretched_dates, stretched_lines
from piatable.normalize.table_parting import strip_parting_lines
from piatable.normalize.unicode import clean_text, plain_spaces
from piatable.normalize.version_history import blank_history
from piatable.normalize.watermark_lines import strip_watermark_lines
from piatable.vocabulary import is_header_line, is_label_piece, is_page_number, is_title

from .glyph_codes import mend_text
from .joined_boxes import joined_boxes_note
from .mixed_pages import mixed_pages_notes, table_pages_side_by_side
from .plumber_pages import label_row_breaks, line_pages, page_starts, take_out_breaks
from .plumber_text import is_plumber_text, plumber_to_layout
from .plumber_write import PLUMBER_DOUBT_NOTE
from .poppler_sjis import is_poppler_sjis, undo_poppler_sjis
from .text_decoding import UNDECODED_MARK, read_text_file, undecoded_note

# Layout text: share of non-blank lines with two or more separated segments.
LAYOUT_MULTI_SEGMENT_SHARE = 0.25
# A run of this many half-width spaces (or one full-width space between non-spaces) separates
# columns in layout text.
LAYOUT_GAP = regex.compile(r"(?: {2,}|\t+)")
_SEGMENT = regex.compile(r"\S+(?: \S+)*")
# A flattened text longer than this (characters) is read part by part (``stream_part_bounds``).
TEXT_PART_CHARS = 500_000


# What the note says of ``join_font_runs`` (after "N lines: ").
FONT_RUNS_NOTE = (
    "the spaces an extractor puts where the font changes around digits or numerals"
    " (平成 29 年, Ⅰ 基本情報) were removed"
)

# What the note says of ``unicode.plain_spaces``.
SPACES_NOTE = (
    "{n} Unicode spaces (U+00A0 no-break spaces, as a web viewer's copy writes, U+2000-U+200A,"
    " U+202F, U+205F, or zero-width spaces standing for spaces) were read as spaces"
)


def read_text_with_notes(path: Path) -> tuple[str, list[str]]:
    """The file's text, decoded, with unified line ends, the Unicode repairs and the input
    hygiene of ``normalize.hygiene`` (spaced-out text, over-printed lines) applied; with a note
    for each repair of the hygiene."""
    text, notes, *_ = _read_text_and_kind(path)
    return text, notes


def _read_text_and_kind(
    path: Path, text: str | None = None
) -> tuple[
    str,
    list[str],
    bool,
    tuple[NumeralPrinting, ...],
    dict[tuple[int, int], str],
    list[int] | None,
    frozenset[str],
]:
    """``read_text_with_notes``, ``is_layout_text`` of the text it returns (asked once: a long
    text's lines are scanned once for it), its section numerals when some typed in ASCII
    letters were read as Ⅰ…Ⅵ (``read_section_numerals``; none otherwise), the lines placed
    in columns by guess (pdfplumber text, rewritten as layout text by
    ``plumber_text.plumber_to_layout``: (page index, line index) → why), and the printed page of
    each line of pdfplumber text whose pages were joined by line ends (``plumber_pages``; None
    for any other text), and the copies of lines collapsed as over-printed text
    (``TidyText.collapsed``)."""
    if text is None:
        text = read_text_file(path)
    undecoded = undecoded_note(text)  # bytes no encoding read whole: U+FFFD in their place
    # A web viewer's copy (NBSP for every space): its spaces read as spaces before anything looks
    # at them (poppler's Shift-JIS text is told by its lack of ASCII spaces, among others).
    text, spaces = plain_spaces(text)
    sjis_note = None
    if is_poppler_sjis(text):  # pdftotext -enc Shift-JIS: no ASCII, U+3000 column gaps
        text, sjis_note = undo_poppler_sjis(text)
    # A sheet printed with its row and column headings (A B C …, 1 2 3 …): set aside first (the
    # letter strip would read as spaced-out text).
    text, sheet_notes = strip_sheet_headings(clean_text(mend_text(text)))
    text, copy_notes = unglue_copy(text)  # a pdf.js copy: 変更日項目変更内容…, 事後組織改編…
    sheet_notes += copy_notes
    tidy = tidy_text(text)
    # A date printed in a justified cell, its characters spaced apart (令 和 6 年 4): closed up,
    # unless the text is spaced out as a whole (its despacing closes the dates with the rest, and
    # closing them first would leave too few spaced lines for it to see: heldout-spaced67's
    # Writer pdfminer text read 0 rows so).
    closed, stretch_notes = close_stretched_dates(text, is_layout_text(text))
    if stretch_notes and not tidy.despaced_lines:
        tidy = tidy_text(closed)
        tidy.notes += stretch_notes
    tidy.notes += sheet_notes + ([undecoded] if undecoded else [])
    # Column labels spread over their cells or stacked a character a line, closed up (after the
    # despacing of text spaced out as a whole, which reads its label rows itself).
    tidy.text, spread = mend_spread_labels(tidy.text)
    tidy.notes += [SPREAD_LABELS_NOTE.format(n=spread)] if spread else []
    tidy.notes += [sjis_note] if sjis_note else []
    tidy.notes += [SPACES_NOTE.format(n=spaces)] if spaces else []
    # A watermark word printed once per page over the table (「案」, 「DRAFT」): page furniture.
    tidy.text, mark_notes = strip_watermark_lines(tidy.text, blank=is_layout_text(tidy.text))
    tidy.notes += mark_notes
    # A browser's print header and footer (date and time, title; address, n/m): page furniture.
    tidy.text, browser_notes = strip_browser_furniture(tidy.text, blank=is_layout_text(tidy.text))
    tidy.notes += browser_notes
    # A group row's label (【令和５年度】) among the rows' lines: no row's text.
    tidy.text, group_notes = strip_group_rows(tidy.text, blank=is_layout_text(tidy.text))
    tidy.notes += group_notes
    # A paragraph parting two tables (【令和６年度以前の変更】) right above the second's labels.
    tidy.text, parting_notes = strip_parting_lines(tidy.text, blank=is_layout_text(tidy.text))
    tidy.notes += parting_notes
    # Ruby (furigana) readings printed over words: lines of kana reading nearby kanji words.
    tidy.text, ruby_notes = strip_ruby_lines(tidy.text, blank=is_layout_text(tidy.text))
    tidy.notes += ruby_notes
    tidy.notes += [boxes] if (boxes := joined_boxes_note(tidy.text)) else []
    tidy.text, place_notes = strip_place_column(tidy.text, is_layout_text(tidy.text))  # 変更箇所 3頁 5行
    tidy.notes += place_notes
    # 区分 / 番号 / 担当課 … columns no reader sets apart: labels out (blanked in layout text,
    # where the pieces under the label are set aside first).
    placed: list[str] = []
    if layout := is_layout_text(tidy.text):
        tidy.text, placed = set_aside_by_place(tidy.text)
        tidy.notes += placed
    tidy.text, extra_notes = strip_extra_labels(
        tidy.text, blank=layout, owned=True, wheres=placed_wheres(placed)
    )
    tidy.notes += extra_notes
    # A numbering / kind column before 変更日 puts short values before each row's first line,
    # which hides pdfplumber's order (Calc with 番号 / 区分 columns): it is looked for without them.
    plumber = is_plumber_text(tidy.text) or is_plumber_text(strip_lead_columns(tidy.text)[0])
    if not plumber:
        # pdfplumber's ``extract_text(x_tolerance=1)`` puts a space wherever characters stand a
        # point apart: around digits set in another font (``令和 7 年``) and after Ⅰ…Ⅵ, as -raw does.
        # Closed up, its lines are pdfplumber's (set XXI's plumbx1 texts, FAULTS #7).
        closed, runs = join_font_runs(tidy.text)
        if runs and is_plumber_text(closed):
            tidy.text, plumber = closed, True
            tidy.notes.append(f"{runs} lines: {FONT_RUNS_NOTE}")
    layout = not plumber and is_layout_text(tidy.text)
    # Pages joined by line ends (library users' texts): the furniture marks the page breaks.
    tidy.text, glued_marks = split_glued_page_marks(tidy.text)  # pypdf pages joined with ""
    tidy.notes += glued_marks
    text_before_pages = tidy.text
    joined_text, joined_notes = mark_joined_pages(tidy.text, blank=layout)
    plumber_breaks: list[int] = []
    if plumber and joined_notes:
        # pdfplumber's reader takes no form feeds: its rows get the pages of their lines.
        joined_text, plumber_breaks = take_out_breaks(joined_text)
    elif plumber and "\f" not in joined_text and (plumber_breaks := label_row_breaks(joined_text)):
        joined_notes = [BREAKS_NOTE.format(n=len(plumber_breaks))]
    tidy.text = joined_text
    if not plumber:
        tidy.notes.extend(joined_notes)
    # Page numbers, headers and footers at the pages' edges (form feeds) are furniture.
    tidy.text, edge_notes = strip_page_edges(tidy.text, blank=layout)
    tidy.notes.extend(edge_notes)
    if (
        layout or plumber
    ):  # one page's footer / header (1/1, 令和６年４月１日時点, &D 印刷): no repeats to tell it by
        tidy.text, foot_notes = blank_layout_footers(tidy.text)
        tidy.notes.extend(foot_notes)
    if plumber:
        # pdfplumber's pages are joined inside a line (``…の範囲\f番号 区分 変更日 …``): each
        # page's first line is looked at as a line of its own.
        unnumbered, lead_notes = strip_lead_columns(tidy.text.replace("\f", "\n\f"))
        unnumbered = unnumbered.replace("\n\f", "\f")
        # The page breaks count lines: a text whose lines a number alone left keeps them all.
        if not plumber_breaks or unnumbered.count("\n") == tidy.text.count("\n"):
            tidy.text = unnumbered
            tidy.notes.extend(lead_notes)
        tidy.text, extra_notes = strip_extra_values(
            tidy.text, tidy.notes, keep_lines=True
        )  # a row's cells a line
        tidy.notes += extra_notes
        placed, placed_notes, guesses = plumber_to_layout(tidy.text)
        starts = page_starts(placed, plumber_breaks)
        if starts is None and plumber_breaks:  # not paged after all: the furniture alone left out
            joined_notes = mark_joined_pages(text_before_pages, feeds=False)[1]
            joined_notes = [n for n in joined_notes if not n.startswith(BREAKS_NOTE[:20])]
        pages = line_pages(placed.count("\n") + 1, starts) if starts else None
        return (
            placed,
            tidy.notes + joined_notes + placed_notes,
            True,
            tidy.ascii_numerals,
            guesses,
            pages,
            tidy.collapsed,
        )
    if layout:
        numbered = blank_layout_numbers(tidy.text)
        paged, breaks = mark_page_breaks(numbered.text)
        paged, head_notes = strip_running_heads(paged, blank=True)
        notes = tidy.notes + numbered.notes + ([BREAKS_NOTE.format(n=breaks)] if breaks else []) + head_notes
        stretched, stretch_notes = stretched_lines(paged)  # 番 号 法 第 ９ 条 番 号 法 …
        notes += stretch_notes
        return paged, notes, True, tidy.ascii_numerals, stretched, None, tidy.collapsed
    tidy.text, glued = split_glued_labels(tidy.text)  # pypdf's 説明提出 時期
    tidy.notes += [GLUED_LABELS_NOTE.format(n=glued)] if glued else []
    tidy.text, glued = split_glued_runs(tidy.text)  # pypdf's 事後2020/3, 事後人口減少…
    tidy.notes += [GLUED_RUNS_NOTE.format(n=glued)] if glued else []
    tidy.text, embedded = split_embedded_labels(tidy.text)  # pypdfium2's …修正番号 変更日 … 説明 7 2018/…
    tidy.notes += [EMBEDDED_LABELS_NOTE.format(n=embedded)] if embedded else []
    # -raw / pypdfium2: the sheet's page header opening each page is furniture, not a row's cells.
    tidy.text, head_notes = strip_running_heads(tidy.text)
    tidy.notes.extend(head_notes)
    tidied = tidy.text
    tidy.text, lead_notes = strip_lead_columns(tidy.text)
    tidy.notes.extend(lead_notes)
    tidy.text, remarks = strip_remark_label(tidy.text)  # a 備考 column after the fields
    tidy.notes += [REMARKS_TEXT_NOTE.format(label=remarks)] if remarks else []
    remarks = remarks or remark_label_of(tidy.notes)  # (or taken out with a numbering column's)
    tidy.text, remark_notes = set_pass_one_remarks_apart(tidy.text, remarks)  # Calc's 事後 説明 備考
    tidy.notes += remark_notes
    tidy.text, extra_notes = strip_extra_labels(tidy.text)  # 区分 / 番号 … no reader sets apart
    tidy.notes += extra_notes
    tidy.text, extra_notes = strip_extra_values(tidy.text, tidy.notes)  # their short values
    tidy.notes += extra_notes
    tidy.text, digit_lines = join_digit_lines(tidy.text)
    if digit_lines:
        tidy.notes.append(f"{digit_lines} lines broken at digits set in another font were joined")
    tidy.text, joined = join_font_runs(tidy.text)
    if joined:
        tidy.notes.append(f"{joined} lines: {FONT_RUNS_NOTE}")
    tidy.text, marks = place_box_marks(tidy.text)
    if marks:
        tidy.notes.append(f"{marks} check-box marks printed away from their boxes were put back in them")
    tidy.text, marks = place_footnote_marks(tidy.text)  # pypdfium2's …の根拠 ２※, pypdf's ※…の根拠 ２
    if marks:
        tidy.notes.append(f"{marks} note marks ※ printed away from their numbers were put back before them")
    tidy.text, hyphens = restore_dropped_hyphens(tidy.text)  # plain pdftotext's e-ラーニング
    tidy.notes += [HYPHENS_NOTE.format(n=hyphens)] if hyphens else []
    tidy.text, marks = drop_hyphenation_marks(tidy.text)  # pdfminer's Gnumeric ｅＬＴＡ-
    tidy.notes += [MARKS_NOTE.format(n=marks)] if marks else []
    # Lines joined may change the verdict; an unchanged text keeps it.
    layout = False if tidy.text == tidied else is_layout_text(tidy.text)
    return tidy.text, tidy.notes, layout, tidy.ascii_numerals, {}, None, tidy.collapsed


def read_text(path: Path) -> str:
    """The file's text as ``read_text_with_notes`` gives it, without the notes."""
    return read_text_with_notes(path)[0]


# The last answers of ``is_layout_text``, by the text's length and hash (str caches its hash): the
# reading steps ask it of the same text up to eight times (session 68: 10% of a 1 MB text's CPU).
# No text kept alive by it.
_LAYOUT_ANSWERS: dict[tuple[int, int], bool] = {}


def is_layout_text(text: str) -> bool:
    """True for ``pdftotext -layout``-like text: columns side by side, separated by space runs, on
    ``LAYOUT_MULTI_SEGMENT_SHARE`` of its lines, or on every page of its table
    (``mixed_pages.table_pages_side_by_side``: a whole assessment whose body is prose).  Pure:
    the answer for a text asked again is the one kept (``_LAYOUT_ANSWERS``)."""
    key = (len(text), hash(text))
    if (known := _LAYOUT_ANSWERS.get(key)) is not None:
        return known
    answer = _is_layout_text(text)
    if len(_LAYOUT_ANSWERS) >= 8:
        _LAYOUT_ANSWERS.clear()
    _LAYOUT_ANSWERS[key] = answer
    return answer


def _is_layout_text(text: str) -> bool:
    """``is_layout_text``, worked out."""
    lines = multi = 0
    start = 0
    while start <= len(text):  # line by line, without a list of all lines: texts may be long
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        ln = text[start:end]
        start = end + 1
        if ln and not ln.isspace():  # not blank (what strip() removes is what isspace() tells)
            lines += 1
            # LAYOUT_GAP is two spaces or a tab: only a line holding one is stripped and searched.
            if "  " in ln or "\t" in ln:
                multi += LAYOUT_GAP.search(ln.strip()) is not None
    if lines < 5:
        return False
    return multi / lines >= LAYOUT_MULTI_SEGMENT_SHARE or table_pages_side_by_side(text)


def _segments(line: str) -> list[tuple[int, str]]:
    """(display column, text) of each space-separated segment of a layout line."""
    out: list[tuple[int, str]] = []
    col = 0
    pos = 0
    for m in _SEGMENT.finditer(line):
        col += display_width(line[pos : m.start()])
        out.append((col, m.group(0)))
        col += display_width(m.group(0))
        pos = m.end()
    return out


def _pages_of(text: str) -> Iterator[str]:
    """The text of each page (split at form feeds), one at a time: no second copy of a long text."""
    start = 0
    while True:
        end = text.find("\f", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def text_to_pages(
    text: str, layout: bool | None = None, first_page: int = 1, lines_before: int = 0
) -> list[PageWords]:
    """Pages of words.  Stream text: one word per non-blank line.  Layout text: one per segment.

    ``first_page`` and ``lines_before`` place a part of a longer text: its pages are numbered on
    from ``first_page`` and its lines (``Word.line``) on from ``lines_before``."""
    if layout is None:
        layout = is_layout_text(text)
    pages: list[PageWords] = []
    line_no = lines_before
    for page_no, page_text in enumerate(_pages_of(text), start=first_page):
        words: list[Word] = []
        page_lines = page_text.split("\n")
        for row, raw in enumerate(page_lines):
            line_no += 1
            if not raw.strip():
                continue
            if layout:
                segments = [
                    Word(seg, page_no, col, col + display_width(seg), row, row + 1, "text", line=line_no)
                    for col, seg in _segments(raw.replace("\t", "    "))
                ]
                words.extend(join_list_labels(segments))  # a list label goes with its paragraph
            else:
                seg = raw.strip()
                words.append(Word(seg, page_no, 0, display_width(seg), row, row + 1, "text", line=line_no))
        width = max((w.x1 for w in words), default=0)
        pages.append(PageWords(page_no, width, len(page_lines), "cell", "text", words))
    # A trailing form feed leaves an empty last page; it is no page of the document.
    while len(pages) > 1 and not pages[-1].words:
        pages.pop()
    return pages


def _first_content_line(text: str, start: int, end: int) -> str:
    """The first line of ``text[start:end]`` that is neither blank nor page furniture."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        nl = end if nl < 0 else nl
        line = text[pos:nl].strip()
        pos = nl + 1
        if line and not (
            is_title(line) or is_header_line(line) or is_page_number(line) or is_label_piece(line)
        ):
            return line
    return ""


def stream_part_bounds(text: str, part_chars: int = TEXT_PART_CHARS) -> list[tuple[int, int, int]]:
    """(start, end, pages before it) of the parts a long flattened text is read in.

    A part ends at a page break (form feed) once it holds ``part_chars`` characters, and only
    where the next page's first line (page furniture aside) is a date, so that a row never runs
    across two parts (a row continued on the next page opens that page with its own text, not a
    date).  A text shorter than ``part_chars``, or without such a page break, is one part.
    """
    bounds: list[tuple[int, int, int]] = []
    start, pages_before, page = 0, 0, 0
    pos = 0
    while True:
        ff = text.find("\f", pos)
        if ff < 0:
            break
        page += 1
        pos = ff + 1
        if ff - start < part_chars:
            continue
        nxt = text.find("\f", pos)
        first = _first_content_line(text, pos, len(text) if nxt < 0 else nxt)
        if first and is_date_line(first):
            bounds.append((start, pos, pages_before))
            start, pages_before = pos, page
    bounds.append((start, len(text), pages_before))
    return bounds


def _stream_parts(text: str, bounds: list[tuple[int, int, int]]) -> list[Callable[[], list[PageWords]]]:
    """For each part, a function that builds its pages (called when the part is reached: only
    one part's words exist at a time)."""
    out: list[Callable[[], list[PageWords]]] = []
    lines_before = 0
    for start, end, pages_before in bounds:
        out.append(partial(_part_pages, text, start, end, pages_before + 1, lines_before))
        # Each page of the part counts its lines and one more (the line its page break ends).
        lines_before += text.count("\n", start, end) + text.count("\f", start, end)
    return out


def _part_pages(text: str, start: int, end: int, first_page: int, lines_before: int) -> list[PageWords]:
    return text_to_pages(text[start:end], layout=False, first_page=first_page, lines_before=lines_before)


def read_text_pages(path: Path, text: str | None = None) -> Reading:
    """A text file's pages: kind ``text-layout`` when its columns stand side by side (the words
    carry character offsets), else ``text`` (one printed line per line, for the stream path).

    A long flattened text comes in ``parts`` (``stream_part_bounds``): each part's pages are
    built when the pipeline reaches it, and its words are dropped once read, so memory does not
    grow with the text's length (only with its records)."""
    text, notes, layout, numerals, guesses, plumber_pages, collapsed = _read_text_and_kind(path, text)
    undecoded = any(UNDECODED_MARK in n for n in notes)  # read in part: U+FFFD
    text, history = blank_history(text)  # a version-history table: a note, no cover, no rows
    notes = notes + history
    cover = cover_facts_from_document_text(text)
    bounds = [(0, len(text), 0)] if layout else stream_part_bounds(text)
    if len(bounds) == 1:
        pages = text_to_pages(text, layout=layout)
        for page in pages if guesses else ():
            for w in page.words:
                w.guess = guesses.get((page.page - 1, int(w.top)))
        kind = "text-layout" if any(w.x0 > 0 for p in pages for w in p.words) else "text"
        mixed = mixed_pages_notes(text, kind == "text-layout")
        mixed += row_order_strips_note(pages) if kind == "text" else []  # a sheet wider than its page
        doubted = any(n.startswith(PLUMBER_DOUBT_NOTE) for n in notes)
        return Reading(
            kind,
            plumber_pages[-1] if plumber_pages else len(pages),
            pages=pages,
            notes=notes + mixed,
            cover=cover,
            paged=marks_its_pages(text),
            partial=bool(mixed) or doubted or undecoded,
            ascii_numerals=numerals,
            collapsed_copies=collapsed,
            line_pages=plumber_pages if kind == "text-layout" and len(pages) == 1 else None,
        )
    # Empty pages at the end are no pages of the document (as in text_to_pages).
    page_count = text.rstrip().count("\f") + 1
    parts = _stream_parts(text, bounds)
    return Reading(
        "text",
        page_count,
        notes=notes,
        cover=cover,
        parts=parts,
        paged=marks_its_pages(text),
        partial=undecoded,
        ascii_numerals=numerals,
        collapsed_copies=collapsed,
    )


def marks_its_pages(text: str) -> bool:
    """True when the extractor marked the text's pages: it holds form feeds and no page between
    them prints the table's title twice (a title printed again with no form feed before it is a
    page break the text does not mark: a whole assessment's text, or texts joined by hand, whose
    repeated title and label row must still count as page breaks)."""
    if "\f" not in text:
        return False
    # Only a page printing 箇 twice can print the title twice: the others are not split into lines.
    return all(
        page.count("箇") < 2 or sum(is_title(ln.strip()) for ln in page.split("\n")) < 2
        for page in text.split("\f")
    )
