"""Raw rows → records: rejoin wraps, parse dates, build item paths, first flags."""

from __future__ import annotations

from piatable.models import RawRow, Record
from piatable.settings import Settings
from piatable.vocabulary import COVER_LABEL

from .absorbed_dates import absorbed_date_doubts
from .astray_dates import astray_date_doubts
from .block_lines import block_line_doubts
from .body_instances import opens_block
from .carried_empty import empty_carried_cells
from .carried_guess import carried_date_guesses
from .cell_dates import shared_line_date_doubts
from .centred_dates import centred_date_reading
from .change_marks import move_change_marks
from .columnar_checks import column_vocabulary_doubts
from .confidence import score_record
from .date_tails import date_tail_doubts
from .dates import dual_year_mismatch
from .diff import change_kind, text_diff
from .evidence import row_doubts
from .explanation_heads import give_back_explanation_heads
from .flags import flag_duplicates, flag_record
from .foot_notes import foot_note_doubts
from .glued_cell_heads import glued_head_doubts
from .heading_lexicon import canonical_text, whole_sections
from .item_cells import complete_from_cells, complete_from_pieces, leading_lines
from .item_context import document_item_keys, table_files
from .item_key import ItemKey, item_key
from .item_spread import spread_item_keys
from .items import heading_score, item_path, joined_wrapped_headings, without_marker_gap
from .lead_glue import lead_glue_doubts
from .line_dates import date_of_lines, raw_date, text_wraps
from .merged_dates import filled_group_doubts
from .merged_doubts import blank_beside_explained, torn_into_next
from .ocr_kanji_words import odd_kanji_doubts
from .ocr_spots import unsure_kanji_doubts
from .ocr_words import near_word_doubts
from .page_fill import page_break_fill_doubts
from .rejoin import rejoin_lines
from .repeated_cuts import recut_repeated
from .rowless_dates import dateless_fill_doubts
from .scrambled_dates import scrambled_date_doubts
from .settled_body_cut import without_settled_body_cut
from .settled_item_cut import without_settled_item_cut
from .shared_line_checks import shared_line_row_doubts, without_settled_cuts
from .side_ties import without_settled_side_ties
from .spilt_dates import rejoin_spilt_dates
from .stacked_cells import split_stacked_rows, stacked_notes
from .table_doubts import crossing_merge_doubts, document_doubts, is_drawn, stray_date_doubts
from .timing_below import timing_below_doubts
from .timing_boxes import read_choice
from .timing_cells import label_overflow_timing, timing_of_lines
from .tokenizer import Tokenizer
from .torn_dates import torn_date_doubts

TEXT_COLUMNS = ("item", "before", "after", "explanation")


def row_to_record(
    row: RawRow, source: str, index: int, settings: Settings, tokenizer: Tokenizer | None = None
) -> Record:
    paragraphs = {
        col: rejoin_lines(row.cells[col], row.widths.get(col), settings.rejoin, tokenizer)
        for col in TEXT_COLUMNS
    }
    paragraphs["item"] = joined_wrapped_headings([without_marker_gap(p) for p in paragraphs["item"]])
    recut_repeated(paragraphs, row)  # an after adding a paragraph in front of the before's text
    printed = [cl for cl in row.cells["change_date"] if cl.text.strip()]
    date_raw = raw_date([cl.text.strip() for cl in printed])
    timing_raw = raw_timing(row)
    flags = list(row.flags)
    date_lines = [cl.text.strip() for cl in printed]
    wraps = text_wraps(date_lines, [cl.wraps for cl in printed], row.widths.get("change_date"))
    change_date, date_doubt = date_of_lines(date_lines, wraps)
    if date_raw and change_date is None:
        flags.append("date_unparsed")
        if dual_year_mismatch(date_raw):  # 2025（令和6）年: neither year is sure (dates74)
            flags.append("date_ambiguous")
    if date_doubt:  # a whole date's line and other text after it: never one date
        flags.append("column_guess")
    timing = timing_of_lines([cl.text for cl in row.cells["timing"]])  # a qualifier stays in timing_raw
    timing = timing or label_overflow_timing(timing_raw)  # ``期事後``: noted (unexpected_timing_notes)
    if timing_raw and timing is None:
        flags.append("timing_invalid")
    record = Record(
        source=source,
        row_index=index,
        page_start=row.page_start,
        page_end=row.page_end,
        change_date=change_date,
        change_date_raw=date_raw,
        item="\n".join(paragraphs["item"]),
        item_path=item_path(paragraphs["item"]),
        before="\n".join(paragraphs["before"]),
        after="\n".join(paragraphs["after"]),
        timing=timing,
        explanation="\n".join(paragraphs["explanation"]),
        flags=sorted(set(flags)),
        confidence=round(row.confidence, 3),
        marks=list(row.marks),
    )
    record = flag_record(record, row, settings.quality, tokenizer)
    return add_research_fields(record, timing_raw)


