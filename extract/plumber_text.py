"""pdfplumber's ``page.extract_text()`` text → column-positioned (``-layout``-like) text.

What pdfplumber prints (0.11, default tolerances): the characters of a page grouped into lines by
their top, ordered by x, with one space wherever the gap between two characters exceeds
``x_tolerance`` (3 pt).  One text line therefore holds the fragments of every cell printed at that
height, side by side, each separated by a single space, with no column positions (unlike
``pdftotext -layout``); pages are joined by form feeds.

This module recognises that order (``is_plumber_text``) and cuts each line into its cells'
fragments (``plumber_to_layout``): every fragment is given one of the six columns, in the line's
order, by a scored choice (``_place_line``) from what is known of how the table is printed:

- the 変更日 column holds only dates (or a date's wrapped tail), 提出時期 only 事前 / 事後;
- what follows 事前 / 事後 on a line can only be the explanation (the last column);
- a cell's lines are contiguous: a column printed on the line above goes on when its fragment
  there filled the column's width (a soft wrap), and a line whose item fragment opens a section
  heading (Ⅰ…Ⅶ) starts a row, where every column may start anew;
- a fragment no wider than the column's width (the widest fragment the column takes on the lines
  whose placement is certain: as many fragments as free columns).

The placed fragments are written at fixed character offsets, one column after another, so that
the ``-layout`` grid reader (``normalize/grid``) reads them.  A line whose best placement is not
clearly better than the next (``PLACEMENT_MARGIN``) keeps its words' ``guess`` (the grid makes it
``column_guess`` on the cell), and the reading notes how many lines were placed by guess.  Every
character is kept: a placement never drops a fragment.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from piatable.extract import plumber_between, plumber_cells, plumber_items
from piatable.extract.plumber_between import HEADING_BESIDE_CELLS_MIN_LINES
from piatable.extract.plumber_cells import opens_phrase, twin_joins
from piatable.extract.plumber_dates import is_date_piece, unglue_dates
from piatable.extract.plumber_glued import WIDTH_SLACK, cut_cost, glued_cuts
from piatable.extract.plumber_labels import (
    header_cells,
    label_block,
    label_tail_cells,
    opens_labels,
    printed_by_top,
)
from piatable.extract.plumber_widths import certain_widths
from piatable.extract.plumber_write import COLUMNS, Placed, write_layout
from piatable.normalize.chars import display_width
from piatable.normalize.date_prefixes import is_date_prefix
from piatable.normalize.dates import DATE_ANNEX, is_date_head, is_date_line
from piatable.normalize.hygiene import has_font_run_spaces
from piatable.normalize.side_ties import side_tie, twin_ends
from piatable.vocabulary import (
    heading_key,
    is_header_line,
    is_page_number,
    is_title,
    lexicon,
)

# Recognition: share of non-blank lines holding three or more single-space-separated fragments
# (pdfplumber texts of set X: 0.28–0.47; pdfminer / plain / -raw / pypdfium2: at most 0.19).
PLUMBER_MULTI_FRAGMENT_SHARE = 0.25
PLUMBER_MIN_LINES = 8
# ... and that share holding two or more fragments of ``SIDE_FRAGMENT_WIDTH`` (display width) side
# by side (set X's pdfplumber texts: 0.31–0.54; -raw / pypdfium2 texts of the samples without
# font-run spaces: at most 0.22: they print a multi-line cell's lines apart).
PLUMBER_SIDE_BY_SIDE_SHARE = 0.25
SIDE_FRAGMENT_WIDTH = 12
# ... both shares when the label row is wrapped and printed in the order of the lines' tops
# (``plumber_labels.printed_by_top``: pdfplumber's order; Writer tables of set IX: 0.20–0.28,
# a Calc table with centred labels 0.12; -raw / pypdfium2 / pdfminer texts of the samples whose
# label pieces go back a column: at most 0.05).
PLUMBER_TOP_ORDER_SHARE = 0.10
# Labels printed side by side on one line of the label row (pdfplumber prints a row's labels, or
# their first or last lines, on one line; an extractor in stream order prints a wrapped label's
# lines one under the other).
LABELS_SIDE_BY_SIDE = 3
# The six columns, in printed order.
DATE, ITEM, BEFORE, AFTER, TIMING, EXPLANATION = range(6)
# A fragment this close (display width) to its column's width filled it: its text wraps on (a
# character and a half: 4 took a one-line explanation two characters short of its column for
# wrapping, sets VIII / X).
FULL_SLACK = 3
# Costs of a placement (``_place_line``).
COST_TOO_WIDE = 20.0  # a fragment wider than its column's known width
COST_WRONG_KIND = 30.0  # a non-date in the 変更日 column, not 事前/事後 in 提出時期
COST_TIMING_ELSEWHERE = 6.0  # 事前 / 事後 given to a text column
COST_DATE_ELSEWHERE = 2.0  # a date opening the line given to a text column
COST_TIMING_PIECE_ELSEWHERE = 1.0  # a lone 事 / 前 / 後 (a wrapped 事前 / 事後) in a text column
# ... a lone 前 / 後 under a 事 printed in 提出時期 on the line above (Gnumeric stacks 事前 / 事後 one
# character a line in a narrow column: set XIV's t07, whose 後 went on a full 変更前 line).
COST_TIMING_REST_ELSEWHERE = 5.0
COST_WRAP_BROKEN = 4.0  # a column that filled its width on the line above gets nothing here
# ... a share of it when that fragment ends a sentence or a bracket (the cell may end there).
CLOSED_WRAP_SHARE = 0.5
_CLOSING = ("。", "）", "」", "』", "＞", ")")
COST_NEW_COLUMN = 1.5  # a column not printed on the line above starts (not at a row start)
COST_NOT_CONTINUED = 3.0  # a fragment that opens no cell, in a column not wrapping from above
COST_HEADING_ELSEWHERE = 1.0  # a heading of the forms given to another column than 項目
# A fragment opening with a section numeral (Ⅰ…Ⅶ: an item path's first line) in another column
# (as a heading of the forms: 2.0 read set X's tuning texts better, but took a warning off a held-out
# row that an earlier change had made wrong).
COST_SECTION_ELSEWHERE = 1.0
# ... a section's numeral with its heading as the forms print it (``Ⅰ基本情報``: plumber_items.
# is_section_heading), alone on its line (or beside a date): a row's first 項目 line, where cells
# aligned to the bottom or centred print the item's first lines above the others'.
COST_SECTION_HEADING_ELSEWHERE = 4.0
# The form's words for an addition or a deletion stand in 変更後の記載 (DESIGN.md §1).
COST_AFTER_WORD_ELSEWHERE = 1.0
# ``上記を新規追加`` on a line of its own says the after cell's lines above it are new: it ends an
# after cell (more than a wrap broken in another column, ``COST_WRAP_BROKEN``).
COST_ADDED_ABOVE_ELSEWHERE = 5.0
# The line's first cell fragment carries the row's 項目 path on (``plumber_items.goes_on``: a
# heading of the forms under the open path, or a wrapped heading's rest) in another column: more
# than a wrap broken elsewhere (``COST_WRAP_BROKEN``): pdfplumber prints a wrapped item's later
# lines beside whatever other cells print at their height, or alone.
COST_ITEM_PATH_ELSEWHERE = 5.0
# ... and a fragment that is no heading given to 項目 under a path that has closed
# (``plumber_items.closed``: its last heading closes an item of the forms), or a sentence or list
# line under any path (``plumber_items.is_prose``).
COST_ITEM_CLOSED = 2.0
# Both 変更前 and 変更後 printed on the line above and only one goes on: 変更後, the longer of
# the two where a change adds text (a tie-breaker; the line stays a guess).
COST_BEFORE_GOES_ON_ALONE = 0.2
COST_JOINED = 3.0  # two fragments given to one column (a space inside a cell)
COST_JOINED_LATIN = 0.5  # ... when the space stands between Latin letters or digits
# A row's first line without one of its top-aligned text columns: every row has an explanation,
# a before cell is empty in an addition, an after cell in a deletion.
COST_ROW_START_MISSING = {BEFORE: 0.5, AFTER: 0.7, EXPLANATION: 2.0}
# A line whose best placement costs less than this more than the next is placed by guess.
PLACEMENT_MARGIN = 1.0
# Placements of the whole text: the first with the forced lines' widths, each next with the
# widths the one before gave the columns.
WIDTH_PASSES = 3
# A row's first line in doubt is placed with up to this many of its next lines, its readings
# within ``LOOKAHEAD_WINDOW`` of the cheapest (at most ``LOOKAHEAD_READINGS`` + 1) each weighed.
LOOKAHEAD_LINES = 6
LOOKAHEAD_WINDOW = 2.0
LOOKAHEAD_READINGS = 3
# At most this many fragments on a line are placed by search (more: kept in order, by guess).
MAX_SEARCHED_FRAGMENTS = 14

_TIMINGS = frozenset({"事前", "事後"})
# 事前 / 事後 wrapped in a narrow 提出時期 column, a character a line.
_TIMING_PIECES = frozenset({"事", "前", "後"})
# A bracketed note under 事前 / 事後 in the 提出時期 cell (``（重要な`` / ``変更）``: set XII's w5,
# plumber51), or its wrapped pieces: 提出時期's own, under a line that put text there.
_TIMING_NOTE = regex.compile(r"^(?:[（(][^）)]{1,8}[）)]?|[^（(）)]{1,8}[）)])$")
_ADDED_ABOVE = "上記を新規追加"
_AFTER_WORDS = frozenset({"新規追加", _ADDED_ABOVE, "削除"})
_ROW_START = regex.compile(r"^[ⅠⅡⅢⅣⅤⅥⅦ]")
_DATE_TAIL = regex.compile(rf"^[0-9０-９]{{0,2}}月?[0-9０-９]{{1,2}}日(?:{DATE_ANNEX})?$")  # 1日（水）
_ANNEX_END = regex.compile(rf"(?<=日)(?:{DATE_ANNEX})$")
# Opens no cell: hiragana (but the particles that open no sentence either way), small kana, closing
# punctuation (kinsoku: no line starts with them).
_CONTINUATION = regex.compile(r"^[\p{Hiragana}、。，．）」』】〕ー]")
_NUMBERED = regex.compile(r"^(?:[ⅠⅡⅢⅣⅤⅥⅦ]|[0-9０-９]{1,2}[．.]|[①-⑳]|[（(][0-9０-９]{1,2}[．.])")
# A heading key shorter than this (characters) is not matched against the forms' headings; a
# numbered one (``②監査``, ``１．監査``) is matched from this length.
HEADING_MIN_CHARS = 3
NUMBERED_HEADING_MIN_CHARS = 2
# The name of a specific personal information file as the forms print it in an item's path,
# on a line of its own: ``（１．住民基本台帳ファイル）`` (a before / after cell numbers a list ``（１）``).
_FILE_NAME = regex.compile(r"^[（(][0-9０-９]{1,2}[．.][^）)]*(?:[）)]|$)")
# A date wrapped after its separator, its year or before 日 (``2024/4/`` over ``1``, ``令和６年４月１``
# over ``日``, ``令和6年`` over ``10月1`` over ``日``): the pieces under it.
_DIGITS_TAIL = regex.compile(r"^(?:[0-9０-９]{1,2}日?|[0-9０-９]{1,2}月[0-9０-９]{0,2}日?|日)$")
_LIST_LABEL = regex.compile(r"^(?:[\uf0b7\uf0a7•▪■◆◇●]|[0-9０-９]{1,2}[.．])$")
# A heading's number alone (``①``, ``Ⅳ``): the full-width space typed after it in an item
# (``①　自己点検``, ``Ⅰ　基本情報``) prints as a gap pdfplumber makes a space of (set XII's c2, w2;
# plumber51).  The section heading a row's line then opens with is no width of 項目
# (plumber_widths.certain_widths).
_HEADING_NUMBER = regex.compile(r"^(?:[ⅠⅡⅢⅣⅤⅥⅦ]|[①-⑳])$")
_LATIN_END = regex.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]$")
_LATIN_START = regex.compile(r"^[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]")


def _fragments(line: str) -> list[str]:
    """A line's space-separated fragments, a list label standing alone (Writer draws a List
    Bullet's or List Number's label apart from its text: ``\uf0b7 住民記録の異動``, ``1. 住民…``)
    or a heading's number alone (``① 自己点検``, ``Ⅰ 基本情報``) kept with the fragment after it."""
    out: list[str] = []
    for frag in (f for f in line.strip().split(" ") if f):
        if out and (_LIST_LABEL.match(out[-1]) or _HEADING_NUMBER.match(out[-1])):
            out[-1] = f"{out[-1]} {frag}"
        else:
            out.append(frag)
    return out


