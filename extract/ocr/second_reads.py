"""A second read of the lines tesseract was unsure of, at another scale, to find the cells it
misread (issue 12: OCR rows that are wrong often carry no warning).

A text line of a cell whose least sure character tesseract read below
``ocr.second_read_below`` (confidence 0–100) is cut out of the page (its band of ink, up to the
middle of the white towards the lines above and below, as ``line_rereads`` cuts a line) and
scaled by ``ocr.second_read_scale``; the page's such strips are stacked one under another on the
paper's tone and read in ONE tesseract call (a page of lines costs one process start, not one
per line).  The two reads of a line are compared as their look-alikes cannot tell them apart
(``lookalikes.lookalike_key``: ー/一, ロ/口, 、/，, widths …):

- the same: nothing is said (a look-alike is the corrections' business);
- different: the line's words carry the evidence (``SecondRead``: both reads quoted), and the
  row gets the doubt ``ocr_suspect:<field>`` for the cell the words land in
  (normalize/grid/rows.py); the text is left as first read;
- in a 変更日 or 提出時期 cell of a six-column grid, a first read that breaks the column's grammar
  (no date; not 事前/事後) while the cell with the second read keeps it is replaced by the
  second read: the grammar is certain there (``strips._column_ok``), and nothing is flagged.

Cost: one more tesseract call per page with an unsure line (see ``ocr.second_read*``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import regex

from piatable.settings import OcrSettings

from .engine import TsvWord, tesseract_chars
from .line_rereads import REREAD_LINE_BASE, _bands, _bands_of, ink_crop
from .lookalikes import lookalike_key

# Line numbers of the second read start here (beyond line_rereads' own), so that a line put in
# from the second read never meets another's.
SECOND_LINE_BASE = 2 * REREAD_LINE_BASE


# How the evidence of a second read opens (``SecondRead.why``; ``settle_second_reads`` finds it).
WHY_OPENING = "an unsure line read twice at two scales: first "
_WHY = regex.compile(rf"^{regex.escape(WHY_OPENING)}(.+) \(a character at confidence \d+\), read again (.+)$")


@dataclass(slots=True)
class SecondRead:
    """An unsure line read a second time: its box on the page (pixels of the deskewed image) and
    both reads.  Kept with the page's scan whether or not they agree (``disagrees`` is judged
    when the words are placed), so that a scan read once can be judged again."""

    x0: int
    top: int
    x1: int
    bottom: int
    first: str
    second: str
    conf: float  # the first read's least sure character

    @property
    def why(self) -> str:
        conf = f"(a character at confidence {self.conf:.0f})"
        return f"{WHY_OPENING}{self.first!r} {conf}, read again {self.second!r}"

    @property
    def disagrees(self) -> bool:
        """The reads differ beyond look-alikes and marks read twice (``read_key``)."""
        return read_key(self.first) != read_key(self.second)

    def to_json(self) -> list:
        return [self.x0, self.top, self.x1, self.bottom, self.first, self.second, round(self.conf, 1)]

    @classmethod
    def from_json(cls, data: list) -> SecondRead:
        return cls(*data)


def _text(words: list[TsvWord]) -> str:
    return "".join(w.text for w in sorted(words, key=lambda w: w.left)).replace(" ", "")


def unsure_lines(words: list[TsvWord], below: float) -> dict[tuple[int, int, int], list[int]]:
    """Tesseract line → indexes of its characters, for each line of a cell (line keys of cells:
    block = the cell's index + 1) whose least sure character read below ``below``."""
    by_line: dict[tuple[int, int, int], list[int]] = {}
    for i, w in enumerate(words):
        by_line.setdefault(w.line, []).append(i)
    return {
        key: idx
        for key, idx in by_line.items()
        if min(words[i].conf for i in idx) < below and _text([words[i] for i in idx])
    }


def _stack(crops: list[np.ndarray], paper: int, gap: int) -> tuple[np.ndarray, list[int]]:
    """The crops one under another on the paper's tone with ``gap`` pixels round each; the top
    of each in the stack."""
    width = max(c.shape[1] for c in crops) + 2 * gap
    starts: list[int] = []
    y = gap
    for c in crops:
        starts.append(y)
        y += c.shape[0] + gap
    canvas = np.full((y, width), paper, dtype=np.uint8)
    for y0, c in zip(starts, crops, strict=True):
        canvas[y0 : y0 + c.shape[0], gap : gap + c.shape[1]] = c
    return canvas, starts


def second_read_unsure(
    words: list[TsvWord],
    pieces,  # type: ignore[no-untyped-def]
    cells: list,  # type: ignore[type-arg]
    ink: np.ndarray,
    glyph: float,
    paper: int,
    settings: OcrSettings,
    found: list[SecondRead],
) -> list[TsvWord]:
    """``words`` (a page's cell characters, page pixels) with the unsure lines read a second time
    (see the module notes): the lines read twice go to ``found`` (but those a date or timing
    cell's grammar took the second read of: the words returned differ only there)."""
    import bisect

    import cv2

    if not settings.second_read or not pieces:
        return words
    unsure = unsure_lines(words, settings.second_read_below)
    if not unsure:
        return words
    bands = _bands(pieces, ink, glyph, settings)
    if not bands:
        return words
    on = _bands_of(bands, words)
    m = max(int(settings.crop_margin_em * glyph), 2)
    # The least sure lines first, at most second_read_max_lines of them.
    order = sorted(unsure, key=lambda key: min(words[i].conf for i in unsure[key]))
    todo: list[tuple[tuple[int, int, int], int, int, int, int]] = []
    for key in order[: settings.second_read_max_lines]:
        ks = {on[i] for i in unsure[key]}
        if len(ks) != 1 or None in ks:
            continue  # a line on two lines of ink, or on none: line_rereads' business
        b = bands[ks.pop()]  # type: ignore[arg-type]
        _, box, _ = pieces[b.piece]
        above = [o.bottom for o in bands if o.piece == b.piece and o.bottom <= b.top]
        below = [o.top for o in bands if o.piece == b.piece and o.top >= b.bottom]
        top = max(b.top - m, box.top, (max(above) + b.top + 1) // 2 if above else box.top)
        bottom = min(b.bottom + m, box.bottom, (min(below) + b.bottom) // 2 if below else box.bottom)
        if bottom - top >= 4:
            todo.append((key, b.piece, top, bottom, box.x0))
    if not todo:
        return words
    scale = settings.second_read_scale
    crops = []
    for _, piece, top, bottom, _ in todo:
        crop = ink_crop(pieces[piece], top, bottom)
        crops.append(cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC))
    gap = max(int(settings.mosaic_gap_em * glyph * scale), 4)
    canvas, starts = _stack(crops, paper, gap)
    again: dict[int, list[TsvWord]] = {}
    for w in tesseract_chars(canvas, settings.psm, settings.lang, settings.engine):
        k = bisect.bisect_right(starts, w.top + w.height / 2) - 1
        if k < 0:
            continue
        key, _, top, _, x0 = todo[k]
        left = x0 + (w.left - gap) / scale
        y = top + (w.top - starts[k]) / scale
        line = (key[0], key[1], SECOND_LINE_BASE + w.line[2])
        again.setdefault(k, []).append(
            TsvWord(
                w.text, round(left), round(y), max(round(w.width / scale), 1),
                max(round(w.height / scale), 1), w.conf, line, SECOND_LINE_BASE + w.word,
            )
        )  # fmt: skip
    replace: dict[tuple[int, int, int], list[TsvWord]] = {}
    for k, (key, _, top, bottom, _) in enumerate(todo):
        old = [words[i] for i in unsure[key]]
        new = again.get(k, [])
        x0 = min(w.left for w in old)
        x1 = max(w.left + w.width for w in old)
        read = SecondRead(x0, top, x1, bottom, _text(old), _text(new), min(w.conf for w in old))
        if read.disagrees and _grammar_takes(key, new, words, unsure, cells):
            replace[key] = new
            continue
        found.append(read)
    if not replace:
        return words
    drop = {i for key in replace for i in unsure[key]}
    return [w for i, w in enumerate(words) if i not in drop] + [w for ws in replace.values() for w in ws]


def _grammar_takes(
    key: tuple[int, int, int],
    new: list[TsvWord],
    words: list[TsvWord],
    unsure: dict[tuple[int, int, int], list[int]],
    cells: list,  # type: ignore[type-arg]
) -> bool:
    """Whether a line of a 変更日 or 提出時期 cell of a six-column grid is certain by the column's
    grammar in its second read: the cell (its lines in order) breaks the grammar as first read
    and keeps it with the line's second read (``strips._column_ok``)."""
    from .strips import DATE_COLUMN, FORM_COLUMNS, TIMING_COLUMN, _column_ok, _is_label

    if not new:
        return False
    lefts = sorted({c.x0 for c in cells})
    index = key[0] - 1
    if len(lefts) != FORM_COLUMNS or not 0 <= index < len(cells):
        return False
    column = lefts.index(cells[index].x0)
    if column not in (DATE_COLUMN, TIMING_COLUMN):
        return False
    mine = set(unsure[key])
    cell = [w for w in words if w.line[0] == key[0]]

    first = _flat(cell)
    second = _flat([w for i, w in enumerate(words) if w.line[0] == key[0] and i not in mine] + new)
    return (
        bool(first) and not _is_label(first) and not _column_ok(column, first) and _column_ok(column, second)
    )


def _flat(words: list[TsvWord]) -> str:
    """A cell's text: its tesseract lines top to bottom (by their middle), each left to right."""
    lines: dict[tuple[int, int, int], list[TsvWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    order = sorted(lines.values(), key=lambda ws: sum(w.top + w.height / 2 for w in ws) / len(ws))
    return "".join(_text(ws) for ws in order)


# Characters of each read round a place where they differ handed to the dictionary, and how
# much more (SudachiPy path cost) the second read's text there may cost before the place is
# taken for the second read's misread, not the first's.  A misread makes a word unknown:
# 措置 → 振置 cost 19,800 more, 認証 → 誰証 10,800, 部署 → 部暑 9,000, a kana read twice
# (おけるる) 4,200; a circled number put back (①ＩＤ及び for ＩＤ及び) 1,700.
COST_CONTEXT = 3
SECOND_WORSE_COST = 4000.0
# Circled numbers: a second read that reads one more beside the one a line keeps (⑧② for ②,
# ③④ for ③) read the numeral twice, as a mark read twice (``read_key``).
_CIRCLED = regex.compile(r"[①-⑳]+")
# A line's ends in ``_anchored`` text: a stretch at a line's start or end is looked for there.
_START, _END = "\x02", "\x03"


def _anchored(lines: list[str]) -> str:
    """Lines (spaces removed) as one text with each line's start and end marked."""
    return "".join(_START + "".join(line.split()) + _END for line in lines)


# The circles a scan cannot tell apart (〇 U+3007, ○ U+25CB, ◯: the IPA glyphs draw them alike;
# placeholder_forms writes the forms' ○ and flags the cell), and a check box's circle read as a
# letter O ([O], the box rules write [○]): one key, so that a second read differing only there
# raises no doubt (set IX's c3 at 300 dpi: [O]店内連携システム read again [〇]庁内連携システム, the
# cell corrected to [○]庁内連携システム, stayed in doubt).
_CIRCLE = regex.compile(r"[〇◯]")
_BOX_LETTER_O = regex.compile(r"(?<=[\[［])[OoＯｏ](?=[\]］])")


def read_key(text: str) -> str:
    """``lookalikes.lookalike_key`` with a mark repeated (``--``, ``。。``: a stroke read twice)
    written once, and the circles ``_CIRCLE`` / ``_BOX_LETTER_O`` as ○."""
    key = _BOX_LETTER_O.sub("○", _CIRCLE.sub("○", lookalike_key(text)))
    return regex.sub(r"([^\w\x02\x03])\1+", r"\1", key)


@dataclass(slots=True)
class _Place:
    """A place where two reads of a line differ beyond look-alikes and marks read twice: the
    second read's range in its key (``lookalike_key``, the line's ends marked: ``_START`` …
    ``_END``), and each read's text round it (``COST_CONTEXT`` characters each side)."""

    start: int
    end: int
    one: str
    two: str
    one_core: str  # the first read's characters at the place (key)
    two_core: str
    one_start: int  # where the place starts in the first read's key
    # The second read has only circled numbers more there, beside one both have (⑧②, ③④).
    numeral_twice: bool = False


def _places(first: str, second: str) -> list[_Place]:
    """Where ``second`` reads otherwise than ``first`` (difflib over the keys, which keep one
    character per character of the reads without their spaces)."""
    import difflib

    one, two = "".join(first.split()), "".join(second.split())
    a, b = _START + lookalike_key(one) + _END, _START + lookalike_key(two) + _END
    out = []
    c = COST_CONTEXT
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal" or read_key(a[i1 - 1 : i2 + 1]) == read_key(b[j1 - 1 : j2 + 1]):
            continue
        around = one[max(i1 - 1 - c, 0) : i2 - 1 + c], two[max(j1 - 1 - c, 0) : j2 - 1 + c]
        twice = i1 == i2 and _CIRCLED.fullmatch(b[j1:j2]) and bool(_CIRCLED.search(b[j2] + b[j1 - 1]))
        out.append(_Place(j1, j2, *around, a[i1:i2], b[j1:j2], i1, bool(twice)))
    return out


# What a read that saw no digit makes of a circled number: nothing, or @ and its look-alikes.
_NO_DIGIT = ("", "@", "＠", "®", "©", "Ⓒ")


def circle_unread(place: _Place) -> bool:
    """The cell's line opens with a circled number where the second read has none, or ``@``
    (a glyph read with no digit): that read says nothing of the number, which the first read
    (or ``circled_digits``: the digits inside its ring) gave.  Not a doubt, and not taken."""
    return (
        place.one_start == 1
        and len(place.one_core) == 1
        and bool(_CIRCLED.fullmatch(place.one_core))
        and place.two_core in _NO_DIGIT
    )


def _numeral_restored(place: _Place) -> bool:
    """The cell's line opens with a section numeral (Ⅰ…Ⅵ) where the second read has something
    else (川, 皿, 帳, IT …): the form's heading put the numeral back (heading_fixes: only before
    the rest of a top heading of the form), whatever either read made of it."""
    core = place.one_core.strip(_START)
    return place.start <= 1 and bool(core) and all(ch in "ⅠⅡⅢⅣⅤⅥ" for ch in core)


def _heading_body_from(line: str) -> int | None:
    """Where (in ``_anchored`` key positions) the body of a heading of the form starts when
    ``line`` is one whole (its numbering aside: ``item_lines.strip_numbering``), else None."""
    from .item_lines import printed_headings, strip_numbering

    flat = "".join(line.split())
    body = strip_numbering(flat)
    if not body or body not in printed_headings() or not flat.endswith(body):
        return None
    return 1 + len(flat) - len(body)


# An item line this many lines at most below the start of a heading it closes (a heading of the
# form wrapped over lines: ５．特定個人情報の提供・移転（委託に伴うものを除 / く。）).
MAX_WRAPPED_LINES = 3


def _closes_wrapped_heading(lines: list[str], k: int) -> bool:
    """Whether line ``k`` of an item cell ends a heading of the form wrapped from the lines
    above it (joined with up to ``MAX_WRAPPED_LINES`` of them, its numbering aside, it is one
    whole): the lexicon vouches for its words, as for a heading on one line."""
    from .item_lines import printed_headings, strip_numbering

    flat = ["".join(line.split()) for line in lines]
    return any(
        strip_numbering("".join(flat[j : k + 1])) in printed_headings()
        for j in range(max(0, k - MAX_WRAPPED_LINES), k)
    )


def still_in_doubt(why: str, cell: str, field: str | None = None) -> bool:
    """Whether a second read's doubt (``why``: ``SecondRead.why``) still stands over a cell whose
    text is now ``cell`` (after the OCR corrections).  The line the first read became is the
    cell's line most like it; the doubt stands where that line and the second read still differ
    at a place where the two reads differed, unless the second read's text there reads far
    worse by the dictionary (its SudachiPy path cost SECOND_WORSE_COST or more above the
    line's: ``における振置`` for ``における措置`` is the second read's own misread) or the place
    is the section numeral the form's heading opened the line with (``_numeral_restored``), or,
    in an item cell, lies in the words of a line that is a whole heading of the form (the
    lexicon vouches for them, as for a heading read unsure: normalize/ocr_text.line_confs;
    its numbering stays in doubt: ⑥委託先名 where the second read has ⑤), or is a circled
    number the second read has more beside the one the line keeps (``_Place.numeral_twice``).
    A cell that reads the second read has no doubt left."""
    m = _WHY.match(why)
    if m is None:
        return True
    import ast
    import difflib

    from piatable.normalize.tokenizer import default_tokenizer

    first, second = ast.literal_eval(m.group(1)), ast.literal_eval(m.group(2))
    lines = [line for line in cell.split("\n") if line.strip()]
    if not lines or (second and read_key(second) in read_key(cell)):
        return False
    key = lookalike_key(first)
    line = max(lines, key=lambda t: difflib.SequenceMatcher(None, key, lookalike_key(t)).ratio())
    reads = _places(first, second)
    body = _heading_body_from(line) if field == "item" else None
    if field == "item" and body is None and _closes_wrapped_heading(lines, lines.index(line)):
        body = 1
    cost = default_tokenizer().path_cost
    for p in _places(line, second):
        if not any(p.start <= r.end and r.start <= p.end for r in reads) or _numeral_restored(p):
            continue
        if p.numeral_twice or circle_unread(p):
            continue
        if body is not None and p.one_start >= body:
            continue
        if cost(p.two) - cost(p.one) < SECOND_WORSE_COST:
            return True
    return False


def settle_second_reads(rows: list) -> int:  # type: ignore[type-arg]
    """Second reads' ``ocr_suspect`` doubts of rows (``RawRow``, in place) after the OCR
    corrections: those no longer standing (``still_in_doubt``) are taken off; how many."""
    dropped = 0
    for row in rows:
        keep = []
        for d in row.doubts:
            if d.kind == "ocr_suspect" and d.why.startswith(WHY_OPENING) and d.field:
                cell = "\n".join(cl.text for cl in row.cells.get(d.field) or [])
                if not still_in_doubt(d.why, cell, d.field):
                    dropped += 1
                    continue
            keep.append(d)
        row.doubts[:] = keep
    return dropped
