"""Data-quality flags of a record, and the confidence they leave it with.

Flags have stable names (the README lists them).  Some come from reconstruction and arrive in
``RawRow.flags`` (``row_continued``, ``merged_cell_filled``, ``timing_missing``,
``unplaced_text``, ``column_order``, …): they are kept.  This module adds the findings that need
the cleaned record: dates, timing, emptiness, the item path, OCR confidence, truncated cells,
and (over a whole document) duplicate rows.

Confidence is computed from the flags and the other evidence in ``normalize/confidence.py``.

Truncation (``truncated:<field>``): Excel clips the text of a row that is too short, so a
clipped cell stops mid-word or mid-phrase on a full last line, and it fills its row.  Evidence is
summed (weights in ``QualitySettings``) and a cell is flagged at ``truncated_threshold``:

* the last paragraph ends open: on a particle, a prefix, a verb, adjective or auxiliary in a
  form that cannot end a sentence (連用形, 未然形, 仮定形, a classical form such as 抑止す), a
  タリ adjective stem (確), a comma or an opening bracket (``truncated_open_weight``); or on a
  word the dictionary does not know (``truncated_unknown_word_weight``);
* the last printed line is full: within ``full_line_slack_units`` of the column's wrap width
  (text), or reaching the cell's right edge (geometry, ``CellLine.wraps``);
* the cell fills its row: where the geometry knows a row's bottom (some line of the row
  ``reaches_bottom``), the last line touching it adds ``truncated_bottom_weight`` and room
  below it adds ``truncated_room_below_weight`` (negative); otherwise having the most printed
  lines of the row's text cells adds ``truncated_tallest_weight`` and having fewer than another
  cell adds ``truncated_room_below_weight``;
* earlier paragraphs of the cell end with 。 and the last does not (``truncated_style_weight``).

A cell whose text ends with a sentence end or a closing bracket (。．）＞」】 …) is never flagged
on that evidence.  A PDF cell whose text goes on in the text layer but is clipped away at the
cell's edge (a ``clipped_text`` doubt of the reader, normalize/grid/unseen.py) is cut short
whatever its ending (``truncated_clipped_weight``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from functools import lru_cache
from typing import Any

import regex

from piatable.models import COLUMNS, Doubt, RawRow, Record
from piatable.settings import QualitySettings, Settings

from .chars import ATTRIBUTIVE_ENDING, NO_LINE_END, display_width, without_whitespace
from .compact_items import known_compact_cell
from .items import heading_key, heading_score, lexicon
from .merged_explanations import EXPLANATION_END
from .tokenizer import SudachiTokenizer, Tokenizer, default_tokenizer, word_spans_break

TEXT_FIELDS = ("item", "before", "after", "explanation")
# A cell ending in one of these ends a sentence or a bracketed unit: it is whole as printed.
CLOSED_ENDINGS = frozenset("。．.!！?？）)］]」』】＞>〉》〕｝}")
# A cell ending in one of these runs on.
OPEN_ENDINGS = frozenset("、，,・：:") | NO_LINE_END
# Parts of speech after which a phrase cannot end (助詞 is refined: see _CLOSING_PARTICLES).
_OPEN_POS = frozenset({"接頭辞", "接続詞"})
# Particles that can end a heading, a list entry or a question (…など, …まで, 何人か).
_CLOSING_PARTICLES = frozenset({"か", "など", "まで", "のみ", "だけ", "ほど", "くらい", "ぐらい"})
_CLOSED_FORMS = ("終止形", "連体形", "命令形", "*")
# An item paragraph this long that opens a longer heading of the form is a heading cut short.
MIN_CUT_HEADING_CHARS = 4
_NOTE_OPENERS = frozenset("(（[［【〔<＜・：:/／ 　")
# Compound particles that only ever qualify a following noun.
# A proper noun this short at the end of a cell is more likely a word cut short.
SHORT_FRAGMENT_CHARS = 2
# One-character nouns that do end phrases after a particle (…の件, …の旨, その他).
_WHOLE_ONE_CHAR_NOUNS = frozenset("件旨他外際為時等方分毎")
# Characters of the cell's end handed to the tokenizer.
TAIL_CHARS = 16

# The flags and what they mean (the README and the report list them from here); reconstruction
# may add others (``column_order``, ``unmapped_glyphs``, ``ocr``): they are kept and counted too.
FLAG_DESCRIPTIONS: dict[str, str] = {
    "truncated:<field>": "the cell (item, before, after or explanation) stops mid-word or "
    "mid-phrase: its text was probably clipped by the printed row height (or, in a PDF, the "
    "text layer goes on where the page clips the cell)",
    "date_unparsed": "the 変更日 cell is not a date, or empty where no rulings show it printed so "
    "(text, OCR); a text-layer PDF's empty date cell closed by its own rulings is read as printed, "
    "with no flag",
    "date_implausible": "the date is before quality.earliest_year or after today",
    "date_ambiguous": "the 変更日 prints its year in both calendars and they differ (2025（令和6）年…): "
    "change_date is left null, change_date_raw keeps the text",
    "timing_missing": "no 提出時期 (事前/事後) was found for the row",
    "timing_invalid": "the 提出時期 cell holds something other than 事前 or 事後",
    "before_equals_after": (
        "変更前 and 変更後 are the same text (whitespace aside) in text cut without positions"
        " and may be a mistake (one printed line in both cells, cells paired column by column,"
        " or an explanation stating no reason); where positions cut the cells, or each cell is"
        " its own printed text beside a reason, change_kind unchanged says it"
    ),
    "empty_change": "変更前 and 変更後 are both empty",
    "item_unknown": "no paragraph of the 項目 cell looks like a heading of the form",
    "item_key_fuzzy": "a heading of the 項目 cell was read off the lexicon's heading (a misreading, "
    "a clipped or wrapped character, another cell's text inside or after it, a section numeral read "
    "as letters, a heading damaged further but placed by the headings around it) or the cell lacked "
    "its upper headings or its last one (read into the before or after cell), and its item_key was "
    "inferred from the one heading path the text (or the rows around it, or the row's cells) supports",
    "item_key_guess": "the 項目 cell prints only part of its item's headings, or none (a merged "
    "cell read spread over the rows it spans: the section above, the rest below, or an empty cell "
    "under the item), and its item_key was taken from the row below or above (item_spread)",
    "unplaced_text": "text of the table region next to this row could not be placed in a cell",
    "ocr_low_confidence": "many OCR lines of the row were read with low confidence",
    "row_continued": "the row continues across a page break and was merged",
    "merged_cell_filled": "a merged (shared) cell's value was copied into this row",
    "date_carried_guess": "the row prints no date of its own and was given one printed beside another "
    "row: a merged 変更日 (the common case, kept) or this row's cell left empty, which the text does "
    "not tell apart (normalize/carried_guess.py)",
    "timing_carried_guess": "the row was given the 提出時期 printed beside another row, in a table "
    "that prints one 提出時期 twice in rows that follow on each other: a merged cell or this row's "
    "cell left empty (normalize/carried_empty.py)",
    "duplicate_row": "same date, item, before and after as an earlier row of the document (not in a table "
    "printing a place column: a change printed for two places)",
    "rows_merged": "the row holds two or more printed dates, 項目 paths (Ⅰ…Ⅵ) or 提出時期 "
    "(事前/事後): rows were probably read as one",
    "column_guess": "a cell may hold text of another column: a 事前/事後, a date, a heading of the "
    "form, 上記を新規追加 or explanation wording where it does not belong, or brackets torn between cells",
    "row_split_guess": "the row's boundaries are in doubt: its item holds two paths, it does not open "
    "with a section Ⅰ～Ⅵ as the document's other rows do, or it repeats its neighbour's date, item "
    "and explanation, or a cell opens mid-phrase (a particle, a word leaning on the one before), "
    "or its date was copied from the row above while a date printed in the table opened no row, "
    "or the dates / timings printed once (merged) could go to the rows in another way as well that "
    "gives this row another value",
    "ocr_suspect:<field>": "an OCR cell breaks its column's grammar or vocabulary: a section "
    "numeral misread (HI…), words unknown to the dictionary, numbering that skips, mixed widths, "
    "brackets that do not pair, a line tesseract was unsure of, before and after numbers in two "
    "widths, a word a character off another word of the document, a speck read as a glyph",
    "column_order": "the extractor emitted the columns one after another; cells were paired with "
    "rows column by column (now evidence on every such row, lowering its confidence; rows in "
    "doubt carry column_guess)",
    "unmapped_glyphs": "the PDF's text layer lost characters on the row's page, or is not the printed text",
    "copy_collapsed:<field>": "the cell holds a line the flattened text printed twice in a row, "
    "collapsed to one as over-printed bold text: were they two equal lines of the table, a copy is "
    "missing (normalize/collapsed_copies.py)",
}
FLAG_NAMES: tuple[str, ...] = tuple(FLAG_DESCRIPTIONS)


def describe_flag(flag: str) -> str:
    """The description of a flag as found on a record (``truncated:after`` included)."""
    if flag.startswith("truncated:"):
        return FLAG_DESCRIPTIONS["truncated:<field>"].replace(
            "the cell (item, before, after or explanation)", f"the {flag[10:]} cell"
        )
    if flag.startswith("ocr_suspect:"):
        return FLAG_DESCRIPTIONS["ocr_suspect:<field>"].replace("an OCR cell", f"the OCR {flag[12:]} cell")
    return FLAG_DESCRIPTIONS.get(flag, "a finding of reconstruction")


# ----------------------------------------------------------------------------- truncation


def ending_open(text: str, tokenizer: Tokenizer | None = None) -> float:
    """How open the end of ``text`` is: 1.0 (cannot end a phrase), 0.5 (an unknown word),
    0.0 (can end a phrase, or ends with a sentence end or a closing bracket)."""
    t = text.rstrip()
    if not t or t[-1] in CLOSED_ENDINGS:
        return 0.0
    if t[-1] in OPEN_ENDINGS:
        return 1.0
    if ATTRIBUTIVE_ENDING.search(t):
        return 1.0  # …に関する, …における: a noun must follow
    tok = tokenizer or default_tokenizer()
    if not isinstance(tok, SudachiTokenizer):
        return 1.0 if tok.ends_open(t) else 0.0
    if tok is default_tokenizer():
        return _sudachi_ending_cached(t[-TAIL_CHARS:])
    return _sudachi_ending(tok, t[-TAIL_CHARS:])


# Line ends remembered by ``ending_open`` (the default tokenizer's verdicts).
ENDING_CACHE = 65536


@lru_cache(maxsize=ENDING_CACHE)
def _sudachi_ending_cached(tail: str) -> float:
    return _sudachi_ending(default_tokenizer(), tail)


def _sudachi_ending(tok: SudachiTokenizer, tail: str) -> float:
    """``ending_open``'s verdict from SudachiPy's reading of the text's last characters."""
    ms = list(tok.tokenize(tail))  # the shared dictionary
    if not ms:
        return 0.0
    m = ms[-1]
    pos = m.part_of_speech()
    if pos[0] == "助詞":
        return 0.0 if pos[1] == "終助詞" or m.surface() in _CLOSING_PARTICLES else 1.0
    if pos[0] in _OPEN_POS:
        return 1.0
    if pos[0] in ("動詞", "形容詞", "助動詞"):
        if pos[4].startswith("文語") and not pos[4].startswith("文語助動詞"):
            # A classical form (抑止す) in modern administrative prose: a verb cut short.
            return 1.0
        return 0.0 if pos[5].startswith(_CLOSED_FORMS) else 1.0
    if pos[0] == "形状詞" and pos[1] == "タリ":
        return 1.0  # a bare stem such as 確 (確認 cut short)
    surface = m.surface()
    if m.is_oov() and not unicodedata.normalize("NFKC", surface).isascii():
        return 0.5  # ネットワ, ネットワークシステ: a word the dictionary does not know
    if pos[0] == "記号" and pos[1] == "文字":
        return 0.5  # ファイ read as letters
    if pos[1] == "固有名詞" and len(surface) <= SHORT_FRAGMENT_CHARS:
        return 0.5  # 行 (行う cut short) or シス read as a short proper name
    if (
        pos[0] == "名詞"
        and len(surface) == 1
        and pos[1] != "数詞"  # …号の２: a numeral is whole
        and len(ms) > 1
        and ms[-2].part_of_speech()[0] == "助詞"
        and surface not in _WHOLE_ONE_CHAR_NOUNS
    ):
        return 0.5  # …に関, …次の事: one character of a longer word after a particle
    return 0.0


