"""A 変更日 broken at any point by a narrow date column, in row-ordered text (``pdftotext -raw``,
pypdfium2) of Calc and Writer tables: ``2019`` / ``/4/1``, ``2019/`` / ``05/01``, ``2022/04/0`` /
``1``, ``R5.`` / ``4.1``, ``令和5年`` / ``4月1日``, or the date's last piece printed on one line
with another cell's text (``2022/04/0`` / ``1 事後``, ``１ 別紙２ 事務の流れ``).

``compound.join_date_pieces`` joins runs of three pieces or more after an era or a bare year, and
``compound.split_compound_lines`` two lines whose first is already a date's head; a date broken
after a slash or inside its digits (``2019`` / ``/4/1``, ``2022/04/0`` / ``1``) was joined by
neither, so its row ran into its neighbours with no note.  ``join_split_dates`` joins such a run
when the pieces make a whole valid date and its first piece alone is no valid date.  A piece that
looks like a broken date and that nothing completes is left as it is and counted by
``broken_date_lines`` (the reader's note: rows may be missing there).
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow

from .dates import DATE_IN_SENTENCE_NEXT, DATE_SEPARATORS, ERA_OFFSETS, is_date_line, parse_date

# Characters a piece of a broken date may hold (digits, 年月日元 and the date separators).
_PIECE_CHARS = "0-9０-９年月日元" + "".join(regex.escape(c) for c in DATE_SEPARATORS)
# A later piece: at most this many characters (``/05/0``, ``１０月１``, ``4.1``).
SPLIT_PIECE_MAX_CHARS = 6
# At most this many lines make one date (Writer prints a very narrow column's date a few
# characters a line: ``2019`` / ``/04/0`` / ``1``).
SPLIT_PIECES_MAX_LINES = 6
_ERAS = "|".join(sorted(map(regex.escape, ERA_OFFSETS), key=len, reverse=True))
# The first piece: an era (name or letter) with its year's digits, or a year of this century or
# the last (not ``1234-5678``, ``６７００``), perhaps with more of the date after it, and nothing else.
_YEAR = "(?:19|20|１９|２０)[0-9０-９]{2}"
# A year printed in both calendars adds brackets and the other calendar's year (``2019年`` /
# ``（平成`` / ``31年）4`` / ``月1日``, ``平成３`` / ``１（２`` / ``０１９`` / ``）年４`` / ``月１日``: a
# 6-character Calc column, office-dates74, branch dates74); the joined run must still read as a date.
_DUAL_CHARS = rf"[\s{_PIECE_CHARS}（）()]|{_ERAS}"
_OPENING = regex.compile(rf"^(?:(?:{_ERAS})\s*(?:元|[0-9０-９])|{_YEAR})(?:{_DUAL_CHARS}){{0,8}}$")
_PIECE = regex.compile(rf"^(?:{_DUAL_CHARS}){{1,{SPLIT_PIECE_MAX_CHARS}}}$")


def _squash(text: str) -> str:
    return "".join(text.split())


def opens_broken_date(text: str) -> bool:
    """Whether ``text`` is the head of a date broken over lines: it opens like a date (an era
    with its year's digits, or four digits) and holds only a date's characters, but is no valid
    date by itself (``2019``, ``2019/``, ``2022/04/0``, ``R5.``, ``令和5年``)."""
    t = _squash(text)
    return bool(t) and bool(_OPENING.match(t)) and not (is_date_line(t) and parse_date(t))


def _whole(text: str) -> bool:
    return is_date_line(text) and parse_date(text) is not None


def _run(lines: list[CellLine], k: int) -> tuple[int, str, str] | None:
    """(lines used, the date, the text left on the last line) for the longest run of pieces from
    ``lines[k]`` that makes a whole date; None when none does."""
    joined = _squash(lines[k].text)
    best: tuple[int, str, str] | None = None
    for j in range(k + 1, min(len(lines), k + SPLIT_PIECES_MAX_LINES)):
        if lines[j].page != lines[k].page:
            return best
        text = lines[j].text.strip()
        if _PIECE.match(text):
            joined += _squash(text)
            if _whole(joined):
                best = (j - k + 1, joined, "")
            continue
        # The last piece printed on one line with another cell's text (``1 事後``): taken only
        # where the pieces before it are no date yet.
        head, _, rest = text.partition(" ")
        if (
            best is None
            and rest.strip()
            and not DATE_IN_SENTENCE_NEXT.match(rest)
            and _PIECE.match(head)
            and _whole(joined + _squash(head))
        ):
            return j - k + 1, joined + _squash(head), rest.strip()
        return best
    return best


def _tail_opening(text: str) -> tuple[str, str] | None:
    """(the text before, the date's head) when ``text`` ends with a broken date's head after a
    space (``記載内容の充実 2019年10``: pypdfium2 joins a baseline's pieces), else None."""
    head, sep, tail = text.rstrip().rpartition(" ")
    if not sep or not head.strip() or not opens_broken_date(tail):
        return None
    return head.rstrip(), tail


def join_split_dates(lines: list[CellLine]) -> tuple[list[CellLine], bool]:
    """``lines`` with each date broken over lines joined into its first line (marked ``wraps``:
    the date ran to its cell's edge), the text sharing the last piece's line (if any) a line of
    its own after it; and whether any was joined."""
    out: list[CellLine] = []
    joined_any = False
    k = 0
    while k < len(lines):
        cl = lines[k]
        run = _run(lines, k) if opens_broken_date(cl.text) else None
        before = _tail_opening(cl.text) if run is None and " " in cl.text.strip() else None
        if before is not None:
            # Only whole pieces after a shared line's tail: ``… 2019年10`` / ``月1日``.
            tail_line = CellLine(before[1], cl.page, cl.line_no)
            run = _run([tail_line, *lines[k + 1 : k + SPLIT_PIECES_MAX_LINES]], 0)
            if run is not None and run[2]:
                run = None
        if run is None:
            out.append(cl)
            k += 1
            continue
        used, date, rest = run
        if before is not None:
            out.append(CellLine(before[0], cl.page, cl.line_no, cl.wraps, cl.conf, unsure=cl.unsure))
        out.append(CellLine(date, cl.page, cl.line_no, True, cl.conf, unsure=cl.unsure))
        if rest:
            last = lines[k + used - 1]
            out.append(CellLine(rest, last.page, last.line_no, last.wraps, last.conf, unsure=last.unsure))
        joined_any = True
        k += used
    from .compound import closed_up

    return (closed_up(lines, out, joined=True), True) if joined_any else (lines, False)


def broken_date_lines(texts: list[str]) -> list[str]:
    """The lines of ``texts`` that open a date broken over lines and were joined to nothing: a
    row's 変更日 the reader could not make whole (its row may be missing or run into another)."""
    return [t.strip() for t in texts if opens_broken_date(t)]


# Cells where a broken date's head is a row's 変更日 gone astray; a before / after cell may hold
# a date value wrapped so (``令和元年6月1日から令和元年6月`` / ``30日まで``).
BROKEN_DATE_CELLS = ("change_date", "item", "timing", "explanation")
BROKEN_WHY = "a date broken over lines that could not be made whole stands in this row: "


def flag_broken_dates(rows: list[RawRow]) -> int:
    """Flag ``row_split_guess`` each row holding a line that opens a broken date which no piece
    completed (``opens_broken_date``): the row may hold a neighbour's text, or a row may be
    missing beside it.  Returns how many such lines the rows hold."""
    count = 0
    for row in rows:
        found = [
            cl.text
            for key in BROKEN_DATE_CELLS
            for cl in row.cells.get(key, [])
            if opens_broken_date(cl.text)
        ]
        if not found:
            continue
        count += len(found)
        if "row_split_guess" not in row.flags:
            row.flags.append("row_split_guess")
        row.doubts.append(Doubt("row_split_guess", "change_date", BROKEN_WHY + f"「{_squash(found[0])}」"))
    return count


def wrapped_lone_date(cl: CellLine) -> bool:
    """A whole date joined from the pieces a narrow cell wrapped it into (``wraps``), not marked
    a cell's value: Calc draws it with the wrapped cells (pass 2) even where no item follows it
    (a merged 変更日 centred over rows whose first item printed on one line in pass 1)."""
    return bool(cl.wraps) and not cl.cell_date and is_date_line(cl.text) and parse_date(cl.text) is not None
