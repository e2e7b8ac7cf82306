"""Rows whose item Calc printed in pass 1 (issue 10, dense tables; ``twophase``'s order).

An item that fits one line (an attachment's label ``別紙２ 事務の流れ``, ``（別紙１）事務の流れ``, the
cover ``表紙``) is drawn with the page's one-line cells, beside its row's timing::

    市民課 市民窓口課 事前                       ← row 1's one-line cells
    別紙２ 事務の流れ 市民課長 市民窓口課長 事前 …  ← row 2: its item printed here
    事後 記載内容の時点修正                        ← row 3
    Ⅰ基本情報 …                                   ← pass 2: rows 1 and 3 (row 2 opens none)

Such a row opens nothing in pass 2, so the wrapped cells no longer count the rows.  What the page
gives honestly: each row prints one timing in pass 1 (a timing always fits one line), so the
printed lines of pass 1, each group closed by a timing, count the page's rows; the groups that
open with an item are the rows pass 2 does not open.  Where the pass-2 rows and those groups add
up to the timings, the item rows are put in their places (``place_pass_one_items``); a pass-2 row
opening with a label that pass 1 printed as an item (the after cell of the row adding it, its
label again over 上記を新規追加) opens no row while the rows would be more than the timings.  An
item row whose one-line cells leave a before, after or explanation cell unread may hold wrapped
lines that pass 2 printed after the row above's: the cut is the one that reads both rows at least
cost, and a close one is flagged ``row_split_guess``.  Where the counts disagree nothing is done
(the alignment of ``passone`` keeps what it cannot place, flagged).
"""

from __future__ import annotations

from dataclasses import dataclass

from piatable.models import CellLine
from piatable.settings import Settings
from piatable.vocabulary import ATTACHMENT_LABEL, COVER_LABEL, TIMING

from .dates import is_date_line
from .items import is_attachment_label
from .rejoin import is_soft_break, same_printed_line
from .singlepass import split_row_scored
from .tokenizer import Tokenizer

# A cut between a pass-2 row and the wrapped lines of the item row below it (the row above's
# reading plus the item row's) that beats the next best cut by less than this is flagged.
TAIL_CUT_MARGIN = 1.0
# Why an item row's wrapped lines are a guess.
TAIL_WHY = (
    "the item was printed with the one-line cells; where its wrapped cells begin after the row"
    " above's is a guess"
)
SHARED_TAIL_WHY = (
    "the items of several rows were printed with the one-line cells; their wrapped cells were not told apart"
)
ADDED_ONLY = frozenset({"新規追加", "上記を新規追加"})


@dataclass(slots=True)
class _Head:
    """A pass-1 group's item (a new piece) and what it replaces: the pieces it was cut from and
    the rest of their text (another cell's, or None)."""

    item: CellLine
    used: list[CellLine]
    rest: CellLine | None
    complete: bool
    explained: bool  # a one-line explanation after the timing


def _printed(pieces: list[CellLine]) -> list[list[CellLine]]:
    out: list[list[CellLine]] = []
    for cl in pieces:
        if out and same_printed_line(out[-1][-1], cl):
            out[-1].append(cl)
        else:
            out.append([cl])
    return out


def _groups(pieces: list[CellLine]) -> list[list[CellLine]]:
    """Pass 1's pieces in row groups: a printed line holding a timing closes its group."""
    groups: list[list[CellLine]] = []
    closed = True
    for line in _printed(pieces):
        if closed:
            groups.append([])
        groups[-1] += line
        closed = any(TIMING.match(cl.text) for cl in line)
    return groups


def _head(group: list[CellLine]) -> _Head | None:
    """The item a timed group opens with (after its date), or None."""
    k = 0
    while k < len(group) and is_date_line(group[k].text):
        k += 1
    if k >= len(group) or TIMING.match(group[k].text):
        return None
    first = group[k]
    tokens = first.text.split()
    label = ATTACHMENT_LABEL.match(tokens[0])
    used = [first]
    if label and not label.group("title").strip() and is_attachment_label(tokens[0] + "　x"):
        # A bare label (``別紙２``) and its title, in this piece or the next.
        if len(tokens) > 1:
            item, rest = tokens[:2], tokens[2:]
        elif (
            k + 1 < len(group)
            and same_printed_line(first, group[k + 1])
            and not TIMING.match(group[k + 1].text)
        ):
            nxt = group[k + 1].text.split()
            item, rest = [tokens[0], nxt[0]], nxt[1:]
            used.append(group[k + 1])
        else:
            return None
    elif is_attachment_label(tokens[0]) or (COVER_LABEL.match(tokens[0]) and tokens[0] == "表紙"):
        item, rest = tokens[:1], tokens[1:]
    else:
        return None
    piece = CellLine(" ".join(item), first.page, first.line_no)
    rest_piece = CellLine(" ".join(rest), used[-1].page, used[-1].line_no) if rest else None
    after = group[k + len(used) :]
    timing = next((m for m, cl in enumerate(after) if TIMING.match(cl.text)), len(after))
    pre = ([rest_piece] if rest_piece else []) + after[:timing]
    post = after[timing + 1 :]
    two = len(pre) >= 2 or (len(pre) == 1 and len(pre[0].text.split()) == 2)
    added = len(pre) == 1 and "".join(pre[0].text.split()) in ADDED_ONLY
    complete = bool(post) and (two or added)
    return _Head(piece, used, rest_piece, complete, bool(post))


