"""A glyph misread inside a word, put right where the dictionary or the form's lexicon decides.

Three misreads tesseract's ``jpn`` model makes in print like the forms' (set XVIII's scans, issue
12), each left unwarned before:

- **A mark for the kanji 一.**  The long-vowel mark ー or a dash after a kanji or a hiragana
  (``別表第一のーの項``) and the middle dot ・ between a hiragana and a kanji (``までの・定の期間``)
  stand where the forms print 一: a long-vowel mark follows only katakana, a dash joins numbers,
  and a middle dot joins two nouns.  The mark is read as 一 when 一 then makes a known word of two or more
  characters with what follows (一定, 一部) or stands as a numeral (after 第, before a counter or
  ``の項``: 別表第一の一の項), and the dictionary reads the context more easily by
  ``corrections.MIN_GAIN``.
- **A kanji read in excess inside a word of the forms' lexicon** (``住民基本人台帳`` for
  住民基本台帳: one glyph read as two): dropped when the rest is that word
  (``corrections.form_words``, four characters or more) and the dictionary gains as above.
- **A long-vowel mark read in excess inside a katakana word** (``コンビーニ``): dropped when the
  word as read is unknown to the dictionary and without that mark is one word it knows.
- **An upright stroke read as another capital** (``ＴＤ`` for ＩＤ): a Latin word the dictionary
  does not know that with one such letter read as Ｉ is the one word it knows.

What these rules do not settle is left as read; ``suspects.py`` flags a long-vowel mark after a
kanji or hiragana (``LOOSE_VOWEL_MARK``) and a middle dot before a word that 一 would make
(``dot_for_one``), so the row says it is in doubt.  Only for OCR rows; changed lines are flagged
``ocr_corrected`` with what was read.
"""

from __future__ import annotations

import regex

from piatable.models import RawRow
from piatable.normalize.tokenizer import SudachiTokenizer, default_tokenizer

from .rewrites import rewrite_lines

FIELDS = ("item", "before", "after", "explanation")
# A long-vowel mark or a dash after a kanji or hiragana before a kanji or の, or a middle dot
# after a hiragana before a kanji: where the forms print 一 (set XVIII's outlined PDF read
# ``までの`` / ``-定の期間``, a dash opening the line).
_MARK_FOR_ONE = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}])[ー\-－‐―−](?=[\p{Han}の])|(?<=\p{Hiragana})[・･](?=\p{Han})"
)
# What may follow a kanji numeral 一 standing as a number (別表第一の一の項, 一丁目, 一号).
_COUNTED = ("の項", "項", "号", "条", "丁目", "次", "回", "番", "種", "類")
# A long-vowel mark inside a katakana run (コンビーニ).
_INNER_VOWEL = regex.compile(r"(?<=\p{Katakana})ー(?=\p{Katakana})")
_KATAKANA_RUN = regex.compile(r"[\p{Katakana}ー]+")
# A word of two Latin capitals, in one width, standing alone among Japanese text (longer words
# are the forms' own: TLS, ISMAP, LGWAN; TLS with Ｉ would be ILS, a word the dictionary knows).
LATIN_WORD = regex.compile(r"(?<![A-Za-zＡ-Ｚａ-ｚ])(?:[A-Z]{2}|[Ａ-Ｚ]{2})(?![A-Za-zＡ-Ｚａ-ｚ])")
# Capitals tesseract reads for the upright stroke Ｉ of a Japanese Gothic (its serifs read as a
# bar: ＩＤ read ＴＤ on set XVIII's 200 dpi image PDF).
STROKE_LOOKALIKES = {"Ｔ": "Ｉ", "T": "I", "Ｌ": "Ｉ", "L": "I"}
# Characters of context on each side weighed by the dictionary (as corrections.CONTEXT).
CONTEXT = 6


def _gain(st: SudachiTokenizer, before: str, after: str) -> int:
    from .corrections import _reading_cost

    return _reading_cost(st, before) - _reading_cost(st, after)


# A word of kanji only (``生体``): a bullet before it opens a whole word (``dot_for_one``).
_KANJI_COMPOUND = regex.compile(r"\p{Han}{2,}")


def _known_word_at(st: SudachiTokenizer, text: str, i: int, min_len: int = 2) -> bool:
    """True when the dictionary reads a known word of ``min_len`` characters or more covering
    position ``i`` of ``text``."""
    pos = 0
    for m in st.tokenize(text):
        s = m.surface()
        if pos <= i < pos + len(s):
            return not m.is_oov() and len(s) >= min_len
        pos += len(s)
    return False


def one_for_mark(text: str, st: SudachiTokenizer) -> str:
    """``text`` with each ー / ・ that stands where 一 belongs (module notes) read as 一."""
    from .corrections import MIN_GAIN

    for m in reversed(list(_MARK_FOR_ONE.finditer(text))):
        i = m.start()
        lo, hi = max(0, i - CONTEXT), min(len(text), i + CONTEXT + 1)
        window = text[lo:hi]
        swapped = window[: i - lo] + "一" + window[i - lo + 1 :]
        counted = text[i - 1 : i] == "第" or text[i + 1 :].startswith(_COUNTED)
        if not (counted or _known_word_at(st, swapped, i - lo)):
            continue
        if _gain(st, window, swapped) >= MIN_GAIN:
            text = text[:i] + "一" + text[i + 1 :]
    return text


