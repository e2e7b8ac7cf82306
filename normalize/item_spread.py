"""A merged 項目 cell read spread over the rows it spans: the whole cell's key for each of them.

A 項目 cell merged over two or more rows is printed once, its lines placed on the rows it spans
(LibreOffice centres or tops them).  A reader that cuts rows by the text's lines (``pdftotext
-layout`` / ``-raw``, pypdfium2) gives each row the lines beside it:

* the first row the section and upper headings, the next the rest (``Ⅰ基本情報`` /
  ``１．特定個人情報ファイルを取り扱う事務`` over ``②事務の内容``);
* a heading cut at the row boundary (``特定個人情報ファイルを取り扱`` over ``う事務において使用する
  システム`` / ``システム２`` / ``②システムの機能``);
* nothing at all to the rows below the lines.

``item_context.document_item_keys`` keys the row after from the row before (it prints no
section).  This module gives the rows before it and the empty rows below the whole cell's key
(``spread_item_keys``).  Those rows' cells do not print that key: the records flag them
``item_key_guess`` (a key inferred from the rows around, not read), while their 項目 text stays
as read (the reader's fault, warned on its own).

Where the rules come from: set IX (/work/newuser48) c3 (項目 merged over 2–3 rows) and w2
(項目 merged over two rows) in ``pdftotext -layout``: 5 rows whose key was a prefix of their
item's or empty.
"""

from __future__ import annotations

from functools import lru_cache

from piatable.vocabulary import SECTION_NUMERALS

from .heading_lexicon import canonical_text, hierarchy, structure, whole_sections
from .item_key import KEY_SEPARATOR, ItemKey


@lru_cache(maxsize=1)
def _headed() -> frozenset[str]:
    """Headings (and section numerals) the forms print other headings under."""
    return frozenset(p for ps in structure().parents.values() for p in ps)


def _section_of(component: str) -> str | None:
    return component[:1] if component[:1] in SECTION_NUMERALS else None


def is_open(key: ItemKey) -> bool:
    """Whether ``key`` stops at a heading the forms print items under: a section alone (not one
    that is a whole item of its form, ``whole_sections``) or a heading with sub-headings and no
    item of its own (``structure().closing`` aside).  A row's item is a leaf of the form; a key
    that stops above one is a cell read without its last lines."""
    if not key.path:
        return False
    last = key.path[-1]
    section = _section_of(last)
    if len(key.path) == 1 and section:
        return section in _headed() and canonical_text(last[1:]) not in whole_sections()
    return last in _headed() and last not in structure().closing


def joined_heading(previous: ItemKey, key: ItemKey) -> ItemKey | None:
    """``key`` read as the rest of ``previous``'s cell cut inside a heading, or None.

    ``previous`` ends with a component the lexicon does not know, ``key`` (a cell printing no
    section) opens with one, and the two joined are a heading the forms print under the
    component before the cut one (``特定個人情報ファイルを取り扱`` + ``う事務において使用するシステム``
    under Ⅰ).  The joined key lists ``cut→joined`` in ``fuzzy``."""
    if len(previous.path) < 2 or not key.path or _section_of(key.path[0]):
        return None
    head, tail = previous.path[-1], key.path[0]
    if head in hierarchy() or tail in hierarchy():
        return None
    joined = head + tail
    above = previous.path[-2]
    parents = structure().parents.get(joined, frozenset())
    if joined not in hierarchy() or not (above in parents or _section_of(above) in parents):
        return None
    path = (*previous.path[:-1], joined, *key.path[1:])
    return ItemKey(
        KEY_SEPARATOR.join(path),
        path,
        previous.section or key.section,
        key.file or previous.file,
        key.instance or previous.instance,
        tuple(u for u in (*previous.unknown, *key.unknown) if u in path),
        (*previous.dropped, *key.dropped),
        (*key.fuzzy, f"{head}|{tail}→{joined}"),
    )


def spread_item_keys(
    keys: list[ItemKey], printed_section: list[bool], empty: list[bool]
) -> tuple[list[ItemKey], set[int]]:
    """The keys of a table's rows with a merged 項目 cell's key given to every row it spans, and
    the indexes of the rows given a key their cell does not print (``item_key_guess``).

    ``keys``: the rows' keys in order (``item_context.document_item_keys``, completed);
    ``printed_section``: whether each row's own cell opens with a section (Ⅰ…Ⅵ); ``empty``:
    whether its 項目 cell is empty.  In order:

    * a row whose key ends inside a heading that the next row's cell (no section) finishes
      (``joined_heading``): both rows take the joined key;
    * a row whose key stops above an item (``is_open``) and is the start of the next row's key,
      that row printing no section (its key continues this one, ``item_context``): it takes the
      next row's key;
    * a row whose 項目 cell is empty, under a row keyed with a section: it takes that row's key.
    """
    out = list(keys)
    guessed: set[int] = set()
    n = len(out)
    for k in range(n):
        if k + 1 < n and not empty[k] and not printed_section[k + 1]:
            joined = joined_heading(out[k], out[k + 1])
            nxt = out[k + 1].path
            if joined is not None:
                out[k] = out[k + 1] = joined
                guessed.add(k)
            elif is_open(out[k]) and len(nxt) > len(out[k].path) and nxt[: len(out[k].path)] == out[k].path:
                out[k] = out[k + 1]
                guessed.add(k)
        if empty[k] and k > 0 and out[k - 1].path and _section_of(out[k - 1].path[0]):
            out[k] = out[k - 1]
            guessed.add(k)
    return out, guessed