def add_research_fields(record: Record, timing_raw: str = "") -> Record:
    """Fill ``item_key`` (+ section, file, instance), ``change_kind``, ``diff`` and ``timing_raw``.

    A 項目 cell none of whose headings below the section the lexicon knows gets ``item_unknown``
    (its key is then its normalized text alone); that finding costs no confidence of its own (the
    lexicon is incomplete; the flag's penalty, set in ``flags.py``, is for a cell with no
    heading-like paragraph at all).  Single unknown headings under known ones (a body's own
    numbered sub-headings) are not flagged: ``item_key`` keeps them as printed.  A key inferred
    from a heading read with a character or two off the lexicon's (``ItemKey.fuzzy``) gets
    ``item_key_fuzzy`` (no confidence cost: the cell's text is kept as read).
    """
    key = complete_from_cells(item_key(record.item_path), [record.before, record.after], record.item_path)
    record.item_key = key.form_key
    record.item_section = key.section
    record.item_file = key.file
    record.item_instance = key.instance
    if lexicon_unknown(key, record.item_path) and "item_unknown" not in record.flags:
        record.flags = sorted({*record.flags, "item_unknown"})
    if key.fuzzy:
        record.flags = sorted({*record.flags, "item_key_fuzzy"})
    record.change_kind = change_kind(record.before, record.after)
    record.diff = [{"op": op, "text": text} for op, text in text_diff(record.before, record.after)]
    record.timing_raw = timing_raw
    return record


def table_item_keys(
    rows: list[tuple[list[str], str | None, str | None]], form: str | None = None
) -> list[ItemKey]:
    """The keys of a table's rows in order, each given as (項目 lines, before, after): the 項目
    cells keyed as a table (``document_item_keys``), each then completed from its row's cells
    (``complete_from_cells``, ``complete_from_pieces``) or from the lines that open the next
    row's 項目 cell before its own section (``leading_lines``); a merged 項目 cell read spread
    over the rows it spans keyed whole on each (``item_spread.spread_item_keys``); the file named
    made one table's way (``table_files``: the one file a table names is every Ⅱ / Ⅲ row's
    file).  ``form``: the assessment form the document's cover names (``cover.FORMS``), which
    places a cell read without its section under that form's section heading."""
    return guessed_table_item_keys(rows, form)[0]


def guessed_table_item_keys(
    rows: list[tuple[list[str], str | None, str | None]], form: str | None = None
) -> tuple[list[ItemKey], set[int]]:
    """``table_item_keys`` and the indexes of the rows given a key their cell does not print
    (``spread_item_keys``: flagged ``item_key_guess``)."""
    keys = document_item_keys([path for path, _, _ in rows], form)
    out = []
    for k, (key, (path, before, after)) in enumerate(zip(keys, rows, strict=True)):
        key = complete_from_cells(key, [before, after], path)
        if not opens_block([before, after]):
            key = complete_from_pieces(key, path, [before, after], "cells")
        if k + 1 < len(rows):
            key = complete_from_pieces(key, path, ["\n".join(leading_lines(rows[k + 1][0]))], "next row")
        out.append(key)
    changed = [bool((before or "").strip() or (after or "").strip()) for _, before, after in rows]
    out, guessed = spread_item_keys(out, [list(path) for path, _, _ in rows], changed)
    return table_files(out), guessed


