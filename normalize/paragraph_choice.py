"""A before/after cut of row-ordered text between unlike cells that another paragraph break of
either cell could take as well (branch equalcols69).

In row-ordered text (pypdfium2, ``pdftotext -raw``, pypdf) a row's before lines and after lines
follow one another; the partition (``partition``) tells where the before cell ends by the
columns' wrap widths, the cells' words and their echo (``echo``: an amended after cell repeats
its before).  Word and Writer tables often give 変更前 and 変更後 one width, and where the two
cells say unlike things (an item replaced by another, not amended) and one of them holds two
paragraphs or more, the text shows paragraph breaks and nothing that tells which of them is the
cells' bound: ``・サーバー室には…設置している。`` / ``・年１回、…研修を実施している。`` |
``年１回、評価書の…報告する`` reads as well with the cut one paragraph earlier
(office-equalcols69: such rows read at 0.60–0.91 with no warning).

The shape: both cells hold text, neither is a whole-cell mark (削除, 新規追加: ``marked_row_why``),
the after cell's first line opens no paragraph of its own (a bracket heading, a bullet, a
number: the seed's rows 7 and 10, unlike lists of ＜…＞ headings cut right), the two do not read
as a changed text (their share of character pairs under ``echo.ECHO_FLOOR``, counted as the
partition's echo counts them), and a line of either cell other than the after's first opens a
paragraph (a marker opens it, or the line before ends a sentence or a bracket) where the moved
lines and the cell taking them could share one column by their wrap widths
(``wrap_conflicts.cannot_share_column``); and the partition took the cut with a confidence under
``PARAGRAPH_CHOICE_MAX_CONFIDENCE`` (a cut it took by a wide margin was right far more often).
"""

from __future__ import annotations

from piatable.models import RawRow
from piatable.text_thresholds import PARAGRAPH_CHOICE_MAX_CONFIDENCE

from .chars import SENTENCE_END, starts_paragraph
from .echo import Echo
from .wrap_conflicts import cannot_share_column

CLOSERS = frozenset("）)」』】〕］]＞>")
MOVED_PARAGRAPH_WHY = (
    "before and after are unlike cells (no changed text's echo) and another paragraph break of "
    "theirs could be the cut as well: where one cell ends is a guess"
)


def _opens_paragraph(texts: list[str], k: int) -> bool:
    """Whether line ``k`` of ``texts`` opens a paragraph (a marker, or the line before it ends a
    sentence or a bracket)."""
    return starts_paragraph(texts[k]) or texts[k - 1][-1:] in SENTENCE_END or texts[k - 1][-1:] in CLOSERS


def changed_text(before: list[str], after: list[str]) -> bool:
    """Whether the lines ``after`` repeat enough of ``before`` to be its changed text (the
    partition's echo of this cut is above nothing)."""
    return Echo([*before, *after]).bonus(0, len(before)) > 0.0 or len(before) + len(after) < 2


def moved_paragraph_why(row: RawRow) -> str:
    """``MOVED_PARAGRAPH_WHY`` when the row-ordered ``row``'s before and after lines show the
    module's shape, else ``""``."""
    if row.confidence >= PARAGRAPH_CHOICE_MAX_CONFIDENCE:
        return ""
    bl, al = row.cells.get("before") or [], row.cells.get("after") or []
    bl = [cl for cl in bl if cl.text.strip()]
    al = [cl for cl in al if cl.text.strip()]
    before, after = [cl.text.strip() for cl in bl], [cl.text.strip() for cl in al]
    if not before or not after or starts_paragraph(after[0]) or changed_text(before, after):
        return ""
    texts, lines, cut = [*before, *after], [*bl, *al], len(before)
    for k in range(1, len(texts)):
        if k == cut or not _opens_paragraph(texts, k):
            continue
        # The cut at k instead: the lines between k and the cut change cells.
        if not (cannot_share_column(lines[:k]) or cannot_share_column(lines[k:])):
            return MOVED_PARAGRAPH_WHY
    return ""
