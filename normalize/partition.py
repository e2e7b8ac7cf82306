"""Assign the lines between a row's date and its 事前/事後 anchor to 項目 / 変更前 / 変更後.

A flattened row gives the cells' lines one after another: item lines, then before lines, then
after lines.  Two cut points (i, j) split them.  Every candidate pair is scored on evidence that
generalises across documents, and the best wins; the margin over the runner-up becomes the row's
confidence.  Evidence:

* width: a line wider than a column's wrap width cannot be in that column;
* coherence: inside a cell, a break that is neither a soft wrap nor followed by a paragraph marker
  is unlikely (more so when a word runs across it); a cell cannot begin with a character that
  kinsoku forbids at a line start, nor end on a line that plainly runs on;
* the form: item paragraphs look like the form's headings (numbering, the heading lexicon); body
  text has bullets, sentences and 。;
* before/after: shared opening words, the same leading marker, 上記を新規追加 / 新規追加 / 削除
  closing the after cell, the after text sharing words with the explanation, clipped cells of
  equal height, and (weakly) balance.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from math import exp

import regex

from piatable.models import CellLine
from piatable.settings import RejoinSettings, StreamSettings
from piatable.vocabulary import SECTION_NUMERALS

from .block_lines import BLOCK_SPLIT_PENALTY, item_line_costs, value_blocks
from .bracket_lists import EXPLAINS_ADDITION, EXPLAINS_DELETION, ListCuts
from .cell_shapes import CellShapes
from .chars import (
    BODY_MARKER,
    NO_LINE_START,
    SENTENCE_END,
    bigrams,
    common_prefix,
    display_width,
    starts_paragraph,
)
from .echo import Echo
from .items import heading_score, is_form_heading
from .partition_bounds import (
    BOUND_SLACK,
    CLIPPED_PAIR_BONUS,
    DELETION_ONLY_BONUS,
    EXPLANATION_OVERLAP_WEIGHT,
    SHARED_MARKER_BONUS,
    bonus_bound,
)
from .partition_lists import (
    SEQUENCE_CUT_PENALTY,
    VALUE_BEFORE_HEADING_PENALTY,
    block_opening,
    choice_run,
    first_continuations,
    heading_list_cuts,
    is_value,
    number_of,
    sequence_cut,
    sequence_prev,
)
from .period_lines import PERIOD_CUT_PENALTY, period_breaks
from .rejoin import is_soft_break, same_printed_line
from .tokenizer import Tokenizer, default_tokenizer, word_spans_break
from .wrap_conflicts import WrapCosts

ADDITION_MARKERS = regex.compile(r"^(?:上記(?:を|の)?(?:とおり)?(?:新規)?追加|新規追加|追加|新規)$")
DELETION_MARKERS = regex.compile(r"^(?:上記を)?削除$|^[（(【](?:上記を)?削除[）)】]$")
_FW = str.maketrans("０１２３４５６７８９", "0123456789")

WIDTH_TOLERANCE_UNITS = 1  # a half-width character's rounding (weights: structural, not tuned)
EMPTY_ITEM_PENALTY = 6.0
EMPTY_AFTER_PENALTY = 3.0
EMPTY_BEFORE_PENALTY = 3.0
ADDITION_OUTSIDE_AFTER_PENALTY = 6.0
KINSOKU_START_PENALTY = 8.0
UNMARKED_BREAK_PENALTY = 1.0
SPLIT_WORD_BREAK_PENALTY = 1.5
BULLETS = frozenset("・･●○◯■□◆◇※→")
LONE_ABOVE_PENALTY = 4.0  # an after cell of only 上記を新規追加 (it points at text above it)
NUMBERING_BREAK_PENALTY = 2.0
# The item and the before cell end with the same line (``…①請求先`` / ``〒100-0001`` then ``東京都…`` /
# ``市民課`` / ``〒100-0001``): the line both open with, read one line too late (Writer -raw, pypdfium2).
SHIFTED_OPENING_PENALTY = 4.0
SENTENCE_IN_ITEM_PENALTY = 2.5
LONG_ITEM_PARAGRAPH_CHARS = 60
CLIP_INSIDE_PENALTY = 2.0
CLOSERS = frozenset("）)」』】＞>〉》］]")
# A heading in brackets (``＜…における措置＞``) opens the text under it: it ends no cell but a clipped one
# (the next cell then opens with a heading of its own: HEADING_OPENING).
BRACKET_HEADING = regex.compile(r"^[＜<《【][^＜<《【＞>》】]{2,40}[＞>》】]$")
HEADING_OPENING = regex.compile(r"^(?:[＜<《【（(［\[①-⑳]|[0-9０-９]{1,2}[．.])")
HEADING_ENDS_CELL_PENALTY = 4.0
# A check box, marked or not: cells listing the same choices open alike (``［○］紙`` / ``［ ］紙``).
_BOX_OPENING = regex.compile(r"^(?:[［\[][ 　○〇◯●✓✔レ]?[］\]]|[■□☐☑☒][ 　]?)")
# Items with more lines too wide for the item column are not tried (each costs over_width_penalty).
MAX_OVER_WIDTH_ITEM_LINES = 2
# Two pieces of one printed line (cells side by side, normalize.compound) kept in one cell (-raw prints
# a cell's own spaces as a cell gap): office tuning -raw/pypdfium2 wrong cells 477/442/432 at 4/3/2.
PIECE_JOIN_PENALTY = 2.0


@dataclass(slots=True)
class Partition:
    item: int  # lines [0, item) are the item
    before: int  # lines [item, before) are the before text; [before, n) the after text
    score: float
    confidence: float
    # The margin of the best cut over the runner-up (cost units), and the runner-up's (i, j).
    margin: float = 5.0
    runner_up: tuple[int, int] | None = None


# What a scorer of the same block under another item width can share (``BlockScorer(like=)``).
_WIDTH_FREE = tuple(
    (
        "t n w soft_b marker spans open_end same_line line_start brk_b over_b hit tot num cut_b "
        "body_over after_body after_overlap clipped closing last_above last_deletion "
        "addition_from empty_before_bonus empty_after_bonus shared_from key seq_prev box lists "
        "block_item value_block shapes wrap_costs echo period_on period_end"
    ).split()
)


@lru_cache(maxsize=65536)
def _paragraph_cost(p: str, heading_bonus: float, body_marker_penalty: float) -> float:
    """The cost of ``p`` as a paragraph of the item cell (asked of every prefix of every block's
    item under each width tried: cached)."""
    cost = -heading_bonus * heading_score(p)
    if BODY_MARKER.match(p):
        cost += body_marker_penalty
    if "。" in p:
        cost += SENTENCE_IN_ITEM_PENALTY
    if len(p) > LONG_ITEM_PARAGRAPH_CHARS:
        cost += 1.0
    return cost


class BlockScorer:
    """Precomputed per-line facts of one block, then a score for any (i, j).

    ``like``: a scorer of the same lines, body width, explanation and settings under another
    item width; the facts that do not depend on the item width are taken from it (the item
    width is chosen by scoring a sample of rows under several widths)."""

    def __init__(
        self,
        lines: list[CellLine],
        item_width: float,
        body_width: float,
        explanation: str,
        settings: StreamSettings,
        rejoin: RejoinSettings,
        tokenizer: Tokenizer | None = None,
        item_optional: bool = False,
        like: BlockScorer | None = None,
    ) -> None:
        self.lines = lines
        # A row continued from the previous page may have no item lines left to print.
        self.item_optional = item_optional
        self.wi, self.wb = item_width, body_width
        self.s = settings
        tok = tokenizer or default_tokenizer()
        if like is not None and like.lines is lines and like.wb == body_width and like.s is settings:
            for name in _WIDTH_FREE:
                setattr(self, name, getattr(like, name))
        else:
            self._width_free_facts(explanation, rejoin, tok)
        n, w = self.n, self.w
        self.soft_i = [is_soft_break(lines[k], lines[k + 1], item_width, rejoin, tok) for k in range(n - 1)]
        self.brk_i = [0.0, *accumulate(self._break_cost(self.soft_i, item_width, True))]
        self.over_i = [0, *accumulate(int(x > item_width + WIDTH_TOLERANCE_UNITS) for x in w)]
        # The item's paragraphs for every prefix [0, i), built once (a prefix's paragraphs are the
        # previous prefix's, the last one extended or a new one begun).
        self.heading_at = self._heading_at()
        self.prefix_paragraphs = self._prefix_paragraphs()
        self.item_cost = [self._item_cost(i) for i in range(n + 1)]
        # Numbered paragraphs (１．, （２．): where a sequence torn between item and before resumes.
        self.torn_at = first_continuations(self.num, self.soft_b, self.prefix_paragraphs)
        list_cut = heading_list_cuts(self.seq_prev, self.heading_at)
        self.cut_i = [
            self._cut_cost(k, self.soft_i) + self._item_in_line_cut(k) + list_cut[k] + self.block_item[k]
            for k in range(n + 1)
        ]
        self.block_open = [
            block_opening(self.t, k, self.heading_at, self.seq_prev, self.s.heading_opens_body_penalty)
            for k in range(n + 1)
        ]

    def _width_free_facts(self, explanation: str, rejoin: RejoinSettings, tok: Tokenizer) -> None:
        """The facts of the block that do not depend on the item column's width."""
        lines, body_width = self.lines, self.wb
        self.t = [cl.text for cl in lines]
        self.key = [_BOX_OPENING.sub("［］", x) for x in self.t]
        self.box = [_BOX_OPENING.match(x) is not None for x in self.t]
        # Cuts between bracket paragraphs whose headings before and after do not share.
        self.lists = ListCuts(self.t, explanation)
        self.n = n = len(lines)
        self.w = [display_width(x) for x in self.t]
        self.period_on, self.period_end = period_breaks(self.t)
        self.soft_b = [is_soft_break(lines[k], lines[k + 1], body_width, rejoin, tok) for k in range(n - 1)]
        self.marker = [starts_paragraph(x) for x in self.t]
        self.spans = [
            (not self.marker[k + 1])
            and word_spans_break(tok, self.t[k], self.t[k + 1], rejoin.tokenizer_context)
            for k in range(n - 1)
        ]
        # Whether a phrase stays open at the end of line k, judged on the line with the one
        # before it (a short last line such as ム needs its paragraph to be read).
        self.open_end = [tok.ends_open(self.t[k - 1][-8:] + x if k else x) for k, x in enumerate(self.t)]
        self.same_line = [same_printed_line(lines[k], lines[k + 1]) for k in range(n - 1)]
        # For each line, the first line of its printed line (pieces of one printed line share it).
        self.shapes = CellShapes(self.t, self.marker, self.same_line, tok)
        self.wrap_costs = WrapCosts(self.t, self.spans, self.marker, self.same_line)
        self.echo = Echo(self.t)  # after repeating before (normalize/echo.py)
        self.line_start = list(range(n))
        for k in range(1, n):
            if self.same_line[k - 1]:
                self.line_start[k] = self.line_start[k - 1]
        # Prefix sums: cost of the internal breaks k (between k and k+1) of a segment [a, b) are
        # those with a <= k < b - 1.
        self.brk_b = [0.0, *accumulate(self._break_cost(self.soft_b, body_width, False))]
        self.over_b = [0, *accumulate(int(x > body_width + WIDTH_TOLERANCE_UNITS) for x in self.w)]
        ex = bigrams(explanation)
        hits = [len(bigrams(x) & ex) for x in self.t]
        tots = [max(len(x) - 1, 0) for x in self.t]
        self.hit = [0, *accumulate(hits)]
        self.tot = [0, *accumulate(tots)]
        self.num = [number_of(x) for x in self.t]
        # Which empty cell the explanation speaks of (both or neither: no evidence).
        adds, dels = bool(EXPLAINS_ADDITION.search(explanation)), bool(EXPLAINS_DELETION.search(explanation))
        bonus = self.s.explained_empty_bonus
        self.empty_before_bonus = bonus if adds and not dels else 0.0
        self.empty_after_bonus = bonus if dels and not adds else 0.0
        self.shared_from = self._shared_from()
        self.seq_prev = sequence_prev(self.t, self.soft_b, self.marker)
        # A repeated block's line that opens the body, not the item (block_lines).
        self.block_item = item_line_costs(self.t)
        self.value_block = value_blocks(self.t)
        self._prepare_pair_terms()
        self.addition_from = [False] * (n + 1)
        for k in range(n - 1, -1, -1):
            self.addition_from[k] = self.addition_from[k + 1] or bool(
                ADDITION_MARKERS.match(self.t[k]) or "追加" in self.t[k]
            )

    def _shared_from(self) -> list[int]:
        """For each j, the last line before j that shares a character pair with lines [j, n)
        (-1 when none does): before [i, j) and after [j, n) share a pair iff it is >= i."""
        grams = [bigrams(x) for x in self.t]
        out = [-1] * (self.n + 1)
        after: set[str] = set()
        for j in range(self.n - 1, 0, -1):
            after |= grams[j]
            k = j - 1
            while k >= 0 and grams[k].isdisjoint(after):
                k -= 1
            out[j] = k
        return out

    def _heading_at(self) -> list[bool]:
        """For each line, whether the paragraph it opens (soft wraps at the item width joined)
        is a whole heading of the form, or begins with one."""
        n, t, out = self.n, self.t, []
        for k in range(n):
            para, m, hit = t[k], k, is_form_heading(t[k])
            while not hit and m < n - 1 and self.soft_i[m] and len(para) < LONG_ITEM_PARAGRAPH_CHARS:
                m += 1
                para += t[m]
                hit = is_form_heading(para)
            out.append(hit)
        return [*out, False]

    def _break_cost(self, soft: list[bool], width: float, headings: bool) -> list[float]:
        t, w, marker, spans, open_end = self.t, self.w, self.marker, self.spans, self.open_end
        out = []
        for k in range(self.n - 1):
            if self.same_line[k]:
                out.append(PIECE_JOIN_PENALTY)
                continue
            c = 0.0
            closed = t[k][-1:] in SENTENCE_END or t[k][-1:] in CLOSERS
            if not soft[k] and not marker[k + 1] and not closed and not self.period_on[k + 1]:  # (periods)
                if spans[k]:
                    c = SPLIT_WORD_BREAK_PENALTY
                elif open_end[k] or not headings or heading_score(t[k + 1]) == 0:
                    # Headings of the form follow each other unnumbered; other text
                    # rarely breaks so.
                    c = UNMARKED_BREAK_PENALTY
            elif marker[k + 1] and not closed:
                # A paragraph that stops mid-phrase before a new one: only a clipped cell
                # ends so, so a cell boundary belongs after it.  A full line that ends on
                # a closed phrase is weaker evidence of the same.
                if open_end[k]:
                    c = 2 * CLIP_INSIDE_PENALTY
                elif w[k] >= width - 1:
                    c = CLIP_INSIDE_PENALTY
            out.append(c)
        return out

    def _prefix_paragraphs(self) -> list[tuple[float, list[str]]]:
        """For each prefix [0, i): (cost of its completed paragraphs, all its paragraphs)."""
        out: list[tuple[float, list[str]]] = [(0.0, [])]
        done = 0.0
        paras: list[str] = []
        opens_heading = self.heading_at
        for k in range(self.n):
            if k and self.soft_i[k - 1]:
                paras = [*paras[:-1], paras[-1] + self.t[k]]
            else:
                if paras:
                    done += self._paragraph_cost(paras[-1])
                    # (Not the tail of a heading wrapped at a width other than the one tried.)
                    tail = len(paras) > 1 and is_form_heading(paras[-2] + paras[-1])
                    if opens_heading[k] and is_value(paras[-1]) and not tail:
                        done += VALUE_BEFORE_HEADING_PENALTY
                paras = [*paras, self.t[k]]
            out.append((done, paras))
        return out

    def _paragraph_cost(self, p: str) -> float:
        return _paragraph_cost(p, self.s.heading_bonus, self.s.body_marker_in_item_penalty)

    def _item_cost(self, i: int) -> float:
        s = self.s
        if i == 0:
            return EMPTY_ITEM_PENALTY if self.n and not self.item_optional else 0.0
        cost = s.over_width_penalty * self.over_i[i] + (self.brk_i[i - 1] if i >= 1 else 0.0)
        done, paras = self.prefix_paragraphs[i]
        return cost + done + self._paragraph_cost(paras[-1])

    def _cut_cost(self, k: int, soft_left: list[bool]) -> float:
        """Cost of a cell boundary just before line k (the previous cell ends at k-1)."""
        if k <= 0 or k >= self.n or self.same_line[k - 1]:
            return 0.0
        cost = 0.0
        if self.t[k][:1] in NO_LINE_START and not starts_paragraph(self.t[k]):
            cost += KINSOKU_START_PENALTY
        if BRACKET_HEADING.match(self.t[k - 1]) and not HEADING_OPENING.match(self.t[k]):
            cost += HEADING_ENDS_CELL_PENALTY
        if self.period_on[k]:
            cost += PERIOD_CUT_PENALTY
        if soft_left[k - 1] and not self.period_end[k - 1]:  # (a closed period's line: no wrap)
            cost += self.s.split_word_penalty if self.spans[k - 1] else self.s.split_word_penalty * 0.6
        return cost

    def _item_in_line_cut(self, k: int) -> float:
        """Cost of the item ending just before line k inside one printed line while it began on
        an earlier one (see ``StreamSettings.item_in_line_cut_penalty``)."""
        if 0 < k < self.n and self.same_line[k - 1] and self.line_start[k - 1] > 0:
            return self.s.item_in_line_cut_penalty
        return 0.0

    def _overlap(self, a: int, b: int) -> float:
        tot = self.tot[b] - self.tot[a]
        return (self.hit[b] - self.hit[a]) / tot if tot else 0.0

    def _prepare_pair_terms(self) -> None:
        n, t = self.n, self.t
        self.cut_b = [self._cut_cost(k, self.soft_b) for k in range(n + 1)]
        self.body_over = [self.s.over_width_penalty * x for x in self.over_b]
        # The after cell's width and break costs for each j < n (the same sum as ``cost``'s).
        bo, bb = self.body_over, self.brk_b
        self.after_body = [bo[n] - bo[j] + bb[n - 1] - bb[j] for j in range(n)]
        # The after cell's share of character pairs with the explanation, for each j < n.
        hit, tot = self.hit, self.tot
        self.after_overlap = [
            (hit[n] - hit[j]) / (tot[n] - tot[j]) if tot[n] - tot[j] else 0.0 for j in range(n)
        ]
        self.clipped = [self._looks_clipped(k) for k in range(n)]
        last = t[-1] if n else ""
        self.closing = bool(n) and bool(ADDITION_MARKERS.match(last) or DELETION_MARKERS.match(last))
        self.last_above = last.startswith("上記")
        self.last_deletion = bool(DELETION_MARKERS.match(last))

    def _body(self, a: int, b: int) -> float:
        if a >= b:
            return 0.0
        return self.body_over[b] - self.body_over[a] + self.brk_b[b - 1] - self.brk_b[a]

    def _pair_opening(self, i: int, j: int) -> float:
        """The bonus (as a negative cost) when before (from line i) and after (from line j)
        open alike."""
        s, t = self.s, self.key
        a, b = t[i], t[j]
        if self.period_on[j]:
            return 0.0  # a period's second date opens like its first: one value, not two
        if a[:1] != b[:1] or (a[:1] in BULLETS and not self.shapes.alike(i, j)):
            return 0.0
        common = len(common_prefix(a, b))
        if common >= s.shared_opening_min_chars or (common >= 2 and a == b):
            return -s.shared_opening_bonus
        if common >= 3:
            return -s.shared_opening_bonus * common / s.shared_opening_min_chars / 2
        if self.marker[i] and self.marker[j] and a[:1] not in BULLETS and not self.lists.both_open(i, j):
            # The same kind of heading opens both cells; bullets open every paragraph, and two
            # different bracket headings open the paragraphs of one list as well.
            return -SHARED_MARKER_BONUS
        return 0.0

    def cost(self, i: int, j: int) -> float:
        """Cost of item = lines [0, i), before = [i, j), after = [j, n); lower is better."""
        n = self.n
        body_over, brk_b = self.body_over, self.brk_b
        cost = self.item_cost[i] + self.cut_i[i]
        if self.heading_at[i] and not (i < j < n and self.t[j] == self.t[i]):
            # The cell after the item would open with a heading of the form (unless before and
            # after both open with it): the heading belongs to the item's path.
            cost += self.s.heading_opens_body_penalty
        if i < j:
            cost += body_over[j] - body_over[i] + brk_b[j - 1] - brk_b[i]
        if j < n:
            cost += body_over[n] - body_over[j] + brk_b[n - 1] - brk_b[j]
        if j == n:
            cost += EMPTY_AFTER_PENALTY + (ADDITION_OUTSIDE_AFTER_PENALTY if self.closing else 0.0)
            cost -= self.empty_after_bonus if i < n else 0.0
        elif i == j:
            cost += 0.0 if self.addition_from[j] else EMPTY_BEFORE_PENALTY
            cost -= self.empty_before_bonus
        else:
            cost += self.cut_b[j] + self._pair_opening(i, j)
            cost += self.lists.cost(i, j)
            if self.value_block[j] >= i:
                cost += BLOCK_SPLIT_PENALTY
            if self.shared_from[j] < i:
                cost += self.s.disjoint_pair_penalty
            if j == n - 1 and self.last_above:
                # 上記を新規追加 refers to text above it in its own cell.
                cost += LONE_ABOVE_PENALTY
            if j == n - 1 and self.last_deletion:
                cost -= DELETION_ONLY_BONUS
                cost += self.block_open[i] if self.t[j] != self.t[i] else 0.0
            else:
                hit, tot = self.hit, self.tot
                t_after = tot[n] - tot[j]
                t_before = tot[j] - tot[i]
                after = (hit[n] - hit[j]) / t_after if t_after else 0.0
                before = (hit[j] - hit[i]) / t_before if t_before else 0.0
                cost -= EXPLANATION_OVERLAP_WEIGHT * (after - before)
            cost += self.s.balance_weight * abs((j - i) - (n - j))
            if j - i == n - j and self.clipped[j - 1] and self.clipped[n - 1]:
                cost -= CLIPPED_PAIR_BONUS
            cost -= self.echo.bonus(i, j) if self.seq_prev[j] < i else 0.0  # (not one list's items)
        if i < j and self.torn_at[i] < j:
            cost += NUMBERING_BREAK_PENALTY
        if 0 < i < j and self.t[i - 1] == self.t[j - 1]:
            cost += SHIFTED_OPENING_PENALTY
        if i < j < n:
            cost += choice_run(self.box, self.key, self.t, i, j)
        cost += self.wrap_costs.cost(i, j)
        return cost + sequence_cut(self.seq_prev, n, i, j, self.last_above) + self.shapes.cost(i, j)

    def costs_from(self, i: int) -> list[float]:
        """``cost(i, j)`` for j = i … n, in order: the same sums as ``cost``, term by term in
        the same order (so the same floats), with what depends on i alone taken out of the
        loop over j, and the cases j = i and j = n (an empty before or after cell) out of it too
        (the partition's inner loop; long texts spend much of their time here)."""
        n, t = self.n, self.t
        s = self.s
        base = self.item_cost[i] + self.cut_i[i]
        heading_at, heading_penalty = self.heading_at[i], s.heading_opens_body_penalty
        closing_cost = EMPTY_AFTER_PENALTY + (ADDITION_OUTSIDE_AFTER_PENALTY if self.closing else 0.0)
        if i == n:
            cost = base
            if heading_at:
                cost += heading_penalty
            return [cost + closing_cost + self.shapes.cost(n, n)]
        body_over, brk_b, cut_b, after_body = self.body_over, self.brk_b, self.cut_b, self.after_body
        hit, tot, after_overlap = self.hit, self.tot, self.after_overlap
        marker, clipped, period_on = self.marker, self.clipped, self.period_on
        balance, min_chars, opening_bonus = (
            s.balance_weight,
            s.shared_opening_min_chars,
            s.shared_opening_bonus,
        )
        marker_i = marker[i]
        a, key = self.key[i], self.key
        head = a[:1]
        torn = self.torn_at[i]
        item_last = t[i - 1] if i > 0 else None
        shared_from, disjoint = self.shared_from, s.disjoint_pair_penalty
        bo_i, bb_i, hit_i, tot_i = body_over[i], brk_b[i], hit[i], tot[i]
        last = n - 1
        clipped_last = clipped[last]
        # j = i: the before cell is empty.
        cost = base
        if heading_at:
            cost += heading_penalty
        cost += after_body[i]
        cost += 0.0 if self.addition_from[i] else EMPTY_BEFORE_PENALTY
        cost -= self.empty_before_bonus
        seq_i = sequence_cut(self.seq_prev, n, i, i)
        shapes, shape = self.shapes, self.shapes.costs_from(i)
        before_conflict, after_conflict = self.wrap_costs.before_from(i), self.wrap_costs.after
        cost += before_conflict[0] + after_conflict[i]
        out: list[float] = [cost + seq_i + shape[0]]
        seq_prev, box_i, appended = self.seq_prev, self.box[i], self.last_above
        lists, value_block, echo = self.lists, self.value_block, self.echo.from_item(i)
        for j in range(i + 1, n):
            cost = base
            b = key[j]
            if heading_at and t[j] != t[i]:
                cost += heading_penalty
            cost += body_over[j] - bo_i + brk_b[j - 1] - bb_i
            cost += after_body[j]
            opening = 0.0
            if b[:1] == head and not period_on[j]:
                common = len(common_prefix(a, b))
                if common >= min_chars or (common >= 2 and a == b):
                    opening = -opening_bonus
                elif common >= 3:
                    opening = -opening_bonus * common / min_chars / 2
                elif marker_i and marker[j] and head not in BULLETS and not lists.both_open(i, j):
                    opening = -SHARED_MARKER_BONUS
                if opening and head in BULLETS and not shapes.alike(i, j):
                    opening = 0.0
            cost += cut_b[j] + opening
            cost += lists.cost(i, j)
            if value_block[j] >= i:
                cost += BLOCK_SPLIT_PENALTY
            if shared_from[j] < i:
                cost += disjoint
            if j == last and self.last_above:
                cost += LONE_ABOVE_PENALTY
            if j == last and self.last_deletion:
                cost -= DELETION_ONLY_BONUS
                cost += self.block_open[i] if t[j] != t[i] else 0.0
            else:
                t_before = tot[j] - tot_i
                before = (hit[j] - hit_i) / t_before if t_before else 0.0
                cost -= EXPLANATION_OVERLAP_WEIGHT * (after_overlap[j] - before)
            cost += balance * abs((j - i) - (n - j))
            if j - i == n - j and clipped[j - 1] and clipped_last:
                cost -= CLIPPED_PAIR_BONUS
            cost -= echo[j - i] if seq_prev[j] < i else 0.0
            if torn < j:
                cost += NUMBERING_BREAK_PENALTY
            if item_last == t[j - 1]:
                cost += SHIFTED_OPENING_PENALTY
            if box_i:
                cost += choice_run(self.box, self.key, self.t, i, j)
            cost += before_conflict[j - i] + after_conflict[j]
            seq = SEQUENCE_CUT_PENALTY if seq_prev[j] >= i and not appended else 0.0
            out.append(cost + seq_i + seq + shape[j - i])
        # j = n: the after cell is empty.
        cost = base
        if heading_at:
            cost += heading_penalty
        cost += body_over[n] - bo_i + brk_b[n - 1] - bb_i
        cost += closing_cost
        cost -= self.empty_after_bonus
        if torn < n:
            cost += NUMBERING_BREAK_PENALTY
        if item_last == t[n - 1]:
            cost += SHIFTED_OPENING_PENALTY
        cost += before_conflict[n - i] + after_conflict[n]
        out.append(cost + seq_i + shape[n - i])
        return out

    def _looks_clipped(self, k: int) -> bool:
        return self.t[k][-1:] not in SENTENCE_END and self.w[k] >= self.wb - 2


