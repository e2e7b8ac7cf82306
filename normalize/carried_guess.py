"""Doubts about a date given to rows that print none: a merged 変更日, or empty cells (issues 10, 12).

A 変更日 printed once beside several rows is a merged cell's, and every row it covers takes it
(``merged_cell_filled``); but a table may also leave a row's 変更日 cell empty ("same as
above"), and that row's date is "".  How the producers print the two (LibreOffice, measured on
the sample tables of set XI, ``tools/make_empty50_samples.py``):

* a merged cell prints its text once, at the top, the middle or the foot of the rows it covers,
  as the cell's vertical alignment says (Writer's default: top; Calc's: bottom);
* a row's own cell prints its date level with its own row's top, middle or foot; the rows
  after it with empty cells print nothing beside them.

So a date level with the top of the first row of the rows given it (or with the foot of the
last) reads the same either way: the text cannot tell a merged cell from a row's own date over
empty cells.  In text read by positions (``-layout``, OCR) each row's extent runs from its
text's first line to the line before the next row's; where the table's rows that print a date
alone all print it at one place of their rows (top, middle or foot: ``own_date_alignment``), a
date given to several rows that does not stand there in the row holding it is a merged cell's
(no doubt); one that does is in doubt, whether or not it also stands where a merged cell over
the rows would.  A date given to rows that stands under the text of the row above them, which
prints none of its own, is that row's date set at the foot of its cell (its rows in doubt).
Text read without positions (``-raw``, pypdfium2, pdfminer, plain ``pdftotext``) prints either
in one place, level with one row: it never tells.

Deciding instead (giving the other rows "" where the date stands where rows print their own and
not where a merged cell would) was measured and left: over the tuning ``-layout`` texts
(office-empty50, office-layout49, office-layout16, office-valigndate15) 18 wrong rows would turn
right and 14 right rows wrong.  Warning also the first row of a run that opens a page in
flattened text (its date may be a later row's) caught 3 more wrong rows of office-empty50 for 6
right ones, and on heldout-empty50 none for 10 right ones: left out.

``quality.carried_date_guess`` (false) turns the flag on here.  Without it the flag still
marks the rows of a table that prints one date twice in runs of rows that follow on each other
(``carried_empty.py``, branch carry53: such a table does not merge its dates by value).
Off by default since the merge: in
text read without positions it warned some 20-30 right rows of merged tables on older held-out
sets for each few wrong ones caught, and by positions (``-layout``) Calc's merged dates at the
foot of their rows look like own dates there (set X ``-layout``: +10 right rows warned for +1
wrong; heldout-layout49 +4 for +1; the unseen set XII, scored with it on: 6 rows warned by it
alone, its -layout and pdfplumber-layout right rows warned up by 3 each).  A batch whose bodies
leave "same as above" cells empty may turn it on.  The flag warns and leaves the confidence as
it was (no ``quality.weight_date_carried_guess``: most rows it marks are right).

Merged dates are by far the more common (the committed samples with expected records: 1,259
rows under a merged 変更日, none under an empty one; sets VII–XI: 8 empty cells in 115 rows of
one set, none in the others), so the reader's fill stays; ``carried_date_guesses`` adds
``date_carried_guess`` on the 変更日 of each row given a date printed beside another row where
the text does not show a merged cell.  Ruled rows (a PDF's grid shows whether a cell is closed)
are left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from piatable.models import CellLine, Doubt, RawRow

from .page_fill import TOP_SLACK_LINES, _own_lines

FLAG = "date_carried_guess"
# A date this many lines or fewer from the middle of a row (or of rows) stands in their middle
# (-layout text drops blank lines, moving a centred text off the middle).
MIDDLE_SLACK_LINES = 1.5

# The rows printing a date of their own alone that must agree before their place in the row is
# the table's (one row may be a row broken over a page, its date where the break left it).
OWN_ALIGN_MIN_ROWS = 2

WHY_FLAT = (
    "the date is printed beside another row: a merged 変更日, or this row's cell left empty "
    "(text read without positions prints both alike)"
)
WHY_EDGE = (
    "the date stands at the {edge} of another row (line {line}): a merged 変更日 aligned at the "
    "{edge}, or this row's cell left empty, print alike"
)
WHY_OWN_MIDDLE = (
    "the date stands at the {edge} of another row (line {line}), where the table's rows print "
    "their own dates, not where a merged 変更日 over this row would: this row's cell left empty?"
)


WHY_ABOVE = (
    "the date (line {line}) stands under the text of the row above, which prints no date of its "
    "own: that row's date set at the foot of its cell, this row's cell left empty?"
)


def runs_of(rows: Sequence[RawRow], key: Callable[[RawRow], tuple[object, ...]]) -> list[list[int]]:
    """Runs of consecutive rows (indices into ``rows``) whose ``key`` is one and not empty: rows
    given one printed value.  A row whose key is empty (it was given nothing) is a run of its own."""
    out: list[list[int]] = []
    last: tuple[object, ...] = ()
    for k, row in enumerate(rows):
        key_k = key(row)
        if key_k and key_k == last:
            out[-1].append(k)
        else:
            out.append([k])
        last = key_k
    return out


def _date_key(row: RawRow) -> tuple[object, ...]:
    """The printed date a row was given: the same lines of the page (rows read by positions copy
    them) or the same line objects (flattened text)."""
    return tuple(
        (ln, cl.text) if row.positioned and (ln := _line(cl)) else id(cl)
        for cl in row.cells.get("change_date") or []
    )


def _runs(rows: list[RawRow]) -> list[list[int]]:
    """Runs of consecutive rows given one printed date (``runs_of`` by ``_date_key``)."""
    return runs_of(rows, _date_key)


def _groups(rows: list[RawRow]) -> list[list[int]]:
    """The runs of two rows or more (``_runs``): one printed date given to several rows."""
    return [g for g in _runs(rows) if len(g) > 1]


def _line(cl: CellLine) -> tuple[int, int] | None:
    return None if cl.page is None or cl.line_no is None else (cl.page, cl.line_no)


Span = tuple[tuple[int, int], tuple[int, int]]


def _extents(rows: list[RawRow]) -> list[Span | None]:
    """Each row's extent on its page: from its own text's first line (``page_fill._own_lines``)
    to the line before the next row's first line on the same page (the blank lines under a
    row's text are its own: cells padded by spare lines, or taller than their text), else to its
    own last line; None for a row printing no line of its own."""
    own = [_own_lines(r) for r in rows]
    out: list[Span | None] = []
    for k, lines in enumerate(own):
        if not lines:
            out.append(None)
            continue
        end = lines[-1]
        nxt = next((o[0] for o in own[k + 1 :] if o), None)
        if nxt is not None and nxt[0] == end[0] and nxt[1] - 1 > end[1]:
            end = (end[0], nxt[1] - 1)
        out.append((lines[0], end))
    return out


def _place(date: Span, text_end: tuple[int, int], extent: Span) -> set[str]:
    """Where a date (its first and last line) stands in a row (``extent``, its text ending on
    ``text_end``): any of ``top`` (level with the row's first line), ``foot`` (at or below its
    text's last line), ``middle`` (of the extent)."""
    (top, foot), (first, last) = date, extent
    out = set()
    if top[0] == first[0] and abs(top[1] - first[1]) <= TOP_SLACK_LINES:
        out.add("top")
    if foot[0] == text_end[0] and text_end[1] - TOP_SLACK_LINES <= foot[1] <= last[1] + TOP_SLACK_LINES:
        out.add("foot")
    if top[0] == first[0] == last[0] and (
        abs((top[1] + foot[1]) / 2 - (first[1] + last[1]) / 2) <= MIDDLE_SLACK_LINES
    ):
        out.add("middle")
    return out


def _date_span(row: RawRow) -> Span | None:
    lines = [ln for cl in row.cells.get("change_date") or [] if (ln := _line(cl))]
    return (lines[0], lines[-1]) if lines else None


def _holder(date: Span, group: list[int], ext: list[Span | None]) -> int | None:
    """The row of ``group`` whose extent holds the date's first line."""
    return next((k for k in group if (e := ext[k]) and e[0] <= date[0] <= e[1]), None)


def own_date_alignment(rows: list[RawRow], groups: list[list[int]], ext: list[Span | None]) -> str | None:
    """Where the rows that print a date of their own alone (no other row given it) print it in
    their rows: ``top``, ``foot`` or ``middle`` when every such row shows one place (a row too
    short to tell counts for all); None when fewer than ``OWN_ALIGN_MIN_ROWS`` tell or they
    disagree."""
    shared = {k for g in groups for k in g}
    seen: set[str] | None = None
    told = 0
    for k, row in enumerate(rows):
        if k in shared or not row.positioned or row.ruled:
            continue
        date, e = _date_span(row), ext[k]
        if date is None or e is None or _holder(date, [k], ext) is None:
            continue
        places = _place(date, _own_lines(row)[-1], e)
        seen = places if seen is None else seen & places
        told += 1
    return next(iter(seen)) if seen and len(seen) == 1 and told >= OWN_ALIGN_MIN_ROWS else None


def _positioned_doubts(
    rows: list[RawRow], group: list[int], ext: list[Span | None], own_align: str | None
) -> dict[int, str]:
    """Rows of ``group`` (positioned rows sharing one printed date) the text does not place
    under a merged cell: row → why.  ``ext``: the rows' extents (``_extents``); ``own_align``:
    where the table's rows print a date of their own (``own_date_alignment``)."""
    date = _date_span(rows[group[0]])
    if date is None or any(ext[k] is None for k in group):
        return {}
    holder = _holder(date, group, ext)
    if holder is None:
        # Outside the rows given it: a merged cell's, printed on another page.
        return {}
    places = _place(date, _own_lines(rows[holder])[-1], ext[holder])  # type: ignore[arg-type]
    as_own = places if own_align is None else places & {own_align}
    if not as_own:
        # Not where the table's rows print their own dates: a merged cell's.
        return {}
    span = (ext[group[0]][0], ext[group[-1]][1])  # type: ignore[index]
    merged_places = set()
    if holder == group[0] and "top" in places:
        merged_places.add("top")
    if holder == group[-1] and "foot" in places:
        merged_places.add("foot")
    if span[0][0] == span[1][0] == date[0][0] and (
        abs((date[0][1] + date[1][1]) / 2 - (span[0][1] + span[1][1]) / 2) <= MIDDLE_SLACK_LINES
    ):
        merged_places.add("middle")
    edge = "top" if "top" in as_own else "foot" if "foot" in as_own else "middle"
    why = (WHY_EDGE if merged_places else WHY_OWN_MIDDLE).format(edge=edge, line=date[0][1])
    return {k: why for k in group if k != holder}


def _above_doubts(rows: list[RawRow], ext: list[Span | None]) -> dict[int, str]:
    """Positioned rows given one date (a run of one row or more) that stands outside their
    extents, in the row above's (under its text: at its foot), while the row above prints no
    date of its own in it (it was given another row's): that row's own date, set at the foot
    of its cell, and these rows' cells left empty?  Row → why."""
    out: dict[int, str] = {}
    for run in _runs(rows):
        k = run[0]
        date = _date_span(rows[k])
        if k == 0 or date is None or any(rows[j].ruled or not rows[j].positioned for j in (k - 1, *run)):
            continue
        if _holder(date, run, ext) is not None or _holder(date, [k - 1], ext) is None:
            continue
        own = _date_span(rows[k - 1])
        if own is not None and _holder(own, [k - 1], ext) is not None:
            continue
        out.update(dict.fromkeys(run, WHY_ABOVE.format(line=date[0][1])))
    return out


def carried_date_guesses(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row, ``date_carried_guess`` on the 変更日 of a row given a date printed beside another
    row where the text does not show the date is a merged cell's (module docstring): in text
    read without positions every such row but the first of its run; in text read by positions
    (``RawRow.positioned``: ``-layout``, OCR) the rows below a date level with its row's top,
    above one level with its row's foot, and the others of a date centred on its own row rather
    than on theirs.  Ruled rows never.  Called only with ``quality.carried_date_guess`` (off by
    default: module docstring)."""
    out: list[list[Doubt]] = [[] for _ in rows]
    groups = _groups(rows)
    ext = _extents(rows)
    own_align = own_date_alignment(rows, groups, ext)
    for group in groups:
        if any(rows[k].ruled for k in group):
            continue
        if all(rows[k].positioned for k in group):
            unsure = _positioned_doubts(rows, group, ext, own_align)
        else:
            unsure = dict.fromkeys(group[1:], WHY_FLAT)
        for k, why in unsure.items():
            out[k].append(Doubt(FLAG, "change_date", why))
    for k, why in _above_doubts(rows, ext).items():
        out[k].append(Doubt(FLAG, "change_date", why))
    return out
