"""Heuristic thresholds, named and gathered in one place, validated.

The scan reader's section, ``OcrSettings``, lives in ``piatable.ocr_settings`` (length only) and is
imported here: ``from piatable.settings import OcrSettings`` keeps working.

Widths are in display units (full-width character = 2) for text input; geometric tolerances are
in multiples of the median glyph height so that one default serves points, OCR pixels converted to
points, and character cells.  ``--set section.key=value`` on the command line changes them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .ocr_settings import OcrSettings


@dataclass(slots=True)
class RejoinSettings:
    # A line this many display units short of its column width still counts as full: kinsoku
    # pushes one or two characters to the next line, and Excel's pixel widths round.
    full_slack_units: float = 4.0
    # Characters of context each side of a break handed to the tokenizer.
    tokenizer_context: int = 8


@dataclass(slots=True)
class StreamSettings:
    # Penalty per line placed in a column narrower than the line.
    over_width_penalty: float = 12.0
    # Penalty when a cell ends on a full line whose text runs on into the next cell.
    split_word_penalty: float = 5.0
    # Bonus when the first lines of before and after open with the same words.
    shared_opening_bonus: float = 6.0
    # Characters of a shared opening that count as evidence.
    shared_opening_min_chars: int = 6
    # Bonus per item paragraph that looks like a heading of the form; penalty for a body marker.
    heading_bonus: float = 1.5
    body_marker_in_item_penalty: float = 3.0
    # Weight of before/after line-count balance when nothing else decides.
    balance_weight: float = 0.15
    # Cost units by which a Calc row's wrapped lines must read better with an explanation of their
    # own than without, for its one-line cell after the timing to be a 備考's (pass_one_remarks).
    pass_one_remark_margin: float = 2.0
    # A before or after cell that would open with a whole heading of the form (the lexicon's,
    # its wrapped lines joined): that heading ends the item path instead.
    heading_opens_body_penalty: float = 2.0
    # A before and an after cell that share not one pair of characters: one cell cut in two
    # rather than a text and its edit (the other cell is then empty).
    disjoint_pair_penalty: float = 2.0
    # The explanation says which cell is empty: 追加 / 追記 / 新規 / 新設 (and no 削除 / 廃止) lower the
    # cost of an empty before cell by this much; 削除 / 廃止 (and no addition word), of an empty after.
    explained_empty_bonus: float = 3.0
    # An item cell that ends inside a printed line holding pieces of two cells (``①連絡先`` /
    # ``○○市財務部市民税課 電話…`` with the first piece taken into the item).  pdftotext -raw and
    # pypdfium2 join a cell's last line with the next cell's first only when both lie on one
    # baseline; office software draws a table cell by cell, every cell starting at the row's
    # top (or, centred, its middle), so that happens only after a cell one line high, and an
    # item path has more lines.  Measured on the LibreOffice tuning texts (the same rule for the
    # before / after boundary cost more rows than it saved: a space inside a cell is printed so).
    item_in_line_cut_penalty: float = 6.0
    # Minimum number of date-led blocks with a timing before a region counts as a table.
    min_rows: int = 1


@dataclass(slots=True)
class GridSettings:
    # Gap between words (in median glyph heights) that separates two columns when no ruling
    # does: two cell paddings can be as little as half an em.
    column_gap_em: float = 0.5
    # Body segments opening at one x between two labels with no gap between their columns
    # (``columns.cells_opening``): that many or more put the boundary there, not at the labels'
    # midpoint.  Three: one row's cell and its wrapped line open alike by chance; three rows'
    # cells seldom do unless the column starts there.
    min_cell_openings: int = 3
    # Vertical tolerance (in median glyph heights) for words on one line.
    line_tolerance_em: float = 0.4
    # A line wraps when it reaches the cell's right edge within this many glyph heights.
    wrap_edge_em: float = 1.3
    # The break after a line is a soft wrap when the next line's first character (or half-width
    # word) would not have fitted before the column's wrap edge, give or take this many ems.
    wrap_fit_em: float = 0.2
    # The same where the boxes are exact (a PDF's characters, text columns), not OCR's ink boxes.
    wrap_fit_exact_em: float = 0.05
    # OCR boxes hold ink: a full-width closing mark (、。）」) ending a line leaves this much of its
    # em white after its ink, room the line took all the same.
    ocr_closer_white_em: float = 0.5
    # A column's wrap edge is the furthest reach of its lines that another line comes within
    # this many ems of: one line running past the rest (set tighter, or into the padding) does
    # not move the edge, which would make every full line look short.
    wrap_edge_companion_em: float = 0.3
    # A gap wider than this between two half-width words is a space (never beside Japanese, never
    # in a PDF: its spaces are characters of its own).
    space_gap_em: float = 0.25
    # Room (in half-width characters) left at the end of a full line of space-separated text
    # that shows it was broken at a space.
    space_room_units: float = 0.5
    # Label pieces within this many ems (vertically) of a full label belong to the header row.
    header_band_em: float = 2.5
    # A label's characters may be spread this far apart (distributed alignment, 変　更　日).
    label_spread_em: float = 16.0
    # Ruling segments: at most this thick, at least this long; positions within this merge.
    ruling_thickness_em: float = 0.3
    min_ruling_em: float = 1.0
    ruling_merge_em: float = 0.3
    # A horizontal ruling closes a cell when it covers this share of the column's width (a
    # stroke across part of a cell does not start a row).
    closed_share: float = 0.8
    # A horizontal stroke that lies on a run of text and reaches at most decoration_slack_em past
    # it decorates it: through the middle of its characters (beyond strike_band of their height
    # from top and bottom) it strikes them out, within underline_band_em below their bottom it
    # underlines them.  Neither starts a row.
    strike_band: float = 0.25
    underline_band_em: float = 0.5
    decoration_slack_em: float = 0.08
    # A whitespace valley between text columns may be crossed by this share of the body's lines.
    gap_cross_share: float = 0.03
    # A cell's last line "reaches the bottom" when less than this many ems remain below it.
    reach_bottom_em: float = 1.0
    # Characters of the text layer clipped away beyond a cell's edge (normalize/grid/unseen.py)
    # are the rest of its text, cut by the edge, when the clipping path ends within
    # clipped_edge_em of the cell's ruling and the nearest of them is within clipped_near_em
    # of the cell's printed text; a character clipped well inside its cell was hidden on purpose.
    clipped_edge_em: float = 0.5
    clipped_near_em: float = 1.0
    # A cell's one-line text printed on over the rulings beside it (normalize/grid/overflow_text.py):
    # characters chained by gaps of at most overflow_cross_em over a column boundary (two cells'
    # texts keep two paddings apart, 0.2 em at Calc's 60 % print scale) and overflow_join_em
    # elsewhere (a dropped space), starting within overflow_edge_em of its column's left edge or
    # ending as near its right edge; flush with both edges within overflow_pad_em (a cell's
    # padding), its alignment is a guess (column_guess).
    overflow_cross_em: float = 0.1
    overflow_join_em: float = 0.6
    overflow_edge_em: float = 1.5
    overflow_pad_em: float = 0.3
    # A printed line "crosses" a row's ruling when the ruling lies inside its box by more than
    # this share of the line's height from either edge (a too-tall cell's text overflowing it;
    # a descender or a ruling drawn tight under a line does not count).  Its characters go to
    # one row together: the row holding more of the line by more than this share, else the
    # lower row.  A spreadsheet cell too short for its text, aligned to the bottom (the default)
    # or centred, overflows upwards by whole lines from a baseline grid, so its first line sits
    # across the ruling above it, about half on each side (LibreOffice Calc exports: 0.43–0.59
    # of the line above the ruling, every one the lower row's); a top-aligned cell overflows
    # downwards, its last line mostly above the ruling.  Before, each character went by its own
    # box's centre and such a line was torn between the two rows (``Ⅰ本報`` / ``基情``).
    crossing_line_share: float = 0.25
    # ``-layout`` text (character cells): cost, in text columns of misplacement, of reading a
    # piece of a line as the rest of the previous piece's cell when one space separates them
    # (Japanese text has no spaces, so a single space may be the text's own or a squeezed
    # column gap), and when a wider gap does.
    layout_soft_join_cost: float = 1.5
    layout_share_cost: float = 12.0
    # A single-space-separated piece that opens a cell although no line nearby starts a cell at
    # its offset (within one column) costs this much more.
    layout_unaligned_cost: float = 1.0
    # A list marker alone (``… 事務 ア 療養費``) read as the end of the piece before it costs this
    # much more: a marker opens a line (Calc's -layout text of narrow cells; issue 12).
    layout_mark_tail_cost: float = 2.0
    # A piece may run this many text columns past the next column's start; each further one costs one.
    layout_overflow_slack: float = 2.0
    # Column starts drift from line to line: each line is matched with the starts of the cells
    # opened within this many lines of it.
    layout_local_window: int = 3
    # A piece that cannot be what its column holds (not a date or part of one in 変更日, not
    # 事前/事後 in 提出時期) costs this much more there.
    layout_wrong_kind_cost: float = 8.0
    # A cell that opens one space after a check box (``[ ○ ]``, ``[ ]``) leaves the box without its
    # label, one inside a box tears it (a form's box and its label stand in one cell): it costs more.
    layout_box_label_cost: float = 6.0
    # A piece that starts more than layout_left_open_slack text columns left of a column's start,
    # one space before a piece at that start, costs layout_left_open_cost more to open that
    # column: it started in the column before and runs up to the boundary (``pdftotext -layout``
    # widens a line of half-width numbers, or prints a full-width space as a gap:
    # ``番号法第９条第１項    別表第 番号法…``); a line belongs to the column it starts in
    # (branch layout46, issue 12).
    layout_left_open_slack: float = 2.0
    layout_left_open_cost: float = 8.0
    # A text column's wrap width: the widest line width that at least layout_wrap_min_lines
    # lines have, and at least layout_wrap_min_share as many as the commonest width (one
    # over-wide line, a date spread out by spaces say, is no wrap width).
    layout_wrap_min_lines: int = 2
    layout_wrap_min_share: float = 0.2
    # Word and Writer set Latin letters, digits and Ⅰ/① apart from Japanese text by a narrow
    # gap (autospace) that pdftotext prints as a space.  When at least this share of the
    # document's Latin/Japanese boundaries carry a space, those single spaces are dropped.
    layout_autospace_share: float = 0.7
    layout_autospace_min: int = 3


@dataclass(slots=True)
class PdfSettings:
    """What of a text-layer PDF page is read (extract/pdf.py, extract/pdf_objects.py); points."""

    # The paper's colour, and how far (0-255 per channel) a colour may be from another and look
    # the same: text in the colour of the ground under it is not read, a white box is no ruling.
    paper: str = "#ffffff"
    colour_tolerance: int = 24
    # A filled shape thicker than this both ways is an area (a box, a highlight), not a line.
    area_min_pt: float = 3.0
    # Slack around a clipping path, and around an opaque shape painted over a character.
    clip_slack_pt: float = 1.0
    cover_slack_pt: float = 1.0
    # An invisible text layer (render mode 3, as OCR software lays over a scan) is read only by
    # choice (``--set pdf.ocr_text_layer=true``); otherwise such pages are read by OCR.
    ocr_text_layer: bool = False
    # A table page whose characters are at least this share invisible carries such a layer.
    ocr_layer_share: float = 0.9


@dataclass(slots=True)
class QualitySettings:
    """Data-quality flags (normalize/flags.py) and the confidence penalties they carry."""

    # date_implausible: a change date before this year (My Number assessments began in 2014) or
    # after today.
    earliest_year: int = 2014
    # ocr_low_confidence: more than ocr_low_line_share of a row's OCR lines read below this.
    ocr_low_confidence: float = 60.0
    ocr_low_line_share: float = 0.25
    # item_unknown: no paragraph of the 項目 cell scores at least this as a heading of the form.
    item_min_heading_score: float = 0.75
    # truncated:<field>: evidence that a cell stops mid-phrase, summed and compared with
    # truncated_threshold.  A last line within full_line_slack_units of the column width is full.
    truncated_threshold: float = 2.5
    full_line_slack_units: float = 4.0
    truncated_open_weight: float = 2.5
    truncated_unknown_word_weight: float = 1.5
    truncated_full_line_weight: float = 1.0
    truncated_bottom_weight: float = 0.5
    truncated_tallest_weight: float = 0.5
    truncated_room_below_weight: float = -0.5
    truncated_style_weight: float = 0.5
    # A PDF cell whose text goes on, clipped away at the cell's edge, is cut short for sure.
    truncated_clipped_weight: float = 2.5
    # --- confidence (normalize/confidence.py): 1 / (1 + exp(-(prior_logit - Σ weight_k x_k)))
    # over the evidence of the row (or of one cell: cell_prior_logit).  Weights are in log-odds,
    # fitted on the bundled samples (tools/bench_calibration.py --fit) and rounded.
    prior_logit: float = 3.25
    cell_prior_logit: float = 4.92
    # x = -ln(the reader's own confidence): stream partition margin, OCR median line confidence.
    weight_reconstruction: float = 0.87
    # x = 1 when the row carries the flag (truncated: once per clipped cell).
    weight_truncated: float = 0.28
    # 11 rows in the samples, all wrong: the fit (0.46) shrinks so rare a term; set by hand.
    weight_date_unparsed: float = 2.4
    weight_date_implausible: float = 1.0  # rare in the samples (2 rows): set by hand
    weight_timing_missing: float = 1.39
    weight_timing_invalid: float = 1.29
    # Set by hand (the fit gave 0.19): the flag is a warning (one cell may have been read twice),
    # and a row the reviewer is asked to look at should not read as confident: a flattened-text
    # row with no other evidence now sits at 0.85, not 0.905 (tuning -raw / pypdfium2 rows with
    # the flag alone: 21 of 22 right; all kinds with the flag: 48 right, 55 wrong).
    weight_before_equals_after: float = 0.7
    weight_empty_change: float = 0.66
    weight_item_unknown: float = 1.37
    # A key inferred from the rows around (item_key_guess): often the item_unknown of a cell short
    # of its headings turned into it (normalize/records.py), so item_unknown's weight, by hand
    # (before it cost nothing: set XXII, 42 wrong rows and no right one, some at 0.934).
    weight_item_key_guess: float = 1.37
    weight_unplaced_text: float = 0.61
    weight_ocr_low_confidence: float = 1.5
    weight_row_continued: float = 0.75
    # A scan's row continued over a page break, by hand: on the tuning scans the 10 such rows
    # with no doubt flag were all right (0.41-0.49 at 0.75), the 7 wrong ones ocr_suspect.
    weight_ocr_row_continued: float = 0.2
    weight_merged_cell_filled: float = 0.26
    carried_date_guess: bool = False  # opt-in: date_carried_guess on every text table (carried_guess.py)
    weight_duplicate_row: float = 1.0  # rare in the samples (2 rows): set by hand
    weight_column_order: float = 1.03
    weight_unmapped_glyphs: float = 2.0
    # copy_collapsed:<field> (normalize/collapsed_copies.py): the cell holds a line printed twice in
    # a row that was collapsed as over-printed bold text (a copy may be missing).  Set by hand: on
    # the tuning -raw / pypdfium2 rows such rows were read at 0.92 with no flag, mostly wrong; it
    # takes a row with no other evidence below 0.9 (0.92 → 0.72).
    weight_copy_collapsed: float = 1.5
    weight_rows_merged: float = 1.0  # rare in the samples: set by hand
    # x = the doubt's strength (0-1): normalize/evidence.py and the readers.
    weight_column_guess: float = 1.49
    weight_ocr_unsure: float = 1.24
    weight_close_cut: float = 0.58
    # watermark_cut: a watermark word glued to a cell's line was cut out of it
    # (normalize/watermark_lines.py): by hand, enough to warn the row.
    weight_watermark_cut: float = 1.5
    # furniture_cut: a browser's print header / footer title glued to a cell's line was cut out of
    # it (normalize/browser_furniture.py, branch furniture66): by hand, enough to warn the row.
    weight_furniture_cut: float = 1.5
    # ruby_suspect: a ruby reading glued to a cell line's edge was cut out, or a kana line that
    # begins with a reading of a nearby kanji word stayed in the cell (normalize/ruby_lines.py).
    weight_ruby_suspect: float = 1.5
    # cut_guess (confidence only): a reader's cut or assignment decided by widths or a near tie
    # (normalize/stream.py, singlepass.py, twophase.py, passone.py); a column_guess flag until
    # measured to fire on right rows about as often as on wrong ones (column_guess's weight).
    weight_cut_guess: float = 1.49
    # The strength of the cut_guess of a column-ordered row's weak reasons (normalize/columnar.py:
    # cells of several columns on one line, a date's run fixed by the extractor's order).  Set by
    # hand: the 51 tuning rows with no other evidence were right 2 times in 3.
    column_order_weak_strength: float = 0.3
    # The strength of the cut_guess of a row whose pass-1 dates and timings could go to the rows
    # another way about as well (passone.py, twophase.py; already held at AMBIGUOUS_CONFIDENCE,
    # full strength counted the doubt twice: rows with it alone right 61 in 86, at 0.499).
    unsure_plan_strength: float = 0.5
    # An open row whose values this share of the near-best readings give it: neither flagged
    # nor held (passone.doubt_plan, warn43; tuning -raw / pypdfium2: 19 right, 6 wrong rows).
    plan_majority_share: float = 0.6
    weight_row_split_guess: float = 1.41
    weight_ocr_suspect: float = 1.22
    weight_ocr_corrected: float = 1.02
    weight_reader_ocr: float = 1.27
    # reader_text: set by hand above the fit's 0.81 (branch quiet70), so that a row of text read
    # without positions and with no evidence sits at 0.896, under 0.9: such rows were right 94.2%
    # of the time on the bench's -raw / pypdfium2 rows (86.6% held out) and 92.8% on set XXXI's
    # row-ordered texts (its reversed-page table aside), below issue 12's 97% for confidence ≥ 0.9.
    weight_reader_text: float = 1.1
    # pdftotext -layout text (rows placed by position, normalize/grid): set on the tuning sets'
    # -layout rows with the other weights fixed (issue 12: rows with no evidence were right
    # 237 times in 241, yet sat at 0.92 under reader_text's weight; those with only the aligned
    # cut's close_cut 166 in 171, at 0.898).  layout_filled: such a row with a value filled in from
    # a merged cell (72 right in 81) or a truncated:<field> flag (36 in 39) stays below 0.9.
    weight_reader_layout: float = 0.6
    weight_layout_filled: float = 0.4
    # clipped_text (confidence only; the cell is flagged truncated:<field>): the PDF's text layer
    # goes on where the page clips the cell.  Set by hand: the samples expect a clipped cell's
    # printed text, so a fit would find those rows right, though the cell is certainly short of
    # the source's text.
    weight_clipped_text: float = 1.0
    # A doubt at least this strong also becomes a flag.
    doubt_flag_strength: float = 0.5
    # close_cut (stream): the partition's margin over the runner-up cut, in cost units, below
    # which the cut is a near guess; strength exp(-margin).
    column_guess_margin: float = 1.0
    # column_guess (normalize/passone.py, close_cut_doubts): a pass-2 cut of a row whose pass 1
    # holds text cells that won by less than this (cost units) over moving only that boundary,
    # between before and after, and between the item and the next cell.
    pass_one_cut_margin: float = 0.5
    pass_one_item_margin: float = 1.0
    # column_guess (normalize/cut_checks.py): an explanation at least this share of whose
    # character pairs are the before cell's repeats it (the after cell's tail read as the
    # explanation).  Measured: 0.3 fired on right rows; 0.5 on no right row not warned already.
    explanation_repeat_share: float = 0.5
    # column_guess (normalize/spill_checks.py, shifted): a row whose before cell is empty and
    # whose explanation opens with a paragraph sharing at least this share of its character
    # pairs with the after cell (the before and after values read one column to the right).
    shifted_value_share: float = 0.5
    # column_guess (normalize/mark_checks.py, short explanation): a text row's explanation of
    # fewer characters than this (whitespace aside) is a fragment of one (``時``, ``明``): the
    # rest was read into another cell or row.  Measured on the tuning text rows: explanations of
    # 1–3 characters were wrong 57 times and right never; 2-character ones (``修正``, ``削除``)
    # are kept quiet, as an unseen table may print them whole.
    explanation_min_chars: int = 2
    # ocr_suspect:<field>: a line read below this confidence, or this many words of the cell
    # unknown to the dictionary.
    ocr_suspect_line_conf: float = 70.0
    # ocr_suspect:item: an OCR item paragraph scoring below this as a heading of the form
    # (items.heading_score: 0.5 its numbering alone, 1 a heading the lexicon knows), alone and
    # joined with the next paragraphs.  Measured on the samples' truth items: 4 of 136 distinct
    # tuning items hold such a paragraph (sub-headings the lexicon lacks).
    ocr_item_heading_score: float = 0.5
    # ocr_unsure (confidence only): the least sure line of an OCR row read below this.
    ocr_sure_line_conf: float = 90.0
    ocr_suspect_unknown_words: int = 1
    # ocr_suspect:<field> (normalize/ocr_spots.py): a kanji read below this confidence that makes
    # no dictionary word with its neighbours and whose pairs with them the document and the form
    # print nowhere else.
    ocr_unsure_kanji_conf: float = 93.0
    # The HTML report lists at most this many rows (those to review first) and documents (the
    # worst first); the JSON lists all.
    report_max_rows: int = 2000
    report_max_documents: int = 200


@dataclass(slots=True)
class Settings:
    rejoin: RejoinSettings = field(default_factory=RejoinSettings)
    stream: StreamSettings = field(default_factory=StreamSettings)
    grid: GridSettings = field(default_factory=GridSettings)
    quality: QualitySettings = field(default_factory=QualitySettings)
    ocr: OcrSettings = field(default_factory=OcrSettings)
    pdf: PdfSettings = field(default_factory=PdfSettings)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def set(self, assignment: str) -> None:
        """Apply one ``section.key=value`` assignment, naming the bad key when there is one
        (``SettingsError``); see ``setting_assignments.apply_assignment``."""
        from .setting_assignments import apply_assignment

        apply_assignment(self, assignment)


DEFAULT_SETTINGS = Settings()
