"""A version-history table (改訂履歴 / 変更履歴: 版数 | 改訂日 | 改訂内容) printed before the amendment
table: neither the cover nor amendment rows.

Many filings print a small table of the assessment's versions on the page before the amendment
table 「（別添２）変更箇所」 or above it: its edition (第2版, 2.0, Rev.3), the day that version was
published or revised, what changed, at times a 区分 (重要な変更, 事前 / 事後).  Its labels name
公表日 or dates, so the cover reader took it for the cover (a new user's set XXX: a wrong 公表日 in
the document facts), and its 事前 / 事後 made its page look like an unread page of the table's body
(status partial).  It is found by its own labels (``vocabulary.HISTORY_EDITION`` and
``HISTORY_CONTENT`` on one short line, or one a line in a column-ordered text), a title line
above them (``HISTORY_TITLE``) taken with it, and its rows up to the amendment table's title or
label row, a cover label or a section heading; a block with no date is no history.  Its text is
kept in a note (``history_note``), never dropped unsaid.

Shapes: printed lines (str, top to bottom, one page or the lines before the table) in; line
lists out.  Branch cover69.
"""

from __future__ import annotations

import regex

from piatable.vocabulary import (
    HISTORY_CONTENT,
    HISTORY_EDITION,
    HISTORY_TITLE,
    ITEM_OPENING,
    TIMING_WORD,
    is_header_line,
    is_title,
    label_count,
)

from .dates import DATE

# A label row of the history is short (its 3–5 labels squashed) ...
LABEL_ROW_CHARS = 28
# ... and, read one label a line (a column-ordered text), spread over at most this many lines,
# each at most LABEL_CHARS long.
LABEL_LINES = 5
LABEL_CHARS = 8
# An edition as a history prints it (第2版, 2.0, 初版, Rev.3), and how many in a column under the
# edition's label make a column-ordered history.
_EDITION = regex.compile(r"^(?:第?[0-9０-９]+(?:[.．][0-9０-９]+)?版?|初版|Rev[.．]?[0-9]+)$")
EDITION_COLUMN_ROWS = 2
# A history row's one-line cells as Calc's first pass prints them: an edition that says it is one
# (版, Rev, a decimal: a bare number may be a 番号 column's), a date, at most a short word after.
_PASS_ONE_ROW = regex.compile(
    r"^(?:第?[0-9０-９]+版|初版|Rev[.．]?[0-9]+|[0-9]+[.．][0-9]+)\s+"
    rf"(?:{DATE.pattern})(?:\s+\S{{1,12}})?$"
)
# The amendment table's title glued to a history row's end (pdfplumber's pages joined without a
# line end): the row's text is the history's, the title's the table's.
_GLUED_TITLE = regex.compile(r"[（(]\s*別\s*添\s*[0-9０-９]?\s*[）)]\s*変\s*更\s*箇\s*所")
# A history row is short; a longer line is prose or a cell of another table: the block ends.
ROW_CHARS = 80
# The note quotes at most this many characters of the history's text.
NOTE_CHARS = 300
# Lines that end the block: the cover's labels and declaration heading.
_COVER_WORDS = regex.compile(r"評価書番号|評価書名|評価実施機関名|宣言|特定個人情報保護評価書")
# A sentence's marks and endings: no label row holds them (labels hold kana: 主な変更点, 改訂の概要).
_SENTENCE = regex.compile(r"[。、．，]|(?:した|する|します|ます|です|ている|された|される)")
_DIGIT = regex.compile(r"[0-9０-９]")
_WS = regex.compile(r"[\s　]+")


def is_history_labels(text: str) -> bool:
    """Whether ``text`` (one printed line, or a label row's pieces joined) is a version-history
    table's label row: an edition's label and a content's label on one short line without digits,
    dates, 事前 / 事後 or a sentence's marks, and not the amendment table's own label row."""
    flat = _WS.sub("", text)
    return (
        0 < len(flat) <= LABEL_ROW_CHARS
        and bool(HISTORY_EDITION.search(flat))
        and bool(HISTORY_CONTENT.search(flat))
        and not _DIGIT.search(flat)
        and not _SENTENCE.search(flat)
        and not TIMING_WORD.search(flat)
        and not is_header_line(text)
        and label_count(text) < 3
        and "変更前" not in flat
        and "変更後" not in flat
    )


def _label_row_end(lines: list[str], i: int) -> int | None:
    """The index after the history label row opening at ``lines[i]`` (on one line, or one label
    a line), or None when none opens there."""
    # A stream text glues the label row to the rows after it (``No. 変更年月日 変更内容 1 平成…``).
    if is_history_labels(lines[i]) or is_history_labels(_DIGIT.split(lines[i], 1)[0]):
        return i + 1
    if _edition_column(lines, i):
        return i + 1
    pieces = []
    for k in range(i, min(i + LABEL_LINES, len(lines))):
        flat = _WS.sub("", lines[k])
        if not flat or len(flat) > LABEL_CHARS or _DIGIT.search(flat):
            return None
        pieces.append(flat)
        if len(pieces) >= 2 and is_history_labels("".join(pieces)):
            return k + 1
    return None


def _edition_column(lines: list[str], i: int) -> bool:
    """Whether ``lines[i]`` is the edition's label alone (``評価書の版``, ``版数``) over a column of
    ``EDITION_COLUMN_ROWS`` editions or more (``第1版`` / ``第2版``): a column-ordered text's history."""
    flat = _WS.sub("", lines[i])
    if len(flat) > LABEL_CHARS or _DIGIT.search(flat) or not HISTORY_EDITION.search(flat):
        return False
    below = [_WS.sub("", ln) for ln in lines[i + 1 : i + 1 + EDITION_COLUMN_ROWS + 1] if ln.strip()]
    return sum(1 for v in below[:EDITION_COLUMN_ROWS] if _EDITION.match(v)) >= EDITION_COLUMN_ROWS


