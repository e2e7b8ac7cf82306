"""The head of a second table stacked under the first on one Calc page, printed among pass 1.

Calc draws a page's one-line cells first, then its wrapped cells (``twophase``).  Two tables
stacked on one sheet page (set XXXIII w03: （その１） over （その２）, each with its label row) print
the second table's caption and label row, one-line cells both, in pass 1 between the two tables'
one-line cells::

    自立支援医療（精神通院医療）の支給認定を申請した者 事後      ← table 1's last row, pass 1
    （その２） 就学援助に関する事務 基礎項目評価書                ← table 2's caption
    変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明
    ［ 記録を残していない ］ 事後                                ← table 2's first row, pass 1
    …
    平30.8.13 Ⅱ特定個人情報ファイルの概要                       ← pass 2

The label row there parts the page's pass 1 from itself, and each half was read as a page of
its own with no wrapped cells (pypdfium2: 35 rows for 14).  ``heads_out_of_pass_one`` moves such
a label row (and the caption line right above it) to where pass 1 ends, before the page's first
wrapped row, where the reader takes it for the page's furniture (``region``): nothing is dropped.
Only a label row under a part's caption (（その２）, 表２, 第２表), between two lines of one-line
cells each ending with a timing (pass 1 on both sides), is moved, and only when a wrapped row opens
after it: a label row repeated at a page break after a cell's last line ``…提出は`` / ``事後`` is
the page's own (office-lastline58).
"""

from __future__ import annotations

import regex

from piatable.models import CellLine
from piatable.vocabulary import TIMING, is_header_line

from .compound import closed_up
from .dates import DATE_THEN_ITEM
from .items import opens_item_line
from .stacked_timings import timings_into_pass_one
from .vertical_labels import unreversed_labels

# A pass-1 line: one-line cells ending with their row's timing (``… 事後``), or the timing alone.
_ENDS_WITH_TIMING = regex.compile(r"(?:^|[\s　])事[\s　]?[前後]\s*$")
# A caption above a table's label row: a part's number opening the line (（その２） …).
_PART_OPENING = regex.compile(
    r"^[\s　]*[（(【［\[〔]?[\s　]*(?:その|表|第)[\s　]*[0-9０-９一二三四五六七八九十]{1,2}"
)


def _pass_one(text: str) -> bool:
    return bool(_ENDS_WITH_TIMING.search(text)) or bool(TIMING.match(text))


def _opens_wrapped_row(text: str) -> bool:
    return bool(DATE_THEN_ITEM.match(text)) or opens_item_line(text)


def heads_out_of_pass_one(lines: list[CellLine]) -> list[CellLine]:
    """``lines`` with each label row printed among a page's pass-1 lines (the module's docstring)
    moved, with the part caption right above it, to before the first line after it that opens a
    wrapped row; the lines as given (the same list) where there is none."""
    out = list(lines)
    changed = False
    k = 1
    while k < len(out) - 1:
        if not (is_header_line(out[k].text) and _pass_one(out[k + 1].text)):
            k += 1
            continue
        start = k - 1
        if start == 0 or not _PART_OPENING.match(out[start].text) or not _pass_one(out[start - 1].text):
            k += 1
            continue
        end = next((m for m in range(k + 1, len(out)) if _opens_wrapped_row(out[m].text)), None)
        if end is None or any(is_header_line(cl.text) for cl in out[k + 1 : end]):
            k += 1
            continue
        head = out[start : k + 1]
        out = out[:start] + out[k + 1 : end] + head + out[end:]
        changed = True
        k = end + 1
    return closed_up(lines, out, joined=True) if changed else lines


def stacked_prints(lines: list[CellLine]) -> list[CellLine]:
    """``lines`` (a text's lines, words printed one character a line joined:
    ``compound.join_vertical_words``) with what vertical and stacked prints did to the order
    undone: labels read back to front turned round (``vertical_labels``), Calc's stacked timings
    put into pass 1 (``stacked_timings``), a stacked table's head moved out of pass 1
    (``heads_out_of_pass_one``)."""
    return heads_out_of_pass_one(timings_into_pass_one(unreversed_labels(lines)))
