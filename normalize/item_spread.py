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
from .item_key import INSTANCE_LABELS, KEY_SEPARATOR, ItemKey, item_key


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
    path = key.path[:-1] if key.file and key.path[-1:] == (key.file,) else key.path
    if not path:
        return False
    if len(path) < len(key.path):
        # The file line ends the cell (``Ⅱ…概要`` / ``（１．住民基本台帳ファイル）``): the headings
        # go on under the heading before it.
        return is_open(ItemKey(KEY_SEPARATOR.join(path), path, key.section, None, key.instance, key.unknown))
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


def _whole(key: ItemKey) -> bool:
    """A key every component of which the lexicon knows (or that names the file or a block)."""
    return bool(key.path) and not key.unknown and not key.dropped


def read_together(previous_lines: list[str], lines: list[str], previous: ItemKey) -> ItemKey | None:
    """The key of two consecutive 項目 cells read as one cell (the lines of the row before, then
    this row's), or None: when the row before printed its section and stops at no heading that
    closes an item of the forms (``structure().closing``: it stops above an item, in a heading,
    or at a heading the lexicon prints nothing under, ``⑤物理的対策`` over ``具体的な対策の内容``),
    and the two read together give a key
    the lexicon knows whole and longer than the row before's (``システ`` / ``ム`` / ``システム３`` /
    ``①システムの名称``).  A row that prints a leaf of its own (``①事務の名称``) above a row
    printing only its next item (``②事務の内容``, a table printing its headings once) is not
    joined: the row before is no open heading."""
    if not previous.path or not _section_of(previous.path[0]):
        return None
    if previous.path[-1] in structure().closing:
        # An item's own last heading (``①事務の名称``): the row is whole.
        return None
    joined = item_key([*previous_lines, *lines])
    if not _whole(joined) or len(joined.path) <= len(previous.path):
        return None
    if joined.path[: len(previous.path) - 1] != previous.path[:-1]:
        return None
    last = previous.path[-1]
    above = previous.path[-2] if previous.file and last == previous.file and len(previous.path) > 1 else last
    if joined.path[len(previous.path) - 1] == last and not _goes_under(
        joined.path[len(previous.path)], above
    ):
        return None
    return joined


def _goes_under(component: str, heading: str) -> bool:
    """Whether the forms may print ``component`` just under ``heading``: a repeated block's
    number (``システム３``), a heading the structure places under it, or one it places nowhere
    (``具体的な対策の内容``, printed under many risks' measures)."""
    if component.rstrip("0123456789~-") in INSTANCE_LABELS:
        return True
    parents = structure().parents.get(component, frozenset())
    return not parents or heading in parents or _section_of(heading) in parents


def spread_item_keys(
    keys: list[ItemKey], lines: list[list[str]], changed: list[bool]
) -> tuple[list[ItemKey], set[int]]:
    """The keys of a table's rows with a merged 項目 cell's key given to every row it spans, and
    the indexes of the rows given a key their own cell does not print (``item_key_guess``).

    ``keys``: the rows' keys in order (``item_context.document_item_keys``, completed);
    ``lines``: each row's 項目 lines as read; ``changed``: whether its before or after cell holds
    text.  For each row whose cell prints no section, after a row that does (``k`` the row
    before):

    * the two cells read as one (``read_together``) give a key the lexicon knows whole: both
      rows take it;
    * else a heading cut between them (``joined_heading``): both rows take the joined key;
    * else the row before stops above an item (``is_open``) and this row's key (continued from
      it by ``item_context``) extends it: the row before takes this row's key.

    Both rows are pieces of one cell: both are flagged.  Then a row whose 項目 cell is empty and
    whose before or after is not takes the key of the row above when that row's key is whole
    and the next row with an item does not open a merged cell spread below (its key open, or
    continued by the row after it): between the two the empty row could belong to either (a
    centred merged cell prints its lines from the middle of its rows: ``ik49-calc-zeimu``).  A
    row empty in all three is no row of a merged cell but a reader's stray (set IX c3
    pypdfium2: 17 such rows under the last item); it keeps its empty key.  A row printing the
    row above's 項目 lines again (a merged cell the reader handed down) is flagged too when that
    row's key is a guess (a piece of a spread cell) or a cell spread below follows (either's:
    its key is left empty).
    """
    out = list(keys)
    guessed: set[int] = set()
    n = len(out)
    alone = [item_key(ln) for ln in lines]
    printed = [bool(a.path) and bool(_section_of(a.path[0])) for a in alone]
    empty = [not "".join(ln).strip() for ln in lines]
    opened: set[int] = set()  # rows whose cell opens a merged cell continued below
    for k in range(n - 1):
        if empty[k] or empty[k + 1] or printed[k + 1]:
            continue
        if alone[k + 1].path and out[k].path and alone[k + 1].path[0] == out[k].path[-1]:
            # The row prints again the heading the row before stops at (``６．特定個人情報の保管・
            # 消去`` / ``②保管期間`` under ``…／７．特定個人情報の保管・消去``): a row of its own, as
            # a table printing each row's headings from that level does; a merged cell's lines
            # are printed once.
            continue
        together = read_together(lines[k], lines[k + 1], alone[k]) if printed[k] else None
        joined = None if together else joined_heading(out[k], out[k + 1])
        nxt = out[k + 1].path
        if together is not None or joined is not None:
            out[k] = out[k + 1] = together or joined  # type: ignore[assignment]
        elif is_open(out[k]) and len(nxt) > len(out[k].path) and nxt[: len(out[k].path)] == out[k].path:
            out[k] = out[k + 1]
        else:
            continue
        guessed.update((k, k + 1))
        opened.add(k)
    for k in range(1, n):
        below = next((j for j in range(k + 1, n) if not empty[j] and lines[j] != lines[k]), None)
        spread_below = below is not None and (below in opened or is_open(alone[below]))
        copied = not empty[k] and lines[k] == lines[k - 1]
        if copied and (k - 1 in guessed or (below in opened and k - 1 not in opened)):
            # The row prints the row above's 項目 lines again, as a reader that handed a merged
            # cell to the rows it covers writes them (``merged_items``): a piece of a cell read
            # spread over rows (``ik49-writer-zeimu`` -layout), or a cell right above a merged
            # cell spread below, which the row could be part of as well (``ik49-calc-zeimu``):
            # then the row's key is left empty, not possibly another item's.
            if k - 1 not in guessed:
                out[k] = item_key([])
            guessed.add(k)
            continue
        if not (empty[k] and changed[k]) or not out[k - 1].path or not _section_of(out[k - 1].path[0]):
            continue
        if spread_below:
            continue
        out[k] = out[k - 1]
        guessed.add(k)
    return out, guessed
