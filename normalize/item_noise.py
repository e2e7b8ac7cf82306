"""The heading path a noisy 項目 cell supports: the rules ``item_key`` applies to a cell read with
another cell's text in it, cut short, or holding two rows' items.

``supported_heading`` (one component: a heading with other text inside or after it, or cut
short), ``split_in_context`` (a heading and its sub-heading glued by a lost numbering),
``item_segment`` (which components of a cell name its item: one row's path of two, and nothing
after an item's last heading but headings) and ``section_heads`` (each section's own heading),
all from the forms' structure (``heading_lexicon.structure``).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

import regex
from cydifflib import SequenceMatcher

from piatable.vocabulary import HEADING_FILES, SECTION_NUMERALS

from .heading_lexicon import FOREIGN_TO_HEADINGS, hierarchy, lexicon_lines, structure

# A known heading this long with another cell's text printed into it is still that heading.
MIN_INTERRUPTED_CHARS = 8
# A heading read whole with other text in it (``supported_heading``): in at most this many runs.
MAX_SUPPORT_RUNS = 3
# A component this long that opens exactly one heading of its context is that heading cut short.
MIN_CLIPPED_CHARS = 2
# A repeated block's name printed after its number (委託事項１ 住民基本台帳システムの運用保守):
# at most this many characters, and none of a sentence's marks.
INSTANCE_NAME_MAX = 40
# A heading whose start a component prints this many characters of, at least ``SURE_SHARE`` of it,
# and whose last characters OCR garbled: at most ``GARBLED_TAIL_CHARS`` read for at most as many
# more of the heading (``評価実施機関における担当閉`` for 評価実施機関における担当部署, a new
# user's scan).  Near misreadings (``near_known``) allow 2 edits only from 16 characters.
MIN_SURE_START_CHARS = 8
SURE_SHARE = 0.75
GARBLED_TAIL_CHARS = 2
NOT_A_NAME = regex.compile(r"[。、，,]")


@lru_cache(maxsize=1)
def section_heads() -> dict[str, frozenset[str]]:
    """Each section's own heading → the numerals Ⅰ…Ⅵ it heads (``リスク対策``: Ⅲ or Ⅳ by form)."""
    out: dict[str, set[str]] = {}
    # The main file's section lines, then the other file's lines at a section's level that name
    # one of those headings (重点:Ⅲ リスク対策); its other lines there are sub-headings of 基礎's Ⅳ.
    lines = sorted(lexicon_lines(), key=lambda line: line[0] != HEADING_FILES[0])
    for name, level, parts in lines:
        numeral = level.split(":")[-1]
        if numeral in SECTION_NUMERALS:
            for h in parts:
                if name == HEADING_FILES[0] or h in out:
                    out.setdefault(h, set()).add(numeral)
    return {h: frozenset(v) for h, v in out.items()}


@lru_cache(maxsize=1)
def _with_children() -> frozenset[str]:
    """The headings the forms print others under (``structure().parents``' values)."""
    return frozenset(p for ps in structure().parents.values() for p in ps)


def is_leaf(heading: str) -> bool:
    """Whether ``heading`` (canonical) is a lexicon heading the forms print nothing under: an
    item's last heading (``部署``, ``リスクに対する措置の内容``), after which a 項目 cell holds no
    more heading of the form."""
    return heading in hierarchy() and heading not in _with_children() and bool(hierarchy()[heading])


def _in_context(parent: str | None) -> list[str]:
    """The headings the forms print just under ``parent`` (as ``_parent`` names it)."""
    if parent is None:
        return []
    return [h for h, ps in structure().parents.items() if parent in ps]


