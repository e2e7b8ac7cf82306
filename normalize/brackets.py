"""Brackets in a cell's text: whether they pair up, with the numbering of lists (``1)``, ``ア)``)
left out.  A cell whose brackets do not pair up was cut from another cell (``evidence.cut_doubts``)."""

from __future__ import annotations

import regex

_OPENERS = frozenset("（(「『＜<【〔［[")
_CLOSERS = frozenset("）)」』＞>】〕］]")
_BRACKETS = regex.compile("[" + regex.escape("".join(sorted(_OPENERS | _CLOSERS))) + "]")
# A list numbered with a closing bracket only (＜選択肢＞1)行っている 2)行っていない, ア) …): the
# bracket closes a number or a letter that no other character runs into, not a bracket pair.
_NUMBER_CLOSER = regex.compile(r"(?<![\p{L}\p{N}（(])(?:[0-9０-９]{1,2}|[ア-ンa-zA-Zａ-ｚＡ-Ｚ])[)）]")
# A list's next number printed straight after the previous item's last word (…１万人未満４）…):
# a bracket closing a number that follows the list's number before it.
_RUN_ON_NUMBER_CLOSER = regex.compile(r"([0-9０-９]{1,2})[)）]")


def without_list_numbers(text: str) -> str:
    """``text`` without the closing brackets of a numbered list (``＜選択肢＞1)… 2)…``): those
    set apart (``_NUMBER_CLOSER``), and those run on from the previous item's words whose number
    follows the list's previous number (``１）１万人未満 … ３）…未満４）…``)."""
    numbers = {int(m.group(0)[:-1]) for m in _NUMBER_CLOSER.finditer(text) if m.group(0)[0].isdigit()}
    out = _NUMBER_CLOSER.sub("", text)
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
