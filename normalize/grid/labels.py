"""The column-label row (変更日 / 項目 / 変更前の記載 / 変更後の記載 / 提出時期 / 提出時期に係る説明):
label runs on a line, label lines repeated in the text, the header of a page, header rows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter

import regex

from piatable.models import Word
from piatable.settings import GridSettings
from piatable.vocabulary import LABEL_PIECES, LABEL_VARIANTS, LABELS, STACKED_LABELS

from ..chars import without_whitespace
from .lines import Line

# A label this long read with one letter wrong (提出時基) is still that label.
FUZZY_LABEL_CHARS = 4
# A label this long may have that letter anywhere, its first too: a fax's 産更前の記載 and
# 雇更後の記載 for 変更前の記載 / 変更後の記載 (session 58's office-scan58 fax).  The label it is
# read as must be the only one a letter away (変更X の記載 is either side's: no label).
LONG_FUZZY_LABEL_CHARS = 6

# Column index of each printed label (and of the pieces a narrow header cell wraps it into).
# A whole label's column: the form's wording, and others (``LABEL_VARIANTS``: 変更年月日, 変更箇所（項目）).
LABEL_COLUMN: dict[str, int] = {label: k for k, label in enumerate(LABELS)} | LABEL_VARIANTS


_SPACE = regex.compile(r"[\s　]+")


def _label_column(text: str) -> int | None:
    t = without_whitespace(text)
    if t in LABEL_COLUMN:
        return LABEL_COLUMN[t]
    if "係る" in t or "説明" in t:
        return 5
    if "提出" in t or t in ("時期", "期"):
        return 4
    if t.startswith("変更前"):
        return 2
    if t.startswith("変更後"):
        return 3
    if t.startswith("変更日"):
        return 0
    if t == "項目":
        return 1
    return None


@dataclass(slots=True)
class Header:
    """The column-label row of a page: its vertical extent and each found label's x extent."""

    top: float
    bottom: float
    # Column index → (x0, x1) of its label.
    labels: dict[int, tuple[float, float]]
    # Columns more than one label group of the row read as theirs (提出時 and a 期 drifted away
    # from it): their place is in doubt, so the row cannot tell the columns' order.
    twice: frozenset[int] = frozenset()
    # The 変更後 label is one column printing both sides stacked (``STACKED_LABELS``:
    # 変更内容（変更前／変更後）): the table prints no 変更前 column of its own.
    stacked: bool = False


_X0 = attrgetter("x0")
# A label wrapped at any character in a narrow header cell prints its head as a run of its own
# (提出時期に係る説 / 明, 変更前の記 / 載): three characters or more of a label's start.
_WRAPPED_HEADS = frozenset(label[:k] for label in LABELS for k in range(3, len(label)))
# … and a narrow 変更日 cell its label as 変更 / 日 (set XXXIII w02, Writer, 12 mm): the head opens
# three labels, so its column is read on down the cell (``_longer_label``).
_NARROW_HEADS = frozenset(("変更",))
_PIECES_LONGEST_FIRST = tuple(sorted(LABEL_PIECES | _WRAPPED_HEADS | _NARROW_HEADS, key=len, reverse=True))
# Any label piece: one search instead of a substring test per piece (a few times as fast).
_ANY_PIECE = re.compile("|".join(map(re.escape, _PIECES_LONGEST_FIRST)))


# Every label piece starts with one of these: lines without any cannot hold a label.
_LABEL_CHARS = frozenset(p[0] for p in LABEL_PIECES)
# Any of them: one scan of a line's text (several times as fast as a set intersection).
_ANY_LABEL_CHAR = re.compile("[" + re.escape("".join(sorted(_LABEL_CHARS))) + "]")
# The pieces by their first character, longest first: those a run starting there may be.
_PIECES_BY_FIRST: dict[str, tuple[str, ...]] = {
    ch: tuple(p for p in _PIECES_LONGEST_FIRST if p[0] == ch) for ch in _LABEL_CHARS
}


