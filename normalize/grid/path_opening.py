"""Does a 項目 cell open a heading path of its own (Ⅰ…Ⅵ)?  A row, not the rest of one: the
test ``rows._take_row`` puts to a page's first row without a date.
"""

from __future__ import annotations

import regex

from piatable.vocabulary import ITEM_OPENING, top_headings

from ..chars import KANA_KANJI
from .lines import Line

# OCR: a top heading this long (基本情報, 関連情報) after a misread numeral opens a path.
MIN_OCR_TOP_HEADING_CHARS = 4
HIRAGANA = regex.compile(r"\p{Hiragana}")


def opens_path(lines: list[Line] | None) -> bool:
    """True when a 項目 cell starts a heading path of its own (Ⅰ…Ⅵ): a row, not the rest of one.
    Read by OCR, the numeral may come out as something else (``｛関連情報``, ``I基本情報``,
    ``工基本情報``): one or two characters that are not kana or kanji, or one that is no hiragana
    (a continued cell may open with a particle: ``の基本情報``), before one of
    the forms' top headings (``vocabulary.top_headings``) open a path too.  The OCR corrections
    mend the numeral later; the rows are cut before them."""
    if not lines:
        return False
    text = lines[0].text.strip()
    if ITEM_OPENING.match(text):
        return True
    if not lines[0].words or lines[0].words[0].source != "ocr":
        return False
    rest = "".join(ln.text.strip() for ln in lines[:3])
    for k in (1, 2):
        prefix, heading = rest[:k], rest[k:]
        if (
            not HIRAGANA.search(prefix)
            and (k == 1 or not KANA_KANJI.match(prefix[-1]))
            and any(heading.startswith(h) for h in top_headings() if len(h) >= MIN_OCR_TOP_HEADING_CHARS)
        ):
            return True
    return False
