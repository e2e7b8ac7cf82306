"""The brackets of a block title in a before / after / explanation cell, from the forms' style.

The forms' answers open a block with a title in brackets on a line of its own:
``＜既存住基システムにおける措置＞``, ``＜ガバメントクラウドにおける措置＞``, ``【内部監査】``.  In
the samples' truth documents every line ending in ``…における措置`` that no number, list mark or
other bracket opens is bracketed ``＜…＞`` (1,973 lines; the 232 others are numbered, ``１．運用に
おける措置``), and every line opened by ``【`` closes it (501 lines, 499 of them a whole
``【…】`` line).  OCR loses such brackets or reads them as look-alikes (``く`` for ``＜``, ``」``
for ``】``):

- a line that is a whole ``…における措置`` title with its ``＜`` and/or ``＞`` lost (or ``＜``
  read as ``く`` / ``<`` / ``〈`` before a kanji or katakana) gets both brackets;
- a line of ``【`` and at most ``MAX_LENTICULAR_TITLE`` kanji, kana or ・ whose ``】`` was lost
  or read as a look-alike closing mark gets its ``】``.

Each changed line is flagged ``ocr_corrected`` with what was read (``corrections``'s evidence).
"""

from __future__ import annotations

import regex

from piatable.models import RawRow

from .rewrites import rewrite_lines

# ＜…における措置＞ with either bracket lost or ＜ misread; never a line a number, list mark,
# parenthesis or other bracket opens (１．運用における措置 is printed bare).
_MEASURE_TITLE = regex.compile(
    r"^(\s*)(?:[＜<〈]|く(?=[\p{Han}\p{Katakana}]))?"
    r"(?![0-9０-９①-⑳・･（(［\[「【＜<〈])([^\s＜<>＞]{2,30}における措置)[>＞〉]?(\s*)$"
)
# 【…】 titles: 【 and a short heading, the 】 lost or read as a look-alike.
MAX_LENTICULAR_TITLE = 12
_LENTICULAR = regex.compile(
    rf"^(\s*)【([\p{{Han}}\p{{Hiragana}}\p{{Katakana}}ー・]{{1,{MAX_LENTICULAR_TITLE}}})[」』］\]|lI1）)]?(\s*)$"
)
FIELDS = ("before", "after", "explanation")


def restore_block_title(line: str) -> str:
    """``line`` with the brackets of a block title put back (see the module notes)."""
    m = _MEASURE_TITLE.match(line)
    if m:
        return f"{m.group(1)}＜{m.group(2)}＞{m.group(3)}"
    m = _LENTICULAR.match(line)
    if m:
        return f"{m.group(1)}【{m.group(2)}】{m.group(3)}"
    return line


def restore_block_titles(rows: list[RawRow]) -> int:
    """``restore_block_title`` on every line of the before, after and explanation cells of OCR
    rows (in place); the number of lines changed."""
    changed = 0
    for row in rows:
        for f in FIELDS:
            lines = row.cells.get(f) or []
            changed += rewrite_lines(row, lines, [restore_block_title(cl.text) for cl in lines])
    return changed
