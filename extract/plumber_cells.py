"""What a pdfplumber ``extract_text()`` line's fragments say of their columns beyond their widths
(``plumber_text`` weighs them with the rest):

- ``opens_phrase``: a fragment opening one of the 提出時期に係る説明 column's stock sentences
  (``vocabulary.EXPLANATION_PHRASES``, 重要な変更にはあたらない: the second paragraph of most
  explanations) is the explanation's;
- ``twin_joins``: before and after cells that print the same first line (a change keeps a
  cell's start) hold the same spaces: an ideographic space inside a cell prints as a gap, so
  pdfplumber cuts both at the same place (``・番号法第９条第１項 別 ・番号法第９条第１項 別``).
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from piatable.normalize.chars import display_width
from piatable.normalize.dates import is_date_head, is_date_line
from piatable.vocabulary import EXPLANATION_PHRASES

BEFORE, AFTER = 2, 3  # the columns 変更前の記載 and 変更後の記載 (plumber_text's order)
# Two fragments joined in one column (a space inside a cell) where before and after print the
# same fragment first on the line and each takes as many fragments after it (plumber_text's
# COST_JOINED elsewhere: 3.0); the twin fragment at least this long (characters).
COST_JOINED_TWIN = 0.5
TWIN_MIN_CHARS = 4
# Two equal fragments of a line (at least ``TWIN_MIN_CHARS``) not given to 変更前 and 変更後 in
# that order: the before and after cells printing the same line is what makes a line repeat a
# fragment (``電話番号：００ 電話番号：００``).
COST_TWIN_APART = 1.0
# Before and after lines opening alike (this many characters the same: ``番号法第１９条第７号`` /
# ``番号法第１９条第８号``) join as twins too (a change of a word keeps the line's start).
TWIN_PREFIX_CHARS = 6
# Before and after lines ending alike (the same fragments after their first, together at least this
# many characters: ``平成31年4月1日 時点`` / ``令和3年4月1日 時点``, a change of the line's first
# word keeps its rest: office-plumber52's Gnumeric table) join as twins too.
TWIN_TAIL_MIN_CHARS = 2
# ... or alike (``_tails_alike``): one side may hold this many fragments more (its cell wider).
TAIL_EXTRA_FRAGMENTS = 1
# Two neighbouring fragments printed side by side again within this many lines (``repeated_pairs``)
# join in one column at ``COST_JOINED_TWIN``, and cost this given to two columns.
PAIR_WINDOW = 3
PAIR_MIN_CHARS = 6
PAIR_SAME_START = 2
COST_PAIR_APART = 2.0
# A fragment that opens one of the explanation column's stock sentences (``vocabulary.
# EXPLANATION_PHRASES``: 重要な変更にはあたらない, the second paragraph of most explanations),
# given to another column.
COST_PHRASE_ELSEWHERE = 5.0
PHRASE_MIN_CHARS = 5


@lru_cache(maxsize=4096)
def opens_phrase(frag: str) -> bool:
    """The fragment is one of the explanation's stock sentences, or its first line wrapped."""
    if len(frag) < PHRASE_MIN_CHARS:
        return False
    return any(p.startswith(frag) or frag.startswith(p) for p in EXPLANATION_PHRASES)


def twin_joins(frags: list[str], cols: tuple[int, ...]) -> set[int]:
    """The fragments joined to the one before at ``COST_JOINED_TWIN``: before and after open
    with the same fragment (or alike, ``_alike``) and each joins as many after it; or each joins
    the same fragments after a first that differs (``TWIN_TAIL_MIN_CHARS``)."""
    out: set[int] = set()
    for i, j in itertools.combinations(range(len(frags)), 2):
        if cols[i] != BEFORE or cols[j] != AFTER:
            continue
        if (i and cols[i - 1] == BEFORE) or cols[j - 1] == AFTER:
            continue
        inner = [k for k in range(i + 1, j) if cols[k] == BEFORE]
        if not (inner and len(inner) == j - i - 1):
            continue
        run = list(itertools.takewhile(lambda k: cols[k] == AFTER, range(j + 1, len(frags))))
        outer = run[: len(inner)]
        ins, outs = [frags[k] for k in inner], [frags[k] for k in run]
        if len(outer) == len(inner) and (_alike(frags[i], frags[j]) or _same_tail(ins, outs[: len(inner)])):
            out.update(inner + outer)
        elif run and _tails_alike(ins, outs):
            out.update(inner + run)
    return out


def _tails_alike(inner: list[str], outer: list[str]) -> bool:
    """Before's and after's fragments after their first differing ones (``市民課`` / ``市民窓口課``)
    print the same line wrapped at another width: as many fragments (or one more on one side, its
    cell wider), equal but the last of the shorter side, which the other side's opens with or
    which opens the other's (``０１２－３４５－`` / ``０１２－３４``: set XIV's t03, t06, t08, t11,
    a contact cell ``市民課　電話番号　０１２－…`` whose ideographic spaces print as gaps), the
    equal text together at least ``TWIN_MIN_CHARS`` characters, no date."""
    n = min(len(inner), len(outer))
    if n == 0 or abs(len(inner) - len(outer)) > TAIL_EXTRA_FRAGMENTS or inner[: n - 1] != outer[: n - 1]:
        return False
    a, b = inner[n - 1], outer[n - 1]
    if not (a.startswith(b) or b.startswith(a)) or any(is_date_line(f) or is_date_head(f) for f in inner[:n]):
        return False
    return sum(len(f) for f in inner[: n - 1]) + min(len(a), len(b)) >= TWIN_MIN_CHARS