@lru_cache(maxsize=16384)
def supported_heading(words: str, parent: str | None) -> tuple[str, ...] | None:
    """(the heading, the texts left out) that the text ``words`` of one component supports best
    among the headings the forms print under ``parent``, or None.  For a component read with
    another cell's text in it or cut short, when it is neither a heading nor a misreading of one
    (``near_known``).  Tried in turn, each taken only when one heading fits:

    1. a heading read whole with other text before, between or after its pieces: every character
       of the heading in order, in at most ``MAX_SUPPORT_RUNS`` runs, its first character the
       component's (plain pdftotext prints the neighbouring column's line into a wrapped
       heading: ``特定個人情報ファイルの取○○市財務部…扱いに関する問合せ``); read in one run,
       only as ``2.`` allows the text after it (plain words after a heading may be a longer
       heading the lexicon lacks: ``特定個人情報の提供・移転の方法等``); the longest such;
    2. a heading followed by text no heading of the form holds: an item's last heading (``部署`` +
       ``組織改正による部署名の変更``), or any heading when the rest holds a digit, a bracket,
       ○ or 。 (``法令上の根拠`` + ``める命令第24条``); the longest such;
    3. the start of exactly one heading, at least ``MIN_CLIPPED_CHARS`` long (a cell clipped or
       a wrapped tail lost: ``特定個人情報の保管`` of 特定個人情報の保管・消去).
    """
    context = [h for h in _in_context(parent) if h != words]
    if not context:
        return None
    runs = []
    for h in context:
        if len(h) < MIN_INTERRUPTED_CHARS or len(h) >= len(words) or h[0] != words[0]:
            continue
        blocks = [b for b in SequenceMatcher(None, h, words, autojunk=False).get_matching_blocks() if b.size]
        after = words[blocks[-1].b + blocks[-1].size :] if blocks else ""
        if (
            sum(b.size for b in blocks) == len(h)
            and len(blocks) <= MAX_SUPPORT_RUNS
            and (len(blocks) > 1 or not after or is_leaf(h) or FOREIGN_TO_HEADINGS.search(after))
        ):
            runs.append((h, blocks))
    if runs:
        longest = max(len(h) for h, _ in runs)
        best = [r for r in runs if len(r[0]) == longest]
        if len(best) == 1:
            h, blocks = best[0]
            pos, others = 0, []
            for b in blocks:
                others.append(words[pos : b.b])
                pos = b.b + b.size
            others.append(words[pos:])
            return (h, *others)
    tails = [
        h
        for h in context
        if len(h) < len(words)
        and words.startswith(h)
        and (is_leaf(h) or FOREIGN_TO_HEADINGS.search(words[len(h) :]))
    ]
    if tails:
        longest = max(map(len, tails))
        best_tails = [h for h in tails if len(h) == longest]
        if len(best_tails) == 1:
            return (best_tails[0], words[longest:])
    if len(words) >= MIN_CLIPPED_CHARS and not FOREIGN_TO_HEADINGS.search(words):
        opened = [h for h in context if h.startswith(words)]
        if len(opened) == 1:
            return (opened[0],)
    garbled = garbled_tail(words, context)
    return (garbled,) if garbled else None


def cut_start_of_another(words: str, near: str, parent: str | None) -> bool:
    """Whether ``words``, read by ``near_known`` as a misreading of ``near``, is the start of
    another heading the forms print under ``parent`` (a cell cut short, at least
    ``MIN_SURE_START_CHARS`` long): ``特定個人情報ファイルを`` opens 特定個人情報ファイルを取り扱う事務
    (and two more) and is no misreading of 特定個人情報ファイル名 (set VIII, pdfminer: a cut cell
    was keyed as another item; ``near`` "" for any heading: nor is it a heading with noise after
    it, ``strip_edge_noise``).  A cut start names no heading surely: the key keeps the text."""
    if len(words) < MIN_SURE_START_CHARS or (near and near.startswith(words)):
        return False
    return any(h != near and h.startswith(words) and len(h) > len(words) for h in _in_context(parent))


