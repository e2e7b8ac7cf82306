"""A 項目 cell printed as the form's numbers only: ``Ⅱ-3-⑧``, ``Ⅰ-5``, ``Ⅴ-2-①``.

Some tables name the form item by its numbering alone: the section numeral, the heading's number
and the item's circled number, joined by hyphens (set XX's t06, a Gnumeric table).  The forms'
numbering is fixed (``pia_headings.tsv`` lists each heading at its level ``Ⅱ/3/⑧``), so a bare
code that fully matches it names a known item: ``Ⅱ-3-⑧`` is ``Ⅱ特定個人情報ファイルの概要`` /
``特定個人情報の入手・使用`` / ``使用方法``, the path the same item printed in words keys to.  A
heading with one unnumbered item under it and nothing else (``Ⅰ/5`` 個人番号の利用 /
``Ⅰ/5/-`` 法令上の根拠) names that item.

The levels are those of the lexicon's main file, 全項目評価書's by default (its levels carry no
prefix); a document whose cover names another form is mapped by that form's levels
(``FORM_PREFIXES``), where the lexicon lists them.  A code followed by other text (``Ⅱ-6-③
保存期間経過後…``: the before cell's first line read into the 項目 cell) is no bare code: it keeps
its printed numbers, circled number included, and the text after it is keyed as read.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from piatable.vocabulary import HEADING_FILES

from .heading_lexicon import lexicon_lines

# The hyphens and dashes a table types between the numbers (and the long vowel mark a Japanese
# input method gives for ``-``).
_DASH = r"[-－‐‑−–—ー]"
COMPACT_CODE = regex.compile(
    rf"^(?P<section>[ⅠⅡⅢⅣⅤⅥ])\s*{_DASH}\s*(?P<number>[0-9０-９]{{1,2}})"
    rf"(?:\s*{_DASH}\s*(?P<item>[①-⑳]))?(?![0-9０-９])"
)
_FORM_PREFIX = regex.compile(r"^(?:基礎|重点):")


def read_compact(text: str) -> tuple[str, str] | None:
    """(the code in canonical form, the text after it) when ``text`` opens with a compact code,
    else None.  The canonical code has half-width digits and keeps the circled number
    (``Ⅱ-3-⑧``); the text after it is returned as given (spaces included)."""
    m = COMPACT_CODE.match(text.strip())
    if not m:
        return None
    number = str(int(m.group("number")))  # int() reads full-width digits too
    code = f"{m.group('section')}-{number}" + (f"-{m.group('item')}" if m.group("item") else "")
    return code, text.strip()[m.end() :]


@lru_cache(maxsize=1)
def _first_at() -> dict[str, str]:
    """Level (``Ⅱ/3/⑧``, ``基礎:Ⅰ/1``) → the first canonical heading the main lexicon file lists
    there (the numbered one of ``使用方法 / 情報の突合 …``)."""
    return {level: parts[0] for name, level, parts in lexicon_lines() if parts and name == HEADING_FILES[0]}


@lru_cache(maxsize=1)
def _children() -> dict[str, frozenset[str]]:
    """Level → the last segments of the main file's levels just under it."""
    out: dict[str, set[str]] = {}
    for name, level, _ in lexicon_lines():
        if name == HEADING_FILES[0] and "/" in level:
            parent, _, last = level.rpartition("/")
            out.setdefault(parent, set()).add(last)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=512)
def compact_path(code: str, prefix: str = "") -> tuple[str, ...] | None:
    """The canonical heading path (``ItemKey.path``) of a canonical compact code (``read_compact``)
    by the levels of the form whose lexicon prefix is ``prefix`` ("" for 全項目評価書), or None
    when the lexicon lists no heading at one of its levels."""
    section, number, *item = code.split("-")
    first = _first_at()
    levels = [f"{prefix}{section}", f"{prefix}{section}/{number}"]
    if item:
        levels.append(f"{levels[-1]}/{item[0]}")
    elif _children().get(levels[-1]) == frozenset({"-"}):
        levels.append(f"{levels[-1]}/-")  # the one unnumbered item under the heading
    if any(level not in first for level in levels):
        return None
    return (section + first[levels[0]], *(first[level] for level in levels[1:]))


def known_compact_cell(paragraphs: list[str]) -> bool:
    """Whether a 項目 cell's paragraphs are one bare compact code that names an item of the form
    (by 全項目's levels): a heading of the form although its words are not printed.  A code
    wrapped in a narrow column (``Ⅱ-3-`` / ``⑧``) is joined; a space inside a line, or text after
    the code, makes it no bare code."""
    lines = [p.strip() for p in paragraphs if p.strip()]
    if not lines or any(c.isspace() for ln in lines for c in ln):
        return False
    read = read_compact("".join(lines))
    return read is not None and not read[1] and compact_path(read[0]) is not None