def heading_cut(paragraph: str, tokenizer: Tokenizer | None = None) -> bool:
    """True when an item paragraph is the start of a heading of the form cut inside a word
    (``３．入手の際に特定個`` of …特定個人情報が…): not a heading itself, and a longer heading
    goes on from it with the rest of a word the tokenizer sees across the cut."""
    key = heading_key(paragraph)
    if len(key) < MIN_CUT_HEADING_CHARS or key in lexicon():
        return False
    rests = [k[len(key) :] for k in lexicon() if len(k) > len(key) and k.startswith(key)]
    if not rests or any(r[0] in _NOTE_OPENERS for r in rests):
        return False  # no such heading, or this heading whole with a note after it
    tok = tokenizer or default_tokenizer()
    return any(word_spans_break(tok, key, r) for r in rests)


def _last_line_full(row: RawRow, field: str, q: QualitySettings) -> bool:
    lines = row.cells.get(field) or []
    if not lines:
        return False
    last = lines[-1]
    if last.wraps is not None:
        return last.wraps
    width = row.widths.get(field)
    if not width:
        return False
    return display_width(last.text.strip()) >= width - q.full_line_slack_units


def truncation_evidence(
    row: RawRow, record: Record, field: str, q: QualitySettings, tokenizer: Tokenizer | None = None
) -> dict[str, float]:
    """The weighted pieces of evidence that the cell ``field`` was clipped (module notes), by
    name; empty for an empty cell or one that ends with a sentence end or closing bracket."""
    text: str = getattr(record, field)
    lines = row.cells.get(field) or []
    if not text.strip() or not lines:
        return {}
    if any(d.kind == "clipped_text" and d.field == field for d in row.doubts):
        return {"clipped": q.truncated_clipped_weight}  # the text layer shows more than the page
    paragraphs = [p for p in text.split("\n") if p.strip()]
    last = paragraphs[-1].rstrip()
    if last[-1] in CLOSED_ENDINGS:
        return {}
    ev: dict[str, float] = {}
    if _last_line_full(row, field, q):
        ev["full_line"] = q.truncated_full_line_weight
    text_cells = [row.cells.get(f) or [] for f in TEXT_FIELDS]
    if any(cl.reaches_bottom for cells in row.cells.values() for cl in cells):
        if lines[-1].reaches_bottom:
            ev["bottom"] = q.truncated_bottom_weight
        else:
            ev["room_below"] = q.truncated_room_below_weight
    elif len(lines) >= max(len(c) for c in text_cells):
        ev["tallest"] = q.truncated_tallest_weight
    else:
        ev["room_below"] = q.truncated_room_below_weight
    if any(p.rstrip().endswith("。") for p in paragraphs[:-1]):
        ev["style"] = q.truncated_style_weight
    # Geometry decides, and the tokenizer is not asked (its dictionary is not loaded): the
    # cell's last line stops above the ruling under it, so nothing was clipped (a clipped cell
    # is filled to its bottom); or the rest of the evidence cannot reach the threshold with any
    # ending.
    unclipped = row.ruled and not lines[-1].reaches_bottom
    if unclipped or sum(ev.values()) + q.truncated_open_weight < q.truncated_threshold:
        return ev
    openness = ending_open(last, tokenizer)
    if field == "item" and heading_cut(last, tokenizer):
        openness = 1.0
    if openness >= 1.0:
        ev["open"] = q.truncated_open_weight
    elif openness > 0:
        ev["unknown_word"] = q.truncated_unknown_word_weight
    return ev


