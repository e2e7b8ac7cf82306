"""Group rows inside the table, set aside in flattened text (branch fygroup69).

Some authors cut the amendment table into groups: a row merged across all six columns that names
the rows below it (``【令和５年度】``, ``【令和６年度の変更】``, ``＜第３回評価書の変更＞``,
``（令和４年度分）``, ``■ 令和5年度``).  A group row is not a record and its label is no cell's
text, but the flattened readers print it on a line of its own among the rows' lines, and the rows
read it into a neighbouring cell (the previous row's 説明, the next row's 項目) unwarned (session
68's unseen set).

A line is a group row's label when it is whole ``vocabulary.GROUP_LABEL_LINE`` (a period or a
filing's round in brackets or after a mark, with the form's words after it) and stands where a
group row stands, after the text's first label row: next to a row's edge (the nearest printed line
before it ends a row (事前 / 事後), is the label row, a date or another group label; or the nearest
line after it opens a row: a date, a heading of the form's sections, a column label), at a page's
edge, in ``-layout`` text at the line's start left of the label row's first label, or in the first
pass of a Calc page printed in two passes (``twophase``: after a label row and before the page's
first line opening a wrapped row, a date's head or a section heading; pass 1 prints only one-line
cells, so a line there is no wrapped cell's, and PyMuPDF prints each of its pieces on a line of its
own, branch calcorder70).  Such lines
are left out (blanked in ``-layout`` text) and a note quotes them, each with the date of the row
right below it where the next line opens with one.  A line of that form standing elsewhere (between
two lines of a cell's text) is left where it is and named in ``DOUBT_NOTE``; the row whose cell
holds it is flagged ``column_guess`` (``group_doubts``).  A line that parts two tables (above a
label row in ``-layout`` text) is ``table_parting``'s.
"""

from __future__ import annotations

import regex

from piatable.models import RawRow
from piatable.vocabulary import GROUP_LABEL_LINE, ITEM_OPENING

from .chars import display_width
from .dates import DATE
from .table_parting import doubt_quoted_lines, opens_labels

NOTE = (
    "{n} group rows printed across the table (a label naming the rows below it, no row's text) were"
    " left out of the rows: {texts}"
)
DOUBT_NOTE = "a line that reads as a group row's label stands inside a cell's text: 「{text}」"
_DOUBT = regex.compile(
    r"^a line that reads as a group row's label stands inside a cell's text: 「(?P<text>.*)」$"
)
WHY = (
    "the cell holds 「{text}」, which reads as a group row's label printed across the table (no cell's text?)"
)

# A line opening with a date's head (a date wrapped in its narrow column: ``令和2年7月1``).
_DATE_OPENING = regex.compile(r"^(?:令和|平成|昭和|[RH](?=[0-9０-９]))?\s*[0-9０-９元]{1,4}\s*[年/.\-．]")
_ROW_END = regex.compile(r"(?:^|\s)事\s?[前後]$")


def strip_group_rows(text: str, blank: bool = False) -> tuple[str, list[str]]:
    """``text`` without the group rows' labels (module docstring) and the notes (one quoting the
    labels left out, one ``DOUBT_NOTE`` per label kept).  ``blank``: ``-layout``-like text, lines
    blanked rather than removed."""
    parts = regex.split(r"([\n\f])", text)
    lines: list[str | None] = list(parts[0::2])
    seps = parts[1::2] + [""]
    if not any(GROUP_LABEL_LINE.match(ln) for ln in lines if ln):
        return text, []
    first_labels = next((k for k, ln in enumerate(lines) if ln and opens_labels(ln)), None)
    if first_labels is None:
        return text, []
    label_indent = _indent(lines[first_labels] or "")
    found: list[str] = []
    kept: list[str] = []
    pass_one = _in_pass_one(lines)
    for k in range(first_labels + 1, len(lines)):
        line = lines[k]
        if not line or not GROUP_LABEL_LINE.match(line):
            continue
        before, after = _neighbour(lines, seps, k, -1), _neighbour(lines, seps, k, 1)
        if after is not None and opens_labels(after) and not (before is not None and opens_labels(before)):
            continue  # above a label row: a paragraph parting two tables (table_parting's)
        if (k in pass_one and not blank) or _stands_between_rows(line, before, after, blank, label_indent):
            below = f"（{m.group(0)}の行の上）" if after and (m := DATE.match(after.strip())) else ""
            found.append(f"「{line.strip()}」{below}")
            lines[k] = " " * display_width(line) if blank else None
        else:
            kept.append(line.strip())
    notes = [NOTE.format(n=len(found), texts="、".join(found))] if found else []
    notes += [DOUBT_NOTE.format(text=t) for t in kept]
    if not found:
        return text, notes
    pairs = zip(lines, seps, strict=True)
    return "".join((ln + sep) if ln is not None else (sep if sep == "\f" else "") for ln, sep in pairs), notes


