"""The numbering of a 項目 cell as printed and as OCR and flattened text readers misread it: the
scanner's marks (``MARKER``: section numerals Ⅰ…Ⅵ, ``３．``, ``(1)``, ``①``, file lines, repeated
blocks), the section numeral at the start of a cell read as letters or with look-alike strokes
beside it (``IM``, ``HI``, ``IⅠ``, ``Ⅰl``; ``recover_section``, ``read_section_start``), a circled
number read as letters (``(D``, ``®``, ``0``; ``circled_lookalike``), and the lexicon's cut of
headings an extractor glued (``split_known``).  Part of ``item_key``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex
from cydifflib import SequenceMatcher

from .heading_lexicon import SECTION_HEAD, canonical_text, hierarchy, lexicon_lines, sections_over, structure
from .item_noise import section_heads

# A heading found by splitting a run of unnumbered headings must be at least this long: short
# headings (方法, 結果) split unknown text into nonsense.
MIN_SPLIT_PIECE_CHARS = 4

_ASCII_ROMAN = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ", "V": "Ⅴ", "VI": "Ⅵ"}
_D = r"[0-9０-９]"
# A character that makes ファイル part of a longer heading (ファイルを取り扱う事務).
_WORD_GOES_ON = r"[\p{Han}\p{Hiragana}\p{Katakana}ー]"
# One alternative per kind of numbering; the scanner tries them at every position.
MARKER = regex.compile(
    rf"(?P<section>[ⅠⅡⅢⅣⅤⅥ])"
    rf"|(?P<file>[（(]{_D}{{1,2}}[．.、]?(?P<fname>[^（）()]{{0,40}}ファイル)[）)]"
    # The form's own file line: （１）住民基本台帳ファイル, the file's name ending the heading.
    rf"|[（(]{_D}{{1,2}}[）)][ 　]*(?P<fname>[^（）()\s]{{1,40}}?ファイル)(?!{_WORD_GOES_ON})"
    # A file line printed without its number (``（宛名ファイル）``): no heading of the forms is a
    # bracketed name ending in ファイル, so it is the file the row concerns (branch itemkey55).
    rf"|[（(](?P<fname>[^（）()0-9０-９\s]{{1,40}}ファイル)[）)])"
    # A block's number, or a range of blocks printed as one (提供先１～５).
    rf"|(?P<instance>(?:提供先|移転先|再委託事項|委託事項|システム)(?:(?P<inum>{_D}{{1,2}}(?:[～〜~－\-]{_D}{{1,2}})?)"
    rf"(?![0-9０-９．.])"
    # Its number glued to the next heading's ASCII numbering when the cell's lines are joined
    # (``委託事項1`` + ``3. 委託先…`` → ``委託事項13.委託先…``): a block's number never ends in a dot.
    rf"|(?P<inum>{_D})(?={_D}[．.](?![0-9０-９])))[：:]?"
    # Its number in brackets right after a label no heading ends with (``…の委託委託事項(2)``: a
    # reader glued the block's line to the heading before; not システム or リスク, which end
    # headings: ``…使用するシステム`` + ``(1)システムの名称``).
    rf"|(?:提供先|移転先|再委託事項|委託事項)[（(](?P<inum>{_D}{{1,2}})[）)][：:]?"
    rf"|リスク(?P<rnum>{_D}{{1,2}})[：:・]?|リスク[：:])"
    rf"|(?P<number>(?<![0-9０-９]){_D}{{1,2}}[．.](?![0-9０-９])|[（(]{_D}{{1,2}}[）)]|[①-⑳]"
    # OCR's readings of a numbering before a heading: ⑤ as ＠, １． as ]． or ３、 or １。.
    rf"|[@＠](?=[\p{{Han}}\p{{Katakana}}])|[\]】｜|][．]|(?<![0-9０-９])[０-９]{{1,2}}[、。](?=[\p{{Han}}\p{{Katakana}}]))"
)
# What OCR reads a section numeral Ⅰ…Ⅵ as, at the start of a cell (``IM``, ``TV``, ``川``, ``ll``).
_OCR_NUMERAL = regex.compile(r"^[IiLlJjHMTVvXxⅠⅡⅢⅣⅤⅥ川|｜!1１]{1,3}")
# Characters OCR puts at a heading's edges or inside it where the forms print none (``0主な意見の
# 内容``, ``使用者数-``, ``法令2上の根拠``, ``リスク対策E``): ASCII letters, digits and marks.
OCR_JUNK = regex.compile(r"[A-Za-z0-9@＠\-_.,:;'\"|!~=+*^`]")
# A section's heading read with characters misread (``符走人情報ファイルの概要``) is that heading
# when this similar (difflib ratio) and nearer than any other section's heading by the margin.
SECTION_HEAD_MIN_RATIO = 0.75
SECTION_HEAD_MARGIN = 0.1
# An ASCII roman numeral that OCR or an extractor printed for Ⅰ…Ⅵ, at the start of the cell.
# Before a heading, or before the ordinary numbering of the heading under the section when the
# section's own heading is not printed (``II 3.特定個人情報の取扱いの委託``, spaces taken out).
_ASCII_SECTION = regex.compile(
    r"^(?P<roman>VI|IV|V|I{1,3})(?=[\p{Han}\p{Hiragana}\p{Katakana}]|[0-9０-９]{1,2}[．.](?![0-9０-９])|[（(][0-9０-９]{1,2}[）)]|[①-⑳])"
)
# A section's number printed as an ordinary numbering (``2.``, ``２．``, ``（２）``, ``2、``) at the
# start of a cell, before the section's heading: the section Ⅰ…Ⅵ of that number.
_ARABIC_SECTION = regex.compile(
    r"^(?:[（(](?P<a>[1-6１-６])[）)]|(?P<b>[1-6１-６])[．.、]?)(?=[\p{Han}\p{Katakana}\p{Hiragana}])"
)
_NUMERALS = "ⅠⅡⅢⅣⅤⅥ"
# A section numeral read with look-alike strokes beside it (``IⅠ`` or ``Ⅰl`` for Ⅱ, ``Ⅱl`` for Ⅲ):
# the heading after it decides (``recover_section``), as for a numeral read as letters alone.
_MIXED_NUMERAL = regex.compile(r"^(?:[ⅠⅡⅢⅣⅤⅥ][IiLl|｜!ⅠⅡⅢ]+|[IiLl|｜!H]+[ⅠⅡⅢⅣⅤⅥ])")
# What OCR reads a circled number ①…⑳ as at the start of a line (``(D``, ``CD``, ``®``, ``O``,
# ``0``), before a heading's first character (not a date's 年月日): read as a numbering.  A whole
# ``(1)`` is the numbering printed, read as it is (``(1) 関連情報``: the section Ⅰ's number).
_CIRCLED_LOOKALIKE = regex.compile(
    r"^\s*(?:[(（](?:[DIl][)）]?|1(?![)）]))|C[DI]|[©®OoQ0０])\s*(?=[\p{Han}\p{Katakana}])(?![〇年月日])"
)
# Look-alikes of one stroke of a numeral.
_STROKES = regex.compile(r"[IiLlJj|｜!1]+")
# The first character of a heading of its own (not kana, punctuation or a bracket).
_TAIL_START = regex.compile(r"[\p{Han}\p{Katakana}A-Za-z0-9<\[]")


@lru_cache(maxsize=16384)
def split_known(text: str) -> tuple[str, ...] | None:
    """``text`` cut into the headings an extractor printed into one piece, or None.

    Taken when the lexicon covers ``text`` wholly by two or more known headings (``使用の主体`` +
    ``使用者数``), else when known headings cover a prefix and the rest reads as a heading of its
    own (it starts with neither kana nor punctuation, so it does not continue the prefix's
    sentence: ``物理的対策`` + ``具体的な対策の内容``).
    """
    n = len(text)
    longest = max(map(len, hierarchy()), default=0)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        prev = best[i]
        if prev is None:
            continue
        for j in range(i + MIN_SPLIT_PIECE_CHARS, min(n, i + longest) + 1):
            piece = text[i:j]
            if piece not in hierarchy():
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


@lru_cache(maxsize=1)
def _same_level_pairs() -> dict[str, frozenset[str]]:
    """Heading → the headings the lexicon lists at the same level (``②監査`` and the sub-heading
    ``具体的な内容`` printed with it, from ``extra_headings.tsv``)."""
    by_level: dict[str, set[str]] = {}
    for _, level, parts in lexicon_lines():
        by_level.setdefault(level, set()).update(parts)
    out: dict[str, set[str]] = {}
    for names in by_level.values():
        for name in names:
            out.setdefault(name, set()).update(names - {name})
    return {k: frozenset(v) for k, v in out.items()}


def same_level_split(text: str) -> tuple[str, str] | None:
    """``text`` cut into a heading shorter than ``MIN_SPLIT_PIECE_CHARS`` and the heading the
    lexicon lists at its level (``監査具体的な内容`` → ``監査`` + ``具体的な内容``: the line
    ``②監査`` and the line under it, glued once their numbering was read), or None.  The short
    heading is cut only where the lexicon pairs the two, so ``方法`` or ``結果`` open no split."""
    for k in range(2, MIN_SPLIT_PIECE_CHARS):
        head, rest = text[:k], text[k:]
        if rest in _same_level_pairs().get(head, ()):
            return head, rest
    return None


def _nearest_section_head(words: str) -> str | None:
    """The section's heading ``words`` is like (``SECTION_HEAD_MIN_RATIO``), nearer than any
    other by ``SECTION_HEAD_MARGIN``, or None."""
    scored = sorted(
        ((SequenceMatcher(None, words, h, autojunk=False).ratio(), h) for h in section_heads()), reverse=True
    )
    if not scored or scored[0][0] < SECTION_HEAD_MIN_RATIO:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - SECTION_HEAD_MARGIN:
        return None
    return scored[0][1]


# An opening bracket OCR reads inside a heading that prints none (``取扱い（プロセス``).
_OPEN_BRACKET = regex.compile(r"[（(](?!.*[）)])")
# A section's heading this long or longer is never any other heading's beginning by chance.
MIN_SECTION_HEAD_UNREAD = 8


def _only_a_section_head(words: str) -> bool:
    """Whether ``words`` is a section's own heading that the forms print nowhere else (not
    ``基本情報``, also Ⅱ's ２．), at least ``MIN_SECTION_HEAD_UNREAD`` long."""
    above = structure().parents.get(words, frozenset())
    return (
        len(words) >= MIN_SECTION_HEAD_UNREAD
        and words in section_heads()
        and all(p.startswith(SECTION_HEAD) for p in above)
    )


