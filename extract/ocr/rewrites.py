"""Writing corrected text back over an OCR cell's lines, the one way every correction does it."""

from __future__ import annotations

from collections.abc import Iterable

from piatable.models import CellLine, RawRow


def rewrite_lines(row: RawRow, lines: Iterable[CellLine], texts: Iterable[str]) -> int:
    """Write ``texts`` over ``lines`` (one text per line, in order) where they differ; the number
    of lines changed.  A row with a line changed is flagged ``ocr_corrected``.  Raises
    ``ValueError`` when the two differ in length."""
    changed = 0
    for cl, text in zip(lines, texts, strict=True):
        if text != cl.text:
            cl.text = text
            changed += 1
    if changed:
        row.add_flag("ocr_corrected")
    return changed