def is_plumber_text(text: str) -> bool:
    """True for pdfplumber ``extract_text()`` text of an amendment table: no column gaps of two
    spaces (those make layout text), no font-run spaces, a column-label row with three or more
    labels side by side on a line (``plumber_labels.label_block``: on one line or wrapped over
    several), and, over the lines from that label row on (the table: a whole assessment's cover
    and prose before it print one paragraph line a line), ``PLUMBER_MULTI_FRAGMENT_SHARE`` of
    the non-blank lines holding three or more fragments and ``PLUMBER_SIDE_BY_SIDE_SHARE`` two
    long ones side by side."""
    lines = [ln for ln in text.replace("\f", "\n").split("\n") if ln.strip()]
    if len(lines) < PLUMBER_MIN_LINES or any("  " in ln.strip() or "\t" in ln for ln in lines):
        return False
    # pdftotext -raw and pypdfium2 put single spaces where the font changes (``2023 年 3``,
    # ``Ⅴ 開示請求``); pdfplumber only where characters stand apart.
    if has_font_run_spaces(text):
        return False
    frags = [_fragments(ln) for ln in lines]
    first = _first_label_row(frags)
    if first is None:
        return False
    body = frags[first:]
    if len(body) < PLUMBER_MIN_LINES:
        return False
    multi = sum(len(f) >= 3 for f in body) / len(body)
    side = sum(sum(display_width(x) >= SIDE_FRAGMENT_WIDTH for x in f) >= 2 for f in body) / len(body)
    if printed_by_top(label_block(frags, first) or []):
        return multi >= PLUMBER_TOP_ORDER_SHARE and side >= PLUMBER_TOP_ORDER_SHARE
    if side >= PLUMBER_SIDE_BY_SIDE_SHARE and multi >= plumber_between.CENTRED_MULTI_FRAGMENT_SHARE:
        undated = [f[1:] if f and is_date_line(f[0]) else f for f in body]
        beside = plumber_between.headings_beside_cells(undated, _is_heading)  # centred cells (plumber51)
        return multi >= PLUMBER_MULTI_FRAGMENT_SHARE or beside >= HEADING_BESIDE_CELLS_MIN_LINES
    return False