@lru_cache(maxsize=4096)
def recover_section(head: str, rest: str) -> str | None:
    """The section numeral and heading (``Ⅱ特定個人情報ファイルの概要``) that the start of a
    cell without a numeral Ⅰ…Ⅵ was, or None: OCR reads the numeral as letters or a kanji
    (``IM``, ``TV``, ``川``, ``ll``) and may misread the heading (``符走人情報ファイルの概要``) or
    add a mark after it (``その他のリスク対策5``).  Taken when ``head`` opens with look-alikes
    of a numeral and, they and ASCII marks removed, is a section's heading, or is no heading
    and like one section's heading only (``SECTION_HEAD_MIN_RATIO``,
    ``SECTION_HEAD_MARGIN``); a heading that heads several sections (``リスク対策``) takes the
    one the headings after it (``rest``) are printed in.  A cell that opens with a long section's
    heading printed nowhere else takes its numeral though none was read (``_only_a_section_head``)."""
    words = canonical_text(head)
    heads = section_heads()
    m = _OCR_NUMERAL.match(words)
    lead = m.group(0) if m else ""
    bare = canonical_text(_OPEN_BRACKET.sub("", head))
    unread = None
    if not lead and rest and len(bare) >= MIN_SECTION_HEAD_UNREAD:
        unread = bare if bare in heads else None if bare in hierarchy() else _nearest_section_head(bare)
    if unread and _only_a_section_head(unread):
        # The numeral lost altogether (and maybe a stray bracket read inside the heading, or a
        # character misread) before a heading the forms print as a section's heading only, with
        # headings after it (a heading alone is a cell of its own).
        words, lead = unread, " "
    elif not lead:
        # Any character or two read for the numeral (出, 凪, IW), before a section's heading.
        lead = next((words[:k] for k in (1, 2) if OCR_JUNK.sub("", words[k:]) in heads), "")
    words = OCR_JUNK.sub("", words[len(lead) :])
    if not lead or len(words) < MIN_SPLIT_PIECE_CHARS:
        return None  # no numeral read: a heading of its own (基本情報 is also Ⅱ's ２．)
    if words in heads:
        found = words
    elif words in hierarchy():
        return None
    else:
        near = _nearest_section_head(words)
        if near is None:
            return None
        found = near
    sections = set(heads[found])
    if len(sections) > 1:
        later = {canonical_text(p) for p in MARKER.split(rest) if p}
        later |= {h for p in later for h in split_known(p) or ()}
        placed = {x for p in later for x in hierarchy().get(p, ()) if len(hierarchy()[p]) == 1}
        sections = (sections & placed) or sections
    if len(sections) > 1:
        # The numeral's look-alike decides last: 川 is Ⅲ; a V (or M) after a stroke is Ⅳ; a run
        # of strokes alone (``IIl``, Ⅱl: NFKC made the numerals strokes) is as many as it holds.
        hint = {"川": "Ⅲ"}.get(lead[:1]) or ("Ⅳ" if regex.search(r".[VvM]", lead) else None)
        if hint is None and _STROKES.fullmatch(lead) and len(lead) <= 3:
            hint = "ⅠⅡⅢ"[len(lead) - 1]
        sections &= {hint}
    return sections.pop() + found if len(sections) == 1 else None


