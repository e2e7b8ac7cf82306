"""A place column (変更箇所 / 該当頁 / 頁・行) between 項目 and 変更前 in flattened text: its page and
line references (``3頁 5行``) set aside.

Some municipalities print, between the item and the text before the change, where in the
assessment the change stands (set XXII t02, Chromium: ``変更日 | 項目 | 変更箇所 | 変更前の記載 | …``,
cells ``3頁 5行``).  It is no field.  Left in the text, the six-column readers glue it into the item
(``Ⅱ特定個人情報ファイル3頁 5行の概要``, layout and pdfplumber text) or into the head of 変更前
(``3頁 12行 市町村からの…``, pypdf's layout), or take it for a cell and shift the row's cells
(PyMuPDF, pypdf joined with ""), unwarned.

``strip_place_column`` looks for a label row that names such a column right after 項目 and right
before 変更前 (a place or page label, maybe with a bracketed page word: ``変更箇所（頁）``, wrapped to the
next label line in layout text; or a short label of no known wording when every row prints a
reference: the column told by its cells, branch place64), the labels in that order, whatever space
or line ends lie between (one label row in layout text, a label a line in row-ordered text). A
spanning 変更箇所 over 変更前 | 変更後 (a two-level header) prints 変更前 on the next label line, after the
labels right of it, and in row-ordered text is told by its values: the column is taken for a place
column only when the text holds references set apart as such a column prints them (``REF``) in at
least ``MIN_REF_SHARE`` of the rows (counted by their 事前 / 事後) and at least ``MIN_REFS``. The
references and the label are taken out (blanked in layout text, so that the columns keep their
offsets) and a note says how many and which.

Where the place of a reference is not sure (one printed over two lines, ``4頁`` / ``19行``; fewer
references than rows; a page reference without its line glued to the text after it) the note says
so (``UNSURE_NOTE``) and every row of the text is warned ``column_guess`` (``warn_unsure_places``).
In layout text, pieces opening inside the blanked column are quoted in a note of their own
(``SPAN_NOTE``), and only a row whose 項目 took one of them is warned: the layout extractors
print the 変更前 cell's later lines there as often as not (set XXII t02, pdfplumber and pypdf
layout text: every such line of 19 rows read into 変更前, right, while the one piece the item
reader took, ``電話`` in ``…の開電話示…``, made the one wrong row).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow
from piatable.vocabulary import PAGE_COLUMN_LABELS, PAGE_QUALIFIER, PAGE_REF_PATTERN, PLACE_COLUMN_LABELS

from .chars import display_width

# The labels of a place column (none of the six): where in the assessment the change stands; a
# page column's wording between 項目 and 変更前 names one too (``評価書の頁``, ``P.``).
PLACE_LABELS = tuple(dict.fromkeys(PLACE_COLUMN_LABELS + PAGE_COLUMN_LABELS))
_LABEL_ALTERNATIVES = "|".join(regex.escape(x) for x in sorted(PLACE_LABELS, key=len, reverse=True))
# The label, then maybe a bracketed page word (``変更箇所（頁）``; in layout text wrapped to the
# next label line, ``変更箇所`` / ``（頁）``, with the labels right of it between), then 変更前.
_LABEL_RUN = regex.compile(
    r"(?<=項目\s{0,60})(?P<label>" + _LABEL_ALTERNATIVES + r")(?=\s{0,60}"
    r"(?:(?P<qualifier>" + PAGE_QUALIFIER + r")\s{0,60})?変更前)"
)
# Any short label between 項目 and 変更前 (``箇所``, ``場所``): a place column when every row
# (its 事前 / 事後) prints a reference (``strip_place_column``), whatever the label's words.
_ANY_LABEL_RUN = regex.compile(
    r"(?<=項目[ 　\t\xa0]{1,60})(?P<label>[^\s]{1,8})(?=\s{1,60}"
    r"(?:(?P<qualifier>" + PAGE_QUALIFIER + r")\s{0,60})?変更前)"
)
# Words of the six fields' labels: a label holding one is no extra column's.
_FIELD_WORD = regex.compile(r"変更|項目|提出|説明|記載|日")
# A page / line reference as such a column prints it: ``3頁 5行``, ``12頁``, ``3-4頁``, ``p.3``,
# ``P3``, ``12ページ`` (``vocabulary.PAGE_REF_PATTERN``); set apart
# from the text before it by a line start or a space.  ``glued``: the text after it follows
# with no space (pdfplumber's ``3頁 5行の概要``: the item's next line read on the same line).
REF = regex.compile(
    r"(?:(?<=^)|(?<=[ 　\t\xa0]))(?P<ref>" + PAGE_REF_PATTERN + r")(?P<after>[ 　\t\xa0]?)",
    regex.MULTILINE,
)
# A line reference alone at a line's start: the tail of a reference cut over two lines.
_LINE_TAIL = regex.compile(r"^(?P<ref>[0-9０-９]{1,3}[ 　]?行目?)(?=[ 　\t]|$)", regex.MULTILINE)
# A segment of a layout line: its first character after the line start or a gap of two spaces.
_SEGMENT_START = regex.compile(r"(?:(?<=^)|(?<=[ 　]{2}))[^ 　\t]")
_SEGMENT_END = regex.compile(r"[ 　]{2}|\t|\f")
# A piece opening with a page or line reference's part (``9行``, ``21ページ``, ``3頁``), or only
# a reference's wrapped tail (``目`` of ``4行目``, ``行``).
_REF_PART = regex.compile(r"^(?:[0-9０-９]{1,3}\s?(?:行|頁|ページ)|(?:行目?|目|頁)$)")
# Columns left of 変更前's label a cell of 変更前 may open at (layout text drawn a little askew).
SPAN_SLACK = 1
# Pieces of one character (``期`` of a wrapped label, a stray ``)`` ) are left out: an item holds
# such a character as often by its own text.
MIN_PIECE = 2
_TIMING = regex.compile(r"(?:(?<=^)|(?<=[ 　\t\xa0]))事[前後](?=[ 　\t\xa0\r]|$)", regex.MULTILINE)

# At least this many references, and this share of the rows (their 事前 / 事後), make a column.
MIN_REFS = 2
MIN_REF_SHARE = 0.5
# Under a label of no known wording, every row must print one (branch place64).
UNKNOWN_LABEL_REF_SHARE = 1.0
# The note's quoted references (the first few).
NOTE_TEXTS = 6

NOTE = (
    "a place column ({label}) between 項目 and 変更前 was read: {n} page/line references set aside,"
    " not a field ({texts})"
)
UNSURE_NOTE = "the place column's references could not all be told apart from the cells beside them"
SPAN_NOTE = "pieces of text open inside the place column's span: the 項目 of a row that took one is a guess: "
_QUOTED = regex.compile(r"「([^」]+)」")
WHY = "a page/line reference column (変更箇所) stood between 項目 and 変更前: its place here is a guess"


def strip_place_column(text: str, layout: bool) -> tuple[str, list[str]]:
    """``text`` without the place column's label and references, and the notes (none when the
    text names no place column or its values are not references: the text comes back as it was).
    ``layout``: the text's columns stand at their offsets (blanked, not cut out)."""
    labels = list(_LABEL_RUN.finditer(text))
    share = MIN_REF_SHARE
    if not labels:  # a label of no known wording: the column is told by its cells, all references
        labels = [m for m in _ANY_LABEL_RUN.finditer(text) if not _FIELD_WORD.search(m.group("label"))]
        share = UNKNOWN_LABEL_REF_SHARE
    if not labels:
        return text, []
    rows = len(_TIMING.findall(text))
    refs = [m for m in REF.finditer(text) if not _in_label_row(text, m.start())]
    if len(refs) < MIN_REFS or len(refs) < share * rows:
        return text, []
    cuts: list[tuple[int, int, str]] = []
    unsure = len(refs) < rows
    for m in refs:
        ref, start, end = m.group("ref"), m.start("ref"), m.end("ref")
        if not m.group("after") and text[end : end + 1] not in ("", "\n"):  # glued to the text after it
            unsure = unsure or "行" not in ref  # a page alone (3頁市町村…) may be the text's
            if not layout and start > 0 and text[start - 1] in " 　\t":
                start -= 1
        elif not layout:
            end = m.end("after")
            end += _own_line(text, start, end)
        cuts.append((start, end, ref))
        if "行" not in ref and (tail := _next_line_tail(text, m.end("ref"))):
            unsure = True
            cuts.append(tail)
    for m in labels:
        end = m.end("label")
        if not layout:
            end += _own_line(text, m.start("label"), end) or text[end : end + 1] in " 　\t"
        cuts.append((m.start("label"), end, m.group("label")))
        if m.group("qualifier"):
            end = m.end("qualifier")
            if not layout:
                end += _own_line(text, m.start("qualifier"), end)
            cuts.append((m.start("qualifier"), end, m.group("qualifier")))
    out, pos = [], 0
    for start, end, _ in sorted(cuts):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(" " * display_width(text[start:end]) if layout else "")
        pos = end
    out.append(text[pos:])
    table = text.rfind("\n", 0, labels[0].start()) + 1  # pieces of the table only (no cover prose)
    entered = _span_entered("".join(out)[table:], text, refs) if layout and not unsure else []
    # A piece left in the span that reads as a reference's part (``9行`` of ``21ページ 9行``):
    # references of a shape ``REF`` does not take whole, left in the cells.
    unsure = unsure or any(_REF_PART.match(p) for p in entered)
    entered = [] if unsure else entered
    label_texts = {m.group(g) for m in labels for g in ("label", "qualifier")}
    texts = [c[2] for c in sorted(cuts) if c[2] not in PLACE_LABELS and c[2] not in label_texts]
    quoted = ", ".join(texts[:NOTE_TEXTS]) + (" …" if len(texts) > NOTE_TEXTS else "")
    label = labels[0].group("label") + (labels[0].group("qualifier") or "")
    notes = [NOTE.format(label=label, n=len(texts), texts=quoted)]
    notes += [UNSURE_NOTE] if unsure else []
    notes += [SPAN_NOTE + "".join(f"「{p}」" for p in entered)] if entered else []
    return "".join(out), notes


