"""Checks that find doubtful cells in a read row, whatever reader read it.

Each check looks at the cleaned record and the raw row it came from (the printed lines with their
OCR confidence) and returns ``Doubt``s: which cell, which kind of doubt, and why.  A check is kept
only when it fires on wrong rows and stays quiet on right ones (``tools/bench_calibration.py``
prints, per flag, the wrong and right rows it fires on).  The doubts become flags and lower the
confidence in ``normalize/confidence.py``.

* ``ocr_suspect:<field>`` (OCR rows): the cell breaks its column's grammar or vocabulary (an
  item opening ``HI…`` for a numeral Ⅰ–Ⅵ; an unknown word read unsure; an unsure line).
* ``column_guess``: a cell holds what belongs to another column: a 事前/事後 or a date inside a text
  cell, the table's column labels (a header read into a cell), or the before/after cell opens with a
  heading of the form that continues the item's path (``①法令上の根拠`` after ``提供先１``).  A reader's near
  guess (the runner-up cut scored almost as well, widths alone decided) is ``cut_guess``: confidence
  only.  Rows read without rulings get it where the rows sharing one printed value (a merged date)
  cross the rows sharing another (a merged 提出時期) without nesting.
* ``row_split_guess``: the row's boundaries are in doubt: its item holds two paths (a second section
  numeral Ⅰ–Ⅵ inside the cell); it does not open with a section numeral when the document's other
  rows do; it repeats its neighbour's filled date, item and explanation; a cell opens mid-phrase (a
  particle, an auxiliary, 及び, 、, a hiragana word that leans on the one before it: いる, される, ため, a
  lone kana); its explanation holds a date on a line of its own (a row's date that opened no row, or
  the explanation's text); or a before, after or explanation cell holds a section of the form
  (another row's item), or a numbered one (``hidden_items``).
"""

from __future__ import annotations

from itertools import pairwise

import regex

from piatable.models import Doubt, RawRow, Record
from piatable.settings import QualitySettings
from piatable.vocabulary import LABEL_CHARS, LABELS, NOTHING_WRITTEN_PATTERN, SECTION_NUMERALS, TIMING

from .brackets import unbalanced
from .cell_dates import date_cell_doubts, is_own_date_out_of_place
from .cell_tails import glued_tail_doubts
from .chars import display_width, paragraphs, without_whitespace
from .conservation import ATTACHMENT_OPENING, SECTION_OPENING
from .cut_checks import (
    EXPLANATION_END,
    INSTANCE_LINE,
    NUMBERED_HEADING,
    cut_line_doubts,
    ends_so,
    is_heading_line,
    placed_doubts,
    torn_word_doubts,
)
from .date_items import date_item_doubts
from .dates import DATE_AT_START, ERA_OFFSETS, is_date_line
from .explanation_lists import own_bullet_list
from .foreign_tails import foreign_tail_doubts
from .form_wording import is_form_wording
from .hidden_items import hidden_item_doubts
from .item_cells import heading_cell_doubts, lists_sub_items
from .item_key import item_key
from .item_tears import item_tear_doubts
from .items import heading_score, is_form_heading, non_heading_paragraphs
from .ocr_glyphs import glyph_doubts
from .ocr_grammar import grammar_doubts
from .ocr_text import HEADING_WRAP_LINES, line_confs, numbering_gap, unknown_words, width_mix
from .paired_paragraphs import paired_paragraph_doubts
from .phrase_openings import starts_mid_phrase
from .shape_checks import is_addition_mark, is_heading_then_instance, is_wrapped_heading, shape_doubts
from .spill_checks import spill_doubts
from .stray_numbers import opening_mark_doubts, stray_number_doubts, torn_sentence_doubts
from .timing_cells import lone_letter_doubts
from .tokenizer import Tokenizer

