"""Item keys of a table's rows in order: a 項目 cell read without its section and upper headings
continues the row before (``document_item_keys``); the one 特定個人情報ファイル a table names is the
file of its rows that do not print it (``table_files``)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import replace

from cydifflib import SequenceMatcher

from piatable.vocabulary import SECTION_NUMERALS

from .compact_items import read_compact
from .heading_lexicon import FORM_PREFIXES, form_sections, hierarchy, sections_over, structure
from .item_key import (
    INSTANCE_LABELS,
    KEY_SEPARATOR,
    MIN_SPLIT_PIECE_CHARS,
    ItemKey,
    form_item_key,
)

# The section each repeated block of the forms is printed in (``item_key.INSTANCE_LABELS``):
# システム１ in Ⅰ (使用するシステム), 委託事項 / 再委託事項 / 提供先 / 移転先 in Ⅱ (委託, 提供・移転),
# リスク in Ⅲ (リスク対策).
INSTANCE_SECTIONS = {
    "システム": "Ⅰ",
    "委託事項": "Ⅱ",
    "再委託事項": "Ⅱ",
    "提供先": "Ⅱ",
    "移転先": "Ⅱ",
    "リスク": "Ⅲ",
}


def _section_of(component: str) -> str | None:
    """The section numeral a key component opens with (``Ⅰ基本情報`` → Ⅰ), or None."""
    return component[:1] if component[:1] in SECTION_NUMERALS else None


def _context_prefix(key: ItemKey, previous: ItemKey) -> tuple[str, ...] | None:
    """The components of ``previous`` (the key of the row before) that ``key``'s path continues,
    or None.  For a 項目 cell read without the headings its row printed above its own (a row
    split across a page, an extractor that took the first lines with the row before): its first
    component is a heading the forms print just under a heading of ``previous`` (``事務の名称``
    under ``特定個人情報ファイルを取り扱う事務``), or the end of one of ``previous``'s headings
    (``ルを取り扱う事務``, at least ``MIN_SPLIT_PIECE_CHARS``).  A table lists items in form order,
    so the row before names the section and headings the row continues."""
    if not key.path or _section_of(key.path[0]) or not previous.path or not _section_of(previous.path[0]):
        return None
    if key.section and key.section != _section_of(previous.path[0]):
        # Its headings place the item in another section than the row before's (リスク２ … Ⅲ
        # after a Ⅱ row): it continues no heading of that row.
        return None
    first = key.path[0]
    parents = structure().parents.get(first, frozenset()) if first in hierarchy() else frozenset()
    for j in range(len(previous.path) - 1, -1, -1):
        p = previous.path[j]
        if p in parents or (j == 0 and _section_of(p) in parents):
            # The repeated block the row before was in (委託事項１) goes on.
            instance = (
                j + 1 < len(previous.path) and previous.path[j + 1].rstrip("0123456789") in INSTANCE_LABELS
            )
            return previous.path[: j + 1 + instance]
        if (
            first not in hierarchy()
            and len(first) >= MIN_SPLIT_PIECE_CHARS
            and p.endswith(first)
            and p != first
        ):
            return previous.path[:j]
    return None


def _opens_with_file(key: ItemKey, previous: ItemKey) -> bool:
    """Whether ``key``'s path opens with its file line and then a heading the forms print just
    under the section that ``previous`` (the row before) opens with."""
    if not key.file or len(key.path) < 2 or key.path[0] != key.file or not previous.path:
        return False
    section = _section_of(previous.path[0])
    return section is not None and section in structure().parents.get(key.path[1], frozenset())


def _document_sections(keys: list[ItemKey]) -> dict[str, set[str]]:
    """Section numeral → the section components (``Ⅰ関連情報``) the table's rows print."""
    out: dict[str, set[str]] = {}
    for key in keys:
        if key.path and _section_of(key.path[0]) and len(key.path[0]) > 1 and not read_compact(key.path[0]):
            out.setdefault(key.path[0][:1], set()).add(key.path[0])
    return out