def _holds_piece(text: str) -> bool:
    """True when ``text`` without its whitespace holds a label piece: the first test of
    ``_label_runs``, on a line's text (its words' texts joined left to right, spaces put
    between them aside)."""
    return _ANY_PIECE.search("".join(text.split())) is not None


def _label_runs(line: Line, hx: float, settings: GridSettings) -> list[Line]:
    """Label pieces printed as a run of their own on a line: set apart from other text by a
    column gap, their own characters possibly spread out (変　更　日, or spaced to fill the cell)."""
    ordered = sorted(line.words, key=_X0)
    flat = "".join("".join([w.text for w in ordered]).split())  # without whitespace
    if not _ANY_PIECE.search(flat):
        return []  # no label piece at all (the common line)
    chars: list[tuple[str, float, float, Word]] = []
    for w in ordered:
        text = w.text
        if len(text) == 1:  # one character (a PDF's word): the loop below in one step
            if not text.isspace():
                step = (w.x1 - w.x0) / 1
                chars.append((text, w.x0 + 0 * step, w.x0 + 1 * step, w))
            continue
        step = (w.x1 - w.x0) / max(len(text), 1)
        for k, ch in enumerate(text):
            if not ch.isspace():
                chars.append((ch, w.x0 + k * step, w.x0 + (k + 1) * step, w))
    flat = "".join(c[0] for c in chars)
    gap = settings.column_gap_em * hx
    spread = settings.label_spread_em * hx
    out: list[Line] = []
    # A run starts at the first character and after each column gap (a matched run ends at
    # one, so the next run is looked for from the start after it).  A gap of just the column
    # gap parts runs: one space in layout text (``提出時期 提出時期に係る説明``, set XXXIV w04).
    starts = [k for k in range(len(chars)) if not k or chars[k][1] - chars[k - 1][2] >= gap]
    done = 0  # characters before this are in a run already
    for i in starts:
        if i < done:
            continue
        for piece in _PIECES_BY_FIRST.get(flat[i], ()):  # the others do not start at i
            j = i + len(piece)
            if (
                flat.startswith(piece, i)
                and (j == len(chars) or chars[j][1] - chars[j - 1][2] >= gap)
                and all(chars[k][1] - chars[k - 1][2] <= spread for k in range(i + 1, j))
                and _evenly_spread(chars, i, j, gap)
                # A text's 変更 alone is a cell's wrapped 変更 (…部署名の / 変更: office-watermark65).
                and not (piece in _NARROW_HEADS and chars[i][3].source == "text")
            ):
                out.append(_run_line(line, chars, i, j, piece))
                done = j
                break
        else:
            misread = _misread_label(chars, starts, i, spread)
            if misread is not None:
                j, label = misread
                out.append(_run_line(line, chars, i, j, label))
                done = j
    return out


def _evenly_spread(chars: list[tuple[str, float, float, Word]], i: int, j: int, gap: float) -> bool:
    """True when the characters ``chars[i:j]`` (text, x0, x1, word) stand as one label's do:
    side by side (no gap wider than two column ``gap`` s: an OCR box a little apart), or spread
    over their cell evenly (distributed alignment, 変　更　日: each gap within twice the narrowest
    and one column ``gap``).  Two labels' pieces side by side across
    a column gap are not one label: a narrow 変更日 column wrapping its label 変更 / 日 prints
    変更 beside 項目 (set XXXIII w02, Writer: read 変更項目, a variant of 項目, in the wrong column).
    Positions on a page only (PDF, scan): a flattened text's are left as they were read (its
    layout grid fits the columns to the body: office-pageorder71's pdfplumber texts)."""
    if chars[i][3].source == "text":
        return True  # a text's offsets are its extractor's (pdfplumber sets cells one space apart)
    gaps = [chars[k][1] - chars[k - 1][2] for k in range(i + 1, j)]
    return not gaps or max(gaps) <= 2 * gap or max(gaps) <= 2 * max(min(gaps), 0.0) + gap