# What tesseract reads a Roman section numeral as (Ⅱ → HI, II, 11, Il, ll, H …).
_NUMERAL_MISREAD = regex.compile(
    r"^(?:[HIl1|!丁工][HIl1|!]?|[VＶ][Il1]?|[IlＩ][VＶ])(?=\p{Han}|\p{Katakana})"
)
# A paragraph that is a numbered heading of the form (①部署, ２．…), not a bracketed note.
TEXT_FIELDS = ("item", "before", "after", "explanation")
# A cell that says "nothing" stands alone (－, ―, 特になし, 該当なし, （記載なし）): one that opens
# another cell's text, a space before it, was two cells read as one.
_PLACEHOLDER_THEN_TEXT = regex.compile(rf"^\s*{NOTHING_WRITTEN_PATTERN}[ 　]+\S")
# A number and its counter (令和3 / 年4月1日, 第19 / 条) or an era and its number torn between
# two cells: the cut between them fell inside one phrase.
_NUMBER_END = regex.compile(r"[0-9０-９]$")
_COUNTER_START = regex.compile(r"^[年月日号条項]")
_SHORT_NUMBER_END = regex.compile(r"(?:^|[^0-9０-９\-－ー―])[0-9０-９]{1,3}$")
# Era names written out (令和, 平成, 昭和: one-letter forms end too many words) and 第.
_ERA_END = regex.compile("(?:" + "|".join(e for e in ERA_OFFSETS if len(e) > 1) + "|第)$")
_DIGIT_START = regex.compile(r"^[0-9０-９]")
# A date torn after its year or month (``令和元年6月`` / ``1日から…``): no truth row of the
# samples (20,161) has one cell ending so and the next opening with the day or month.
_DATE_PART_END = regex.compile(r"[0-9０-９元][年月]$")
_DATE_PART_START = regex.compile(r"^[0-9０-９]{1,2}[月日]")
# A note of the document (``※ 変更日は…``) opens no later paragraph of any truth row's
# explanation (20,161 rows): one there is text printed after the table read into the last row.
_NOTE_OPENING = "※"
# A 提出時期 set apart at the end of a paragraph (…を変更 事後).
SPACED_TIMING_END = regex.compile(r"[\s　](事前|事後)$")
# A 事前/事後 standing alone between spaces inside a paragraph: another row's timing cell read
# into this cell (``…閲覧に供する。 事後 意見聴取方法の拡充``), as pdftotext -raw and pypdfium2
# give the one-line cells of LibreOffice Calc pages.
_SPACED_TIMING_INSIDE = regex.compile(r"[ 　](事前|事後)[ 　]")
# A space between two Japanese characters inside one heading: two cells' text on one line.
_INNER_SPACE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー][ 　]+[\p{Han}\p{Hiragana}\p{Katakana}]")
ADDITION_END = regex.compile(r"(?:上記を)?新規追加$")
# How before/after paragraphs open (a bullet, a choice) and none of the samples' 214 explanations.
_LIST_OPENERS = frozenset("・［[＜<")
# A slash date torn at its first slash (``2022`` / ``/4/1``), as a narrow 変更日 column wraps it and
# no wide text column does: the row's date read into another cell.
_TORN_DATE = regex.compile(
    r"(?<![0-9０-９])[0-9０-９]{4}[ \t]*\n[ \t]*[/／][0-9０-９]{1,2}[/／][0-9０-９]{1,2}(?![0-9０-９])"
)
# A telephone number (0123-45-6789, full width too) or a postal code mark: a department's contact,
# which before/after cells print and no explanation of the samples does (0 of their truth rows).
# A paragraph that is only a short number or one letter (kanji or kana): no cell's sentence, but
# a numbering column's value, a page number or a piece of a column label read into the cell
# (``12`` over an explanation, ``時`` of 提出時期 after one).  Markers (①, ※, －) are no letters.
_STRAY_PARAGRAPH = regex.compile(r"^(?:[0-9０-９]{1,3}|[\p{Han}\p{Hiragana}\p{Katakana}])$")
# A lone character after a line this close (display units) to the cell's widest line is what a
# soft wrap left of a word (消 / 去, リス / ク), not a stray.
WRAP_REMNANT_SLACK = 2
_CONTACT = regex.compile(r"[0-9０-９]{2,4}[－\-―ー][0-9０-９]{2,4}[－\-―ー][0-9０-９]{3,4}|〒")


# ----------------------------------------------------------------------------- OCR


