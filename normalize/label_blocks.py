"""The lines of a label block around a label row, and the order of their labels (branch
extracol67).

A table's labels are printed over more than one line: a label wrapped in its narrow cell
(``提出時`` / ``期``, row-ordered text puts the labels right of it on a line of their own:
``提出時期に係る説明 通番``, set XXVIII t02), or a two-row label block whose upper row spans
several columns (``変更内容`` over 変更前の記載 / 変更後の記載 / 評価書頁, set XXVIII t10).  An
extra column's label may stand on any of these lines; where it stands among the six fields is
read from the whole block, not from its line alone:

- in layout text (columns at offsets) the words of every line of the block sorted by where they
  open (``block_words`` with ``offsets``): the upper row's spanning label left out, the lower
  row's labels fall between the upper row's by their places;
- in row-ordered text the lines read in turn, a lower row's labels put where the spanning label
  stands in the line above (``変更日 項目 変更内容 提出時期 …`` / ``変更前の記載 変更後の記載
  評価書頁`` reads ``変更日 項目 変更前の記載 変更後の記載 評価書頁 提出時期 …``).

A block's line is a line of label words only (a field label, an extra column's label, a
spanning label, or a piece of a wrapped field label: ``提出時期に係る説`` / ``明``), within
``BLOCK_REACH`` lines of the label row.
"""

from __future__ import annotations

import regex

from piatable.vocabulary import EXTRA_COLUMN_ROLES, GROUP_LABELS, LABELS, extra_column_role, is_label_piece

from .chars import display_width

# Lines above and below a label row that may belong to its block.
BLOCK_REACH = 3
# A piece of a wrapped field label is at most this long (characters).
LABEL_PIECE_MAX_CHARS = 9
_WORD = regex.compile(r"[^ \u3000\f\t]+")


def is_label_word(word: str) -> bool:
    """Whether ``word`` is a label of a label block: a field label, an extra column's, a
    spanning one (``vocabulary.GROUP_LABELS``), or a piece of a field label wrapped in its cell."""
    if word in LABELS or word in GROUP_LABELS or extra_column_role(word) or is_label_piece(word):
        return True
    return (
        len(word) <= LABEL_PIECE_MAX_CHARS
        and any(lab.startswith(word) or lab.endswith(word) for lab in (*LABELS, *GROUP_LABELS))
    ) or _extra_piece(word)


def _extra_piece(word: str) -> bool:
    """Whether ``word`` (two characters or more) opens or ends an extra column's label of three
    or more (``評価`` / ``書頁`` of 評価書頁 wrapped in its narrow cell)."""
    return len(word) >= 2 and any(
        len(lab) >= 3 and lab != word and (lab.startswith(word) or lab.endswith(word))
        for lab in EXTRA_COLUMN_ROLES
    )


def wrapped_extra_labels(words: list[tuple[int, int, str]]) -> dict[int, tuple[int, str, str]]:
    """Extra labels wrapped over two lines of a block: the index of the first piece among
    ``words`` (block order) → (the next piece's index, the first piece, the label), where a
    word ending a line and the next line's word make a label no piece is alone."""
    out = {}
    for n in range(len(words) - 1):
        (j, _, a), (k, _, b) = words[n], words[n + 1]
        if k != j and not extra_column_role(a) and not extra_column_role(b) and extra_column_role(a + b):
            out[n] = (n + 1, a, a + b)
    return out


def _label_line(line: str) -> bool:
    words = _WORD.findall(line)
    return bool(words) and all(is_label_word(w) for w in words)


def block_lines(lines: list[str], k: int) -> list[int]:
    """The indices of the lines of line ``k``'s label block (``k`` a label row), in order: the
    lines of label words only next to it, up to ``BLOCK_REACH`` each way (a blank line ends the
    block; a page's form feed opens it)."""
    lo = k
    while lo > 0 and k - lo < BLOCK_REACH and "\f" not in lines[lo] and _label_line(lines[lo - 1]):
        lo -= 1
    hi = k
    while (
        hi + 1 < len(lines)
        and hi - k < BLOCK_REACH
        and "\f" not in lines[hi + 1]
        and _label_line(lines[hi + 1])
    ):
        hi += 1
    return list(range(lo, hi + 1))


def block_words(lines: list[str], block: list[int], offsets: bool) -> list[tuple[int, int, str]]:
    """(line index, offset, word) of the words of the ``block`` lines in the order the columns
    stand (see the module notes); spanning labels with labels under them left out.  ``offsets``:
    layout text, ordered by display offset (the line's order breaking ties)."""
    words = [
        (j, display_width(lines[j][: m.start()]), m.group()) for j in block for m in _WORD.finditer(lines[j])
    ]
    if offsets:
        grouped = len(block) > 1 and any(w[2] in (LABELS[2], LABELS[3]) for w in words)
        return sorted(
            (w for w in words if not (grouped and w[2] in GROUP_LABELS)), key=lambda w: (w[1], w[0])
        )
    return spliced(words)


def spliced(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Row-ordered ``words`` of a label block with the lower row put where its spanning label
    stands: the run of words holding 変更前 / 変更後 after the spanning label (from the word
    after the last other field label before them, to the next other field label) takes the
    spanning label's place; unchanged without a spanning label."""
    g = next((n for n, w in enumerate(words) if w[2] in GROUP_LABELS), None)
    if g is None:
        return words
    under = (LABELS[2], LABELS[3])
    i = next((n for n in range(g + 1, len(words)) if words[n][2] in under), None)
    if i is None:
        return words
    s = max([g, *(n for n in range(g + 1, i) if words[n][2] in LABELS)]) + 1
    e = next(
        (n for n in range(i, len(words)) if words[n][2] in LABELS and words[n][2] not in under), len(words)
    )
    return words[:g] + words[s:e] + words[g + 1 : s] + words[e:]


def where_in_block(words: list[tuple[int, int, str]], n: int) -> tuple[str, str]:
    """The field labels left and right of the ``n``-th of ``words`` ("" for none)."""
    left = next((words[i][2] for i in range(n - 1, -1, -1) if words[i][2] in LABELS), "")
    right = next((words[i][2] for i in range(n + 1, len(words)) if words[i][2] in LABELS), "")
    return left, right


def field_label_total(lines: list[str], block: list[int]) -> int:
    """How many field labels the ``block`` lines print."""
    return sum(1 for j in block for w in _WORD.findall(lines[j]) if w in LABELS)


def names_group(line: str) -> bool:
    """Whether ``line`` prints a spanning label (``変更内容``)."""
    return any(w in GROUP_LABELS for w in _WORD.findall(line))


def is_label_line(line: str, min_words: int = 1) -> bool:
    """Whether ``line`` holds label words only, at least ``min_words`` of them."""
    words = _WORD.findall(line)
    return len(words) >= min_words and all(is_label_word(w) for w in words)