def truncation_score(
    row: RawRow, record: Record, field: str, q: QualitySettings, tokenizer: Tokenizer | None = None
) -> float:
    """The sum of ``truncation_evidence``; the cell is flagged at ``q.truncated_threshold``."""
    return sum(truncation_evidence(row, record, field, q, tokenizer).values())


# What each piece of truncation evidence says, for the row's evidence list.
TRUNCATION_REASONS = {
    "clipped": "the text layer holds more than the page shows",
    "full_line": "its last line fills the cell's width",
    "bottom": "its last line touches the ruling under it",
    "room_below": "room below its last line",
    "tallest": "it has the most lines of the row",
    "style": "earlier paragraphs end with 。, the last does not",
    "open": "the text ends open (mid-word, or on a comma or opening bracket)",
    "unknown_word": "the text ends on a word the dictionary does not know",
}


def truncation_verdicts(
    row: RawRow, record: Record, q: QualitySettings, tokenizer: Tokenizer | None = None
) -> dict[str, dict[str, float]]:
    """The cells judged clipped (score at ``q.truncated_threshold`` or more), by field, each with
    its weighted evidence (``truncation_evidence``)."""
    out = {}
    for f in TEXT_FIELDS:
        ev = truncation_evidence(row, record, f, q, tokenizer)
        if sum(ev.values()) >= q.truncated_threshold:
            out[f] = ev
    return out


