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

A reader that takes a row's lines in column order, or cuts a wrapped item across rows, may leave
more of the item elsewhere: several of its last headings in the before or after cell, anywhere in
it (``2021/01/04 ３．第三者点検`` / ``①実施日``; ``６．情報提供ネットワークシステ`` in one cell and
``ムによる情報連携`` / ``② 法令上の根拠`` in the other), or at the head of the next row's 項目 cell,
before that row's own section (``法令上の根拠`` / ``Ⅰ関連情報`` / …).  ``complete_from_pieces``
tries the item with a run of the heading-like pieces found there (``heading_pieces``) and takes
the run that makes the item whole: every component a heading of the forms in the forms' order, the
last one an item's last heading (or an attachment's title), nothing left over.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from piatable.models import Doubt, Record
from piatable.vocabulary import ATTACHMENT_LABEL, HEADING_FILES

from .body_instances import opens_block, with_body_instance
from .body_subheads import opened_alike
from .heading_lexicon import FOREIGN_TO_HEADINGS, canonical_text, hierarchy, lexicon_lines, structure
from .item_anchor import attachment_titles, numbered_children
from .item_key import INSTANCE_LABELS, ItemKey, item_key
from .item_noise import is_leaf, section_heads
from .items import INSTANCE_LINE, heading_score

# The numbering a sub-item may be printed with at the start of the cell (①, ２．, （３）).
_LEADING_NUMBER = regex.compile(r"^\s*(?:[①-⑳]|[0-9０-９]{1,2}[．.]|[（(][0-9０-９]{1,2}[）)])\s*")
# Spaces inside a printed heading (pdfplumber's and tesseract's between characters).
_SPACE = regex.compile(r"[\s\u3000]")
# A run of heading-like pieces that completes an item is looked for among the first this many
# pieces of a text, and is at most this many pieces long (a heading may be wrapped into several).
COMPLETION_MAX_START = 8
COMPLETION_MAX_RUN = 10
# The numbering a piece of a heading's printing may open with: an ordinary heading's (②, ３．,
# (1)) or a repeated block's (委託事項１, リスク２：).
_PIECE_NUMBER = regex.compile(
    r"^(?:[①-⑳]|[0-9０-９]{1,2}[．.]|[（(][0-9０-９]{1,2}[）)]"
    r"|(?:提供先|移転先|再委託事項|委託事項|システム)[0-9０-９]{1,2}[：:]?|リスク[0-9０-９]{0,2}[：:])"
)
_SECTION_START = regex.compile(r"^[ⅠⅡⅢⅣⅤⅥ]")
# The opening and the end of a file line (（３．送付先情報ファイル）).
_FILE_OPEN = regex.compile(r"^[（(][0-9０-９]{1,2}[．.]")
_FILE_CLOSE = regex.compile(r"ファイル[）)]$")


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
    # The walk depends on the heading's length only: walked once for each length.
    walked: dict[int, tuple[str, int]] = {}
    for h in headings:
        # Walk the printed text until its canonical characters spell the heading.
        if (walk := walked.get(len(h))) is None:
            got, k = "", 0
            while k < len(raw) and len(got) < len(h):
                if not _SPACE.match(raw[k]):
                    got += unicodedata.normalize("NFKC", raw[k])
                k += 1
            walk = walked[len(h)] = (got, k)
        got, k = walk
        if got != h or canonical_text(raw[:k]) != h:
            continue
        rest = raw[k:]
        if not rest or _SPACE.match(rest[0]) or FOREIGN_TO_HEADINGS.match(rest):
            found.append(h)
    return found[0] if len(found) == 1 else None


# A cell's first paragraph this long or longer (numbering and spaces aside), numbered, that opens
# exactly one heading the forms print under the item's last heading is that heading cut short
# (``③ 委託先における取扱者`` of 委託先における取扱者数: its last characters wrapped elsewhere).
CLIPPED_HEADING_MIN_CHARS = 6


def _clipped_heading(paragraph: str, headings: frozenset[str]) -> str | None:
    """The one heading of ``headings`` that ``paragraph`` (numbered: ``_LEADING_NUMBER``) is the
    cut-short start of, at least ``CLIPPED_HEADING_MIN_CHARS`` characters; None otherwise."""
    if not _LEADING_NUMBER.match(paragraph):
        return None
    words = canonical_text(_LEADING_NUMBER.sub("", paragraph))
    if len(words) < CLIPPED_HEADING_MIN_CHARS or FOREIGN_TO_HEADINGS.search(words):
        return None
    found = [h for h in headings if h.startswith(words) and h != words]
    return found[0] if len(found) == 1 else None


