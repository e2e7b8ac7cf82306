"""Thresholds of the scan reader (extract/ocr/): the ``ocr`` section of ``piatable.settings``.

Kept in a module of its own for length only; ``piatable.settings`` imports it, and ``--set
ocr.key=value`` changes its fields like any other section's.  Lengths in glyph heights ("em").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class OcrSettings:
    """Scanned pages (extract/ocr/); lengths in glyph heights ("em")."""

    # Tesseract language data and page segmentation modes: a strip of table cells (cells mode)
    # and a whole page without a ruled grid.
    lang: str = "jpn"
    psm: int = 6
    # How tesseract is called for the cells and pages: "process" (pytesseract, a tesseract
    # process per call), "api" (tesserocr, `pip install piatable[ocr-api]`: tesseract with its
    # model kept loaded, lent to one call at a time), or "auto" (the API when tesserocr imports).
    # Measured in CPU seconds (this process and its tesseract children; the machine shared, load
    # 10-15 on 2 cores): held-out LibreOffice scans (`tools/bench_scan.py --no-committed --office
    # samples/heldout --generate 200,300`) 2.4 CPU s/page by process, 1.4 by the API, cells exact
    # 84.8% / 85.0% (seed tables: see the README).  A process call spends ~0.2 CPU s starting.
    engine: str = "auto"
    # A Latin letter or digit tesseract reads from a box both lower and narrower than this share
    # of the page's glyph height is a speck (a printed digit or letter stands at least as high
    # as the x-height, about half of it): dropped before the words are placed, named in a page
    # note.  Height alone is no test: tesseract gives some characters inside a word (the 3 of
    # 03-1234) a flat box.
    speck_max_em: float = 0.3
    # A page strewn with lone dots of ink (salt-and-pepper noise: at least this many per glyph
    # square of the page) has them erased before it is read (extract/ocr/pepper.py).  Clean
    # scans, JPEG ringing and dithered faxes of the samples and set XXXII hold at most 0.003;
    # set XXXII's u11 (0.3% of its pixels turned black) 0.27.
    pepper_min_per_em2: float = 0.02
    # A date or timing cell (six-column grids) whose text breaks its column's grammar is read a
    # second time with tesseract held to the column's alphabet (strips.reread_broken_cells).
    reread_cells: bool = True
    # Tesseract child processes run at once (over pages, and over strips of a page); 0: one per core.
    workers: int = 0
    page_psm: int = 6
    # "cells": each ruled cell cut out and read on one strip; "page": the page read as a whole.
    mode: str = "cells"
    # Resolution PDF pages are rendered at, and the one assumed for an image without a dpi
    # (0: from the page size, taken as A4).
    dpi: int = 300
    image_dpi: float = 0.0
    # A PDF page that is one scanned image is rendered at the image's own resolution, kept
    # within these bounds (a 200 dpi scan rendered at 300 dpi read worse: cells 0.908 → 0.983).
    min_dpi: float = 150.0
    max_dpi: float = 400.0
    # Pages are scaled so that the median glyph is this many pixels tall, unless the ratio is
    # already between keep_glyph_min and keep_glyph_max.
    target_glyph_px: float = 20.0
    keep_glyph_min: float = 0.85
    keep_glyph_max: float = 1.2
    # Rotation: at most this much is looked for; less than min_skew_deg is left alone.  A sheet
    # fed by hand comes out 3° turned (set XVIII's C__skew3-240.jpg: 2.0 undid 2° of 3°, 0 rows
    # right; samples/*-ocrflip56 skew3-…: 0 → 6 rows of 6 read).
    max_skew_deg: float = 5.0
    min_skew_deg: float = 0.05
    # Morphology: kernel length and the shortest ruling kept (in glyph heights).
    ruling_kernel_em: float = 2.0
    min_ruling_em: float = 3.0
    # Vertical rulings at least this long (strokes of characters stacked in tight lines chain).
    min_vertical_em: float = 5.0
    # A vertical "ruling" shorter than this share of the longest, whose line text crosses
    # elsewhere in the table, is a stack of brackets, not a border (rulings.text_strokes).
    text_stroke_share: float = 0.5
    # Pixels around a ruling erased with it before OCR.
    erase_grow_px: int = 1
    # Rulings closer than this are one; a cell narrower than this is a double line's gap; a
    # horizontal ruling closes a column's cell when it crosses this share of the column.
    merge_em: float = 0.5
    min_cell_em: float = 1.2
    cross_share: float = 0.5
    # A horizontal stroke that stays inside its column is an underline, not a row's ruling, when
    # it keeps underline_gap_em glyphs clear of both column rulings, or when text ink stands
    # within underline_band_em glyphs above it over underline_ink_share of its length
    # (extract/ocr/rulings.py split_underlines).  On the office scans a column's own ruling has
    # ink over at most 0.09 of its length just above it, an underline over 0.46–0.87.
    underline_gap_em: float = 0.5
    underline_band_em: float = 0.5
    underline_ink_share: float = 0.4
    # Ink inside the table that no cell reads (extract/ocr/coverage.py): the table's box is
    # that of the vertical rulings at least table_border_share as long as the longest; pieces
    # of ink at least unread_piece_em glyph heights in size count, and a page with
    # min_unread_pieces of them is noted and its rows flagged unplaced_text.
    table_border_share: float = 0.5
    unread_piece_em: float = 0.3
    min_unread_pieces: int = 3
    # Cells are cut this far inside their borders, and stacked with this much white between.
    cell_inset_em: float = 0.1
    mosaic_gap_em: float = 1.0
    # White kept around a cell's ink when it is cut out (tesseract misses a first character,
    # often a Roman numeral, that touches the edge).
    crop_margin_em: float = 0.6
    # A cell's text lines are found at white rows (an inked run lower than min_line_em glyph
    # heights is part of its neighbour); lines less than tight_line_gap_em apart are read apart.
    # White between lines, in glyph heights, on the generated scans: Chromium's tight print
    # 0.05-0.15, Excel and Word 0.2-0.45.
    min_line_em: float = 0.4
    tight_line_gap_em: float = 0.18
    # A line of a cell read together with its neighbours is read again alone
    # (extract/ocr/line_rereads.py) when at least reread_unread_em glyph heights of its inked
    # columns lie under no character's box (widened by reread_reach_em on each side; a box
    # wider than reread_widest_em counts as that wide about its centre), when one tesseract
    # line stands on it and another line, or when no character stands on its ink (at least
    # reread_lost_em glyph heights of inked columns); a line is a band of ink at most
    # reread_max_line_em tall (a taller band is lines touching, cut at its least inked row).
    # The second read is kept when it leaves more than reread_tie_em less ink unread by reading
    # more characters whose dictionary cost per character (SudachiPy's path cost) is at most
    # reread_cost_worse higher or at most reread_cost_plain (text with a misread reads at
    # 2,500-3,600 a character, garbage at 5,000-6,000); or, leaving as little unread, when its
    # mean confidence is reread_conf_gain higher (its cost at most reread_cost_margin higher)
    # or its cost reread_cost_margin lower (its confidence at most reread_conf_gain lower).
    # Never below a mean confidence of reread_min_conf (a speck read alone as a kanji).
    reread_lines: bool = True
    reread_reach_em: float = 0.3
    reread_widest_em: float = 1.5
    reread_unread_em: float = 1.0
    reread_lost_em: float = 0.25
    reread_max_line_em: float = 1.6
    reread_tie_em: float = 0.3
    reread_conf_gain: float = 5.0
    reread_min_conf: float = 70.0
    reread_cost_worse: float = 1000.0
    reread_cost_plain: float = 4000.0
    reread_cost_margin: float = 150.0
    # A second read of the unsure lines (extract/ocr/second_reads.py): a cell's text line whose
    # least sure character read below second_read_below is read again scaled by
    # second_read_scale (at most second_read_max_lines a page, the least sure first, all in one
    # tesseract call); a second read that differs beyond look-alikes makes the cell
    # ocr_suspect:<field>, quoting both reads (the text is changed only where a date or timing
    # cell's grammar takes the second read).  Measured live (tools/bench_second_reads.py, one
    # strip a page): 0-18 such lines a page, one more tesseract call costing +8-12% CPU per page
    # on the scan sample sets, +26% on the small print of samples/scan-ocr46; the cap bounds it.
    second_read: bool = True
    second_read_below: float = 95.0  # was 90: ⑥ for ⑤ read at 92-93, right at 1.5× (better_reads.py)
    second_read_scale: float = 1.5
    second_read_max_lines: int = 16
    # Finding the table pages: resolution of the quick look, the top share of a page read when
    # it has no grid, the vertical rulings that make a grid, and documents short enough to
    # read every page without looking first.
    find_dpi: int = 150
    find_band: float = 0.3
    # (vertical rulings: 4, a grid of three columns, as a column strip of a sheet too wide for its
    # page prints them (変更日 / 項目 / 変更前, then 変更後 / 提出時期 / 説明): at 5 such pages were
    # unruled and only the last header page was read, set XXI t02, session 60)
    min_grid_columns: int = 4
    find_all_below: int = 3
    # Two pages' grids are one table's when their column rulings agree within this (points).
    column_match_pt: float = 6.0
    # Orientation (extract/ocr/orient.py), measured on a copy with orient_cue_glyph_px glyphs:
    # gaps closed along a line (glyph heights) to join its characters (orient_line_em: its words,
    # for the flush votes); a page is upright by its cues when its lines run across by more than
    # orient_across_min (log of the elongation ratio; upright pages measured 1.2-2.6, pages turned
    # a quarter below -1) and, of at least orient_min_votes text lines with orient_flush_em more
    # white on one side of their cell, this share is flush left.  Else tesseract's OSD decides
    # with glyphs of orient_osd_glyph_px, when its confidence reaches orient_osd_min_conf.
    orient: bool = True
    orient_close_em: float = 0.6
    orient_line_em: float = 2.0
    orient_cue_glyph_px: float = 8.0
    orient_across_min: float = 0.5
    orient_flush_em: float = 1.0
    orient_min_votes: int = 4
    orient_flush_share: float = 0.7
    orient_osd_glyph_px: float = 12.0
    orient_osd_min_conf: float = 2.0
    # Flush votes count against the column rulings at least this share as long as the longest
    # (a Writer scan at 300 dpi: short strokes of lined-up text made 14 "rulings" for 7, text
    # stopping at them voted 7 to 3 for flush right, and the upright page was turned 180°).
    orient_ruling_share: float = 0.5
    # A page whose ink (darker than the paper by blank_contrast grey levels, seen at find_dpi)
    # covers less than this share is blank: skipped before any tesseract call.
    blank_contrast: int = 80
    blank_ink_share: float = 0.0005
    # A scanned PDF page (one JPEG) is first looked at decoded small, at about blank_quick_dpi
    # (libjpeg scales while decoding: milliseconds), where noise and specks average away and any
    # stroke of text darkens its pixels by more than blank_quick_contrast: a page with less
    # than blank_ink_share of such pixels is blank without rendering (extract/ocr/render.py).
    blank_quick_dpi: float = 25.0
    blank_quick_contrast: int = 30
    # A page called blank is looked at again for faint ink (a page copied or scanned too light:
    # ink 195-205 on paper 238-240): pixels darker than its paper by faint_contrast (seen at
    # find_dpi) on blank_ink_share of it are read, the page stretched (extract/ocr/faint_pages.py);
    # the quick look at a scanned PDF's JPEG calls no page blank with pixels darker than its
    # paper by blank_quick_faint_contrast there (it is rendered and judged).
    faint_contrast: int = 20
    blank_quick_faint_contrast: int = 12
    # A page whose coloured marks made paper before reading (extract/ocr/colour_ink.py: stamps,
    # seals, and any coloured text not shaped as lines of glyphs) cover at least this share of
    # it says so in a note (a 0.7 in seal: ~0.1% of an A4 page; two red kanji: ~0.02%).
    colour_note_share: float = 0.0001
    # Full-width letters, digits and punctuation advance one em (the kanji pitch), half-width
    # ones about half: a run is full width from this advance per character (in ems) on.  Ink
    # starts this far inside its box (side bearing) where a line's edge stands for a neighbour.
    full_advance_em: float = 0.8
    bearing_em: float = 0.1
    # At a line's edge a single character's ink edge is a rougher guide (digits sit mid-box):
    # this threshold.  A neighbour further than neighbour_gap_em (ink to ink) is across a space.
    edge_full_advance_em: float = 0.6
    neighbour_gap_em: float = 1.0
    # On the image, characters are matched to their ink in ems of this many glyph heights (the
    # kanji pitch over the median glyph's height).
    em_per_glyph: float = 1.15
    # A bracket or stop with this much white (ems) towards its Japanese neighbour is full width
    # (full-width ones leave 0.4-0.7 em, half-width ones 0.1-0.25).
    full_white_em: float = 0.32
    # A colon between Japanese and Latin text (電話：0123) is full width from this white on its two
    # sides together (ems; full 0.86-1.25, half 0.35-0.65: extract/ocr/widths.py colon_width).
    colon_full_white_em: float = 0.75
    # A width measure this far (in ems) from its threshold is sure; a lone digit measured closer
    # takes the width most sure digit runs of the page have.
    sure_margin_em: float = 0.08
    # A date line whose boxes stray (not set to their ink) takes its digits' width from its
    # length (full: one em per character; half: half an em per digit and extent_latin_white_em
    # where digits meet Japanese text) when that length lies extent_margin of the gap between
    # the two past their midpoint (extract/ocr/widths._extent_width).
    extent_margin: float = 0.2
    extent_latin_white_em: float = 0.25
