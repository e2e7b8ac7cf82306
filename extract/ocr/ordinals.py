"""An ordinal's numeral that did not read, put back from the document's own text (issue 11).

第 opens an ordinal (第１９条, 別表第二): a 第 at a cell's end, or before a character that is no
numeral, lost its numeral (tesseract drops a thin 二 or 一 at a cell's edge as a ruling's piece:
``…第８号及び別表第``).  Where the document prints the same words before 第 (``ORDINAL_CONTEXT``
characters, then fewer down to ``ORDINAL_CONTEXT_MIN``) followed by exactly one numeral anywhere
else (``…及び別表第二``), that numeral is put back; two numerals (別表第一 and 別表第二 both
printed after 別表) leave the cell as read (``suspects`` still flags it).  Where the document
prints none, a 別表第 after an article of 番号法 that names one table (``LAW_TABLES``: 第９条 the
first, 第１９条 the second, as the forms cite them) takes that table's numeral.  Only for OCR
rows; changed lines are flagged ``ocr_corrected`` with what was read.
"""

from __future__ import annotations

import regex

from piatable.models import RawRow

from .rewrites import rewrite_lines

FIELDS = ("item", "before", "after", "explanation")
# Characters before 第 that must match, longest first, down to the least.
ORDINAL_CONTEXT = 5
ORDINAL_CONTEXT_MIN = 3
_NUMERAL = r"[0-9０-９]+|[一二三四五六七八九十百千]+"
# 第 without a numeral: at a cell's end, or before anything but a numeral or white space (not
# the words 次第, 及第, 落第).
_ORPHAN = regex.compile(r"(?<![次及落])第(?=$|[^\s0-9０-９一二三四五六七八九十百千何])")
_SPACE = regex.compile(r"\s")
# The table of 番号法 each article that cites one names (第９条 別表第一, 第１９条 別表第二).
LAW_TABLES = {"9": "一", "19": "二"}
_ARTICLE = regex.compile(r"第([0-9０-９]{1,2})条")
_HALF = str.maketrans("０１２３４５６７８９", "0123456789")


def _numeral_for(before: str, corpus: str) -> str | None:
    """The one numeral the document prints after ``before`` + 第, or None."""
    for n in range(ORDINAL_CONTEXT, ORDINAL_CONTEXT_MIN - 1, -1):
        if len(before) < n:
            continue
        found = set(regex.findall(regex.escape(before[-n:]) + "第(" + _NUMERAL + ")", corpus))
        if len(found) == 1:
            return found.pop()
        if found:
            return None  # two numerals follow these words: no guess
    if before.endswith("別表"):
        articles = _ARTICLE.findall(before)
        if articles:
            return LAW_TABLES.get(articles[-1].translate(_HALF))
    return None


def restore_ordinals(rows: list[RawRow]) -> int:
    """Orphan 第s given the numeral the document prints after the same words (see the module
    notes), in place; the number of lines changed."""
    cells = [(row, f) for row in rows for f in FIELDS if row.cells.get(f)]
    texts = {(id(row), f): "\n".join(_SPACE.sub("", cl.text) for cl in row.cells[f]) for row, f in cells}
    corpus = "\n".join(texts.values())
    changed = 0
    for row, f in cells:
        lines = row.cells[f]
        joined = texts[(id(row), f)]
        # A 第 at a line's end that the next line's numeral continues is no orphan.
        if not _ORPHAN.search(joined.replace("第\n", "第")):
            continue
        out = []
        for k, cl in enumerate(lines):
            text = cl.text
            for m in reversed(list(_ORPHAN.finditer(text))):
                if m.end() == len(text) and k + 1 < len(lines):
                    continue  # the ordinal may go on on the next line
                numeral = _numeral_for(_SPACE.sub("", text[: m.start()]), corpus)
                if numeral:
                    text = text[: m.end()] + numeral + text[m.end() :]
            out.append(text)
        changed += rewrite_lines(row, lines, out)
    return changed