def _in_pass_one(lines: list[str | None]) -> set[int]:
    """Indices of the lines that stand in a Calc page's first pass: after a label row and before
    the next line opening a wrapped row (a date or a date's head, a section heading of the form)."""
    inside, found = False, set()
    for k, line in enumerate(lines):
        text = (line or "").strip()
        if not text:
            continue
        if opens_labels(text):
            inside = True
        elif DATE.match(text) or _DATE_OPENING.match(text) or ITEM_OPENING.match(text):
            inside = False
        elif inside:
            found.add(k)
    return found


def _indent(line: str) -> int:
    return display_width(line) - display_width(line.lstrip())


def _neighbour(lines: list[str | None], seps: list[str], k: int, step: int) -> str | None:
    """The nearest printed line before (``step`` -1) or after (1) line ``k`` on its page; None at
    the page's (or the text's) edge."""
    j = k
    while 0 <= j + step < len(lines):
        if seps[min(j, j + step)] == "\f":
            return None
        j += step
        if lines[j] is not None and lines[j].strip():  # type: ignore[union-attr]
            return lines[j]
    return None


def _stands_between_rows(
    line: str, before: str | None, after: str | None, layout: bool, label_indent: int
) -> bool:
    """Whether a group label ``line`` stands where a group row does: at a page's edge, after a
    row's end, the label row, a date or another label, or before a row's opening (module
    docstring); in ``-layout`` text also at the line's start, left of the label row's first label."""
    if before is None or after is None:
        return True
    if layout and _indent(line) <= label_indent:
        return True
    prev, nxt = before.strip(), after.strip()
    row_end = bool(_ROW_END.search(prev)) or opens_labels(before) or bool(GROUP_LABEL_LINE.match(prev))
    row_end = row_end or bool(DATE.match(prev) or _DATE_OPENING.match(prev))
    row_start = bool(DATE.match(nxt) or _DATE_OPENING.match(nxt) or ITEM_OPENING.match(nxt)) or opens_labels(
        after
    )
    return row_end or row_start


def group_doubts(rows: list[RawRow], notes: list[str]) -> None:
    """Flag ``column_guess`` on the first cell holding a group label left in place (``DOUBT_NOTE``):
    it may be no text of the table."""
    doubt_quoted_lines(rows, notes, _DOUBT, WHY)


def drop_group_label_rows(rows: list[RawRow]) -> list[str]:
    """Take out of ``rows`` (in place: a ruled page's or a scan's) each row whose whole text is one
    group label (``vocabulary.GROUP_LABEL_LINE``: the merged row's text read into one cell, or
    spread over several); the note quoting them (none when there is none)."""
    found = [k for k, row in enumerate(rows) if _label_row_text(row)]
    quoted = "、".join(f"「{_label_row_text(rows[k])}」" for k in found)
    for k in reversed(found):
        del rows[k]
    return [NOTE.format(n=len(found), texts=quoted)] if found else []


def _label_row_text(row: RawRow) -> str:
    """The row's text when it is one group label and nothing else, else ""."""
    text = " ".join(cl.text.strip() for lines in row.cells.values() for cl in lines if cl.text.strip())
    return text if text and GROUP_LABEL_LINE.match(text) else ""
