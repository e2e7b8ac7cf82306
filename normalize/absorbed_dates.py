"""A 変更日 cell holding a second date that opened no row: the row absorbed another (branch pagetop74).

A row whose 変更日 column prints a date opens a row in every reader.  When one does not (a
page-top row under a repeated header whose date a narrow column wrapped, ``2021年`` /
``12月20日`` / ``施行``, read as the rest of the row above across the page break), its lines land
in the row above, and that row keeps its own date or one copied from above
(``merged_cell_filled``): the row is gone with no word, the row above is wrong and sure of itself.

Here every row's 変更日 lines are read for the dates they print, a date wrapped over up to
``WRAP_LINES`` lines counted once (``2021年`` / ``12月20日`` / ``施行`` is one date).  A row whose
lines print two dates or more is put in doubt (``rows_merged`` on ``change_date``, the dates in
its evidence), unless the cell is a list of whole dates, one a line
(``line_dates.several_dates``: a cell listing the dates of two changes of its item, set XX t14)
or the later ones are a correction's or a publication's (``（令和6年5月1日修正）``,
``修正日：…``: bracketed or labelled, read as the cell's second date by design).  A row that took
its date from the row above (``merged_cell_filled``) holds a copy of that row's lines: one date,
unless lines of a row that opened none were put after it (a page-top row read as the rest of
the row above), which this check catches the same way.

Readers of every kind are checked (ruled rows too: the PDF grid reader's rows are ruled).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow, Record
from piatable.vocabulary import DATE_QUALIFIER_LABELS

from .dates import DATE_AT_START, QUALIFIED_DATE, parse_date
from .line_dates import several_dates

# The most lines one date is wrapped over in a narrow 変更日 column: year / month-day / qualifier
# label (``2021年`` / ``12月20日`` / ``施行``; ``令和3年`` / ``（2021年）`` / ``12月20日``,
# office-dates74's year_line_dual form).
WRAP_LINES = 3
# A line opening a correction's or publication's date under the change's: bracketed
# (``(令和6年5月1日修正)``, ``（公表日：…``) or labelled (``修正日：令和6年5月1日``).  It is not another
# row's date.  (A date followed by 施行 / 付 is: ``qualified_dates`` reads ``2021年12月20日施行``
# as a qualified date, which is how a page-top row's wrapped date hid under the row above's.)
_BRACKET_OPEN = regex.compile(r"^\s*[（(【［〔\[]")
_BRACKET_CLOSE = regex.compile(r"[）)】］〕\]]")
# Labels of another date than the change's (公表日, 施行日, 修正 …): before the date with a colon or
# a space (``施行日：令和3年11月28日``, ``施行日 令和4年1月30日``) or after it (``2019/3/23公表``,
# samples/pubdate65).  Not 施行 and 付 after the date: the change's own (``2021年12月20日 施行``,
# office-dates74), which is how a page-top row's date reads.
_OTHER_LABELS = "|".join(sorted((w for w in DATE_QUALIFIER_LABELS if w != "施行"), key=len, reverse=True))
_LABEL_OPEN = regex.compile(rf"^\s*(?:{_OTHER_LABELS}|施行)\s*[：:\s]")
_LABEL_AFTER = regex.compile(rf"^\s*(?:{_OTHER_LABELS})")
# The rest of a date whose day the column's edge cut (``2023.03.3`` / ``1``).
_DAY_REST = regex.compile(r"^\s*[0-9０-９]{1,2}(?![0-9０-９/／.．年月])")

WHY_OTHER = (
    "the row's date ({date}) is none of the dates its 変更日 cell prints outside brackets and "
    "labels ({own}): a correction's or publication's date taken for the change's?"
)
WHY_TWO = (
    "the 変更日 column of this row prints {n} dates ({dates}), not as a list of whole dates one a "
    "line: a row whose date opened no row (a page-top row under a repeated header?) may be read "
    "into this one"
)


def _without_bracketed(lines: list[str]) -> list[str]:
    """``lines`` with each qualified date that opens with a bracket or a label taken out, where
    it begins in the middle of a line too (``2019年5月1日（施`` / ``行日：2019年6月6日）``,
    samples/pubdate65), and the lines left empty dropped."""
    text = "\n".join(lines)
    cut = [m.span() for m in QUALIFIED_DATE.finditer(text) if not regex.match(r"\s*[0-9０-９]", m.group())]
    for a, b in reversed(cut):
        text = text[:a] + "\n" * text[a:b].count("\n") + text[b:]
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def printed_dates(lines: list[str]) -> list[tuple[int, str]]:
    """The dates ``lines`` (a 変更日 cell's lines, top to bottom) print: (first line index, ISO
    date) each, a date wrapped over up to ``WRAP_LINES`` lines counted once, at its first line;
    a correction's / publication's date (bracketed, or after a label and a colon) skipped."""
    lines = _without_bracketed(lines)
    out: list[tuple[int, str]] = []
    j = 0
    while j < len(lines):
        if _BRACKET_OPEN.match(lines[j]):
            # A bracketed date: skip to the line closing the bracket (the cell's end at most).
            while j < len(lines) and not _BRACKET_CLOSE.search(lines[j]):
                j += 1
            j += 1
            continue
        labelled = bool(_LABEL_OPEN.match(lines[j]))
        found: tuple[int, str] | None = None
        for w in range(1, min(WRAP_LINES, len(lines) - j) + 1):
            if found is not None and not _DAY_REST.match(lines[j + w - 1]):
                break  # the next line does not go on with the date's day
            joined = "".join(s.strip() for s in lines[j : j + w])
            if labelled:
                joined = _LABEL_OPEN.sub("", joined)
            m = DATE_AT_START.match(joined)
            iso = parse_date(m.group()) if m else None
            if iso and m is not None:
                labelled = labelled or bool(_LABEL_AFTER.match(joined[m.end() :]))
                found = (w, iso)  # a date, perhaps cut in its day: go on while a line is its rest
            elif found is not None:
                break
        step = 1
        if found is not None:
            step = found[0]
            if not labelled:
                out.append((j, found[1]))
        j += step
    return out


def absorbed_date_doubts(rows: list[RawRow], records: list[Record]) -> list[list[Doubt]]:
    """Per row (``records`` the rows read, in the same order), ``rows_merged`` on ``change_date``
    where its 変更日 lines print a date that opened no row (see the module's docstring), and
    ``column_guess`` on ``change_date`` where the row's date is none of the dates its cell prints
    outside brackets and labels while the cell prints one (a correction's date taken for the
    change's: ``2019年10月10日 施行`` / ``(修正日：令和元年10月30日)`` read 2019-10-30 at 0.963 with
    no flag, a Calc page of this branch's probes); ``[]`` for the others."""
    out: list[list[Doubt]] = [[] for _ in rows]
    for k, (row, record) in enumerate(zip(rows, records, strict=True)):
        lines = [cl.text.strip() for cl in row.cells.get("change_date") or [] if cl.text.strip()]
        if not lines:
            continue
        dates = printed_dates(lines)
        if not dates:
            continue
        own = {d for _, d in dates}
        if record.change_date and record.change_date not in own and "merged_cell_filled" not in row.flags:
            why = WHY_OTHER.format(date=record.change_date, own=", ".join(sorted(own)))
            out[k].append(Doubt("column_guess", "change_date", why))
        if len(dates) < 2 or len(several_dates(lines)) == len(dates):
            continue
        shown = ", ".join(d for _, d in dates)
        out[k].append(Doubt("rows_merged", "change_date", WHY_TWO.format(n=len(dates), dates=shown)))
    return out