def _placed_in_document(
    key: ItemKey, sections: dict[str, set[str]], form: str | None = None
) -> ItemKey | None:
    """The key of a cell read without its section, placed by the forms' structure and the table's
    own section headings, or None.  Its first component is a heading the forms print just under
    one section (``特定個人情報の入手・使用`` under Ⅱ; of several, the one its later headings place
    the item in: ``ItemKey.section``), or the end of exactly one heading whose
    sub-heading follows it (``り扱う事務`` / ``事務の概要``: 特定個人情報ファイルを取り扱う事務); the
    section component is the one the table prints for that numeral (``Ⅰ関連情報`` or ``Ⅰ基本情報``
    by form), when it prints exactly one; else the one the forms print the heading under, of the
    form the document's cover names (``form``: ``cover.FORMS``) or else the table's other
    sections name (``_form_heads``)."""
    if not key.path or _section_of(key.path[0]):
        return None
    first, rest = key.path[0], key.path[1:]
    parents = structure().parents
    if first not in hierarchy():
        if len(first) < MIN_SPLIT_PIECE_CHARS or not rest:
            return None
        ends = [h for h in parents if h != first and h.endswith(first) and h in parents.get(rest[0], ())]
        if len(ends) != 1:
            return None
        first = ends[0]
    numerals = {p for p in parents.get(first, ()) if p in SECTION_NUMERALS}
    # The section the headings after it place the item in (``ItemKey.section``: リスク２ … Ⅲ), or
    # its repeated block's (``INSTANCE_SECTIONS``: 提供先２ … Ⅱ).
    later = key.section or INSTANCE_SECTIONS.get((key.instance or "").rstrip("0123456789"))
    if numerals != set(parents.get(first, ())) and later not in numerals:
        # Printed under other headings too (対象人数 under 特定個人情報ファイルを取り扱う事務 as
        # well; 基本情報 heading section Ⅰ itself): placed only when its later headings say it
        # is the one just under a section (いつ時点の計数か, 対象となる本人の範囲 … Ⅱ).
        return None
    if len(numerals) > 1 and later in numerals:
        # A heading printed under several sections (特定個人情報の提供・移転: Ⅱ and Ⅲ) goes under
        # the one its later headings or its block place the item in.
        numerals = {later}
    if len(numerals) != 1:
        return None
    numeral = numerals.pop()
    heads = sections.get(numeral, set())
    where = "document"
    if len(heads) != 1:
        heads, where = _form_heads(first, numeral, sections, form)
    if len(heads) != 1:
        return None
    head = next(iter(heads))
    path = (head, first, *rest)
    return ItemKey(
        KEY_SEPARATOR.join(path),
        path,
        head[:1],
        key.file,
        key.instance,
        tuple(u for u in key.unknown if u in path),
        key.dropped,
        (*key.fuzzy, f"{key.path[0]}→{head}/{first} ({where})"),
    )


def _headed_numeral(key: ItemKey, sections: dict[str, set[str]], form: str | None) -> ItemKey:
    """``key`` whose section is printed as its numeral alone (``Ⅰ`` / ``５．評価実施機関における担当
    部署``) that ``item_key`` could not head (the forms head the numeral differently:
    ``heading_lexicon.form_sections``), headed as the table or the document's form heads it
    (``_placed_in_document`` of the path without the numeral), when that is the numeral printed;
    else ``key`` as it is."""
    rest = key.path[1:]
    bare = ItemKey(
        KEY_SEPARATOR.join(rest), rest, None, key.file, key.instance, key.unknown, key.dropped, key.fuzzy
    )
    placed = _placed_in_document(bare, sections, form)
    if placed is not None and placed.path[0][:1] == key.path[0]:
        return placed
    head, where = _numeral_head(key.path[0], sections, form)
    if head is None:
        return key
    return key.with_path((head, *rest), f"{key.path[0]}→{head} ({where})")


def _numeral_head(numeral: str, sections: dict[str, set[str]], form: str | None) -> tuple[str | None, str]:
    """The section component of a numeral printed alone whose headings after it the forms'
    structure does not place (a heading the lexicon lists under no form's section, or under
    several forms' differently headed ones): the one the table itself prints for that numeral
    in other rows, when it prints exactly one (a table is one form's); else the one heading
    the form names for it, the form the cover names (``form``) or the one the table's other
    sections name (``_table_forms``); else None.  With where it came from."""
    printed = sections.get(numeral, set())
    if len(printed) == 1:
        return next(iter(printed)), "document"
    forms = form_sections()
    others = _table_forms({n: c for n, c in sections.items() if n != numeral})
    named = [({FORM_PREFIXES[form]}, "cover")] if form in FORM_PREFIXES else []
    for chosen, where in (*named, (others, "forms")):
        heads = {numeral + h for f in chosen for h in forms.get(f, {}).get(numeral, ())}
        if len(heads) == 1 and not printed - heads:
            return heads.pop(), where
    return None, ""


def _squashed(item: str | list[str]) -> str:
    text = "".join(item) if isinstance(item, list) else item
    return "".join(unicodedata.normalize("NFKC", text).split())