def best_partition(scorer: BlockScorer) -> Partition:
    """The (i, j) of least cost, with a confidence from its margin over the runner-up."""
    n = scorer.n
    if n == 0:
        return Partition(0, 0, 0.0, 0.5)
    best = (float("inf"), 0, 0)
    second = (float("inf"), 0, 0)
    # A block opening with a section of the form (Ⅰ…Ⅵ) opens with its item: the item is not
    # empty, however wide its lines (an item column as wide as the before / after columns).
    lo = 1 if scorer.lines[0].text[:1] in SECTION_NUMERALS else 0
    bonus = bonus_bound(scorer.s)
    item_cost, cut_i = scorer.item_cost, scorer.cut_i
    for i in range(lo, n + 1):
        if i > lo and scorer.over_i[i] > MAX_OVER_WIDTH_ITEM_LINES:
            # Each line too wide for the item column costs over_width_penalty: an item this
            # wide outweighs every bonus a reading can earn; longer items need not be tried.
            break
        if bonus is not None and item_cost[i] + cut_i[i] - bonus - BOUND_SLACK >= second[0]:
            # No cut with this item can beat the runner-up (its every cost is at least the
            # item's cost less all bonuses): the best and the runner-up stay as they are.
            continue
        costs = scorer.costs_from(i)
        if min(costs) >= second[0]:
            continue  # none is below the runner-up: nothing changes
        for j, c in enumerate(costs, start=i):
            if c < best[0]:
                best, second = (c, i, j), best
            elif c < second[0]:
                second = (c, i, j)
    found = second[0] < float("inf")
    margin = second[0] - best[0] if found else 5.0
    confidence = round(1.0 - 0.5 * exp(-margin), 3)
    return Partition(best[1], best[2], best[0], confidence, margin, (second[1], second[2]) if found else None)
