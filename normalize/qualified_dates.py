"""A 変更日 cell's second date, qualified by a label or set in brackets (branch pubdate65).

Some tables print a publication or enforcement date in the 変更日 cell beside the change date:
``令和5年4月1日`` / ``（公表日：令和5年3月15日）``, ``2023/4/1`` / ``公表 2023/3/15``, ``2023/3/15施行``
under the date, ``(2023/3/15)``, or the qualified date first.  The qualified date
(``dates.QUALIFIED_DATE``: a label of ``vocabulary.DATE_QUALIFIER_LABELS`` before or after it, or
brackets around it) is never the row's 変更日: the row's date is the cell's unqualified one.  It is
kept in ``change_date_raw`` on a line of its own, in the order printed, never dropped.

* ``split_qualified``: a cell's lines → its unqualified lines and its qualified pieces;
* ``join_qualified_lines``: flattened text, where the qualified piece stands on a line (or two,
  wrapped) of its own right under or over a date line, gets it glued to that date line, so the row
  opens once, at the date, as ``dates.DATE_LINE`` reads a date with a qualified one beside it.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import regex

from piatable.models import CellLine

from .dates import DATE, DATE_AT_START, QUALIFIED_DATE, is_date_line

# Lines a qualified date may be wrapped over in a narrow 変更日 column (``（公表日：令和5`` /
# ``年3月15日）``).
QUALIFIED_MAX_LINES = 3
# Lines a change date and its qualified date may be wrapped over together (``_wrapped_run``).
WRAPPED_MAX_LINES = 5
# The rest of a qualified date's day on the next line (``５日``), nothing after it on that line.
_DAY_REST = regex.compile(r"\n[0-9０-９]{1,2}\s*日[ \u3000]*(?=\n|$)")


def split_qualified(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """A 変更日 cell's ``lines`` (stripped, in order) as (its lines with every qualified date
    taken out, the qualified dates, each its lines joined with nothing, and the cell's segments
    in printed order: the unqualified text joined with nothing and each qualified date, for
    ``change_date_raw``).  A qualified date may run over line ends; a line left empty is
    dropped.  No qualified date: (``lines``, [], [``lines`` joined])."""
    text = "\n".join(lines)
    spans = [_with_day_rest(text, m.span()) for m in QUALIFIED_DATE.finditer(text)]
    if not spans:
        return lines, [], ["".join(lines)] if lines else []
    kept, pieces, segments, at = [], [], [], 0
    for a, b in [*spans, (len(text), len(text))]:
        rest = text[at:a]
        kept += [ln.strip() for ln in rest.split("\n") if ln.strip()]
        if rest.strip():
            segments.append("".join(ln.strip() for ln in rest.split("\n")))
        if a < b:
            piece = "".join(ln.strip() for ln in text[a:b].split("\n"))
            pieces.append(piece)
            segments.append(piece)
        at = b
    return kept, pieces, segments


def _with_day_rest(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` of a qualified date in ``text`` (lines joined by ``\\n``) taken on over the rest of
    its day when a narrow column wrapped the day's digits (``公表 平成３１年４月１`` / ``５日``)."""
    m = _DAY_REST.match(text, span[1])
    return (span[0], m.end()) if m and text[span[1] - 1].isdigit() else span


def _is_qualified(text: str) -> bool:
    return bool(QUALIFIED_DATE.fullmatch(text.strip()))


def _next_to(a: CellLine, b: CellLine) -> bool:
    """``b`` is the line right after ``a`` on its page."""
    return b.page == a.page and (a.line_no is None or b.line_no is None or b.line_no - a.line_no <= 1)


def _run_after(lines: list[CellLine], k: int) -> int:
    """How many lines from ``k`` on (1 … ``QUALIFIED_MAX_LINES``, each right after the one before)
    make a qualified date alone, joined with nothing; 0 when none do."""
    for n in range(1, QUALIFIED_MAX_LINES + 1):
        run = lines[k : k + n]
        if len(run) < n or any(not _next_to(x, y) for x, y in pairwise(run)):
            return 0
        if _is_qualified("".join(cl.text.strip() for cl in run)):
            return n
    return 0


def _wrapped_run(lines: list[CellLine], k: int) -> int:
    """How many lines from ``k`` on (2 … ``WRAPPED_MAX_LINES``, each right after the one before)
    make, joined with nothing, one date line with a qualified date beside it, the cell's date and
    its qualified one wrapped together in a narrow column (``2019 年 5 月 1`` / ``日（公表`` /
    ``2019 年 4 月`` / ``10 日）``, ``令和2年4月1日［実施日:令和2年2月`` / ``18日］``); 0 when none do."""
    joined = lines[k].text.strip()
    for n in range(2, WRAPPED_MAX_LINES + 1):
        if k + n > len(lines) or not _next_to(lines[k + n - 2], lines[k + n - 1]):
            return 0
        joined += lines[k + n - 1].text.strip()
        if QUALIFIED_DATE.search(joined) and is_date_line(joined):
            return n
    return 0


def join_qualified_lines(lines: list[CellLine]) -> list[CellLine]:
    """``lines`` (flattened text, in order) with each qualified date standing alone on its lines
    (``_run_after``) glued, after a space, to the whole date line right over it, or, when none is
    over it, before the line right under it that opens with a date (the qualified date printed
    first); a date line wrapped together with its qualified date (``_wrapped_run``) joined into
    one.  The joined line keeps the date line's number.  Other lines are kept as they are."""
    out: list[CellLine] = []
    k = 0
    while k < len(lines):
        cl = lines[k]
        n = _run_after(lines, k)
        if n:
            piece = "".join(x.text.strip() for x in lines[k : k + n])
            if out and is_date_line(out[-1].text) and _next_to(out[-1], cl):
                out[-1] = replace(out[-1], text=f"{out[-1].text.rstrip()} {piece}")
                k += n
                continue
            nxt = lines[k + n] if k + n < len(lines) else None
            if nxt is not None and _next_to(lines[k + n - 1], nxt) and DATE_AT_START.match(nxt.text):
                out.append(replace(nxt, text=f"{piece} {nxt.text.lstrip()}"))
                k += n + 1
                continue
        # (A whole date with a qualified one alone under it: glued as above, a space between.)
        wrapped = DATE.match(cl.text.lstrip()) and not (is_date_line(cl.text) and _run_after(lines, k + 1))
        n = _wrapped_run(lines, k) if wrapped else 0
        if n:
            out.append(replace(cl, text="".join(x.text.strip() for x in lines[k : k + n])))
            k += n
            continue
        out.append(cl)
        k += 1
    return out
