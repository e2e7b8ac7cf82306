"""A watermark word printed once per page over the table, as flattened texts give it.

A document stamped with a large light word over each page (「案」, 「写」, 「社外秘」, 「複製禁止」,
「DRAFT」: Chromium's CSS watermark, a ``position: fixed`` block printed on every page, or
LibreOffice's PDF export option ``Watermark``) keeps the word in its text layer.  The PDF reader
leaves its glyphs out by their size (extract/watermark_glyphs.py); a flattened text has no sizes:
pypdfium2, ``pdftotext`` (-raw, -layout, plain), pdfminer, pdfplumber and PyMuPDF print the word
on a line of its own where the content stream or the page's geometry puts it (the page's first
line, between two cells, under the table), or glue it to a cell's line (``…連携の開始に伴う追加案``,
``…日まで 案事後``, ``社外秘ｅＬＴＡＸによる…``; session 65's new user: 9 rows wrong, unwarned).

A line is a watermark's when it is a short word standing alone (``WATERMARK_MAX_WIDTH``, spaces
aside) that is none of the table's own words (a timing, a date or number, a column label, the
title, a heading of the lexicon, 削除 / 新規追加 …, punctuation of a wrapped line's tail), and

* the same word stands alone at most once on each page and on at least ``MIN_PAGES`` pages of a
  text whose pages are marked (form feeds), or
* the word is one that documents print as a watermark (``vocabulary.WATERMARK_WORDS``) and stands
  alone at most once a page (a text of one page, or with no page marks: as many copies as the
  text has column-label rows, at least one).

Such lines are left out (blanked in ``-layout`` text, whose line numbers are the rows' places)
with a note counting them.  On a page without its lone copy, the word printed at a line's start
or end, or between spaces, is the page's copy glued to a cell's line: it is cut out, and the note
names the text around it (``GLUED_NOTE``) so that the row it lands in is warned
(``watermark_doubts``): a word cut at a line's edge may have been the cell's own.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from piatable.models import Doubt, RawRow
from piatable.vocabulary import (
    LABELS,
    TIMING_WORD,
    WATERMARK_WORDS,
    extra_column_role,
    heading_key,
    is_header_line,
    is_label_piece,
    is_title,
    lexicon,
)

from .chars import display_width
from .watermark_glyphs import GluedGlyph, label_pages, spread_words

# A watermark is a short word: at most this display width (full width 2), spaces aside
# (「複製禁止」 8, 「DRAFT」 5; a longer lone line is a cell's wrapped line).
WATERMARK_MAX_WIDTH = 8
# A word not in ``WATERMARK_WORDS`` is a watermark only when it stands alone on this many pages.
MIN_PAGES = 3
# ... and has at most this many characters, and stands at a similar place on each page: its
# line's share of its page's lines within this much.
GENERIC_MAX_CHARS = 2
SAME_PLACE_SHARE = 0.25
# A watermark word glued beside cells' lines with no lone copy: this long, on this many pages.
SET_APART_MIN_CHARS = 3
MIN_SET_APART = 2
_LABEL_CHARS = frozenset("".join(LABELS))
_KANA = regex.compile(r"[\p{Hiragana}ー]+")
# Characters of the line on each side of a glued copy named in the note (the row's witness).
CONTEXT_CHARS = 8
# ... of which one side alone names the row when it holds at least this many.
CONTEXT_MIN = 3
# Words of the table that stand alone on a line: never a watermark.
_FORM_WORDS = frozenset(
    {
        "削除",
        "新規追加",
        "追加",
        "変更",
        "修正",
        "なし",
        "無し",
        "同上",
        "有",
        "無",
        "該当なし",
        "記載なし",
        "上記",
    }
)
# A line with a digit, punctuation or a bracket is a number, a date or a wrapped line's tail.
_NOT_A_WORD = regex.compile(r"[\p{N}\p{P}\p{S}]")
_SPACES = regex.compile(r"[\s　]+")
# How a 項目 line's heading opens (①, ３．, Ⅱ, リスク２): a word glued before it is no cell's.
_HEADING_OPENING = r"[①-⑳]|[0-9０-９]{1,2}[．.]|[ⅠⅡⅢⅣⅤⅥ]|リスク[0-9０-９]"

LINES_NOTE = (
    "{n} lines holding only the watermark 「{word}」 (printed once per page over the table) were read"
    " as page furniture and left out"
)
SPREAD_NOTE = (
    "{n} lines holding one glyph each of the watermark 「{word}」 (printed turned over each page, a glyph"
    " a line) were read as page furniture and left out"
)
UNFOUND_NOTE = (
    "the glyph 「{glyph}」 of the watermark 「{word}」 on page {page} stands on no line of its own nor"
    " at one cell line's edge alone: it may be glued inside a cell's text, left as it is"
)
GLUED_NOTE = "watermark 「{word}」 glued to a cell's line on page {page} cut out: 「{left}|{right}」"
_GLUED = regex.compile(
    r"^watermark 「(?P<word>[^」]+)」 glued to a cell's line on page \d+ cut out: "
    r"「(?P<left>[^|]*)\|(?P<right>[^」]*)」$"
)
WHY = "the watermark 「{word}」 was cut out of this cell's line (it was glued to it): check the cell's text"


def _key(line: str) -> str:
    return _SPACES.sub("", line)


def could_be_watermark(key: str) -> bool:
    """Whether a lone line's text (spaces out) may be a watermark word: short and none of the
    table's own words (see the module's notes)."""
    if not key or display_width(key) > WATERMARK_MAX_WIDTH or _NOT_A_WORD.search(key):
        return False
    if key in _FORM_WORDS or TIMING_WORD.fullmatch(key) or is_title(key) or is_label_piece(key):
        return False
    return not is_header_line(key) and heading_key(key) not in lexicon()


def _page_count(pages: list[list[str]]) -> int:
    """The text's printed pages: its form-feed pages, or, with no form feed, the column-label rows."""
    if len(pages) > 1:
        return len(pages)
    return max(1, sum(1 for ln in pages[0] if is_header_line(ln)))


