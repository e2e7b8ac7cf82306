"""The file selector under an item's section: ``（１．住民基本台帳ファイル）``.

In the form's item paths a section of Ⅱ or Ⅲ is followed by the file it speaks of, in brackets
(``Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策`` / ``（１．住民基本台帳ファイル）``).
When Writer breaks a row over a page, the page's part of the item cell may hold the section and
its file selector only; the rest of the path opens the next page (t06_writer_cover, pdfminer /
plain ``pdftotext``).  ``file_selector_start`` finds where such a selector starts in a cell's
lines, so that the lines above it can be judged a lone section (``boxes._section_alone``).
"""

from __future__ import annotations

import regex

from piatable.models import CellLine

# A selector: a bracket, a number and a full stop, up to the closing bracket that ends the text.
FILE_SELECTOR = regex.compile(r"^[（(][0-9０-９]{1,2}[．.][^（()）]+[）)]$")


def file_selector_start(lines: list[CellLine]) -> int:
    """The index of the first of ``lines`` that opens a file selector running to the last line
    (the selector may wrap: ``（１．住民基本台帳ファ`` / ``イル）``), or ``len(lines)`` when the
    lines end with none.  The first line is never a selector (the section comes first)."""
    for k in range(1, len(lines)):
        if lines[k].text.lstrip()[:1] in "（(":
            joined = "".join(cl.text.strip() for cl in lines[k:])
            return k if FILE_SELECTOR.match(joined) else len(lines)
    return len(lines)
