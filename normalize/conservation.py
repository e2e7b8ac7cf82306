"""No text lost: every character of the table region must land in exactly one field."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from piatable.models import Record

FIELDS_WITH_TEXT = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def char_counts(texts: Iterable[str]) -> Counter[str]:
    """Characters of the texts, whitespace ignored (wraps and paragraph breaks are not text)."""
    c: Counter[str] = Counter()
    for t in texts:
        c.update(ch for ch in t if not ch.isspace())
    return c


def record_chars(records: Iterable[Record]) -> Counter[str]:
    return char_counts(str(getattr(r, f) or "") for r in records for f in FIELDS_WITH_TEXT)


def lost_and_invented(region: Iterable[str], records: Iterable[Record]) -> tuple[int, int]:
    """(characters of the region found in no field, characters in fields not in the region)."""
    have, got = char_counts(region), record_chars(records)
    return sum((have - got).values()), sum((got - have).values())
