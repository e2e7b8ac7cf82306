"""Brackets in a cell's text: whether they pair up, with the numbering of lists (``1)``, ``ア)``)
left out.  A cell whose brackets do not pair up was cut from another cell (``evidence.cut_doubts``)."""

from __future__ import annotations

import regex

_OPENERS = frozenset("（(「『＜<【〔［[")
_CLOSERS = frozenset("）)」』＞>】〕］]")
_BRACKETS = regex.compile("[" + regex.escape("".join(sorted(_OPENERS | _CLOSERS))) + "]")
# A line's opening run of closing punctuation holding at least one closing bracket (``）。``,
# ``。）``, ``」。``, ``）」。``): no printed line of a cell opens so (kinsoku), a layout
# extractor's piece of the cell on its left does (``grid/displaced_closers.py``); a run of stops
# alone (``。``) carries no bracket to decide by.
CLOSER_RUN = regex.compile(r"^[。、，．]*[）」』］〕】〉》\)][）」』］〕】〉》\)。、，．]*")
# A list numbered with a closing bracket only (＜選択肢＞1)行っている 2)行っていない, ア) …): the
# bracket closes a number or a letter that no other character runs into, not a bracket pair.
# A digit after a stop (（Ver.2.1）) ends a decimal, not a list's number.
_NUMBER_CLOSER = regex.compile(r"(?<![\p{L}\p{N}（(.．])(?:[0-9０-９]{1,2}|[ア-ンa-zA-Zａ-ｚＡ-Ｚ])[)）]")
# A list's next number printed straight after the previous item's last word (…１万人未満４）…):
# a bracket closing a number that follows the list's number before it.
_RUN_ON_NUMBER_CLOSER = regex.compile(r"([0-9０-９]{1,2})[)）]")


def _number_closers(text: str) -> list[regex.Match[str]]:
    """``_NUMBER_CLOSER.finditer(text)``, the pattern tried only where a match can start: one or
    two characters before a closing bracket (it matches one letter or one or two digits, then
    the bracket), in order, each from the end of the match before.  The same matches, found
    without the pattern's look-behind tried at every character of a long cell."""
    starts: set[int] = set()
    for closer in ")）":
        p = text.find(closer)
        while p >= 0:
            starts.update(s for s in (p - 2, p - 1) if s >= 0)
            p = text.find(closer, p + 1)
    found: list[regex.Match[str]] = []
    end = 0
    for s in sorted(starts):
        if s >= end and (m := _NUMBER_CLOSER.match(text, s)):
            found.append(m)
            end = m.end()
    return found


def without_list_numbers(text: str) -> str:
    """``text`` without the closing brackets of a numbered list (``＜選択肢＞1)… 2)…``): those
    set apart (``_NUMBER_CLOSER``), and those run on from the previous item's words whose number
    follows the list's previous number (``１）１万人未満 … ３）…未満４）…``)."""
    found = _number_closers(text)
    numbers = {int(m.group(0)[:-1]) for m in found if m.group(0)[0].isdigit()}
    out = text
    for m in reversed(found):
        out = out[: m.start()] + out[m.end() :]
    if not numbers:
        return out
    for m in _RUN_ON_NUMBER_CLOSER.finditer(out):
        n = int(m.group(1))
        if n - 1 in numbers:
            numbers.add(n)
    return _RUN_ON_NUMBER_CLOSER.sub(lambda m: "" if int(m.group(1)) in numbers else m.group(0), out)


def unbalanced(text: str) -> str:
    """``"close"`` when a closing bracket comes before its opener, ``"open"`` when an opener is
    left open, else ``""`` (full and half width (), 「」, ＜＞ count)."""
    if ")" not in text and "）" not in text:
        # No closing bracket a list's number could hold: ``without_list_numbers`` would leave
        # the text as it is (both of its patterns end in one), so it is not run.
        brackets = _BRACKETS.findall(text)
    else:
        brackets = _BRACKETS.findall(without_list_numbers(text))
    depth = 0
    for ch in brackets:  # only the brackets count
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth -= 1
            if depth < 0:
                return "close"
    return "open" if depth > 0 else ""
