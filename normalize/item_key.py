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

A cell read with noise (another cell's text inside or after a heading, a heading cut short, two
rows' items, OCR's readings of a numeral) keeps its key by the rules of ``item_noise``; a table's
rows in order are keyed by ``item_context.document_item_keys`` (a cell without its upper headings
continues the row before).  The numbering as OCR misreads it (a section numeral read as letters or
with look-alike strokes, ``IⅠ`` for Ⅱ; a circled number read as ``(D`` or ``0``) is read by
``item_numerals``.

The key is the canonical components joined by ``/``, e.g.
``Ⅱ特定個人情報ファイルの概要/送付先情報ファイル/特定個人情報の提供・移転/提供先1/時期・頻度``
(``ItemKey.key``; the record's ``item_key`` is ``ItemKey.form_key``, without the file and the
block's number: ``Ⅱ特定個人情報ファイルの概要/特定個人情報の提供・移転/提供先/時期・頻度``).
Numbers of ordinary headings (``３．``, ``②``) are left out of the key because they differ between
versions of the forms while the words do not; the instance numbers (``提供先1``) are kept in
``ItemKey.key`` because they tell two blocks of one table apart.  Components that the lexicon
does not know are listed in ``ItemKey.unknown``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from piatable.vocabulary import ATTACHMENT_LABEL, LABELS, TITLE, is_header_line

from .compact_items import compact_path, read_compact
from .dates import is_date_line
from .glued_headings import known_around, split_near
from .heading_lexicon import (
    SECTION_HEAD,
    canonical_text,
    hierarchy,
    near_known,
    structure,
)
from .item_anchor import anchor_components, attachment_title, unnumbered_entries
from .item_noise import (
    INSTANCE_NAME_MAX,
    NOT_A_NAME,
    cut_start_of_another,
    item_segment,
    split_in_context,
    supported_heading,
)
from .item_numerals import MARKER as _MARKER
from .item_numerals import (
    MIN_SPLIT_PIECE_CHARS,
    bare_section,
    block_numbers,
    circled_lookalike,
    read_section_start,
    same_level_split,
)
from .item_numerals import OCR_JUNK as _OCR_JUNK
from .item_numerals import split_known as _split_known
from .item_structure import lost_line, repair_path, strip_edge_noise
from .unicode import clean_text, fold_halfwidth_kana

# Key components are joined with this.
KEY_SEPARATOR = "/"
# The repeated blocks of a form, whose number tells two blocks apart.
INSTANCE_LABELS = ("提供先", "移転先", "委託事項", "再委託事項", "システム", "リスク")

_SPACES = regex.compile(r"[\s\u3000]+")
_D = r"[0-9０-９]"
# A whole line that is a numbered heading in brackets and no file line (（１．研修）).
_BODY_SUBHEADING = regex.compile(rf"^[（(]{_D}{{1,2}}[．.](?![^（）()]*ファイル[）)]$)[^（）()]+[）)]$")


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
    lexicon heading they are not exactly (``near_known``), as ``printed→heading``.
    """

    key: str
    path: tuple[str, ...]
    section: str | None
    file: str | None
    instance: str | None
    unknown: tuple[str, ...]
    dropped: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()

    def with_path(self, path: tuple[str, ...], why: str) -> ItemKey:
        """This key with another heading path (``key`` joined anew), ``why`` (``printed→heading``)
        added to ``fuzzy``; section, file, instance and the rest kept."""
        return replace(self, key=KEY_SEPARATOR.join(path), path=path, fuzzy=(*self.fuzzy, why))

    @property
    def form_key(self) -> str:
        """The record's ``item_key``: ``path`` joined by ``/`` without the file's component and
        with each repeated block's number dropped (``提供先1`` → ``提供先``).

        The file (``item_file``) and the block's number (``item_instance``) are fields of their
        own; they tell one table's blocks apart.  The key names the form's item, so that the same
        item of different files, blocks and bodies groups together (issue 14: how many bodies
        changed ②入手方法 of a file's 入手・使用).  ``key`` keeps both: the table's context rules
        compare paths with them."""
        if not (self.file or self.instance):
            return self.key
        return KEY_SEPARATOR.join(
            _without_instance_number(c) for c in self.path if not (self.file and c == self.file)
        )


# A repeated block's component as the key prints it (``提供先1``): its number is ``item_instance``.
_INSTANCE_NUMBER = regex.compile(rf"(?<=^(?:{'|'.join(INSTANCE_LABELS)}))[0-9]+(?:[~-][0-9]+)?$")


def _without_instance_number(component: str) -> str:
    """``component`` with ``_INSTANCE_NUMBER`` taken out; the pattern is tried only where it can
    match, on a component that ends with a digit (or a newline, which ``$`` may stand before)."""
    if component[-1:] in "0123456789\n" and component:
        return _INSTANCE_NUMBER.sub("", component)
    return component


@lru_cache(maxsize=16384)
def _known(text: str) -> str | None:
    """The lexicon heading ``text`` is exactly, else None (misreadings: ``near_known``)."""
    return text if text in hierarchy() else None


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
    ``known`` (in the headings lexicon) or ``unknown``.  Ruled out (``heading_lexicon.structure``):

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
            and not NOT_A_NAME.search(c)
        ):
            out.add(k)
    return out


def _structure_junk(comps: list[tuple[str, str]]) -> list[int]:
    st = structure()
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
    """What the forms' structure (``structure().parents``) would name as printed just above the
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
    # A numbered sub-heading of the body's own text in brackets (（２．違反行為への対応）): a line of
    # the before or after cell read into the 項目 cell; the forms bracket only file lines so.
    subheads = [ln for ln in lines if _BODY_SUBHEADING.match(ln.strip())]
    lines = [ln for ln in lines if ln not in subheads]
    heading_lines = _heading_lines(lines)
    compact = _compact_key(heading_lines)
    if compact is not None:
        return compact
    read_lines = [circled_lookalike(ln) for ln in heading_lines]
    lookalikes = [f"{a.strip()}→{b}" for a, b in zip(heading_lines, read_lines, strict=True) if a != b]
    text = _SPACES.sub("", fold_halfwidth_kana(clean_text("".join(block_numbers(read_lines)))))
    attachment = ATTACHMENT_LABEL.match(text)
    if attachment and not TITLE.match(text):
        # An attachment amended as a whole (（別紙１）事務の流れ): one component, its label's
        # digits made half-width and its brackets dropped, then its title; known, not unknown.
        label = canonical_text(_SPACES.sub("", regex.sub(r"[（()）]", "", attachment.group("label"))))
        title, glued = attachment_title(canonical_text(attachment.group("title")))
        name = label + title
        return ItemKey(
            name,
            (name,),
            None,
            None,
            None,
            (),
            (glued,) if glued else (),
            (f"{title}{glued}→{title}",) if glued else (),
        )
    text, recovered = read_section_start(text)
    recovered_fuzzy: list[str] = [*lookalikes, *recovered]
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
            kind, value = "instance", (label + _digits(num).replace("〜", "~")) if num else ""
        else:
            # A circled number is kept: the lexicon numbers a heading's items (``item_anchor``).
            kind, value = "number", mm.group(0) if regex.fullmatch(r"[①-⑳]", mm.group(0)) else ""
        pos = mm.end()
    parts.append((kind, value, text[pos:]))

    comps: list[tuple[str, str]] = []  # (component, role): section, file, instance, known, unknown
    dropped: list[str] = []
    fuzzy: list[str] = recovered_fuzzy
    # The repeated block in effect from each component on (a リスク's number is not a component).
    instances: list[tuple[int, str]] = []
    numbered: set[int] = set()  # components that open with a numbering of their own (①, １．)
    numbers: dict[int, str] = {}  # of them, those numbered ①…⑳: the circled number
    for kind, value, body in parts:
        if kind == "number":
            numbered.add(len(comps))
            if value:
                numbers[len(comps)] = value
        if kind == "file":
            comps.append((canonical_text(value), "file"))
            continue
        if kind == "instance" and value:
            instances.append((len(comps), value))
            # The block printed again right after its own label (``提供先３`` / ``提供先３　都道府県
            # 知事``: the body's opening line read into the item, block46) is one component.
            if not value.startswith("リスク") and comps[-1:] != [(value, "instance")]:
                comps.append((value, "instance"))
        words = canonical_text(body)
        reread = unclosed_tail(body, words)
        if reread is not None:
            words, tail = reread
            fuzzy.append(f"{tail}→{words}")
        if not words:
            if kind == "section":
                comps.append((value, "section"))
            continue
        cleaned = _OCR_JUNK.sub("", words)
        if cleaned and cleaned != words and not _known(words):
            # OCR's letters, digits or marks in a heading (``0主な意見の内容``, ``使用の主体KO使用者数-``).
            glued = _split_known(cleaned)
            if _known(cleaned) or (glued and all(g in hierarchy() for g in glued)):
                fuzzy.append(f"{words}→{cleaned}")
                words = cleaned
        known = _known(words)
        split = None if known else (_split_known(words) or same_level_split(words))
        around = None if known or split else known_around(words)
        if around:
            known = around[0]
            dropped.append(around[1])
        guessed = bool(split) and split[-1] not in hierarchy()  # type: ignore[index]
        if (guessed or not (known or split)) and not around:
            # Nothing known, or known headings then text read as a heading of its own
            # (``_split_known``'s guess): a misreading of one heading, or of one of glued
            # headings, reads better when there is one.
            parent = _parent(comps, kind, value)
            near = near_known(words, parent)
            if near and cut_start_of_another(words, near, parent):
                near = None
            lost = None if words in hierarchy() else lost_line(words, parent)
            if lost and (near is None or parent not in structure().parents.get(near, ())):
                near = lost  # a wrapped line lost: the heading printed there, not one elsewhere
            near_split = None
            if not near and kind != "section" and len(words) >= 2 * MIN_SPLIT_PIECE_CHARS:
                near_split = split_near(words, parent)
            cleaned = _OCR_JUNK.sub("", words)
            if not near and cleaned and cleaned != words and not split:
                near = near_known(cleaned, parent)
            if near:
                split, known = None, near
                fuzzy.append(f"{words}→{near}")
            elif near_split:
                split = near_split[0]
                fuzzy.append(near_split[1])
            elif not split and split_in_context(words, parent):
                split = split_in_context(words, parent)
            elif not split and strip_edge_noise(words) and not cut_start_of_another(words, "", parent):
                split, extra = strip_edge_noise(words)  # type: ignore[misc]
                fuzzy.append(f"{words}→{''.join(split)}")
                dropped.append(extra)
            elif not split:
                supported = supported_heading(words, parent) or supported_heading(cleaned or words, parent)
                if supported:
                    known = supported[0]
                    fuzzy.append(f"{words}→{known}")
                    dropped.extend(t for t in supported[1:] if t)
            else:
                # Known headings, then text that is none: a misreading of a heading, or the
                # heading under them it supports.
                above = value if kind == "section" and len(split) == 2 else split[-2]
                tail = _OCR_JUNK.sub("", split[-1]) or split[-1]
                tail_near = _known(tail) or near_known(tail, above)
                tail_edge = None if tail_near else strip_edge_noise(split[-1])
                supported = None if tail_near or tail_edge else supported_heading(tail, above)
                if tail_edge:
                    fuzzy.append(f"{split[-1]}→{''.join(tail_edge[0])}")
                    split = (*split[:-1], *tail_edge[0])
                    dropped.append(tail_edge[1])
                elif tail_near:
                    fuzzy.append(f"{split[-1]}→{tail_near}")
                    split = (*split[:-1], tail_near)
                elif supported:
                    fuzzy.append(f"{split[-1]}→{supported[0]}")
                    split = (*split[:-1], supported[0])
                    dropped.extend(t for t in supported[1:] if t)
        pieces: tuple[str, ...] = (known,) if known else (split or (words,))
        roles = ["known" if p in hierarchy() else "unknown" for p in pieces]
        if kind == "section":
            pieces = (value + pieces[0], *pieces[1:])
            roles[0] = "section"
        comps.extend(zip(pieces, roles, strict=True))
    comps, anchored, glued = anchor_components(comps, numbers)
    comps, repaired = repair_path(comps)
    comps = bare_section(comps)
    fuzzy.extend(repaired)
    fuzzy.extend(anchored)
    dropped.extend(glued)
    dropped.extend(_SPACES.sub("", ln) for ln in subheads)
    start, end = item_segment(comps, frozenset(numbered))
    dropped.extend(c for c, _ in comps[:start] + comps[end:])
    instances = [(k - start, v) for k, v in instances if start <= k <= end]
    comps = comps[start:end]
    section = next((c[:1] for c, role in comps if role == "section"), None)
    file = next((c for c, role in reversed(comps) if role == "file"), None)
    instance = instances[-1][1] if instances else None
    entries = unnumbered_entries(comps, frozenset(k - start for k in numbered))
    for k in sorted({*structure_junk(comps, section), *entries}, reverse=True):
        dropped.append(comps.pop(k)[0])
    for k in sorted(instance_names(comps), reverse=True):
        comps.pop(k)  # the block's name: kept in the item text, not in the key
    path = [c for c, _ in comps]
    unknown = [c for c, role in comps if role == "unknown"]
    if section is None:
        places = {s for p in path for s in hierarchy().get(p, ()) if len(hierarchy()[p]) == 1}
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


def _compact_key(heading_lines: list[str], prefix: str = "") -> ItemKey | None:
    """The key of a cell that opens with the form's compact numbering (``Ⅱ-3-⑧``:
    ``compact_items``), or None.  A bare code the lexicon places (by the levels of the form whose
    prefix is ``prefix``) keys as the item printed in words, noted in ``fuzzy`` (inferred from the
    numbers); any other keeps its code, circled number included, then the rest keyed as read."""
    read = read_compact("".join(ln.strip() for ln in heading_lines))
    if read is None:
        return None
    code, rest = read
    path = compact_path(code, prefix)
    tail = _item_key((rest,)) if rest.strip() else None
    if path and (tail is None or (tail.path == path[-1:] and not tail.dropped)):
        return ItemKey(KEY_SEPARATOR.join(path), path, code[0], None, None, (), (), (f"{code}→{path[-1]}",))
    if tail is None:
        return ItemKey(code, (code,), code[0], None, None, ())
    return replace(tail, key=KEY_SEPARATOR.join((code, *tail.path)), path=(code, *tail.path), section=code[0])


def form_item_key(item: str | list[str], prefix: str) -> ItemKey:
    """``item_key`` of a cell read by the levels of the form whose lexicon prefix is ``prefix``
    (``heading_lexicon.FORM_PREFIXES``): differs only for a bare compact code (``Ⅰ-5`` is
    基礎項目's 評価実施機関における担当部署, 全項目's 個人番号の利用)."""
    lines = item.split("\n") if isinstance(item, str) else list(item)
    compact = _compact_key(_heading_lines(lines), prefix) if prefix else None
    return compact if compact is not None else item_key(item)


# An unclosed bracket's tail longer than this (characters, bracket aside) is no clipped note
# (``（委託に伴うものを``) but text: a neighbouring cell's bracket and digits read before a heading.
MAX_CLIPPED_NOTE_CHARS = 3
_OPEN_BRACKET_DIGITS = regex.compile(r"[(（\[［][0-9０-９]{0,2}")


def unclosed_tail(body: str, words: str) -> tuple[str, str] | None:
    """(the words to key, the text ``canonical_text`` cut at an unclosed bracket) when that cut
    took more than a clipped note and the text reads as known headings without the bracket, else
    None.

    ``canonical_text`` drops an unclosed bracket to the cell's end (a clipped note; the record's
    evidence says the cell's brackets are torn).  A tail of more than ``MAX_CLIPPED_NOTE_CHARS``
    characters whose words, with the bracket and its digits taken out (``（１`` of a
    neighbouring cell), are all known headings is keyed so (inferred: ``ItemKey.fuzzy``)."""
    flat = unicodedata.normalize("NFKC", _SPACES.sub("", clean_text(body)))
    at = max(flat.rfind("("), flat.rfind("["))
    if at < 0 or (flat.count("(") <= flat.count(")") and flat.count("[") <= flat.count("]")):
        return None
    tail = flat[at:]
    if len(tail) - 1 <= MAX_CLIPPED_NOTE_CHARS:
        return None
    joined = canonical_text(flat[:at] + _OPEN_BRACKET_DIGITS.sub("", tail, count=1))
    pieces = (joined,) if joined in hierarchy() else _split_known(joined)
    if joined != words and pieces and all(p in hierarchy() for p in pieces):
        return joined, tail
    return None


# A line opening with an ordinary heading's numbering (①, ２．, （３）).
_NUMBERED_LINE = regex.compile(r"^(?:[①-⑳]|[0-9０-９]{1,2}[．.]|[（(][0-9０-９]{1,2}[）)])")


def heads_next(path: tuple[str, ...], line: str) -> bool:
    """Whether ``line`` is, whole and numbered (``②監査``), a heading of the forms that the
    structure prints just under the last heading of ``path`` (canonical item-path components,
    ``ItemKey.path``): the item's next line, not a cell's text."""
    if not path or not _NUMBERED_LINE.match(line.strip()):
        return False
    key = item_key(line)
    if len(key.path) != 1 or key.unknown or key.dropped or key.path[0] not in hierarchy():
        return False
    return path[-1] in structure().parents.get(key.path[0], frozenset())