def ocr_doubts(
    row: RawRow, record: Record, q: QualitySettings, tokenizer: Tokenizer | None = None
) -> list[Doubt]:
    """``ocr_suspect`` doubts of an OCR row, per cell (see the module notes)."""
    out: list[Doubt] = []
    for f in TEXT_FIELDS:
        text = getattr(record, f)
        gap = numbering_gap(text)
        if gap:
            out.append(
                Doubt("ocr_suspect", f, f"the cell's numbering breaks ({gap}): a numeral misread or lost")
            )
        mixed = width_mix(text)
        if mixed:
            out.append(Doubt("ocr_suspect", f, f"a numbering or bracket in mixed widths ({mixed})"))
        state = unbalanced(text)
        if state and not (state == "open" and f"truncated:{f}" in record.flags):
            out.append(
                Doubt("ocr_suspect", f, f"the cell's brackets do not pair ({state}s one that is not there)")
            )
    item = record.item_path[0] if record.item_path else ""
    if item and item[0] not in SECTION_NUMERALS and _NUMERAL_MISREAD.match(item):
        out.append(
            Doubt(
                "ocr_suspect",
                "item",
                f"the item should open with a section numeral Ⅰ～Ⅵ but reads {item[:4]!r}",
            )
        )
    strays = non_heading_paragraphs(record.item_path, q.ocr_item_heading_score, HEADING_WRAP_LINES)
    if strays:
        # The form's 項目 cells print its headings only: a line that is none, alone or joined with
        # the next (a wrapped heading), is a misread or a speck read as text.
        why = f"a line of the item is no heading of the form ({strays[0][:16]!r})"
        out.append(Doubt("ocr_suspect", "item", why))
    every = [c for f in TEXT_FIELDS for c in line_confs(row, f, corrected=False)]
    if every and min(every) < q.ocr_sure_line_conf:
        # Measured on the generated scans: rows whose every line read at 90 or more are right
        # twice as often as the others.  It only lowers the confidence (no flag).
        unsure = min(1.5, (q.ocr_sure_line_conf - min(every)) / 30)
        out.append(
            Doubt("ocr_unsure", None, f"the least sure line read at {min(every):.0f}", round(unsure, 3))
        )
    for f in TEXT_FIELDS:
        # A line the corrections put right is vouched for by the dictionary: its low confidence
        # was the misread's (measured on the tuning scans: such lines were in right cells 17
        # times, wrong ones 8; lines not corrected 3 and 13).  It still lowers the confidence.
        confs = line_confs(row, f, corrected=False)
        if confs and min(confs) < q.ocr_suspect_line_conf:
            line = next(cl.text.strip() for cl in row.cells[f] if cl.conf == min(confs) and not cl.corrected)
            why = f"a line of the cell was read with confidence {min(confs):.0f} ({line[:16]!r})"
            out.append(Doubt("ocr_suspect", f, why, 0.6))
        unknown = unknown_words(getattr(record, f), tokenizer)
        if len(unknown) >= q.ocr_suspect_unknown_words:
            out.append(Doubt("ocr_suspect", f, "words unknown to the dictionary: " + "、".join(unknown[:4])))
    return out + glyph_doubts(record) + grammar_doubts(record, tokenizer)


# ----------------------------------------------------------------------------- any reader


def _wrap_remnant(paras: tuple[str, ...], k: int, width: float | None = None) -> bool:
    """Whether paragraph ``k`` (a lone character or short number) ends a word that a soft wrap
    broke: the line before it is full (within ``WRAP_REMNANT_SLACK`` of the cell's widest line,
    the cell holding two lines besides it, or of ``width``, the column's wrap width over the
    table, ``RawRow.widths``, where the text gave one) and ends no sentence.  On the tuning
    ``-raw`` and pypdfium2 texts the stray-letter doubt was the only warning of 60 right rows and
    7 wrong ones, most of them such remnants (``…保管・消`` / ``去``); the column's width also
    tells a two-line cell's (``市民生活部戸籍住民`` / ``課``: set XVIII's B, 4 right rows warned)."""
    if k == 0:
        return False
    before = paras[k - 1]
    if before.endswith(("。", "）", ")")):
        return False
    if width and display_width(before) >= width - WRAP_REMNANT_SLACK:
        return True
    if len(paras) < 3:
        return False  # one line before it: nothing says that line is full
    widest = max(display_width(p) for j, p in enumerate(paras) if j != k)
    return display_width(before) >= widest - WRAP_REMNANT_SLACK