@lru_cache(maxsize=256)
def _in_headings(word: str) -> bool:
    """Whether ``word`` is printed in a heading of the form (a piece of a 項目 cell's line)."""
    return any(word in h for h in lexicon())


def _furniture_by_place(word: str, places: list[tuple[int, int]], pages: list[list[str]]) -> bool:
    """A word not in ``WATERMARK_WORDS`` is a watermark when it is short (``GENERIC_MAX_CHARS``),
    no piece of a column label (wrapped labels repeat on every page: 提 / 出 / 時), not kana alone
    (a wrapped line's tail: い, する), no extra column's label (番号, No) nor a piece of a heading of
    the form (概要, 委託: a 項目 cell's wrapped line), printed nowhere else in the text (追加's 加,
    令和), and stands alone on every one of at least ``MIN_PAGES``
    form-feed pages at a similar place (its line's share of the page within ``SAME_PLACE_SHARE``)."""
    if len(word) > GENERIC_MAX_CHARS or any(c in _LABEL_CHARS for c in word) or _KANA.fullmatch(word):
        return False
    if extra_column_role(word) or _in_headings(word):
        return False
    if len(pages) < MIN_PAGES or len(places) != len(pages):
        return False
    if sum(ln.count(word) for lines in pages for ln in lines) > len(places):
        return False  # printed in the table's text too: a word of its cells
    shares = [i / max(len(pages[p]), 1) for p, i in places]
    return max(shares) - min(shares) <= SAME_PLACE_SHARE


def watermark_words(pages: list[list[str]]) -> dict[str, set[tuple[int, int]]]:
    """The watermark words of a text's ``pages`` (lists of lines) and the (page, line) of each lone
    copy; empty when none.  A word standing alone twice on one page is a cell's."""
    lone: dict[str, list[tuple[int, int]]] = {}
    for p, lines in enumerate(pages):
        for i, ln in enumerate(lines):
            key = _key(ln)
            if could_be_watermark(key):
                lone.setdefault(key, []).append((p, i))
    count = _page_count(pages)
    out: dict[str, set[tuple[int, int]]] = {}
    # A text without form feeds: its pages told apart at its label rows (``watermark_glyphs.label_pages``).
    page_of = label_pages(pages[0]) if len(pages) == 1 else None
    count = max(count, page_of[-1] + 1) if page_of else count
    for word, places in lone.items():
        on_pages = [page_of[i] if page_of else p for p, i in places]
        if len(set(on_pages)) != len(on_pages) or len(places) > count:
            continue
        known = word in WATERMARK_WORDS or word.upper() in WATERMARK_WORDS
        if known or _furniture_by_place(word, places, pages):
            out[word] = set(places)
    for word, places in spelled_words(pages).items():
        out.setdefault(word, places)
    for word, places in spread_words(pages).places.items():
        out.setdefault(word, places)
    return out


