"""A lone before cell that holds both versions of one amended text: the before/after cut found
again (issue 12, set XVII FAULTS.md kind 5, branch thead56).

Row-ordered text (``pdftotext -raw``, pypdfium2, pypdf, PyMuPDF) of a table whose before and
after cells are each one long paragraph wrapped over several lines gives the row's body as one
run of lines; when nothing on the lines shows where the before cell stops (no shared printed
line, no 新規追加 / 削除), the reader's cut may put the whole run in 変更前 and leave 変更後 empty::

    通知カード送付までの一定の期                 ← before
    間に、番号法施行日時点におけ
    る住民の送付先情報をまとめて
    提供する。
    個人番号通知書送付までの一定                 ← after, read into the before cell
    の期間に、番号法施行日時点に
    …

An amendment's after text most often restates its before text with a few words changed, so
the run holds "two versions of one text": a line start where the lines above and the lines
below are alike (``TWIN_MIN_SHARE`` of the shorter part's character pairs in the other, a run of
``TWIN_MIN_RUN`` characters in common, neither part under ``TWIN_MIN_PART_SHARE`` of the other's
length).  ``mend_twin_versions`` cuts the lone before cell at the line start, among those whose line above
closes a sentence (``。``, a closing bracket), where the two parts are most alike (Dice of their
character pairs): the before cell ends there, the rest is the after cell.  The row is warned
``column_guess`` whatever the cut: on the truth of the committed samples (2,007 distinct
before/after pairs, each pair's lines joined) a cut was found in 723 and fell right in only 348
(an after cell that restates its before's paragraphs and adds more reads as two versions at
several line starts).  Where no line above a cut closes a sentence, the cell is left whole,
warned the same way: two versions in one cell beside an empty one.

A truly deleted text (after empty) holds one version only; a list whose entries read alike
(``＜サーバ等＞…保管する。`` / ``＜紙媒体＞…保管する。``) shares its pairs with the other
entries, not one long run, and is kept apart by ``TWIN_MIN_RUN``.
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow

from .chars import bigrams, without_whitespace

# Share of the shorter part's character pairs found in the other part (set XVII's pair: 0.8).
TWIN_MIN_SHARE = 0.6
# Characters of the longest run the two parts share (whitespace out).
TWIN_MIN_RUN = 12
# The shorter part's length at least this share of the longer's.
TWIN_MIN_PART_SHARE = 0.4
# Characters a part holds at least (a short value restated is ``paired_values``' case).
TWIN_MIN_CHARS = 16
SENTENCE_CLOSE = frozenset("。．）)」』】］]＞〉》〕")

CUT_WHY = "the before cell held two versions of one text ({}…|{}…): cut where the second opens"
DOUBT_WHY = "the before cell holds two versions of one text beside an empty after cell ({}…|{}…)"


def longest_common_run(a: str, b: str) -> int:
    """Length of the longest substring of both ``a`` and ``b`` (characters)."""
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best:
                    best = cur[j]
        prev = cur
    return best


def twin_score(a: str, b: str) -> float:
    """How much ``a`` and ``b`` (whitespace out) read as two versions of one text: the share of
    the shorter one's character pairs found in the other (0.0 when a test of the module notes
    fails)."""
    if min(len(a), len(b)) < TWIN_MIN_CHARS or min(len(a), len(b)) < TWIN_MIN_PART_SHARE * max(
        len(a), len(b)
    ):
        return 0.0
    pa, pb = bigrams(a), bigrams(b)
    share = len(pa & pb) / min(len(pa), len(pb))
    if share < TWIN_MIN_SHARE or longest_common_run(a, b) < TWIN_MIN_RUN:
        return 0.0
    return share


def twin_cut(lines: list[str]) -> tuple[int, bool] | None:
    """The line index where the second version opens in ``lines`` (a cell's printed lines), and
    whether the line above it closes a sentence; None when no line start parts two versions."""
    flat = [without_whitespace(t) for t in lines]
    best: tuple[bool, float, int] | None = None
    for k in range(1, len(flat)):
        a, b = "".join(flat[:k]), "".join(flat[k:])
        if not twin_score(a, b):
            continue
        pa, pb = bigrams(a), bigrams(b)
        key = (flat[k - 1][-1:] in SENTENCE_CLOSE, 2 * len(pa & pb) / (len(pa) + len(pb)), k)
        if best is None or key[:2] > best[:2]:
            best = key
    return None if best is None else (best[2], best[0])


def mend_twin_versions(row: RawRow) -> None:
    """Cut a lone before cell holding two versions of one text (in place), or warn the row
    (see the module notes)."""
    before, after = row.cells["before"], row.cells["after"]
    if not before or after or len(before) < 2:
        return
    texts = [cl.text for cl in before]
    found = twin_cut(texts)
    if found is None:
        return
    k, closed = found
    a, b = without_whitespace("".join(texts[:k])), without_whitespace("".join(texts[k:]))
    if not closed:
        row.doubts.append(Doubt("column_guess", "before", DOUBT_WHY.format(a[:10], b[:10])))
        return
    row.cells["before"], row.cells["after"] = list(before[:k]), list(before[k:])
    row.doubts.append(Doubt("column_guess", "after", CUT_WHY.format(a[:10], b[:10])))


__all__ = ["mend_twin_versions", "twin_cut", "twin_score"]
