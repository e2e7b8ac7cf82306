"""A whole date that overflowed its narrow 変更日 column into the item beside it, parted from it.

A browser (Chromium's ``--print-to-pdf``) does not break a numeric date (``2019.5.1``,
``2024/11/1``): where the 変更日 column is narrower than the date, the date runs over the column's
right edge and its last characters stand against the item's first line, so every extractor
prints the two as one word: ``2019.5.1Ⅰ基本情報`` (office-slides54's Chromium tables with 12 mm
columns).  The date is whole, so nothing is lost; only the space between the cells is missing,
and the readers then take ``2019.5`` for a torn date and ``.1Ⅰ基本情報`` for the item.

``part_overflowed_dates`` puts the space back where a line opens with a whole date followed at
once by what opens an item path (a section numeral Ⅰ…Ⅶ, an attachment's label, the cover's
label: ``dates.DATE_THEN_ITEM``'s openings); no date runs on into one of those.
"""

from __future__ import annotations

import regex

from piatable.vocabulary import COVER_LABEL_PATTERN, SECTION_NUMERAL_CLASS

from .dates import DATE

_GLUED = regex.compile(
    rf"^(\s*(?:{DATE.pattern}))(?={SECTION_NUMERAL_CLASS}|[（(]別[紙添]|{COVER_LABEL_PATTERN})",
    regex.MULTILINE,
)


def part_overflowed_dates(text: str) -> tuple[str, int]:
    """``text`` with a space between a line's opening date and the item glued to it, and how
    many lines were parted (see the module's docstring)."""
    return _GLUED.subn(r"\1 ", text)