def column_doubts(
    record: Record,
    columns_ruled: bool = False,
    drawn_in_cells: bool = False,
    widths: dict[str, float | None] | None = None,
) -> list[Doubt]:
    """``column_guess`` doubts: a cell holding what belongs to another column (``widths``: the
    columns' wrap widths of text, ``RawRow.widths``).

    A before/after cell that opens with a heading of the form, or holds the row's own date as a
    paragraph, is doubted only where the cut between the cells was inferred: between vertical
    rulings (``columns_ruled``) the geometry placed it, added rows often print sub-headings
    (①委託内容) in their cells, and a date item's after cell is often the change date."""
    out: list[Doubt] = []
    for f in TEXT_FIELDS:
        text = getattr(record, f) or ""  # the pattern needs a slash: a cell without one is not searched
        torn = _TORN_DATE.search(text) if "/" in text or "／" in text else None
        if torn:
            why = f"the cell holds a date torn as a narrow date column tears it ({torn.group(0)!r})"
            out.append(Doubt("column_guess", f, why))
            continue
        paras = paragraphs(getattr(record, f))
        for k, p in enumerate(paras):
            if holds_labels(p):
                out.append(Doubt("column_guess", f, f"the cell holds the table's column labels ({p[:16]})"))
                break
            if "事" in p and (  # (each of the three holds it)
                TIMING.match(p) or SPACED_TIMING_END.search(p) or _SPACED_TIMING_INSIDE.search(p)
            ):
                out.append(Doubt("column_guess", f, f"the cell holds a 提出時期 ({p[-2:]})"))
                break
            if (
                f == "explanation"
                and p[:1] in _LIST_OPENERS
                and not (p[:1] == "・" and own_bullet_list(record.explanation, record.before, record.after))
            ):
                # A before/after paragraph (・…, [ ○ ], ＜…＞) read into the explanation column,
                # not the explanation's own list of what its reason covers.
                out.append(
                    Doubt("column_guess", f, f"the explanation holds a list or choice line ({p[:12]})")
                )
                break
            if f == "explanation" and _CONTACT.search(p):
                # A telephone number or a postal code: a before/after value (部署の連絡先).
                out.append(Doubt("column_guess", f, f"the explanation holds a contact's number ({p[:16]})"))
                break
            own = drawn_in_cells and p not in LABEL_CHARS and not p.isdigit()  # 紙, not 明 of 説明
            if (
                _STRAY_PARAGRAPH.match(p)
                and len(paras) > 1
                and not own
                and not _wrap_remnant(paras, k, (widths or {}).get(f))
            ):
                out.append(Doubt("column_guess", f, f"the cell holds a stray number or letter ({p})"))
                break
            if f in ("item", "explanation") and is_date_line(p):
                out.append(Doubt("column_guess", f, f"the cell holds a date line ({p[:12]})"))
                break
            if (
                f in ("before", "after")
                and not columns_ruled
                and record.change_date
                and is_date_line(p)
                and is_own_date_out_of_place(p, record)
            ):
                # The row's own 変更日 printed again as a paragraph of a text cell: a date cell
                # read into the wrong column (pdftotext -raw of LibreOffice Calc pages).  Not
                # between vertical rulings, where the geometry placed the cell: an after cell
                # that is a date (⑤保有開始日 → 令和5年4月1日) is often the change date itself.
                out.append(Doubt("column_guess", f, f"the cell holds the row's own date ({p[:12]})"))
                break
    before = paragraphs(record.before)
    after = paragraphs(record.after)
    first = before[0] if before else (after[0] if after else "")
    other = after[0] if before and after else ""
    if (
        not columns_ruled
        and first
        and first != other
        and (NUMBERED_HEADING.match(first) or is_form_heading(first))
        and heading_score(first) >= 1.0
        and record.item_path
        and not NUMBERED_HEADING.match(other)
        and not lists_sub_items(item_key(record.item_path), record.before if before else record.after)
    ):
        field = "before" if before else "after"
        out.append(
            Doubt("column_guess", "item", f"the {field} cell opens with a heading of the form ({first[:16]})")
        )
    elif not columns_ruled and record.item_path:
        for field, paras, other_paras in (("before", before, after), ("after", after, before)):
            if paras and paras != other_paras and all(_is_heading_line(p) for p in paras):
                # A before/after cell made of nothing but headings of the form (委託事項１ /
                # ②委託先名): the item's last lines, read into the next column.
                why = f"the {field} cell holds only headings of the form ({paras[0][:16]})"
                out.append(Doubt("column_guess", "item", why))
                break
            if len(paras) > 2 and _is_heading_line(paras[0]) and _is_heading_line(paras[1]):
                # Two headings of the form before the text (委託事項１ / ①委託内容 / …): no truth
                # row of the samples (20,161) opens a before/after cell so; the item's last lines.
                why = f"the {field} cell opens with two headings of the form ({paras[0][:16]})"
                out.append(Doubt("column_guess", "item", why))
                break
    return out


