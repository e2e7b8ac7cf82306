"""A cell's numbered paragraphs (①…, ②…, ③…; (1)…, (2)…) as a count: a circled number that breaks
the count where a paragraph opens, read as a look-alike of the number the count needs or read
twice, put right from its neighbours in the cell; a bracketed number whose opening bracket did not
read ((1)窓口 read as 1)窓口, (2)届出書 as の2)届出書) given it back where the row numbers its
paragraphs so.

Tesseract (jpn) reads ③ as ⑧ or ⑬, ⑤ as ⑥, ② as ③, and sometimes reads one circled number as two
(②② or ⑤⑥ for ⑤, ③① for ①).  The count is the evidence: the paragraph before opens with the
number just below, the one after (when there is one) with the number just above.  A circled
number inside a sentence (上記①②のとおり, ⑦を参照) is a reference, not a paragraph's number, and
is left as read; so is any number the count does not decide.
"""

from __future__ import annotations

import regex

from piatable.normalize.chars import CIRCLED

# Circled numbers tesseract reads for the one printed (measured on the tuning office scans):
# printed → what it was read as.  Only these are put right from the count.
COUNT_LOOKALIKES: dict[str, str] = {"②": "⑧③", "③": "⑧⑨⑬", "⑤": "⑥", "①": "③"}
# Where a paragraph's number stands: a cell's or line's start, after a sentence's 。 or an
# opening bracket (（①対象者以外の…）).
_OPENS = regex.compile(r"(?:^|(?<=[\n。（(]))[ 　]*([①-⑳])([①-⑳]|\p{Hiragana}\1)?")


def _value(ch: str) -> int:
    return CIRCLED.index(ch) + 1


def recount_circled(text: str) -> str:
    """``text`` (a cell's lines joined by newlines) with each paragraph number that breaks the
    cell's count put right: a look-alike (COUNT_LOOKALIKES) of the number the count needs there,
    or the needed number read twice or beside another (②②, ⑤⑥, ③①), written as that number.
    The count needs the number after the cell's previous circled number; the next circled number,
    when there is one, must be the one after that.  Every other number stays as read."""
    spots = [m.start() for m in regex.finditer(r"[①-⑳]", text)]
    if len(spots) < 2:
        return text
    out: list[tuple[int, int, str]] = []  # (start, end, replacement)
    for m in _OPENS.finditer(text):
        start, end = m.start(1), m.end()
        k = spots.index(start)
        prev = text[spots[k - 1]] if k > 0 else None
        # The next circled number after this opening's own one or two.
        later = [s for s in spots[k + 1 :] if s >= end]
        nxt = text[later[0]] if later else None
        if prev is not None:
            need = _value(prev) + 1
        elif nxt is not None:
            need = _value(nxt) - 1
        else:
            continue
        if not 1 <= need <= len(CIRCLED) or (nxt is not None and _value(nxt) != need + 1):
            continue
        number = CIRCLED[need - 1]
        read = m.group(1)
        second = m.group(2)
        if second:
            # Read twice: ②②, ②の②, ⑤⑥, ③① — the needed number is one of the two.
            if number in (read, second[-1]):
                out.append((start, end, number))
            continue
        # With one neighbour only, a number one off the needed one may be right, the count having
        # lost a number before it (④ … ⑥: ⑤'s paragraph read without its number).
        one_sided = prev is None or nxt is None
        if one_sided and abs(_value(read) - need) == 1:
            continue
        if read != number and read in COUNT_LOOKALIKES.get(number, ""):
            out.append((start, start + 1, number))
    for start, end, rep in reversed(out):
        text = text[:start] + rep + text[end:]
    return text


# A paragraph opening with a bracketed number ((1), （１）), or with the number and its closing
# bracket only, the opening one lost or read as one other character (1), の2), M3)).
_PAREN_NUMBER = regex.compile(
    r"^(\s*)(?:([(（])|([^\s\d０-９()（）\[\]［］]))?([0-9０-９]{1,2})([)）])(?=\S)"
)


def paren_numbers(lines: list[str]) -> set[int]:
    """The numbers of the lines that open with a whole bracketed number ((1), （２）)."""
    out = set()
    for line in lines:
        m = _PAREN_NUMBER.match(line)
        if m and m.group(2):
            out.add(int(m.group(4).translate(_HALF_DIGITS)))
    return out


_HALF_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def restore_number_brackets(lines: list[str], numbered: set[int]) -> list[str]:
    """A cell's lines with the opening bracket of a paragraph's number put back (``1)窓口`` →
    ``(1)窓口``, ``の2)届出書`` → ``(2)届出書``): where the line opens with a number and its closing
    bracket, the opening one lost or read as one other character, and the row's cells open other
    paragraphs with the numbers just below or above in whole brackets (``numbered``:
    paren_numbers of the row's before, after and explanation), the bracket in the closing one's
    width.  A list the row never brackets (1)… 2)… is the document's own and stays as read."""
    out = list(lines)
    numbered = set(numbered)
    changed = True
    while changed:  # a bracket put back counts for the next paragraph's (1) (2) 3) → (3)
        changed = False
        for k, line in enumerate(out):
            m = _PAREN_NUMBER.match(line)
            if not m or m.group(2):
                continue
            n = int(m.group(4).translate(_HALF_DIGITS))
            if not {n - 1, n + 1} & numbered:
                continue
            opening = "(" if m.group(5) == ")" else "（"
            out[k] = m.group(1) + opening + m.group(4) + m.group(5) + line[m.end() :]
            numbered.add(n)
            changed = True
    return out
