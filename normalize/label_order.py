"""Columns printed in another order, in flattened text (issue 10, colorder18).

Flattened text (pypdfium2, ``pdftotext -raw``, pdfminer, plain ``pdftotext``) has no label
positions, but it prints the label row: its labels come in the order of the printed columns
(``変更日 項目 提出時期 変更前の記載 …``), a wrapped label in pieces (``提出時`` / ``期``,
``提出時期に係`` / ``る説明``), two wrapped labels side by side piece by piece (``提出 提出時期に係る説``
/ ``時期`` / ``明``).  ``text_roles`` reads that order (the roles, indices of ``LABELS``, left to
right) when a label row shows all six labels.

Where it differs from the form's order, the row-ordered text is put back into the form's order
before it is read (``reorder_pass_one``, ``reorder_dates``):

- a row's one-line cells printed on one line (Calc's first pass: ``事後 財務部市民税課 財政部市民税課
  組織改正による部署名の変更`` under ``提出時期`` before ``変更前の記載``) are put in the form's order
  around the timing: the explanation is the last piece when it ends as an explanation ends
  (``EXPLANATION_ENDING``), the other pieces are the before / after cells.  Only lines in a run of
  such lines (a page's first pass) are read so: Writer prints a timing beside its row's next cell,
  a line at a time between the rows' items;
- a date printed after the item (``変更日`` on the right) is moved before its row's item: a date
  ending a one-line cells' line goes to its start; a date line goes before the first line that
  opens an item (Ⅰ…Ⅵ, ``表紙``, an attachment) since the date before it.

What these cannot settle is said (``order_doubts``): the rows of a text read in another order
than its labels print get ``column_guess``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from piatable.models import CellLine, Doubt, RawRow

if TYPE_CHECKING:
    from .stream import StreamResult
from piatable.vocabulary import EXPLANATION_ENDING, LABELS, is_header_line, is_title

from .dates import DATE as DATE_PATTERN
from .dates import DATE_AT_START, is_date_line
from .items import opens_item_line
from .swapped_sides import sides_swapped, swap_sides

USUAL = tuple(range(len(LABELS)))
DATE, ITEM, BEFORE, AFTER, TIMING_ROLE, EXPLANATION = USUAL
# A run of one-line cells' lines holding a timing: at least this many in a row (a page's first
# pass).  Writer's lines that print a timing beside the next cell stand one per row.
PASS_ONE_MIN_RUN = 2
# Lines in such runs a text must show to be read as Calc's two passes (``_two_passes``).
PASS_ONE_MIN_LINES = 3
# A label row lacking labels says something of the order when one of its lines prints at least
# this many whole labels (pdfminer's label boxes, one a line, come in no column's order).
PARTIAL_MIN_LABELS = 4

# A label row printing this many labels twice is two tables' label rows side by side (set XXXIV
# w05: two Calc tables in the same sheet rows, A–F and G–L).
BESIDE_MIN_LABELS = 4
BESIDE_WHY = (
    "two amendment tables are printed side by side (one label row prints the column labels twice):"
    " text read row by row runs the two tables' cells together, so which table and column each"
    " cell is printed in is a guess on every row"
)
_SPACE = regex.compile(r"[\s　]+")
_TIMING_PIECE = regex.compile(r"^事[\s　]?[前後]$")
# A date ending a line after a space (``… 事後 組織改正に伴う修正 2019/4/1``).
_DATE_AT_END = regex.compile(r"^(?P<rest>.*\S)[ 　]+(?P<date>\S+)$")
# A date printed after a cell's last line on its baseline, alone or before its row's timing
# (``…及び別表第二 令和 3 年 9 月 1 日 事後``).
_DATE_AFTER_CELL = regex.compile(
    rf"^(?P<rest>.*\S)[ 　]+(?P<date>(?:{DATE_PATTERN.pattern})(?:[ 　]+事[前後](?:[ 　].*)?)?)$"
)


def _label_tokens(line: str) -> list[str] | None:
    """The label pieces of a line that holds nothing else, in order; None for any other line.
    A token that is no piece may be whole labels written together (``提出時期提出時期に係る説明``)."""
    out: list[str] = []
    for tok in _SPACE.split(line.strip()):
        if not tok:
            continue
        if any(label.startswith(tok) or label.endswith(tok) or tok in label for label in LABELS):
            out.append(tok)
            continue
        rest = tok
        while rest:
            head = next((lab for lab in sorted(LABELS, key=len, reverse=True) if rest.startswith(lab)), None)
            if head is None:
                return None
            out.append(head)
            rest = rest[len(head) :]
    return out or None


def _labels_in_order(tokens: Sequence[str], whole_only: bool = False) -> list[int] | None:
    """The labels the pieces make, in the order they open; None when pieces are left over.
    ``whole_only``: the labels printed as one piece only (a wrapped label left out).
    A piece goes on the newest open label it continues (a wrapped label's tail: ``提出`` /
    ``提出時期`` / ``時期`` / ``に係る説`` gives 提出時期 and 提出時期に係る説明), else opens a label (a
    whole one that is no other's head closes at once)."""
    open_: list[str] = []
    opened: list[int] = []  # the order of opening, as indices into ``open_``
    done: dict[int, int] = {}  # index into open_ -> role
    for tok in tokens:
        for k in reversed(range(len(open_))):
            if k in done:
                continue
            joined = open_[k] + tok
            if any(lab.startswith(joined) for lab in LABELS):
                open_[k] = joined
                if joined in LABELS and not any(lab.startswith(joined) and lab != joined for lab in LABELS):
                    done[k] = LABELS.index(joined)
                break
        else:
            if not any(lab.startswith(tok) for lab in LABELS):
                return None
            open_.append(tok)
            opened.append(len(open_) - 1)
            if tok in LABELS and not any(lab.startswith(tok) and lab != tok for lab in LABELS):
                done[len(open_) - 1] = LABELS.index(tok)
    # A label that is also the head of a longer one (提出時期) closes at the end.
    for k, head in enumerate(open_):
        if k not in done and head in LABELS:
            done[k] = LABELS.index(head)
    if len(done) != len(open_):
        return None
    return [done[k] for k in opened if not whole_only or open_[k] in tokens]


def header_runs(texts: Sequence[str], passes: bool = False) -> list[tuple[list[int], int]]:
    """The labels of each label row of the text, in the order they are printed, and the most
    whole labels one of its lines holds: a run of lines holding label pieces only (blank lines
    between them too: boxes, one label a box), opened by a line holding a whole label.

    ``passes``: the text is Calc's two passes (``_two_passes``), which draw the one-line labels
    first and a wrapped label (``提出時`` / ``期``) with the wrapped cells, wherever its column
    stands: a wrapped label is left out (its place is unknown)."""
    runs: list[tuple[list[int], int]] = []
    k, n = 0, len(texts)
    while k < n:
        if _label_tokens(texts[k]) is None or not _opens_label_row(texts[k]):
            k += 1
            continue
        tokens: list[str] = []
        most = 0
        while k < n and (not texts[k].strip() or (toks := _label_tokens(texts[k])) is not None):
            if texts[k].strip():
                tokens += toks
                most = max(most, sum(t in LABELS for t in toks))
            k += 1
        labels = _labels_in_order(tokens, whole_only=passes)
        if labels:
            runs.append((labels, most))
    return runs


def _opens_label_row(text: str) -> bool:
    return is_header_line(text) or any(t in LABELS for t in _SPACE.split(text.strip()))


def text_roles(texts: Sequence[str]) -> tuple[tuple[int, ...] | None, str | None]:
    """The printed columns' roles left to right when the text's label rows show all six labels
    and agree (None when in the form's order); and why the order is in doubt, else None: a label
    row printing ``BESIDE_MIN_LABELS`` labels twice (two tables side by side), label rows that
    print different orders, or label rows that print some labels only (a wrapped
    label drawn with the wrapped cells) in another order than the form's.  Such a row's
    missing labels are placed as the form's order places them (``_filled``): the roles are
    given, with the doubt."""
    runs = header_runs(texts, _two_passes(texts))
    if any(sum(1 for c in set(r) if r.count(c) >= 2) >= BESIDE_MIN_LABELS for r, _ in runs):
        return None, BESIDE_WHY
    whole = {tuple(r) for r, _ in runs if sorted(r) == list(USUAL)}
    partial = [r for r, most in runs if most >= PARTIAL_MIN_LABELS and len(set(r)) == len(r)]
    orders = {tuple(r) for r in partial} | whole
    if any(not _agree(a, b) for a, b in itertools.combinations(orders, 2)):
        # Rows that print the columns in different orders: one in the form's order is the
        # table's (Calc prints a label drawn with the wrapped cells after the others).
        if any(r == sorted(r) for r in orders):
            return None, None
        return None, "the label rows print the columns in different orders"
    if whole:
        roles = next(iter(whole))
        # Another page's label row in the form's order that lacks the labels out of place: a
        # wrapped label Calc drew after the others (its place unknown), not another order.
        for r in partial:
            if r == sorted(r) and [c for c in roles if c in r] == r and sorted(roles) != list(roles):
                if [c for c in roles if c in r] + [c for c in roles if c not in r] == list(roles):
                    return None, None
        return (None if roles == USUAL else roles), None
    if not partial or partial[0] == sorted(partial[0]):
        return None, None
    missing = " / ".join(LABELS[c] for c in USUAL if c not in partial[0])
    return _filled(partial[0]), (
        f"the label row lacks {missing} and prints the others in another order than the form's:"
        " the missing labels were taken to stand where the form puts them"
    )


def _agree(a: Sequence[int], b: Sequence[int]) -> bool:
    """Whether two label rows print their common labels in one order."""
    common = set(a) & set(b)
    return [r for r in a if r in common] == [r for r in b if r in common]


def _two_passes(texts: Sequence[str]) -> bool:
    """Whether the text shows Calc's first pass: runs of lines each holding one timing among its
    pieces (a page's one-line cells), of two lines or more and ``PASS_ONE_MIN_LINES`` in all
    (Writer prints two such lines in a row by chance)."""
    held = [sum(bool(_TIMING_PIECE.match(p)) for p in _pieces(t)) == 1 for t in texts]
    in_runs = sum(
        1 for k, h in enumerate(held) if h and ((k and held[k - 1]) or (k + 1 < len(held) and held[k + 1]))
    )
    return in_runs >= PASS_ONE_MIN_LINES


def _filled(found: list[int]) -> tuple[int, ...]:
    """``found`` with each missing role inserted after the nearest role before it in the form's
    order (or first)."""
    out = list(found)
    for c in USUAL:
        if c in out:
            continue
        before = [k for k, r in enumerate(out) if r < c]
        out.insert(max(before) + 1 if before else 0, c)
    return tuple(out)


def _pieces(text: str) -> list[str]:
    """A line's pieces parted at spaces, a bracketed choice (``[ 10人未満 ]``) kept whole."""
    out: list[str] = []
    depth = 0
    cur = ""
    for tok in text.split(" "):
        if not tok:
            continue
        depth += tok.count("[") + tok.count("［") - tok.count("]") - tok.count("］")
        cur = f"{cur} {tok}" if cur else tok
        if depth <= 0:
            out.append(cur)
            cur, depth = "", 0
    if cur:
        out.append(cur)
    return out


def _is_explanation(piece: str) -> bool:
    """A piece that ends as an explanation ends, not an after cell's closing mark (削除, 新規追加),
    or with a stock sentence of the form (``重要な変更にあたらない``: no before / after cell ends
    so; set XXXIII w04, a one-line explanation in Calc's first pass)."""
    from .partition import ADDITION_MARKERS, DELETION_MARKERS
    from .stock_explanations import STOCK_END

    text = piece.strip()
    if ADDITION_MARKERS.match(text) or DELETION_MARKERS.match(text):
        return False
    return bool(EXPLANATION_ENDING.search(text) or STOCK_END.search(text))


def _usual_pass_one(text: str, roles: tuple[int, ...]) -> str | None:
    """A line of one-line cells (printed in ``roles``' order) in the form's order, or None when
    it holds no timing piece."""
    date = ""
    m = DATE_AT_START.match(text)
    body = text
    if m:
        date, body = m.group(0).strip(), text[m.end() :].strip()
    if roles.index(DATE) > roles.index(ITEM) and not date:
        e = _DATE_AT_END.match(body)
        if e and is_date_line(e.group("date")):
            date, body = e.group("date"), e.group("rest")
    pieces = _pieces(body)
    at = [k for k, p in enumerate(pieces) if _TIMING_PIECE.match(p)]
    if len(at) != 1:
        return None
    t = at[0]
    pre, timing, post = pieces[:t], pieces[t], pieces[t + 1 :]
    rest = pre + post
    if roles.index(EXPLANATION) < roles.index(TIMING_ROLE) or any(
        roles.index(r) > roles.index(TIMING_ROLE) for r in (BEFORE, AFTER)
    ):
        # The explanation is the last piece that ends as one, the others are before / after.
        if rest and _is_explanation(rest[-1]):
            pre, post = rest[:-1], rest[-1:]
        else:
            pre, post = rest, []
    return " ".join(p for p in (date, *pre, timing, *post) if p)


def reorder_pass_one(lines: list[CellLine], roles: tuple[int, ...] | None) -> list[CellLine]:
    """``lines`` with each run of one-line cells' lines put in the form's order (see the module's
    docstring); the lines as they are when ``roles`` is None."""
    if roles is None:
        return lines
    usual = [None if is_header_line(cl.text) else _usual_pass_one(cl.text, roles) for cl in lines]
    out = list(lines)
    k, n = 0, len(lines)
    while k < n:
        if usual[k] is None:
            k += 1
            continue
        j = k
        while j < n and usual[j] is not None:
            j += 1
        if j - k >= PASS_ONE_MIN_RUN:
            for m in range(k, j):
                out[m] = replace(lines[m], text=usual[m])
        k = j
    return _dates_apart(out, roles)


def _dates_apart(lines: list[CellLine], roles: tuple[int, ...]) -> list[CellLine]:
    """``lines`` with a date ending a line after a space (``時点修正 令和3年4月1日``: the date cell
    printed on the baseline of the cell before it) made a line of its own, when the date column
    stands after the item column (``reorder_dates`` then moves it to its row's start)."""
    if roles.index(DATE) < roles.index(ITEM):
        return lines
    out: list[CellLine] = []
    for cl in lines:
        m = _DATE_AFTER_CELL.match(cl.text.strip())
        if m and not DATE_AT_START.match(cl.text) and not is_header_line(cl.text):
            out += [replace(cl, text=m.group("rest")), replace(cl, text=m.group("date"))]
        else:
            out.append(cl)
    return out


def reorder_dates(lines: list[CellLine], roles: tuple[int, ...] | None) -> list[CellLine]:
    """``lines`` with each date line printed after its row's item moved before the item: before
    the first line opening an item since the last date line or label row (left where it is when
    none opens an item)."""
    if roles is None or roles.index(DATE) < roles.index(ITEM):
        return lines
    out: list[CellLine] = []
    start = 0  # where the current row's lines start in ``out``
    for cl in lines:
        if is_header_line(cl.text) or is_title(cl.text) or (out and out[-1].page != cl.page):
            out.append(cl)
            start = len(out)
            continue
        if is_date_line(cl.text):
            at = next((k for k in range(start, len(out)) if opens_item_line(out[k].text)), None)
            if at is None:
                out.append(cl)
            else:
                out.insert(at, cl)
            start = len(out)
            continue
        out.append(cl)
    return out


def order_note(roles: tuple[int, ...]) -> str:
    """The note that says the text's columns were read by its labels."""
    printed = " | ".join(LABELS[r] for r in roles)
    return f"the table prints its columns in another order ({printed}): the text was read by its labels"


def order_doubts(rows: list[RawRow], why: str) -> None:
    """``column_guess`` on every row of a text whose columns could not be read by its labels."""
    for row in rows:
        row.add_flag("column_guess")
        row.doubts.append(Doubt("column_guess", None, why))


def disagreeing_cell(row: RawRow) -> str | None:
    """The cell of a row read in the form's order whose content says another column's text was
    taken (the table prints its columns in another order): no timing, no item, no explanation,
    an explanation whose last line does not end as an explanation ends (``EXPLANATION_ENDING``),
    or an item that opens with no section of the form; None when the content agrees."""
    for name in ("timing", "item", "explanation"):
        if not "".join(cl.text for cl in row.cells.get(name, [])).strip():
            return name
    explanation = [cl.text for cl in row.cells["explanation"] if cl.text.strip()]
    if not any(_is_explanation(t) for t in explanation[-2:]):
        return "explanation"
    first = next(cl.text.strip() for cl in row.cells["item"] if cl.text.strip())
    return None if opens_item_line(first) else "item"


def lines_in_label_order(lines: list[CellLine]) -> tuple[list[CellLine], tuple[int, ...] | None, str | None]:
    """The stream reader's lines (``unbroken_lines``, ``split_compound_lines``,
    ``join_narrow_cells``) put in the form's order where the label rows print another one; the
    printed roles (None: the form's order or unknown) and why the order is in doubt.  Text of
    boxes (pdfminer, plain ``pdftotext``: ``boxes.looks_boxed``) is left as it is: its label
    boxes come in no column's order, and its reader tells each box's column by its content."""
    from .boxes import join_narrow_cells, looks_boxed
    from .compound import split_compound_lines
    from .region import unbroken_lines

    unbroken = unbroken_lines(lines)
    gaps = [
        k == 0 or cl.page != unbroken[k - 1].page or (cl.line_no or 0) - (unbroken[k - 1].line_no or 0) > 1
        for k, cl in enumerate(unbroken)
    ]
    roles, why = (None, None) if looks_boxed(unbroken, gaps) else text_roles([cl.text for cl in unbroken])
    raw = join_narrow_cells(split_compound_lines(reorder_pass_one(unbroken, roles)))
    return reorder_dates(raw, roles), roles, why


# Orders the row-ordered readers are put right for by ``reorder_pass_one`` / ``reorder_dates``
# only when the text is read as Calc's two passes: elsewhere the timing's and explanation's
# places are the form's.
def settled(roles: tuple[int, ...], by_passes: bool) -> bool:
    """Whether a text printed in ``roles``' order was read in it: the date moved alone, or the
    one-line cells of Calc's two passes put in order."""
    rest = tuple(r for r in roles if r != DATE)
    return rest == USUAL[1:] or by_passes


_PASSES_NOTES = ("each page gives its one-line cells", "the text gives each page's dates and timings")


def read_by_labels(result: StreamResult, roles: tuple[int, ...] | None, why: str | None) -> None:
    """The note and doubts of a text whose label rows print another order than the form's:
    ``column_guess`` on every row when its label rows disagree or lack labels; where the text
    was not read in the printed order (column by column, or row by row outside Calc's two
    passes, where only a date printed after the item is put back), on every row, naming the cell
    whose content disagrees with the form's order (``disagreeing_cell``) where one does."""
    if why is not None:
        order_doubts(result.rows, why)
        result.notes.append(why)
        return
    if roles is None:
        return
    by_passes = not result.column_order and any(n.startswith(_PASSES_NOTES) for n in result.notes)
    if settled(roles, by_passes):
        from .unanchored_cuts import move_after_tails

        result.notes.append(order_note(roles))
        move_after_tails(result.rows, roles)
        return
    printed = " | ".join(LABELS[r] for r in roles)
    if sides_swapped(roles) and not result.column_order:
        # 変更後 before 変更前, read row by row: each row's two cells put back (swapped_sides).
        result.notes.append(order_note(roles))
        why = f"the table prints its columns in another order ({printed}); one of 変更前 / 変更後 is empty"
        for row in result.rows:
            if not swap_sides(row) or disagreeing_cell(row) is not None:
                row.add_flag("column_guess")
                row.doubts.append(Doubt("column_guess", None, f"{why}: which, the text cannot tell"))
        return
    why = f"the table prints its columns in another order ({printed}); this text was read in the form's order"
    result.notes.append(why)
    for row in result.rows:
        # Every row: a row whose content agrees with the form's order is a guess too (変更後
        # printed before 変更前 reads as a before / after pair swapped, set XXI-like Writer and
        # Chromium tables: wrong rows at confidence 0.92 with no warning).
        cell = disagreeing_cell(row)
        row.add_flag("column_guess")
        if cell is not None:
            row.doubts.append(Doubt("column_guess", cell, f"{why}, and its {cell} does not read as one"))
        else:
            row.doubts.append(Doubt("column_guess", None, f"{why}: its cells may be another column's"))
