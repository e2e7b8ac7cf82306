"""The before/after cut of a row-ordered text's row whose 変更後 repeats the 変更前 after a new
paragraph: moved to where the after holds the before whole.

Row-ordered text (pypdfium2, pypdf, ``-raw``, PyMuPDF, a PDFium viewer's copy) prints a row's
before and after cells one after the other, and the reader cuts them at a paragraph.  When the
after cell adds a paragraph IN FRONT of the unchanged before text (set XXIX t04 / t10, Calc:
before ``＜市役所本庁舎…＞`` / ``・サーバ室…``, after ``＜ガバメントクラウド…＞`` / ``・ＩＳＭＡＰ…`` /
``＜市役所本庁舎…＞`` / ``・サーバ室…``), the row's paragraphs read R X R, and the reader cut after
R X: the before got the after's new paragraphs and the after only the repeated text (conf 0.917,
no warning).  The text cannot tell that row from one deleting X at the before's end (before R X,
after R): both print R X R.  The repeated text is the evidence: an after cell is most often the
before amended with additions, so the cut that makes the after hold the before whole (before R,
after X R) is taken, unless the explanation speaks of removing and not of adding
(``shared_line_checks.DELETION_REASON`` / ``ADDITION_REASON``).  Either way the two cuts are
equally good readings of the text: the row is flagged ``column_guess`` on both cells
(``REPEATED_CUT_STRENGTH``), never moved in silence.

Only for rows of flattened text read without positions (a PDF's, a scan's or ``-layout``
text's cells are cut by their places) and not paired column by column (pdfminer's column order
cuts by the columns' own blocks).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

from .shared_line_checks import ADDITION_REASON, DELETION_REASON

# The weight of the doubt (a share of ``quality.weight_column_guess``): the text holds two
# readings, equally good.
REPEATED_CUT_STRENGTH = 1.0
_WHITE = regex.compile(r"\s+")
WHY_MOVED = (
    "the before and after cells read R X R (the after's text repeats the before's): the cut was"
    " moved so that the after holds the before whole ({n} paragraphs moved to the after's head);"
    " a before whose last paragraphs were deleted prints the same"
)
WHY_KEPT = (
    "the before and after cells read R X R (the after's text repeats the before's) and the"
    " explanation speaks of removing: the after read as the before without its last {n}"
    " paragraphs; an after adding them in front prints the same"
)


def _key(paragraph: str) -> str:
    return _WHITE.sub("", paragraph)


def recut_repeated(paragraphs: dict[str, list[str]], row: RawRow) -> None:
    """Move the before/after cut of ``row`` (its text columns' ``paragraphs``, changed in place)
    as the module notes say, and add its doubts to ``row.doubts``; nothing for a row read by
    positions or column by column, or whose cells do not read R X R (before = R + X, after = R,
    R and X one paragraph or more)."""
    if row.positioned or not any(row.widths.values()) or any(d.kind == "column_order" for d in row.doubts):
        return
    before, after = paragraphs["before"], paragraphs["after"]
    n = len(before) - len(after)
    if not after or n < 1 or [_key(p) for p in before[: len(after)]] != [_key(p) for p in after]:
        return
    if not all(_key(p) for p in after):
        return
    explanation = "\n".join(paragraphs["explanation"])
    if DELETION_REASON.search(explanation) and not ADDITION_REASON.search(explanation):
        why = WHY_KEPT.format(n=n)
    else:
        paragraphs["after"] = before[len(after) :] + after
        paragraphs["before"] = before[: len(after)]
        why = WHY_MOVED.format(n=n)
    row.doubts += [
        Doubt("column_guess", "before", why, REPEATED_CUT_STRENGTH),
        Doubt("column_guess", "after", why, REPEATED_CUT_STRENGTH),
    ]
