"""A repeated block's number read from the body cells' opening line (``item_instance``).

An item that stops at its section heading (``５．特定個人情報の提供・移転``) while the before and
after cells open with the block's name (``提供先３``, ``委託事項２``, ``リスク１：目的外の入手が行われ
るリスク``) names its block in the body, not in the 項目 cell (issue 14, kind 3 of branch silent47):
the key of the 項目 cell alone has no instance.  The body's opening line is the block's name when
every non-empty body cell opens with it (before and after alike: the block's name, printed again
in each cell, not an amended value), so the record's ``item_instance`` is taken from it.
"""

from __future__ import annotations

import unicodedata

import regex

from .item_key import INSTANCE_LABELS, ItemKey
from .items import INSTANCE_LINE

# A body cell's first line that names a block: label, number, and for a リスク its name after ：.
_OPENING = regex.compile(
    rf"^(?P<label>{'|'.join(sorted(INSTANCE_LABELS, key=len, reverse=True))})"
    r"(?P<num>[0-9０-９]+)(?:[：:].*)?$"
)


def _first_line(cell: str) -> str:
    """The cell's first non-blank line, whitespace out (read up to its end only: a long cell is
    not split whole)."""
    return "".join(cell.lstrip().partition("\n")[0].split())


def body_instance(cells: list[str | None]) -> str | None:
    """The block (``提供先3``) every non-empty cell of ``cells`` (the row's before and after) opens
    with, half-width digits; None when a cell opens otherwise or no cell holds text.  A リスク's
    name may wrap: the first line's label and number are what is compared."""
    blocks = set()
    for cell in cells:
        if not cell or cell.isspace():
            continue
        m = _OPENING.match(_first_line(cell))
        if m is None:
            return None
        blocks.add(m.group("label") + unicodedata.normalize("NFKC", m.group("num")))
    return blocks.pop() if len(blocks) == 1 else None


def opens_block(cells: list[str | None]) -> bool:
    """Whether a cell of ``cells`` (the row's before and after) opens with a repeated block's name
    (``システム７`` / ``①システムの名称 …``): the block printed whole in the body, whose headings
    are the body's own, never the item's (set XXII: one item ``Ⅰ基本情報 / ２．…使用するシステム``
    got four keys from the headings of its added or deleted システム block).  The name alone on its
    line (``items.INSTANCE_LINE``): a リスク's name is a heading of the forms (``リスク１：…``), and
    the key takes it from the body (``item_cells.complete_from_pieces``)."""
    return any(
        INSTANCE_LINE.match("".join(line.split())) for cell in cells for line in (cell or "").split("\n")
    )


def with_body_instance(key: ItemKey, cells: list[str | None]) -> ItemKey:
    """``key`` with the block its body cells open with as its instance, when it has none."""
    if key.instance:
        return key
    instance = body_instance(cells)
    if instance is None:
        return key
    return ItemKey(key.key, key.path, key.section, key.file, instance, key.unknown, key.dropped, key.fuzzy)
