"""A cell merged over a page break, printed on one page only (issue 11): its rows on the other
page share its text.

Calc, Excel and Writer draw a merged 変更日, 提出時期 or explanation cell on every page it spans,
clipped to the part of the cell on that page, so its text shows on one page only: at the top of
the cell, in its middle or at its foot, as the cell is aligned.  A text-layer PDF keeps the
clipped text (``unseen.clipped_cell_words``); a scan does not.  The rulings still tell where the
cell goes: a page whose 項目, before and after cells a ruling closes at the table's foot while a
merged column runs on open (``PageRows.foot_closed``) continues that column's last cell on the
next page, down to the first ruling under that page's first body row.  Cut this way, the cell
is a chain of parts, one per page; when exactly one part prints text, every row of the chain
takes it (``merged_cell_filled``), whether the text is printed on the page before (a cell
aligned at its top: the rows under the break used to take it already) or after (centred or at
its foot: the rows above the break took the previous cell's value, or none).  Two parts that
both print text are left as read: a ruling lost in the scan looks the same; but a 項目 cell
(merged over rows by Calc, issue 12) centred over the break prints the lines that fall on each
page, the rest clipped away: its parts' lines make its text, which every row of the chain takes
(text layers only: in a scan a 項目 ruling lost at a page's foot looks the same).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .common import MERGED_COLUMNS, ROW_OWN, PageRows, cell_text

if TYPE_CHECKING:
    from .lines import Line


@dataclass(slots=True)
class _Part:
    """The part of a merged cell on one page: its own lines there and the rows made from it."""

    lines: list[Line]
    rows: list = field(default_factory=list)  # rows._Row of the table


# The 項目 column: Calc merges it over rows too (issue 12), and prints a cell merged over a page
# break centred across it on both pages, each part clipped to its page: the lines printed on
# the two pages are the cell's text in order (the others clipped away).
ITEM = 1
CHAINED_COLUMNS = (*MERGED_COLUMNS, ITEM)


def foot_open(pr: PageRows, c: int) -> bool:
    """True when column ``c``'s last cell runs on past the page's foot: a ruling at the table's
    foot closes the row's own columns (項目, before, after) other than ``c``, but not ``c``."""
    return pr.ruled and c not in pr.foot_closed and all(o in pr.foot_closed for o in ROW_OWN if o != c)


@dataclass(slots=True)
class PageChains:
    """The merged cells of MERGED_COLUMNS open over page breaks, followed page by page
    (``page``), each resolved when its chain closes (``finish`` at the document's end)."""

    open: dict[int, list[_Part]] = field(default_factory=dict)
    filled: int = 0

    def page(self, pr: PageRows, top: int | None, made: dict[int, list]) -> None:
        """Take one page's rows: ``top`` its first body row, ``made`` the table rows made from
        each page row (none for a row joined to the one before)."""
        if not pr.ruled or top is None or not pr.spans:
            for c in list(self.open):
                self._close(c)
            return
        for c in CHAINED_COLUMNS:
            first = pr.spans[top].get(c)
            chain = self.open.pop(c, None)
            if chain is not None and first is not None:
                chain.append(self._part(pr, c, first, made))
                if first[1] == len(pr.rows) and foot_open(pr, c):
                    self.open[c] = chain  # the whole page is one part: the cell runs on
                    continue
                self._resolve(c, chain)
            elif chain is not None:
                self._resolve(c, chain)
            last = pr.spans[-1].get(c)
            if last is not None and foot_open(pr, c):
                self.open[c] = [self._part(pr, c, last, made)]

    def finish(self) -> None:
        """Resolve the chains still open after the last page."""
        for c in list(self.open):
            self._close(c)

    def _close(self, c: int) -> None:
        self._resolve(c, self.open.pop(c))

    @staticmethod
    def _part(pr: PageRows, c: int, span: tuple[int, int], made: dict[int, list]) -> _Part:
        a, b = span
        return _Part(list(pr.rows[a].get(c) or []), [row for r in range(a, b) for row in made.get(r, [])])

    def _resolve(self, c: int, chain: list[_Part]) -> None:
        """Every row of a chain of two or more parts takes the text of its one part that prints
        any (see the module's notes)."""
        if len(chain) < 2:
            return
        printed = [p for p in chain if cell_text(p.lines)]
        if c == ITEM and any(w.source != "pdf" for p in printed for ln in p.lines for w in ln.words[:1]):
            return  # a scan: a 項目 ruling lost at a page's foot looks the same (text layers only)
        if len(printed) > 1 and len({cell_text(p.lines) for p in printed}) == 1:
            # Each part prints the whole text (a short cell centred on the break): one of them.
            printed = printed[:1]
        if len(printed) > 1 and c == ITEM:
            # A 項目 cell centred over the break: its parts' printed lines make its text, and
            # the text each part clipped away is printed by the others (no clipped_text then).
            lines = item_lines([p.lines for p in printed])
            whole = "".join(cell_text(lines).split())
            for ln in lines:
                if ln.clipped and "".join(ln.clipped.split()) in whole:
                    ln.clipped = ""
        elif len(printed) == 1:
            lines = printed[0].lines
        else:
            return
        joined = len(printed) > 1
        for part in chain:
            if not joined and cell_text(part.lines):
                continue  # the part that prints the text (or, all alike, each that does)
            for row in part.rows:
                if list(map(id, row.cells.get(c) or [])) != list(map(id, lines)):
                    row.cells[c] = list(lines)
                    if "merged_cell_filled" not in row.flags:
                        row.flags.append("merged_cell_filled")
                    self.filled += 1


def _squashed(lines: list[Line]) -> str:
    return "".join(cell_text(lines).split())


def item_lines(parts: list[list[Line]]) -> list[Line]:
    """The lines of a 項目 cell centred over page breaks from its parts' printed lines (``parts``,
    page by page): one part whose text holds every other's is the whole cell (Calc printed it
    all on that page, a piece of it on the next); else the parts in order, less the lines a
    part begins with that the part before ends with (a line the break cuts through is printed,
    half clipped, on both pages)."""
    whole = max(parts, key=lambda ls: len(_squashed(ls)))
    if all(_squashed(ls) in _squashed(whole) for ls in parts):
        return whole
    out: list[Line] = list(parts[0])
    for ls in parts[1:]:
        k = min(len(out), len(ls))
        while k and [ln.text.strip() for ln in out[-k:]] != [ln.text.strip() for ln in ls[:k]]:
            k -= 1
        out.extend(ls[k:])
    return out
