"""A table too wide for its page printed in column strips: its last columns on pages of their own.

A spreadsheet whose columns do not fit the page's width (no "fit to width") prints the columns
that fit on the first pages and the rest on further pages, the same rows at the same heights:
Calc's and Excel's default page order "top to bottom, then right" prints every page of the first
strip (変更日 / 項目 / 変更前 / 変更後 of rows 1–n) before the pages of the second (提出時期 / 説明 of
the same rows); "left to right, then down" prints each page's strips one after the other.  Either
way the i-th page of the first strip and the i-th page of the second hold the same rows (set XVII
t14: 0 rows read, session 56).

A page is a *first strip* page when its column-label row holds labels of the first columns
(変更日, 項目) and not the last (説明); a *last strip* page when it holds those of the last
columns (提出時期, 説明) and none of the first (変更前 / 変更後 / 提出時期 may print on either side).  A page
without a label row (the labels not repeated) takes the kind of the labelled page whose vertical
rulings stand at the same places.  With as many last-strip pages as first-strip ones, the i-th of
each are joined: the last strip's characters and rulings are moved right of the first strip's
table, and down by row order where their rulings' heights differ (a repeated title row on one of
them), so that each row of the table reads across one page.  Pages whose row rulings do not pair
up are joined by their label rows' tops, with a note and a flag on their rows.

Input: a text-layer PDF's table pages (``PageWords``, points, furniture already left out);
output: the pages with each last-strip page joined into its first-strip page, and notes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

import regex

from piatable.models import PageWords, Word

# The column labels (whitespace removed, as printed; a narrow 提出時期 cell wraps its label into
# 提出時 / 期): those only a first strip prints, those in between, and those only a last one
# prints (変更前 / 変更後 print on either side of the cut).
FIRST_KEYS = ("変更日", "項目")
MIDDLE_KEYS = ("変更前", "変更後")
LAST_KEYS = ("提出時", "説明")
_SHOWN = {"提出時": "提出時期", "変更前": "変更前の記載", "変更後": "変更後の記載"}
# A label line holds label pieces and little else: at most this many other characters (a
# bracket, a stray mark).
LABEL_LINE_SLACK = 1
# Pieces a label row prints: the six labels, their wrapped pieces, and the columns a sheet often
# carries beside them (No., 番号, 担当, 備考).
_LABEL_PIECES = regex.compile(
    r"変更日|項目|変更前の記載|変更後の記載|変更前|変更後|の記載|記載|提出時期に係る説明|提出時期に係る"
    r"|提出時期に係|提出時期|提出時|に係る説明|係る説明|る説明|説明|時期|期|No\.?|Ｎｏ．?|番号|担当|備考"
)
# The label row is looked for in the upper part of the page (this share of its height).
LABEL_BAND = 0.5
# Characters whose vertical middles are within this share of a character's height are one line.
LINE_SLACK = 0.5
# Rulings at most this far apart (points) are one: a row's foot and the next row's top.
SAME_RULING_PT = 1.5
# Column borders this close (points) are the same on two pages: a text layer's stand exactly
# there, a scan's rulings are found a pixel or two off on each page (at 150-300 dpi, each within a
# point of where it was printed; rounded to points).
SAME_COLUMN_PT = 3.0
# A vertical ruling at least this long (points) is a column border (not a tick of a mark).
MIN_COLUMN_RULING_PT = 8.0
# Without vertical rulings the last strip is set this many of its characters' heights right of
# the first strip's rightmost character (a column gap).
GAP_EMS = 1.0
# A flag for the rows of pages joined without their row rulings pairing up (README's list).
DOUBT_FLAG = "column_guess"

JOINED_NOTE = (
    "pages {last} print the last columns ({labels}) of the rows of pages {first} (a sheet too wide"
    " for the page): each joined to its page row by row"
)
JOINED_NOTE_ONE = (
    "page {last} prints the last columns ({labels}) of the rows of page {first} (a sheet too wide"
    " for the page): joined to it row by row"
)
UNPAIRED_NOTE = (
    "page {last}: its rows' rulings ({n_last}) do not pair with those of page {first} ({n_first}), the"
    " page whose rows it continues: joined by their label rows, rows may be mismatched"
)
COUNT_NOTE = (
    "{n_last} pages print only the last columns ({labels}) but {n_first} pages print the first ones:"
    " {left} not joined"
)


@dataclass(slots=True)
class _Kind:
    first: bool  # a first-strip page (its labels are of the first columns only)
    label_top: float | None  # the top of its label row, None without one
    labels: tuple[str, ...]  # label keys read on it
    rank: int = 0  # its strip, left to right (0: the first strip; 1 on the last of two)


def _lines(words: list[Word]) -> list[list[Word]]:
    """Characters as lines, top to bottom, each left to right."""
    out: list[list[Word]] = []
    ref: tuple[float, float] | None = None
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        mid = (w.top + w.bottom) / 2
        if ref is None or abs(mid - ref[0]) > LINE_SLACK * ref[1]:
            out.append([])
            ref = (mid, max(w.bottom - w.top, 1.0))
        out[-1].append(w)
    return [sorted(line, key=lambda w: w.x0) for line in out]


# 提出時期に係る説明 and its wrapped pieces (提出時期に / 提出時期に係 …): 説明's label, no 提出時期
# (a strip printing 説明 alone read as holding 提出時期 too: set XXXV k01, branch strips74).
_EXPLANATION_LABEL = regex.compile(r"提出時期に(?:係(?:る(?:説明?)?)?)?")


def _keys(text: str) -> set[str]:
    """The label keys a label line's whitespace-free ``text`` prints."""
    bare = _EXPLANATION_LABEL.sub("説明", text)
    return {k for k in FIRST_KEYS + MIDDLE_KEYS + LAST_KEYS if k in bare}


