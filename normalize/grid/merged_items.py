"""A 項目 merged over several date-anchored rows of ``pdftotext -layout`` text (issues 10 / 12):
LibreOffice prints it once, at the top of the first row it covers, in their middle or at the
foot of the last, as the cell's own vertical alignment says; the rows it covers print none of
their own.  Top-aligned and taller than its first row, its last lines stand beside the next
row's cells (``②事務の内容`` under ``１．特定個人情報ファイルを取り扱う事務``).
"""

from __future__ import annotations

from piatable.vocabulary import ITEM_OPENING

from .common import cell_text
from .lines import Line
from .merged_fill import merged_runs

# The 項目 column, and the columns every row prints itself beside a merged 項目 (変更前, 変更後).
ITEM_COLUMN = 1
ITEM_OWN_COLUMNS = (2, 3)
# A row's 項目 lines that start within this many line heights under the row above's last 項目
# line (no blank line between) may be that 項目's last lines.
TAIL_GAP_EM = 0.5
TAIL_WHY = (
    "the row's 項目 ({tail!r}) opens no section (Ⅰ…Ⅵ) and follows the row above's 項目 with no "
    "blank line between: taken as the last lines of a 項目 merged over both rows, which is a guess"
)


def fill_merged_items(
    rows: list[dict[int, list[Line]]], merged: list[bool], first: int, mode: str, hy: float
) -> dict[int, str]:
    """Date-anchored rows (from ``first`` on) that print no 項目 take the one of the row whose
    merged 項目 they share (``merged_cell_filled``; ``merged``: the rows' flags): every change
    names its item.  Which rows a printed 項目 covers comes from where it stands among them
    (``merged_fill.merged_runs``, the rows' own cells being their 変更前 and 変更後; ``mode``
    the page's alignment).  Filled rows another alignment gives another 項目 are returned (row
    → why) for a ``row_split_guess``; a row printing its 項目 keeps its own."""
    runs = merged_runs(rows, first, ITEM_COLUMN, ITEM_OWN_COLUMNS, hy, mode)
    if runs is None:
        return {}
    sources, doubts, _ = runs
    printed = {k: list(rows[k][ITEM_COLUMN]) for k in set(sources.values())}
    filled: dict[int, str] = {}
    for k, src in sources.items():
        if k != src and not cell_text(rows[k].get(ITEM_COLUMN)):
            rows[k][ITEM_COLUMN] = list(printed[src])
            merged[k] = merged[src] = True
            if k in doubts:
                filled[k] = doubts[k]
    return filled


def join_item_tails(
    rows: list[dict[int, list[Line]]], merged: list[bool], first: int, hy: float
) -> dict[int, str]:
    """Date-anchored rows (from ``first`` on) whose 項目 opens no section (Ⅰ…Ⅵ) while the row
    above's opens one, the page's other 項目 open one each, and whose first 項目 line follows the
    row above's last with no blank line between (``TAIL_GAP_EM``): a top-aligned 項目 merged over
    both rows, taller than the first, printed on into the second.  Both rows take the whole
    項目 (``merged_cell_filled``) and are returned (row → why) for a ``row_split_guess``: a
    row's own 項目 without its section would print so too."""
    items = [rows[k].get(ITEM_COLUMN) or [] for k in range(len(rows))]
    opens = [bool(lines) and bool(ITEM_OPENING.match(lines[0].text.strip())) for lines in items]
    # Rows whose 項目 lines are those of a row above (``fill_merged_items`` gave them its 項目):
    # they print none of their own, and take what that row takes.
    filled = [
        bool(items[k]) and any(_same_lines(items[k], items[j]) for j in range(k)) for k in range(len(rows))
    ]
    doubts: dict[int, str] = {}
    for k in range(max(first, 1), len(rows)):
        above, mine = items[k - 1], items[k]
        if not above or not mine or opens[k] or not opens[k - 1] or k - 1 < first or filled[k]:
            continue
        others = [
            opens[j] for j in range(first, len(rows)) if j not in (k - 1, k) and items[j] and not filled[j]
        ]
        if len(others) < 2 or not all(others):
            continue
        if mine[0].top - above[-1].bottom >= TAIL_GAP_EM * hy or mine[0].page != above[-1].page:
            continue
        whole = [*above, *mine]
        why = TAIL_WHY.format(tail=cell_text(mine)[:20])
        covered = [
            k - 1,
            k,
            *(j for j in range(k + 1, len(rows)) if filled[j] and _same_lines(items[j], mine)),
        ]
        for j in covered:
            rows[j][ITEM_COLUMN] = list(whole)
            merged[j] = True
            doubts[j] = why
        items[k] = whole
    return doubts


def _same_lines(a: list[Line], b: list[Line]) -> bool:
    """True when two cells hold the very same lines (one cell's value copied into another)."""
    return bool(a) and len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))
