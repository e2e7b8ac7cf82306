"""No text lost: every character of the table region must land in exactly one field."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from piatable.models import RawRow, Record

from .dates import is_date_line

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
    return sum((want - used).values())
