"""Before and after as each other's witness: an amendment table's before and after cells repeat
each other where the amendment did not touch the text, so one character that differs between
them inside a stretch they share, where the dictionary reads one side far more easily, is a
misread on the other side (既存住基とシステム / 既存住基システム, 揚当課 / 担当課).  The diffs are
found here (``echo_diffs``); ``suspects`` doubts them, ``mend_echoes`` writes the clearest ones as
the other side reads.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import regex

from piatable.models import CellLine, RawRow

# One character that differs inside a stretch of at least ECHO_CONTEXT equal characters on each
# side, no digit (５年 → ７年 is an amendment), where the dictionary reads one side's window at
# least ECHO_GAIN more easily (財務部 / 財政部 both read well: an amendment): the other is doubted;
# at least ECHO_FIX_GAIN more easily: the other is written as the better one reads.
ECHO_CONTEXT = 4
ECHO_MAX_CHARS = 1
ECHO_GAIN = 2000
ECHO_FIX_GAIN = 6000
_WS = regex.compile(r"\s+")
_DIGITS = regex.compile(r"[0-9０-９一二三四五六七八九十]")


@dataclass(slots=True)
class EchoDiff:
    """One side (``worse``: before or after) reads ``read`` at ``start``–``end`` of its text
    without white space, where the other side reads ``other``; ``gain``: how much more easily
    the dictionary reads the other side's window."""

    worse: str
    start: int
    end: int
    read: str
    other: str
    gain: int


def _flat(lines: list[CellLine]) -> str:
    return _WS.sub("", "".join(cl.text for cl in lines))


def echo_diffs(row: RawRow) -> list[EchoDiff]:
    """The one-character differences between a row's before and after inside stretches they
    share, with the side the dictionary reads worse (see the module's docstring)."""
    from piatable.normalize.tokenizer import default_tokenizer

    from .corrections import _reading_cost

    before, after = _flat(row.cells.get("before", [])), _flat(row.cells.get("after", []))
    if not before or not after or before == after:
        return []
    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    out: list[EchoDiff] = []
    st = None
    for k, (op, a0, a1, b0, b1) in enumerate(ops):
        if op == "equal" or not 0 < k < len(ops) - 1:
            continue
        left, right = ops[k - 1], ops[k + 1]
        if left[0] != "equal" or right[0] != "equal":
            continue
        if min(left[2] - left[1], right[2] - right[1]) < ECHO_CONTEXT:
            continue
        one, two = before[a0:a1], after[b0:b1]
        if max(len(one), len(two)) > ECHO_MAX_CHARS or _DIGITS.search(one + two):
            continue
        st = st or default_tokenizer()
        c = ECHO_CONTEXT
        cost_b = _reading_cost(st, before[max(0, a0 - c) : a1 + c])
        cost_a = _reading_cost(st, after[max(0, b0 - c) : b1 + c])
        gain = abs(cost_b - cost_a)
        if gain < ECHO_GAIN:
            continue
        if cost_b > cost_a:
            out.append(EchoDiff("before", a0, a1, one, two, gain))
        else:
            out.append(EchoDiff("after", b0, b1, two, one, gain))
    return out


def _edit(lines: list[CellLine], start: int, end: int, text: str) -> None:
    """Characters ``start``–``end`` of the lines' text without white space replaced by ``text``
    (in the line of the first of them; an insertion after the character before)."""
    spots = [(j, i) for j, cl in enumerate(lines) for i, ch in enumerate(cl.text) if not ch.isspace()]
    if start < end:
        j, i = spots[start]
        gone = {spots[p] for p in range(start, end)}
        for jj in sorted({g[0] for g in gone}, reverse=True):
            t = lines[jj].text
            lines[jj].text = "".join(
                ch for ii, ch in enumerate(t) if (jj, ii) not in gone or (jj, ii) == (j, i)
            )
        # The first removed character is still there: put the replacement in its place.
        t = lines[j].text
        idx = sum(1 for ii in range(i) if (j, ii) not in gone or (j, ii) == (j, i))
        lines[j].text = t[:idx] + text + t[idx + 1 :]
    else:
        j, i = spots[start - 1]
        t = lines[j].text
        lines[j].text = t[: i + 1] + text + t[i + 1 :]


def mend_echoes(rows: list[RawRow]) -> int:
    """Each row's clearest echo misreads (ECHO_FIX_GAIN) written as the other side reads them;
    the number of cells changed (rows changed are flagged ``ocr_corrected``)."""
    changed = 0
    for row in rows:
        for d in sorted(echo_diffs(row), key=lambda d: -d.start):
            if d.gain < ECHO_FIX_GAIN:
                continue
            _edit(row.cells[d.worse], d.start, d.end, d.other)
            changed += 1
            row.add_flag("ocr_corrected")
    return changed


