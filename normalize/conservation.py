"""No text lost: every character of the table region must land in exactly one field."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from piatable.models import RawRow, Record
from piatable.vocabulary import (
    ATTACHMENT_LABEL,
    ATTACHMENT_LABEL_PATTERN,
    SECTION_NUMERALS,
    TITLE,
    is_header_line,
    is_label_piece,
    is_table_start,
)

from .dates import is_date_line

# A section of the form (Ⅰ…Ⅵ) opening a line or a piece after a space, with its words (Writer
# may print a space after the numeral: Ⅰ 関連情報).
SECTION_OPENING = regex.compile(rf"(?:^|(?<=\s))[{''.join(sorted(SECTION_NUMERALS))}][\s　]?[^\s　]{{2,}}")

# An attachment's label opening a line or a piece after a space (（別添３）ファイル記録項目,
# 別紙２ 事務の流れ): an item of its own, like a section.  A label that runs on into a sentence
# (別紙２のとおり, 別添１に示す) is a reference inside a cell, not an item.
ATTACHMENT_OPENING = regex.compile(rf"(?:^|(?<=\s))(?:{ATTACHMENT_LABEL_PATTERN})(?![\p{{Hiragana}}、。])")

# Lines after a title within which its column labels show it is the table's own title.
TITLE_LABELS_WITHIN = 3

FIELDS_WITH_TEXT = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def char_counts(texts: Iterable[str]) -> Counter[str]:
    """Characters of the texts, whitespace ignored (wraps and paragraph breaks are not text)."""
    # str.split() parts at exactly the characters isspace() tells; one Counter pass over all.
    return Counter("".join(piece for t in texts for piece in t.split()))


def record_chars(records: Iterable[Record]) -> Counter[str]:
    return char_counts(str(getattr(r, f) or "") for r in records for f in FIELDS_WITH_TEXT)


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


def paths_before_region(raw: list[str], start: int) -> int:
    """Item paths (Ⅰ…Ⅵ openings) between the table's head (``table_head_before``) and the start
    of the region read as the table: each is a row skipped before the table was found.  0 when
    no head precedes."""
    head = table_head_before(raw, start)
    if head is None:
        return 0
    return sum(len(SECTION_OPENING.findall(t)) for t in raw[head + 1 : start])
