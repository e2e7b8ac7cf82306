"""Give a body cell back the numbered sub-heading that opens it, when a row-ordered reader read it
into the item (branch subhead66, the last release's unseen set: 83 rows of one table).

A 変更前 / 変更後 cell may open with a sub-heading of its own (``①システムの名称`` / ``（１）窓口での
入手`` / ``ア　入退室管理`` / ``1. 主な記録項目``) with its content on the next lines.  In row-ordered
text (pypdfium2, ``pdftotext -raw``, pypdf, PyMuPDF) the item's lines run straight on into it, and a
numbered line looks like the item's leaf, so the row's cut (``partition``, ``mend_leaf``) may end
the item after it, or after its content and the next sub-heading.  An item's lines are the form's
headings in the order of its levels, each level once; so the item's tail from such a heading on
(``T``) is the body's when

* **siblings**: ``T`` holds the next number of the heading's own series (``①部署`` /
  ``市民生活部市民窓口課`` / ``②所属長の役職名``) with a value between them (a paragraph of no
  numbering after a line short of the item column: no wrap of the heading): a path lists sibling
  headings (``１．従事者が…`` / ``２．特定個人情報ファイルが…``: the seed) but never a value between
  them (a body's own numbered paragraphs, ``②なりすましによる…`` under an item's ``①自己点検``, tell
  nothing: office-long);
* **the body prints it again**: the body's lines hold the same heading further on, the body cell
  it would open does not open with it (before and after open alike, and an item is printed
  once);
* **below the leaf**: the item already holds a heading of the form's lowest level (``②監査``) and
  the tail's heading is of another series (``（１）自己点検``), its content following in the body
  cell.

``T`` goes to the front of the first body cell (the before, or the after of an addition); where the
body's lines then hold the heading once more, the before / after cut is put there.  Each move
leaves a ``cut_guess`` doubt (the confidence says the cut was inferred).
Measured with ``tools/eval_office.py`` on ``samples/office-subhead66`` (tuning) and
``samples/heldout-subhead66`` (held out).
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.text_thresholds import MENDED_CUT_STRENGTH

from .chars import display_width
from .dates import DATE_AT_START
from .items import heading_score, is_form_heading

_KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノ"
_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# A numbered sub-heading's marker: (series, number) read from its opening.
_CIRCLED = regex.compile(r"^([①-⑳])")
_PAREN = regex.compile(r"^[（(]([0-9０-９]{1,2})[）)]")
_DOT = regex.compile(r"^([0-9０-９]{1,2})[．.](?![0-9０-９])")
_KANA_HEAD = regex.compile(rf"^([{_KANA}])[ 　．.]")
_PAREN_KANA = regex.compile(rf"^[（(]([{_KANA}])[）)]")
# The lowest level of the form's item paths: circled numbers and the numbered instances.
_LEAF = regex.compile(r"^(?:[①-⑳]|(?:提供先|移転先|再委託事項|委託事項|システム)[0-9０-９]{1,2}$)")
# Two full-width characters in display units: a line this far short of its column did not wrap
# (kinsoku and a full-width space may end a wrapped line a character short).
WRAP_SLACK_UNITS = 4
_OPENING_BRACKETS = frozenset("（(「『【〔［[＜<《")
WHY = "the body cell's opening sub-heading taken back from the item's end ({})"


def series_of(text: str) -> tuple[str, int] | None:
    """(series, number) of a line opening with a numbered marker: ``①`` ("circled", 1), ``（２）``
    ("paren", 2), ``3.`` ("dot", 3), ``イ　`` ("kana", 2), ``（ウ）`` ("paren-kana", 3); None for
    any other line (whitespace ignored at its start)."""
    t = text.strip()
    if m := _CIRCLED.match(t):
        return "circled", ord(m.group(1)) - ord("①") + 1
    if m := _PAREN.match(t):
        return "paren", int(m.group(1).translate(_FW_DIGITS))
    if m := _DOT.match(t):
        return "dot", int(m.group(1).translate(_FW_DIGITS))
    if m := _PAREN_KANA.match(t):
        return "paren-kana", _KANA.index(m.group(1)) + 1
    if m := _KANA_HEAD.match(t):
        return "kana", _KANA.index(m.group(1)) + 1
    return None


def _squash(text: str) -> str:
    return "".join(text.split())


def _has(lines: list[CellLine], series: str, number: int) -> bool:
    return any(series_of(cl.text) == (series, number) for cl in lines)


def _value_paragraph(item: list[CellLine], k: int, j: int, width: float) -> bool:
    """Whether item line ``j`` (below the heading at ``k``) opens a paragraph that is no heading:
    the line above it stops short of the item column's ``width`` (so ``j`` is no wrap of it),
    ``j`` opens with no numbering nor bracket (kinsoku moves an opening bracket to the next line:
    ``２．特定個人情報の入手`` / ``（情報提供ネットワークを``), reads as no heading, and the lines
    from ``k`` to ``j`` joined make none (a value: ``市民生活部市民窓口課`` under ``①部署``)."""
    text = item[j].text.strip()
    if display_width(item[j - 1].text.strip()) + WRAP_SLACK_UNITS >= width:
        return False
    if series_of(text) is not None or _LEAF.match(text) or text[:1] in _OPENING_BRACKETS:
        return False
    joined = "".join(cl.text.strip() for cl in item[k : j + 1])
    return not is_form_heading(joined) and heading_score(text) == 0


def _why_moved(
    item: list[CellLine], k: int, body: list[CellLine], other: list[CellLine], width: float
) -> str | None:
    """Why the item's lines [k:] are the opening of ``body`` (None when nothing says so);
    ``width``: the item column's wrap width in display units."""
    head = series_of(item[k].text)
    if head is None:
        return None
    series, number = head
    tail = item[k + 1 :]
    sibling = next((j for j, cl in enumerate(tail) if series_of(cl.text) == (series, number + 1)), None)
    if sibling is not None and any(_value_paragraph(item, k, k + 1 + j, width) for j in range(sibling)):
        return "its sibling follows it in the item, a value between them"
    if any(series_of(cl.text) is not None or _LEAF.match(cl.text.strip()) for cl in tail):
        return None  # not the item's last heading: the rules below judge that one
    first = _squash(item[k].text)
    if (not body or _squash(body[0].text) != first) and any(_squash(cl.text) == first for cl in body + other):
        return "the body prints it again"
    below_leaf = any(_LEAF.match(cl.text.strip()) for cl in item[:k]) and series != "circled"
    if below_leaf and body and series_of(body[0].text) is None:
        return "a numbered heading below the item's leaf, its content in the body"
    return None