def spelled_words(pages: list[list[str]]) -> dict[str, set[tuple[int, int]]]:
    """Watermark words of ``WATERMARK_WORDS`` in Latin letters printed one letter a line (a turned
    「DRAFT」: plain ``pdftotext`` gives ``T`` / ``F`` / ``A`` / ``R`` / ``D`` on consecutive lines,
    ``-layout`` each letter on a line of its own further down the page), in either order, and the
    (page, line) of each letter: a run of such lines, or all of a page's, spelling the word; at
    most one a page."""
    out: dict[str, set[tuple[int, int]]] = {}
    for p, lines in enumerate(pages):
        letters = [i for i, ln in enumerate(lines) if len(k := _key(ln)) == 1 and k.isascii() and k.isalpha()]
        runs = [[i for i in letters if lo <= i <= hi] for lo, hi in _runs(letters)] + [letters]
        for run in runs:
            spelled = "".join(_key(lines[k]) for k in run).upper()
            hit = next((w for w in (spelled, spelled[::-1]) if len(run) >= 2 and w in WATERMARK_WORDS), None)
            if hit is not None:
                out.setdefault(hit, set()).update((p, k) for k in run)
                break
    return {w: places for w, places in out.items() if len(places) == len(w) * len({p for p, _ in places})}


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """The runs of consecutive numbers in ``indexes`` (sorted) as (first, last)."""
    out: list[tuple[int, int]] = []
    for i in indexes:
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _glued(line: str, word: str) -> tuple[int, int] | None:
    """Where ``word`` is glued to ``line``'s text: at its start or end, or between spaces (start,
    end offsets), or None."""
    body = line.rstrip()
    start = len(line) - len(line.lstrip())
    if body.strip() == word:
        return None
    if line.startswith(word, start):
        return start, start + len(word)
    if body.endswith(word):
        return len(body) - len(word), len(body)
    m = regex.search(rf"(?<=\s){regex.escape(word)}|{regex.escape(word)}(?=\s)", line)
    return (m.start(), m.end()) if m else None


def _cut(lines: list[str], i: int, at: tuple[int, int], blank: bool) -> tuple[str, str]:
    """Cut the copy at ``at`` out of ``lines[i]`` (spaces in its place with ``blank``); returns the
    text on its left and right (``CONTEXT_CHARS`` each, spaces out)."""
    ln, (a, b) = lines[i], at
    lines[i] = ln[:a] + (" " * (b - a) if blank else "") + ln[b:]
    return _key(ln[:a])[-CONTEXT_CHARS:], _key(ln[b:])[:CONTEXT_CHARS]


def strip_watermark_lines(text: str, blank: bool = False) -> tuple[str, list[str]]:
    """``text`` without the lines of its watermark words (blanked with ``blank``: ``-layout`` text)
    and without a page's copy glued to a cell's line, and the notes saying so (unchanged, no note,
    when it has none)."""
    pages = [page.split("\n") for page in text.split("\f")]
    words = watermark_words(pages)
    notes: list[str] = [_cut_glyph(pages, cut, blank) for cut in set_apart_copies(pages, set(words))]
    if not words:
        out = "\f".join("\n".join(lines) for lines in pages)
        return (out, notes) if notes else (text, [])
    found = spread_words(pages)
    spread = found.places
    for cut in (c for c in found.glued if spread.get(c.word) == words.get(c.word)):
        notes.append(_cut_glyph(pages, cut, blank))
    notes += [
        UNFOUND_NOTE.format(word=w, page=p, glyph=g)
        for w, p, g in found.unfound
        if spread.get(w) == words.get(w)
    ]
    for word, places in words.items():
        for p, i in places:
            pages[p][i] = " " * len(pages[p][i]) if blank else "\0"
        said = SPREAD_NOTE if spread.get(word) == places and not word.isascii() else LINES_NOTE
        notes.append(said.format(n=len(places), word=word))
        seen = {p for p, _ in places}
        for p, lines in enumerate(pages):
            if p in seen and len(pages) > 1:
                continue
            hits = [(i, at) for i, ln in enumerate(lines) if ln != "\0" and (at := _glued(ln, word))]
            if len(hits) != 1 or (len(pages) == 1 and len(places) >= _page_count(pages)):
                continue
            left, right = _cut(lines, hits[0][0], hits[0][1], blank)
            notes.append(GLUED_NOTE.format(word=word, page=p + 1, left=left, right=right))
    out = "\f".join("\n".join(ln for ln in lines if ln != "\0") for lines in pages)
    return out, notes