def _run_line(line: Line, chars: list[tuple[str, float, float, Word]], i: int, j: int, text: str) -> Line:
    """The label run of ``chars[i:j]`` on ``line``, as a line of its own reading ``text``."""
    ws = list({id(c[3]): c[3] for c in chars[i:j]}.values())
    return Line(ws, text, chars[i][1], chars[j - 1][2], line.top, line.bottom, line.page, line.line_no, None)


def _misread_label(
    chars: list[tuple[str, float, float, Word]], starts: list[int], i: int, spread: float
) -> tuple[int, str] | None:
    """(end, label) when the run of ``chars`` from ``i`` to the next column gap is a whole label
    read with one letter wrong (OCR's 提出時其 for 提出時期, 変更前の記戴, a fax's 産更前の記載),
    where ``_misread_allowed`` lets it be, and no other label is a letter away; else None.  A body
    cell's text does not stand alone between column gaps at a label's exact length and spelling
    but one letter."""
    later = [k for k in starts if k > i]
    j = later[0] if later else len(chars)
    if any(chars[k][1] - chars[k - 1][2] > spread for k in range(i + 1, j)):
        return None
    run = "".join(c[0] for c in chars[i:j])
    near = [
        label
        for label in LABELS
        if len(label) == len(run)
        and sum(a != b for a, b in zip(label, run, strict=True)) == 1
        and _misread_allowed(label, run)
    ]
    return (j, near[0]) if len(near) == 1 else None


def _misread_allowed(label: str, run: str) -> bool:
    """Whether ``run``, one letter away from ``label``, may be that label misread: a label of
    ``LONG_FUZZY_LABEL_CHARS`` letters or more with the letter anywhere; of
    ``FUZZY_LABEL_CHARS`` or more with its first two letters right; 変更日 with its first letter
    wrong (a fax's 有更日: no other word ends 更日 alone in a cell)."""
    if len(label) >= LONG_FUZZY_LABEL_CHARS:
        return True
    if len(label) >= FUZZY_LABEL_CHARS:
        return run[:2] == label[:2]
    return len(label) == 3 and run[1:] == label[1:]


def is_label_line(line: Line, hx: float, settings: GridSettings) -> bool:
    """A line of column labels and nothing else (a label row repeated inside the text, or a
    piece of one: 提出時 / 期)."""
    runs = _label_runs(line, hx, settings)
    if not runs:
        return False
    ink = len(without_whitespace(line.text))
    covered = sum(len(r.text) for r in runs)
    return covered >= ink and (len(runs) >= 3 or all(_label_column(r.text) in (4, 5) for r in runs))


def _longer_label(seg: Line, lines: list[Line], hy: float) -> int | None:
    """The column of the label that ``seg`` opens, read on down its header cell, when ``seg``
    alone could open two (提出時 and 提出時期 open both 提出時期 and 提出時期に係る説明): the words
    of the next lines that overlap it across (each line less than a line height below the last)
    are added while the text stays the start of a label, and the text read so decides when it
    is the start of one label only.  A narrow explanation cell of the form wraps its label as
    提出時期 / に係る説明 or 提出時 / 期に係 / る説明, and its first line then reads as (a piece
    of) the other column's label.  None when the cell's text does not decide."""
    text = without_whitespace(seg.text)
    if sum(label.startswith(text) for label in LABELS) < 2:
        return None
    bottom = seg.bottom
    for ln in sorted((ln for ln in lines if ln.top >= seg.bottom - hy / 2), key=attrgetter("top")):
        if ln.top - bottom >= hy:
            break
        under = sorted((w for w in ln.words if w.x0 < seg.x1 and w.x1 > seg.x0), key=_X0)
        if not under:
            continue
        more = text + without_whitespace("".join(w.text for w in under))
        if not any(label.startswith(more) for label in LABELS):
            break  # the first row's text under the label
        text, bottom = more, ln.bottom
    opened = [k for k, label in enumerate(LABELS) if label.startswith(text)]
    return opened[0] if len(opened) == 1 else None