def circled_lookalike(line: str) -> str:
    """``line`` with OCR's reading of a circled number at its start (``_CIRCLED_LOOKALIKE``)
    printed as a numbering ``(0)`` the key leaves out, so that it neither glues to the line before
    (``提供先１`` + ``0法令上の根拠`` is no 提供先10) nor sticks to the heading."""
    m = _CIRCLED_LOOKALIKE.match(line)
    return "(0)" + line[m.end() :] if m else line


def misplaced_section(text: str) -> bool:
    """Whether ``text`` opens with a numeral Ⅰ…Ⅵ before a section's heading that the forms
    print under other numerals only, nowhere under this one (``Ⅰ特定個人情報ファイルの概要``:
    OCR read Ⅱ as Ⅰ; not ``Ⅱ基本情報``, a heading Ⅱ also prints), the heading maybe misread
    (``Ⅱ特定個人情報ファイル名取扱いプロセスにおけるリスク対策``: Ⅲ's, ``recover_section``)."""
    first = MARKER.search(text, 1)
    head = text[: first.start() if first else len(text)]
    words = canonical_text(head[1:])
    heads = section_heads()
    if words in heads or words in hierarchy():
        return words in heads and text[0] not in heads[words] | hierarchy().get(words, frozenset())
    recovered = recover_section(head, text[len(head) :])
    return recovered is not None and text[0] not in heads.get(recovered[1:], frozenset())