def _first_label_row(frags: list[list[str]]) -> int | None:
    """The index of the first line opening a label row with ``LABELS_SIDE_BY_SIDE`` or more
    pieces on one of its lines, or None."""
    for i in range(len(frags)):
        block = label_block(frags, i)
        if block is not None and max(len(cells) for cells in block) >= LABELS_SIDE_BY_SIDE:
            return i
    return None


@dataclass
class _State:
    widths: dict[int, int]
    above: dict[int, str] = field(default_factory=dict)
    # The 項目 lines of the row so far (from the line that opened it with Ⅰ…Ⅶ).
    item: tuple[str, ...] = ()
    # The line's neighbouring fragments printed side by side on a line near it (plumber_cells).
    pairs: frozenset[tuple[str, str]] = frozenset()

    def placed(self, cells: dict[int, str], row_start: bool) -> None:
        """The line above is now ``cells`` (added to it for a line between a taller cell's lines:
        ``plumber_between``); the row's item lines go on (or start anew)."""
        if not row_start and plumber_between.between(cells, self.above, _wrapping(self)):
            self.above = {**self.above, **cells}
            return
        self.above = cells
        if row_start:
            self.item = (cells[ITEM],) if ITEM in cells else ()
        elif ITEM in cells and self.item:
            self.item = (*self.item, cells[ITEM])


