"""A 項目 path repaired by the forms' structure where a reader lost or clipped one heading of it.

OCR drops a short heading whose line it misread as marks (``Ⅳその他のリスク対策`` / ``Ｈｉ`` /
``①自己点検``: ``１．監査`` lost), and a flattened text reader moves the end of a heading into the
neighbouring cell (``３．特定個人情報の入手`` + ``⑦使用の主体``: ``・使用`` went to the before cell,
leaving a heading the forms print in another section).  The structure of the forms
(``heading_lexicon.structure``: which heading is printed just under which) names the heading in
both cases when exactly one fits; ``repair_path`` puts it in, noted for ``ItemKey.fuzzy``.  A
neighbouring cell's few characters printed at a heading's start or end are left out
(``strip_edge_noise``).
"""

from __future__ import annotations

from cydifflib import SequenceMatcher

from piatable.vocabulary import COVER_LABEL

from .heading_lexicon import hierarchy, structure
from .item_numerals import split_known

# A known heading printed where the forms never print it is the heading the structure expects
# there when it opens that one or is this like it (difflib ratio): a heading whose end a reader
# moved into another cell.
CLIPPED_HEADING_MIN_RATIO = 0.6


def _heading(comp: str, role: str) -> str | None:
    """What ``structure().parents`` names a component by: a section by its numeral, a known
    heading by itself, anything else not at all."""
    if role == "section":
        return comp[:1]
    return comp if role == "known" else None


def _clipped_for(text: str, candidates: list[str]) -> str | None:
    fits = [
        h
        for h in candidates
        if h.startswith(text)
        or SequenceMatcher(None, text, h, autojunk=False).ratio() >= CLIPPED_HEADING_MIN_RATIO
    ]
    return fits[0] if len(fits) == 1 else None


# An unknown component this long, and at least this share of the heading, that ends exactly
# one heading the forms print under the heading before it is that heading (its start went to
# another cell or line: ``施機関における担当部署`` of 評価実施機関における担当部署).
MIN_TAIL_CHARS = 4
MIN_TAIL_SHARE = 0.5


def _tail_of(comp: str, prev: str) -> str | None:
    if len(comp) < MIN_TAIL_CHARS:
        return None
    ends = [
        h
        for h, above in structure().parents.items()
        if prev in above and h != comp and h.endswith(comp) and len(comp) >= MIN_TAIL_SHARE * len(h)
    ]
    return ends[0] if len(ends) == 1 else None


# A known heading and the unknown text after it are one longer heading whose middle OCR lost
# (``特定個人情報ファイルを取り扱う事務`` + ``用するシステム`` of …事務において使用するシステム) when
# that heading opens with the one and ends with the other and they make this share of it.
MIN_MIDDLE_LOST_SHARE = 0.75


def _middle_lost(known: str, rest: str) -> str | None:
    if len(rest) < MIN_TAIL_CHARS:
        return None
    longer = [
        h
        for h in hierarchy()
        if h != known
        and h.startswith(known)
        and h.endswith(rest)
        and len(h) > len(known) + len(rest)
        and len(known) + len(rest) >= MIN_MIDDLE_LOST_SHARE * len(h)
    ]
    return longer[0] if len(longer) == 1 else None


