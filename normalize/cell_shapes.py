"""What a block's lines tell about where its cells begin and end, beyond wrap widths (issue 10/12,
set XII faults 2 and 4): marks that are whole cells, bullet lists that one cell holds, and
bullet paragraphs that open alike without being the same paragraph.

Three facts of how tables are written, each a cost term of ``partition.BlockScorer`` (cost units,
lower is better; every term here is a penalty or a bonus withheld, so ``partition_bounds`` stays
a bound):

* **Whole-cell marks.**  ``（新規）``, ``（削除）``, ``―`` stand for a cell with nothing else in it
  (the 変更前 of an added row, the 変更後 of a deleted one, an empty cell printed as a dash).
  A cell that holds such a mark beside other lines costs ``MARK_IN_CELL_PENALTY``.  In -raw and
  pypdfium2 text the mark shares its printed line with the next cell (``（新規） １．宛名情報の管理``,
  ``― 中間サーバー…``): ``split_marks`` parts it off (``compound._split_pieces``).
* **Bullet lists end a cell, not a plain paragraph.**  A cell whose bulleted paragraphs
  (``・…``) are followed by an unmarked paragraph (``データセンターに保管する。``) is two cells
  read as one: the bullets are the before's, the plain sentence the after's (set XII w2, a
  7-bullet 変更前 beside a one-line 変更後).  Such a cell costs ``MIXED_LIST_PENALTY``.
* **Bullets that open alike.**  The paragraphs of one bulleted cell often open with the same
  words (``・サーバ室への入室は…`` / ``・サーバ室は、施錠…``); that is no sign that the second opens
  the 変更後 cell.  The partition's shared-opening bonus is kept for two bullet paragraphs only
  when they are alike as a whole (``BULLET_ALIKE_MIN_RATIO``, difflib), as an edited paragraph is
  (``・新規採用職員に対し…`` / ``・新規採用職員及び会計年度任用職員に対し…``: 0.77); paragraphs of
  one list measured 0.47–0.53 (set XII c4, w2).
* **No cell opens mid-phrase.**  A before or after cell opening with a particle or an auxiliary
  (``が管理する…``, ``phrase_openings``) costs ``MID_PHRASE_CUT_PENALTY``.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import accumulate

import regex

from piatable.models import CellLine
from piatable.settings import RejoinSettings

from .chars import NO_LINE_START, SENTENCE_END, display_width, starts_paragraph
from .period_lines import closes_period
from .phrase_openings import starts_mid_phrase
from .rejoin import is_soft_break, same_printed_line
from .tokenizer import Tokenizer, word_spans_break

# A mark that is a whole cell: 新規 / 削除 / 追加 in brackets, or a dash alone.
_MARK = r"[（(【［\[](?:新規追加|新規|追加|削除|廃止)[）)】］\]]"
WHOLE_CELL_MARK = regex.compile(rf"^(?:{_MARK}|[―—－‐]{{1,2}})$")
# Such a mark opening a printed line, a space, then the next cell (or a cell, a space, the mark).
_MARK_THEN_TEXT = regex.compile(rf"^({_MARK}|[―—－‐]{{1,2}})[ 　]+(\S.*)$")
_TEXT_THEN_MARK = regex.compile(rf"^(.*\S)[ 　]+({_MARK})$")
# Bullets that open the paragraphs of a list (not ※ notes, not → arrows).
LIST_BULLETS = frozenset("・･●○◯■□◆◇")
# Lines that may close a list's cell unmarked: the after cell's own closing words.
_CLOSING_WORDS = regex.compile(r"^(?:上記|新規追加|追加|削除)")

MARK_IN_CELL_PENALTY = 4.0
# A before or after cell that would open with a particle or an auxiliary (``が管理する…``): the rest
# of the line above, a full line wrapped at the cell's edge (set XII c4, Calc -raw: 34 characters).
MID_PHRASE_CUT_PENALTY = 3.0
MIXED_LIST_PENALTY = 3.0
BULLET_ALIKE_MIN_RATIO = 0.6
# A paragraph compared for likeness: at most this many lines of it.
PARAGRAPH_LINES_MAX = 8


def split_marks(t: str) -> list[str] | None:
    """``（新規） １．宛名情報の管理`` → [``（新規）``, ``１．宛名情報の管理``]; ``… （削除）`` likewise at
    the end; None when the line opens and closes with no whole-cell mark beside other text."""
    m = _MARK_THEN_TEXT.match(t)
    if m:
        return [m.group(1), m.group(2)]
    m = _TEXT_THEN_MARK.match(t)
    if m:
        return [m.group(1), m.group(2)]
    return None


# Why a row whose one cell is a whole-cell mark alone is in doubt: the other cell opens with an
# unpunctuated line before a marked paragraph (``具体的な制限方法`` / ``・委託先の…`` beside
# ``（削除）``): the item's last heading, read one line too late (set XII w4).
MARKED_HEADING_WHY = (
    "the cell beside a whole-cell mark opens with a line that ends no sentence before a marked "
    "paragraph: the item's last heading?"
)


def marked_row_why(before: list[str], after: list[str]) -> str | None:
    """For a row whose before or after cell is a whole-cell mark alone (``before`` / ``after``:
    the cells' stripped lines): ``MARKED_HEADING_WHY`` when the other cell opens as the item's
    last heading would, else ``""`` (the mark decides the before / after cut: the checks of a
    cut between two text cells do not apply); None when neither cell is a mark alone."""
    if len(after) == 1 and WHOLE_CELL_MARK.match(after[0]):
        other = before
    elif len(before) == 1 and WHOLE_CELL_MARK.match(before[0]):
        other = after
    else:
        return None
    if len(other) >= 2 and other[0][-1:] not in SENTENCE_END and not starts_paragraph(other[0]):
        if starts_paragraph(other[1]):
            return MARKED_HEADING_WHY
    return ""


# A before / after cut between two paragraphs of one bulleted list (the before's last and the
# after's first open with the same bullet) that the cells' words do not decide, so that the text
# shows a paragraph break and nothing more (set XII c2 / c4 / w2: 2 bullets | 3; office-bullets51
# Writer rows of 4 | 5, 5 | 4, 7 | 3 bullets read at 0.81–0.92 unwarned).  Decided: the squashed
# cells read alike (difflib ratio at least ``CELLS_ALIKE_MIN_RATIO``) and by ``CUT_RATIO_MARGIN``
# more than with the cut one paragraph earlier or later.  Measured: set XI c1, an edited list with
# a bullet added, 0.49 against 0.22 / 0.27 (decided); set XII c1, 0.42 against 0.29 (decided);
# set XII c4, two unlike lists cut one bullet late, 0.405 against 0.345 (not decided).
CELLS_ALIKE_MIN_RATIO = 0.3
CUT_RATIO_MARGIN = 0.08
BULLET_RUN_WHY = (
    "the before / after cut falls between two paragraphs of one bulleted list, and the two cells "
    "do not read as a changed text: a paragraph break that either cell may hold?"
)


def _paragraphs(texts: list[str]) -> list[str]:
    out: list[str] = []
    for k, x in enumerate(texts):
        if k and not starts_paragraph(x):
            out[-1] += x
        else:
            out.append(x)
    return out


def _ratio(before: list[str], after: list[str]) -> float:
    a, b = "".join("".join(before).split()), "".join("".join(after).split())
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def bullet_run_why(before: list[str], after: list[str]) -> str:
    """``BULLET_RUN_WHY`` when the cut between ``before`` and ``after`` (the cells' stripped
    lines) falls inside a bulleted list and the cells' likeness does not decide it, else ``""``:
    decided means the two cells read alike (``CELLS_ALIKE_MIN_RATIO``) and less alike (by
    ``CUT_RATIO_MARGIN``) with the cut one paragraph earlier or later (an added bullet at
    the edge of an edited list may end the before or open the after)."""
    if not before or not after:
        return ""
    bp, ap = _paragraphs(before), _paragraphs(after)
    if bp[-1][:1] not in LIST_BULLETS or ap[0][:1] != bp[-1][:1]:
        return ""
    here = _ratio(bp, ap)
    moved = [_ratio(bp[:-1], [bp[-1], *ap])] if len(bp) > 1 else []
    if len(ap) > 1:
        moved.append(_ratio([*bp, ap[0]], ap[1:]))
    if here >= CELLS_ALIKE_MIN_RATIO and here - max(moved, default=0.0) >= CUT_RATIO_MARGIN:
        return ""
    return BULLET_RUN_WHY


# How a line may end a cell of its own: a sentence's end or a closing bracket.
_CELL_END = frozenset(SENTENCE_END) | frozenset("）)」』】〕］]＞>")
WRAPPED_CUT_WHY = (
    "the before cell's last line runs to the width of the cells' full lines and ends inside its "
    "sentence, the after cell opens with no marker: one paragraph wrapped at the cell's edge, cut in two?"
)


def wrapped_cut_why(before: list[str], after: list[str]) -> str:
    """``WRAPPED_CUT_WHY`` when the before/after cut of row-ordered text falls where a paragraph
    wraps by the lines' own widths, else ``""``: the before's last line (lines ``before``, after
    ``after``, each a printed line's text) continues its paragraph (it opens none), stops inside
    a sentence (no sentence end, no closing bracket) and is as wide as the widest line of both
    cells but their last (display units: the width a cell wraps at), and the after opens no
    paragraph and wraps too (two lines or more).  In narrow Writer cells of equal width
    (office-narrow43, a 16-unit wrap) an empty before beside a five-line after read as two lines
    each side (``…並びに市民`` | ``課窓口及び…``): the block's body width, wider, calls no break soft,
    and SudachiPy parts 市民 / 課.  The same shape as ``paragraph_cuts``' ``torn`` (a list item cut
    in two), told by widths where no marker opens the paragraph."""
    if len(before) < 2 or len(after) < 2:
        return ""
    last = before[-1]
    if starts_paragraph(last) or last[-1:] in _CELL_END or starts_paragraph(after[0]) or closes_period(last):
        return ""
    full = max(display_width(x) for x in (*before[:-1], *after[:-1]))
    return WRAPPED_CUT_WHY if display_width(last) >= full else ""


EDITED_LIST_WHY = (
    "the before cell is empty and the after cell's bulleted list holds two paragraphs alike as a "
    "whole, as an edited paragraph and the one it rewrites are: the before cell's bullets read "
    "into the after?"
)


def edited_list_why(before: list[str], after: list[str]) -> str:
    """``EDITED_LIST_WHY`` when ``before`` is empty and two distinct bulleted paragraphs of
    ``after`` (the cells' stripped lines) are alike as a whole (``BULLET_ALIKE_MIN_RATIO``,
    difflib), else ``""``: an added cell does not say one thing twice over, a changed text's
    before and after do (office-raw47 r47-writer-juki row 2, -raw / pypdfium2: ``・サーバー室には
    監視カメラを設置している。`` and ``・データセンター内のサーバー室には監視カメラを設置し、…`` 0.68,
    both cells read as one after an explanation ending 追加).  In the tuning sets' truth, 2 of the
    464 empty-before rows of -raw / pypdfium2 text with two bullets or more after are so."""
    if before:
        return ""
    bullets = [p for p in _paragraphs(after) if p[:1] in LIST_BULLETS]
    for k, a in enumerate(bullets):
        for b in bullets[k + 1 :]:
            if a != b and SequenceMatcher(None, a, b, autojunk=False).ratio() >= BULLET_ALIKE_MIN_RATIO:
                return EDITED_LIST_WHY
    return ""


def marks_beside_text(texts: list[str]) -> float:
    """``MARK_IN_CELL_PENALTY`` when the lines ``texts`` of one cell (an explanation read apart
    from the block) hold a whole-cell mark beside other lines, else 0."""
    if len(texts) > 1 and any(WHOLE_CELL_MARK.match(x) for x in texts):
        return MARK_IN_CELL_PENALTY
    return 0.0


class CellShapes:
    """Per-line facts of one block (``t``: its lines' texts; ``marker``: whether each opens a
    paragraph; ``same_line``: whether line k and k+1 are pieces of one printed line), and the
    costs above for a cut (item [0, i), before [i, j), after [j, n))."""

    def __init__(self, t: list[str], marker: list[bool], same_line: list[bool], tok: Tokenizer) -> None:
        self.t = t
        n = self.n = len(t)
        self.mid_phrase = [
            0 < k and not marker[k] and not same_line[k - 1] and bool(starts_mid_phrase(x, tok))
            for k, x in enumerate(t)
        ]
        mark = [WHOLE_CELL_MARK.match(x) is not None for x in t]
        self.marks = [0, *accumulate(int(x) for x in mark)]
        bullet = [x[:1] in LIST_BULLETS and marker[k] for k, x in enumerate(t)]
        plain = [
            0 < k
            and not marker[k]
            and not same_line[k - 1]
            and t[k - 1][-1:] in SENTENCE_END
            and t[k][:1] not in NO_LINE_START
            and not mark[k]
            and not _CLOSING_WORDS.match(t[k])
            for k in range(n)
        ]
        # first_bullet[k]: the first bulleted line at or after k (n when none);
        # next_plain[k]: the first unmarked paragraph opening after line k (n + 1 when none).
        self.first_bullet = [n] * (n + 1)
        self.next_plain = [n + 1] * (n + 1)
        for k in range(n - 1, -1, -1):
            self.first_bullet[k] = k if bullet[k] else self.first_bullet[k + 1]
            self.next_plain[k] = k + 1 if k + 1 < n and plain[k + 1] else self.next_plain[k + 1]
        self.paragraph_end = [n] * n
        for k in range(n - 2, -1, -1):
            self.paragraph_end[k] = k + 1 if marker[k + 1] else self.paragraph_end[k + 1]
        self._alike: dict[tuple[int, int], bool] = {}

    def _mixed(self, a: int, b: int) -> bool:
        """Whether the cell [a, b) has a bulleted paragraph followed by an unmarked one."""
        f = self.first_bullet[a]
        return f < b and self.next_plain[f] < b

    def _mark_inside(self, a: int, b: int) -> bool:
        return b - a > 1 and self.marks[b] > self.marks[a]

    def cost(self, i: int, j: int) -> float:
        """The penalties of the cut (i, j): a whole-cell mark beside other lines in a cell, a
        bulleted list followed by an unmarked paragraph in the before or after cell, a before or
        after cell opening mid-phrase."""
        n = self.n
        c = 0.0
        for k in {i, j}:
            if k < n and self.mid_phrase[k]:
                c += MID_PHRASE_CUT_PENALTY
        for a, b in ((0, i), (i, j), (j, n)):
            if self._mark_inside(a, b):
                c += MARK_IN_CELL_PENALTY
        if self._mixed(i, j):
            c += MIXED_LIST_PENALTY
        if self._mixed(j, n):
            c += MIXED_LIST_PENALTY
        return c

    def costs_from(self, i: int) -> list[float]:
        """``cost(i, j)`` for j = i … n, in order: the same terms added in the same order (so the
        same floats), with the method calls and the set of ``cost`` taken out of the loop (the
        partition asks it of every cut: ``partition.BlockScorer.costs_from``)."""
        n, mid, marks = self.n, self.mid_phrase, self.marks
        first_bullet, next_plain = self.first_bullet, self.next_plain
        head_mid = i < n and mid[i]
        head_mark = i > 1 and marks[i] > marks[0]  # the item [0, i)
        mark_n, bullet_i = marks[n], first_bullet[i]
        plain_i = next_plain[bullet_i]  # [i, j) is mixed iff bullet_i < j and plain_i < j
        out: list[float] = []
        for j in range(i, n + 1):
            c = 0.0
            if head_mid:
                c += MID_PHRASE_CUT_PENALTY
            if j != i and j < n and mid[j]:
                c += MID_PHRASE_CUT_PENALTY
            if head_mark:
                c += MARK_IN_CELL_PENALTY
            if j - i > 1 and marks[j] > marks[i]:
                c += MARK_IN_CELL_PENALTY
            if n - j > 1 and mark_n > marks[j]:
                c += MARK_IN_CELL_PENALTY
            if bullet_i < j and plain_i < j:
                c += MIXED_LIST_PENALTY
            f = first_bullet[j]
            if f < n and next_plain[f] < n:
                c += MIXED_LIST_PENALTY
            out.append(c)
        return out

    def alike(self, i: int, j: int) -> bool:
        """Whether the paragraph opening line i (within [i, j)) and the one opening line j read
        alike as a whole (difflib ratio at least ``BULLET_ALIKE_MIN_RATIO``)."""
        key = (i, j)
        hit = self._alike.get(key)
        if hit is None:
            a = "".join(self.t[i : min(self.paragraph_end[i], j, i + PARAGRAPH_LINES_MAX)])
            b = "".join(self.t[j : min(self.paragraph_end[j], j + PARAGRAPH_LINES_MAX)])
            hit = SequenceMatcher(None, a, b, autojunk=False).ratio() >= BULLET_ALIKE_MIN_RATIO
            self._alike[key] = hit
        return hit


# The explanation read as starting inside a phrase of the cell before it (office-raw47
# r47-calc-juki -raw: ``…物理的に封鎖してい`` | ``る。``, a word cut in two; ``…使用を禁止し、`` |
# ``端末の…``, a clause left open).  The same evidence as ``partition.BlockScorer._cut_cost`` gives
# against a cell boundary on a full line that runs on: ``StreamSettings.split_word_penalty`` when
# SudachiPy puts the characters on both sides of the break in one word, this share of it when the
# line above only ends open (a particle, a comma, a verb's stem).
OPEN_END_CUT_SHARE = 0.6


def mid_phrase_start(
    left: CellLine, right: CellLine, width: float, rejoin: RejoinSettings, word_penalty: float, tok: Tokenizer
) -> float:
    """Cost of a cell (the explanation) opening at ``right`` after ``left``, the last line of the
    cell before it, both of one row's stream: 0 unless the break is a soft wrap of the body
    column (``width``, display units) inside a phrase (no paragraph opens at ``right``, the two
    are not pieces of one printed line); then ``word_penalty`` when a word runs across the
    break, ``OPEN_END_CUT_SHARE`` of it when ``left`` ends open."""
    a, b = left.text.strip(), right.text.strip()
    if not a or not b or starts_paragraph(b) or same_printed_line(left, right):
        return 0.0
    if not is_soft_break(left, right, width, rejoin, tok):
        return 0.0
    if word_spans_break(tok, a, b, rejoin.tokenizer_context):
        return word_penalty
    if tok.ends_open(a[-8:]):
        return word_penalty * OPEN_END_CUT_SHARE
    return 0.0