@lru_cache(maxsize=65536)  # asked of every fragment in every reading of its line
def _continues(frag: str) -> bool:
    """A fragment that cannot open a cell or a paragraph: it goes on from the line above."""
    return bool(_CONTINUATION.match(frag))


@lru_cache(maxsize=4096)
def _is_heading(frag: str) -> bool:
    """A fragment that is a heading of the forms (``pia_headings.tsv``), or the first line of one
    wrapped in the 項目 column (numbered, and the start of a heading's words)."""
    if _FILE_NAME.match(frag):
        return True
    key = heading_key(frag)
    numbered = bool(_NUMBERED.match(frag))
    if len(key) < (NUMBERED_HEADING_MIN_CHARS if numbered else HEADING_MIN_CHARS):
        return False
    if key in lexicon():
        return True
    # A heading wrapped inside its bracket (``５．特定個人情報の提供・移転（委託に伴``): the
    # words before the bracket.
    head = regex.sub(r"[（(][^）)]*$", "", frag)
    if head != frag and numbered:
        key = heading_key(head)
    return numbered and len(key) >= NUMBERED_HEADING_MIN_CHARS and any(k.startswith(key) for k in lexicon())


@lru_cache(maxsize=1 << 16)
def _kind_cost(
    col: int, frag: str, index: int, date_above: bool = False, alone: bool = False, timing_above: bool = False
) -> float:
    """What a column takes: dates (or a date's tail) in 変更日, 事前/事後 in 提出時期 (``alone``:
    the line's one fragment beside a date, if any).  Pure, so its answers are kept: a line's
    readings ask it for every fragment in every column, some 880,000 times over 80 sample texts."""
    dateish = is_date_line(frag) or is_date_head(frag) or bool(_DATE_TAIL.match(frag))
    dateish = dateish or (index == 0 and is_date_prefix(frag))  # 第４版 over its date (date_prefixes)
    dateish = dateish or (date_above and (bool(_DIGITS_TAIL.match(frag)) or is_date_piece(frag)))
    if col == DATE:
        return 0.0 if dateish and index == 0 else COST_WRONG_KIND
    if col == TIMING:
        ok = frag in _TIMINGS or frag in _TIMING_PIECES or (timing_above and bool(_TIMING_NOTE.match(frag)))
        return 0.0 if ok else COST_WRONG_KIND
    if frag in _TIMINGS:
        return COST_TIMING_ELSEWHERE
    if frag in _TIMING_PIECES:
        return COST_TIMING_PIECE_ELSEWHERE
    if index == 0 and dateish:
        return COST_DATE_ELSEWHERE
    if col != ITEM and _ROW_START.match(frag):
        section = alone and plumber_items.is_section_heading(frag)
        return COST_SECTION_HEADING_ELSEWHERE if section else COST_SECTION_ELSEWHERE
    if col != ITEM and _is_heading(frag):
        return COST_HEADING_ELSEWHERE
    if col != EXPLANATION and opens_phrase(frag):
        return plumber_cells.COST_PHRASE_ELSEWHERE
    if col != AFTER and frag == _ADDED_ABOVE:
        return COST_ADDED_ABOVE_ELSEWHERE
    if col != AFTER and frag in _AFTER_WORDS:
        return COST_AFTER_WORD_ELSEWHERE
    return 0.0