def set_apart_copies(pages: list[list[str]], taken: set[str]) -> list[GluedGlyph]:
    """Copies of a word of ``WATERMARK_WORDS`` (``SET_APART_MIN_CHARS`` or more, none of ``taken``)
    that never stands alone but on each of at least ``MIN_SET_APART`` printed pages (a text of one
    page: on it) stands once beside a cell's line, set apart by spaces on both sides (PyMuPDF's
    sorted text of a turned 「取扱注意」: ``③対象となる本人の範囲  取扱注意``; or on its left only,
    before a 項目 line's heading, which no word precedes in its cell: pypdf's layout text of a
    turned 「複製禁止」, ``複製禁止⑧使用方法``, set XXXII u03), and nowhere else in the text: where
    to cut them."""
    page_of = label_pages(pages[0]) if len(pages) == 1 else None
    out: list[GluedGlyph] = []
    for word in WATERMARK_WORDS - taken:
        if len(word) < SET_APART_MIN_CHARS or not any(word in ln for lines in pages for ln in lines):
            continue
        apart = regex.compile(rf"(?<!\S){regex.escape(word)}(?:(?!\S)|(?={_HEADING_OPENING}))")
        copies = [
            GluedGlyph(word, p, i, *m.span())
            for p, lines in enumerate(pages)
            for i, ln in enumerate(lines)
            for m in apart.finditer(ln)
        ]
        anywhere = sum(ln.count(word) for lines in pages for ln in lines)
        on = [page_of[c.line] if page_of else c.page for c in copies]
        printed = max(page_of) + 1 if page_of else len(pages)
        # A copy before a heading stands in no cell's text: it alone tells.
        before_heading = any(not ln_end(pages, c) for c in copies)
        least = 1 if before_heading else min(MIN_SET_APART, printed)
        if len(copies) == anywhere >= least and len(set(on)) == len(on):
            out.extend(copies)
    return out


def ln_end(pages: list[list[str]], copy: GluedGlyph) -> bool:
    """The copy ends its line or a space follows it (not a heading glued after it)."""
    rest = pages[copy.page][copy.line][copy.end :]
    return not rest or rest[0].isspace()


def _cut_glyph(pages: list[list[str]], cut: GluedGlyph, blank: bool) -> str:
    """Cut a spread watermark's glyph out of a cell's line (spaces of its display width in its
    place with ``blank``: ``-layout`` text keeps its columns); the note saying so."""
    line = pages[cut.page][cut.line]
    glyph = line[cut.start : cut.end]
    gap = " " * display_width(glyph) if blank else ""
    pages[cut.page][cut.line] = line[: cut.start] + gap + line[cut.end :]
    left, right = _key(line[: cut.start])[-CONTEXT_CHARS:], _key(line[cut.end :])[:CONTEXT_CHARS]
    named = glyph if glyph == cut.word else f"{glyph}（{cut.word}）"
    return GLUED_NOTE.format(word=named, page=cut.page + 1, left=left, right=right)


def _cell_texts(row: RawRow) -> list[tuple[str, str]]:
    return [(field, _key("".join(ln.text for ln in lines))) for field, lines in row.cells.items()]


def watermark_doubts(rows: list[RawRow], notes: list[str]) -> None:
    """Warn the row whose cell holds the text around a watermark copy cut out of a cell's line
    (``GLUED_NOTE``): its ``watermark_cut`` doubt on that cell.  The cell is the first to hold
    the text on both sides of the cut, or else the first to hold the longer side (the cut
    stood between two cells: ``…日まで|事後``) when it has at least ``CONTEXT_MIN`` characters."""
    for m in (m for n in notes if (m := _GLUED.match(n))):
        side = max(m["left"], m["right"], key=len)
        for witness in (m["left"] + m["right"], side if len(side) >= CONTEXT_MIN else ""):
            hit = next(((r, f) for r in rows for f, t in _cell_texts(r) if witness and witness in t), None)
            if hit is not None:
                hit[0].doubts.append(Doubt("watermark_cut", hit[1], WHY.format(word=m["word"])))
                break