# A line opening with a date then 事前 / 事後: another row's start read into a cell (pypdf text
# of pages joined with no line end, office-pagejoin59): no heading of that row is moved then.
_ROW_START = regex.compile(rf"(?:{DATE_AT_START.pattern})\s*(?:事前|事後)")


def mend_body_subheads(row: RawRow) -> None:
    """Move the item's tail that opens the body cell back to it (module docstring); in place."""
    item, before, after = row.cells["item"], row.cells["before"], row.cells["after"]
    if len(item) < 2 or not (before or after):
        return
    body, other = (before, after) if before else (after, [])
    # The item column's wrap width: the reader's estimate, else the row's widest item line.
    width = row.widths.get("item") or max(display_width(cl.text.strip()) for cl in item)
    for k in range(1, len(item)):
        why = _why_moved(item, k, body, other, width)
        if why is None:
            continue
        moved = item[k:]
        del item[k:]
        body[:0] = moved
        _cut_at_repeat(row, _squash(moved[0].text))
        row.doubts.append(Doubt("cut_guess", "item", WHY.format(why), MENDED_CUT_STRENGTH))
        return


def _cut_at_repeat(row: RawRow, head: str) -> None:
    """Where the body's lines hold ``head`` once more after their opening, the before / after cut
    is put there: before and after open with the same heading."""
    before, after = row.cells["before"], row.cells["after"]
    body = before + after
    at = [p for p in range(1, len(body)) if _squash(body[p].text) == head]
    if len(at) == 1 and at[0] != len(before):
        row.cells["before"], row.cells["after"] = body[: at[0]], body[at[0] :]


def opened_alike(before: str | None, after: str | None) -> bool:
    """Whether the before and after cells open with the same numbered sub-heading (whitespace
    aside): printed twice, it is the cells' own, never a line of the item read into one of them
    (an item is printed once).  The checks of a body cell opening with the item's heading
    (``stream_cut_checks.heading_doubts``, ``item_cells.heading_cell_doubts``) stand down then."""
    firsts = [next((p for p in (c or "").split("\n") if p.strip()), "") for c in (before, after)]
    return (
        bool(firsts[0].strip())
        and _squash(firsts[0]) == _squash(firsts[1])
        and series_of(firsts[0]) is not None
    )