def _item_cost(frags: list[str], cols: tuple[int, ...], state: _State, row_start: bool) -> float:
    """What the row's item path (``plumber_items``) says of the line's first cell fragment (the
    first, or the one after a date, wherever the reading puts the date): it carries the path on
    (``COST_ITEM_PATH_ELSEWHERE`` when given another column), or the path has closed
    (``COST_ITEM_CLOSED`` when given 項目)."""
    if row_start or not state.item:
        return 0.0
    dated = cols[0] == DATE or _kind_cost(DATE, frags[0], 0, DATE in state.above) == 0.0
    i = 1 if len(frags) > 1 and dated else 0
    frag, col = frags[i], cols[i]
    if col != ITEM and plumber_items.goes_on(state.item, frag):
        return COST_ITEM_PATH_ELSEWHERE
    if col == ITEM and (plumber_items.closed(state.item, frag) or plumber_items.is_prose(frag)):
        return COST_ITEM_CLOSED
    return 0.0


def _cost(frags: list[str], cols: tuple[int, ...], state: _State, row_start: bool) -> float:
    cost = _item_cost(frags, cols, state, row_start)
    twins = twin_joins(frags, cols) if BEFORE in cols and AFTER in cols else set()
    alone = len(frags) == 1 or (len(frags) == 2 and cols[0] == DATE)
    cost += plumber_cells.COST_TWIN_APART * plumber_cells.twins_apart(frags, cols)
    date_above, timing_above = DATE in state.above, TIMING in state.above
    ji_above = state.above.get(TIMING) == "事"
    by_col: dict[int, list[str]] = {}  # each column's fragments, in line order
    for i, (frag, col) in enumerate(zip(frags, cols, strict=True)):
        by_col.setdefault(col, []).append(frag)
        cost += _kind_cost(col, frag, i, i == 0 and date_above, alone, timing_above)
        if col != TIMING and frag in ("前", "後") and ji_above:
            cost += COST_TIMING_REST_ELSEWHERE
        if i and cols[i - 1] == col:
            latin = _LATIN_END.search(frags[i - 1]) and _LATIN_START.search(frag)
            paired = i in twins or (frags[i - 1], frag) in state.pairs
            cost += COST_JOINED_LATIN if latin else plumber_cells.COST_JOINED_TWIN if paired else COST_JOINED
        elif i and (frags[i - 1], frag) in state.pairs:
            cost += plumber_cells.COST_PAIR_APART
        if col not in state.above and not row_start and col not in (DATE, TIMING):
            cost += COST_NEW_COLUMN if not (i and cols[i - 1] == col) else 0.0
        if (
            col in (BEFORE, AFTER, EXPLANATION)  # an item path's ②… is a heading (plumber_items)
            and plumber_cells.opens_later_number(frag)
            and _was_full(state, col)
            and not (i and cols[i - 1] == col)
        ):
            cost += 0.0 if state.above[col].endswith(_CLOSING) else plumber_cells.COST_NUMBERED_MID_SENTENCE
        if _continues(frag) and not (i and cols[i - 1] == col) and not _was_full(state, col):
            if not (col == ITEM and plumber_items.wraps_heading(state.item, frag)):
                cost += COST_NOT_CONTINUED
    for col in set(cols):
        if twins and col in (BEFORE, AFTER):
            continue  # the same line printed in both: its width is the cells' own (an estimate's no test)
        text = " ".join(by_col[col])
        text = _ANNEX_END.sub("", text) if col == DATE else text  # widths are measured on dates
        width = state.widths.get(col)
        if width is not None and display_width(text) > width + WIDTH_SLACK:
            cost += COST_TOO_WIDE
    if BEFORE in cols and AFTER not in cols and BEFORE in state.above and AFTER in state.above:
        cost += COST_BEFORE_GOES_ON_ALONE
    if row_start:
        cost += sum(c for col, c in COST_ROW_START_MISSING.items() if col not in cols)
    elif not plumber_between.between(cols, state.above, _wrapping(state)):
        for col, text in state.above.items():
            if _was_full(state, col) and col not in cols and col not in (DATE, TIMING):
                closed = text.endswith(_CLOSING)
                cost += COST_WRAP_BROKEN * (CLOSED_WRAP_SHARE if closed else 1.0)
    return cost


