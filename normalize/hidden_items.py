"""Items of the form opening inside another row's cells: rows read into their neighbours.

A row whose date is merged with the row above and whose item prints no section of the form
(Ⅰ…Ⅵ) has nothing a reader counts rows by: no date line, no section.  When a reader misses its
start, the row's text goes on in the row above (its item, before, after or explanation cell:
``７．評価実施機関における担当部署`` / ``①部署`` after the row's own item, or after its
explanation's last line), and the document said nothing (issue 10: "no row lost in silence").

What shows such a row is the form's own numbering: an item cell prints one path of headings, each
level once and deeper than the one above it (``Ⅰ関連情報`` / ``１．特定個人情報ファイルを取り扱う
事務`` / ``①事務の名称``).  A second heading at a level already printed (``１．`` after ``①``;
``②`` after ``①`` with no instance line such as ``委託事項２`` between) opens a second path: a
second row.  In a before, after or explanation cell, a paragraph that is a numbered heading of the
form, whole (``３．個人番号の利用``), is another row's item.

Only numbered headings the lexicon knows count (``items.heading_score`` of the numbered line,
joined with the wrapped lines after it, at least ``WHOLE_HEADING_SCORE``): lists inside cells
(``１．保護の申請の受付`` / ``２．資力調査``, ``(1)被保険者の資格の取得…``) are no headings of the
form, and a bracketed quotation (``（１．研修）``) does not open its line.  A section (Ⅰ…Ⅵ) in a
later path or a cell is ``evidence.item_path_doubts`` / ``section_in_body_doubts``' finding; here
it is counted for the note but not flagged twice.

Measured (README, "Rows hidden in other rows"): on the truth of every sample with expected
records, no item holds a second path and no before/after/explanation cell a whole numbered
heading by this rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from piatable.models import Doubt, Record
from piatable.vocabulary import SECTION_ORDER, heading_key

from .chars import CIRCLED, DIGITS, paragraphs
from .conservation import ATTACHMENT_OPENING, SECTION_OPENING
from .cut_checks import INSTANCE_LINE
from .heading_lexicon import canonical_text, structure
from .item_intruders import MID_PHRASE
from .items import heading_score

# A numbered line with the wrapped lines after it scores at least this as a heading of the form:
# a whole heading the lexicon knows (a list's ``１．保護の申請の受付`` scores less).
WHOLE_HEADING_SCORE = 1.0
# Lines a heading may wrap over in a cell (the narrowest item columns of the samples: 4).
HEADING_WRAP_LINES = 4
# A line after a whole heading in an item cell that scores below this as a heading
# (``items.heading_score``) is that heading's line going on (a wrap), not a heading of its own.
WRAP_SCORE_MAX = 0.5
# Confidence at most of a row another row's item opens in (below 0.5: "a row we are unsure of").
HIDDEN_ROW_CONFIDENCE = 0.45
# Records whose ``hidden_items`` are remembered (by their four texts) from ``evidence``'s row doubts
# until ``hidden_rows_note`` asks again: more rows than a document's table holds (the 40- and
# 80-page assessments of tools/bench_bulk.py: 69).  The note forgets them all once made; a text
# read as a stream gets no note, and at most this many answers stay (the same as asked anew).
HIDDEN_ITEMS_CACHE = 1024

# The levels of an item's path: section or attachment 0, ``N．`` 1, an instance (委託事項２,
# 提供先１, リスク１：…) 1.5, ``①`` 2, ``（N）`` 3.
_NUMBERED = regex.compile(rf"^[{DIGITS}]{{1,2}}[．.]")
_CIRCLED = regex.compile(rf"^[{CIRCLED}]")
_BRACKETED = regex.compile(rf"^[（(][{DIGITS}]{{1,2}}[）)]")
BRACKETED_LEVEL = 3.0
_NUMBERINGS = ((_NUMBERED, 1.0), (_CIRCLED, 2.0), (_BRACKETED, BRACKETED_LEVEL))
INSTANCE_LEVEL = 1.5
TEXT_CELLS = ("before", "after", "explanation")
# The levels a numbered heading of a cell may open another row's item at (``N．``, ``①``).
NUMBERED_LEVELS = (1.0, 2.0)


@dataclass(frozen=True, slots=True)
class HiddenItem:
    """An item of the form opening inside a record's ``field`` cell: ``heading`` (its heading
    as printed, wraps joined) at path ``level`` (0: a section or an attachment's label, which
    ``evidence`` flags already; 1: ``N．``; 2: ``①``; 3: ``（N）``)."""

    field: str
    heading: str
    level: float

    @property
    def section(self) -> bool:
        return self.level == 0.0


# The first characters any of ``_level``'s patterns can match at: a section numeral
# (``SECTION_OPENING``), an attachment label's bracket or 別 (``ATTACHMENT_OPENING``), a digit, a
# circled number, a bracket (``_NUMBERINGS``) and the first characters of ``INSTANCE_LINE``'s
# words.  A line opening with any other character has no level, with no pattern tried (most
# lines of a table's cells; checked on every code point in tests/test_hidden_items.py).
LEVEL_OPENERS = frozenset(SECTION_ORDER + "（(別" + "0123456789０１２３４５６７８９" + CIRCLED + "提移再委シ")


def _level(line: str) -> float | None:
    """The path level a line's numbering says (module docstring), None for an unnumbered line."""
    return None if line[:1] not in LEVEL_OPENERS else level_by_patterns(line)


