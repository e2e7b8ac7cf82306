"""Misread headings of a 項目 path placed by the forms' structure around them: the tolerant
matcher ``item_key`` runs last over the components it could not name.

A component that is no heading of the lexicon, nor one a character or two off (``near_known``),
may still be a heading that OCR or an extractor damaged more than that (``特和個人本報の入手入用``
for 特定個人情報の入手・使用, ``部寺5`` for 部署, ``特定個人情報の保管・`` with another cell's
line glued after it).  ``anchor_components`` names it when the forms' structure fixes what it can
be and its text is near enough:

* its place: a heading the forms print just under the heading before it (``structure().parents``);
* and an anchor: the heading after it is one the forms print just under the candidate (the known
  children of the parent heading), or its printed circled number (①…⑳) is the candidate's in
  the lexicon (``numbered_children``);
* and its text: like the candidate (``ANCHOR_MIN_RATIO``, ``difflib`` ratio with OCR's ASCII marks
  left out), or opening with most of it (``ANCHOR_MIN_PREFIX``): the rest is another cell's text,
  kept in ``dropped``.

A cell's first component, read without its section numeral, is the section's own heading when the
heading after it is printed in one section only and the text is like that section's heading.  A
section numeral printed before text that is no section's heading is the heading of that numeral
the text prints most of (another cell's line read into it, a line of the heading lost).
Every component so named is listed in ``fuzzy`` (``printed→heading``): the key is inferred, and the
record is flagged ``item_key_fuzzy``.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from cydifflib import SequenceMatcher

from piatable.vocabulary import HEADING_FILES, SECTION_NUMERALS

from .heading_lexicon import FOREIGN_TO_HEADINGS, lexicon_lines, near_known, structure
from .item_noise import section_heads

# A damaged component is taken for a heading the structure allows there when this alike
# (difflib's ratio, 2 × matched characters / both lengths) ...
ANCHOR_MIN_RATIO = 0.5
# ... or when it opens with at least this share of the heading (and at least ANCHOR_MIN_OPENING
# characters): the heading read whole or nearly, then another cell's text glued after it.
ANCHOR_MIN_PREFIX = 0.8
ANCHOR_MIN_OPENING = 4
# Of two candidates that fit, the better must be ahead by this much (else no heading is named).
ANCHOR_MARGIN = 0.15
# A section's own heading read without its numeral must be this alike (the cell's first text may
# be another cell's line: a higher bar than inside the path).
SECTION_ANCHOR_MIN_RATIO = 0.55
# A section numeral's text that is no section's heading is the one of the numeral's headings it
# prints this much of, in runs of at least SECTION_MIN_RUN characters (``_section_heading``).
SECTION_MIN_COVER = 0.75
SECTION_MIN_RUN = 2
# OCR's ASCII marks and digits inside a heading (``部寺5``, ``使用者数.5``).
_OCR_MARKS = regex.compile(r"[A-Za-z0-9@＠\-_.,:;'\"|!~=+*^`]")
_CIRCLED = regex.compile(r"^[①-⑳]$")
_FORM_PREFIX = regex.compile(r"^(?:基礎|重点):")


@lru_cache(maxsize=1)
def numbered_children() -> dict[tuple[str, str], frozenset[str]]:
    """(parent heading, circled number) → the headings the forms print with that number under it
    (``Ⅰ/7/①  部署`` → (評価実施機関における担当部署, ①) → {部署}), from the main lexicon file; the
    first heading of a line that lists several (``使用の主体 / 使用部署``) is the numbered one."""
    lines = [line for line in lexicon_lines() if line[0] == HEADING_FILES[0]]
    first_at = {level: parts[0] for _, level, parts in lines if parts}
    out: dict[tuple[str, str], set[str]] = {}
    for _, level, parts in lines:
        prefix = level[: len(level) - len(_FORM_PREFIX.sub("", level))]
        segs = level[len(prefix) :].split("/")
        if not parts or len(segs) != 3 or not _CIRCLED.match(segs[2]):
            continue
        parent = first_at.get(prefix + "/".join(segs[:2]))
        if parent:
            out.setdefault((parent, segs[2]), set()).add(parts[0])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _children() -> dict[str, frozenset[str]]:
    """Heading (or section numeral) → the headings the forms print just under it."""
    out: dict[str, set[str]] = {}
    for h, ps in structure().parents.items():
        for p in ps:
            out.setdefault(p, set()).add(h)
    return {k: frozenset(v) for k, v in out.items()}


def similarity(words: str, heading: str) -> float:
    """How like ``heading`` the printed ``words`` are: difflib's ratio (OCR's ASCII marks left
    out), or 1.0 when ``words`` open with at least ``ANCHOR_MIN_PREFIX`` of the heading."""
    cleaned = _OCR_MARKS.sub("", words) or words
    opening = 0
    while opening < min(len(cleaned), len(heading)) and cleaned[opening] == heading[opening]:
        opening += 1
    if opening >= ANCHOR_MIN_OPENING and opening >= ANCHOR_MIN_PREFIX * len(heading):
        return 1.0
    return SequenceMatcher(None, cleaned, heading, autojunk=False).ratio()


def _leftover(words: str, heading: str) -> str:
    """The text of ``words`` after the opening it shares with ``heading`` (another cell's text
    glued after a heading read whole or nearly), or ""."""
    opening = 0
    while opening < min(len(words), len(heading)) and words[opening] == heading[opening]:
        opening += 1
    return words[opening:] if opening >= ANCHOR_MIN_PREFIX * len(heading) else ""


def _pick(scored: list[tuple[float, str]], floor: float) -> str | None:
    """The best-scoring heading when it reaches ``floor`` and leads the next by the margin."""
    scored = sorted(((s, h) for s, h in scored if s >= floor), reverse=True)
    if not scored:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - ANCHOR_MARGIN:
        return None
    return scored[0][1]


def _parent_at(comps: list[tuple[str, str]], k: int) -> str | None:
    """What the structure names as printed just above ``comps[k]``: the heading before it (a
    repeated block's number and a file line skipped), a section's numeral, or None."""
    for j in range(k - 1, -1, -1):
        c, role = comps[j]
        if role in ("instance", "file"):
            continue
        if role == "section":
            return c[:1]
        return c if role == "known" else None
    return None


def _next_heading(comps: list[tuple[str, str]], k: int, parent_of_next: str) -> str | None:
    """The heading ``comps[k + 1]`` is (known, or a misreading of a heading printed under
    ``parent_of_next``), a repeated block's number skipped; None when there is none."""
    for j in range(k + 1, len(comps)):
        c, role = comps[j]
        if role in ("instance", "file"):
            continue
        if role == "known":
            return c
        if role == "unknown":
            return near_known(c, parent_of_next)
        return None
    return None


def _name_section(comps: list[tuple[str, str]]) -> tuple[str, str] | None:
    """(the section component, fuzzy note) for an unknown first component that is a section's
    heading read without its numeral, or None."""
    if not comps or comps[0][1] != "unknown" or any(role == "section" for _, role in comps):
        return None
    nxt = next((c for c, role in comps[1:] if role == "known"), None)
    if nxt is None:
        return None
    numerals = {p for p in structure().parents.get(nxt, ()) if p in SECTION_NUMERALS}
    if len(numerals) != 1:
        return None
    numeral = numerals.pop()
    words = comps[0][0]
    heads = [h for h, nums in section_heads().items() if numeral in nums]
    best = _pick([(similarity(words, h), h) for h in heads], SECTION_ANCHOR_MIN_RATIO)
    return (numeral + best, f"{words}→{numeral}{best}") if best else None


def _covered(words: str, heading: str) -> float:
    """The share of ``heading``'s characters that ``words`` print in order, in runs of at least
    ``SECTION_MIN_RUN`` characters (single characters met by chance aside)."""
    blocks = SequenceMatcher(None, heading, words, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks if b.size >= SECTION_MIN_RUN) / len(heading)


def _section_heading(component: str) -> str | None:
    """The heading of the section whose numeral opens ``component`` (``Ⅲ`` + text), when the text
    is no section's heading but prints most of one of that numeral's headings, in order, with other
    text inside or around it (a column-order reader's line of another cell: ``特定個人情報ファイル
    の取外は情報の複製ができない仕組みとしてい扱いプロセスにおけるリスク``): at least
    ``SECTION_MIN_COVER`` of it, ahead of the numeral's other headings by ``ANCHOR_MARGIN``."""
    numeral, words = component[:1], component[1:]
    if not words or words in section_heads():
        return None
    heads = [h for h, nums in section_heads().items() if numeral in nums]
    return _pick([(_covered(words, h), h) for h in heads], SECTION_MIN_COVER)


def anchor_components(
    comps: list[tuple[str, str]], numbers: dict[int, str]
) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(components, fuzzy notes, dropped texts): the unknown components of a 項目 path (as
    ``item_key`` builds them: (canonical text, role)) that the structure around them names.

    ``numbers``: component index → the circled number printed before it.  Components are tried
    left to right until none changes (a heading named may anchor the one before or after it).
    """
    comps = list(comps)
    fuzzy: list[str] = []
    dropped: list[str] = []
    section = _name_section(comps)
    if section:
        comps[0] = (section[0], "section")
        fuzzy.append(section[1])
    for k, (words, role) in enumerate(comps):
        head = _section_heading(words) if role == "section" else None
        if head:
            comps[k] = (words[:1] + head, "section")
            fuzzy.append(f"{words}→{words[:1]}{head}")
    changed = True
    while changed:
        changed = False
        for k, (words, role) in enumerate(comps):
            if role != "unknown":
                continue
            parent = _parent_at(comps, k)
            if parent is None:
                continue
            number = numbers.get(k)
            scored = []
            for h in _children().get(parent, ()):
                child = _next_heading(comps, k, h)
                by_child = child is not None and h in structure().parents.get(child, ())
                by_number = number is not None and h in numbered_children().get((parent, number), ())
                if by_child or by_number:
                    scored.append((similarity(words, h), h))
            best = _pick(scored, ANCHOR_MIN_RATIO)
            if best is None:
                continue
            comps[k] = (best, "known")
            fuzzy.append(f"{words}→{best}")
            rest = _leftover(words, best)
            if rest:
                dropped.append(rest)
            if k + 1 < len(comps) and comps[k + 1][1] == "unknown":
                # The misread heading after it that anchored it is the one under it.
                near = near_known(comps[k + 1][0], best)
                if near:
                    fuzzy.append(f"{comps[k + 1][0]}→{near}")
                    comps[k + 1] = (near, "known")
            changed = True
    return comps, fuzzy, dropped


@lru_cache(maxsize=1)
def attachment_titles() -> frozenset[str]:
    """The titles of the forms' attachments (``(別添1)  事務の内容``), canonical."""
    return frozenset(
        parts[0]
        for name, level, parts in lexicon_lines()
        if name == HEADING_FILES[0] and parts and "/" not in level and _ATTACHMENT_LEVEL.match(level)
    )


_ATTACHMENT_LEVEL = regex.compile(r"^[(（](?:別添|別紙)")


def attachment_title(title: str) -> tuple[str, str]:
    """(the title of an attachment amended as a whole, the text glued after it) from the canonical
    text after its label: a known title (``attachment_titles``) followed by other text
    (``特定個人情報ファイル記録項目意見なし``: the next cell's), or a title followed by characters
    no heading holds (``ファイル記録項目○○``); else (``title``, "")."""
    if title in attachment_titles():
        return title, ""
    known = [k for k in attachment_titles() if len(k) >= ANCHOR_MIN_OPENING and title.startswith(k)]
    if known:
        k = max(known, key=len)
        return k, title[len(k) :]
    foreign = FOREIGN_TO_HEADINGS.search(title)
    if foreign and foreign.start() >= ANCHOR_MIN_OPENING:
        return title[: foreign.start()], title[foreign.start() :]
    return title, ""


@lru_cache(maxsize=1)
def numbered_lists() -> frozenset[str]:
    """Headings under which the forms print only numbered entries of the body's own
    (``特定個人情報ファイル名`` / ``(1) ○○ファイル``): a level ``(n)`` under them in the lexicon."""
    lines = [line for line in lexicon_lines() if line[0] == HEADING_FILES[0]]
    first_at = {level: parts[0] for _, level, parts in lines if parts}
    return frozenset(
        first_at[level.rsplit("/", 1)[0]]
        for _, level, _ in lines
        if level.endswith("/(n)") and level.rsplit("/", 1)[0] in first_at
    )


def unnumbered_entries(comps: list[tuple[str, str]], numbered: frozenset[int]) -> list[int]:
    """Indexes of unknown components printed without a numbering right after a heading whose
    entries the forms number (``numbered_lists``): the body's text glued into the 項目 cell
    (``特定個人情報ファイル名`` + ``国民健康保険情報ファイル``), not an entry's heading."""
    return [
        k
        for k in range(1, len(comps))
        if comps[k][1] == "unknown"
        and k not in numbered
        and comps[k - 1][1] == "known"
        and comps[k - 1][0] in numbered_lists()
    ]
