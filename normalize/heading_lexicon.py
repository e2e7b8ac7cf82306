"""The headings lexicon as the forms' structure: canonical headings, where the forms print them,
and which heading a misread one is.

``item_key`` builds on these: ``canonical_text`` (a heading's words in canonical form),
``hierarchy`` (heading → the sections Ⅰ…Ⅵ that print it), ``structure`` (which headings close an
item, which are printed just above which), and ``near_known`` (the one heading a printing read
a character or two off is, or None).
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
    SECTION_NUMERALS,
)

from .unicode import clean_text, fold_halfwidth_kana

# A component this long that differs from one known heading by a character (inserted, dropped
# or replaced) is that heading (OCR reads 概要 as 概革; a wrap or a clip drops a character),
# when no other heading is as near (``near_known``); by two (FUZZY_MAX_EDITS) when it is this
# long per edit and the forms print the heading under the heading before it (``fuzzy_edits``).
MIN_FUZZY_CHARS = 6
# ... or this long, when it is a heading the forms print just under the heading before it.
MIN_FUZZY_CHARS_IN_CONTEXT = 4
FUZZY_CHARS_PER_EDIT = 8
FUZZY_MAX_EDITS = 2
# Characters no heading of the forms holds: text with one of them beside a heading is another
# cell's (a date's digits, a check box ``[○]``, a sentence's 。).
FOREIGN_TO_HEADINGS = regex.compile(r"[0-9０-９\[\]［］○〇。]")
_SPACES = regex.compile(r"[\s\u3000]+")
_NOTE_MARK = regex.compile(r"[※＊*]")
_BRACKETED = regex.compile(r"[(][^()]*[)]|【[^】]*】")
_UNCLOSED = regex.compile(r"[(][^)]*$")
# OCR's and fonts' confusion of the long vowel mark ー with the kanji 一 and with dashes: after
# katakana it is ー (ユ一ザ, サ-バ), after a kanji 一 (統ー).
_LONG_VOWEL_READ = regex.compile(
    r"(?<=[\p{Katakana}ー])[一\-‐−―─](?=[\p{Katakana}ー]|$|[^\p{Katakana}\p{Han}])"
)
# Small kana and their full-size look-alikes, which OCR confuses (チエック for チェック): equal when
# a misreading is measured against a heading (``near_known``); the key keeps the heading's own.
_SMALL_KANA = str.maketrans(
    "ァィゥェォッャュョヮぁぃぅぇぉっゃゅょ", "アイウエオツヤユヨワあいうえおつやゆよ"
)
_ONE_READ = regex.compile(r"(?<=\p{Han})ー")
_EDGE_PUNCT = "：:・、。,. "
# Of a heading in the reference files: a bracketed note at its end, its numbering (compiled once:
# a pattern string costs a cache look-up per call, per line read).
_SPACED_TRAILING_NOTE = regex.compile(r"\s*\([^)]*\)$")
_LEADING_NUMBER = regex.compile(r"^(?:[①-⑳]|\(\d+\)|[0-9]+[．.])\s*")


@lru_cache(maxsize=65536)  # pure; asked of a pdfplumber line's every reading (plumber_items)
def canonical_text(text: str) -> str:
    """A heading's words in canonical form.

    Spaces and ※ removed, NFKC (half-width digits and letters, ``(`` for ``（``), bracketed notes
    dropped (``（委託に伴うものを除く。）``, ``（元職員、…等）``: the forms word them differently
    between versions, the heading around them names the item), and an unclosed bracket left by a
    clipped cell dropped.  A heading that is all bracket keeps its words.
    """
    t = _SPACES.sub("", fold_halfwidth_kana(clean_text(text)))
    t = unicodedata.normalize("NFKC", _NOTE_MARK.sub("", t))
    t = _LONG_VOWEL_READ.sub("ー", _ONE_READ.sub("一", t))
    if t.count("(") > t.count(")"):
        t = _UNCLOSED.sub("", t)
    stripped = _BRACKETED.sub("", t)
    t = stripped or t.strip("()【】")
    return t.strip(_EDGE_PUNCT)


# Marks a section numeral as the "parent" of the section's own heading in ``Structure.parents``
# (never the start of a key component).
SECTION_HEAD = "§"
_FORM_PREFIX = regex.compile(r"^(?:基礎|重点):")
# The lexicon's level prefix (``form_sections``' keys) of each assessment form a cover names
# (``cover.FORMS``): 全項目評価書's levels have none.
FORM_PREFIXES = {"全項目評価書": "", "基礎項目評価書": "基礎:", "重点項目評価書": "重点:"}
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
def lexicon_lines() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(file, level path, canonical headings) of every heading line of the lexicon (read once:
    ``structure`` and ``hierarchy`` both walk them)."""
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
class Structure:
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
def structure() -> Structure:
    lines = lexicon_lines()
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
    return Structure(
        frozenset(h for h, c in closing.items() if c), {h: frozenset(v) for h, v in parents.items()}
    )


@lru_cache(maxsize=1)
def form_sections() -> dict[str, dict[str, frozenset[str]]]:
    """Each form's sections as the main lexicon file prints them: form (the level's prefix,
    ``基礎:`` / ``重点:``, "" for 全項目) → numeral Ⅰ…Ⅵ → the section's own headings.  The forms
    head a numeral differently (Ⅰ: 基本情報 in 全項目, 関連情報 in 基礎; Ⅱ: 特定個人情報ファイルの
    概要 / しきい値判断項目)."""
    out: dict[str, dict[str, set[str]]] = {}
    for name, level, parts in lexicon_lines():
        prefix = level[: len(level) - len(_FORM_PREFIX.sub("", level))]
        numeral = level[len(prefix) :]
        if name == HEADING_FILES[0] and numeral in SECTION_NUMERALS and parts:
            out.setdefault(prefix, {}).setdefault(numeral, set()).update(parts)
    return {f: {n: frozenset(h) for n, h in secs.items()} for f, secs in out.items()}


@lru_cache(maxsize=4096)
def sections_over(heading: str) -> frozenset[tuple[str, str]]:
    """(form, section component) for each form whose main lexicon file prints ``heading``
    (canonical) just under a section: the section as a key's first component, numeral and
    heading (``Ⅱ特定個人情報ファイルの概要`` for ``特定個人情報の入手・使用``, 全項目 only).  Empty
    for a heading printed under no section directly."""
    out: set[tuple[str, str]] = set()
    sections = form_sections()
    for name, level, parts in lexicon_lines():
        if name != HEADING_FILES[0] or heading not in parts:
            continue
        prefix = level[: len(level) - len(_FORM_PREFIX.sub("", level))]
        segs = level[len(prefix) :].split("/")
        if len(segs) == 2 and segs[0] in SECTION_NUMERALS:
            out.update((prefix, segs[0] + h) for h in sections.get(prefix, {}).get(segs[0], ()))
    return frozenset(out)


@lru_cache(maxsize=1)
def whole_sections() -> frozenset[str]:
    """Canonical headings of sections that are a whole item of their form: no other heading of
    either lexicon file at or under the section's level (基礎項目's Ⅲ しきい値判断結果, printed as
    the 項目 cell alone)."""
    under: dict[str, set[str]] = {}  # section level → every heading at or under it
    own: dict[str, set[str]] = {}  # section level → its own heading(s)
    for _, level, parts in lexicon_lines():
        head = level.split("/")[0]
        if head.split(":")[-1] not in SECTION_NUMERALS:
            continue
        under.setdefault(head, set()).update(parts)
        if level == head:
            own.setdefault(head, set()).update(parts)
    whole = {h for lv, hs in own.items() for h in hs if under[lv] == {h}}
    # A heading that heads a section with sub-headings in another form (Ⅴ開示請求、問合せ of
    # 全項目) is no whole item.
    return frozenset(h for h in whole if not any(h in hs and under[lv] != {h} for lv, hs in own.items()))


@lru_cache(maxsize=1)
def hierarchy() -> dict[str, frozenset[str]]:
    """Canonical heading → the sections (Ⅰ…Ⅵ) the forms put it in (empty: outside Ⅰ…Ⅵ)."""
    index: dict[str, set[str]] = {}
    for _, level, parts in lexicon_lines():
        section = level.split(":")[-1].split("/")[0]
        for key in parts:
            index.setdefault(key, set())
            if section in SECTION_NUMERALS:
                index[key].add(section)
    return {k: frozenset(v) for k, v in index.items()}


def known_headings() -> frozenset[str]:
    """The canonical headings of the lexicon."""
    return frozenset(hierarchy())


@lru_cache(maxsize=1)
def by_length() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for k in hierarchy():
        out.setdefault(len(k), []).append(k)
    return {n: tuple(v) for n, v in out.items()}


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
def near_known(text: str, parent: str | None) -> str | None:
    """The lexicon heading ``text`` is a misreading of, or None: a printing with a character
    misread, dropped or added (OCR's 概革 for 概要, 範 alone of 範囲 wrapped, a stray mark).

    Candidates are the headings within ``fuzzy_edits`` of ``text``; a heading the forms print
    just under ``parent`` (the heading before, canonical; ``structure().parents``) is in
    context and may be shorter.  Taken only when one candidate is nearer than every other (of
    several at the same distance, the one in context when only one is, then the one ``text``
    opens, a heading clipped by its cell: ``本人の範`` of 本人の範囲, not 本人の数): a misreading
    between two headings is no heading.  A text with a character no heading holds (a digit, ``[]``, ○, 。) is
    never mapped: it is more than a misreading.
    """
    if FOREIGN_TO_HEADINGS.search(text):
        return None
    st = structure()
    limit = max(fuzzy_edits(len(text), True), fuzzy_edits(len(text), False))
    if not limit:
        return None
    found: list[tuple[int, bool, str]] = []
    for n in range(len(text) - limit, len(text) + limit + 1):
        for k in by_length().get(n, ()):
            in_context = parent is not None and parent in st.parents.get(k, ())
            allowed = fuzzy_edits(min(len(k), len(text)), in_context)
            if not allowed:
                continue
            d = edit_distance(text.translate(_SMALL_KANA), k.translate(_SMALL_KANA), allowed)
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