# The tail before and after share for one's final 。 to be the other's too.
FULL_STOP_TAIL = 4


def echo_full_stops(rows: list[RawRow]) -> int:
    """A 。 that did not read at a cell's edge, put back from the row's other side: before and
    after that end on the same FULL_STOP_TAIL characters (…意見を募集した。 / …意見を募集した) end
    the same way, 。 included; a line of one side that is a whole line of the other but for its
    final 。 (・バックアップデータの遠隔地保管をしている) takes it too (no row of the samples ends
    one side with 。 and the other without it after the same words).  The number of cells changed
    (rows flagged ``ocr_corrected``)."""
    changed = 0
    for row in rows:
        before, after = row.cells.get("before") or [], row.cells.get("after") or []
        b, a = _flat(before), _flat(after)
        for lines, mine, other, others in ((before, b, a, after), (after, a, b, before)):
            stopped = {_WS.sub("", cl.text) for cl in others if cl.text.rstrip().endswith("。")}
            n = 0
            for k, cl in enumerate(lines):
                text = cl.text.rstrip()
                flat = _WS.sub("", text)
                # Its 。 read as a line of its own after it (…作成する / 。) is there already.
                rest = "".join(c.text.strip() for c in lines[k + 1 :])
                if rest.startswith("。"):
                    continue
                if len(flat) >= FULL_STOP_TAIL and not flat.endswith("。") and flat + "。" in stopped:
                    cl.text = text + "。" + cl.text[len(text) :]
                    n += 1
            tail = mine[-FULL_STOP_TAIL:]
            if (
                not n
                and len(mine) >= FULL_STOP_TAIL
                and other.endswith("。")
                and not mine.endswith("。")
                and other[:-1].endswith(tail)
                and not regex.search(r"[\p{P}\s]", tail)
            ):
                last = next(cl for cl in reversed(lines) if cl.text.strip())
                text = last.text.rstrip()
                last.text = text + "。" + last.text[len(text) :]
                n += 1
            if n:
                changed += 1
                row.add_flag("ocr_corrected")
    return changed


# A paragraph whose circled number did not read, put back from the row's other side: the other
# side opens a paragraph with that number and at least ECHO_CIRCLED_CHARS of the same text after
# it (②証明書発行：住民票の… / 証明書発行：住民票の…), this side numbers another paragraph with a
# circled number, and the number continues this side's count (session 47's new users' scans).
ECHO_CIRCLED_CHARS = 6
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ENDS_SENTENCE = regex.compile(r"[。）)＞>」]\s*$")


def echo_circled_numbers(rows: list[RawRow]) -> int:
    """Each before/after paragraph that lost its circled number given the one the row's other
    side opens the same text with (see ECHO_CIRCLED_CHARS): only a line that opens a paragraph
    (the cell's first, or after one ending a sentence), in a cell that numbers another paragraph
    with a circled number, the number being the one after the cell's number before it (or ① with
    none before it, the one before the next).  The number of cells changed (rows flagged
    ``ocr_corrected``)."""
    changed = 0
    for row in rows:
        before, after = row.cells.get("before") or [], row.cells.get("after") or []
        for lines, others in ((before, after), (after, before)):
            opened = {}
            for cl in others:
                text = _WS.sub("", cl.text)
                if len(text) > ECHO_CIRCLED_CHARS and text[0] in _CIRCLED:
                    opened.setdefault(text[1 : 1 + ECHO_CIRCLED_CHARS], set()).add(text[0])
            marks = [(k, _WS.sub("", cl.text)[:1]) for k, cl in enumerate(lines)]
            marks = [(k, m) for k, m in marks if m and m in _CIRCLED]
            if not opened or not marks:
                continue
            n = 0
            for k, cl in enumerate(lines):
                text = _WS.sub("", cl.text)
                if not text or text[0] in _CIRCLED or (k and not _ENDS_SENTENCE.search(lines[k - 1].text)):
                    continue
                numbers = opened.get(text[:ECHO_CIRCLED_CHARS], set())
                if len(numbers) != 1:
                    continue
                number = next(iter(numbers))
                earlier = [m for j, m in marks if j < k]
                later = [m for j, m in marks if j > k]
                fits = (
                    _CIRCLED.index(earlier[-1]) + 1 == _CIRCLED.index(number)
                    if earlier
                    else bool(later) and _CIRCLED.index(later[0]) - 1 == _CIRCLED.index(number)
                )
                if fits:
                    stripped = cl.text.lstrip()
                    cl.text = cl.text[: len(cl.text) - len(stripped)] + number + stripped
                    marks = sorted([*marks, (k, number)])
                    n += 1
            if n:
                changed += 1
                row.add_flag("ocr_corrected")
    return changed
