"""What the forms' headings say about a line of pdfplumber ``extract_text()`` text: whether its
first cell fragment carries on the 項目 (item) path of the row, or can no longer be part of it.

pdfplumber prints a wrapped 項目 cell's second and third lines between the other cells' lines of
the same height (``plumber_text``), so a heading's later lines (``７．評価実施機関にお`` /
``ける担当部署`` / ``①部署``) stand alone or beside before / after lines, where width and the
line above cannot tell which column they are.  The forms can: an item path is a run of the
forms' headings (``heading_lexicon``), section, numbered heading and sub-headings, one a line,
each printed under the one above it, and it closes with a heading that closes an item
(``heading_lexicon.structure().closing``: ``①部署``, ``③消去方法``).

- ``goes_on``: the fragment carries the row's item path on: the rest of its last heading
  wrapped (its last line and the fragment spell the start of a heading of the forms), or a
  heading of the forms (or a numbered one's first line) while the path is still open.
- ``closed``: the row's item path has closed (its last heading closes an item), and the fragment
  is no heading: it belongs to another column.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from piatable.normalize.heading_lexicon import canonical_text, form_sections, structure
from piatable.vocabulary import heading_key, lexicon

# A heading's wrapped start shorter than this (characters of its key) is not matched against the
# forms' headings (two characters start too many of them).
WRAPPED_MIN_CHARS = 3
# Characters of a heading's key that open its line: a numbering (``１．``, ``①``, ``（１．``,
# ``リスク２：``).
_NUMBERED = regex.compile(
    r"^(?:[ⅠⅡⅢⅣⅤⅥⅦ]|[0-9０-９]{1,2}[．.]|[①-⑳]|[（(][0-9０-９]{1,2}[．.]|リスク[0-9０-９]{1,2}[：:])"
)
# The name of a specific file in an item's path, its bracket still open (``（１．住民基本台帳``):
# the line under it closes it.
_FILE_NAME_OPEN = regex.compile(r"^[（(][0-9０-９]{1,2}[．.][^）)]*$")
_FILE_NAME = regex.compile(r"^[（(][0-9０-９]{1,2}[．.]")
# What no heading of the forms holds: a sentence's end, a check box, a date.
_NOT_HEADING = regex.compile(r"。(?![）)])|[\[\]［］○〇]|[0-9０-９]{4}|年.*月")


@lru_cache(maxsize=1)
def _keys() -> tuple[str, ...]:
    return tuple(sorted(lexicon()))


@lru_cache(maxsize=8192)
def _starts_heading(text: str) -> bool:
    """``text`` (a heading's lines joined) is the start of a heading of the forms, or one whole."""
    key = heading_key(regex.sub(r"[（(][^）)]*$", "", text))
    if len(key) < WRAPPED_MIN_CHARS:
        return False
    return any(k.startswith(key) for k in _keys())


@lru_cache(maxsize=8192)
def _is_heading_line(frag: str) -> bool:
    """A line that is a heading of the forms, or the first line of a numbered one wrapped."""
    if _NOT_HEADING.search(frag):
        return False
    if _FILE_NAME.match(frag) or heading_key(frag) in lexicon():
        return True
    return bool(_NUMBERED.match(frag)) and _starts_heading(frag)


def _closes(text: str) -> bool:
    return canonical_text(heading_key(text)) in structure().closing


@lru_cache(maxsize=4096)
def _headings(item_lines: tuple[str, ...]) -> tuple[str, ...]:
    """The item lines with a heading's wrapped lines joined (a line joins the one above when
    that is no whole heading and the two spell the start of one, or close a file's name)."""
    out: list[str] = []
    for line in item_lines:
        if out and _joins(out[-1], line):
            out[-1] += line
        else:
            out.append(line)
    return tuple(out)


def _joins(last: str, frag: str) -> bool:
    if _FILE_NAME_OPEN.match(last):
        return not _FILE_NAME_OPEN.match(frag) and not _NUMBERED.match(frag)
    return heading_key(last) not in lexicon() and _starts_heading(last + frag)


def wraps_heading(item_lines: tuple[str, ...], frag: str) -> bool:
    """The row's last item heading and ``frag`` spell the start of one heading of the forms (a
    heading wrapped in the 項目 column: ``７．評価実施機関にお`` + ``ける担当部署``; a file's name
    ``（１．住民基本台帳`` + ``ファイル）``), the last heading itself no whole one."""
    if not item_lines or _NOT_HEADING.search(frag):
        return False
    return _joins(_headings(item_lines)[-1], frag)


@lru_cache(maxsize=16384)
def is_closed(item_lines: tuple[str, ...]) -> bool:
    """The row's item path has closed: its last heading (its wrapped lines joined) closes an
    item."""
    return bool(item_lines) and _closes(_headings(item_lines)[-1])


@lru_cache(maxsize=65536)  # asked of a line's every reading (plumber_text._item_cost): pure
def goes_on(item_lines: tuple[str, ...], frag: str) -> bool:
    """``frag`` carries the row's item path on (see the module's docstring)."""
    if not item_lines:
        return False
    if wraps_heading(item_lines, frag):
        return True
    return not is_closed(item_lines) and _is_heading_line(frag)


# A sentence's end (not a bracketed note's) or a list's bullet: what no line of an item path holds.
_PROSE = regex.compile(r"。(?![）)])|^[・･]")


@lru_cache(maxsize=65536)
def is_prose(frag: str) -> bool:
    """``frag`` is a sentence or a list line (``・３年に１回、外部監査を実施する。``), no heading."""
    return bool(_PROSE.search(frag))


@lru_cache(maxsize=65536)
def closed(item_lines: tuple[str, ...], frag: str) -> bool:
    """The row's item path has closed and ``frag`` neither is a heading nor wraps one on."""
    return is_closed(item_lines) and not _is_heading_line(frag) and not wraps_heading(item_lines, frag)


# A section's heading wrapped after this many characters still names it (``Ⅱしきい値判断``).
SECTION_MIN_CHARS = 2


@lru_cache(maxsize=4096)
def is_section_heading(frag: str) -> bool:
    """``frag`` is a section's numeral and heading as one of the forms prints it (``Ⅰ基本情報``,
    ``Ⅱしきい値判断`` wrapped): an item path's first line, whatever the lines around it."""
    numeral, rest = frag[:1], canonical_text(frag[1:])
    if len(rest) < SECTION_MIN_CHARS:
        return False
    return any(h.startswith(rest) for secs in form_sections().values() for h in secs.get(numeral, ()))