# A cell that prints at least this many of the sub-items of the item's last heading, each a
# numbered paragraph of its own, lists a whole repeated block added or deleted (item ``…／移転先３``,
# cell ``①法令上の根拠`` / ``番号法第９条…`` / ``②移転先における用途`` / …; the forms print such
# rows): the cell's own text, not the item's last line read into it.  A row of one sub-item
# changed prints its heading in the item and values in the cell, and a reader that moves the
# heading into the cell moves one (branch honest55: every such PDF row of the tuning set
# samples/office-honest55 was warned, on no wrong row).
BLOCK_SUB_ITEMS_MIN = 2


def lists_sub_items(key: ItemKey, text: str | None) -> bool:
    """Whether ``text`` (a before or after cell) prints ``BLOCK_SUB_ITEMS_MIN`` or more distinct
    headings of the form, each a numbered paragraph, the first of them one the forms print under
    ``key``'s last heading (the others may be any whole heading, ``items.heading_score``: the
    lexicon files some blocks' items, 移転先's ③移転する情報, under another heading); see
    ``BLOCK_SUB_ITEMS_MIN``."""
    last = _last_heading(key) if len(key.path) >= 2 else None
    under = sub_items().get(last, frozenset()) - set(key.path) if last else frozenset()
    if not under or not text:
        return False
    found: set[str] = set()
    for p in text.split("\n"):
        if not _LEADING_NUMBER.match(p):
            continue
        heading = _opening_heading(p, under) or _clipped_heading(p, under)
        if not found and heading:
            found.add(heading)
        elif found and heading_score(p.strip()) >= 1.0:
            found.add(canonical_text(_LEADING_NUMBER.sub("", p)))
        if len(found) >= BLOCK_SUB_ITEMS_MIN:
            return True
    return False


def lists_block_items(item_lines: list[str], text: str | None) -> bool:
    """Whether an item printed as a repeated block's label alone (``移転先３``, ``システム５``)
    stands over a cell that lists ``BLOCK_SUB_ITEMS_MIN`` or more whole headings of the form, each a
    numbered paragraph: the block added or deleted whole, its label the item as the table prints
    it (no section above it, as a table that lists the block's rows under one path may print)."""
    if len(item_lines) != 1 or not INSTANCE_LINE.match(item_lines[0].strip()) or not text:
        return False
    found = {
        canonical_text(_LEADING_NUMBER.sub("", p))
        for p in text.split("\n")
        if _LEADING_NUMBER.match(p) and heading_score(p.strip()) >= 1.0
    }
    return len(found) >= BLOCK_SUB_ITEMS_MIN


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
    ``item_lines``: the 項目 cell's lines (its last may have wrapped into the cell).  A row whose
    body cell opens with a repeated block's name (``body_instances.opens_block``) keeps ``key``."""
    key = with_body_instance(key, cells)
    if opens_block(cells):
        return key  # a block printed in the body: its headings are not the item's
    found = heading_in_cells(key, cells, item_lines)
    if not found:
        return key
    _, first, heading = found
    return key.with_path((*key.path, heading), f"{first[:20]}→{heading}")


def heading_in_cells(
    key: ItemKey, cells: list[str | None], item_lines: list[str] | None = None
) -> tuple[int, str, str] | None:
    """(index of the cell, its first paragraph, the heading) for the first of ``cells`` (the row's
    before and after) that opens with a heading the forms print under ``key``'s last heading (see
    the module notes), whole or cut short (``_clipped_heading``: the lexicon knows one heading it
    opens); None when ``key`` does not stop on such a heading or no cell opens so."""
    last = _last_heading(key) if len(key.path) >= 2 else None
    if last is None:
        return None
    # A heading already in the path is not taken again (監査 / ②監査: the cell's 監査 is a word).
    under = sub_items().get(last, frozenset()) - set(key.path)
    if not under:
        return None
    for k, text in enumerate(cells):
        if lists_sub_items(key, text):
            continue  # a whole block's listing: its first heading is the cell's own
        first = _opening(text, item_lines or [], last)
        heading = (_opening_heading(first, under) or _clipped_heading(first, under)) if first else None
        if heading:
            return k, first, heading
    return None


def heading_cell_doubts(record: Record, row_ordered: bool = False) -> list[Doubt]:
    """``column_guess`` on the before or after cell that opens with the item's own last heading
    (``heading_in_cells``: a heading the forms print under the last heading of the 項目 cell's
    key, whole or cut short): the key is completed from it (``complete_from_cells``), but the
    cell's text holds a line of the 項目 cell (``③ 委託先における取扱者`` read into 変更前 by a
    reader that cut the shared printed line without positions) and may lack its own.  In
    row-ordered text (``row_ordered``: one stream of lines, not boxes) a heading that opens both
    the before and the after cell is theirs (``body_subheads.opened_alike``): no doubt."""
    lines = record.item_path
    if row_ordered and opened_alike(record.before, record.after):
        return []
    found = heading_in_cells(item_key(lines), [record.before or "", record.after or ""], lines)
    if not found:
        return []
    k, first, heading = found
    field = ("before", "after")[k]
    why = (
        f"the {field} cell opens with {first[:20]!r}, the item's heading {heading!r} (the forms print it"
        " under the item's last heading): a line of the 項目 cell read into it?"
    )
    return [Doubt("column_guess", field, why)]