def arabic_section(text: str) -> tuple[str, list[str]] | None:
    """``text`` with a section's number printed as an ordinary numbering at its start (``2.``,
    ``（２）``) made the numeral Ⅰ…Ⅵ, when the text up to the next numbering is a heading of that
    section (``２．特定個人情報ファイルの概要`` → ``Ⅱ特定個人情報ファイルの概要``; ``２．基本情報`` stays:
    基本情報 heads Ⅰ, and Ⅱ numbers it ２．), or like only it (``recover_section``'s measure, noted
    ``printed→read``); else None."""
    m = _ARABIC_SECTION.match(text)
    if not m:
        return None
    digit = unicodedata.normalize("NFKC", m.group("a") or m.group("b"))
    numeral = _NUMERALS[int(digit) - 1]
    first = MARKER.search(text, m.end())
    head = text[m.end() : first.start() if first else len(text)]
    words = OCR_JUNK.sub("", canonical_text(head))
    heads = section_heads()
    if numeral in heads.get(words, frozenset()):
        return numeral + text[m.end() :], []
    if words in hierarchy() or len(words) < MIN_SECTION_HEAD_UNREAD:
        return None
    near = _nearest_section_head(words)
    if near is None or numeral not in heads[near]:
        return None
    rest = text[m.end() + len(head) :]
    return numeral + near + rest, [f"{text[: m.end()]}{head}→{numeral}{near}"]


