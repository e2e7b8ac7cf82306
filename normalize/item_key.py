"""A canonical key for the 項目 cell: the same form item however its headings were printed.

The 項目 column names a form item as a path of headings (``Ⅱ特定個人情報ファイルの概要`` /
``３．特定個人情報の入手・使用`` / ``②入手方法``).  The same item is printed in many ways: with or
without a space after its numbering, full- or half-width digits, wrapped at any column width,
glued to the next heading by an extractor (``⑦使用の主体使用者数``), with Kangxi radicals, or
with pdfplumber's and tesseract's spaces between characters.  ``item_key`` turns all of these
into one key:

1. the lines of the cell are concatenated (a wrap is no boundary) after dropping lines that are
   never headings (a column label, a lone date); spaces are removed and damaged code points
   repaired (``unicode.clean_text``);
2. the text is cut at the form's numbering, which never occurs inside a heading: a section
   numeral Ⅰ…Ⅵ, ``３．``, ``(1)``, ``①``…``⑳``, a file line ``（３．送付先情報ファイル）`` and the
   repeated blocks ``提供先１`` ``移転先２`` ``委託事項１`` ``システム３`` ``リスク２：``;
3. a piece between two numberings that several unnumbered headings were printed into is split
   where the headings lexicon (``piatable.vocabulary``) covers it wholly by known headings
   (``使用の主体`` + ``使用者数``); otherwise it stays one component;
4. every component is canonicalised: numbering dropped (except the section numeral and the
   instance number), NFKC (digits and letters half-width), ※ and a trailing bracketed note
   ``（委託に伴うものを除く。）`` dropped, an unclosed bracket left by a clipped cell dropped.  An
   OCR misreading of one character in a long known heading is mapped to the heading.

The key is the canonical components joined by ``/``, e.g.
``Ⅱ特定個人情報ファイルの概要/送付先情報ファイル/特定個人情報の提供・移転/提供先1/時期・頻度``.
Numbers of ordinary headings (``３．``, ``②``) are left out of the key because they differ between
versions of the forms while the words do not; the instance numbers (``提供先1``) are kept because
they tell two blocks apart.  Components that the lexicon does not know are listed in
``ItemKey.unknown``.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from piatable.vocabulary import (
    DATA_DIR,
    HEADING_ALTERNATIVES,
    HEADING_FILES,
    HEADING_NOTE,
    LABELS,
    SECTION_NUMERALS,
    is_header_line,
)

from .dates import is_date_line
from .unicode import clean_text

# Key components are joined with this.
KEY_SEPARATOR = "/"
# A heading found by splitting a run of unnumbered headings must be at least this long: short
# headings (方法, 結果) split unknown text into nonsense.
MIN_SPLIT_PIECE_CHARS = 4
# A component this long that differs from one known heading by a character (inserted, dropped
# or replaced) is that heading (OCR reads 概要 as 概革; a wrap or a clip drops a character),
# when no other heading is as near (``_near_known``); by two (FUZZY_MAX_EDITS) when it is this
# long per edit and the forms print the heading under the heading before it (``fuzzy_edits``).
MIN_FUZZY_CHARS = 6
# ... or this long, when it is a heading the forms print just under the heading before it.
MIN_FUZZY_CHARS_IN_CONTEXT = 4
FUZZY_CHARS_PER_EDIT = 8
FUZZY_MAX_EDITS = 2
# A known heading this long with another cell's text printed into it is still that heading.
MIN_INTERRUPTED_CHARS = 8
# Characters no heading of the forms holds: text with one of them beside a heading is another
# cell's (a date's digits, a check box ``[○]``, a sentence's 。).
_FOREIGN_TO_HEADINGS = regex.compile(r"[0-9０-９\[\]［］○〇。]")
# The end of a date that wrapped into the 項目 column (``令和5年3月31`` / ``日``).
_DATE_TAIL = regex.compile(r"^[0-9０-９]{0,2}[年月日]$")

_ASCII_ROMAN = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ", "V": "Ⅴ", "VI": "Ⅵ"}
_D = r"[0-9０-９]"
# The repeated blocks of a form, whose number tells two blocks apart.
INSTANCE_LABELS = ("提供先", "移転先", "委託事項", "再委託事項", "システム", "リスク")
# A repeated block's name printed after its number (委託事項１ 住民基本台帳システムの運用保守):
# at most this many characters, and none of a sentence's marks.
INSTANCE_NAME_MAX = 40
_NOT_A_NAME = regex.compile(r"[。、，,]")
# One alternative per kind of numbering; the scanner tries them at every position.
_MARKER = regex.compile(
    rf"(?P<section>[ⅠⅡⅢⅣⅤⅥ])"
    rf"|(?P<file>[（(]{_D}{{1,2}}[．.、]?(?P<fname>[^（）()]{{0,40}}ファイル)[）)])"
    rf"|(?P<instance>(?:提供先|移転先|再委託事項|委託事項|システム)(?P<inum>{_D}{{1,2}})(?![0-9０-９．.])[：:]?"
    rf"|リスク(?P<rnum>{_D}{{1,2}})?[：:])"
    rf"|(?P<number>(?<![0-9０-９]){_D}{{1,2}}[．.](?![0-9０-９])|[（(]{_D}{{1,2}}[）)]|[①-⑳])"
)
# An ASCII roman numeral that OCR or an extractor printed for Ⅰ…Ⅵ, at the start of the cell.
_ASCII_SECTION = regex.compile(r"^(?P<roman>VI|IV|V|I{1,3})(?=[\p{Han}\p{Hiragana}\p{Katakana}])")
_SPACES = regex.compile(r"[\s\u3000]+")
_NOTE_MARK = regex.compile(r"[※＊*]")
_BRACKETED = regex.compile(r"[(][^()]*[)]|【[^】]*】")
_UNCLOSED = regex.compile(r"[(][^)]*$")
_EDGE_PUNCT = "：:・、。,. "
# Of a heading in the reference files: a bracketed note at its end, its numbering (compiled once:
# a pattern string costs a cache look-up per call, per line read).
_SPACED_TRAILING_NOTE = regex.compile(r"\s*\([^)]*\)$")
_LEADING_NUMBER = regex.compile(r"^(?:[①-⑳]|\(\d+\)|[0-9]+[．.])\s*")
# The first character of a heading of its own (not kana, punctuation or a bracket).
_TAIL_START = regex.compile(r"[\p{Han}\p{Katakana}A-Za-z0-9<\[]")


@dataclass(frozen=True, slots=True)
class ItemKey:
    """The canonical form of one 項目 cell.

    ``key``: the canonical components joined by ``/`` ("" for an empty cell); ``path``: the
    components; ``section``: Ⅰ…Ⅵ (printed, or inferred from a heading the lexicon places in one
    section only) or None; ``file``: the 特定個人情報ファイル named (``送付先情報ファイル``) or None;
    ``instance``: the repeated block (``提供先1``, ``委託事項2``, ``システム3``, ``リスク2``) with
    half-width digits, the innermost when several, or None; ``unknown``: the components the
    headings lexicon does not know; ``dropped``: text of the cell left out of the key because
    it cannot be part of the item's heading path (``structure_junk``): most often another
    column's text that a reader glued into the 項目 cell; ``fuzzy``: the components taken for a
    lexicon heading they are not exactly (``_near_known``), as ``printed→heading``.
    """

    key: str
    path: tuple[str, ...]
    section: str | None
    file: str | None
    instance: str | None
    unknown: tuple[str, ...]
    dropped: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()


def canonical_text(text: str) -> str:
    """A heading's words in canonical form.

    Spaces and ※ removed, NFKC (half-width digits and letters, ``(`` for ``（``), bracketed notes
    dropped (``（委託に伴うものを除く。）``, ``（元職員、…等）``: the forms word them differently
    between versions, the heading around them names the item), and an unclosed bracket left by a
    clipped cell dropped.  A heading that is all bracket keeps its words.
    """
    t = _SPACES.sub("", clean_text(text))
    t = unicodedata.normalize("NFKC", _NOTE_MARK.sub("", t))
    if t.count("(") > t.count(")"):
        t = _UNCLOSED.sub("", t)
    stripped = _BRACKETED.sub("", t)
    t = stripped or t.strip("()【】")
    return t.strip(_EDGE_PUNCT)


# Marks a section numeral as the "parent" of the section's own heading in ``_Structure.parents``
# (never the start of a key component).
SECTION_HEAD = "§"
_FORM_PREFIX = regex.compile(r"^(?:基礎|重点):")
# The level of an item under a numbered heading: ``①``…``⑳``, or ``-`` for the one unnumbered item.
_ITEM_LEVEL = regex.compile(r"^(?:[①-⑳]|-)$")


def _heading_parts(heading: str) -> list[str]:
    """The canonical headings one lexicon line lists (``使用の主体 / 使用部署 / 使用者数``)."""
    heading = HEADING_NOTE.sub("", heading)
    out = []
    for part in HEADING_ALTERNATIVES.split(heading):
        part = _SPACED_TRAILING_NOTE.sub("", part)
        part = _LEADING_NUMBER.sub("", part)
        key = canonical_text(part)
        if len(key) >= 2:
            out.append(key)
    return out


@lru_cache(maxsize=1)
def _lexicon_lines() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(file, level path, canonical headings) of every heading line of the lexicon (read once:
    ``_structure`` and ``_hierarchy`` both walk them)."""
    data = DATA_DIR
    out = []
    for name in HEADING_FILES:
        for line in data.joinpath(name).read_text("utf-8").splitlines():
            if line.startswith("#") or line.count("\t") < 1:
                continue
            level, heading = line.split("\t")[:2]
            out.append((name, level, tuple(_heading_parts(heading))))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Structure:
    """What the forms' structure says about headings (from ``pia_headings.tsv``).

    ``closing``: headings that close an item: numbered ``①``…``⑳`` (or the one unnumbered item,
    level ``-``) under a numbered heading, with
    no heading of either lexicon file at or under their level, and not the first of a line that
    lists sub-headings (``使用の主体 / 使用部署``: 使用部署 closes, 使用の主体 does not);
    ``parents``: heading → the headings (or the section numeral) printed just above it.
    """

    closing: frozenset[str]
    parents: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def _structure() -> _Structure:
    lines = _lexicon_lines()
    # How many lines are at each level or under it (a level, or a level followed by "/"), counted
    # once for all lines instead of by scanning every line for each line.
    at_or_under: Counter[str] = Counter()
    for _, level, _ in lines:
        at_or_under[level] += 1
        at_or_under.update(level[:i] for i, ch in enumerate(level) if ch == "/")
    closing: dict[str, bool] = {}
    parents: dict[str, set[str]] = {}
    first_at = {level: parts[0] for name, level, parts in lines if parts and name == HEADING_FILES[0]}
    for name, level, parts in lines:
        prefix = level[: len(level) - len(_FORM_PREFIX.sub("", level))]
        segs = level[len(prefix) :].split("/")
        base = name == HEADING_FILES[0] and segs[0] in SECTION_NUMERALS
        alone = at_or_under[level] == 1
        for k, part in enumerate(parts):
            closes = base and len(segs) == 3 and bool(_ITEM_LEVEL.match(segs[2])) and alone
            closes = closes and (len(parts) == 1 or k > 0)
            closing[part] = closing.get(part, True) and closes
            if not base:
                continue
            above = {parts[0]} if k > 0 else set()
            if len(segs) == 1:
                # A section's own heading: "under" its numeral (``_parent`` of a section part).
                above.add(SECTION_HEAD + segs[0])
            elif len(segs) == 2:
                above.add(segs[0])
            elif len(segs) == 3 and prefix + "/".join(segs[:2]) in first_at:
                above.add(first_at[prefix + "/".join(segs[:2])])
            parents.setdefault(part, set()).update(above)
    return _Structure(
        frozenset(h for h, c in closing.items() if c), {h: frozenset(v) for h, v in parents.items()}
    )


@lru_cache(maxsize=1)
def _hierarchy() -> dict[str, frozenset[str]]:
    """Canonical heading → the sections (Ⅰ…Ⅵ) the forms put it in (empty: outside Ⅰ…Ⅵ)."""
    index: dict[str, set[str]] = {}
    for _, level, parts in _lexicon_lines():
        section = level.split(":")[-1].split("/")[0]
        for key in parts:
            index.setdefault(key, set())
            if section in SECTION_NUMERALS:
                index[key].add(section)
    return {k: frozenset(v) for k, v in index.items()}


def known_headings() -> frozenset[str]:
    """The canonical headings of the lexicon."""
    return frozenset(_hierarchy())


@lru_cache(maxsize=1)
def _by_length() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for k in _hierarchy():
        out.setdefault(len(k), []).append(k)
    return {n: tuple(v) for n, v in out.items()}


@lru_cache(maxsize=16384)
def _known(text: str) -> str | None:
    """The lexicon heading ``text`` is exactly, else None (misreadings: ``_near_known``)."""
    return text if text in _hierarchy() else None


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b`` (a character inserted, dropped or replaced costs
    1), or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def fuzzy_edits(length: int, in_context: bool) -> int:
    """How many edits a component of ``length`` characters may be from the heading it is taken
    for: none below ``MIN_FUZZY_CHARS`` (``MIN_FUZZY_CHARS_IN_CONTEXT`` for a heading the forms
    print under the heading before it), else one; two (``FUZZY_MAX_EDITS``) from
    ``FUZZY_CHARS_PER_EDIT`` characters per edit, in context only: out of it, two edits are how
    far apart the forms' own sibling headings are (取り扱う事務 / 取り扱う理由, 提供する / 移転する)."""
    if length < (MIN_FUZZY_CHARS_IN_CONTEXT if in_context else MIN_FUZZY_CHARS):
        return 0
    if in_context:
        return max(1, min(FUZZY_MAX_EDITS, length // FUZZY_CHARS_PER_EDIT))
    return 1


@lru_cache(maxsize=16384)
def _near_known(text: str, parent: str | None) -> str | None:
    """The lexicon heading ``text`` is a misreading of, or None: a printing with a character
    misread, dropped or added (OCR's 概革 for 概要, 範 alone of 範囲 wrapped, a stray mark).

    Candidates are the headings within ``fuzzy_edits`` of ``text``; a heading the forms print
    just under ``parent`` (the heading before, canonical; ``_structure().parents``) is in
    context and may be shorter.  Taken only when one candidate is nearer than every other (of
    several at the same distance, the one in context when only one is, then the one ``text``
    opens, a heading clipped by its cell: ``本人の範`` of 本人の範囲, not 本人の数): a misreading
    between two headings is no heading.  A text with a character no heading holds (a digit, ``[]``, ○, 。) is
    never mapped: it is more than a misreading.
    """
    if _FOREIGN_TO_HEADINGS.search(text):
        return None
    st = _structure()
    limit = max(fuzzy_edits(len(text), True), fuzzy_edits(len(text), False))
    if not limit:
        return None
    found: list[tuple[int, bool, str]] = []
    for n in range(len(text) - limit, len(text) + limit + 1):
        for k in _by_length().get(n, ()):
            in_context = parent is not None and parent in st.parents.get(k, ())
            allowed = fuzzy_edits(min(len(k), len(text)), in_context)
            if not allowed:
                continue
            d = edit_distance(text, k, allowed)
            if d <= allowed:
                found.append((d, in_context, k))
    if not found:
        return None
    best = min(d for d, _, _ in found)
    nearest = [f for f in found if f[0] == best]
    for prefer in (lambda f: f[1], lambda f: f[2].startswith(text)):
        if len(nearest) > 1:
            nearest = [f for f in nearest if prefer(f)]
    return nearest[0][2] if len(nearest) == 1 else None


@lru_cache(maxsize=16384)
def known_around(text: str) -> tuple[str, str] | None:
    """(heading, the other text) when ``text`` is a known heading of at least
    ``MIN_INTERRUPTED_CHARS`` with one run of other text inside it, or None.

    A reader that takes the lines of two columns in turn prints a neighbouring cell's line into
    a wrapped heading (``特定個人情報ファイルを取り扱[]その他う事務において…``), leaving at
    least ``MIN_SPLIT_PIECE_CHARS`` of the heading on either side.  The run
    may also stand at the start or the end, if it holds what headings never do (a digit, a
    bracket ``[]``, ○, 。) and is no longer than the heading: at an end, plain words may be a
    longer heading the lexicon lacks.  The end of a wrapped date (``日``, ``31日``) may stand
    anywhere after the heading's first character.  Of several headings that fit, the longest
    is taken; a tie gives None.
    """
    if len(text) < MIN_INTERRUPTED_CHARS + 1 or text in _hierarchy():
        return None
    found = []
    for k in _hierarchy():
        if len(k) < MIN_INTERRUPTED_CHARS or len(k) >= len(text):
            continue
        head = 0
        while head < len(k) and k[head] == text[head]:
            head += 1
        tail = 0
        while tail < len(k) - head and k[-1 - tail] == text[-1 - tail]:
            tail += 1
        if head + tail < len(k):
            continue
        head = len(k) - tail if head + tail > len(k) else head
        other = text[head : len(text) - tail]
        if _DATE_TAIL.match(other) and head > 0:
            found.append((k, other))
        elif MIN_SPLIT_PIECE_CHARS <= head <= len(k) - MIN_SPLIT_PIECE_CHARS or (
            _FOREIGN_TO_HEADINGS.search(other) and 2 * len(k) >= len(text)
        ):
            found.append((k, other))
    if not found:
        return None
    longest = max(len(k) for k, _ in found)
    best = [f for f in found if len(f[0]) == longest]
    return best[0] if len(best) == 1 else None


@lru_cache(maxsize=16384)
def _split_known(text: str) -> tuple[str, ...] | None:
    """``text`` cut into the headings an extractor printed into one piece, or None.

    Taken when the lexicon covers ``text`` wholly by two or more known headings (``使用の主体`` +
    ``使用者数``), else when known headings cover a prefix and the rest reads as a heading of its
    own (it starts with neither kana nor punctuation, so it does not continue the prefix's
    sentence: ``物理的対策`` + ``具体的な対策の内容``).
    """
    n = len(text)
    longest = max(map(len, _hierarchy()), default=0)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        prev = best[i]
        if prev is None:
            continue
        for j in range(i + MIN_SPLIT_PIECE_CHARS, min(n, i + longest) + 1):
            piece = text[i:j]
            if piece not in _hierarchy():
                continue
            cand = (*prev, piece)
            if best[j] is None or len(cand) < len(best[j]):  # type: ignore[arg-type]
                best[j] = cand
    if best[n] is not None:
        return best[n] if len(best[n]) >= 2 else None  # type: ignore[arg-type]
    for i in range(n - MIN_SPLIT_PIECE_CHARS, 0, -1):
        head = best[i]
        if head and _TAIL_START.match(text[i]):
            return (*head, text[i:])
    return None


def _split_near(text: str, parent: str | None) -> tuple[tuple[str, ...], str] | None:
    """``text`` cut into known headings, one of them misread (``_near_known``), as (the headings,
    ``printed→heading`` of the misread one), or None.

    For headings glued by an extractor (no numbering between them) of which one was misread:
    ``個人番号の利用`` + ``法令上の根拠`` read ``個人番体の利用法令上の根拠``.  A cut is tried only
    where the piece on one side is known exactly (or is cut wholly into known headings,
    ``_split_known``); the other side must be a misreading of one heading (the forms' hierarchy
    deciding as in ``_near_known``, its parent the exact piece before it).  Taken only when
    exactly one cut works.
    """
    found: set[tuple[tuple[str, ...], str]] = set()
    n = len(text)
    for i in range(MIN_SPLIT_PIECE_CHARS, n - MIN_SPLIT_PIECE_CHARS + 1):
        head, tail = text[:i], text[i:]
        head_known = (head,) if head in _hierarchy() else _split_known(head)
        if head_known:
            near = _near_known(tail, head_known[-1])
            if near:
                found.add(((*head_known, near), f"{tail}→{near}"))
        tail_known = (tail,) if tail in _hierarchy() else _split_known(tail)
        if tail_known:
            near = _near_known(head, parent)
            if near and (tail_known[0] == near or near in _structure().parents.get(tail_known[0], ())):
                found.add(((near, *tail_known), f"{head}→{near}"))
    return found.pop() if len(found) == 1 else None


# Column labels that leak into a 項目 cell from the header row.  The label 項目 is among them only
# before any heading or beside another label: elsewhere it ends a heading wrapped before its last
# two characters (記録される項 / 目).
_LEAKED_LABELS = frozenset(lab for lab in LABELS if lab != "項目")


def _is_leaked_label(line: str) -> bool:
    pieces = line.split()
    return bool(pieces) and (all(p in _LEAKED_LABELS for p in pieces) or is_header_line(line))


def _heading_lines(lines: list[str]) -> list[str]:
    """The lines of the cell that can be headings: a leaked column label and a lone date are not."""
    lines = [ln for ln in lines if ln.strip()]
    leaked = [_is_leaked_label(ln) for ln in lines]
    kept: list[str] = []
    for k, ln in enumerate(lines):
        if leaked[k] or is_date_line(ln):
            continue
        if ln.strip() == "項目" and (
            not kept or (k > 0 and leaked[k - 1]) or (k + 1 < len(lines) and leaked[k + 1])
        ):
            continue
        kept.append(ln)
    return kept


def _digits(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def structure_junk(comps: list[tuple[str, str]], section: str | None) -> list[int]:
    """Indexes of the unknown components of a 項目 path that the forms' structure rules out.

    ``comps`` are (canonical component, role) with role ``section``, ``file``, ``instance``,
    ``known`` (in the headings lexicon) or ``unknown``.  Ruled out (``_structure``):

    * unknown text between a heading and the heading the forms print just under it
      (``Ⅰ基本情報`` / ``戸籍の附票に関する事務`` / ``１．特定個人情報ファイルを取り扱う事務``): the
      chain is whole without it;
    * unknown text after a heading that closes an item (``③消去方法`` / ``保存期間を経過した…``)
      with no known heading after it.

    Both are another cell's text that a reader printed into the 項目 cell; a body's own
    sub-heading under a heading that has sub-items is kept.  Not ruled out: the name of a
    repeated block printed after its number (``委託事項１`` / ``住民基本台帳システムの運用保守``,
    ``提供先１：都道府県知事``; the forms print the name in the cell beside the number), one
    unknown component right after an instance that reads as a name (``instance_name``); it is
    left out of the key with the numbering, not dropped as another cell's text.
    """
    names = instance_names(comps)
    return [k for k in _structure_junk(comps) if k not in names]


def instance_names(comps: list[tuple[str, str]]) -> set[int]:
    """Indexes of components that name the repeated block printed just before them: one
    unknown component right after an ``instance`` (not a リスク, whose name is a heading),
    made of a name's characters (no 。, no 、 or space-separated second value, at most
    ``INSTANCE_NAME_MAX`` characters)."""
    out: set[int] = set()
    for k in range(1, len(comps)):
        prev_role, (c, role) = comps[k - 1][1], comps[k]
        if (
            prev_role == "instance"
            and role == "unknown"
            and len(c) <= INSTANCE_NAME_MAX
            and not _NOT_A_NAME.search(c)
        ):
            out.add(k)
    return out


def _structure_junk(comps: list[tuple[str, str]]) -> list[int]:
    st = _structure()
    out: list[int] = []

    def heading(c: str, role: str) -> str | None:
        if role == "section":
            return c[:1]
        return c if role == "known" else None

    prev: str | None = None
    since: list[int] = []
    for k, (c, role) in enumerate(comps):
        if role == "unknown":
            since.append(k)
            continue
        h = heading(c, role)
        if h is None:
            continue
        if since and prev is not None and prev in st.parents.get(h, ()):
            out.extend(since)
        since = []
        prev = h
    if since and prev in st.closing:
        out.extend(since)
    return out


def _parent(comps: list[tuple[str, str]], kind: str, value: str) -> str | None:
    """What the forms' structure (``_structure().parents``) would name as printed just above the
    next component: the section numeral for a section's own heading or for a heading right
    after the section's, else the last known heading, else None."""
    if kind == "section":
        return SECTION_HEAD + value
    if comps and comps[-1][1] == "section":
        return comps[-1][0][:1]
    return comps[-1][0] if comps and comps[-1][1] == "known" else None


def item_key(item: str | list[str]) -> ItemKey:
    """The canonical key of a 項目 cell (its text with ``\\n`` between lines, or its lines).

    Never fails: a cell without any known heading still gets a key from its normalized text
    (and all its components in ``unknown``).  Cached: a long amendment history prints the same
    items again and again, and the records and the evidence both ask.
    """
    return _item_key(tuple(item.split("\n") if isinstance(item, str) else item))


@lru_cache(maxsize=16384)
def _item_key(lines_in: tuple[str, ...]) -> ItemKey:
    lines = list(lines_in)
    text = _SPACES.sub("", clean_text("".join(_heading_lines(lines))))
    m = _ASCII_SECTION.match(text)
    if m:
        text = _ASCII_ROMAN[m.group("roman")] + text[m.end() :]
    # Cut at the numbering: (kind, value, text up to the next numbering).
    parts: list[tuple[str, str, str]] = []
    pos = 0
    kind, value = "text", ""
    for mm in _MARKER.finditer(text):
        if mm.start() > pos or parts or kind != "text":
            parts.append((kind, value, text[pos : mm.start()]))
        if mm.group("section"):
            kind, value = "section", mm.group("section")
        elif mm.group("file"):
            kind, value = "file", mm.group("fname")
        elif mm.group("instance"):
            num = mm.group("inum") or mm.group("rnum") or ""
            label = next(lab for lab in INSTANCE_LABELS if mm.group("instance").startswith(lab))
            # An unnumbered リスク： (the form has one risk there) is no instance.
            kind, value = "instance", (label + _digits(num)) if num else ""
        else:
            kind, value = "number", ""
        pos = mm.end()
    parts.append((kind, value, text[pos:]))

    comps: list[tuple[str, str]] = []  # (component, role): section, file, instance, known, unknown
    dropped: list[str] = []
    fuzzy: list[str] = []
    section = file = instance = None
    for kind, value, body in parts:
        if kind == "file":
            file = canonical_text(value)
            comps.append((file, "file"))
            continue
        if kind == "instance" and value:
            instance = value
            if not value.startswith("リスク"):
                comps.append((value, "instance"))
        words = canonical_text(body)
        if kind == "section":
            # The first section printed is the item's (a second one is text of another row).
            section = section or value
        if not words:
            if kind == "section":
                comps.append((value, "section"))
            continue
        known = _known(words)
        split = None if known else _split_known(words)
        around = None if known or split else known_around(words)
        if around:
            known = around[0]
            dropped.append(around[1])
        guessed = bool(split) and split[-1] not in _hierarchy()  # type: ignore[index]
        if (guessed or not (known or split)) and not around:
            # Nothing known, or known headings then text read as a heading of its own
            # (``_split_known``'s guess): a misreading of one heading, or of one of glued
            # headings, reads better when there is one.
            parent = _parent(comps, kind, value)
            near = _near_known(words, parent)
            near_split = None
            if not near and kind != "section" and len(words) >= 2 * MIN_SPLIT_PIECE_CHARS:
                near_split = _split_near(words, parent)
            if near:
                split, known = None, near
                fuzzy.append(f"{words}→{near}")
            elif near_split:
                split = near_split[0]
                fuzzy.append(near_split[1])
        pieces: tuple[str, ...] = (known,) if known else (split or (words,))
        roles = ["known" if p in _hierarchy() else "unknown" for p in pieces]
        if kind == "section":
            pieces = (value + pieces[0], *pieces[1:])
            roles[0] = "section"
        comps.extend(zip(pieces, roles, strict=True))
    for k in sorted(structure_junk(comps, section), reverse=True):
        dropped.append(comps.pop(k)[0])
    for k in sorted(instance_names(comps), reverse=True):
        comps.pop(k)  # the block's name: kept in the item text, not in the key
    path = [c for c, _ in comps]
    unknown = [c for c, role in comps if role == "unknown"]
    if section is None:
        places = {s for p in path for s in _hierarchy().get(p, ()) if len(_hierarchy()[p]) == 1}
        section = places.pop() if len(places) == 1 else None
    return ItemKey(
        KEY_SEPARATOR.join(path),
        tuple(path),
        section,
        file,
        instance,
        tuple(unknown),
        tuple(dropped),
        tuple(fuzzy),
    )


# A line opening with an ordinary heading's numbering (①, ２．, （３）).
_NUMBERED_LINE = regex.compile(r"^(?:[①-⑳]|[0-9０-９]{1,2}[．.]|[（(][0-9０-９]{1,2}[）)])")


def heads_next(path: tuple[str, ...], line: str) -> bool:
    """Whether ``line`` is, whole and numbered (``②監査``), a heading of the forms that the
    structure prints just under the last heading of ``path`` (canonical item-path components,
    ``ItemKey.path``): the item's next line, not a cell's text."""
    if not path or not _NUMBERED_LINE.match(line.strip()):
        return False
    key = item_key(line)
    if len(key.path) != 1 or key.unknown or key.dropped or key.path[0] not in _hierarchy():
        return False
    return path[-1] in _structure().parents.get(key.path[0], frozenset())