def _label_row(page: PageWords) -> tuple[float, set[str]] | None:
    """The top of the page's column-label row and the label keys it holds; None without one.

    The label row is the first run of lines (top down, in the page's upper ``LABEL_BAND``) that
    hold label pieces and at most ``LABEL_LINE_SLACK`` other characters."""
    top: float | None = None
    keys: set[str] = set()
    for line in _lines([w for w in page.words if w.text.strip()]):
        if line[0].top > LABEL_BAND * page.height:
            break
        text = "".join("".join(w.text.split()) for w in line)
        found = _keys(text)
        rest = _LABEL_PIECES.sub("", text)
        if text and len(rest) <= LABEL_LINE_SLACK and (found or top is not None):
            top = min(w.top for w in line) if top is None else top
            keys |= found
        elif top is not None:
            break
    return (top, keys) if top is not None and keys else None


def _columns(page: PageWords) -> tuple[float, ...]:
    """x of the page's column borders (vertical rulings), rounded to points."""
    upright = [(x0 + x1) / 2 for x0, t, x1, b in page.rulings if b - t >= MIN_COLUMN_RULING_PT > x1 - x0]
    return tuple(sorted({round(x) for x in upright}))


def _same_columns(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Two pages' column borders the same: as many, each within ``SAME_COLUMN_PT``."""
    return len(a) == len(b) and all(abs(x - y) <= SAME_COLUMN_PT for x, y in zip(a, b, strict=True))


def _title_column_strip(keys: set[str]) -> bool:
    """A last strip's label row that repeats the sheet's first column (変更日 as a print-title
    column, Calc's and Excel's "columns to repeat"): 説明 and 変更日 without 項目 or 変更前."""
    return LAST_KEYS[-1] in keys and FIRST_KEYS[1] not in keys and MIDDLE_KEYS[0] not in keys


def _label_cell(page: PageWords, rows: list[float], left: float, right: float) -> str:
    """The text of the label row's cell between the borders ``left`` and ``right`` (the label
    row between the first two of ``rows``, its rulings), whitespace removed."""
    if len(rows) < 2:
        return ""
    inside = [
        w
        for w in page.words
        if rows[0] <= (w.top + w.bottom) / 2 <= rows[1] and left < (w.x0 + w.x1) / 2 < right
    ]
    return "".join("".join(w.text.split()) for w in sorted(inside, key=lambda w: (round(w.top), w.x0)))


def _repeated_edge(main: PageWords, strip: PageWords, km: _Kind, ks: _Kind) -> float | None:
    """x of the border right of the columns ``strip`` repeats from ``main`` (print-title columns:
    the No. or 変更日 column printed on every page, at the same place under the same label); None
    when it repeats none."""
    cols_m, cols_s = _columns(main), _columns(strip)
    rows_m, rows_s = _row_rulings(main, km.label_top), _row_rulings(strip, ks.label_top)
    k = 0
    while k + 1 < min(len(cols_m), len(cols_s)) and all(
        abs(cols_m[j] - cols_s[j]) <= SAME_COLUMN_PT for j in (k, k + 1)
    ):
        label = _label_cell(main, rows_m, cols_m[k], cols_m[k + 1])
        if not label or label != _label_cell(strip, rows_s, cols_s[k], cols_s[k + 1]):
            break
        k += 1
    return cols_s[k] if k and k + 1 < len(cols_s) else None


def _without_repeated(strip: PageWords, edge: float) -> None:
    """``strip`` without what stands left of ``edge``: the columns it repeats (their text is its
    first strip's, read there)."""
    strip.words = [w for w in strip.words if (w.x0 + w.x1) / 2 > edge]
    strip.unseen = [u for u in strip.unseen if (u.word.x0 + u.word.x1) / 2 > edge]
    kept = []
    for x0, t, x1, b in strip.rulings:
        if x1 - x0 > b - t:  # across: the part right of the edge
            if x1 > edge + SAME_RULING_PT:
                kept.append((max(x0, edge), t, x1, b))
        elif (x0 + x1) / 2 >= edge - SAME_RULING_PT:
            kept.append((x0, t, x1, b))
    strip.rulings = kept


# The six labels' keys in the order a sheet prints its columns, left to right: a strip's rank is
# where its own labels (those not on every strip: print-title columns) stand in it.
COLUMN_ORDER = FIRST_KEYS + MIDDLE_KEYS + LAST_KEYS


def _ranked(rows: dict[int, tuple[float, set[str]]]) -> dict[int, _Kind]:
    """Index → strip kind of the labelled pages of a sheet printed in two or more column strips,
    ranked left to right; {} when the label rows do not make strips.

    A label key every labelled page prints is a print-title column's (変更日 repeated on each
    strip): a page's *own* keys are the others.  The strips are the distinct own key sets; they
    are a sheet's column strips when there are two or more, they share no key, each holds keys
    of consecutive columns (``COLUMN_ORDER``) with no other strip's key between them, and the
    first holds 変更日 or 項目 (the first columns).  A page whose keys are all printed on every
    page has no rank by its labels (a label row read short)."""
    common = set.intersection(*(keys for _, keys in rows.values())) if rows else set()
    own = {i: frozenset(keys - common) for i, (_, keys) in rows.items()}
    strips = sorted({o for o in own.values() if o}, key=lambda o: min(COLUMN_ORDER.index(k) for k in o))
    if len(strips) < 2:
        return {}
    spans = [(min(COLUMN_ORDER.index(k) for k in o), max(COLUMN_ORDER.index(k) for k in o)) for o in strips]
    if any(a[1] >= b[0] for a, b in pairwise(spans)):
        return {}  # keys shared or interleaved: label rows of one table read differently
    if not (strips[0] | common) & set(FIRST_KEYS) or LAST_KEYS[-1] in strips[0] | common:
        return {}  # no first strip (a page opening with a wrapped る説明 is no strip)
    rank = {o: r for r, o in enumerate(strips)}
    return {
        i: _Kind(
            rank[own[i]] == 0, rows[i][0], tuple(k for k in COLUMN_ORDER if k in rows[i][1]), rank[own[i]]
        )
        for i in rows
        if own[i]
    }


def _kinds(pages: list[PageWords]) -> dict[int, _Kind]:
    """Index in ``pages`` → its strip kind (``_Kind.rank``: its strip, left to right), for the
    pages that are one; {} when no two strips are found."""
    rows = {i: row for i, page in enumerate(pages) if (row := _label_row(page)) is not None}
    kinds = _ranked(rows)
    if not kinds:
        return {}
    # Pages without a label row: the kind of a labelled page with the same column borders.
    for i, page in enumerate(pages):
        if i in kinds or not (cols := _columns(page)):
            continue
        like = [k for j, k in kinds.items() if _same_columns(_columns(pages[j]), cols)]
        if like and all(k.rank == like[0].rank for k in like):
            kinds[i] = _Kind(like[0].first, None, (), like[0].rank)
    return kinds


def _row_rulings(page: PageWords, label_top: float | None) -> list[float]:
    """y of the page's horizontal rulings from the label row's top border down (the last ruling
    above ``label_top``; all of them without a label row), rulings within ``SAME_RULING_PT``
    taken as one."""
    ys = sorted((t + b) / 2 for x0, t, x1, b in page.rulings if x1 - x0 > b - t)
    out: list[float] = []
    for y in ys:
        if not out or y - out[-1] > SAME_RULING_PT:
            out.append(y)
    if label_top is None:
        return out
    above = [k for k, y in enumerate(out) if y <= label_top]
    return out[above[-1] if above else 0 :]


def _mapping(first: list[float], last: list[float], shift: float) -> Callable[[float], float]:
    """A function moving a y of the last strip's page onto the first's: piecewise linear through
    the pairs of row rulings (in order) when they pair up, else by ``shift``."""
    if len(first) != len(last) or len(first) < 2:
        return lambda y: y + shift

    def move(y: float) -> float:
        k = min(max(bisect_right(last, y), 1), len(last) - 1)  # the segment last[k-1]..last[k]
        a0, a1, b0, b1 = last[k - 1], last[k], first[k - 1], first[k]
        if y < a0 or y > a1 or a1 <= a0:
            return y + (b0 - a0 if y < a0 else b1 - a1)
        return b0 + (y - a0) * (b1 - b0) / (a1 - a0)

    return move


def _join(
    main: PageWords, strip: PageWords, km: _Kind, ks: _Kind, notes: list[str], flags: dict[int, str]
) -> None:
    """Move ``strip``'s characters and rulings into ``main``, right of its table, row by row
    (the columns it repeats left out)."""
    if (edge := _repeated_edge(main, strip, km, ks)) is not None:
        _without_repeated(strip, edge)
    cols_m = _columns(main)
    cols_s = _columns(strip)
    inked = [w for w in strip.words if w.text.strip()]
    if cols_m and cols_s:
        dx = max(cols_m) - min(cols_s)
    else:
        em = max((w.bottom - w.top for w in inked), default=10.0)
        right = max((w.x1 for w in main.words if w.text.strip()), default=0.0)
        left = min((w.x0 for w in inked), default=0.0)
        dx = right + GAP_EMS * em - left
    shift = (km.label_top - ks.label_top) if km.label_top is not None and ks.label_top is not None else 0.0
    rows_m = _row_rulings(main, km.label_top)
    rows_s = _row_rulings(strip, ks.label_top)
    same = len(rows_m) == len(rows_s)
    same = same and all(abs(a - b) <= SAME_RULING_PT for a, b in zip(rows_m, rows_s, strict=True))
    if same:
        move = lambda y: y  # noqa: E731 - the same rows at the same heights (the common case)
    else:
        move = _mapping(rows_m, rows_s, shift)
        if len(rows_m) != len(rows_s) and (rows_m or rows_s):
            notes.append(
                UNPAIRED_NOTE.format(
                    last=strip.page, first=main.page, n_last=len(rows_s), n_first=len(rows_m)
                )
            )
            flags[main.page] = DOUBT_FLAG
    for w in strip.words:
        w.x0 += dx
        w.x1 += dx
        top, bottom = move(w.top), move(w.bottom)
        w.top, w.bottom = top, max(bottom, top)
        w.page = main.page
    main.words.extend(strip.words)
    for u in strip.unseen:
        u.word.x0 += dx
        u.word.x1 += dx
        u.word.top, u.word.bottom = move(u.word.top), move(u.word.bottom)
        u.word.page = main.page
        if u.clip is not None:
            x0, t, x1, b = u.clip
            u.clip = (x0 + dx, move(t), x1 + dx, move(b))
    main.unseen.extend(strip.unseen)
    for x0, t, x1, b in strip.rulings:
        main.rulings.append((x0 + dx, move(t), x1 + dx, move(b)))
    main.width = max(main.width, strip.width + dx)
    main.unread += strip.unread


def unprinted_last_labels(pages: list[PageWords]) -> list[str]:
    """The last columns' labels (提出時期, 説明) that no label row of ``pages`` prints while one of
    them prints the first columns' (変更日 / 項目): the columns a sheet too wide for its page
    printed on pages not among ``pages``; [] otherwise."""
    rows = [row[1] for page in pages if (row := _label_row(page)) is not None]
    if not any(k in keys for keys in rows for k in FIRST_KEYS):
        return []
    return [_SHOWN.get(k, k) for k in LAST_KEYS if not any(k in keys for keys in rows)]


ROW_ORDER_NOTE = (
    "page(s) {last} print only the last columns ({labels}) of a table whose page(s) {first} print its"
    " first ones (a sheet too wide for the page): a text in row order gives them apart from their"
    " rows, and they are read as printed: rows may be extra, and rows may lack or take the wrong"
    " {labels}"
)


# A flattened text's page is a strip only when its label row prints this many labels: a column-
# ordered text (pdfminer) opens pages with one cell box, a lone 変更日 or 提出時 (office/calc-seed).
MIN_TEXT_STRIP_LABELS = 2


def row_order_strips_note(pages: list[PageWords]) -> list[str]:
    """``ROW_ORDER_NOTE`` (in a list) when ``pages``, a flattened text's (no columns side by side),
    print a table's later columns on pages of their own (two strips or more; each label row
    counted printing ``MIN_TEXT_STRIP_LABELS`` labels or more); [] otherwise."""
    kinds = {i: k for i, k in _kinds(pages).items() if len(k.labels) >= MIN_TEXT_STRIP_LABELS}
    firsts = [i for i in sorted(kinds) if kinds[i].rank == 0]
    lasts = [i for i in sorted(kinds) if kinds[i].rank > 0]
    if not firsts or not lasts:
        return []
    labels = _strip_labels(kinds, lasts)
    first = ", ".join(str(pages[i].page) for i in firsts)
    return [
        ROW_ORDER_NOTE.format(last=", ".join(str(pages[j].page) for j in lasts), first=first, labels=labels)
    ]


def strip_pairs(pages: list[PageWords]) -> tuple[list[tuple[int, int, float, float]], str]:
    """The pages of a sheet printed in two column strips paired as ``join_column_strips`` pairs
    them, for readers without rulings (``grid/layout_strips``): (index of a first-strip page,
    index of its last-strip page, their label rows' tops) for the pairs whose pages both print a
    label row, and the last strips' labels as a note names them.  A sheet of three strips or
    more gives no pair (``strip_ranks`` tells it)."""
    kinds = _kinds(pages)
    if strip_count(kinds) != 2:
        return [], ""
    firsts = [i for i in sorted(kinds) if kinds[i].first]
    lasts = [i for i in sorted(kinds) if not kinds[i].first]
    pairs = []
    for i, j in zip(firsts, lasts, strict=False):
        top_m, top_s = kinds[i].label_top, kinds[j].label_top
        if top_m is not None and top_s is not None:
            pairs.append((i, j, top_m, top_s))
    shown = (k for _, j, _, _ in pairs for k in kinds[j].labels if k not in FIRST_KEYS)
    return pairs, " / ".join(dict.fromkeys(_SHOWN.get(k, k) for k in shown))


def strip_kinds(pages: list[PageWords]) -> dict[int, tuple[int, float | None, tuple[str, ...]]]:
    """Index in ``pages`` → (its column strip, 0 the first; its label row's top, None without
    one; the label keys it prints) for the pages of a sheet printed in column strips."""
    return {i: (k.rank, k.label_top, k.labels) for i, k in _kinds(pages).items()}


def strip_count(kinds: dict[int, _Kind]) -> int:
    """How many column strips ``kinds`` (``_kinds``) found (0 without strips)."""
    return len({k.rank for k in kinds.values()})


def strip_ranks(pages: list[PageWords]) -> dict[int, int]:
    """Index in ``pages`` → its column strip (0 the first, left to right) for the pages of a sheet
    printed in column strips; {} when none is found."""
    return {i: k.rank for i, k in _kinds(pages).items()}


def _strip_labels(kinds: dict[int, _Kind], at: list[int]) -> str:
    """The labels the pages ``at`` print beyond those every strip prints, as a note names them."""
    common = set.intersection(*(set(k.labels) for k in kinds.values() if k.labels))
    shown = (k for i in at for k in kinds[i].labels if k not in common)
    return " / ".join(dict.fromkeys(_SHOWN.get(k, k) for k in shown))


def join_column_strips(pages: list[PageWords]) -> tuple[list[PageWords], list[str], dict[int, str]]:
    """``pages`` with each page of a table's later column strips joined into the page of the same
    rows' first columns, strip after strip left to right (two strips or more, either page order:
    the i-th page of each strip holds the same rows); the notes saying so and flags by page
    number for the rows of pages joined in doubt (strips of unequal page counts: every first-strip
    page flagged, the count named).  ``pages`` are returned unchanged (and no note) when no page
    prints only later columns."""
    kinds = _kinds(pages)
    if not kinds:
        return pages, [], {}
    n = strip_count(kinds)
    strips = [[i for i in sorted(kinds) if kinds[i].rank == r] for r in range(n)]
    firsts = strips[0]
    notes: list[str] = []
    flags: dict[int, str] = {}
    joined: set[int] = set()
    for r, lasts in enumerate(strips[1:], 1):
        if len(firsts) != len(lasts):
            notes.append(
                COUNT_NOTE.format(
                    n_last=len(lasts),
                    n_first=len(firsts),
                    labels=_strip_labels(kinds, lasts),
                    left=abs(len(lasts) - len(firsts)),
                )
            )
            flags.update({pages[i].page: DOUBT_FLAG for i in firsts})
        pairs = list(zip(firsts, lasts, strict=False))
        if not pairs:
            continue
        for i, j in pairs:
            km = kinds[i]
            ks = kinds[j]
            # A page without its own label row takes its strip's first page's top.
            if km.label_top is None:
                km = _Kind(km.first, kinds[firsts[0]].label_top, km.labels, km.rank)
            if ks.label_top is None:
                ks = _Kind(ks.first, kinds[lasts[0]].label_top, ks.labels, ks.rank)
            _join(pages[i], pages[j], km, ks, notes, flags)
        joined |= {j for _, j in pairs}
        last = ", ".join(str(pages[j].page) for _, j in pairs)
        first = ", ".join(str(pages[i].page) for i, _ in pairs)
        note = JOINED_NOTE if len(pairs) > 1 else JOINED_NOTE_ONE
        if r < n - 1:
            note = note.replace("the last columns", "further columns")
        notes.insert(
            r - 1, note.format(last=last, first=first, labels=_strip_labels(kinds, [j for _, j in pairs]))
        )
    return [p for k, p in enumerate(pages) if k not in joined], notes, flags