# Column labels long enough to be no cell's words (変更日, 項目 and 提出時期 alone may be).
_LONG_LABELS = tuple(label for label in LABELS if len(label) > 4)


def holds_labels(paragraph: str) -> bool:
    """Whether a cell's paragraph is the table's header read into it: a column label of its own
    (変更後の記載), or two labels side by side (``変更後の記載 提出時期 提出時期に係…``).  Measured on
    the tuning samples: 23 wrong rows, no right one."""
    if "変更" not in paragraph and "提出" not in paragraph:
        return False  # every label holds one of the two
    p = paragraph.strip()
    if p in _LONG_LABELS:
        return True
    return sum(label in p for label in ("変更日", "変更前の記載", "変更後の記載", "提出時期")) >= 2


def _is_heading_line(p: str) -> bool:
    return is_heading_line(p) or bool(INSTANCE_LINE.match(p))


def cut_doubts(record: Record, ocr: bool = False, positioned: bool = False) -> list[Doubt]:
    """``column_guess`` where the cut between cells shows: brackets torn apart between cells
    (an item ``…（委託に伴う`` and a before ``ものを除く。）``), an item paragraph holding a
    space-separated second value, a number torn from its counter or era between neighbouring
    cells (``…令和3`` | ``年4月1日``), 上記を新規追加 or 削除 left in the before cell,
    explanation wording (…に伴う修正, 重大な変更に該当しない) at the end of the before or after
    cell."""
    out: list[Doubt] = []
    truncated = {f.partition(":")[2] for f in record.flags if f.startswith("truncated:")}
    for f in () if ocr else ("item", "before", "after"):  # OCR: ocr_doubts looks at brackets
        state = unbalanced(getattr(record, f))  # spaces kept: they part a list's numbers
        if state == "close" or (state == "open" and f == "item" and f not in truncated):
            out.append(
                Doubt("column_guess", f, f"the cell's brackets are torn ({state}s one that is not there)")
            )
    for p in record.item_path:
        if (
            (" " in p or "　" in p)
            and _INNER_SPACE.search(p)
            and not is_wrapped_heading(p)
            and not is_heading_then_instance(p, record.item_path)
        ):
            out.append(Doubt("column_guess", "item", f"an item heading holds a second value ({p[:20]})"))
            break
    else:
        dropped = item_key(record.item_path).dropped if record.item_path else ()
        dropped = [d for d in dropped if not is_form_wording(d, positioned, record.item_path)]
        if dropped:
            why = f"the item cell holds text no heading of the form ({dropped[0][:16]})"
            out.append(Doubt("column_guess", "item", why))
    before = paragraphs(record.before)
    if before and (ADDITION_END.search(before[-1]) or before[-1] == "削除") and not is_addition_mark(record):
        out.append(
            Doubt(
                "column_guess",
                "before",
                f"the before cell ends with {before[-1][-7:]}, an after cell's words",
            )
        )
    squashed = {f: without_whitespace(getattr(record, f)) for f in TEXT_FIELDS}  # whitespace out
    if not squashed["before"] and _PLACEHOLDER_THEN_TEXT.match(record.after):
        # 変更前 "－" (or 特になし) printed on one baseline with the after cell's first line,
        # one space apart: the placeholder is a whole cell, the before one.
        out.append(
            Doubt("column_guess", "after", f"the after cell opens with a placeholder ({record.after[:8]})")
        )
    order = [f for f in TEXT_FIELDS if squashed[f]]
    for a, b in pairwise(order):
        end, start = squashed[a][-3:], squashed[b][:2]
        end5 = squashed[a][-5:]
        if (
            (_NUMBER_END.search(end) and _COUNTER_START.match(start))
            or (_ERA_END.search(end) and _DIGIT_START.match(start))
            or (_DATE_PART_END.search(end5) and _DATE_PART_START.match(squashed[b][:3]))
        ):
            out.append(
                Doubt("column_guess", b, f"a number is torn between the {a} and {b} cells ({end}|{start})")
            )
    if _COUNTER_START.match(squashed["after"]):
        # ... or after an earlier paragraph of the before cell (``番号法第19`` / ``表第二`` beside
        # ``条第7 号及び別 …``: PyMuPDF sort=True, set XXII t09, conf 0.934; no truth row of the
        # samples and sets, 96,510, has one: a dashed telephone number's digits do not count).
        torn = next((p for p in paragraphs(record.before)[:-1] if _SHORT_NUMBER_END.search(p)), None)
        if torn:
            cut = f"{torn[-4:]}|{squashed['after'][:2]}"
            why = f"a number is torn between a before paragraph and the after cell ({cut})"
            out.append(Doubt("column_guess", "after", why))
    for f in ("before", "after"):
        paras = paragraphs(getattr(record, f))
        if paras and ends_so(EXPLANATION_END, paras[-1]) and paras[-1] not in record.explanation:
            out.append(
                Doubt("column_guess", f, f"the cell ends with an explanation's words ({paras[-1][-12:]})")
            )
    if any(p.lstrip().startswith(_NOTE_OPENING) for p in paragraphs(record.explanation)[1:]):
        out.append(
            Doubt("column_guess", "explanation", "a later paragraph of the explanation is a note (※…)")
        )
    return out


