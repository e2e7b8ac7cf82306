"""Paragraphs that open with a heading in brackets (``＜中間サーバーにおける措置＞``) as a list.

A before or after cell often lists measures per system, each paragraph under a heading in
brackets::

    ＜住民基本台帳ネットワークシステム＞
    ・操作者の認証は、生体認証により行う。
    ＜中間サーバー＞
    ・通信は暗号化した専用回線により行う。

In row-ordered text (``pdftotext -raw``, pypdfium2) a row's before and after cells follow one
another with nothing between them.  A changed row lists the same headings in both cells (the
after cell repeats the before cell's headings, its text amended); an added row (before empty)
lists its headings once.  So a cut between two bracket paragraphs whose headings the two sides
do not share splits one list more likely than it parts two cells when the explanation says
text was added (``ListCuts``), and where
the row's text does not tell which it is (its explanation does not say that text was added, no
heading is repeated), the row is in doubt either way (``doubt_bracket_cuts``): an added row was
read as before = the first paragraphs, after = the rest, at confidence 0.909 with no warning (an
unseen set of issue 12).
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow

# The opening of a heading in brackets, and its end.
_OPEN = regex.compile(r"^[＜<《【]")
_CLOSE = regex.compile(r"[＞>》】]$")
# The most lines one heading wraps over (a heading of up to 40 characters in a narrow cell).
HEADING_LINES_MAX = 3
# The longest heading counted (characters, brackets included).
HEADING_CHARS_MAX = 44
# Words of an explanation that say the row adds text (its before cell empty), and that say it
# removes text; the first without the second tells an added row.
EXPLAINS_ADDITION = regex.compile(r"追加|追記|新規|新設")
EXPLAINS_DELETION = regex.compile(r"削除|廃止")
# The after cell's closing mark of a block it adds below the before cell's text.
ADDS_ABOVE = regex.compile(r"^\s*上記を(?:新規)?追加\s*$")
# The cost of a cut between two bracket paragraphs whose headings before and after do not
# share (partition cost units: an empty before cell costs 3, a shared marker earns 1.5).
LIST_CUT_PENALTY = 1.5
# The confidence a row keeps when its cut between bracket paragraphs is a guess (below the 0.5
# that warns).
UNDECIDED_CONFIDENCE = 0.45
WHY_SPLIT = (
    "before and after list different bracket headings ({} / {}) and share none: one list of an "
    "added row or two cells, the text does not tell"
)
WHY_WHOLE = (
    "the after cell lists {} bracket paragraphs under different headings and the before cell is "
    "empty: one list of an added row or the first of them the before cell, the text does not tell"
)


def headings_at(texts: list[str]) -> list[str | None]:
    """For each line, the bracket heading it opens (its wrapped lines joined, at most
    ``HEADING_LINES_MAX`` lines, ``HEADING_CHARS_MAX`` characters, whitespace removed), else
    None.  A line that closes no heading within that reach opens none."""
    out: list[str | None] = []
    for k, text in enumerate(texts):
        head = "".join(text.split())
        if not _OPEN.match(head):
            out.append(None)
            continue
        m = k
        while not _CLOSE.search(head) and m + 1 < len(texts) and m - k + 1 < HEADING_LINES_MAX:
            m += 1
            head += "".join(texts[m].split())
        ok = _CLOSE.search(head) is not None and len(head) <= HEADING_CHARS_MAX
        out.append(head if ok else None)
    return out


def disjoint_lists(before: list[str | None], after: list[str | None], after_opens: bool = True) -> bool:
    """Whether both sides hold bracket headings, the before side opening with one (and the after
    side too, with ``after_opens``), and no heading of one side is one of the other's
    (``headings_at`` of each side's lines)."""
    if not before or not after or before[0] is None or (after_opens and after[0] is None):
        return False
    theirs = {h for h in after if h}
    return bool(theirs) and theirs.isdisjoint(h for h in before if h)


class ListCuts:
    """The cost of a cut (i, j) of one block's lines between bracket paragraphs (``cost``),
    computed when first asked (only cuts where lines i and j both open a bracket heading cost
    anything), under an explanation that says text was added (``explains_addition``; else
    every cut costs nothing: the seed's changed row, before ＜既存住基…＞＜共通基盤…＞ and after
    ＜サービス検索…＞, is read right on the other evidence, and a silent row is doubted by
    ``doubt_bracket_cuts`` whichever way it is cut)."""

    def __init__(self, texts: list[str], explanation: str = "") -> None:
        self.heads = headings_at(texts)
        told = explains_addition(explanation)
        self.any = told and sum(h is not None for h in self.heads) >= 2
        self._memo: dict[tuple[int, int], float] = {}

    def cost(self, i: int, j: int) -> float:
        """``LIST_CUT_PENALTY`` when before = lines [i, j) and after = [j, n) are
        ``disjoint_lists``, else 0.  A shared bracket alone earns no shared-marker bonus then
        (the caller's)."""
        if not self.any or i >= j or j >= len(self.heads) or self.heads[i] is None or self.heads[j] is None:
            return 0.0
        key = (i, j)
        if key not in self._memo:
            split = disjoint_lists(self.heads[i:j], self.heads[j:])
            self._memo[key] = LIST_CUT_PENALTY if split else 0.0
        return self._memo[key]

    def both_open(self, i: int, j: int) -> bool:
        """Whether lines i and j both open a bracket heading, the two different (under an
        explanation that says text was added)."""
        if not self.any:
            return False
        a, b = self.heads[i], self.heads[j]
        return a is not None and b is not None and a != b


def explains_addition(explanation: str) -> bool:
    """Whether the explanation says text was added and not that text was removed."""
    return bool(EXPLAINS_ADDITION.search(explanation)) and not EXPLAINS_DELETION.search(explanation)


def _texts(lines: list[CellLine]) -> list[str]:
    return [cl.text for cl in lines]


def bracket_cut_doubt(row: RawRow) -> Doubt | None:
    """The doubt of a row whose before/after cut between bracket paragraphs the text does not
    decide (see the module's docstring), else None: the before cell opens with a heading and
    the after cell holds others, none shared, or the before cell is empty while the after cell
    lists two or more headings, none repeated, under an explanation that does not say text was
    added."""
    before, after = _texts(row.cells["before"]), _texts(row.cells["after"])
    b_heads, a_heads = headings_at(before), headings_at(after)
    explanation = "".join(cl.text for cl in row.cells["explanation"])
    one_block = len([h for h in a_heads if h]) == 1
    if before and one_block and ADDS_ABOVE.search(after[-1]) and not explains_addition(explanation):
        # The after cell is one block under its own heading closed by 上記を新規追加 (a measure
        # added to the list the before cell holds) and the explanation speaks of a change, not
        # of a new item: two cells, their headings apart by what the row does (the seed's row 7:
        # ＜既存住基…＞＜共通基盤…＞ / ＜サービス検索…＞ 上記を新規追加).  An added list read apart
        # leaves its later headings, most often more than one, in the after cell.
        return None
    if before and disjoint_lists(b_heads, a_heads, after_opens=False):
        first = next(h for h in a_heads if h)
        return Doubt("column_guess", "before", WHY_SPLIT.format(b_heads[0], first))
    if before or not a_heads or a_heads[0] is None:
        return None
    listed = [h for h in a_heads if h]
    if len(listed) < 2 or len(set(listed)) < len(listed):
        return None
    if explains_addition(explanation):
        return None
    return Doubt("column_guess", "after", WHY_WHOLE.format(len(listed)))


def doubt_bracket_cuts(rows: list[RawRow]) -> None:
    """Give each row of row-ordered text whose cut between bracket paragraphs is undecided
    (``bracket_cut_doubt``) its doubt and at most ``UNDECIDED_CONFIDENCE``, in place.  Rows
    read from rulings or positions (``ruled``, ``positioned``) are left alone: there the cells'
    places show the cut."""
    for row in rows:
        if row.ruled or row.positioned:
            continue
        doubt = bracket_cut_doubt(row)
        if doubt is not None:
            row.doubts.append(doubt)
            row.confidence = min(row.confidence, UNDECIDED_CONFIDENCE)
