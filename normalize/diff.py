"""What a row changes: its kind (added / deleted / modified / unchanged) and a before → after diff.

The diff works on word-ish tokens rather than characters so that a renamed thing reads as one
replacement (通知カード → 個人番号通知書 is one deleted and one inserted segment, not a character
soup): runs of katakana, of hiragana, of letters and digits, and of spaces are tokens; each kanji
is a token of its own (kanji compounds share characters: 市民部 → 市民生活部 inserts 生活); then
a kept run shorter than ``DIFF_MIN_KEPT_CHARS`` between two changes is folded into them (the 通知
shared by 通知カード and 個人番号通知書 is no real common part), as diff-match-patch's semantic
clean-up does.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import regex

# cydifflib: difflib's own algorithms compiled (the same opcodes, several times faster).
from cydifflib import SequenceMatcher

from piatable.text_thresholds import DIFF_MAX_TOKENS, DIFF_MIN_KEPT_CHARS
from piatable.vocabulary import EMPTY_CELL_DASHES, NOTHING_WRITTEN_WORDS

from .chars import without_whitespace

Op = Literal["kept", "deleted", "inserted"]
ChangeKind = Literal["added", "deleted", "modified", "unchanged"]
# The four kinds the record contract allows (DESIGN.md: ``change_kind`` is one of them, never null).
CHANGE_KINDS: tuple[ChangeKind, ...] = ("added", "deleted", "modified", "unchanged")
# The kind of a row whose before and after are both empty (flag ``empty_change``): its cells print
# no difference (equal texts, an empty diff), so ``unchanged``; ``added`` and ``deleted`` would
# each claim a change the cells do not show (an explanation-only row, or cells lost).
BOTH_EMPTY_KIND: ChangeKind = "unchanged"

_TOKEN = regex.compile(
    r"[\p{Katakana}ー]+|[\p{Hiragana}]+|[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+|[\s\u3000]+|\p{Han}|.",
    regex.DOTALL,
)
# An after cell that only says the content was added or removed.
ADDED_MARKS = ("新規追加", "上記を新規追加", "上記を追加")
DELETED_MARKS = ("削除", "上記を削除")
# A before cell that only says the item is new (変更前 「新規追加」 / 「（新規）」, as forms print an
# added row's empty before): the row adds the item.  (上記を新規追加 points at text above it: an
# after cell's words, not a before's.)
BEFORE_ADDED_MARKS = ("新規追加", "新規", "追加")
# A cell that prints only that nothing was written there (記載なし, なし, 該当なし, 特になし: as
# ``placeholder_cells`` knows the forms' placeholders; round brackets or a closing 。 aside) is an
# empty cell of the form too: a 変更前 記載なし is an addition's before (set XXII: every
# Ⅵ２．②実施日・期間 row, 記載なし → dates), a 変更後 記載なし a deletion's after.  A check box's
# square brackets (［ なし ］) are a printed choice, no placeholder.
NOTHING_CELLS = frozenset(NOTHING_WRITTEN_WORDS)
_NOTHING_DRESS = regex.compile(r"^[（(]|[）)]$|。$")
# What may dress a mark: brackets around it, a closing 。.
_MARK_DRESS = regex.compile(r"^[（(［\[【「]|[）)］\]】」]$|。$")


def tokens(text: str) -> list[str]:
    """``text`` cut into diff tokens; ``"".join(tokens(t)) == t``."""
    return list(_tokens(text))


@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[str, ...]:
    """``tokens`` remembered per paragraph (a document repeats its paragraphs across rows; a
    paragraph's tokens take a few KB, so only the last few thousand)."""
    return tuple(_TOKEN.findall(text))


def _fold_short_kept(ops: list[tuple[str, str]], min_kept: int) -> list[tuple[str, str]]:
    """Fold kept runs shorter than ``min_kept`` (spaces aside) that stand between two changes.

    ``ops`` as ``_merge`` gives them (no two kept runs side by side).  Folding one such run
    leaves every other run's text and neighbours' kinds as they were, so all are folded in
    one pass (the same result as folding them one at a time, re-merging after each).  Two
    kept runs side by side (an empty change between them was dropped) are folded one at a
    time: joined, they may be short enough."""
    last = len(ops) - 1
    if any(ops[k][0] == "kept" and ops[k + 1][0] == "kept" for k in range(last)):
        return _fold_one_at_a_time(ops, min_kept)
    out: list[tuple[str, str]] = []
    for k, (op, text) in enumerate(ops):
        if (
            0 < k < last
            and op == "kept"
            and ops[k - 1][0] != "kept"
            and ops[k + 1][0] != "kept"
            and len(without_whitespace(text)) < min_kept
        ):
            # text becomes both deleted and inserted; neighbours merge below.
            out += [("deleted", text), ("inserted", text)]
        else:
            out.append((op, text))
    return _merge(out)


def _fold_one_at_a_time(ops: list[tuple[str, str]], min_kept: int) -> list[tuple[str, str]]:
    changed = True
    while changed:
        changed = False
        for k in range(1, len(ops) - 1):
            op, text = ops[k]
            if op != "kept" or len(without_whitespace(text)) >= min_kept:
                continue
            if ops[k - 1][0] == "kept" or ops[k + 1][0] == "kept":
                continue
            ops[k : k + 1] = [("deleted", text), ("inserted", text)]
            changed = True
            break
        ops = _merge(ops)
    return ops


def _merge(ops: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Adjacent changes as one deleted segment then one inserted segment; kept runs joined."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(ops):
        if ops[k][0] == "kept":
            text = ""
            while k < len(ops) and ops[k][0] == "kept":
                text += ops[k][1]
                k += 1
            if text:
                out.append(("kept", text))
            continue
        deleted = inserted = ""
        while k < len(ops) and ops[k][0] != "kept":
            if ops[k][0] == "deleted":
                deleted += ops[k][1]
            else:
                inserted += ops[k][1]
            k += 1
        if deleted:
            out.append(("deleted", deleted))
        if inserted:
            out.append(("inserted", inserted))
    return out


def _token_diff(before: str, after: str) -> list[tuple[str, str]]:
    """Token-level ops of one changed block; the common head and tail are kept without search."""
    a, b = tokens(before), tokens(after)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    ops: list[tuple[str, str]] = [("kept", "".join(a[:head]))]
    # Past DIFF_MAX_TOKENS, difflib's junk heuristic bounds the time (very frequent tokens are
    # not used to anchor matches).
    big = len(a) + len(b) - 2 * (head + tail) > DIFF_MAX_TOKENS
    sm = SequenceMatcher(None, a[head : len(a) - tail], b[head : len(b) - tail], autojunk=big)
    for tag, a0, a1, b0, b1 in sm.get_opcodes():
        a0, a1, b0, b1 = a0 + head, a1 + head, b0 + head, b1 + head
        if tag == "equal":
            ops.append(("kept", "".join(a[a0:a1])))
            continue
        if a1 > a0:
            ops.append(("deleted", "".join(a[a0:a1])))
        if b1 > b0:
            ops.append(("inserted", "".join(b[b0:b1])))
    ops.append(("kept", "".join(a[len(a) - tail :])))
    return ops


def text_diff(before: str, after: str, min_kept: int = DIFF_MIN_KEPT_CHARS) -> list[tuple[Op, str]]:
    """``before`` → ``after`` as (op, text) segments, op ``kept`` / ``deleted`` / ``inserted``.

    Joining the kept and deleted texts gives ``before``; the kept and inserted texts give
    ``after``.  A replacement is a ``deleted`` segment followed by an ``inserted`` one.  Uses
    difflib's SequenceMatcher twice: over the paragraphs (lines) first, then over the tokens of
    ``tokens()`` inside each run of changed paragraphs (no autojunk: long cells repeat tokens
    legitimately), so a long cell with a few edits costs little.
    """
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    ops: list[tuple[str, str]] = []
    for tag, a0, a1, b0, b1 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        left, right = "".join(a[a0:a1]), "".join(b[b0:b1])
        if tag == "equal":
            ops.append(("kept", left))
        elif left and right and a1 - a0 == b1 - b0:
            # As many paragraphs changed on each side: each was edited in place.
            for k in range(a1 - a0):
                ops.extend(_token_diff(a[a0 + k], b[b0 + k]))
        elif left and right:
            ops.extend(_token_diff(left, right))
        else:
            ops.append(("deleted", left) if left else ("inserted", right))
    return _fold_short_kept(_merge(ops), min_kept)  # type: ignore[return-value]


def is_added_before(before: str) -> bool:
    """Whether a before cell says only that its item is new (``BEFORE_ADDED_MARKS``, brackets or a
    closing 。 aside: 新規追加, （新規）, 【新規追加】): how a form marks an added row's before.  Used by
    ``change_kind`` and by ``shape_checks.is_addition_mark`` (no column_guess on such a cell)."""
    return _MARK_DRESS.sub("", without_whitespace(before)) in BEFORE_ADDED_MARKS


def _placeholder_as_empty(text: str) -> str:
    """``text`` (whitespace removed), or ``""`` when it is one dash or says only that nothing was
    written (``NOTHING_CELLS``): the form's marks of an empty cell."""
    if len(text) == 1 and text in EMPTY_CELL_DASHES:
        return ""
    return "" if _NOTHING_DRESS.sub("", text) in NOTHING_CELLS else text


def change_kind(before: str, after: str) -> ChangeKind:
    """What a row does, from its before and after texts (whitespace aside), by issue 14's rule,
    tried in this order:

    Always one of ``CHANGE_KINDS`` (the record contract, DESIGN.md).  Both texts empty:
    ``BOTH_EMPTY_KIND`` (``unchanged``: the cells print equal texts and the diff is empty; the
    records flag the row ``empty_change``, an explanation-only row or cells lost), not ``added``
    (empty before) nor ``deleted`` (empty after), which would claim what the cells cannot show.
    Else:

    ``added``: an empty before, or a before that says only that the item is new (新規追加,
    （新規）: ``BEFORE_ADDED_MARKS``), or an after that says only that the item was added (新規追加,
    上記を新規追加, 上記を追加: ``ADDED_MARKS``); ``deleted``: an empty after, or one that says only
    削除 (上記を削除: ``DELETED_MARKS``); ``unchanged``: equal texts; else ``modified``.  A cell
    printing only a dash (「－」, ``EMPTY_CELL_DASHES``) or only that nothing was written (記載なし,
    なし, 該当なし, 特になし: ``NOTHING_CELLS``) is an empty cell of the form: 記載なし → text is
    ``added``, text → 記載なし ``deleted``.

    A mark closing a longer after (``新しい文`` / ``上記を新規追加``, the text above it added to an
    item that had text before) makes no ``added``: the before is not empty and the after is
    not the mark, so the item's text was changed (``modified``), as the rule reads.  A mark in
    brackets or closed by 。 (``（削除）``) is the mark.
    """
    b, a = (_placeholder_as_empty(without_whitespace(t)) for t in (before, after))
    mark = _MARK_DRESS.sub("", a)
    if not b and not a:
        return BOTH_EMPTY_KIND
    if not b or mark in ADDED_MARKS or is_added_before(b):
        return "added"
    if not a or mark in DELETED_MARKS:
        return "deleted"
    if a == b:
        return "unchanged"
    return "modified"
