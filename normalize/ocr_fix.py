"""OCR character confusions corrected only with dictionary evidence (placeholder)."""

from __future__ import annotations

from piatable.models import RawRow


def fix_rows(rows: list[RawRow]) -> int:
    return 0
