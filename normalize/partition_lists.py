"""Evidence of the cuts of a row-ordered block that lists or deleted blocks give (issue 10,
branch raw21), for ``partition.BlockScorer``: check-box lists repeated in before and after,
numbered lists torn by a cut, a value among the item's headings, and the heading that opens a
deleted block.  Measured with tools/eval_office.py on samples/office-raw21 (tuning; LibreOffice
tables made by tools/make_raw21_samples.py) and held out on samples/heldout-raw21.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .chars import starts_paragraph
from .items import heading_score

_FW = str.maketrans("０１２３４５６７８９", "0123456789")
_NUMBERED = regex.compile(r"^[（(]?([0-9０-９]{1,2})[．.]|^[（(]([0-9０-９]{1,2})[）)]")

# A list of choices repeated in before and after, each line a box marked or not (``■本人…`` /
# ``□評価実施機関…`` then the same choices with other marks): each further line that the two
# cells open with alike, after the first (which earns the shared opening), earns this much, up
# to ``CHOICE_RUN_CAP`` lines.  LibreOffice tables of issue 10 (branch raw21): the item took the
# first choices and the before / after boundary fell inside the list.
CHOICE_LINE_BONUS = 1.0
CHOICE_RUN_CAP = 4
# A numbered list (①②③, １．２．, （１）（２）) torn by a cell boundary: the line after the cut
# opens with the number following the nearest numbered paragraph above it (same style), which
# lies in the cell before.  Before and after cells open their lists alike (① again), so a
# sequence going on across the cut means the cut is inside one cell (a row adding a block:
# 変更前 empty, the after cell's ①…③ split between item, before and after; branch raw21).
SEQUENCE_CUT_PENALTY = 3.0
_SEQ_NUMBER = regex.compile(r"^[ 　]*(?:([①-⑳])|([0-9０-９]{1,2})[．.]|[（(]([0-9０-９]{1,2})[）)])")
# An item paragraph that is no heading (a value: ``本人又は本人の代理人``) followed in the item by
# a heading of the form: item paths hold headings only, a deleted block (before = the block,
# after = 削除) holds heading / value pairs; its headings read into the item (branch raw21).
VALUE_BEFORE_HEADING_PENALTY = 3.0
# A row deleting a whole block (after = 削除 alone): its before cell opens with the block's own
# heading (``３．特定個人情報の入手・使用`` / ``①入手元`` / …), so a heading opening the before cell
# is no sign that it ends the item path (``heading_opens_body_penalty`` waived); the before cell
# opening with a heading of a higher level earns more (``３．`` over ``①``: the deleted block is
# read whole rather than the item taking its top heading), this much divided by the level
# (１． 1, ① 2, （１） 3).  Branch raw21 (issue 10): LibreOffice tables deleting whole blocks.
DELETED_BLOCK_BONUS = 4.0
_LEVELS = (
    (regex.compile(r"^[0-9０-９]{1,2}[．.]"), 1),
    (regex.compile(r"^[①-⑳]"), 2),
    (regex.compile(r"^[（(][0-9０-９]{1,2}[）)]"), 3),
)
# A value has at least this many characters (a shorter piece is more likely a heading's wrapped
# tail read at a wrong width: ``…の委`` / ``託``).
VALUE_MIN_CHARS = 4


def is_value(paragraph: str) -> bool:
    """A paragraph that is no heading of the form (``VALUE_BEFORE_HEADING_PENALTY``): no
    lexicon heading, no paragraph marker (a bullet or a numbered line may be an unknown
    heading)."""
    return (
        len(paragraph) >= VALUE_MIN_CHARS
        and heading_score(paragraph) == 0
        and not starts_paragraph(paragraph)
    )


def sequence_prev(t: list[str], soft: list[bool], marker: list[bool]) -> list[int]:
    """For each line of ``t`` (and one past the end), the line of the numbered paragraph it
    continues (the nearest numbered paragraph above it, of the same style, numbered one less),
    or -1 (``SEQUENCE_CUT_PENALTY``).  ``soft[k]``: the break after line k is a soft wrap;
    ``marker[k]``: line k opens with a paragraph marker."""
    last: dict[int, tuple[int, int]] = {}
    out = [-1] * (len(t) + 1)
    for k, x in enumerate(t):
        m = _SEQ_NUMBER.match(x)
        if not m or (k and soft[k - 1] and not marker[k]):
            continue
        style = 0 if m.group(1) else 1 if m.group(2) else 2
        digits = m.group(2) or m.group(3)
        num = ord(m.group(1)) - ord("①") + 1 if m.group(1) else int(digits.translate(_FW))
        prev = last.get(style)
        if prev and prev[1] == num - 1:
            out[k] = prev[0]
        last[style] = (k, num)
    return out


def sequence_cut(seq_prev: list[int], n: int, i: int, j: int, appended: bool = False) -> float:
    """``SEQUENCE_CUT_PENALTY`` for each boundary of the cut (i, j) of ``n`` lines (item [0, i),
    before [i, j), after [j, n)) that tears a numbered list (``seq_prev`` of ``sequence_prev``).
    ``appended``: the after cell closes with 上記を新規追加: it may hold only the items added to the
    before cell's list, numbered on (``⑥…`` / ``⑦…⑨ 上記を新規追加``: office8), so the before /
    after cut costs nothing for it."""
    cost = SEQUENCE_CUT_PENALTY if 0 < i < n and seq_prev[i] >= 0 else 0.0
    if i < j < n and seq_prev[j] >= i and not appended:
        cost += SEQUENCE_CUT_PENALTY
    return cost


def heading_list_cuts(seq_prev: list[int], heading_at: list[bool]) -> list[float]:
    """For each item end i in 0..n: ``SEQUENCE_CUT_PENALTY`` when the item [0, i) ends a numbered
    list of headings that a heading further down the body goes on with (item ``…①入手元``, before
    ``本人… / ②入手方法 / 紙…``: a deleted block's headings read into the item), else 0.  The
    body's first line is ``sequence_cut``'s.  A heading k (k < n) whose list began at line
    ``seq_prev[k]`` >= 0 speaks against every i with ``seq_prev[k] < i < k``: those spans are
    summed once (linear in the lines, where asking each i alone was quadratic)."""
    n = len(heading_at) - 1
    opens = [0] * (n + 2)
    for k in range(n):
        if heading_at[k] and 0 <= seq_prev[k] < k - 1:
            opens[seq_prev[k] + 1] += 1
            opens[k] -= 1
    out: list[float] = []
    live = 0
    for i in range(n + 1):
        live += opens[i]
        out.append(SEQUENCE_CUT_PENALTY if live else 0.0)
    return out


def choice_run(box: list[bool], key: list[str], t: list[str], i: int, j: int) -> float:
    """The bonus (a negative cost) of before [i, j) and after [j, ...) opening with the same
    list of choices, some choice marked otherwise (the edit a list of check boxes shows):
    ``box[k]`` says line k opens with a check box, ``key[k]`` is the line with its box's mark
    taken out, ``t[k]`` the line.  The same marks all through earn nothing: a list repeated
    within one cell (``[○]識別情報`` / ``[○]連絡先等情報`` twice, office3) matches itself too."""
    if not (box[i] and box[j]):
        return 0.0
    n, m, remarked = len(box), 0, False
    while i + m < j and j + m < n and box[i + m] and key[i + m] == key[j + m]:
        remarked = remarked or t[i + m] != t[j + m]
        m += 1
    return -CHOICE_LINE_BONUS * min(max(m - 1, 0), CHOICE_RUN_CAP) if remarked else 0.0


def block_opening(t: list[str], k: int, heading_at: list[bool], seq_prev: list[int], penalty: float) -> float:
    """The cost change of a deletion row's before cell opening at line ``k`` of ``t`` (its last
    line the after cell's 削除; ``DELETED_BLOCK_BONUS``): the heading penalty taken back, the
    level's bonus given, when the before cell would hold a block: it opens with a heading
    (``heading_at``) and holds a numbered list of headings (``②入手方法`` after ``①入手元``:
    ``seq_prev``).  A before cell of one value under a chain of headings is the common deletion
    row (item ``…②事務の概要``, before ``※…``, after 削除): no evidence either way, nothing given."""
    n = len(t) - 1
    if k >= n or not heading_at[k]:
        return 0.0
    if not any(seq_prev[m] >= k and heading_at[m] for m in range(k + 1, n)):
        return 0.0
    level = next((lv for pattern, lv in _LEVELS if pattern.match(t[k])), None)
    return -penalty - (DELETED_BLOCK_BONUS / level if level else 0.0)


@lru_cache(maxsize=65536)
def number_of(paragraph: str) -> int | None:
    """The number of a numbered paragraph, with its style (１． and (1) count apart)."""
    m = _NUMBERED.match(paragraph)
    if not m:
        return None
    style = 1000 if m.group(2) else 2000 if paragraph[:1] in "（(" else 0
    return style + int((m.group(1) or m.group(2)).translate(_FW))


def first_continuations(
    num: list[int | None], soft: list[bool], prefix_paragraphs: list[tuple[float, list[str]]]
) -> list[int]:
    """For every item prefix i (lines [0, i)), the first line at or after i that starts the
    number following the item's last number (n + 1: none), the item's numbers kept from one
    prefix to the next (a prefix's paragraphs are the previous prefix's, the last extended
    or a new one).  ``num``: each line's ``number_of``; ``soft[k]``: the break after line k is
    a soft wrap; ``prefix_paragraphs[i]``: (cost, the paragraphs of lines [0, i))."""
    n = len(num)
    out = [n + 1]
    # The lines that open each number, in order (only they can continue a number).
    numbered: dict[int, list[int]] = {}
    for k, x in enumerate(num):
        if x is not None:
            numbered.setdefault(x, []).append(k)
    done: list[int] = []  # numbers of the item's paragraphs before its last one
    count = 0
    for i in range(1, n + 1):
        paras = prefix_paragraphs[i][1]
        if len(paras) > count and count:
            x = number_of(paras[-2])  # the paragraph before is complete now
            if x:
                done.append(x)
        count = len(paras)
        last = number_of(paras[-1])
        item_nums = [*done, last] if last else done
        out.append(_continuation_after(i, item_nums, numbered, soft, n))
    return out


def _continuation_after(
    i: int, item_nums: list[int], numbered: dict[int, list[int]], soft: list[bool], n: int
) -> int:
    if not item_nums or item_nums[-1] + 1 in item_nums:
        return n + 1
    want = item_nums[-1] + 1
    for k in numbered.get(want, ()):
        if k >= i and (k == i or not soft[k - 1]):
            return k
    return n + 1
