"""OCR corrections of the explanation column's stock sentences (重大な変更に該当しない …): a line,
or a line and the next one read together (a sentence wrapped before its last characters), that
misreads one of ``vocabulary.EXPLANATION_PHRASES`` in a character or two is written as printed.

Only substitutions count (a character added or lost is more often a line cut than a misread), and
only a single nearest phrase is taken (重大 / 重要 misread alike decide nothing).  Phrases that are
spellings of one sentence (当たらない / あたらない: the same words in SudachiPy's normalized forms)
count as one, and a line that spells its nearest phrase otherwise is no misread: it stays as
printed (newuser22's scans: 重要な変更にあたらない was written 当たらない in 31 of 33 rows).

When a misread character is the very one the spellings differ in (``重要な変更にめたらない``: あ
or 当 misread), the spelling is the document's, not the list's: the one its other cells print
most (``printed_phrases``), else the one whose characters there are of the script read (め, a
kana, for あ), else the first listed (newuser23's scans: 2 cells printed あたらない were
written 当たらない by the list's order).
"""

from __future__ import annotations

from collections import Counter

import regex

from piatable.normalize.added_above import ADDED_ABOVE, DELETED
from piatable.normalize.tokenizer import default_tokenizer
from piatable.vocabulary import EXPLANATION_PHRASES

from .item_lines import levenshtein
from .polarity import flips_polarity

# Characters substituted per phrase character allowed: one per PHRASE_EDIT_STEP, at least one.
PHRASE_EDIT_STEP = 5
# Trailing marks kept as read after a phrase (…該当しない。).
_TAIL = "。．."
# A next line of a kana or two (い, ない。) ends the sentence the lines above began: a snap that
# leaves it behind would not cover the phrase it replaces (該当する / い), so none is taken.
_WRAPPED_END = regex.compile(r"\p{Hiragana}{1,2}[。．.]?")


def _words(text: str) -> tuple[str, ...]:
    """``text``'s words in SudachiPy's normalized forms (あたら and 当たら are both 当たる)."""
    return tuple(m.normalized_form() for m in default_tokenizer().tokenize(text))


_SPACE = regex.compile(r"\s+")
_SCRIPT = regex.compile(r"(\p{Han})|(\p{Hiragana})|(\p{Katakana})")


def printed_phrases(cells: list[str]) -> Counter[str]:
    """How many of ``cells`` (explanation cells' texts, as read) print each stock phrase whole:
    the document's own spelling of a sentence."""
    out: Counter[str] = Counter()
    for cell in cells:
        flat = _SPACE.sub("", cell)
        out.update(phrase for phrase in EXPLANATION_PHRASES if phrase in flat)
    return out


def _script(ch: str) -> int:
    m = _SCRIPT.match(ch)
    return (m.lastindex or 0) if m else 0


def _spelling(text: str, spellings: list[str], printed: Counter[str] | None) -> str:
    """Of ``spellings`` of one sentence that ``text`` misreads alike, the document's (see the
    module notes): most printed in ``printed``, then most differing characters of the script read
    in ``text``, then the first listed."""

    def rank(order: int) -> tuple[int, int, int]:
        phrase = spellings[order]
        script = sum(1 for a, b in zip(phrase, text, strict=True) if a != b and _script(a) == _script(b))
        return (-(printed or {}).get(phrase, 0), -script, order)

    return spellings[min(range(len(spellings)), key=rank)]