def _was_full(state: _State, col: int) -> bool:
    """Column ``col``'s fragment on the line above filled the column's width (it wraps on).  A
    before and an after cell printing the same line above (a change keeps a cell's first lines)
    are both full when either is: their widths are estimates, and a line alike in both says
    nothing of which of the two goes on."""
    if _filled(state, col):
        return True
    twin = {BEFORE: AFTER, AFTER: BEFORE}.get(col)
    return twin is not None and state.above.get(twin) == state.above.get(col) and _filled(state, twin)


def _wrapping(state: _State) -> list[int]:
    """The columns of the line above whose fragment filled the column's width (``_was_full``)."""
    return [col for col in state.above if _was_full(state, col)]


def _filled(state: _State, col: int) -> bool:
    text, width = state.above.get(col), state.widths.get(col)
    return text is not None and width is not None and display_width(text) >= width - FULL_SLACK


def _readings(frags: list[str], state: _State) -> list[tuple[float, dict[int, str]]]:
    """The line's placements (non-decreasing columns in line order, also of its glued fragments
    cut, ``plumber_glued.glued_cuts``), cheapest first, each distinct reading once: (cost, column → text)."""
    row_start = any(_ROW_START.match(f) for f in frags[:2])
    scored = sorted(
        (_cost(pieces, cols, state, row_start) + extra + cut_cost(cut, cols, state.widths), cols, pieces)
        for pieces, extra, cut in glued_cuts(frags, state.widths, MAX_SEARCHED_FRAGMENTS, _is_heading)
        for cols in itertools.combinations_with_replacement(range(COLUMNS), len(pieces))
    )
    out: list[tuple[float, dict[int, str]]] = []
    for cost, cols, pieces in scored:
        cells = _cells_of(pieces, cols)
        if all(cells != c for _, c in out):
            out.append((cost, cells))
            if len(out) > LOOKAHEAD_READINGS:
                break
    return out


