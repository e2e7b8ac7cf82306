"""A numbered list that a page break cut between its paragraphs, in box-order text (plain
``pdftotext``, pdfminer; issues 10 and 12).

LibreOffice Writer lets a tall row run on to the next page: each cell's paragraphs that do not
fit go on at the top of the next page, in a box of their own.  Cut inside a paragraph, the box
opens mid-phrase (``columnar.join_cells_over_pages`` joins it); cut between paragraphs, it opens
with a paragraph of its own, and where that paragraph is the next number of a list (``２．``
after ``１．``, ``②`` after ``①``, ``（２）`` after ``（１）``) that a box of the page before
ends in, it is that list's rest.  Set VIII (a new user's Writer table, 11 pt, portrait): items
２．３． of a row's after cell, printed on the next page before that page's first item, were left
over and put in the last row's explanation, the row that lost them at 0.904 with no flag.

``join_lists_over_pages`` joins such a box to the last box of the page before whose last
numbered paragraph it follows, when that box comes after the last item box of its page (a cell
of the page's last row) and the list's number goes up by one.  Where on its page the rest comes
does not matter: plain ``pdftotext`` emits a Writer page's top cells before or after the next
rows' items (set VIII: ``(2)…`` of a 4-page 12 pt table after the page's items).
Cells open their lists with the first number (``１．``, ``①``), so a box opening with a later
one is no cell's beginning.
"""

from __future__ import annotations

import regex

from piatable.models import CellLine

from .boxes import Box
from .wrap_widths import SENTENCE_END

_FW = str.maketrans("０１２３４５６７８９", "0123456789")
# A numbered paragraph's marker: ``２．`` / ``2.``, ``（２）`` / ``(2)``, ``②``.
_NUMBER = regex.compile(r"^[ 　]*(?:([0-9０-９]{1,2})[．.]|[（(]([0-9０-９]{1,2})[）)]|([①-⑳]))")


def list_number(text: str) -> tuple[str, int] | None:
    """The style (``dot``, ``paren``, ``circled``) and number of a paragraph's list marker."""
    m = _NUMBER.match(text)
    if not m:
        return None
    if m.group(1):
        return "dot", int(m.group(1).translate(_FW))
    if m.group(2):
        return "paren", int(m.group(2).translate(_FW))
    return "circled", ord(m.group(3)) - ord("①") + 1


def _last_number(box: Box) -> tuple[str, int] | None:
    for cl in reversed(box.lines):
        found = list_number(cl.text)
        if found:
            return found
    return None


def list_end(lines: list[CellLine], opening: tuple[str, int]) -> int:
    """How many of ``lines`` (a box opening with list number ``opening``) are the list's rest:
    up to the line that ends a sentence (``SENTENCE_END``) without the next line opening with
    the next number.  A box may hold the next row's cell under the list (plain ``pdftotext``
    put a Writer row's ``(2)…`` and the next row's after cell in one box): it stays a box."""
    style, number = opening
    for k, cl in enumerate(lines[:-1]):
        nxt = list_number(lines[k + 1].text)
        if nxt is not None and nxt[0] == style and nxt[1] == number + 1:
            number += 1
            continue
        if cl.text.rstrip()[-1:] in SENTENCE_END:
            return k + 1
    return len(lines)


def join_lists_over_pages(boxes: list[Box], item_ids: set[int]) -> list[Box]:
    """``boxes`` with each box that goes on with a list a box of the page before ends in
    joined to that box (module docstring).  ``item_ids``: the ids of the item boxes."""
    last_item: dict[int, int] = {}
    for k, b in enumerate(boxes):
        if id(b) in item_ids and b.page is not None:
            last_item[b.page] = k
    out: list[Box] = []
    place: dict[int, int] = {id(b): k for k, b in enumerate(boxes)}
    for b in boxes:
        page = b.page
        opening = list_number(b.lines[0].text) if b.lines else None
        if page is not None and opening is not None and opening[1] >= 2 and id(b) not in item_ids:
            partner = next(
                (
                    x
                    for x in reversed(out)
                    if x.page == page - 1
                    and id(x) not in item_ids
                    and place[id(x)] > last_item.get(page - 1, len(boxes))
                    and _last_number(x) == (opening[0], opening[1] - 1)
                ),
                None,
            )
            if partner is not None:
                cut = list_end(b.lines, opening)
                partner.lines.extend(b.lines[:cut])
                if cut < len(b.lines):
                    rest = Box(b.lines[cut:])
                    place[id(rest)] = place[id(b)]  # it stands where the box it was cut from stood
                    out.append(rest)
                continue
        out.append(b)
    return out
