"""No text lost: every character of the table region must land in exactly one field."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from piatable.models import CellLine, RawRow, Record
from piatable.vocabulary import (
    ATTACHMENT_LABEL,
    ATTACHMENT_LABEL_PATTERN,
    SECTION_NUMERALS,
    TIMING,
    TITLE,
    is_header_line,
    is_label_piece,
    is_table_start,
)

from .boxes import DATE_PIECE, NARROW_PIECES_MAX
from .dates import DATE_IN_SENTENCE_NEXT, DATE_TAIL, is_date_line

# A section of the form (Ⅰ…Ⅵ) opening a line or a piece after a space, with its words (Writer
# may print a space after the numeral: Ⅰ 関連情報).
SECTION_OPENING = regex.compile(rf"(?:^|(?<=\s))[{''.join(sorted(SECTION_NUMERALS))}][\s　]?[^\s　]{{2,}}")

# An attachment's label opening a line or a piece after a space (（別添３）ファイル記録項目,
# 別紙２ 事務の流れ): an item of its own, like a section.  A label that runs on into a sentence
# (別紙２のとおり, 別添１に示す) is a reference inside a cell, not an item.
ATTACHMENT_OPENING = regex.compile(rf"(?:^|(?<=\s))(?:{ATTACHMENT_LABEL_PATTERN})(?![\p{{Hiragana}}、。])")

# Weight of the share of date lines a reading leaves without a row, against its plausibility
# (``unrowed_share``, stream's choice between the row-order and column-order readings).
UNROWED_DATE_WEIGHT = 1.0

# A field's label naming a day (公表日, ①実施日, 評価実施日): the date after it is a cover page's.
COVER_DATE_LABEL = regex.compile(r"\p{Han}日\s*$")

# Lines after a title within which its column labels show it is the table's own title.
TITLE_LABELS_WITHIN = 3

FIELDS_WITH_TEXT = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def char_counts(texts: Iterable[str]) -> Counter[str]:
    """Characters of the texts, whitespace ignored (wraps and paragraph breaks are not text)."""
    # str.split() parts at exactly the characters isspace() tells; one Counter pass over all.
    return Counter("".join(piece for t in texts for piece in t.split()))


def record_chars(records: Iterable[Record]) -> Counter[str]:
    # The 提出時期 cell as printed: a qualifier beside 事前 is in timing_raw only (timing_cells).
    return char_counts(
        str((f == "timing" and r.timing_raw) or getattr(r, f) or "")
        for r in records
        for f in FIELDS_WITH_TEXT
    )


def lost_and_invented(region: Iterable[str], records: Iterable[Record]) -> tuple[int, int]:
    """(characters of the region found in no field, characters in fields not in the region)."""
    have, got = char_counts(region), record_chars(records)
    return sum((have - got).values()), sum((got - have).values())


# Cells where a date line may stand as a value (a before text 平成28年8月25日) rather than as
# a row's 変更日.  In the explanation, or left over, it is a row that was lost.
DATE_VALUE_CELLS = ("item", "before", "after")


def date_lines_without_rows(region: Iterable[str], rows: Iterable[RawRow]) -> int:
    """How many date lines of the table region became neither a row's date nor a value in an
    item, before or after cell: each is a row lost (pasted into an explanation, or dropped)."""
    want = Counter(t.strip() for t in region if is_date_line(t))
    used: Counter[str] = Counter()
    for row in rows:
        for key in ("change_date", *DATE_VALUE_CELLS):
            used.update(cl.text.strip() for cl in row.cells.get(key, []) if is_date_line(cl.text))
    missing, spare = want - used, used - want
    # A date whose 日 the extractor printed lines below (令和4年4月1 … 日) was made whole by the
    # reader: the region's line is the head of the row's date.
    lost = 0
    for head, n in missing.items():
        for _ in range(n):
            whole = next((u for u in spare if spare[u] > 0 and u.startswith(head)), None)
            if whole is None:
                lost += 1
            else:
                spare[whole] -= 1
    return lost


def date_markers(region: list[str]) -> int:
    """How many dates the table region prints: lines that are a date alone (with a 日 the
    extractor put on the next line), and runs of consecutive lines made of a date's characters
    only that read as a date together (``2020/`` / ``7/1``; ``２`` / ``０`` / … a character a
    line); a date the next line continues as a sentence (``時点``: ``DATE_IN_SENTENCE_NEXT``)
    is a cell's text and not counted.  Each row prints its own date unless the date is merged
    over rows: the region holding more dates than rows read means rows were lost."""
    count, k, n = 0, 0, len(region)
    while k < n:
        text = region[k].strip()
        end, joined = k, ""
        if is_date_line(text):
            tail = k + 1 < n and DATE_TAIL.match(region[k + 1]) and is_date_line(text + region[k + 1])
            end = k + 2 if tail else k + 1
        else:
            for j in range(k, min(n, k + NARROW_PIECES_MAX)):
                if not DATE_PIECE.match(region[j]):
                    break
                joined += region[j].strip()
                if j > k and is_date_line(joined):
                    end = j + 1
        if end > k:
            count += end >= n or not DATE_IN_SENTENCE_NEXT.match(region[end])
            k = end
        else:
            k += 1
    return count


def dates_beyond_rows(region: list[str], rows: list[RawRow], before: int = 0) -> int:
    """How many more dates the table prints (``date_markers`` of the region, plus ``before``:
    those printed between the table's head and the region read) than there are rows read and
    dates held as values of item, before or after cells: rows lost, or run into others, even
    when every date line was placed somewhere (a date printed in pieces is no date line)."""
    values = sum(
        is_date_line(cl.text) for row in rows for key in DATE_VALUE_CELLS for cl in row.cells.get(key, [])
    )
    return max(0, before + date_markers(region) - len(rows) - values)


# A 提出時期 printed as a word of its own (a line, or a piece between spaces: pypdfium2 prints a
# row's one-line cells on one line, ``事前 事務の名称の見直しによる修正``); 事前に / を事後 are words
# of a sentence.
TIMING_TOKEN = regex.compile(r"(?<!\S)事[前後](?!\S)")


def timings_beyond_rows(region: Iterable[str], rows: list[RawRow]) -> int:
    """How many more 提出時期 (``TIMING_TOKEN``) the table region prints than there are rows read
    and 提出時期 held as values of item, before or after cells: each row prints one at most (none
    where it is merged over rows), so more means rows lost or run together, when the rows have no
    date line (merged) and no section to count them by."""
    values = sum(
        bool(TIMING.match(p))
        for row in rows
        for key in DATE_VALUE_CELLS
        for cl in row.cells.get(key, [])
        for p in cl.text.split("\n")
    )
    printed = sum(len(TIMING_TOKEN.findall(t)) for t in region)
    return max(0, printed - len(rows) - values)


def dates_before_region(raw: list[str] | list[CellLine], start: int) -> int:
    """Dates (``date_markers``) printed between the table's head (``table_head_before``) and
    ``start``, the first line of the region read: rows the region does not hold.  With no head,
    the text's lines before ``start`` count, but for a date right after a field's label that
    names a day (公表日, ①実施日: ``COVER_DATE_LABEL``, a cover page's) and not a column label;
    and when ``start`` is the table's title or label row and ``raw`` are CellLines (which know
    their pages), only the lines above it on its own page count (an extractor prints a page's
    first rows before its title, as ``paths_before_region`` says; the pages before are a whole
    assessment's cover and body, whose dates are no rows: samples/office-whole42)."""
    texts = [t if isinstance(t, str) else t.text for t in raw]
    head = table_head_before(texts, start)
    if head is not None:
        return date_markers(texts[head + 1 : start])
    first = 0
    if start < len(raw) and isinstance(raw[start], CellLine) and is_table_start(texts[start]):
        page = raw[start].page  # type: ignore[union-attr]
        while first < start and raw[first].page != page:  # type: ignore[union-attr]
            first += 1

    def cover_date(k: int, t: str) -> bool:
        label = texts[k - 1] if k else ""
        named = bool(label and COVER_DATE_LABEL.search(label)) and not is_label_piece(label)
        return named and is_date_line(t)

    before = ["" if cover_date(k, t) else t for k, t in enumerate(texts[:start])]
    return date_markers(before[first:])


def unrowed_share(region: list[str], rows: list[RawRow]) -> float:
    """Share of the region's date lines that became no row's date (``date_lines_without_rows``),
    times ``UNROWED_DATE_WEIGHT``: each row prints its date, so a reading that leaves dates
    unrowed has lost rows or run them together (a row-ordered Writer text read column by column
    fills other rows' explanations in as merged cells)."""
    dates = sum(is_date_line(t) for t in region)
    return UNROWED_DATE_WEIGHT * date_lines_without_rows(region, rows) / dates if dates else 0.0


def unopened_share(region: list[str], rows: list[RawRow]) -> float:
    """Share of the region's item paths (Ⅰ…Ⅵ, an attachment's label) that open no row's item
    (``item_paths_without_rows``), times ``UNROWED_DATE_WEIGHT``: a reading that passes a row's
    date into another row's cells (a date judged a cell's value) leaves its item path unopened."""
    paths = item_paths_without_rows(region, [])
    return UNROWED_DATE_WEIGHT * item_paths_without_rows(region, rows) / paths if paths else 0.0


def rowless_share(region: list[str], rows: list[RawRow]) -> float:
    """``unrowed_share`` plus ``unopened_share``: how much of the region's row openings (dates,
    item paths) a reading leaves without a row (stream's choice between its readings)."""
    return unrowed_share(region, rows) + unopened_share(region, rows)


def item_paths_without_rows(region: Iterable[str], rows: Iterable[RawRow]) -> int:
    """How many pieces of the region's lines that open a section of the form (Ⅰ…Ⅵ) or name an
    attachment (``ATTACHMENT_OPENING``), at a line's start or after a space, do not open a row's
    item: each is a row read into another row's cell
    (pypdfium2 may print two rows' lines interleaved; boxes may be paired wrongly).  Checked on
    every flattened text: on the text samples it fires on every input that gives fewer rows
    than its table has and no other date or placement note covers."""
    want = 0
    for t in region:
        # Plain pdftotext joins the pieces of one baseline with a space (令和5年3月 Ⅱ… [○]紙).
        want += len(SECTION_OPENING.findall(t))
        if not TITLE.match(t.strip()):
            want += len(ATTACHMENT_OPENING.findall(t))
    opened = 0
    for r in rows:
        first = r.cells["item"][0].text.strip() if r.cells.get("item") else ""
        opened += bool(first) and (first[:1] in SECTION_NUMERALS or bool(ATTACHMENT_LABEL.match(first)))
    return max(0, want - opened)


def table_head_before(raw: list[str], start: int) -> int | None:
    """Index of the table's head above ``start``, the first line of the region read: the last
    title with its column labels right after it (a contents page has none), else, for a table
    with no title, its first column-label row (three labels or more) or first label line with
    another right after it (labels one per line).  None when no head precedes ``start``."""

    def labels_after(k: int) -> bool:
        return any(is_label_piece(t) for t in raw[k + 1 : k + 1 + TITLE_LABELS_WITHIN])

    titles = [k for k in range(start) if is_table_start(raw[k]) and labels_after(k)]
    if titles:
        return titles[-1]
    return next(
        (k for k in range(start) if is_header_line(raw[k]) or (is_label_piece(raw[k]) and labels_after(k))),
        None,
    )


def paths_before_region(raw: list[str] | list[CellLine], start: int) -> int:
    """Item paths (Ⅰ…Ⅵ openings) between the table's head (``table_head_before``) and the start
    of the region read as the table: each is a row skipped before the table was found.  With no
    head, those printed above ``start`` on its own page when that stretch also holds a date line
    (``raw`` as CellLines, which know their pages): pdfminer emits a page's boxes in its own
    order, some of a table's rows (date, item) before the page's title; else 0."""
    texts = [t if isinstance(t, str) else t.text for t in raw]
    head = table_head_before(texts, start)
    if head is None:
        lines = [cl for cl in raw[: start + 1] if isinstance(cl, CellLine)]
        page = lines[start].page if len(lines) > start else None
        above = [cl.text for cl in lines[:start] if page is not None and cl.page == page]
        if not any(is_date_line(t) for t in above):
            return 0
        return sum(len(SECTION_OPENING.findall(t)) for t in above)
    return sum(len(SECTION_OPENING.findall(t)) for t in texts[head + 1 : start])
