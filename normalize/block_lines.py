"""A repeated block's line (``提供先３　都道府県知事``) that opens a 変更前 / 変更後 cell, not the 項目 cell.

The forms repeat a block per recipient, contractor or risk: 提供先N / 移転先N under
``５．特定個人情報の提供・移転``, 委託事項N under ``４．特定個人情報ファイルの取扱いの委託``, リスクN
under a sub-section of Ⅲ.  A row that adds, deletes or rewrites a block prints the block in its
before or after cell, opening with the block's line: its label and number, then its own value
text (the recipient's or the contract's name; a リスク's name), and often the block's items as
``heading：value`` lines::

    項目: Ⅱ特定個人情報ファイルの概要 / ５．特定個人情報の提供・移転（委託に伴うものを除く。） / 提供先３
    変更後: 提供先３　都道府県知事 / ①法令上の根拠：住民基本台帳法… / 上記を新規追加

A reader without positions (pypdfium2's ``get_text_range``, ``pdftotext -raw``) gives the lines
one after another, and the block's line reads like one more heading of the path (a tester's
report, session 46: such lines were read into the 項目 cell at confidence 0.81–0.91 with no flag,
the item key ending ``…/提供先/提供先``).  Two facts of the forms place it:

* a *repeat*: the line names the block the item's path already ends in (``提供先３`` then
  ``提供先３　都道府県知事``): an item path never prints its block twice;
* a *block's content after the item's path*: the line follows the heading the forms print
  the block under (the path is whole up to the block), and the block's ``heading：value`` lines
  follow it (``①委託内容：…``): an item's headings carry no values.

``item_line_costs`` gives the partition (``partition.BlockScorer``) the cost of an item that takes
such a line; ``block_line_doubt`` names a row whose item still holds one.  A block's name printed
after its number in the 項目 cell with no block content in the row (``委託事項１`` /
``住民基本台帳システムの運用保守`` over ``上記を新規追加``) is the item's, as before (item_key's
``instance_names``): no cost, no doubt.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import regex

from piatable.models import Doubt, Record
from piatable.vocabulary import TIMING, heading_key, lexicon

from .chars import starts_paragraph
from .dates import is_date_line
from .heading_lexicon import structure
from .item_noise import INSTANCE_NAME_MAX, NOT_A_NAME

# A repeated block's line: its label and number, then what follows on the line (its name,
# after spaces or a colon; nothing for a bare label).  システム blocks (Ⅰ/2) print no
# before / after block of their own in the tables seen, and are left out.
_BLOCK = regex.compile(
    r"^[ 　]*(?P<label>提供先|移転先|再委託事項|委託事項|リスク)(?P<num>[0-9０-９]{1,2})"
    r"[ 　]*[：:]?[ 　]*(?P<rest>.*)$"
)
_FW = str.maketrans("０１２３４５６７８９", "0123456789")
# A block's item printed with its value: numbering, a heading of the forms, a colon, the value
# (on the line, or wrapped onto the next: ``リスクに対する措置の内容：`` / ``外部記録媒体への…``).
_VALUE_LINE = regex.compile(
    r"^[ 　]*(?:[①-⑳]|[0-9０-９]{1,2}[．.]|[（(][0-9０-９]{1,2}[）)])?[ 　]*"
    r"(?P<head>[^：:]{2,40}?)[ 　]*[：:][ 　]*\S"
)
# The heading each block is printed under (``pia_headings.tsv``: Ⅱ/4/委託事項N, Ⅱ/5/- 提供先N /
# 移転先N, Ⅱ/4/⑨ 再委託事項); a リスク's is any sub-section of Ⅲ (``_risk_parents``).
BLOCK_PARENTS = {
    "提供先": frozenset({"特定個人情報の提供・移転"}),
    "移転先": frozenset({"特定個人情報の提供・移転"}),
    "委託事項": frozenset({"特定個人情報ファイルの取扱いの委託"}),
    "再委託事項": frozenset({"再委託事項", "特定個人情報ファイルの取扱いの委託"}),
}
# A heading printed over this many lines at most (a narrow 項目 column wraps a long one).
PARENT_MAX_LINES = 4
# The cost (partition units) of an item that takes a block's line as the block's repeat, or
# as the start of a block's content after the item's whole path: above the heading bonus a
# label earns (``heading_score`` 0.5) and a cut inside a soft wrap, below an over-wide line.
# Measured on samples/office-block46 (tools/eval_office.py, pypdfium2 and -raw).
BLOCK_LINE_IN_ITEM_PENALTY = 6.0
# The cost of an item cut inside the wrapped heading a block's line follows (its path is whole
# up to the block; ``item_line_costs``).
PARENT_CUT_PENALTY = 3.0
# The cost of a before / after cut at a ``heading：value`` line under a block's line that the
# before cell holds (a block is printed whole in one cell: the cut belongs above its line).
BLOCK_SPLIT_PENALTY = 3.0
# A block's name, or a value, wraps over at most this many further lines.
NAME_MAX_LINES = 2
REPEAT_WHY = (
    "the item names its repeated block twice ({line}): the block's line may open the before / after cell"
)
CONTENT_WHY = (
    "the item ends with a repeated block's line ({line}) after the heading the block is printed "
    "under, and the row holds the block's heading：value lines: the line may open the before / after cell"
)


def block_line(text: str) -> tuple[str, int, str] | None:
    """(label, number, rest) of a repeated block's line (``提供先３　都道府県知事`` → (提供先, 3,
    都道府県知事)); ``rest`` is "" for a bare label (``提供先３``, ``リスク２：``); None for other text."""
    m = _BLOCK.match(text)
    if not m:
        return None
    return m.group("label"), int(m.group("num").translate(_FW)), m.group("rest").strip()


def is_bare_block_label(text: str) -> bool:
    """Whether ``text`` is a block's label and number alone (``提供先３``, ``委託事項２``, not
    ``リスク２``, whose name a colon opens): a piece of a line that the block's name follows
    after a space (``compound``: no gap between cells)."""
    found = block_line(text)
    return found is not None and not found[2] and found[0] != "リスク" and text.strip()[-1:] not in "：:"


# What a block's name never is: another cell's closing word printed on the same baseline as the
# item's last line (``提供先３ 上記を新規追加``: a one-line after cell centred beside the item).
# A block's name (a body, a section, a contract: ``市民課``, ``都道府県知事``) has at least this many
# characters; a shorter piece is a one-word value printed beside the item's last line (``有`` /
# ``無``, ``紙``, ``なし``: samples/heldout-values44's ``委託事項２ 有 無``).
BLOCK_NAME_MIN_CHARS = 3
_NOT_A_BLOCK_NAME = regex.compile(r"追加|削除|^上記|^新規|^なし$|^無し?$")


def is_block_name(text: str) -> bool:
    """Whether ``text``, printed after a block's bare label on its line, can be the block's name
    (``都道府県知事``, ``住民記録システムの運用保守``): a name's length (``BLOCK_NAME_MIN_CHARS``,
    item_key's ``INSTANCE_NAME_MAX``) and characters, no paragraph marker, date, timing or
    closing word of a before / after cell (上記を新規追加, 削除)."""
    t = text.strip()
    return (
        BLOCK_NAME_MIN_CHARS <= len(t) <= INSTANCE_NAME_MAX
        and not NOT_A_NAME.search(t)
        and not starts_paragraph(t)
        and not is_date_line(t)
        and not TIMING.match(t)
        and not _NOT_A_BLOCK_NAME.search(t)
    )


def is_value_line(text: str) -> bool:
    """Whether a line prints a heading of the forms with its value (``①委託内容：…``,
    ``リスクに対する措置の内容：…``): a block's item in a before / after cell; not a block's own
    line (``リスク１：…``)."""
    if block_line(text) is not None:
        return False
    m = _VALUE_LINE.match(text)
    return bool(m) and heading_key(m.group("head")) in lexicon()


def is_block_body_line(text: str) -> bool:
    """Whether a line reads as a block's content in a before / after cell rather than as an
    item's heading: a named block line other than a リスク's (whose name is a heading of the
    forms), or a ``heading：value`` line.  Such a line tells nothing of the item column's width
    (``twophase.item_width``)."""
    found = block_line(text)
    if found is not None:
        return bool(found[2]) and found[0] != "リスク"
    return is_value_line(text)


@lru_cache(maxsize=1)
def _risk_parents() -> frozenset[str]:
    """The sub-sections of Ⅲ (``特定個人情報の使用``…): the headings リスクN blocks are printed under."""
    return frozenset(h for h, above in structure().parents.items() if "Ⅲ" in above)


def parents_of(label: str) -> frozenset[str]:
    """The heading keys a block of ``label`` is printed under."""
    return _risk_parents() if label == "リスク" else BLOCK_PARENTS.get(label, frozenset())


def _parent_start(t: list[str], k: int, label: str) -> int | None:
    """The first line of the heading the block is printed under when lines just before ``k``
    (one heading, wrapped over at most ``PARENT_MAX_LINES`` lines) are it, else None."""
    parents = parents_of(label)
    for m in range(k - 1, max(k - 1 - PARENT_MAX_LINES, -1), -1):
        if heading_key("".join(t[m:k])) in parents:
            return m
    return None


def _follows_parent(t: list[str], k: int, label: str) -> bool:
    """Whether lines just before ``k`` are the heading the block is printed under."""
    return _parent_start(t, k, label) is not None


def _repeats(t: list[str], k: int, label: str, num: int) -> bool:
    """Whether line ``k`` names the block the bare label on the line just above it names
    (``提供先３`` then ``提供先３　都道府県知事``)."""
    found = block_line(t[k - 1]) if k else None
    return found is not None and found[0] == label and found[1] == num and not found[2]


class _BlockAt(NamedTuple):
    """A named block line at ``k`` (not the first line) of a row's lines: whether it repeats
    the bare label just above it, else the start of the block's heading above it (None: not
    printed under that heading)."""

    k: int
    repeats: bool
    parent: int | None


def _named_block_lines(t: list[str]) -> Iterator[_BlockAt]:
    """Each named block line of ``t`` past the first, as ``item_line_costs`` and
    ``block_line_doubt`` weigh it (the heading above is looked for only when the line does not
    repeat a bare label)."""
    for k, x in enumerate(t):
        found = block_line(x)
        if found is None or not found[2] or k == 0:
            continue
        label, num, _ = found
        if _repeats(t, k, label, num):
            yield _BlockAt(k, True, None)
        else:
            yield _BlockAt(k, False, _parent_start(t, k, label))


def item_line_costs(t: list[str]) -> list[float]:
    """For each item end i (lines [0, i) the item, i = 0 … n), ``BLOCK_LINE_IN_ITEM_PENALTY``
    when the item takes a block's line that opens the body: a named block line that repeats
    the bare label just above it (and when the item stops before that label: the label is the
    path's last heading), or that follows the block's heading with the block's ``heading：value``
    lines after it in the row (the item then ends on the line, or takes a value line too)."""
    n = len(t)
    out = [0.0] * (n + 1)
    for k, repeats, start in _named_block_lines(t):
        if repeats:
            for i in range(k + 1, n + 1):
                out[i] = max(out[i], BLOCK_LINE_IN_ITEM_PENALTY)
            # The bare label it repeats is the item's last heading: the item does not stop
            # before it.
            out[k - 1] = max(out[k - 1], BLOCK_LINE_IN_ITEM_PENALTY)
            continue
        if start is None or not any(is_value_line(y) for y in t[k + 1 :]):
            continue
        # The path is whole up to the block: an item cut inside its last, wrapped heading is not.
        for i in range(start + 1, k):
            out[i] = max(out[i], PARENT_CUT_PENALTY)
        # The item ends on the block's line, or runs into a value line past it.
        for i in range(k + 1, n + 1):
            if i == k + 1 or any(is_value_line(y) for y in t[k + 1 : i]):
                out[i] = max(out[i], BLOCK_LINE_IN_ITEM_PENALTY)
    return out


def value_blocks(t: list[str]) -> list[int]:
    """For each line j (and one past the end), the named block line whose ``heading：value``
    lines go down to j (j a value line under it, through its other value lines and its name's
    wrapped lines, at most ``NAME_MAX_LINES`` of these), or -1.  A before / after cut at j with
    that block line in the before cell tears the block (``BLOCK_SPLIT_PENALTY``)."""
    n = len(t)
    out = [-1] * (n + 1)
    for j in range(1, n):
        if not is_value_line(t[j]):
            continue
        wraps = 0
        for m in range(j - 1, -1, -1):
            found = block_line(t[m])
            if found is not None:
                out[j] = m if found[2] else -1
                break
            if not is_value_line(t[m]):
                wraps += 1
                if wraps > NAME_MAX_LINES:
                    break
    return out


def opens_block_body(item_path: list[str], line: str) -> bool:
    """Whether ``line``, the first of a before / after cell, is a block's line that the rules of
    ``item_line_costs`` place there: a named block line whose block the item's last heading
    names (bare), or whose block the item's last heading is printed over."""
    found = block_line(line)
    if found is None or not found[2] or not item_path:
        return False
    label, num, _ = found
    path = [p.strip() for p in item_path]
    return _repeats([*path, line], len(path), label, num) or _follows_parent([*path, line], len(path), label)


def _is_value_label(text: str) -> bool:
    """A heading of the forms with a colon and nothing after it (``リスクに対する措置の内容：``: its
    value wrapped onto the next line): a value's label, never an item's heading; weaker than
    ``is_value_line`` (a colon may end a line of the body's own text), so it only raises the
    doubt."""
    t = text.strip()
    return t[-1:] in "：:" and block_line(t) is None and heading_key(t) in lexicon()


def block_line_doubt(item: list[str], body: list[str]) -> str | None:
    """Why a row's cut is in doubt when its 項目 lines (``item``) still hold a block's line that
    the rules of ``item_line_costs`` give to the body (``body``: the before and after lines),
    else None."""
    for k, repeats, start in _named_block_lines(item):
        if repeats:
            return REPEAT_WHY.format(line=item[k].strip())
        if start is None:
            continue
        # The item ends on the block's line with the block's values in the body, or goes on
        # into a value line (as ``item_line_costs``).
        after = item[k + 1 : k + 2] if k + 1 < len(item) else body
        if any(is_value_line(y) or _is_value_label(y) for y in after):
            return CONTENT_WHY.format(line=item[k].strip())
    return None


def block_line_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on the item of a record whose 項目 paragraphs still hold a block's line that
    opens the body by ``block_line_doubt`` (the partition's costs were outweighed: the evidence
    did not decide)."""
    body = [p for text in (record.before, record.after) for p in (text or "").split("\n") if p.strip()]
    why = block_line_doubt(list(record.item_path), body)
    return [Doubt("column_guess", "item", why)] if why else []