def _ends_block(line: str) -> bool:
    flat = _WS.sub("", line)
    return (
        is_title(line)
        or is_header_line(line)
        or label_count(line) >= 3
        or bool(_COVER_WORDS.search(flat))
        or bool(ITEM_OPENING.match(flat))
        or bool(HISTORY_TITLE.match(flat))
        or len(flat) > ROW_CHARS
    )


def history_blocks(lines: list[str]) -> list[list[int]]:
    """The line indices of each version-history block of ``lines``: a history label row
    (``is_history_labels``), the title line right above it if one (``HISTORY_TITLE``), the lines
    under it up to one that ends it (the amendment table's title or label row, a cover label, a
    section heading, a long line), and further down its page the rows Calc prints in its first
    pass (``第1版 平成27年6月14日``: ``_pass_one_rows``).  A block with no date in it (nor in those
    rows) and no title is no history."""
    blocks: list[list[int]] = []
    i = 0
    while i < len(lines):
        end = _label_row_end(lines, i) if _WS.sub("", lines[i]) else None
        stop = end or i
        while end is not None and stop < len(lines) and not _ends_block(lines[stop]):
            stop += 1
            if _GLUED_TITLE.search(lines[stop - 1]):  # the table's title glued to the last row
                break
        if end is None:
            i += 1
            continue
        first = i
        if (
            i > 0
            and HISTORY_TITLE.match(_WS.sub("", lines[i - 1]))
            and (not blocks or blocks[-1][-1] < i - 1)
        ):
            first = i - 1
        later = _pass_one_rows(lines, stop)
        if end == i + 1 and _edition_column(lines, i):
            later += _later_columns(lines, stop, _column_length(lines, end))
        if first == i and not later and not any(DATE.search(_WS.sub("", ln)) for ln in lines[i:stop]):
            i += 1
            continue
        blocks.append([*range(first, stop), *later])
        i = stop
    return blocks


def _pass_one_rows(lines: list[str], start: int) -> list[int]:
    """Lines from ``start`` to the end of its page (a form feed) that are a history row's one-line
    cells, an edition and a date (``第1版 平成27年6月14日``): Calc prints a page's one-line cells
    first, so a history whose content cells wrap gives them after the amendment table's title."""
    out = []
    for k in range(start, len(lines)):
        if "\f" in lines[k]:
            break
        if _PASS_ONE_ROW.match(_WS.sub(" ", lines[k]).strip()):
            out.append(k)
    return out


def _column_length(lines: list[str], start: int) -> int:
    """How many editions the column under the edition's label at ``start - 1`` lists."""
    k = start
    while k < len(lines) and _EDITION.match(_WS.sub("", lines[k])):
        k += 1
    return k - start


def _later_columns(lines: list[str], start: int, rows: int) -> list[int]:
    """Lines from ``start`` to the end of its page that are the history's other columns in a
    column-ordered text: a box (lines between blank lines) of a content label (``HISTORY_CONTENT``,
    not a column label of the amendment table) over exactly ``rows`` values, and each box of a
    short label over ``rows`` values right after it (区分, 備考)."""
    out: list[int] = []
    k = start
    while k < len(lines) and "\f" not in lines[k]:
        box_end = k
        while box_end < len(lines) and lines[box_end].strip() and "\f" not in lines[box_end]:
            box_end += 1
        label = _WS.sub("", lines[k]) if box_end > k else ""
        taken = (
            box_end - k == rows + 1
            and 0 < len(label) <= LABEL_CHARS
            and not _DIGIT.search(label)
            and label_count(label) == 0
            and (bool(HISTORY_CONTENT.search(label)) or (bool(out) and out[-1] == k - 2))
        )
        if taken:
            out.extend(range(k, box_end))
        k = max(box_end, k + 1)
    return out


def split_history(lines: list[str]) -> tuple[list[str], list[str]]:
    """(``lines`` without their version-history blocks (``history_blocks``), the blocks' lines)."""
    inside = {k for block in history_blocks(lines) for k in block}
    return [ln for k, ln in enumerate(lines) if k not in inside], [lines[k] for k in sorted(inside)]


def history_note(history: list[str]) -> str:
    """The note keeping a version-history table's text (``NOTE_CHARS`` at most, its lines joined
    by `` / ``)."""
    text = " / ".join(_WS.sub(" ", ln).strip() for ln in history if ln.strip())
    if len(text) > NOTE_CHARS:
        text = text[:NOTE_CHARS] + "…"
    return (
        "a version-history table (改訂履歴) printed before the amendment table, read as neither the"
        f" cover nor amendment rows: 「{text}」"
    )


def blank_history(text: str) -> tuple[str, list[str]]:
    """``text`` (a whole document's text, one printed line a line) with the lines of its
    version-history tables blanked (line and page counts kept), and a note per table
    (``history_note``); ``text`` itself when it prints none."""
    notes: list[str] = []
    if "版" not in text and "履歴" not in text:
        return text, notes
    lines = text.split("\n")
    for block in history_blocks(lines):
        notes.append(history_note([lines[k] for k in block]))
        for k in block:
            glued = _GLUED_TITLE.search(lines[k])
            lines[k] = "\f" * lines[k].count("\f") + (lines[k][glued.start() :] if glued else "")
    return "\n".join(lines), notes