def repair_path(comps: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[str]]:
    """``comps`` ((component, role) of an item path, as ``item_key`` builds them) with a lost
    or clipped heading put back, and the repairs as ``printed→repaired`` notes.

    Where a known heading follows a section or a known heading (``prev``) that the forms never
    print it under:

    * a heading lost between them: the one heading the forms print under ``prev`` and above
      this one is put in (``監査`` between ``Ⅳ…`` and ``自己点検``);
    * a heading clipped or damaged into another known one, one the forms print in other sections
      only: when the heading after it is not printed under it either, the one heading printed
      under ``prev`` and above the next that this one opens or is like
      (``CLIPPED_HEADING_MIN_RATIO``) takes its place
      (``特定個人情報の入手`` → ``特定個人情報の入手・使用`` before ``使用の主体``).

    An unknown component that ends exactly one heading printed under ``prev`` is that heading
    (``MIN_TAIL_CHARS``, ``MIN_TAIL_SHARE``); with the known heading before it, one heading
    whose middle was lost (``MIN_MIDDLE_LOST_SHARE``).  Nothing is changed where the structure offers none
    or several.
    """
    st = structure()
    out = list(comps)
    section = next((c[:1] for c, role in comps if role == "section"), None)
    notes: list[str] = []
    k = 1
    while k < len(out):
        prev = _heading(*out[k - 1])
        comp, role = out[k]
        joined = _middle_lost(out[k - 1][0], comp) if role == "unknown" and out[k - 1][1] == "known" else None
        if joined:
            notes.append(f"{out[k - 1][0]}/{comp}→{joined}")
            out[k - 1 : k + 1] = [(joined, "known")]
            continue
        tail_of = _tail_of(comp, prev) if role == "unknown" and prev is not None else None
        if tail_of:
            out[k] = (tail_of, "known")
            notes.append(f"{comp}→{tail_of}")
            k += 1
            continue
        if prev is None or role != "known" or prev in st.parents.get(comp, ()):
            k += 1
            continue
        nxt = _heading(*out[k + 1]) if k + 1 < len(out) else None
        misplaced = section is not None and section not in hierarchy().get(comp, ())
        if misplaced and nxt is not None and comp not in st.parents.get(nxt, ()):
            above_next = sorted(h for h in st.parents.get(nxt, ()) if prev in st.parents.get(h, ()))
            repaired = _clipped_for(comp, [h for h in above_next if h in hierarchy()])
            if repaired:
                out[k] = (repaired, "known")
                notes.append(f"{comp}→{repaired}")
                k += 1
                continue
        lost = sorted(h for h in st.parents.get(comp, ()) if prev in st.parents.get(h, ()) and h != comp)
        if len(lost) == 1:
            out.insert(k, (lost[0], "known"))
            notes.append(f"{prev}/{comp}→{prev}/{lost[0]}/{comp}")
            k += 1
        k += 1
    return out, notes


# A component that is known headings but for this many characters at its start or end holds a
# neighbouring cell's characters that a flattened text reader printed into the 項目 cell
# (``個人番号の利用変更``, ``令和いつ時点の計数か``), when what is left is this long.
EDGE_NOISE_MAX_CHARS = 3
EDGE_NOISE_MIN_REST = 6


def strip_edge_noise(words: str) -> tuple[tuple[str, ...], str] | None:
    """(the known headings, the characters left out) when ``words`` is one known heading or
    headings the lexicon covers wholly (``split_known``) with at most ``EDGE_NOISE_MAX_CHARS``
    other characters before or after them, at least ``EDGE_NOISE_MIN_REST`` left; taken only
    when exactly one such cut exists."""
    found: list[tuple[tuple[str, ...], str]] = []
    for n in range(1, EDGE_NOISE_MAX_CHARS + 1):
        if len(words) - n < EDGE_NOISE_MIN_REST:
            break
        for rest, extra in ((words[n:], words[:n]), (words[:-n], words[-n:])):
            if COVER_LABEL.match(extra + " "):
                continue  # 表紙 評価実施機関名: the cover's label, printed, no neighbour's text
            pieces = (rest,) if rest in hierarchy() else split_known(rest)
            if pieces and all(p in hierarchy() for p in pieces):
                found.append((pieces, extra))
    return found[0] if len(found) == 1 else None


# A wrapped line a reader lost (a line between two cells' lines dropped, OCR reading it as
# marks): a component that is a heading printed under the heading before it with one run of at
# most this many characters missing (at its start, middle or end) is that heading, when it keeps
# at least ``MIN_LOST_LINE_KEPT`` of it (and ``MIN_LOST_LINE_CHARS`` characters) and no other
# heading printed there fits.
LOST_LINE_MAX_CHARS = 16
MIN_LOST_LINE_KEPT = 0.4
MIN_LOST_LINE_CHARS = 4


def lost_line(words: str, parent: str | None) -> str | None:
    """The heading printed just under ``parent`` (as ``item_key._parent`` names it) that
    ``words`` is with one wrapped line lost, or None (none, or two fit).

    ``特定個人情報う事務において使用するシステム`` under Ⅰ is ``特定個人情報ファイルを取り扱う事務に
    おいて使用するシステム`` with ``ファイルを取り扱`` lost; ``評価実施機関`` under Ⅰ fits both
    ``評価実施機関における担当部署`` and ``他の評価実施機関``: None.  Only headings the structure
    prints under ``parent``: out of context the words fit too many."""
    if parent is None or len(words) < MIN_LOST_LINE_CHARS:
        return None
    fits = []
    for heading, above in structure().parents.items():
        lost = len(heading) - len(words)
        if parent not in above or not 0 < lost <= LOST_LINE_MAX_CHARS:
            continue
        if len(words) < MIN_LOST_LINE_KEPT * len(heading):
            continue
        if any(heading.startswith(words[:a]) and heading.endswith(words[a:]) for a in range(len(words) + 1)):
            fits.append(heading)
    return fits[0] if len(fits) == 1 else None