def _squash(text: str) -> str:
    return "".join(text.split())


def _repeats_item(rows: list, i: int, heads: list[_Head]) -> bool:
    """Whether pass-2 row ``i`` opens with an attachment's label that pass 1 printed as a row's
    item, or that the row above opens with (the after cell of a row adding it repeats it)."""
    row = rows[i]
    if row.date is not None or not row.lines or not is_attachment_label(row.lines[0].text):
        return False
    first = _squash(row.lines[0].text)
    items = [_squash(h.item.text) for h in heads]
    if i > 0 and rows[i - 1].lines:
        items.append(_squash("".join(cl.text for cl in rows[i - 1].lines[:4])))
    return any(item.startswith(first) or first.startswith(item) for item in items if item)


def place_pass_one_items(page, widths: tuple[int, int, int], settings: Settings, tok: Tokenizer) -> None:
    """Put the rows whose item pass 1 printed among ``page``'s pass-2 rows (see the module's
    docstring); ``widths``: item, body and
    explanation widths for the cut of an item row's wrapped lines."""
    groups = _groups(page.singles)
    timed = [g for g in groups if any(TIMING.match(cl.text) for cl in g)]
    if not timed:
        return
    last = max(k for k, g in enumerate(groups) if any(TIMING.match(cl.text) for cl in g))
    trailing = [cl for g in groups[last + 1 :] for cl in g]
    heads = [_head(g) for g in timed]
    found = [h for h in heads if h is not None]
    from .twophase import _Row

    # Copies: the page is changed only once the counts agree.
    rows = [_Row(r.date, list(r.lines), r.item, r.why, listed=r.listed) for r in page.rows]
    lead: list[CellLine] = []
    while len(rows) + len(found) > len(timed):
        k = next((i for i in range(len(rows)) if _repeats_item(rows, i, found)), None)
        if k is None:
            return
        if k == 0:
            lead += rows[0].lines
        else:
            rows[k - 1].lines += rows[k].lines
        del rows[k]
    if not found:
        if not lead:  # (lines before every row would want a row of pass 1: left as read)
            page.rows = rows
        return
    if len(rows) + len(found) != len(timed):
        return
    it = iter(rows)
    placed = [_Row(item=h.item) if h is not None else next(it) for h in heads]
    if trailing or lead:
        # Wrapped lines before the first pass-2 row: the item rows above it.
        first = next((k for k, h in enumerate(heads) if h is None), len(heads))
        if first == 0:
            return
        lines = _joined(trailing) + lead
        placed[first - 1].lines = lines + placed[first - 1].lines
        if first > 1:
            for row in placed[:first]:
                row.why = SHARED_TAIL_WHY
    used = {id(cl) for h in found for cl in h.used} | {id(cl) for cl in trailing}
    singles: list[CellLine] = []
    for cl in page.singles:
        h = next((h for h in found if cl is h.used[0]), None)
        if h is not None and h.rest is not None:
            singles.append(h.rest)
        if id(cl) not in used:
            singles.append(cl)
    page.singles = singles
    page.rows = placed
    _cut_tails(placed, heads, widths, settings, tok)


def _joined(pieces: list[CellLine]) -> list[CellLine]:
    """Pieces of pass 1 given back as wrapped lines: one per printed line."""
    return [
        CellLine(" ".join(cl.text for cl in line), line[0].page, line[0].line_no) for line in _printed(pieces)
    ]


def _cut_tails(placed, heads: list[_Head | None], widths, settings: Settings, tok: Tokenizer) -> None:
    """Give each incomplete item row the wrapped lines at the end of the pass-2 row above it."""
    narrow, body, expl = widths
    for k in range(1, len(placed)):
        head = heads[k]
        if head is None or head.complete or placed[k].lines:
            continue
        above = k - 1
        while above >= 0 and heads[above] is not None:
            above -= 1
        if above < 0:
            continue
        if above < k - 1:
            placed[k].why = SHARED_TAIL_WHY
            continue
        lines = placed[above].lines
        label = _squash(head.item.text)
        repeat = [c for c in range(1, len(lines)) if label.startswith(_squash(lines[c].text)[:6])]
        if repeat:
            # The after cell of a row adding the attachment opens with its label again.
            placed[k].lines, placed[above].lines = lines[repeat[-1] :], lines[: repeat[-1]]
            continue
        costs = []
        for c in range(1, len(lines)):
            if same_printed_line(lines[c - 1], lines[c]) or is_soft_break(
                lines[c - 1], lines[c], body, settings.rejoin, tok
            ):
                continue
            _, _, _, up = split_row_scored(lines[:c], narrow, body, settings, tok, expl, strict=True)
            _, _, _, down = split_row_scored(
                lines[c:], narrow, body, settings, tok, expl, strict=True, no_explanation=head.explained
            )
            costs.append((up + down, c))
        if not costs:
            continue
        costs.sort()
        best, c = costs[0]
        placed[k].lines = lines[c:]
        placed[above].lines = lines[:c]
        if len(costs) > 1 and costs[1][0] - best < TAIL_CUT_MARGIN:
            placed[k].why = placed[above].why = TAIL_WHY