def _same_tail(inner: list[str], outer: list[str]) -> bool:
    """Before's and after's fragments after their first are the same (``TWIN_TAIL_MIN_CHARS``)."""
    return inner == outer and sum(len(f) for f in inner) >= TWIN_TAIL_MIN_CHARS


def repeated_pairs(lines: list[list[str]], li: int) -> frozenset[tuple[str, str]]:
    """The pairs of neighbouring fragments of line ``li`` that stand side by side again on a line
    within ``PAIR_WINDOW`` lines of it (its page's lines' fragments): a cell's line with a gap
    inside (an ideographic space, ``電話番号　０１２－``) printed in both before and after, a
    line or two apart where the two cells wrap differently (set XIV's t04 and t09 contact
    cells).  Pairs of at least ``PAIR_MIN_CHARS`` characters, of two fragments that do not open
    alike (``PAIR_SAME_START``: equal ones are a line printed in both cells, ``twins_apart``;
    ``市民課 市民窓口課`` over ``市民課 市民窓口課`` is a before and an after cell of one change,
    each a list of names: office-plumber50's Writer tables), no date, no 事前 / 事後."""
    near = {
        pair
        for k in range(max(0, li - PAIR_WINDOW), min(len(lines), li + PAIR_WINDOW + 1))
        if k != li
        for pair in itertools.pairwise(lines[k])
    }
    return frozenset(
        (a, b)
        for a, b in itertools.pairwise(lines[li])
        if (a, b) in near
        and len(a) + len(b) >= PAIR_MIN_CHARS
        and a[:PAIR_SAME_START] != b[:PAIR_SAME_START]
        and not _dated_or_timed(a, b)
    )


def _dated_or_timed(*frags: str) -> bool:
    return any(is_date_line(f) or is_date_head(f) or f in ("事前", "事後") for f in frags)


def twins_apart(frags: list[str], cols: tuple[int, ...]) -> int:
    """How many pairs of equal fragments (``TWIN_MIN_CHARS`` or longer) the reading ``cols``
    gives to other columns than 変更前 then 変更後."""
    if len(set(frags)) == len(frags):
        return 0  # no two equal (most lines: asked of each of a line's readings)
    return sum(
        1
        for i, j in itertools.combinations(range(len(frags)), 2)
        if frags[i] == frags[j] and len(frags[i]) >= TWIN_MIN_CHARS and (cols[i], cols[j]) != (BEFORE, AFTER)
    )


def _twins(a: str, b: str) -> bool:
    """Two fragments that are one line printed in both before and after: equal, long enough,
    and no date (a 変更日 may print the date a before cell opens with)."""
    return a == b and len(a) >= TWIN_MIN_CHARS and not (is_date_line(a) or is_date_head(a))


def _alike(a: str, b: str) -> bool:
    """Two fragments that open a before and an after cell's same line: twins, or opening with
    ``TWIN_PREFIX_CHARS`` equal characters (no date)."""
    if _twins(a, b):
        return True
    n = TWIN_PREFIX_CHARS
    return len(a) >= n and len(b) >= n and a[:n] == b[:n] and not (is_date_line(a) or is_date_head(a))


def cut_at(frag: str, width: int) -> int:
    """The index after the longest start of ``frag`` no wider than ``width`` (display width):
    where a fragment of two cells glued is cut (``plumber_glued.glued_cuts``)."""
    seen = 0
    for i, ch in enumerate(frag):
        seen += display_width(ch)
        if seen > width:
            return i
    return len(frag)


# A fragment opening a numbered list's later paragraph (``②…``, ``③…``) given to a column whose
# fragment on the line above filled its width without closing its sentence (``…クラウド事業者により
# 入退館``): that line goes on with the sentence's rest, not a new numbered paragraph (set XII's c4:
# ``（１．住民基本台帳ファイル） ②サーバ室は施錠している。 管理が行われている。`` is item, before
# and the after's rest, not item, after and explanation).  More than a wrap broken elsewhere
# (plumber_text's COST_WRAP_BROKEN: 4.0).  ① is left out (it opens the list, after a lead line), and
# so is 項目 (an item path's ②入手方法 is a heading under a wrapped one).
COST_NUMBERED_MID_SENTENCE = 5.0
_LATER_NUMBERS = "②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def opens_later_number(frag: str) -> bool:
    """The fragment opens a numbered list's second or later paragraph (②…⑳), or a bulleted
    one (``・``: c4's ``・サーバ室は、施錠管理されている。`` under ``…クラウド事業者``)."""
    return frag[:1] in _LATER_NUMBERS or frag[:1] == "・"