# An item whose first line scores below this as a heading of the form (items.heading_score)
# does not open a path: every item of the sample tables' truth opens with one.
ITEM_OPENING_MIN_SCORE = 0.5


def item_path_doubts(record: Record) -> list[Doubt]:
    """``row_split_guess``: two item paths in one cell (a second section numeral inside), or
    an item that opens with a line that is no heading of the form (the tail of a wrapped
    heading, 漏えい・滅失・毀損リスク: the start of its path went to the row above)."""
    paths = record.item_path
    later = [p for p in paths[1:] if p[:1] in SECTION_NUMERALS]
    # ... or an attachment's label printed beside the item's own on one line (the after cell's
    # first line: ``（別紙１）事務の流れ （別紙１）事務の``).
    later += [m.group() for p in paths for m in ATTACHMENT_OPENING.finditer(p) if m.start() > 0]
    if later:
        return [Doubt("row_split_guess", None, f"the item holds a second path ({later[0][:10]}…)")]
    if paths and heading_score(paths[0]) < ITEM_OPENING_MIN_SCORE:
        why = f"the item opens with {paths[0][:12]!r}, no heading of the form: its start in the row above?"
        return [Doubt("row_split_guess", "item", why)]
    return []


def section_in_body_doubts(record: Record) -> list[Doubt]:
    """``row_split_guess``: a before, after or explanation cell holds a section of the form
    (Ⅰ…Ⅵ opening a line or a piece after a space): another row's item read into this row (a
    row broken over a page prints its cells' first lines on one line; pypdfium2 may interleave
    two rows).  No cell of the sample tables' truth holds one."""
    for f in ("before", "after", "explanation"):
        m = SECTION_OPENING.search(getattr(record, f) or "")
        if m:
            why = f"the {f} cell holds a section of the form ({m.group()[:10]}…): another row's item?"
            return [Doubt("row_split_guess", f, why)]
    return []


def date_paragraph_doubts(record: Record) -> list[Doubt]:
    """``row_split_guess``: the explanation holds a date on a line of its own (令和5年4月1日):
    the date of a row that opened no row, or text of the explanation; the text cannot tell."""
    for para in paragraphs(record.explanation or ""):
        if is_date_line(para):
            why = f"the explanation holds a date alone ({para[:12]}): a row's date that opened no row?"
            return [Doubt("row_split_guess", "explanation", why)]
    return whole_row_doubts(record)