def _printed_heads(items: list[str | list[str]], keys: list[ItemKey]) -> list[ItemKey]:
    """``keys`` (of ``items``, each keyed alone) whose section heading ``item_key`` put in for a
    numeral printed alone (``item_numerals.bare_section``: the heading every form of the lexicon
    that prints the next heading under the numeral gives it) is replaced by the one heading the
    table's own cells print for that numeral, when they print exactly one and it differs: a
    table is one form's (a 重点 table's ``Ⅲ`` / ``３．特定個人情報ファイルの取扱いの委託`` is
    Ⅲリスク対策, though the lexicon lists that heading under 全項目's Ⅲ only)."""
    texts = [_squashed(item) for item in items]
    # A cell printed as the form's numbers (``Ⅱ-3-⑧``: ``compact_items``) prints no section
    # heading, and its key's is the form's.
    codes = [read_compact("".join(item) if isinstance(item, list) else item) is not None for item in items]
    printed: dict[str, set[str]] = {}
    for text, key, code in zip(texts, keys, codes, strict=True):
        head = key.path[0] if key.path else ""
        if code or not (_section_of(head) and len(head) > 1):
            continue
        if unicodedata.normalize("NFKC", head[1:]) in text:
            printed.setdefault(head[:1], set()).add(head)
    out = []
    for text, key, code in zip(texts, keys, codes, strict=True):
        head = key.path[0] if key.path else ""
        own = printed.get(head[:1], set()) if _section_of(head) and len(head) > 1 and not code else set()
        if len(own) == 1 and head not in own and unicodedata.normalize("NFKC", head[1:]) not in text:
            table_head = next(iter(own))
            path = (table_head, *key.path[1:])
            key = replace(
                key,
                key=KEY_SEPARATOR.join(path),
                path=path,
                fuzzy=(*key.fuzzy, f"{head}→{table_head} (document)"),
            )
        out.append(key)
    return out


def _table_forms(sections: dict[str, set[str]]) -> set[str]:
    """The forms (``heading_lexicon.form_sections``' keys) whose sections are headed as every
    section component the table prints is (``Ⅰ関連情報``: 基礎 only); empty when the table prints
    none, or one no form heads so."""
    forms = form_sections()
    out = set(forms) if sections else set()
    for numeral, comps in sections.items():
        out &= {f for f in forms if all(c[1:] in forms[f].get(numeral, ()) for c in comps)}
    return out


def _form_heads(
    first: str, numeral: str, sections: dict[str, set[str]], form: str | None = None
) -> tuple[set[str], str]:
    """The section component a heading read without its section goes under when the table prints
    none (or several) for its numeral, and where the form came from (``cover`` or ``forms``): the
    forms' (``sections_over``: the section the lexicon's forms print ``first`` just under), of the
    form the document's cover names (``form``, a ``cover.FORMS`` name: the forms head a numeral
    differently, Ⅰ基本情報 in 全項目 and 重点, Ⅰ関連情報 in 基礎) when the table's other sections
    name no form or that one too, else of the forms the table's other sections say it is
    (``_table_forms``); among those the table prints, when it prints several.  The lexicon lists
    some forms' headings only (基礎's Ⅰ prints 評価実施機関における担当部署 too; 重点's Ⅰ and Ⅱ
    only the headings the seed prints): a cover's form under which the lexicon prints no such
    heading falls back to the table's, and a document naming no form in either places nothing."""
    printed = sections.get(numeral, set())
    table = _table_forms({n: c for n, c in sections.items() if n != numeral})
    tried = []
    if form in FORM_PREFIXES and (not table or FORM_PREFIXES[form] in table):
        # The cover's form, unless the sections the table prints are another form's (the table
        # prints its own headings; a cover read wrong, or a table of another assessment).
        tried.append(({FORM_PREFIXES[form]}, "cover"))
    tried.append((table, "forms"))
    heads: set[str] = set()
    for forms, where in tried:
        heads = {c for f, c in sections_over(first) if f in forms and c[:1] == numeral}
        heads = heads & printed if printed else heads
        if heads:
            return heads, where
    return heads, "forms"