def truncation_why(ev: dict[str, float]) -> str:
    """The evidence of one truncation verdict in words, strongest first, for the report."""
    named = sorted(((w, k) for k, w in ev.items() if w > 0), reverse=True)
    return "; ".join(TRUNCATION_REASONS.get(k, k) for _, k in named)


def truncated_fields(
    row: RawRow, record: Record, q: QualitySettings, tokenizer: Tokenizer | None = None
) -> list[str]:
    """The fields of the cells judged clipped (``truncation_verdicts``)."""
    return list(truncation_verdicts(row, record, q, tokenizer))


# ----------------------------------------------------------------------------- row flags


# A cell line ending in the word 事前 / 事後 (the 提出時期 glued to a neighbour's line).
_TIMING_LINE_END = regex.compile(r"(?:事前|事後)\s*$")


def _timing_in_another_cell(row: RawRow) -> bool:
    """Whether a row with no 提出時期 holds 事前 / 事後 at the end of a line of its 項目, 変更前 or
    変更後: the columns were cut in the wrong places (a label row read at the wrong positions
    put the 提出時期 column's text into its neighbour's).  Where from: layout64's ``xxv_t05``
    pypdf layout text, whose spread-out label row is printed at other positions than its cells;
    the row already carries a timing warning, so this names the doubt and costs no right row."""
    return any(
        _TIMING_LINE_END.search(cl.text)
        for field in ("item", "before", "after")
        for cl in row.cells.get(field) or []
    )