def _without_stacked_markers(band: list[Line], hx: float) -> list[Line]:
    """``band``'s label segments without those inside a stacked column's label
    (``STACKED_LABELS``, 変更内容（変更前／変更後）) that are no such label: the first row's
    before marker printed alone on its line (変更前) right under the label is the cell's, not a
    label of its own (held-out stacked64, Writer)."""
    stacked = [s for s in band if without_whitespace(s.text) in STACKED_LABELS]
    return [
        s for s in band if s in stacked or not any(s.x0 >= t.x0 - hx and s.x1 <= t.x1 + hx for t in stacked)
    ]


def find_header(lines: list[Line], hx: float, hy: float, settings: GridSettings) -> Header | None:
    """The column-label row: label segments of at least three columns within a few lines."""
    segs = [
        s
        for ln in lines
        if _ANY_LABEL_CHAR.search(ln.text) and _holds_piece(ln.text)
        for s in _label_runs(ln, hx, settings)
    ]
    anchors = [s for s in segs if without_whitespace(s.text) in LABEL_COLUMN]
    best: Header | None = None
    done: set[tuple[int, ...]] = set()  # bands already read: the same band gives the same labels
    for a in anchors:
        within = tuple(k for k, s in enumerate(segs) if abs(s.mid - a.mid) <= settings.header_band_em * hy)
        if within in done:
            continue  # (the anchors of one label row share their band)
        done.add(within)
        band = _without_stacked_markers([segs[k] for k in within], hx)
        # Segments above each other in one header cell form one label.
        band.sort(key=lambda s: s.x0)
        # Whole labels stand alone; pieces above each other (a wrapped label) group together.
        groups: list[list[Line]] = [[s] for s in band if without_whitespace(s.text) in LABEL_COLUMN]
        pieces: list[list[Line]] = []
        for s in band:
            if without_whitespace(s.text) in LABEL_COLUMN:
                continue
            if pieces and s.x0 < max(g.x1 for g in pieces[-1]) and s.x1 > min(g.x0 for g in pieces[-1]):
                pieces[-1].append(s)
            else:
                pieces.append([s])
        groups += pieces
        labels: dict[int, tuple[float, float]] = {}
        twice: set[int] = set()
        stacked = False
        for g in groups:
            g.sort(key=lambda s: s.top)
            # A label's start that may open two labels is read on down its cell.
            col = _longer_label(g[0], lines, hy) if len(g) == 1 else None
            col = col if col is not None else _label_column("".join(s.text for s in g))
            stacked = stacked or without_whitespace("".join(s.text for s in g)) in STACKED_LABELS
            if col is not None and col not in labels:
                labels[col] = (min(s.x0 for s in g), max(s.x1 for s in g))
            elif col is not None:
                twice.add(col)
        if len(labels) >= 3 and (best is None or len(labels) > len(best.labels)):
            best = Header(
                min(s.top for s in band),
                max(s.bottom for s in band),
                labels,
                frozenset(twice),
                stacked and 2 not in labels,
            )
    return best


# The tails a narrow header cell wraps a label into (提出時期に係る説 / 明): any proper end of a
# label, and any middle part of two or more characters (a label wrapped over three lines:
# 変更 / 前の / 記載).  A line of them only right under the header row is the header's.
# A label wrapped one character per line (提 / 出 / 時 / 期 in a 提出時期 column one character
# wide, samples/office-narrow25) leaves single characters of its middle under the header; the
# characters of 事前 / 事後 are never taken so (a value wrapped so, 事 / 前, is a cell's).
_TIMING_CHARS = frozenset("事前後")
_LABEL_TAILS = (
    frozenset(label[k:] for label in LABELS for k in range(1, len(label)))
    | frozenset(
        label[a:b] for label in LABELS for a in range(1, len(label)) for b in range(a + 2, len(label))
    )
    | frozenset(c for label in LABELS for c in label[1:-1] if c not in _TIMING_CHARS)
)


