"""A character read unsure and suspect, put right from the document's own text.

An amendment table repeats itself: the after cell restates the before cell, the same phrases
(事務の範囲, 再委託先, 使用部署の) come back in row after row.  A character tesseract read unsure
that makes no word with its neighbours and whose pairs the document prints nowhere else
(``normalize.ocr_spots.suspect_spots``: 範肝の, 使用部敵の, 再委旗先) is replaced when the document
prints the same surroundings (CONTEXT characters on each side, at least MIN_CONTEXT in all) round
exactly one other Japanese character elsewhere (…の範囲の変更… in another cell).  Nothing is
replaced from a list: the only evidence is the document itself, and two or more candidates, or
none, leave the character as read (still ``ocr_suspect``).
"""

from __future__ import annotations

from collections import Counter

import regex

from piatable.models import CellLine, RawRow
from piatable.normalize.ocr_spots import SPOT_FIELDS, suspect_spots
from piatable.normalize.tokenizer import Tokenizer

# Characters of context taken on each side of the suspect character, and at least this many in
# all (a line's edge leaves fewer on one side).
CONTEXT = 2
MIN_CONTEXT = 3
# Characters read below MEND_BELOW are candidates (the document's evidence is strong enough to
# look above quality.ocr_unsure_kanji_conf, which flags them; measured on the tuning scans: 93
# mended 10 characters, 97 and 99.5 one more, all right).  Characters read below MASK_BELOW
# vouch for nothing elsewhere.
MEND_BELOW = 97.0
MASK_BELOW = 93.0
_JAPANESE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_SPACE = regex.compile(r"\s")


def _masked(cl: CellLine) -> str:
    """The line's text with each character read below MASK_BELOW (still as read) masked: a
    character read unsure vouches for nothing (two misreads of 署名, 囲名 and 碧名, must not
    put each other right)."""
    text = cl.text
    for left, word, right, conf in cl.unsure:
        k = text.find(left + word + right)
        if conf < MASK_BELOW and k >= 0:
            k += len(left)
            text = text[:k] + "\x00" * len(word) + text[k + len(word) :]
    return text


def _cell_text(lines: list[CellLine]) -> str:
    """A cell's lines as one text, as read (a word wrapped over a line end is whole again)."""
    return _SPACE.sub("", "".join(cl.text for cl in lines))


def _printed_lines(rows: list[RawRow]) -> str:
    """The document's lines of text cells, each printed line once (its unsure characters
    masked), joined by ``\\n``."""
    seen: set[tuple] = set()
    out = []
    for row in rows:
        for f in SPOT_FIELDS:
            for cl in row.cells.get(f) or []:
                key = (cl.page, cl.line_no, cl.text) if cl.line_no is not None else (id(cl),)
                if key not in seen:
                    seen.add(key)
                    out.append(_SPACE.sub("", _masked(cl)))
    return "\n".join(out)


def mend_from_document(rows: list[RawRow], tokenizer: Tokenizer | None = None) -> int:
    """Suspect characters replaced where the document's text names one other (see the module
    notes), in place; the number of lines changed."""
    spots = suspect_spots(rows, MEND_BELOW, tokenizer)
    if not spots:
        return 0
    corpus = _printed_lines(rows)
    changed = 0
    for k, f, text, a, _conf in spots:
        left, right = text[max(a - CONTEXT, 0) : a], text[a + 1 : a + 1 + CONTEXT]
        if _SPACE.search(left + right) or len(left) + len(right) < MIN_CONTEXT:
            continue
        found = _between(left, right, corpus)
        found.pop(text[a], None)
        candidates = [c for c in found if _JAPANESE.match(c)]
        if len(candidates) != 1:
            continue
        if candidates[0] in _between(left, right, _cell_text(rows[k].cells[f])):
            continue  # the cell prints both words (see CONFIDENT_CONTEXT): left as read, suspect
        for cl in rows[k].cells[f]:
            if cl.text == text:
                cl.text = text[:a] + candidates[0] + text[a + 1 :]
                changed += 1
                break
    return changed


# A kanji read with confidence is still mended from the document (返言用封筒 where the document
# prints 返信用封筒), but only on stronger evidence than a suspect one: the CONFIDENT_CONTEXT
# characters on each side both printed round exactly one other Japanese character elsewhere,
# the read surroundings printed nowhere else, and the dictionary reading the line's window
# (CONFIDENT_WINDOW characters each side) at least CONFIDENT_GAIN more easily after the swap,
# the new character inside a word of two or more characters.  Not when the cell being mended
# prints the other character in those surroundings itself: a cell that names two words one
# kanji apart (（内部監査）…外部監査, 入退館…入退室; session 47's new users' scans) contrasts
# them, and neither is a misread of the other.
CONFIDENT_CONTEXT = 2
CONFIDENT_WINDOW = 6
CONFIDENT_GAIN = 2000
_HAN = regex.compile(r"\p{Han}")