def _squash(text: str) -> str:
    return without_whitespace(text)


def _equal_in_doubt(row: RawRow, explanation: str) -> bool:
    """Equal before and after cells of text cut without positions that may be a mistake: one
    cell read twice (a printed line, the same line object, in both; or a line's place unknown),
    cells paired column by column (``column_order``: the pairing may have handed one row
    another's cell), or an explanation whose first sentence does not end as an explanation ends
    (``…の修正``, ``…に伴う変更``): the after cell's rest may have run into it
    (``国民健康保険情報ファイル`` | ``中間サーバー副本ファイル``).  Two equal cells each of its own
    printed text (``10万人以上100万人未満 10万人以上100万人未満``) beside a reason
    (``記載内容の時点修正``) are what the table prints: ``-raw`` / pypdfium2 tuning rows flagged
    ``before_equals_after`` alone were right 69 times in 92, and those this spares right 65 times
    in 69."""
    before, after = row.cells.get("before") or [], row.cells.get("after") or []
    if any(cl.line_no is None for cl in (*before, *after)) or any(
        d.kind == "column_order" for d in row.doubts
    ):
        return True
    if {id(cl) for cl in before} & {id(cl) for cl in after}:
        return True
    first = explanation.strip().split("\n")[0]
    first = first[: first.index("。") + 1] if "。" in first else first
    return not EXPLANATION_END.search(first)


def printed_empty_date(row: RawRow, record: Record) -> bool:
    """Whether the row's 変更日 cell is empty as printed, so its missing date is no doubt: the row
    lies between the rulings of a text-layer PDF (``RawRow.ruled``, not OCR, where a date may be
    unread), and a cell the rulings leave open above (a merged cell) was filled already
    (``merged_cell_filled``): an empty date cell here was closed by its own rulings.  A filing's
    "same as above" row prints so; the row keeps ``change_date`` None and no ``date_unparsed``.
    Text readers, which see no rulings, still flag an empty date (set XI, 2026-12-04: its 8 rows of
    empty date cells in the PDFs were right and warned only by ``date_unparsed``)."""
    if record.change_date_raw or not row.ruled:
        return False
    return not any(cl.conf is not None for cells in row.cells.values() for cl in cells)  # OCR lines