def _word_tokens_label_tails(ln: Line) -> bool:
    """True when every space-separated token of ``ln``'s words (or, when they hold none, its
    stripped text) is a label tail or piece: read word by word up to the first that is not
    (a body line is known by its first word)."""
    seen = False
    for w in ln.words:
        for t in _SPACE.split(w.text.strip()):
            if t:
                if not (t in _LABEL_TAILS or t in LABEL_PIECES):
                    return False
                seen = True
    if seen:
        return True
    t = ln.text.strip()
    return t in _LABEL_TAILS or t in LABEL_PIECES


def with_label_tails(header: Header, lines: list[Line], hy: float) -> Header:
    """``header`` extended down over the lines right under it (less than a line height apart)
    that hold nothing but tails of wrapped labels (``提出時期に係る説`` / ``明``), so that the
    tails are not read as the first row's text.  Lines of other text end the header."""
    bottom = header.bottom
    for ln in sorted((ln for ln in lines if ln.top >= header.bottom - hy / 2), key=attrgetter("top")):
        if ln.top - bottom >= hy:
            break
        # By word too: a line's text joins its words with no space (``出`` and ``に係る説`` of a
        # one-character 提出時期 column beside a wrapped 説明 label read ``出に係る説``).
        if not ln.text.strip() or not (
            _word_tokens_label_tails(ln)
            or all(t in _LABEL_TAILS or t in LABEL_PIECES for t in _SPACE.split(ln.text.strip()))
        ):
            break
        bottom = max(bottom, ln.bottom)
    if bottom == header.bottom:
        return header
    labels = _stacked_labels(header, lines, bottom)
    return Header(header.top, bottom, labels, header.twice, header.stacked)


# Words of a label row stacked in one column of text start within this many units of each other.
STACK_DX = 1.5


def _stacked_labels(header: Header, lines: list[Line], bottom: float) -> dict[int, tuple[float, float]]:
    """``header``'s labels, with each label a narrow header cell wrapped over its lines read
    whole: the words of the label row and its tails (down to ``bottom``) that start at one
    offset (``STACK_DX``), top to bottom, making a whole label (提出時 / 期に係 / る説明) give that
    label's column its extent, in place of a column a piece of it was read as (提出時 read as
    提出時期's; branch layout46: Writer's repeated label row over a one-character 提出時期
    column)."""
    pieces: list[tuple[float, float, float, str]] = []  # top, x0, x1, text
    for ln in lines:
        if not header.top <= ln.top < bottom:
            continue
        for w in ln.words:
            # A word's pieces one space apart (``提 提出時``: two labels' cells), at character offsets.
            x = w.x0
            for part in w.text.split(" "):
                if part:
                    pieces.append((w.top, x, x + len(part), part))
                x += len(part) + 1
    pieces.sort()
    stacks: list[list[tuple[float, float, float, str]]] = []
    for pc in pieces:
        for st in stacks:
            if abs(st[0][1] - pc[1]) <= STACK_DX:
                st.append(pc)
                break
        else:
            stacks.append([pc])
    labels = dict(header.labels)
    for st in stacks:
        if len(st) < 2:
            continue
        text = without_whitespace("".join(pc[3] for pc in st))
        if text not in LABELS:
            continue
        col = LABELS.index(text)
        x0, x1 = min(pc[1] for pc in st), max(pc[2] for pc in st)
        for k, (a, b) in list(labels.items()):
            if k != col and a < x1 and x0 < b:
                del labels[k]
        labels[col] = (x0, x1)
    return labels


# OCR marks round a label cell's text (a speck read as ．, ：, ｜ or a Latin letter): a label
# cell is read by its Japanese letters only.
_NOT_LETTER = regex.compile(r"[^\p{Han}\p{Hiragana}\p{Katakana}ー]+")
# More Japanese letters than the longest label or piece has: no label cell, even read by OCR
# (found from the cell's start, without reading a long cell to its end).
_LETTER = r"[\p{Han}\p{Hiragana}\p{Katakana}ー]"
_MOST_LABEL_LETTERS = max(len(x) for x in (*LABEL_PIECES, *LABELS))
_MORE_LETTERS_THAN_A_LABEL = regex.compile(rf"(?:[^{_LETTER[1:]}*+{_LETTER}){{{_MOST_LABEL_LETTERS + 1}}}")


