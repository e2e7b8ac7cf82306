"""The column strips of a sheet too wide for its page in ``pdftotext -layout``-like text: the
pages of its last columns (提出時期 / 説明 …) joined to the pages of the same rows' first columns
by row order.

A PDF's strips are joined by their rulings (``normalize/column_strips.py``); a ``-layout`` text
has none, and its lines are not where the PDF printed them (each page's blank lines are its own),
so the rows are paired by order instead: on a first-strip page each row opens with its date (in
the 変更日 column, left of the 項目 label), on a last-strip page with its 事前 / 事後 (or, with the
変更日 column repeated as a print-title column, with its date).  When both pages of a pair hold
as many rows, the page is rebuilt row block by row block: each block of the first strip's lines
(from a row's opening line to the next one's) beside the same block of the last strip's lines,
aligned at their opening lines, set right of the first strip's widest body line; the label rows
aligned likewise.  Where the counts differ nothing is joined: the rows are read as they are, a
note says that their last columns were printed on other pages, and the rows of both pages carry
``column_guess`` (set XXXIV n10: a Calc A3 sheet at 100 % printing 提出時期 / 説明 on pages 5–8;
its -layout texts read 20 rows with empty timings and explanations, status success).

Input: the pages of a ``-layout`` text (``PageWords`` in character cells, the line as ``top``);
output: the pages with each last-strip page joined into its first-strip page, notes, and the
page numbers whose rows are in doubt.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from piatable.models import PageWords, Word
from piatable.normalize.column_strips import FIRST_KEYS, strip_kinds, strip_pairs
from piatable.normalize.dates import DATE
from piatable.settings import GridSettings
from piatable.vocabulary import TIMING_WORD

from .layout_text import char_offsets, layout_page_rows
from .lines import ems

# Character cells between the first strip's widest body line and the last strip's columns.
GAP_CELLS = 4
# Cells added between a strip page's columns (``_spread_columns``).
SPREAD_CELLS = 4
# A label row (a wrapped 提出時 / 期) spans at most this many lines; the wrapped label's tail
# may be printed on the first row's line, glued to its 事前 / 事後 (``事前期``, pypdf's layout).
LABEL_LINES = 3
LABEL_TAIL = "期"
JOINED_NOTE = (
    "pages {last} print the last columns ({labels}) of the rows of pages {first} (a sheet too wide"
    " for the page): each joined to its page's rows in order"
)
UNJOINED_NOTE = (
    "page {last} prints the last columns ({labels}) of the rows of page {first} (a sheet too wide"
    " for the page), but its {n_last} rows do not pair with that page's {n_first}: not joined,"
    " the rows of both are read as printed and their last columns may be missing or misplaced"
)
TAIL_NOTE = (
    "page {page}: 「{text}」 is the first row's 提出時期 glued to the tail 期 of the label 提出時期"
    " wrapped over two lines: read as the label's end and the row's timing"
)
UNJOINED_WHY = "a sheet too wide for its page: this page's rows do not pair with its other columns' page"


def _lines(page: PageWords) -> dict[int, list[Word]]:
    out: dict[int, list[Word]] = {}
    for w in page.words:
        if w.text.strip():
            out.setdefault(round(w.top), []).append(w)
    return out


def _untie_label_tail(page: PageWords, notes: list[str]) -> None:
    """A 事前 / 事後 glued to the wrapped label's tail 期 (``事前期``: pypdf's layout prints the
    label's second line on the first row's) parted from it: the 期 goes to the label above, and
    a note says so (quoting the piece as printed)."""
    label = next((w for w in page.words if "".join(w.text.split()) == "提出時"), None)
    for w in page.words:
        text = "".join(w.text.split())
        if label is None or len(text) != 3 or not TIMING_WORD.fullmatch(text.strip(LABEL_TAIL)):
            continue
        w.text = text.strip(LABEL_TAIL)
        if text.startswith(LABEL_TAIL):
            w.x0 += 1
        else:
            w.x1 -= 1
        label.text += LABEL_TAIL
        notes.append(TAIL_NOTE.format(page=page.page, text=text))
        return


def _date_edge(lines: dict[int, list[Word]], label_top: float) -> float | None:
    """x where the label row's 項目 label opens (a row's date stands left of it); None without."""
    for y in sorted(y for y in lines if label_top - 0.5 <= y <= label_top + 3):
        for w in lines[y]:
            if FIRST_KEYS[1] in "".join(w.text.split()):
                return w.x0 + w.text.find(FIRST_KEYS[1]) * (w.x1 - w.x0) / max(len(w.text), 1)
    return None


def _date_rows(lines: dict[int, list[Word]], label_top: float, edge: float | None) -> list[int]:
    """The lines below the label row that open a row with a date (left of ``edge``)."""
    out = []
    for y in sorted(y for y in lines if y > label_top):
        first = min(lines[y], key=lambda w: w.x0)
        if (edge is None or first.x0 < edge) and DATE.match("".join(first.text.split())):
            out.append(y)
    return [y for y in out if y > label_top + 0.5]


def _timing_rows(lines: dict[int, list[Word]], label_top: float) -> list[int]:
    """The lines below the label row that print a 提出時期 word of their own (事前 / 事後)."""
    return [
        y
        for y in sorted(y for y in lines if y > label_top + 0.5)
        if any(TIMING_WORD.fullmatch("".join(w.text.split())) for w in lines[y])
    ]


def _label_words(lines: dict[int, list[Word]], label_top: float, first_row: int) -> list[Word]:
    """The words of the label row: from its top to the first row's opening line (at most
    ``LABEL_LINES`` lines), left to right."""
    ys = [y for y in lines if label_top - 0.5 <= y < min(first_row, label_top + LABEL_LINES)]
    return sorted((w for y in ys for w in lines[y]), key=lambda w: w.x0)


def _repeated_edge(main: list[Word], strip: list[Word]) -> float | None:
    """x where the strip's own labels open after the labels it repeats from the first strip (the
    No. or 変更日 column printed on every page as a print-title column); None when it repeats
    none."""
    printed = {"".join(w.text.split()) for w in main}
    own = [w for w in strip if "".join(w.text.split()) not in printed]
    if not own or own[0] is strip[0]:
        return None
    return own[0].x0


def _stacked_labels(words: list[Word]) -> list[Word]:
    """A label row's words as one line: the pieces of a label wrapped over lines (提出時 over 期)
    joined top down into the piece they stand under."""
    out: list[Word] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        above = next((o for o in out if w.x0 < o.x1 and o.x0 < w.x1), None)
        if above is None:
            out.append(replace(w))
        else:
            above.text += w.text.strip()
            above.x0, above.x1 = min(above.x0, w.x0), max(above.x1, w.x1)
    return out


def _spread_columns(words: list[Word], labels: list[Word]) -> None:
    """A strip page's body ``words`` and ``labels`` set apart by column: each word goes to the
    label column it overlaps most, opens no further left than that label (``pdftotext -layout``
    sets a cell's wrapped line a few cells left of its first: ``記載の追加`` under
    ``予防接種事務の…`` opening under 提出時期), and the k-th column moves ``SPREAD_CELLS`` × k
    cells right (poppler may leave one space between a narrow 提出時期 and 説明, too little for a
    column gap)."""
    labels.sort(key=lambda w: w.x0)
    if len(labels) < 2:
        return
    starts = [w.x0 for w in labels]
    spans = list(zip(starts, [*starts[1:], float("inf")], strict=True))
    for w in words:
        k = max(range(len(spans)), key=lambda k: min(w.x1, spans[k][1]) - max(w.x0, spans[k][0]))
        move = max(0.0, spans[k][0] - w.x0) + SPREAD_CELLS * k
        w.x0, w.x1 = w.x0 + move, w.x1 + move
    for k, w in enumerate(labels):
        w.x0, w.x1 = w.x0 + SPREAD_CELLS * k, w.x1 + SPREAD_CELLS * k


def _rebuild(
    main: PageWords,
    strip: PageWords,
    tops: tuple[float, float],
    opens: tuple[list[int], list[int]],
    dx: float,
) -> None:
    """``main`` rebuilt block by block with ``strip``'s lines beside its own (``opens``: the
    opening lines of the rows of each, ``tops``: their label rows' tops), ``strip``'s words moved
    ``dx`` cells right."""
    m_lines, s_lines = _lines(main), _lines(strip)
    m_open, s_open = opens
    m_starts = [round(tops[0]), *m_open]
    s_starts = [round(tops[1]), *s_open]
    m_end = max(m_lines, default=0) + 1
    s_end = max(s_lines, default=0) + 1
    words: list[Word] = [w for y in m_lines if y < m_starts[0] for w in m_lines[y]]
    words += [
        replace(w, x0=w.x0 + dx, x1=w.x1 + dx, page=main.page)
        for y in s_lines
        if y < s_starts[0]
        for w in s_lines[y]
    ]
    at = m_starts[0]
    for k, (ms, ss) in enumerate(zip(m_starts, s_starts, strict=True)):
        me = m_starts[k + 1] if k + 1 < len(m_starts) else m_end
        se = s_starts[k + 1] if k + 1 < len(s_starts) else s_end
        if k == 0:  # the label row: the strip's labels on the first strip's label line
            labels = _stacked_labels([w for y in range(ss, se) for w in s_lines.get(y, [])])
            _spread_columns([w for y in s_lines if y >= se for w in s_lines[y]], labels)
            words += [
                replace(w, x0=w.x0 + dx, x1=w.x1 + dx, top=at, bottom=at + 1, page=main.page) for w in labels
            ]
            ss = se
        for y in range(ms, me):
            words += [
                replace(w, top=w.top - y + at + (y - ms), bottom=w.bottom - y + at + (y - ms))
                for w in m_lines.get(y, [])
            ]
        for y in range(ss, se):
            words += [
                replace(
                    w,
                    x0=w.x0 + dx,
                    x1=w.x1 + dx,
                    top=w.top - y + at + (y - ss),
                    bottom=w.bottom - y + at + (y - ss),
                    page=main.page,
                )
                for w in s_lines.get(y, [])
            ]
        at += max(me - ms, se - ss)
    main.words = words
    main.height = max(main.height, at + 1)
    main.width = max(main.width, strip.width + dx)


MANY_NOTE = (
    "pages {pages} print the columns of one table in {n} strips (a sheet too wide for the page,"
    " page {first} its first columns): a -layout text's strips of three or more are not joined,"
    " the rows are read as printed and may be extra, split, or lack their other columns"
)
# Rows of three strips or more joined by row order: each pair held as many rows, but a row's
# lines are placed by order alone across strips (Calc's centred cells print a row's date, and
# its 事前 / 事後, mid-row): in tuning, 3 of 19 wrong rows read at 0.9 or more unflagged.
MANY_JOINED_WHY = "a sheet printed in three column strips or more: its strips joined by row order"
MANY_WHY = "a sheet printed in three column strips or more: its strips are not joined in a -layout text"


def _many_strips(pages: list[PageWords], notes: list[str]) -> list[PageWords] | None:
    """A sheet printed in three column strips or more (``strip_kinds``): joined strip after strip
    (``_join_many``) when every strip prints as many pages with a label row and each later strip
    but the last repeats the 変更日 column (its rows open with their dates: a print-title
    column); else not joined, every word of the table's pages, from its first strip's first page
    on, carrying ``MANY_WHY`` as its ``guess`` (the grid flags their cells ``column_guess``) and
    a note naming the pages.  None for a sheet of fewer than three strips."""
    kinds = strip_kinds(pages)
    n = len({k[0] for k in kinds.values()})
    if n < 3:
        return None
    joined = _join_many(pages, kinds, n, notes)
    if joined is not None:
        return joined
    start = min(kinds)
    for page in pages[start:]:
        for w in page.words:
            w.guess = w.guess or MANY_WHY
    shown = ", ".join(str(pages[i].page) for i in sorted(kinds))
    notes.append(MANY_NOTE.format(pages=shown, n=n, first=pages[start].page))
    return pages


def _dated_rows(lines: dict[int, list[Word]], label_top: float, edge: float) -> list[int]:
    """The lines below the label row that print a date left of ``edge`` (in the 変更日 column,
    a No. column possibly before it)."""
    return [
        y
        for y in sorted(y for y in lines if y > label_top + 0.5)
        if any(w.x0 < edge and DATE.match("".join(w.text.split())) for w in lines[y])
    ]


# A repeated column's value opening a strip page's body line: a No. (1, 12) or a date, with the
# space after it; and the tail of a date wrapped in its narrow cell (日, 17日).
_REPEATED_VALUE = regex.compile(r"^\s*(?:\d{1,4}\s+)?(?:" + DATE.pattern + r")?\s*")
_DATE_TAIL = regex.compile(r"^\d{0,2}日?$")


def _right_of(words: list[Word], edge: float) -> list[Word]:
    """``words`` without the values of the columns a strip repeats left of ``edge`` (No. / 変更日
    as print-title columns): a word opening left of it loses a leading No. and date (a date and
    the next cell's text one space apart: ``2022年10月17 使用開始日…``), a word wholly left of it
    that is a wrapped date's tail (日) goes; other words stay whole (a cell's wrapped lines open
    left of its label in a ``-layout`` text)."""
    out = []
    for w in words:
        if w.x0 >= edge:
            out.append(w)
            continue
        text = w.text
        if w.x1 <= edge and _DATE_TAIL.match(text.strip()):
            continue
        cut = _REPEATED_VALUE.match(text)
        at = cut.end() if cut and DATE.search(text[: cut.end()] or " ") else 0
        rest = text[at:]
        if rest.strip():
            per = (w.x1 - w.x0) / max(len(text), 1)
            out.append(replace(w, text=rest, x0=w.x0 + at * per))
    return out


def _join_many(
    pages: list[PageWords],
    kinds: dict[int, tuple[int, float | None, tuple[str, ...]]],
    n: int,
    notes: list[str],
) -> list[PageWords] | None:
    """``pages`` with the k-th page of each later strip joined into the k-th page of the first,
    strip after strip (the rows paired by order: dates on the first strip and on each strip that
    repeats 変更日, 事前 / 事後 on the last); None, nothing changed, unless every pair holds as many
    rows."""
    groups = [[i for i in sorted(kinds) if kinds[i][0] == r] for r in range(n)]
    if any(len(g) != len(groups[0]) for g in groups) or any(kinds[i][1] is None for i in kinds):
        return None
    if any(FIRST_KEYS[0] not in kinds[g[0]][2] for g in groups[1:-1]):
        return None  # a middle strip without the date: its rows open with nothing to pair by
    work = [replace(p, words=[replace(w) for w in p.words]) for p in pages]
    hx, hy = ems(work)
    for column in zip(*groups, strict=True):
        i = column[0]
        alone = layout_page_rows(work[i], None, hx, hy, GridSettings())
        if alone is None or alone.by_chars:
            for k in column:
                work[k] = char_offsets(work[k])
        top_m = kinds[i][1]
        for j in column[1:]:
            main, strip, top_s = work[i], work[j], kinds[j][1]
            if top_m is None or top_s is None:
                return None
            m_lines, s_lines = _lines(main), _lines(strip)
            m_open = _dated_rows(m_lines, top_m, _date_edge(m_lines, top_m) or float("inf"))
            _untie_label_tail(strip, notes)
            s_lines = _lines(strip)
            first_m = m_open[0] if m_open else top_m + LABEL_LINES
            dated = FIRST_KEYS[0] in kinds[j][2]
            opens = _dated_rows(s_lines, top_s, float("inf")) if dated else _timing_rows(s_lines, top_s)
            labels_s = _label_words(s_lines, top_s, opens[0] if opens else top_s + LABEL_LINES)
            edge = _repeated_edge(_label_words(m_lines, top_m, first_m), labels_s)
            if dated:
                s_open = _dated_rows(s_lines, top_s, edge if edge is not None else float("inf"))
            else:
                s_open = _timing_rows(s_lines, top_s)
            if edge is not None:  # the columns it repeats are the first strip's: read there
                strip.words = _right_of(strip.words, edge)
            if not m_open or len(m_open) != len(s_open):
                return None
            body = [w.x1 for y, ws in m_lines.items() if y >= top_m for w in ws]
            _rebuild(main, strip, (top_m, top_s), (m_open, s_open), max(body, default=0.0) + GAP_CELLS)
    for r, group in enumerate(groups[1:], 1):
        labels = " / ".join(
            dict.fromkeys(k for j in group for k in kinds[j][2] if not all(k in kinds[i][2] for i in kinds))
        )
        note = JOINED_NOTE if r == n - 1 else JOINED_NOTE.replace("the last columns", "further columns")
        first = ", ".join(str(pages[i].page) for i in groups[0])
        notes.insert(
            r - 1, note.format(last=", ".join(str(pages[j].page) for j in group), first=first, labels=labels)
        )
    joined = {j for g in groups[1:] for j in g}
    for i in groups[0]:  # the grid makes it ``column_guess``: paired by order alone
        for w in work[i].words:
            w.guess = w.guess or MANY_JOINED_WHY
    return [p for k, p in enumerate(work) if k not in joined]


def join_layout_strips(pages: list[PageWords], notes: list[str]) -> list[PageWords]:
    """``pages`` (a ``-layout`` text's) with each last-strip page joined into the first-strip page
    of the same rows when both hold as many rows; the words of pairs that do not carry
    ``UNJOINED_WHY`` as their ``guess`` (the grid flags their cells ``column_guess``); notes
    appended to ``notes``.  Unchanged when no page prints only a table's last columns."""
    if (many := _many_strips(pages, notes)) is not None:
        return many
    pairs, labels = strip_pairs(pages)
    if not pairs:
        return pages
    right = 0.0
    plans = []
    pages = list(pages)
    hx, hy = ems(pages)
    for i, j, top_m, top_s in pairs:
        # In the units the grid reads the first strip's page in (display columns or character
        # counts, ``layout_text``): its lines hold full- and half-width text in their own mix,
        # and the last strip's columns must stand at one offset on all of them in that reading.
        alone = layout_page_rows(pages[i], None, hx, hy, GridSettings())
        if alone is None or alone.by_chars:
            pages[i], pages[j] = char_offsets(pages[i]), char_offsets(pages[j])
        main, strip = pages[i], pages[j]
        m_lines, s_lines = _lines(main), _lines(strip)
        m_open = _date_rows(m_lines, top_m, _date_edge(m_lines, top_m))
        _untie_label_tail(strip, notes)
        s_open = _timing_rows(s_lines, top_s)
        first_m = m_open[0] if m_open else top_m + LABEL_LINES
        first_s = s_open[0] if s_open else top_s + LABEL_LINES
        edge = _repeated_edge(_label_words(m_lines, top_m, first_m), _label_words(s_lines, top_s, first_s))
        if edge is not None:  # the columns it repeats are the first strip's: read there
            strip.words = [w for w in strip.words if w.x1 > edge]
            s_lines = _lines(strip)
            s_open = _timing_rows(s_lines, top_s)
        if m_open and len(m_open) == len(s_open):
            plans.append((i, j, (top_m, top_s), (m_open, s_open)))
            body = [w.x1 for y, ws in m_lines.items() if y >= top_m for w in ws]
            right = max(right, *body) if body else right
        else:
            notes.append(
                UNJOINED_NOTE.format(
                    last=strip.page, first=main.page, labels=labels, n_last=len(s_open), n_first=len(m_open)
                )
            )
            for w in (*main.words, *strip.words):  # the grid makes it ``column_guess``
                w.guess = w.guess or UNJOINED_WHY
    for i, j, tops, opens in plans:
        _rebuild(pages[i], pages[j], tops, opens, right + GAP_CELLS)
    if plans:
        notes.insert(
            0,
            JOINED_NOTE.format(
                last=", ".join(str(pages[j].page) for _, j, _, _ in plans),
                first=", ".join(str(pages[i].page) for i, _, _, _ in plans),
                labels=labels,
            ),
        )
    joined = {j for _, j, _, _ in plans}
    return [p for k, p in enumerate(pages) if k not in joined]