def _place_line(frags: list[str], state: _State, following: list[list[str]] | None = None) -> Placed:
    """The cheapest placement of a line's fragments (``_readings``), and whether the next
    cheapest comes within ``PLACEMENT_MARGIN``.  A row's first line in doubt is placed with the
    row's next lines (``following``): each of its readings within ``LOOKAHEAD_WINDOW`` of the
    cheapest costs what it costs plus the cheapest placements of those lines under it (a cell
    that starts on the row's first line goes on below it, one that does not, does not start
    lower down: ``COST_NEW_COLUMN``, ``COST_WRAP_BROKEN``)."""
    row_start = any(_ROW_START.match(f) for f in frags[:2])
    if len(frags) > MAX_SEARCHED_FRAGMENTS:
        return Placed({ITEM: " ".join(frags)}, f"{len(frags)} fragments on one line, kept in 項目")
    readings = _readings(frags, state)
    by_row = bool(following) and len(readings) > 1 and readings[1][0] - readings[0][0] < PLACEMENT_MARGIN
    if by_row:
        near = [(c + _row_cost(cells, following or [], state.widths), cells) for c, cells in readings]
        readings = sorted(
            (r for r, (c, _) in zip(near, readings, strict=True) if c - readings[0][0] <= LOOKAHEAD_WINDOW),
            key=_first,
        )
    best_cost, cells = readings[0]
    placed = Placed(cells, row_start=row_start, by_row=by_row)
    # A reading chosen by its row's next lines stays a guess: they were placed by the same costs.
    twins = len(readings) > 1 and twin_ends(cells, readings[1][1], (BEFORE, AFTER, EXPLANATION))
    if len(readings) > 1 and (by_row or readings[1][0] - best_cost < PLACEMENT_MARGIN) and not twins:
        rival_cost, rival = readings[1]
        tie = side_tie(cells, rival, BEFORE, AFTER) if rival_cost > best_cost else ""
        placed.guess = (
            f"pdfplumber text line {' '.join(frags)[:40]!r}: fragments placed in columns"
            f" {sorted(cells)} (cost {best_cost:.1f}) rather than {sorted(rival)} ({rival_cost:.1f})"
        ) + (f": {tie}" if tie else "")
    return placed


def _first(reading: tuple[float, dict[int, str]]) -> float:
    return reading[0]


def _row_cost(cells: dict[int, str], following: list[list[str]], widths: dict[int, int]) -> float:
    """The cost of the cheapest placements of a row's next lines under a first line read as
    ``cells``, each line under the one before."""
    state, total = _State(widths), 0.0
    state.placed(dict(cells), True)
    for frags in following:
        cost, above = _readings(frags, state)[0]
        state.placed(above, False)
        total += cost
    return total


def _cells_of(pieces: list[str], cols: tuple[int, ...]) -> dict[int, str]:
    """Column → its text (pieces given one column joined by a space)."""
    cells: dict[int, str] = {}
    for frag, col in zip(pieces, cols, strict=True):
        cells[col] = f"{cells[col]} {frag}" if col in cells else frag
    return cells