def _lone_kanji(tok: Tokenizer, text: str) -> list[int]:
    """Offsets of the kanji of ``text`` that make no dictionary word of two or more characters
    (a token of their own, or one the dictionary does not know)."""
    out = []
    for m in tok.tokenize(text):
        if m.end() - m.begin() == 1 or m.is_oov():
            out += [k for k in range(m.begin(), m.end()) if _HAN.match(text[k])]
    return out


def _between(left: str, right: str, corpus: str) -> Counter[str]:
    """How often each character (a line break aside) stands between ``left`` and ``right`` in
    ``corpus``, overlapping places counted: plain substring search (a regex compiled for each
    of a document's surroundings took a fifth of a scanned page's Python time)."""
    found: Counter[str] = Counter()
    if left:
        i = corpus.find(left)
        while i >= 0:
            j = i + len(left)
            if j < len(corpus) and corpus[j] != "\n" and corpus.startswith(right, j + 1):
                found[corpus[j]] += 1
            i = corpus.find(left, i + 1)
        return found
    i = corpus.find(right, 1)
    while i >= 0:
        if corpus[i - 1] != "\n":
            found[corpus[i - 1]] += 1
        i = corpus.find(right, i + 1)
    return found


def _document_candidates(text: str, a: int, corpus: str, one_sided: bool = False) -> set[str]:
    """The other Japanese characters the document prints where ``text`` reads ``text[a]``: round
    CONFIDENT_CONTEXT characters on each side, or, at a line's edge or beside white space,
    CONFIDENT_CONTEXT + 1 on one side and one on the other (with ``one_sided``, also
    CONFIDENT_CONTEXT + 1 on one side alone), taking every such surrounding that fits; none when
    the read surroundings are printed elsewhere too."""
    out: set[str] = set()
    n = CONFIDENT_CONTEXT
    sides = ((n, n), (n + 1, 1), (1, n + 1)) + (((n + 1, 0), (0, n + 1)) if one_sided else ())
    for before, after in sides:
        left = text[a - before : a] if a >= before else ""
        right = text[a + 1 : a + 1 + after]
        if len(left) < before or len(right) < after or _SPACE.search(left + right):
            continue
        if one_sided and not all(_JAPANESE.match(c) for c in left + right):
            continue
        found = _between(left, right, corpus)
        if found.pop(text[a], 0) > 1:
            return set()  # the read surroundings are printed elsewhere too
        out |= {c for c in found if _JAPANESE.match(c)}
    return out


def _unheard_pairs(text: str, corpus: str) -> list[int]:
    """Offsets of the kanji of ``text`` that make a word with their neighbours (返言, 英名) but
    whose pairs with both Japanese neighbours the document prints only here (one printed line):
    a confident misread into another word, looked up with a surrounding on one side too."""
    out = []
    for m in _HAN.finditer(text):
        a = m.start()
        pairs = [text[k : k + 2] for k in (a - 1, a) if k >= 0 and k + 2 <= len(text)]
        pairs = [p for p in pairs if all(_JAPANESE.match(c) for c in p)]
        if pairs and all(corpus.count(p) <= 1 for p in pairs):
            out.append(a)
    return out


def mend_confident_from_document(rows: list[RawRow], tokenizer: Tokenizer | None = None) -> int:
    """Kanji read with any confidence that make no word with their neighbours, replaced where the
    document prints the same surroundings round exactly one other character and the dictionary
    reads the result much more easily (see CONFIDENT_CONTEXT); the number of lines changed.
    Rows changed are flagged ``ocr_corrected`` (the read text is kept in the evidence)."""
    from piatable.normalize.ocr_spots import _in_word
    from piatable.normalize.tokenizer import SudachiTokenizer, default_tokenizer

    tok = tokenizer or default_tokenizer()
    if not isinstance(tok, SudachiTokenizer):
        return 0
    corpus = _printed_lines(rows)
    changed = 0
    for row in rows:
        for f in SPOT_FIELDS:
            own: str | None = None  # this cell's printed lines, when needed
            for cl in row.cells.get(f) or []:
                text = cl.text
                new = text
                lone = _lone_kanji(tok, text)
                for a in sorted(set(lone) | set(_unheard_pairs(text, corpus))):
                    candidates = _document_candidates(text, a, corpus, one_sided=a not in lone)
                    if len(candidates) != 1:
                        continue
                    if own is None:
                        own = _cell_text(row.cells.get(f) or [])
                    if _document_candidates(text, a, own, one_sided=a not in lone) & candidates:
                        continue  # the cell prints both words (see CONFIDENT_CONTEXT)
                    lo, hi = max(0, a - CONFIDENT_WINDOW), min(len(text), a + CONFIDENT_WINDOW + 1)
                    window = new[lo:hi]
                    swapped = window[: a - lo] + next(iter(candidates)) + window[a - lo + 1 :]
                    if tok.path_cost(window) - tok.path_cost(swapped) < CONFIDENT_GAIN:
                        continue
                    if not _in_word(tok, swapped, a - lo):
                        continue
                    new = new[:a] + swapped[a - lo] + new[a + 1 :]
                if new != text:
                    cl.text = new
                    changed += 1
                    row.add_flag("ocr_corrected")
    return changed
