"""A viewer's copy whose text runs on one baseline are glued with no space (pdf.js-style copy).

"Select all + copy" in a pdf.js viewer (Firefox's built-in viewer, pasted into Notepad) gives the
page's text items in content-stream order; the text layer puts a line break (``<br>``) only
where an item ends a line (``hasEOL``: the baseline moves), and no break between pages.  Items
on one baseline are joined: with a space where pdf.js added one for the gap (pdf.js 3 and later)
or with none where the text layer left out whitespace-only items (pdf.js 2's ``isAllWhitespace``)
or no gap was seen.  A table's cells that share a baseline then run together on one line:

- the column-label row as one word (``変更日項目変更内容提出時``, ``変更前の記載変更後の記載``):
  no reader takes it for the label row, and no row is read (set XXIX FAULTS B1: 0 rows from all
  12 ``_pdfjscopy`` texts);
- the 提出時期 and the explanation's first line (``事後組織改編による担当部署``);
- the 変更前 and 変更後 cells' lines (``（記載なし）委託先が再委託を…``): left as they are (no rule
  can tell where one cell ends in a run of prose); the row reader's before/after cut of such a
  line is flagged as any line it cannot part.

``unglue_copy`` parts the first two where the text shows a glued label row (a line that is
two or more column labels and nothing else, with no space between them): a text with its label
row spaced is no such copy, and is left as it is.  pypdfium2-style copies (Edge: a space at each
line end) need nothing here: ``clean_text`` drops trailing spaces.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from piatable.vocabulary import (
    EMPTY_CELL_DASHES,
    LABEL_PIECES,
    LABEL_VARIANTS,
    LABELS,
    NOTHING_WRITTEN_WORDS,
    SPANNING_LABELS,
    is_header_line,
)

from .dates import PLAIN_DATE_PATTERN

# The pieces a glued label row is cut into: the labels' pieces and the labels spanning two columns.
_PIECES = LABEL_PIECES | SPANNING_LABELS

# A glued label line is at most this long (six labels, the longest 変更内容（変更前／変更後）).
GLUED_LABEL_LINE_MAX_CHARS = 64
# An extra column's label glued among the labels (変更区分): at most this long.
GAP_LABEL_MAX_CHARS = 6
# 事前 / 事後 opening a line and glued to the next cell's word; not when hiragana follows (事前に,
# 事後の are words of a sentence) nor a date (normalize/glued_runs.py parts those).
_TIMING_GLUED = regex.compile(r"^(事[前後])(?=[\p{Han}\p{Katakana}Ａ-ｚA-Za-z（(「・＜<【])(.+)$")
# 事前 / 事後 glued inside a line after a cell's last character (not after hiragana: 委託先に事前
# 承認, 記録を事後… are prose) and before the explanation's first word: a 1-line after cell, the
# timing and the explanation run together (``[　]宛名システム等事後番号法の改正…``, ``削除事後…``).
_TIMING_INSIDE = regex.compile(
    r"^(.*?[^\p{Hiragana}])(事[前後])(?=[\p{Han}\p{Katakana}Ａ-ｚA-Za-z（(「・＜<【])(.+)$"
)
# A bracketed or dashed placeholder opening a line and glued to the next cell's text (the 変更前
# 「（記載なし）」 / 「－」 beside the 変更後's first line): ``vocabulary.NOTHING_WRITTEN_PATTERN``
# less the bare words (なし opens words), and 削除 glued to a timing.
_PLACEHOLDER_GLUED = regex.compile(
    rf"^([（(](?:{'|'.join(NOTHING_WRITTEN_WORDS)})[）)]|[{regex.escape(EMPTY_CELL_DASHES)}]{{1,2}}|削除(?=事[前後]))"
    r"(?=[^\s）)\-－―‐—−ー])(.+)$"
)
# A date opening a line and glued to the next cell (``2018/4/1事後``: Calc draws the date and
# 提出時期 cells of every row before the rows' other cells, so each row's date and timing share a
# line); the rest must not go on the date (a digit, 日, 時点, から).
_DATE_GLUED = regex.compile(rf"^({PLAIN_DATE_PATTERN})(?=[^\s0-9０-９日時か～~\-－/.、,])(.+)$")
# A check-list mark opening another cell's line glued after a cell's text (``…等[　]宛名…``).
_MARK_GLUED = regex.compile(r"(?<=[^\s\[［])(?=[\[［][○◯●×✓ \u3000]?[\]］])")
_SPACE = regex.compile(r"[ \u3000]")


@lru_cache(maxsize=4096)
def _segments(word: str) -> tuple[str, ...] | None:
    """``word`` cut into column-label pieces (``_PIECES``), the fewest pieces; None when no
    cut makes every piece a label piece."""
    if not word:
        return ()
    best: tuple[str, ...] | None = None
    for end in range(len(word), 0, -1):
        head = word[:end]
        if head not in _PIECES:
            continue
        rest = _segments(word[end:])
        if rest is not None and (best is None or len(rest) + 1 < len(best)):
            best = (head, *rest)
    return best


_PIECE_MAX_CHARS = max(map(len, _PIECES))


def _ends_are_pieces(word: str) -> bool:
    """Whether ``word`` opens with a label piece and ends with one (every cut into label pieces,
    with a gap or without, needs both): a cheap test before the cuts are tried, on every line."""
    span = range(1, min(len(word), _PIECE_MAX_CHARS) + 1)
    return any(word[:k] in _PIECES for k in span) and any(word[-k:] in _PIECES for k in span)


def _segments_with_gap(word: str) -> tuple[str, ...] | None:
    """``word`` cut as ``_segments`` with one piece that is no label between two that are (an
    extra column's label, ``変更日項目変更区分変更前の記載…``), at most ``GAP_LABEL_MAX_CHARS``
    long; None when no such cut exists."""
    if not _ends_are_pieces(word):  # no such cut: the head and the tail must be label pieces
        return None
    for length in range(1, GAP_LABEL_MAX_CHARS + 1):  # the shortest such piece
        for start in range(1, len(word) - length):
            head, tail = _segments(word[:start]), _segments(word[start + length :])
            if head and tail:
                return (*head, word[start : start + length], *tail)
    return None


def _is_label(piece: str) -> bool:
    return piece in LABELS or piece in LABEL_VARIANTS or piece in SPANNING_LABELS


def unglue_label_line(line: str) -> str | None:
    """``line`` (one word, no space) as the column labels it glues, a space between each, when
    it cuts into label pieces of which two or more are whole labels; else None."""
    word = line.strip()
    if not word or _SPACE.search(word) or len(word) > GLUED_LABEL_LINE_MAX_CHARS or word in LABEL_PIECES:
        return None
    pieces = _segments(word)
    if (
        pieces is None
        and (pieces := _segments_with_gap(word)) is not None
        and sum(map(_is_label, pieces)) < 3
    ):
        return None  # a piece that is no label: only between three labels or more
    if pieces is None or len(pieces) < 2 or sum(map(_is_label, pieces)) < 2:
        return None
    return " ".join(pieces)


def unglue_copy(text: str) -> tuple[str, list[str]]:
    """``text`` with its glued label rows and glued timings parted when it is a glued copy (the
    module docstring); the note saying so (empty when nothing changed)."""
    if "変更" not in text:
        return text, []
    lines = text.split("\n")
    labels = 0
    for i, line in enumerate(lines):
        if "\f" in line or len(line) > GLUED_LABEL_LINE_MAX_CHARS:
            continue
        mended = unglue_label_line(line)
        if mended is not None:
            lines[i] = mended
            labels += 1
    if not labels or not any(is_header_line(ln) for ln in lines):
        return text, []
    parted = 0
    for i, line in enumerate(lines):
        mended = part_glued_cells(line)
        if mended != line:
            lines[i] = mended
            parted += 1
    return "\n".join(lines), [GLUED_COPY_NOTE.format(labels=labels, parted=parted)]


def part_glued_cells(line: str) -> str:
    """``line`` of a glued copy with a space put between the cells it can tell apart: a date
    or a placeholder opening it, a check-list mark glued after text, and 事前 / 事後 glued to the
    explanation (at the line's start, or after a cell's last character)."""
    if (m := _DATE_GLUED.match(line)) is not None:
        line = f"{m.group(1)} {m.group(2)}"
    if (m := _PLACEHOLDER_GLUED.match(line)) is not None:
        line = f"{m.group(1)} {m.group(2)}"
    if "[" in line or "［" in line:
        line = _MARK_GLUED.sub(" ", line)
    if "事" not in line:
        return line
    if (m := _TIMING_GLUED.match(line)) is not None:
        return f"{m.group(1)} {m.group(2)}"
    if (m := _TIMING_INSIDE.match(line)) is not None:
        return f"{m.group(1).rstrip()} {m.group(2)} {m.group(3)}"
    return line


GLUED_COPY_NOTE = (
    "the text runs its cells together with no space between them (a pdf.js viewer's copy):"
    " {labels} column-label rows and {parted} lines of cells glued together (a placeholder, a"
    " check-list mark or a 提出時期 glued to the next cell) were parted;"
    " a 変更前 and 変更後 run together on one line may be cut wrong"
)
GLUED_COPY_MARK = GLUED_COPY_NOTE[:40]  # opens every such note