def row_flags(
    row: RawRow,
    record: Record,
    q: QualitySettings,
    tokenizer: Tokenizer | None = None,
    today: dt.date | None = None,
) -> set[str]:
    """The flags of one row: reconstruction's and the record's own (not ``truncated:*``, which
    ``flag_record`` adds)."""
    flags = set(row.flags) | set(record.flags)
    if record.change_date is None:
        if not printed_empty_date(row, record):
            flags.add("date_unparsed")
    else:
        day = dt.date.fromisoformat(record.change_date)
        if day.year < q.earliest_year or day > (today or dt.date.today()):
            flags.add("date_implausible")
    if record.timing is None:
        raw_timing = "".join(cl.text for cl in row.cells.get("timing") or []).strip()
        flags.add("timing_invalid" if raw_timing else "timing_missing")
        if _timing_in_another_cell(row):
            flags.add("column_guess")
    before, after = _squash(record.before), _squash(record.after)
    if not before and not after:
        flags.add("empty_change")
    elif before == after and not row.positioned and _equal_in_doubt(row, record.explanation or ""):
        # Where positions cut the cells (the grid of a PDF or scan, -layout columns), equal
        # cells are what the table prints, and change_kind ``unchanged`` says so; a warning
        # there fired on right rows only (bench_calibration: 33 right, 0 wrong rows warned by
        # it alone).  In text cut without positions it may be one cell read twice.
        flags.add("before_equals_after")
    if max((heading_score(p) for p in record.item_path), default=0.0) < q.item_min_heading_score and not (
        row.ruled and known_compact_cell(record.item_path)
    ):
        # A bare compact code (``Ⅱ-3-⑧``) names a heading of the form by its fixed numbering; it
        # is no doubt where rulings cut the row's cells (a PDF's or scan's grid).  Where the
        # cells are cut by spacing (``-layout``, PyMuPDF ``sort=True``) or by the text alone, the
        # checks that hold the body's edges against the item's headings (a heading's tail in the
        # body, a heading opening it) have no words to compare, so the row stays in doubt: set
        # XXI (session 59's unseen set) showed PyMuPDF ``sort=True`` and ``-layout`` rows under
        # compact items with before / after cut wrong that only this flag warned.
        flags.add("item_unknown")
    confs = [cl.conf for c in COLUMNS for cl in row.cells.get(c) or [] if cl.conf is not None]
    if confs and sum(c < q.ocr_low_confidence for c in confs) / len(confs) > q.ocr_low_line_share:
        flags.add("ocr_low_confidence")
    return flags


def flag_record(
    record: Record,
    row: RawRow,
    q: QualitySettings,
    tokenizer: Tokenizer | None = None,
    today: dt.date | None = None,
) -> Record:
    """Set ``record.flags`` (sorted), with ``truncated:<field>`` for each cell judged clipped;
    each such verdict adds a ``truncated`` doubt of strength 0 to ``row.doubts``: it costs no
    confidence beyond the flag's own and becomes the verdict's line of the row's evidence
    (normalize/confidence.py).  The confidence is set later."""
    verdicts = truncation_verdicts(row, record, q, tokenizer)
    flags = row_flags(row, record, q, tokenizer, today) | {f"truncated:{f}" for f in verdicts}
    record.flags = sorted(flags)
    row.doubts.extend(Doubt("truncated", f, truncation_why(ev), 0.0) for f, ev in verdicts.items())
    return record


def _row_key(r: Record) -> tuple[Any, ...]:
    return (r.change_date or r.change_date_raw, _squash(r.item), _squash(r.before), _squash(r.after))


def flag_duplicates(
    records: list[Record], q: QualitySettings, seen: set[bytes] | None = None, placed: bool = False
) -> list[Record]:
    """``duplicate_row`` on a row with the date, item, before and after of an earlier row of the
    same document (whitespace aside).  ``seen`` carries the rows of the document's earlier parts
    (a long text is read part by part) and is updated; each row is kept as a 16-byte digest.
    ``placed``: the table prints a place column (変更箇所 / 該当頁, set aside:
    ``place_column.prints_places``), so each row stands for its own place and a repeat is the
    same change at another place: no row is flagged (the place column's tuning samples: 290
    right rows flagged against 20 wrong ones, each of those warned otherwise)."""
    seen = set() if seen is None else seen
    for r in records:
        key = hashlib.blake2b(repr(_row_key(r)).encode("utf-8"), digest_size=16).digest()
        if key in seen and not placed and "duplicate_row" not in r.flags:
            r.flags = sorted({*r.flags, "duplicate_row"})
        seen.add(key)
    return records


def flag_ocr_records(rows: list[RawRow], records: list[Record], settings: Settings) -> None:
    """Flag ``ocr`` on every record, ``ocr_low_confidence`` where many of its lines hold a word
    tesseract was unsure of (the line confidences already count in the row's confidence:
    normalize/confidence.py)."""
    threshold = settings.quality.ocr_low_confidence
    for row, rec in zip(rows, records, strict=True):
        confs = [cl.conf for cells in row.cells.values() for cl in cells if cl.conf is not None]
        flags = set(rec.flags) | {"ocr"}
        if confs:
            low = sum(1 for c in confs if c < threshold) / len(confs)
            if low > settings.quality.ocr_low_line_share:
                flags.add("ocr_low_confidence")
        rec.flags = sorted(flags)
