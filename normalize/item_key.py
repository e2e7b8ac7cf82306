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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from piatable.vocabulary import (
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
# A component this long that differs from one known heading by one character is that heading
# (OCR reads 概要 as 概革).
MIN_FUZZY_CHARS = 6

_ASCII_ROMAN = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ", "V": "Ⅴ", "VI": "Ⅵ"}
_D = r"[0-9０-９]"
# The repeated blocks of a form, whose number tells two blocks apart.
INSTANCE_LABELS = ("提供先", "移転先", "委託事項", "再委託事項", "システム", "リスク")
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
# The first character of a heading of its own (not kana, punctuation or a bracket).
# Of a heading in the reference files: a bracketed note at its end, its numbering.
_SPACED_TRAILING_NOTE = regex.compile(r"\s*\([^)]*\)$")
_LEADING_NUMBER = regex.compile(r"^(?:[①-⑳]|\(\d+\)|[0-9]+[．.])\s*")
_TAIL_START = regex.compile(r"[\p{Han}\p{Katakana}A-Za-z0-9<\[]")


@dataclass(frozen=True, slots=True)
class ItemKey:
    """The canonical form of one 項目 cell.

    ``key``: the canonical components joined by ``/`` ("" for an empty cell); ``path``: the
    components; ``section``: Ⅰ…Ⅵ (printed, or inferred from a heading the lexicon places in one
    section only) or None; ``file``: the 特定個人情報ファイル named (``送付先情報ファイル``) or None;
    ``instance``: the repeated block (``提供先1``, ``委託事項2``, ``システム3``, ``リスク2``) with
    half-width digits, the innermost when several, or None; ``unknown``: the components the
    headings lexicon does not know.
    """

    key: str
    path: tuple[str, ...]
    section: str | None
    file: str | None
    instance: str | None
    unknown: tuple[str, ...]


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


@lru_cache(maxsize=1)
def _hierarchy() -> dict[str, frozenset[str]]:
    """Canonical heading → the sections (Ⅰ…Ⅵ) the forms put it in (empty: outside Ⅰ…Ⅵ)."""
    data = resources.files("piatable").joinpath("data")
    index: dict[str, set[str]] = {}
    for name in HEADING_FILES:
        for line in data.joinpath(name).read_text("utf-8").splitlines():
            if line.startswith("#") or line.count("\t") < 1:
                continue
            level, heading = line.split("\t")[:2]
            section = level.split(":")[-1].split("/")[0]
            heading = HEADING_NOTE.sub("", heading)
            for part in HEADING_ALTERNATIVES.split(heading):
                part = _SPACED_TRAILING_NOTE.sub("", part)
                part = _LEADING_NUMBER.sub("", part)
                key = canonical_text(part)
                if len(key) >= 2:
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
    """The lexicon heading ``text`` is (exactly, or with one character misread), else None."""
    if text in _hierarchy():
        return text
    if len(text) < MIN_FUZZY_CHARS:
        return None
    near = [
        k for k in _by_length().get(len(text), ()) if sum(a != b for a, b in zip(k, text, strict=True)) == 1
    ]
    return near[0] if len(near) == 1 else None


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


def item_key(item: str | list[str]) -> ItemKey:
    """The canonical key of a 項目 cell (its text with ``\\n`` between lines, or its lines).

    Never fails: a cell without any known heading still gets a key from its normalized text
    (and all its components in ``unknown``).
    """
    lines = item.split("\n") if isinstance(item, str) else list(item)
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

    path: list[str] = []
    unknown: list[str] = []
    section = file = instance = None
    for kind, value, body in parts:
        if kind == "file":
            file = canonical_text(value)
            path.append(file)
            continue
        if kind == "instance" and value:
            instance = value
            if not value.startswith("リスク"):
                path.append(value)
        words = canonical_text(body)
        if kind == "section":
            # The first section printed is the item's (a second one is text of another row).
            section = section or value
        if not words:
            if kind == "section":
                path.append(value)
            continue
        known = _known(words)
        pieces: tuple[str, ...] = (known,) if known else (_split_known(words) or (words,))
        unknown.extend(p for p in pieces if p not in _hierarchy())
        if kind == "section":
            pieces = (value + pieces[0], *pieces[1:])
        path.extend(pieces)
    if section is None:
        places = {s for p in path for s in _hierarchy().get(p, ()) if len(_hierarchy()[p]) == 1}
        section = places.pop() if len(places) == 1 else None
    return ItemKey(KEY_SEPARATOR.join(path), tuple(path), section, file, instance, tuple(unknown))