def whole_row_doubts(record: Record) -> list[Doubt]:
    """``row_split_guess``: a before, after or explanation cell holds a paragraph opening with a
    date and, from there on, a 提出時期 (事前 / 事後 alone or ending a line): the text of a whole
    further row (its date line and its timing) read into this cell, that row lost."""
    for f in ("before", "after", "explanation"):
        paras = paragraphs(getattr(record, f) or "")
        for k, para in enumerate(paras):
            if k == 0 or not DATE_AT_START.match(para):
                continue  # a cell that opens with a date is a date cell (①実施日)
            if any(TIMING.match(p) or SPACED_TIMING_END.search(p) for p in paras[k:]):
                why = f"the {f} cell holds a date line ({para[:12]}) and then a 提出時期: a whole row?"
                return [Doubt("row_split_guess", f, why)]
    return []


def row_doubts(
    row: RawRow, record: Record, q: QualitySettings, tokenizer: Tokenizer | None = None
) -> list[Doubt]:
    """Every check of this module on one row (document-level checks aside)."""
    ocr = row.read_by_ocr
    placed = row.positioned and not ocr
    out = column_doubts(record, row.ruled, row.ruled and placed, row.widths)
    out += cut_doubts(record, ocr, placed)
    columnar = any(d.kind == "column_order" for d in row.doubts)
    row_ordered = any(row.widths.values()) and not (row.positioned or ocr or columnar)
    out += item_path_doubts(record) + hidden_item_doubts(record) + heading_cell_doubts(record, row_ordered)
    out += date_paragraph_doubts(record) + section_in_body_doubts(record) + date_item_doubts(record)
    out += item_tear_doubts(record, tokenizer) + foreign_tail_doubts(record)
    out += stray_number_doubts(record, tokenizer) + opening_mark_doubts(record)
    out += glued_tail_doubts(record) + (paired_paragraph_doubts(record) if row_ordered else [])
    out += torn_sentence_doubts(record) + shape_doubts(record, row_ordered)
    out += date_cell_doubts(row, record.before or "", record.after or "", record.item or "")
    timing_raw = "".join("".join(cl.text.split()) for cl in row.cells.get("timing") or [])
    out += lone_letter_doubts(timing_raw, record.timing)
    text_row = any(row.widths.values()) and not ocr
    for f in TEXT_FIELDS:
        opening = starts_mid_phrase(getattr(record, f), tokenizer, kanji=text_row and f != "item")
        if opening:
            why = f"the {f} cell opens with {opening!r}, the middle of a phrase begun elsewhere"
            out.append(Doubt("row_split_guess", f, why))
    if ocr:
        out += ocr_doubts(row, record, q, tokenizer)
    else:
        lines = cut_line_doubts(row, q, tokenizer)
        said = {d.why.partition(" (")[0] for d in lines}  # the same tear found line by line
        torn = torn_word_doubts(row, record, tokenizer)
        out += lines + [d for d in torn if d.why.partition(" (")[0] not in said]
        settled = row.positioned or (row_ordered and timing_printed_before_explanation(row))
        out += placed_doubts(record, row.ruled, settled) + spill_doubts(row, record, q, tokenizer)
    return out


def timing_printed_before_explanation(row: RawRow) -> bool:
    """Whether the row's own 提出時期 is printed before its explanation's first line (text read in
    row order): the cells print in the form's column order, so text after the 提出時期 mark is the
    explanation's (``事後 削除`` / ``重要な変更にあたらない``: 削除 is the explanation's word, not the
    after cell's).  The before / after cells' lines must all precede the 提出時期 (a label row
    printing 提出時期 first, beside the date, puts the body after it).  False when a cell has no
    printed line or a line without its place."""
    body = [*(row.cells.get("before") or []), *(row.cells.get("after") or [])]
    timing, expl = row.cells.get("timing") or [], row.cells.get("explanation") or []
    if not body or not timing or not expl:
        return False
    places = [(cl.page or 0, cl.line_no) for cl in (*body, *timing, expl[0])]
    if any(n is None for _, n in places):
        return False
    body_end, timing_end = max(places[: len(body)]), max(places[len(body) : -1])
    return body_end <= min(places[len(body) : -1]) and timing_end <= places[-1]