def read_section_start(text: str) -> tuple[str, list[str]]:
    """``text`` (a cell's joined lines, spaces removed) with the section numeral at its start read
    as the forms print it, and the readings taken (``printed→read``, for ``ItemKey.fuzzy``): an
    ASCII roman numeral (``II``) made Ⅱ without a note; a numeral read as letters, with look-alike
    strokes beside it, or before a section's heading it never heads, made the section of that
    heading (``recover_section``)."""
    m = _ASCII_SECTION.match(text)
    if m:
        text = _ASCII_ROMAN[m.group("roman")] + text[m.end() :]
    if not text:
        return text, []
    arabic = arabic_section(text)
    if arabic:
        return arabic
    mixed = _MIXED_NUMERAL.match(text)
    numeral = text[0] in _ASCII_ROMAN.values()
    if numeral and not mixed and not misplaced_section(text):
        return text, []
    first = MARKER.search(text, mixed.end() if mixed else int(numeral))
    head = text[: first.start()] if first else text
    recovered = recover_section(head, text[len(head) :])
    if not recovered:
        return text, []
    return recovered + text[len(head) :], [f"{head}→{recovered}"]


# A repeated block's label with its number printed in brackets, circled, set apart by a space or
# plainly (``委託事項（１）``, ``提供先(2)``, ``委託事項①``, ``委託事項 1``, ``委託事項１``), where a line
# or a space-separated run opens with the label and the number ends that run: the block
# ``委託事項1`` as the forms print it.  Only at a run's start: ``…使用するシステム`` +
# ``(1)システムの名称`` is a heading and a numbered heading, no block.
_BLOCK_NUMBER = regex.compile(
    r"(?:(?<=^|[\s　])|(?<=^[ⅠⅡⅢⅣⅤⅥ])|(?<=^[（(][0-9０-９]{1,2}[．.]?[^（）()]{0,40}ファイル[）)]))"
    r"(?P<label>提供先|移転先|再委託事項|委託事項|システム|リスク)[ 　]*"
    r"(?:[（(](?P<n>[0-9０-９]{1,2})[）)]|(?P<n>[①-⑳])|(?P<n>[0-9０-９]{1,2}))"
    r"(?:[ 　]*[：:]|(?=[\s　]|$))"
)


def block_numbers(lines: list[str]) -> list[str]:
    """``lines`` of a 項目 cell with each repeated block's number printed the forms' way
    (``_BLOCK_NUMBER``: ``委託事項（１）`` → ``委託事項1：``; a colon closes the number, as in
    ``提供先１：都道府県知事``, so that the next line's numbering, ``3. 委託先…``, does not read as
    its digits).  A block's label and number that a wrap cut between two lines (``…の委託 委託`` /
    ``事項(2) ２．…``, ``委託事項`` / ``（１）``) are joined first."""
    out: list[str] = []
    for line in lines:
        if out:
            joined = out[-1] + line
            cut = len(out[-1])
            if any(m.start() < cut < m.end() for m in _BLOCK_NUMBER.finditer(joined)):
                out[-1] = joined
                continue
        out.append(line)
    return [_BLOCK_NUMBER.sub(_block, ln) for ln in out]


def _block(m: regex.Match) -> str:
    number = unicodedata.normalize("NFKC", m.group("n"))
    return f"{m.group('label')}{number}："


def bare_section(comps: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``comps`` (canonical component, role) of a key whose section is printed as its numeral
    alone (``Ⅱ`` / ``３．特定個人情報の取扱いの委託`` / …) with that numeral's heading put in, when
    every form of the lexicon that prints the next known heading just under this numeral heads
    the numeral alike (``Ⅱ特定個人情報ファイルの概要``: 全項目 and 重点; not Ⅰ before
    ``評価実施機関における担当部署``, which 全項目 prints under Ⅰ基本情報 and 基礎 under Ⅰ関連情報: the
    table decides, ``item_context``).  The same item then keys alike with its heading printed or
    not.  A file line between them is passed over."""
    if len(comps) < 2 or comps[0][1] != "section" or len(comps[0][0]) != 1:
        return comps
    numeral = comps[0][0]
    after = next(((c, role) for c, role in comps[1:] if role != "file"), None)
    if after is None or after[1] != "known":
        return comps
    heads = {c for _, c in sections_over(after[0]) if c[:1] == numeral}
    return [(heads.pop(), "section"), *comps[1:]] if len(heads) == 1 else comps