def _nearest(text: str, printed: Counter[str] | None = None) -> str | None:
    """The single stock phrase ``text`` misreads by substitutions only, or None: also when ``text``
    is one already or spells its nearest phrase otherwise (the same words, ``_words``).  Of the
    nearest phrases, spellings of one sentence count as one, and the document's spelling is
    taken (``_spelling``; ``printed``: the document's stock phrases, ``printed_phrases``)."""
    if not text or text in EXPLANATION_PHRASES:
        return None
    fits = []
    for order, phrase in enumerate(EXPLANATION_PHRASES):
        if len(phrase) != len(text):
            continue
        d = sum(1 for a, b in zip(phrase, text, strict=True) if a != b)
        if d <= max(1, len(phrase) // PHRASE_EDIT_STEP):
            fits.append((d, order, phrase))
    if not fits:
        return None
    fits.sort()
    nearest = [phrase for d, _, phrase in fits if d == fits[0][0]]
    if any(flips_polarity(text, phrase) for phrase in nearest):
        # 重要な変更に該当しな is two substitutions from 重要な変更に該当する: never a negation
        # guessed away or into a line (``polarity``).
        return None
    sentences = {_words(phrase) for phrase in nearest}
    if len(sentences) > 1 or _words(text) in sentences:
        return None
    spelled = _spelling(text, nearest, printed)
    # A character read twice or a speck (重要な変更にああたらない) is one character off another
    # phrase too, with that character dropped: the substitution (…にはあたらない) is then a guess
    # between two sentences, taken only where the document prints it more often than the other
    # (set H's scans: 4 cells printed …にあたらない written …にはあたらない).
    dropped = _dropped_one(text)
    if dropped:
        counts = printed or Counter()
        other = max(dropped, key=lambda phrase: (counts.get(phrase, 0), phrase))
        if counts.get(other, 0) > counts.get(spelled, 0):
            return other
        if counts.get(other, 0) == counts.get(spelled, 0):
            return None
    return spelled


def _dropped_one(text: str) -> set[str]:
    """The stock phrases ``text`` is with one character inside it (not its first or last: a mark
    before or after a phrase is printed) left out."""
    return {text[:k] + text[k + 1 :] for k in range(1, len(text) - 1)} & set(EXPLANATION_PHRASES)


def phrase_in_doubt(lines: list[str]) -> str:
    """Why an explanation cell (its lines) is in doubt when one of its lines, or the cell read as
    one text, is a stock phrase with a character added (read twice, a speck) and also one
    character off another phrase (重要な変更にああたらない: …にあたらない or …にはあたらない), which
    ``snap_phrases`` leaves as read without the document's evidence; else ``""``."""
    for text in [*lines, "".join(lines)]:
        body = _SPACE.sub("", text).rstrip(_TAIL)
        dropped = _dropped_one(body) if body not in EXPLANATION_PHRASES else set()
        if dropped:
            return f"{body!r}: a stock sentence with a character added or misread ({min(dropped)!r} …)"
    return ""


def snap_phrases(lines: list[str], printed: Counter[str] | None = None) -> list[str]:
    """An explanation cell's lines with each stock sentence misread in a character or two written
    as printed (in the document's spelling: ``printed``, its stock phrases as
    ``printed_phrases`` counts them); a sentence wrapped over two lines keeps each line's length.
    Other lines stay."""
    out = list(lines)
    i = 0
    while i < len(out):
        text = out[i].strip()
        nxt = out[i + 1].strip() if i + 1 < len(out) else ""
        after = out[i + 2].strip() if i + 2 < len(out) else ""
        if nxt and after and (text + nxt + after).rstrip(_TAIL) in EXPLANATION_PHRASES:
            # A sentence wrapped over three lines (重要な変更 / に該当しな / い) is as printed.
            i += 3
            continue
        if nxt and not _WRAPPED_END.fullmatch(after):
            # Read with the next line first: 重大な変更に該当しな / い is no misread of
            # 重大な変更に該当する.
            joined = (text + nxt).rstrip(_TAIL)
            if joined in EXPLANATION_PHRASES:
                i += 2
                continue
            phrase = _nearest(joined, printed) if len(joined) > len(text) else None
            if phrase is not None:
                out[i] = out[i].replace(text, phrase[: len(text)], 1)
                out[i + 1] = out[i + 1].replace(nxt, phrase[len(text) :] + (text + nxt)[len(joined) :], 1)
                i += 2
                continue
        body = text.rstrip(_TAIL)
        phrase = _nearest(body, printed) if not _WRAPPED_END.fullmatch(nxt) else None
        if phrase is not None:
            out[i] = out[i].replace(text, phrase + text[len(body) :], 1)
        i += 1
    return out


# The closing words of an after cell (上記を新規追加, 上記を削除 …) snapped to when the cell's last
# line misreads one: the words at least this long (削除 alone is too short to tell from a misread
# 1件), at most one edit per NOTE_EDIT_STEP characters.
NOTE_MIN_CHARS = 5
NOTE_EDIT_STEP = 3
# A list mark before the closing words (・上記を新規追加, ③上記を新規追加) is kept as read.
_NOTE_MARK = regex.compile(r"^[\s・\p{No}]*")


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def snap_closing_note(lines: list[str]) -> list[str]:
    """An after cell's lines with its last line written as the closing words
    (``normalize.added_above.ADDED_ABOVE`` and ``DELETED``, ``NOTE_MIN_CHARS`` or longer) it
    misreads by a character or two (上記を新規師 → 上記を新規追加).  The nearest words are taken,
    and between words as near the one sharing the longest start with the line (a glyph run at
    the line's end breaks more often than at its start); still tied, the line stays.  Of the
    samples' truth before/after lines (not held out), only closing words with a list mark before
    them lie within two edits of one."""
    if not lines:
        return lines
    last = lines[-1]
    mark = _NOTE_MARK.match(last)
    body = last[mark.end() if mark else 0 :].strip()
    notes = [n for n in ADDED_ABOVE | DELETED if len(n) >= NOTE_MIN_CHARS]
    if len(body) < NOTE_MIN_CHARS - 1 or body in notes:
        return lines
    fits = []
    for note in notes:
        limit = len(note) // NOTE_EDIT_STEP
        d = levenshtein(body, note, limit)
        if d <= limit:
            fits.append((d, -_common_prefix(body, note), note))
    fits.sort()
    if not fits or (len(fits) > 1 and fits[1][:2] == fits[0][:2]):
        return lines
    return [*lines[:-1], last.replace(body, fits[0][2], 1)]