def _span_entered(blanked: str, text: str, refs: list[regex.Match[str]]) -> list[str]:
    """The segments of the blanked layout text (each up to a gap of two spaces or its line's end,
    without spaces, once each, of two characters or more) that open inside the place column's
    span (from the leftmost reference to the rightmost cell printed right of a reference on its
    line): a cell drawn there may be the place column's, the item's or 変更前's (pdfplumber's
    layout text shifts lines by a few characters: ``電話`` of 変更前 opens left of its row's first
    line, and the item reader takes it).  The 項目 column stands left of the place column: an
    item holding such a piece took another column's text."""
    lo = hi = None
    for m in refs:
        start = text.rfind("\n", 0, m.start("ref")) + 1
        end = text.find("\n", m.end("ref"))
        x = display_width(text[start : m.start("ref")])
        lo = x if lo is None else min(lo, x)
        if nxt := _SEGMENT_START.search(text, m.end("ref"), end if end >= 0 else len(text)):
            right = display_width(text[start : nxt.start()])
            hi = right if hi is None else max(hi, right)
    if lo is None or hi is None:
        return []
    pieces: dict[str, None] = {}
    for line in blanked.split("\n"):
        for seg in _SEGMENT_START.finditer(line):
            if lo <= display_width(line[: seg.start()]) < hi - SPAN_SLACK:
                piece = _SEGMENT_END.split(line[seg.start() :], maxsplit=1)[0]
                pieces[regex.sub(r"\s", "", piece).replace("」", "")] = None
    return [p for p in pieces if len(p) >= MIN_PIECE or _REF_PART.match(p)]