def level_by_patterns(line: str) -> float | None:
    """``_level`` without its first-character test: what the patterns alone say."""
    if SECTION_OPENING.match(line) or ATTACHMENT_OPENING.match(line):
        return 0.0
    for pattern, level in _NUMBERINGS:
        if pattern.match(line):
            return level
    return INSTANCE_LEVEL if INSTANCE_LINE.match(line) else None


def _heading_lines(lines: tuple[str, ...], k: int, whole: bool = False) -> int:
    """How many lines from ``lines[k]`` make a whole heading of the form (``WHOLE_HEADING_SCORE``):
    the line alone, or joined with the unnumbered lines after it (a wrap); 0 when none do.
    ``whole`` (an item cell): a heading the next line goes on from (a line opening mid-phrase,
    ``item_intruders.MID_PHRASE``, that is no heading's start: ``２．入手した特定個人情報が
    不正確であるリスク`` / ``への措置``) is the start of a longer line, which must be whole
    itself; another cell's line the reader left in the item box (a value, opening with a kanji)
    does not go on from it."""
    joined = ""
    end = min(len(lines), k + HEADING_WRAP_LINES)
    for j in range(k, end):
        if j > k and _level(lines[j]) is not None:
            break
        joined += lines[j]
        if heading_score(joined) < WHOLE_HEADING_SCORE:
            continue
        goes_on = (
            whole
            and j + 1 < len(lines)
            and bool(MID_PHRASE.match(lines[j + 1]))
            and heading_score(lines[j + 1]) < WRAP_SCORE_MAX
        )
        if not goes_on:
            return j - k + 1
    return 0


def _opening(lines: tuple[str, ...], k: int, whole: bool = False) -> float | None:
    """The level of the item path ``lines[k]`` opens a heading of, or None: a section or an
    attachment's label, an instance line, or a numbered whole heading of the form (``whole``:
    as ``_heading_lines``)."""
    level = _level(lines[k])
    if level is None or level in (0.0, INSTANCE_LEVEL):
        return level
    return level if _heading_lines(lines, k, whole) else None


def item_paths(item: str) -> list[int]:
    """Indices of the item's paragraphs that open a path of headings: the first, and each
    heading at a level the current path already printed or passed (module docstring).  A
    ``（N）`` heading printed before any ``N．`` or ``①`` of its path stands at ``N．``'s level
    (a document that numbers its first level so)."""
    lines = paragraphs(item)
    starts: list[int] = []
    deepest: float | None = None
    bracketed_first = False
    above = ""  # the last heading of the path (instance lines aside)
    headings, first_is_section = 0, False  # headings seen; the first stands for a section
    for k in range(len(lines)):
        level = _opening(lines, k, whole=True)
        if level is None:
            continue
        if level == BRACKETED_LEVEL and (bracketed_first or deepest is None or deepest < 1.0):
            # ``（３）`` where ``３．`` stands, right under the section: a body that numbers its
            # headings so (session 42's new user: every row of such a Writer PDF was doubted);
            # its later ``（N）`` are first-level headings too.
            level, bracketed_first = 1.0, True
        heading, under = _heading_text(lines, k), False
        if level != INSTANCE_LEVEL:
            under, above = bool(above) and prints_under(heading, above), heading
        if headings == 1 and first_is_section and ATTACHMENT_OPENING.match(lines[k]):
            # A section's own attachment under its title alone (``Ⅱ特定個人情報ファイルの概要`` /
            # ``（別添２）特定個人情報ファイル記録項目``: the form lists it at the section's end):
            # one path (the itemkey55 printings; an attachment after a deeper heading is a row).
            under = True
        if headings == 0:
            first_is_section = _stands_for_section(heading)
        headings += 1
        if deepest is not None and level <= deepest and level != INSTANCE_LEVEL and not under:
            starts.append(k)
            deepest = level
        elif deepest is None:
            starts.append(k)
            deepest = level
        else:
            deepest = max(deepest, level)
    return starts or ([0] if lines else [])


