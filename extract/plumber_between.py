"""A short cell's line printed between a taller cell's wrapped lines, in pdfplumber text.

pdfplumber's ``extract_text()`` orders a page's lines by their top.  Where a row's cells are
centred vertically (Calc's and Excel's "center", LibreOffice Writer's 中央揃え) or a merged
変更日 spans several rows (it prints once, half way down the run), a one-line cell — the date,
提出時期 with the one-line explanation beside it — has its own top, between two lines of the row's
wrapped 項目 / 変更前 / 変更後 cells (set XII's c1: ``７．評価実施機関における担当部署 市民課長 …`` /
``令和5年4月1日`` / ``②所属長の役職名``; ``２．特定個人情報ファイルの取扱いに …`` /
``事後 組織改編及び窓口の移転に伴う変更`` / ``関する問合せ …``).

Such a line breaks no wrap: the cells that filled their width on the line above go on on the
line after it.  ``between`` tells a placement of that kind (the line's columns only 変更日,
提出時期 and the explanation after 提出時期, none of them printed on the line above, while a text
column of the line above wraps on); ``plumber_text`` then costs no broken wrap for it and keeps
the line above as what the next line goes on from (with the short cells added).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

# The six columns, in printed order (as plumber_text's).
DATE, ITEM, BEFORE, AFTER, TIMING, EXPLANATION = range(6)
# Columns a one-line cell printed apart from the taller cells' lines may hold.
SHORT_COLUMNS = frozenset({DATE, TIMING, EXPLANATION})


def between(cols: Collection[int], above: Collection[int], wrapping: Collection[int]) -> bool:
    """True when a line placed in ``cols`` (its fragments' columns, in line order) is a short
    cell's line between a taller cell's lines: only 変更日 and / or 提出時期 (the explanation only
    after 提出時期, as the row's last cell), none printed on the line above (``above``: its
    columns), while some text column of the line above wraps on (``wrapping``: the columns whose
    fragment there filled its width)."""
    cols = list(cols)
    if not cols or not set(cols) <= SHORT_COLUMNS or not ({DATE, TIMING} & set(cols)):
        return False
    if EXPLANATION in cols and TIMING not in cols:
        return False
    if any(c in above for c in cols):
        return False
    return any(c in (ITEM, BEFORE, AFTER) for c in wrapping)


# Recognition of a pdfplumber text of centred cells (plumber_text.is_plumber_text): centred cells
# print few lines with three fragments (set XII's c1: 0.19 of its table's lines, under the 0.25
# that tells pdfplumber's side-by-side lines from -raw / pypdfium2 text), but a wrapped item's
# later heading (numbered, not a section's Ⅰ…Ⅶ) stands on the line of the row's one-line cells,
# ``７．評価実施機関における担当部署 市民課長 市民窓口課長 事後 組織改編に伴う変更``: at least this
# many such lines (c1: 3; no -raw / pypdfium2 / pdfminer text of the samples or sets VII–XII has
# more than 1: those extractors print a cell's lines together) ...
HEADING_BESIDE_CELLS_MIN_LINES = 2
# ... with at least this share of three-fragment lines (c1: 0.19).
CENTRED_MULTI_FRAGMENT_SHARE = 0.15
# Fragments to the left of 事前 / 事後 on such a line: the heading, the before and the after.
_CELLS_BEFORE_TIMING = 3
_TIMINGS = frozenset({"事前", "事後"})
_SECTIONS = tuple("ⅠⅡⅢⅣⅤⅥⅦ")


def headings_beside_cells(lines: list[list[str]], is_heading: Callable[[str], bool]) -> int:
    """How many lines (each its fragments, a leading date left out by the caller) open with a
    numbered heading of the forms (``is_heading``, not a section's Ⅰ…Ⅶ) and hold 事前 / 事後
    ``_CELLS_BEFORE_TIMING`` or more fragments on: an item's later line printed beside the
    row's other cells."""
    n = 0
    for frags in lines:
        t = next((i for i, f in enumerate(frags) if f in _TIMINGS), -1)
        if t >= _CELLS_BEFORE_TIMING and not frags[0].startswith(_SECTIONS) and is_heading(frags[0]):
            n += 1
    return n