def plumber_to_layout(text: str) -> tuple[str, list[str], dict[tuple[int, int], str]]:
    """The text rewritten with each column at a fixed offset; the reading's notes; and the
    guesses by (page index, line index) for the words of lines placed by guess."""
    pages = [unglue_dates([_fragments(ln) for ln in page.split("\n")]) for page in text.split("\f")]
    widths = certain_widths(pages)
    for _ in range(WIDTH_PASSES - 1):
        # The forced lines may hold only short fragments of a column: its widest fragment as
        # the placement gives it is a better width for the next pass.
        widths = _placed_widths(_place_pages(pages, widths), widths)
    return write_layout(_place_pages(pages, widths), widths)


def _placed_widths(placed_pages: list[list[Placed | None]], widths: dict[int, int]) -> dict[int, int]:
    """Each column's widest text among the placed (table) lines, at least its width so far: only
    lines placed with certainty, and cells of one fragment (a line placed by guess, or two
    fragments joined in one column, may stand for two cells: one such wrong placement would
    widen its column past every other line, set IX's Calc texts)."""
    out = dict(widths)
    for p in (p for lines in placed_pages for p in lines if p is not None and not p.raw and not p.header):
        if p.guess or p.by_row:
            continue
        for col, t in p.cells.items():
            if " " not in t:
                out[col] = max(out.get(col, 0), display_width(t))
    return out


def _row_lines(lines: list[list[str]], li: int) -> list[list[str]]:
    """The lines after a row's first line ``li`` that go on in its row (up to
    ``LOOKAHEAD_LINES``: before the next row's first line, a label, page furniture or a blank),
    or none when line ``li`` opens no row."""
    if not any(_ROW_START.match(f) for f in lines[li][:2]):
        return []
    out: list[list[str]] = []
    for frags in lines[li + 1 : li + 1 + LOOKAHEAD_LINES]:
        joined = " ".join(frags)
        if not frags or any(_ROW_START.match(f) for f in frags[:2]) or len(frags) > MAX_SEARCHED_FRAGMENTS:
            break
        if is_header_line(joined) or is_page_number(joined) or is_title(joined):
            break
        out.append(frags)
    return out


def _place_pages(pages: list[list[list[str]]], widths: dict[int, int]) -> list[list[Placed | None]]:
    """Every line of every page placed (``_place_line``), page furniture and labels apart."""
    state = _State(widths)
    placed_pages: list[list[Placed | None]] = []
    header: dict[int, str] = {}
    labels_seen = False
    for lines in pages:
        out: list[Placed | None] = []
        prev_header = False
        # A page before the table's first label row (an assessment's cover and prose) is printed
        # as it is: its lines would widen the columns' widths of the next pass.
        none = 0 if labels_seen else len(lines)
        first_header = next((i for i in range(len(lines)) if opens_labels(lines, i)), none)
        labels_seen = labels_seen or first_header < len(lines)
        block: list[dict[int, str]] = []
        for li, frags in enumerate(lines):
            if not frags:
                out.append(None)
                continue
            if block:  # the further lines of a wrapped label row
                out.append(Placed(block.pop(0), header=True))
                continue
            joined = " ".join(frags)
            if li < first_header or is_page_number(joined) or is_title(joined):
                out.append(Placed(raw=joined))
                continue
            wrapped = label_block(lines, li)
            if wrapped is not None and len(wrapped) > 1:
                block = wrapped[1:]
                out.append(Placed(wrapped[0], header=True))
                prev_header, state.above = False, {}
                continue
            if is_header_line(" ".join(frags)):
                header = header_cells(frags)
                out.append(Placed(header, header=True))
                prev_header, state.above = True, {}
                continue
            tail = label_tail_cells(frags, header) if prev_header else None
            prev_header = False
            if tail is not None:
                out.append(Placed(tail, header=True))
                continue
            state.pairs = plumber_cells.repeated_pairs(lines, li)
            placed = _place_line(frags, state, _row_lines(lines, li))
            state.placed(placed.cells, placed.row_start)
            out.append(placed)
        placed_pages.append(out)
    return placed_pages