def document_item_keys(items: list[str | list[str]], form: str | None = None) -> list[ItemKey]:
    """The keys of a table's 項目 cells in the order printed (``item_key`` of each), each cell
    read without its section and upper headings continued from the row before when the forms'
    structure says it goes there (``_context_prefix``); such a key lists the inferred headings in
    ``fuzzy`` (``…→context``): it came from the rows around it, not from the cell alone.  A cell
    without its section that no row before continues is placed under the section heading the
    table prints (``_placed_in_document``, ``…(document)`` in ``fuzzy``), or else by ``form`` (the
    assessment form the document's cover names, ``cover.FORMS``; ``…(cover)``) or the form its
    other sections name (``…(forms)``)."""
    out: list[ItemKey] = []
    previous: ItemKey | None = None
    # A bare compact code (``Ⅰ-5``) is read by the levels of the form the cover names.
    prefix = FORM_PREFIXES.get(form or "", "")
    alone = _printed_heads(items, [form_item_key(item, prefix) for item in items])
    sections = _document_sections(alone)
    for key in alone:
        prefix = _context_prefix(key, previous) if previous else None
        filed = prefix is None and previous is not None and _opens_with_file(key, previous)
        if filed:
            # A cell that opens with its file line (a row split below its section): the file and
            # what follows go under the row before's section.
            prefix = (previous.path[0],)  # type: ignore[union-attr]
        if prefix is not None:
            # A known first heading continues the prefix; the end of a heading read alone is
            # that heading of the row before.
            rest = key.path
            if key.path[0] not in hierarchy() and not filed:
                rest = (previous.path[len(prefix)], *key.path[1:])  # type: ignore[union-attr]
            path = (*prefix, *rest)
            section = _section_of(path[0])
            key = ItemKey(
                KEY_SEPARATOR.join(path),
                path,
                section,
                key.file
                or next((c for c in prefix if c.endswith("ファイル") and c not in hierarchy()), None),
                key.instance
                or next((c for c in reversed(prefix) if c.rstrip("0123456789") in INSTANCE_LABELS), None),
                tuple(u for u in key.unknown if u in path),
                key.dropped,
                (*key.fuzzy, f"{KEY_SEPARATOR.join(prefix)}→context"),
            )
        elif key.path and not _section_of(key.path[0]):
            key = _placed_in_document(key, sections, form) or key
        elif len(key.path) > 1 and len(key.path[0]) == 1:
            key = _headed_numeral(key, sections, form)
        if key.path and _section_of(key.path[0]):
            previous = key
        out.append(key)
    return out


# Two file names this alike (difflib ratio) are one file read two ways (OCR, a clipped line).
SAME_FILE_MIN_RATIO = 0.75


def _alike(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME_FILE_MIN_RATIO


def _file_groups(files: list[str]) -> list[list[str]]:
    """The distinct file names of a table grouped by likeness (``SAME_FILE_MIN_RATIO``), each
    group's most printed name first."""
    counts = Counter(files)
    groups: list[list[str]] = []
    for name, _ in counts.most_common():
        group = next((g for g in groups if _alike(name, g[0])), None)
        if group is None:
            groups.append([name])
        else:
            group.append(name)
    return groups


# The sections the forms print once per 特定個人情報ファイル (Ⅱ ファイルの概要, Ⅲ リスク対策).
FILE_SECTIONS = ("Ⅱ", "Ⅲ")


def table_files(keys: list[ItemKey]) -> list[ItemKey]:
    """The keys of a table's rows with the 特定個人情報ファイル they name made one table's way.

    A file line (``（１）住民基本台帳ファイル``) names the file of the rows under it; readers print
    it on some rows and not on others (a merged cell read once, a line lost by OCR).  So in a
    table whose rows name one file (names alike as ``SAME_FILE_MIN_RATIO`` counted as one), that
    file is the ``file`` of every row of the sections printed per file (``FILE_SECTIONS``) that
    lacks it.  In a table naming several, each name takes its group's most printed spelling (a
    misread name is its file); a row that prints none keeps ``file`` None (which file a merged
    cell's line covers is not told).  The file is never part of the record's key
    (``ItemKey.form_key``), so a row is keyed the same with its file line or without."""
    files = [k.file for k in keys if k.file]
    if not files:
        return keys
    groups = _file_groups(files)
    spelling = {name: g[0] for g in groups for name in g}
    out = []
    for key in keys:
        if not key.file:
            if (
                len(groups) == 1
                and key.section in FILE_SECTIONS
                and key.path
                and key.path[0].startswith(key.section)
            ):
                key = replace(key, file=groups[0][0])
            out.append(key)
            continue
        name = spelling[key.file]
        path = tuple(name if c == key.file else c for c in key.path)
        if path == key.path and name == key.file:
            out.append(key)
            continue
        out.append(replace(key, key=KEY_SEPARATOR.join(path), path=path, file=name))
    return out