@lru_cache(maxsize=1)
def _heading_text() -> str:
    """Every lexicon heading, attachment title and repeated block's label, joined by a character
    no piece holds: a piece is part of a heading when it is a substring of this."""
    return "\x00".join([*hierarchy(), *attachment_titles(), *INSTANCE_LABELS])


def heading_pieces(text: str | None) -> list[str]:
    """The pieces of ``text`` (its lines cut at spaces) that can be part of a heading's printing, in
    order: a numbering alone (②, ３．, 委託事項１), text whose canonical words (a numbering aside)
    stand inside some heading of the lexicon and hold nothing ``FOREIGN_TO_HEADINGS`` (``[``, ○),
    or the opening or end of a file line.  Stops before a piece that
    opens with a section numeral Ⅰ…Ⅵ or an attachment's label: another row's item."""
    out: list[str] = []
    for line in (text or "").split("\n"):
        for piece in line.split():
            if _SECTION_START.match(piece) or ATTACHMENT_LABEL.match(piece):
                return out
            if _FILE_OPEN.match(piece) or _FILE_CLOSE.search(piece):
                out.append(piece)  # a file line (（３．送付先情報ファイル）), whole or wrapped
                continue
            number = _PIECE_NUMBER.match(piece)
            words = canonical_text(piece[number.end() :] if number else piece)
            if (number and not words) or (
                words and not FOREIGN_TO_HEADINGS.search(words) and words in _heading_text()
            ):
                out.append(piece)
    return out


def _attachment_cut(key: ItemKey) -> bool:
    """Whether ``key`` is an attachment's label whose title is missing or cut (``別添1``,
    ``別添3ファイル記録項``)."""
    if len(key.path) != 1:
        return False
    m = ATTACHMENT_LABEL.match(key.path[0])
    return bool(m) and canonical_text(m.group("title")) not in attachment_titles()


def incomplete(key: ItemKey) -> bool:
    """Whether ``key`` stops short of an item: its last component is unknown, a repeated block's
    number, a section alone, or a heading the forms print items under (not ``_closes``); or it is
    an attachment's label without its whole title."""
    if not key.path:
        return False
    if ATTACHMENT_LABEL.match(key.path[0]):
        return _attachment_cut(key)
    last = key.path[-1]
    return last in key.unknown or not _closes(last)


def _whole(key: ItemKey) -> bool:
    """Whether ``key`` names a whole item: a known section's heading, then known headings (or a
    file or a repeated block's number), the last an item's last heading or an item the forms
    number under the heading before it; or an attachment's label and known title."""
    if not key.path or key.unknown:
        return False
    if ATTACHMENT_LABEL.match(key.path[0]):
        return not _attachment_cut(key)
    last = key.path[-1]
    return key.path[0][1:] in section_heads() and (
        _closes(last) or (len(key.path) > 2 and (key.path[-2], last) in _numbered_items())
    )


@lru_cache(maxsize=1)
def _numbered_items() -> frozenset[tuple[str, str]]:
    """(heading, item) for the items the forms number ①…⑳ under a heading (``numbered_children``:
    ``②監査`` under ``監査``): a row may amend such an item as a whole, though the lexicon prints
    more under it."""
    return frozenset((parent, h) for (parent, _), hs in numbered_children().items() for h in hs)


@lru_cache(maxsize=1)
def _printed_under() -> dict[str, frozenset[str]]:
    """Heading → the headings (or section numerals) the forms print it just under (``sub_items``
    turned round)."""
    out: dict[str, set[str]] = {}
    for parent, kids in sub_items().items():
        for kid in kids:
            out.setdefault(kid, set()).add(parent)
    return {k: frozenset(v) for k, v in out.items()}


def _is_instance(component: str) -> bool:
    """Whether a key component is a repeated block's number (委託事項1, 提供先2)."""
    return component.rstrip("0123456789") in INSTANCE_LABELS and component[-1:].isdigit()


def _closes(heading: str) -> bool:
    """Whether the forms print nothing under ``heading``: an item's last heading (``is_leaf``),
    under which no lexicon file places a heading either (``sub_items``)."""
    return is_leaf(heading) and not _is_instance(heading) and not sub_items().get(heading)