def lexicon_unknown(key: ItemKey, item_path: list[str]) -> bool:
    """Whether ``key`` names no heading below its section that the lexicon knows (the
    ``item_unknown`` finding of ``add_research_fields``): not for the cover's fields (表紙
    評価実施機関名: no section of the form) nor a section that is a whole item of its form
    (基礎項目's Ⅲ しきい値判断結果)."""
    below_section = [p for p in key.path if not (key.section and p.startswith(key.section))]
    cover = bool(item_path) and bool(COVER_LABEL.match(item_path[0]))
    whole = (
        not below_section
        and key.section
        and canonical_text(key.path[0][len(key.section) :]) in whole_sections()
    )
    return all(p in key.unknown for p in below_section) and not (cover or whole)


def add_document_item_keys(
    records: list[Record], form: str | None = None, min_heading_score: float | None = None
) -> None:
    """Key the records' 項目 cells as a table (``table_item_keys``): a cell read without its
    section and upper headings takes them from the row before when the forms' structure says it
    continues it; such a key is flagged ``item_key_fuzzy`` (inferred, not read).  A row given
    the key of a merged cell its own cell prints only part of, or none of
    (``spread_item_keys``), is flagged ``item_key_guess``.  A row whose key the table completed
    into known headings has the ``item_unknown`` its cell alone gave it turned into
    ``item_key_guess`` (known, but not from its own cell), unless its cell holds no heading-like
    paragraph at all (``min_heading_score``: ``quality.item_min_heading_score``;
    None keeps every ``item_unknown``).  ``form``: the form the document's cover names
    (``table_item_keys``)."""
    keys, guessed = guessed_table_item_keys([(r.item_path, r.before, r.after) for r in records], form)
    for k, (record, key) in enumerate(zip(records, keys, strict=True)):
        if k in guessed:
            record.flags = sorted({*record.flags, "item_key_guess"})
        if key.form_key == record.item_key and key.file == record.item_file:
            continue
        record.item_key = key.form_key
        record.item_section = key.section
        record.item_file = key.file
        record.item_instance = key.instance
        if key.fuzzy:
            record.flags = sorted({*record.flags, "item_key_fuzzy"})
        if (
            "item_unknown" in record.flags
            and min_heading_score is not None
            and not lexicon_unknown(key, record.item_path)
            and max((heading_score(p) for p in record.item_path), default=0.0) >= min_heading_score
        ):
            # Known now from the rows around or the row's other cells, not from its own cell:
            # a guess (the cell is still short of its headings), no longer unknown.
            record.flags = sorted({*record.flags, "item_key_guess"} - {"item_unknown"})


def raw_timing(row: RawRow) -> str:
    """The 提出時期 cell's text as printed, whitespace removed."""
    return "".join("".join(cl.text.split()) for cl in row.cells["timing"])


# A 提出時期 cell printing the end of its label before its timing word (``期事後``).
LABEL_OVERFLOW_NOTE = (
    "row {row}: 提出時期 printed as {raw!r}: {label!r} was read as the end of the label 提出時期 drawn"
    " over the cell by a label row too short for it, left out of the timing (kept in timing_raw)"
)


def unexpected_timing_notes(rows: list[RawRow], records: list[Record]) -> list[str]:
    """One note per record whose 提出時期 cell holds something other than 事前 or 事後 (flagged
    ``timing_invalid``, ``timing`` null): the printed text, so that it is never lost."""
    notes = []
    for row, rec in zip(rows, records, strict=True):
        raw = raw_timing(row)
        if raw and rec.timing is None:
            why = (choice := read_choice(raw)) and choice.why  # check boxes: both ticked, none …
            notes.append(
                f"row {rec.row_index}: 提出時期 printed as {raw!r}, "
                + (f"check boxes, {why}" if why else "neither 事前 nor 事後")
                + " (kept here)"
            )
        elif rec.timing and label_overflow_timing(raw):
            notes.append(
                LABEL_OVERFLOW_NOTE.format(row=rec.row_index, raw=raw, label=raw[: -len(rec.timing)])
            )
    return notes


def row_notes(rows: list[RawRow], records: list[Record]) -> list[str]:
    """The document notes of ``rows`` read into ``records`` by ``rows_to_records``: an
    unexpected 提出時期 (``unexpected_timing_notes``) and the stacked 変更前／変更後 cells cut
    at their markers (``stacked_cells.stacked_notes``)."""
    return unexpected_timing_notes(rows, records) + stacked_notes(rows)