def _stands_for_section(heading: str) -> bool:
    """A section's numeral (``Ⅱ…``), or a title the lexicon files as a section's
    (``２．特定個人情報ファイルの概要`` printed for Ⅱ)."""
    if SECTION_OPENING.match(heading):
        return True
    return any(p.startswith("§") for p in structure().parents.get(_key(heading), ()))


def prints_under(heading: str, above: str) -> bool:
    """Whether the lexicon's structure prints ``heading`` just under ``above`` (a section's title
    standing for its numeral: ``２．特定個人情報ファイルの概要`` is Ⅱ).  A body that numbers each
    level in a style of its own (``(2)基本情報`` / ``(6)事務担当部署``, ``２．特定個人情報ファイルの
    概要`` / ``３．特定個人情報の入手・使用``: samples/*-itemkey54) prints one path whose numbering
    repeats a level; the words say which heading stands under which (branch honest55: 222 truth
    rows of the itemkey54 sets were read as holding a second path)."""
    parents = structure().parents
    names = {_key(above)} | {p[1:] for p in parents.get(_key(above), ()) if p.startswith("§")}
    return bool(names & parents.get(_key(heading), frozenset()))


def hidden_items(record: Record) -> list[HiddenItem]:
    """The items of the form that open inside ``record`` beyond its own (module docstring): later
    paths of its item, and numbered whole headings (or sections) opening a paragraph of its
    before, after or explanation cell."""
    return list(_hidden_items(record.item, *(getattr(record, f) for f in TEXT_CELLS)))


@lru_cache(maxsize=HIDDEN_ITEMS_CACHE)
def _hidden_items(item: str, *cells: str) -> tuple[HiddenItem, ...]:
    """``hidden_items`` of a record with this item and these ``TEXT_CELLS`` texts (remembered: each
    record is asked twice, by ``hidden_item_doubts`` and by ``hidden_rows_note``)."""
    out = []
    lines = paragraphs(item)
    for k in item_paths(item)[1:]:
        out.append(HiddenItem("item", _heading_text(lines, k), _level(lines[k]) or 0.0))
    found = {
        f: (paragraphs(text), _cell_openings(paragraphs(text), f))
        for f, text in zip(TEXT_CELLS, cells, strict=True)
    }
    for f, (lines, openings) in found.items():
        heads = [HiddenItem(f, _heading_text(lines, k), _level(lines[k]) or 0.0) for k in openings]
        other = {"before": "after", "after": "before"}.get(f)
        if heads and other and _block_mark(found[other][0]) and _lists_own_block(item, lines, heads):
            continue
        out += heads
    return tuple(out)


# The other cell of a block added or deleted whole holds nothing or one mark (削除, －, （記載なし）,
# 上記を新規追加): one paragraph of at most this many characters.
BLOCK_MARK_CHARS_MAX = 10


def _block_mark(lines: tuple[str, ...]) -> bool:
    """Whether a before or after cell's paragraphs are empty or one short mark
    (``BLOCK_MARK_CHARS_MAX``): the other cell of a block added or deleted whole."""
    return not lines or (len(lines) == 1 and len(lines[0]) <= BLOCK_MARK_CHARS_MAX)


def _lists_own_block(item: str, lines: tuple[str, ...], heads: list[HiddenItem]) -> bool:
    """Whether a before or after cell whose paragraphs open ``heads`` (numbered headings of the
    form) lists the items of the row's own block, the other of the two cells holding none: a
    repeated block added or deleted whole (``委託事項２`` / its name / ``①委託内容`` / its value /
    ``②…``), the forms' way of printing a new 委託先, 提供先 or システム, the other cell empty or a
    mark (``_block_mark``, checked by the caller).  So when the item ends
    with the block's instance line (``委託事項２``, ``INSTANCE_LINE``) or the form prints every
    heading just under the item's last heading (``prints_under``), and the cell's last paragraph
    is a value, not a heading: a heading left bare at a cell's end is another row's item cut off
    there (set XVII: 11 right rows doubted, each wrong row of the kind keeps its doubt)."""
    own = paragraphs(item)
    if not own or _opening(lines, len(lines) - 1) is not None:
        return False
    if _level(own[-1]) == INSTANCE_LEVEL:
        return True
    return all(prints_under(h.heading, own[-1]) for h in heads)


def _heading_text(lines: tuple[str, ...], k: int) -> str:
    """The heading opening at ``lines[k]``, its wrapped lines joined."""
    return "".join(lines[k : k + max(1, _heading_lines(lines, k))])