def _own_line(text: str, start: int, end: int) -> int:
    """1 when ``text[start:end]`` is a whole line (row-ordered text: its line end goes too), else 0."""
    return int((start == 0 or text[start - 1] == "\n") and text[end : end + 1] == "\n")


def _in_label_row(text: str, pos: int) -> bool:
    """True when ``pos`` lies on a line holding 変更前 (a label row's: no reference there)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return "変更前" in text[start : end if end >= 0 else len(text)]


def _next_line_tail(text: str, pos: int) -> tuple[int, int, str] | None:
    """The line reference (``19行``) opening the line after ``pos``'s, when a page reference
    ends ``pos``'s line (a reference printed over two lines), or None."""
    end = text.find("\n", pos)
    if end < 0 or text[pos:end].strip(" 　\t"):
        return None
    m = _LINE_TAIL.match(text, end + 1)
    return (m.start("ref"), m.end("ref"), m.group("ref")) if m else None


# The note of a place column set aside, from flattened text (``NOTE``) or a ruled PDF page
# (``grid/place_words.NOTE``: "a ruled place column (…) between 項目 and 変更前 …").
_PLACED_NOTE = regex.compile(r"\bplace column \(.+?\) between 項目 and 変更前")


def prints_places(notes: list[str]) -> bool:
    """Whether ``notes`` (a document's or a reading's) say a place column (変更箇所 / 該当頁:
    where in the assessment each change stands) was set aside.  Such a table gives each row a
    place of its own, so two rows alike in date, item, before and after are the same change
    printed for two places, as the table prints it, not a row read twice (``flag_duplicates``;
    office-place61, heldout-place61: 435 right rows alike so, branch rightwarn62)."""
    return any(_PLACED_NOTE.search(n) for n in notes)


def warn_unsure_places(rows: list[RawRow], notes: list[str]) -> None:
    """Give every row of ``rows`` the ``column_guess`` doubt of a text whose place references
    were not all told apart (``UNSURE_NOTE`` among ``notes``), and a row whose 項目 cell holds a
    piece of text that opened inside the place column's span (``SPAN_NOTE``) the doubt on its
    item; nothing otherwise."""
    if UNSURE_NOTE in notes:
        for row in rows:
            row.doubts.append(Doubt("column_guess", None, WHY))
        return
    pieces = [p for n in notes if n.startswith(SPAN_NOTE) for p in _QUOTED.findall(n[len(SPAN_NOTE) :])]
    for row in rows if pieces else ():
        item = regex.sub(r"\s", "", "".join(cl.text for cl in row.cells.get("item", ())))
        if taken := [p for p in pieces if p in item]:
            row.doubts.append(Doubt("column_guess", "item", f"{WHY}: its 項目 took 「{taken[0]}」"))
