"""An item's last heading read into the row's body cell: the key completed from the cell beside it.

A reader that cuts a row's lines into cells without positions (pypdfium2, ``pdftotext -raw``)
or by guessed columns puts the 項目 cell's last line into the 変更前 (or 変更後) cell when the two
share a printed line: the item reads ``Ⅱしきい値判断項目／１．対象人数`` and the before cell
``いつ時点の計数か 平成31年4月1日 時点``.  The key of the 項目 cell alone then ends on a heading
under which the forms print items (``sub_items``), one short of the item.  ``complete_from_cells``
adds the sub-item when the before or after cell opens with it as a word of its own: followed by
a space, by nothing, or by what no heading holds (a digit, a check box ``[``, ○), so that a
sentence opening with a heading's word (``監査を年１回…``) is not taken, nor a heading the path
already holds.  The record's cells
keep their text as read; the key says it was inferred (``ItemKey.fuzzy``: ``cell→heading``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from piatable.vocabulary import HEADING_FILES

from .heading_lexicon import FOREIGN_TO_HEADINGS, canonical_text, lexicon_lines, structure
from .item_key import INSTANCE_LABELS, KEY_SEPARATOR, ItemKey

# The numbering a sub-item may be printed with at the start of the cell (①, ２．, （３）).
_LEADING_NUMBER = regex.compile(r"^\s*(?:[①-⑳]|[0-9０-９]{1,2}[．.]|[（(][0-9０-９]{1,2}[）)])\s*")
# Spaces inside a printed heading (pdfplumber's and tesseract's between characters).
_SPACE = regex.compile(r"[\s\u3000]")


@lru_cache(maxsize=1)
def sub_items() -> dict[str, frozenset[str]]:
    """Heading → the headings the forms print just under it: the structure's (``parents``) and
    the other lexicon file's headings at a level of the main file (``基礎:Ⅱ/1  いつ時点の計数か``
    under ``基礎:Ⅱ/1  対象人数``) or just under one (``Ⅳ/1/①  具体的なチェック方法`` under
    ``自己点検``).  Levels with ``*`` (anywhere in a section) are left out."""
    lines = lexicon_lines()
    first_at = {level: parts[0] for name, level, parts in lines if parts and name == HEADING_FILES[0]}
    out: dict[str, set[str]] = {}
    for h, parents in structure().parents.items():
        for p in parents:
            out.setdefault(p, set()).add(h)
    for name, level, parts in lines:
        if name == HEADING_FILES[0] or not parts or "*" in level:
            continue
        for above in (level, level.rsplit("/", 1)[0] if "/" in level else None):
            parent = first_at.get(above) if above else None
            if parent and parent != parts[0]:
                for part in parts:
                    out.setdefault(parent, set()).add(part)
                break
    return {k: frozenset(v) for k, v in out.items()}


def _opening_heading(paragraph: str, headings: frozenset[str]) -> str | None:
    """The one heading of ``headings`` that ``paragraph`` opens with as a word of its own (see
    the module notes), its numbering and spaces aside; None when none or several do."""
    raw = _LEADING_NUMBER.sub("", paragraph.strip())
    found = []
    for h in headings:
        # Walk the printed text until its canonical characters spell the heading.
        got, k = "", 0
        while k < len(raw) and len(got) < len(h):
            if not _SPACE.match(raw[k]):
                got += unicodedata.normalize("NFKC", raw[k])
            k += 1
        if got != h or canonical_text(raw[:k]) != h:
            continue
        rest = raw[k:]
        if not rest or _SPACE.match(rest[0]) or FOREIGN_TO_HEADINGS.match(rest):
            found.append(h)
    return found[0] if len(found) == 1 else None


def _last_heading(key: ItemKey) -> str | None:
    """The heading the item's sub-items are printed under: the last component, or the one
    before a repeated block's number (``…の委託`` / ``委託事項1``); None for an unknown one."""
    last = key.path[-1]
    if last.rstrip("0123456789") in INSTANCE_LABELS and len(key.path) > 2:
        last = key.path[-2]
    return None if last in key.unknown else last


def _opening(text: str | None, item_lines: list[str], last: str) -> str:
    """The paragraph of a cell where a sub-item would stand: its first, or its second when the
    first is the end of the item's last heading wrapped into the cell (item ``６．特定個人情報の
    保管・``, cell ``消去`` / ``① 保管場所``)."""
    paras = [p for p in (text or "").split("\n") if p.strip()]
    if not paras:
        return ""
    tail = item_lines[-1] if item_lines else ""
    if len(paras) > 1 and canonical_text(_LEADING_NUMBER.sub("", tail) + paras[0]) == last:
        return paras[1]
    return paras[0]


def complete_from_cells(
    key: ItemKey, cells: list[str | None], item_lines: list[str] | None = None
) -> ItemKey:
    """``key`` with the sub-item of its last heading that the first of ``cells`` (the row's before
    and after text) that opens with one holds, or ``key`` itself (see the module notes).
    ``item_lines``: the 項目 cell's lines (its last may have wrapped into the cell)."""
    last = _last_heading(key) if len(key.path) >= 2 else None
    if last is None:
        return key
    # A heading already in the path is not taken again (監査 / ②監査: the cell's 監査 is a word).
    under = sub_items().get(last, frozenset()) - set(key.path)
    if not under:
        return key
    for text in cells:
        first = _opening(text, item_lines or [], last)
        heading = _opening_heading(first, under) if first else None
        if heading:
            path = (*key.path, heading)
            return ItemKey(
                KEY_SEPARATOR.join(path),
                path,
                key.section,
                key.file,
                key.instance,
                key.unknown,
                key.dropped,
                (*key.fuzzy, f"{first[:20]}→{heading}"),
            )
    return key