def _cell_openings(lines: tuple[str, ...], field: str) -> list[int]:
    """Indices of the first lines of the runs of headings in a before, after or explanation cell that open
    an item (``NUMBERED_LEVELS``): a run goes on through the wraps of its headings, deeper
    numbered headings, instance lines and unnumbered whole headings (``３．個人番号の利用`` /
    ``法令上の根拠``), and ends at any other paragraph (a value, a sentence)."""
    if field != "explanation" and lines and _opening(lines, 0) is not None:
        # A before or after cell opening with a heading quotes a block of the form (a section
        # deleted or added whole: ``３．特定個人情報の入手・使用`` / ``①入手元`` / its value /
        # ``②入手方法`` …), whose headings are its own.
        return []
    out: list[int] = []
    deepest: float | None = None
    k = 0
    while k < len(lines):
        level = _opening(lines, k)
        if level in NUMBERED_LEVELS:
            if deepest is None or level <= deepest:
                out.append(k)
            deepest = level
            k += _heading_lines(lines, k)
            continue
        if not (deepest is not None and (level == INSTANCE_LEVEL or _heading_lines(lines, k))):
            deepest = None
        k += 1
    return out


_WHY = "the {field} cell opens another item of the form ({heading}…): another row read into it?"


def hidden_item_doubts(record: Record) -> list[Doubt]:
    """``row_split_guess`` on the cell each numbered item of the form opens in (``hidden_items``;
    sections are ``evidence``'s): another row read into this one."""
    return [
        Doubt("row_split_guess", h.field, _WHY.format(field=h.field, heading=h.heading[:16]))
        for h in hidden_items(record)
        if not h.section
    ]


def _deepest(item: str) -> tuple[float, str] | None:
    """The deepest level an item's numbered headings reach (``_level``) and the last heading
    printed at it, None for an item with no numbered heading."""
    found = [(lv, p) for p in paragraphs(item) if (lv := _level(p)) is not None and lv != INSTANCE_LEVEL]
    if not found:
        return None
    deepest = max(lv for lv, _ in found)
    return deepest, [p for lv, p in found if lv == deepest][-1]


def _key(heading: str) -> str:
    """A heading as the lexicon's structure names it: a section by its numeral, else canonical."""
    if SECTION_OPENING.match(heading):
        return heading[:1]
    return canonical_text(heading_key(heading))


def continues_a_neighbour(records: list[Record], k: int, hidden: HiddenItem) -> bool:
    """Whether an item opening in a before, after or explanation cell of ``records[k]`` may be
    the rest of an item cut short rather than a row of its own: an item whose numbered headings
    stop above the hidden heading's level, either beside it (``k - 1`` … ``k + 1``: an item
    ``Ⅵ評価実施手続`` / ``３．第三者点検`` whose ``①実施日`` went to its explanation, ``Ⅰ基本情報``
    whose ``２．…`` went to the row above), or anywhere when its last heading is the one the forms
    print just above the hidden one (``１．監査`` above ``②監査``: ``heading_lexicon.structure``).
    Such a row is wrong (flagged) but no row is missing."""
    if hidden.field == "item":
        return False
    parents = structure().parents.get(_key(hidden.heading), frozenset())
    for j, r in enumerate(records):
        deepest = _deepest(r.item)
        if deepest is None or deepest[0] >= hidden.level:
            continue
        if abs(j - k) <= 1 or _key(deepest[1]) in parents:
            return True
    return False


def hidden_rows_note(records: list[Record]) -> str | None:
    """The note of a document whose records hold items of the form opening inside them that are
    rows of their own (not ``continues_a_neighbour``): rows read into their neighbours, how
    many, where; None when none.  Every record an item of the form opens inside (sections aside)
    has its confidence lowered to ``HIDDEN_ROW_CONFIDENCE`` at most (and the cell's)."""
    where = []
    for k, r in enumerate(records):
        found = [h for h in hidden_items(r) if not h.section]
        if not found:
            continue
        r.confidence = min(r.confidence, HIDDEN_ROW_CONFIDENCE)
        for h in found:
            r.cell_confidence[h.field] = min(r.cell_confidence.get(h.field, 1.0), HIDDEN_ROW_CONFIDENCE)
            if continues_a_neighbour(records, k, h):
                continue
            page = f"page {r.page_start}, " if r.page_start else ""
            where.append(f"{page}row {r.row_index} {h.field}: 「{h.heading[:24]}」")
    # The document's records were asked twice (row doubts, this note): forgotten now, so that no
    # answer is remembered from one document to the next.
    _hidden_items.cache_clear()
    if not where:
        return None
    return (
        f"items of the form open inside other rows' cells, {len(where)} in all ({'; '.join(where)}):"
        " rows read into their neighbours, flagged row_split_guess; rows may be missing"
    )