def rows_to_records(
    rows: list[RawRow],
    source: str,
    settings: Settings,
    tokenizer: Tokenizer | None = None,
    first_index: int = 0,
    seen: set[bytes] | None = None,
    form: str | None = None,
    placed: bool = False,
) -> list[Record]:
    """Clean records of raw rows, with flags, ``confidence`` and ``cell_confidence``.

    A document read part by part passes each part's rows with the ``row_index`` of its first row
    (``first_index``) and one ``seen`` set for all parts (``flag_duplicates``).  ``form``: the
    assessment form the document's cover names (``cover.FORMS``, the document facts' ``form``),
    by which a 項目 cell read without its section is keyed (``add_document_item_keys``).
    ``placed``: the table prints a place column (``place_column.prints_places``): rows alike are
    no ``duplicate_row``."""
    q = settings.quality
    split_stacked_rows(rows)  # 変更前：… over 変更後：… in one column: cut at the markers
    rejoin_spilt_dates(rows)
    move_change_marks(rows)  # 【修正】 heading 変更後 read at the end of 変更前
    moves, centred = centred_date_reading(rows)
    # A merged date centred on its rows: the row is in the run of another printed date.  The
    # dates are taken before any is moved (a source row may be moved itself).
    taken = {k: list(rows[src].cells["change_date"]) for k, src in moves.items()}
    for k, date in taken.items():
        rows[k].cells["change_date"] = date
    empty_carried_cells(rows)
    give_back_explanation_heads(rows)  # an explanation's wrapped first line read into the after cell
    records = [row_to_record(r, source, first_index + k, settings, tokenizer) for k, r in enumerate(rows)]
    add_document_item_keys(records, form, q.item_min_heading_score)
    flag_duplicates(records, q, seen, placed)
    drawn = [is_drawn(r) or r.parted for r in rows]  # rows a ruling or a blank line parted
    whole = [a + b for a, b in zip(document_doubts(records, drawn), torn_date_doubts(records), strict=True)]
    crossings = crossing_merge_doubts(rows)
    strays = [
        a + b + c + d
        for a, b, c, d in zip(
            stray_date_doubts(rows),
            dateless_fill_doubts(rows),
            timing_below_doubts(rows),
            absorbed_date_doubts(rows, records),  # a date in the 変更日 column that opened no row
            strict=True,
        )
    ]
    shared_dates = [
        a + b + c + d
        for a, b, c, d in zip(
            shared_line_date_doubts(rows),
            date_tail_doubts(rows),
            scrambled_date_doubts(rows),
            astray_date_doubts(rows),
            strict=True,
        )
    ]
    carried = carried_date_guesses(rows) if q.carried_date_guess else [[] for _ in rows]
    fills = [a + b for a, b in zip(page_break_fill_doubts(rows), carried, strict=True)]
    blanks = [
        a + b
        for a, b in zip(
            blank_beside_explained(rows, records), torn_into_next(rows, records, tokenizer), strict=True
        )
    ]
    groups = [
        a + b + c for a, b, c in zip(filled_group_doubts(rows), blanks, foot_note_doubts(rows), strict=True)
    ]
    kanji = [
        a + b + c
        for a, b, c in zip(
            unsure_kanji_doubts(rows, q, tokenizer),
            near_word_doubts(rows, records, tokenizer),
            odd_kanji_doubts(rows, records, tokenizer),
            strict=True,
        )
    ]
    return [
        score_record(
            rec,
            row,
            q,
            without_settled_side_ties(
                rec,
                without_settled_item_cut(
                    rec,
                    without_settled_body_cut(
                        rec,
                        without_settled_cuts(
                            rec,
                            [
                                *row.doubts,
                                *row_doubts(row, rec, q, tokenizer),
                                *shared_line_row_doubts(row, rec),
                                *block_line_doubts(rec),
                                *column_vocabulary_doubts(row, rec),
                                *lead_glue_doubts(rec),
                                *glued_head_doubts(rec),
                                *doc,
                                *crossing,
                                *stray,
                                *shared_date,
                                *fill,
                                *group,
                                *centre,
                                *unsure,
                            ],
                        ),
                    ),
                ),
            ),
        )
        for rec, row, doc, crossing, stray, shared_date, fill, group, centre, unsure in zip(
            records, rows, whole, crossings, strays, shared_dates, fills, groups, centred, kanji, strict=True
        )
    ]