def dot_for_one(text: str, st: SudachiTokenizer | None = None) -> str:
    """The first middle dot of ``text`` between a hiragana and a kanji where 一 would make a known
    word with what follows (``の・定`` → 一定), as ``"・定"``, or ``""``: a mark the corrections
    left as read, still in doubt.  Not where that word would end inside a known word the text after
    the dot opens with (``より・生体認証``: 一生 would tear 生体; a bullet before a whole word)."""
    for m in _MARK_FOR_ONE.finditer(text):
        if m.group(0) not in "・･":
            continue
        i = m.start()
        st = st or default_tokenizer()
        after = text[i + 1 : i + 1 + CONTEXT]
        piece = "一" + after
        if _known_word_at(st, piece, 0) and not _tears_first_word(st, piece, after):
            return text[i : i + 2]
    return ""


def _tears_first_word(st: SudachiTokenizer, piece: str, after: str) -> bool:
    """True when the word 一 opens in ``piece`` ends inside the first word of ``after`` and that
    word is a known kanji compound of two characters or more (``生体``; not ``定め``, which
    ``までの・定め`` leaves in doubt)."""
    one_word = len(next(iter(st.tokenize(piece))).surface())
    first = next(iter(st.tokenize(after)), None)
    if first is None or first.is_oov():
        return False
    word = first.surface()
    return len(word) >= 2 and bool(_KANJI_COMPOUND.fullmatch(word)) and one_word - 1 < len(word)


def drop_inserted_kanji(text: str, st: SudachiTokenizer) -> str:
    """``text`` with a kanji read in excess inside a word of the forms' lexicon dropped (module
    notes)."""
    from .corrections import MIN_GAIN, form_words

    if not regex.search(r"\p{Han}", text):
        return text
    for word in sorted(form_words(), key=len, reverse=True):
        if len(word) < 4 or word[0] not in text:
            continue
        for k in range(1, len(word)):
            pattern = regex.escape(word[:k]) + r"\p{Han}" + regex.escape(word[k:])
            for m in reversed(list(regex.finditer(pattern, text))):
                lo, hi = max(0, m.start() - CONTEXT), min(len(text), m.end() + CONTEXT)
                mended = text[lo : m.start()] + word + text[m.end() : hi]
                if _gain(st, text[lo:hi], mended) >= MIN_GAIN:
                    text = text[: m.start()] + word + text[m.end() :]
    return text


def drop_stretched_vowel(text: str, st: SudachiTokenizer) -> str:
    """``text`` with a long-vowel mark read in excess inside a katakana word dropped (module
    notes)."""
    for run in reversed(list(_KATAKANA_RUN.finditer(text))):
        word = run.group(0)
        if "ー" not in word:
            continue
        ms = list(st.tokenize(word))
        if not any(m.is_oov() for m in ms):
            continue
        for v in reversed(list(_INNER_VOWEL.finditer(word))):
            shorter = word[: v.start()] + word[v.end() :]
            ms2 = list(st.tokenize(shorter))
            if len(ms2) == 1 and not ms2[0].is_oov():
                text = text[: run.start()] + shorter + text[run.end() :]
                break
    return text


def latin_stroke(text: str, st: SudachiTokenizer) -> str:
    """``text`` with a capital the dictionary's Latin word lost read back: a Latin word of two
    capitals (``LATIN_WORD``) the dictionary does not know, which with one of its letters read as
    the upright stroke it may have been (``STROKE_LOOKALIKES``: Ｔ for Ｉ) is one word it knows
    (ＴＤ → ＩＤ)."""
    for m in reversed(list(LATIN_WORD.finditer(text))):
        word = m.group(0)
        ms = list(st.tokenize(word))
        if len(ms) == 1 and not ms[0].is_oov():
            continue
        options = set()
        for k, ch in enumerate(word):
            for alt in STROKE_LOOKALIKES.get(ch, ""):
                other = word[:k] + alt + word[k + 1 :]
                ms2 = list(st.tokenize(other))
                if len(ms2) == 1 and not ms2[0].is_oov():
                    options.add(other)
        if len(options) == 1:
            text = text[: m.start()] + options.pop() + text[m.end() :]
    return text


def mend_line(text: str, st: SudachiTokenizer) -> str:
    """One OCR text with the misreads of the module notes put right."""
    text = drop_stretched_vowel(drop_inserted_kanji(one_for_mark(text, st), st), st)
    return latin_stroke(text, st)


def mend_word_glyphs(rows: list[RawRow], tokenizer: SudachiTokenizer | None = None) -> int:
    """The misreads of the module notes put right in the text cells of ``rows`` (OCR rows: called
    by ``corrections.correct_ocr_rows``), in place; the number of lines changed."""
    changed = 0
    st = tokenizer or default_tokenizer()
    for row in rows:
        for column in FIELDS:
            lines = row.cells.get(column) or []
            parts = [cl.text for cl in lines]
            joined = "".join(parts)
            # Judged on the cell's lines read as one text: a word may wrap (住民基本|人台帳).
            mended = mend_line(joined, st)
            if mended != joined:
                changed += rewrite_lines(row, lines, split_edited(joined, mended, parts))
    return changed


def split_edited(joined: str, mended: str, parts: list[str]) -> list[str]:
    """``mended`` (``joined`` with characters swapped or dropped) cut into as many lines as
    ``parts`` (whose concatenation is ``joined``): each character kept stays on its line."""
    from cydifflib import SequenceMatcher

    owner = [k for k, part in enumerate(parts) for _ in part]
    out = [""] * len(parts)
    for op, i1, i2, j1, j2 in SequenceMatcher(None, joined, mended, autojunk=False).get_opcodes():
        if op == "delete":
            continue
        for n, j in enumerate(range(j1, j2)):
            k = owner[min(i1 + n, i2 - 1)] if i2 > i1 else owner[i1 - 1] if i1 else 0
            out[k] += mended[j]
    return out