def _is_label_cell(text: str) -> bool:
    """A cell that holds nothing but a column label or a piece of one; read by OCR, with marks
    round it left aside and one letter of a long label misread."""
    if _MORE_LETTERS_THAN_A_LABEL.match(text):
        return False  # a body cell (the common cell)
    t = _SPACE.sub("", text)
    if t in LABEL_PIECES:
        return _label_column(t) is not None
    letters = _NOT_LETTER.sub("", t)
    if letters in LABEL_PIECES:
        return _label_column(letters) is not None
    return any(
        len(label) >= FUZZY_LABEL_CHARS
        and len(label) == len(letters)
        and sum(a != b for a, b in zip(label, letters, strict=True)) <= 1
        for label in LABELS
    )


is_label_cell = _is_label_cell  # (two_row_labels: a label row's lower row of two labels)


def is_header_row(cells: dict[int, list[Line]]) -> bool:
    """True when at least three cells of a row hold nothing but a column label or a piece of one
    (a header row repeated in the table; ``_is_label_cell``: OCR's stray marks and one misread
    letter of a long label allowed), the lines of a wrapped label joined."""
    hits = 0
    left = len(cells)
    for lines in cells.values():
        if hits + left < 3:
            return False  # the cells left cannot make three (a body row: known by its fourth cell)
        left -= 1
        t = "".join(ln.text for ln in lines)
        if t.strip() and _is_label_cell(t):
            hits += 1
    return hits >= 3


# A label with no more than this many character widths between its end and the next label's
# start (or the last label) fills its header cell: centred or left-aligned, it stands at its
# column's start either way, so it says nothing of how the header is aligned (a Calc table's
# narrow 提出時期 / 説明 columns, branch layout47).
LABEL_FILLS_CELL_ROOM = 4.0


def label_fills_cell(labels: dict[int, tuple[float, float]], k: int) -> bool:
    """Label ``k`` fills its header cell: the last label, or one whose next label starts at most
    ``LABEL_FILLS_CELL_ROOM`` character widths after its end (its width from its own x extent
    and characters: labels are read in the page's x units)."""
    if k + 1 not in labels:
        return True
    x0, x1 = labels[k]
    width = (x1 - x0) / max(len(LABELS[k]), 1)  # about one character's width in these units
    return labels[k + 1][0] - x1 <= LABEL_FILLS_CELL_ROOM * max(width, 1.0)


def label_tails_back(rows: list[dict[int, list[Line]]], ys: list[float], header: Header) -> list[str]:
    """Give the label row back its wrapped labels' last lines that the first row under it took.

    A spreadsheet row keeps the height it was given: a label wrapped in a narrow header cell
    (提出 / 時期 in a narrow 提出時期 column), centred, prints its last line across the ruling
    under the label row, and the rows between rulings gave it to the first body row (``時期事前``,
    set XII c5, Calc).  The lines that open a cell of the row under the label row (``rows``,
    between the rulings ``ys``), start above the ruling between the two rows, and print a tail of
    a label (``_LABEL_TAILS``) that, after the label row's text in that column, makes a label or
    a piece of one, go back to the label row (in place).  Returns the texts moved."""
    h = bisect_right(ys, (header.top + header.bottom) / 2) - 1
    if not 0 <= h < len(rows) - 1:
        return []
    ruling, moved = ys[h + 1], []
    for c, lines in rows[h + 1].items():
        head = without_whitespace("".join(ln.text for ln in rows[h].get(c, [])))
        k = 0
        while head and k < len(lines) and lines[k].top < ruling:
            tail = without_whitespace(lines[k].text)
            if tail not in _LABEL_TAILS or (
                head + tail not in LABEL_PIECES and head + tail not in _WRAPPED_HEADS
            ):
                break
            head += tail
            k += 1
        if k:
            rows[h].setdefault(c, []).extend(lines[:k])
            moved += [ln.text for ln in lines[:k]]
            del lines[:k]
    return moved