def _follows(path: tuple[str, ...], start: int) -> bool:
    """Whether each heading of ``path`` from ``start`` on is one the forms print under the heading
    before it (a file or a repeated block's number skipped), as far as the lexicon says: it is
    among what the heading before has under it (``sub_items``), and the heading before is among
    what it is printed under (``_printed_under``) or printed under one of those too (a sibling
    that the lexicon lists beside it: ``⑤物理的対策`` / ``具体的な対策の内容``).  A heading the
    lexicon places anywhere in the path's section only (``Ⅲ/*``) may follow any heading there."""
    prev = None
    for k, c in enumerate(path):
        if k == 0:
            prev = c[:1]
            continue
        if c not in hierarchy() or _is_instance(c):
            continue
        under = sub_items().get(prev or "")
        over = _printed_under().get(c, frozenset())
        sibling = bool(over & _printed_under().get(prev or "", frozenset()))
        anywhere = not over and path[0][:1] in hierarchy()[c]
        if (
            k >= start
            and not anywhere
            and ((under and c not in under) or (over and prev not in over and not sibling))
        ):
            return False
        prev = c
    return True


def complete_from_pieces(key: ItemKey, item_lines: list[str], texts: list[str | None], where: str) -> ItemKey:
    """``key`` made whole by the heading-like pieces of ``texts`` (``heading_pieces``) that follow
    the item (see the module notes), or ``key`` itself.

    Tried when ``key`` is ``incomplete``: the 項目 lines followed by a run of the texts' pieces in
    order (starting among a text's first ``COMPLETION_MAX_START``, at most ``COMPLETION_MAX_RUN``
    long, running on from one text into the next as a column-order reader prints them) are keyed;
    a key is taken when it is ``_whole``, keeps ``key``'s components (its last may be replaced
    when unknown or inferred), adds headings in the forms' order (``_follows``) and no unknown,
    dropped or inferred text of its own, and is longer than any other so found.  The key lists
    the pieces used in ``fuzzy`` (``pieces→where``)."""
    if not incomplete(key):
        return key
    old = key.path
    soft = old[-1] in key.unknown or any(f.endswith("→" + old[-1]) for f in key.fuzzy) or _attachment_cut(key)
    base = old[:-1] if soft else old
    pieces: list[str] = []
    origins: list[int] = []  # which of ``texts`` each piece comes from
    starts: list[int] = []
    for t, text in enumerate(texts):
        found = heading_pieces(text)
        starts.extend(range(len(pieces), len(pieces) + min(len(found), COMPLETION_MAX_START)))
        pieces.extend(found)
        origins.extend([t] * len(found))
    opened = [k for k, p in enumerate(pieces) if _FILE_OPEN.match(p)]
    if opened:
        # A file line the pieces print is part of the item: no run may start after it.
        starts = [s for s in starts if s <= opened[0]]
    best: ItemKey | None = None
    used: list[str] = []
    for s in starts:
        for n in range(1, min(COMPLETION_MAX_RUN, len(pieces) - s) + 1):
            run = pieces[s : s + n]
            new = item_key([*item_lines, *run])
            if (
                _whole(new)
                and new.path[: len(base)] == base
                and len(new.path) > len(base)
                and not _echoed(run, origins[s : s + n])
                and (soft or len(new.path) > len(old))
                and set(new.dropped) <= set(key.dropped)
                and set(new.fuzzy) <= set(key.fuzzy)
                and _follows(new.path, max(len(base), 1))
                and (best is None or len(new.path) > len(best.path))
            ):
                best, used = new, run
    if best is None:
        return key
    return ItemKey(
        best.key,
        best.path,
        best.section or key.section,
        best.file or key.file,
        best.instance or key.instance,
        best.unknown,
        key.dropped,
        (*key.fuzzy, f"{' '.join(used)[:30]}→{where}"),
    )


def _echoed(run: list[str], origins: list[int]) -> bool:
    """Whether ``run`` takes one piece from two of the texts (the before and after cells both open
    with リスク１：…): keyed, it would name the heading twice.  The forms' own repeats (１．監査 /
    ②監査) come from one text."""
    return any(
        run[i] == run[j] and origins[i] != origins[j] for i in range(len(run)) for j in range(i + 1, len(run))
    )


def leading_lines(item_lines: list[str]) -> list[str]:
    """The lines of a 項目 cell before its first line that opens with a section numeral Ⅰ…Ⅵ or
    an attachment's label (none when no line does): the end of the row before's item, cut from
    it and printed with this row's."""
    for k, line in enumerate(item_lines):
        if _SECTION_START.match(line.strip()) or ATTACHMENT_LABEL.match(line):
            return item_lines[:k]
    return []