def garbled_tail(words: str, context: list[str]) -> str | None:
    """The one heading of ``context`` whose start ``words`` prints surely and whose end it
    garbled, or None (``supported_heading``'s 4th rule): a shared start of at least
    ``MIN_SURE_START_CHARS`` and ``SURE_SHARE`` of the heading, then at most
    ``GARBLED_TAIL_CHARS`` other characters (no digit, bracket, ○ or 。) read for at most
    ``GARBLED_TAIL_CHARS`` of the heading's (``…担当閉`` for ``…担当部署``)."""
    if FOREIGN_TO_HEADINGS.search(words) or any(h.startswith(words) and h != words for h in context):
        # The start of a heading read whole (a cell cut short): no garbled end of another.
        return None
    found = []
    for h in context:
        n = 0
        while n < min(len(h), len(words)) and h[n] == words[n]:
            n += 1
        if (
            n >= MIN_SURE_START_CHARS
            and n >= SURE_SHARE * len(h)
            and 0 < len(words) - n <= GARBLED_TAIL_CHARS
            and 0 < len(h) - n <= GARBLED_TAIL_CHARS
        ):
            found.append(h)
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=16384)
def split_in_context(words: str, parent: str | None) -> tuple[str, str] | None:
    """(a heading the forms print under ``parent``, a heading they print under that one) that
    ``words`` is, glued (a numbering lost by OCR: ``国民・住民等からの意見の聴取`` + ``方法``), or
    None; the forms' structure allows pieces shorter than ``_split_known``'s."""
    found = [
        (h, words[len(h) :])
        for h in _in_context(parent)
        if words.startswith(h) and words[len(h) :] in _in_context(h)
    ]
    return found[0] if len(found) == 1 else None


def _complete(comps: list[tuple[str, str]], numbered: frozenset[int], start: int, end: int) -> bool:
    """Whether ``comps[start:end]`` reach an item's last heading (``is_leaf``), with nothing
    after it but text ``_after_leaf`` leaves out."""
    comps = comps[:end]
    return _after_leaf(comps, numbered, start, end) < end or (
        end > start and comps[-1][1] == "known" and is_leaf(comps[-1][0])
    )


def _reads_as_heading(text: str) -> bool:
    """Whether unknown text can be a heading: no sentence's marks (、。), no longer than a block's
    name (``INSTANCE_NAME_MAX``)."""
    return len(text) <= INSTANCE_NAME_MAX and not NOT_A_NAME.search(text)


def _after_leaf(comps: list[tuple[str, str]], numbered: frozenset[int], start: int, end: int) -> int:
    """The end of ``comps[start:end]`` once text after an item's last heading is left out: unknown
    text printed without a numbering of its own, and headings outside Ⅰ…Ⅵ (an attachment's
    title); ``end`` when there is none.  A numbered line under the heading that reads as a
    heading (``１．不適切な方法で入手が行われるリスクへの措置``, ``_reads_as_heading``) is the
    body's own sub-heading, kept.  The lexicon places no heading under many of Ⅲ's, so every
    such heading is tried, not only the first."""
    for k in range(start, end):
        c, role = comps[k]
        if role == "known" and is_leaf(c) and k + 1 < end:
            rest = range(k + 1, end)
            if all(
                (comps[i][1] == "unknown" and (i not in numbered or not _reads_as_heading(comps[i][0])))
                or (comps[i][1] == "known" and not hierarchy()[comps[i][0]])
                for i in rest
            ):
                return k + 1
    return end


def item_segment(comps: list[tuple[str, str]], numbered: frozenset[int] = frozenset()) -> tuple[int, int]:
    """(start, end) of the components that name the row's item, the rest being other rows' text.

    A 項目 cell that holds more than one section numeral holds text of two rows (an extractor
    took the lines of a neighbouring row's cell with it: ``使用者数Ⅰ基本情報６．…②法令上の
    根拠``, ``…⑦再委託の有無Ⅱ特定個人情報ファイルの概要…⑧再委託の許諾方法``).  The cell is cut
    before each section numeral; of the pieces, the last that starts with a section and ends on
    an item's last heading (``_complete``) is the item, else the last complete piece, else the
    first that starts with a section.  Then, after an item's last heading (``is_leaf``), text
    the forms never print under it is left out: unknown text, and a heading outside Ⅰ…Ⅵ (an
    attachment's title from the next row).
    """
    cuts = [k for k, (_, role) in enumerate(comps) if role == "section"]
    start, end = 0, len(comps)
    if len(cuts) > 1 or (cuts and cuts[0] > 0):
        bounds = sorted({0, *cuts, len(comps)})
        pieces = [(a, b) for a, b in pairwise(bounds) if b > a]
        with_section = [(a, b) for a, b in pieces if comps[a][1] == "section"]
        complete = [(a, b) for a, b in pieces if _complete(comps, numbered, a, b)]
        led = [pc for pc in complete if pc in with_section]
        start, end = (led or complete or with_section)[-1 if (led or complete) else 0]
    return start, _after_leaf(comps, numbered, start, end)
