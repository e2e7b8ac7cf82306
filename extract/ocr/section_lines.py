"""An item cell's section line (``Ⅵ評価実施手続``) that OCR lost, put back from the item
column's grammar: the path of a 項目 opens with its section (Ⅰ…Ⅵ and the section's heading),
then the numbered heading under it (``２．国民・住民等からの意見の聴取``).

A tesseract read can miss a cell's first line whole (it sits close to the ruling above), and
the cell then opens with the numbered heading.  The line is put back only where the document
and the forms leave one answer:

- the forms put the numbered heading (its first line, or its first two lines when it wraps)
  under exactly one section (``heading_lexicon.hierarchy``);
- the document prints that section's line in other rows (its spelling is taken from them, the
  most printed) and at least ``MIN_SECTION_ROWS`` item cells open with a section line;
- the rows before did not leave the table in that section, or the document prints a section
  line in a row right after a row of the same section (a table that prints its section once per
  run of rows, as Calc tables cut by a page break do, leaves the line out on purpose).

The row is flagged ``ocr_corrected`` with what was put back.
"""

from __future__ import annotations

import itertools
from collections import Counter

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.normalize.heading_lexicon import canonical_text, hierarchy
from piatable.normalize.item_noise import section_heads

from .item_lines import strip_numbering

# Item cells that must open with a section line before the document counts as printing them.
MIN_SECTION_ROWS = 3
_SECTION = regex.compile(r"^([ⅠⅡⅢⅣⅤⅥ])(.+)$")
_NUMBERED = regex.compile(r"^[0-9０-９]{1,2}[．.]")


def _section_of(line: str) -> tuple[str, str] | None:
    """(numeral, the line) when ``line`` is a section line of the forms (``Ⅰ基本情報``)."""
    m = _SECTION.match(line.strip())
    if not m:
        return None
    heads = section_heads().get(canonical_text(m.group(2)))
    return (m.group(1), line.strip()) if heads and m.group(1) in heads else None


def _only_section(lines: list[str]) -> str | None:
    """The one section the forms put the numbered heading opening ``lines`` under, or None."""
    if not lines or not _NUMBERED.match(lines[0].strip()):
        return None
    for k in (1, 2):
        if len(lines) < k:
            break
        key = canonical_text(strip_numbering("".join(ln.strip() for ln in lines[:k])))
        sections = hierarchy().get(key)
        if sections:
            return next(iter(sections)) if len(sections) == 1 else None
    return None


def restore_section_lines(rows: list[RawRow]) -> int:
    """Put back the section line OCR lost at the head of an item cell (see the module notes), in
    place; the number of cells changed."""
    printed: dict[str, Counter[str]] = {}
    firsts: list[tuple[str, str] | None] = []
    for row in rows:
        item = row.cells.get("item") or []
        sec = _section_of(item[0].text) if item else None
        firsts.append(sec)
        if sec:
            printed.setdefault(sec[0], Counter())[sec[1]] += 1
    if sum(sum(c.values()) for c in printed.values()) < MIN_SECTION_ROWS:
        return 0
    # Every row prints its section: some row prints the same section line as the row before.
    every_row = any(a and b and a[0] == b[0] for a, b in itertools.pairwise(firsts))
    changed = 0
    current: str | None = None
    for row, sec in zip(rows, firsts, strict=True):
        item = row.cells.get("item") or []
        if sec:
            current = sec[0]
            continue
        numeral = _only_section([cl.text for cl in item])
        if numeral is None or numeral not in printed:
            continue
        if numeral == current and not every_row:
            continue
        line = printed[numeral].most_common(1)[0][0]
        first = item[0]
        item.insert(0, CellLine(line, page=first.page, wraps=False, corrected=True))
        row.add_flag("ocr_corrected")
        why = f"section line {line!r} not read, put back before {first.text.strip()!r} (item grammar)"
        row.doubts.append(Doubt("ocr_corrected", "item", why, 0.0))
        current = numeral
        changed += 1
    return changed
