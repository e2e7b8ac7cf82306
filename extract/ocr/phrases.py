"""OCR corrections of the explanation column's stock sentences (重大な変更に該当しない …): a line,
or a line and the next one read together (a sentence wrapped before its last characters), that
misreads one of ``vocabulary.EXPLANATION_PHRASES`` in a character or two is written as printed.

Only substitutions count (a character added or lost is more often a line cut than a misread), and
only a single nearest phrase is taken (重大 / 重要 misread alike decide nothing).
"""

from __future__ import annotations

from piatable.vocabulary import EXPLANATION_PHRASES

# Characters substituted per phrase character allowed: one per PHRASE_EDIT_STEP, at least one.
PHRASE_EDIT_STEP = 5
# Trailing marks kept as read after a phrase (…該当しない。).
_TAIL = "。．."


def _nearest(text: str) -> str | None:
    """The single stock phrase ``text`` misreads by substitutions only, or None (also when
    ``text`` is one already)."""
    if not text or text in EXPLANATION_PHRASES:
        return None
    fits = []
    for phrase in EXPLANATION_PHRASES:
        if len(phrase) != len(text):
            continue
        d = sum(1 for a, b in zip(phrase, text, strict=True) if a != b)
        if d <= max(1, len(phrase) // PHRASE_EDIT_STEP):
            fits.append((d, phrase))
    fits.sort()
    if not fits or (len(fits) > 1 and fits[1][0] == fits[0][0]):
        return None
    return fits[0][1]


def snap_phrases(lines: list[str]) -> list[str]:
    """An explanation cell's lines with each stock sentence misread in a character or two written
    as printed; a sentence wrapped over two lines keeps each line's length.  Other lines stay."""
    out = list(lines)
    i = 0
    while i < len(out):
        text = out[i].strip()
        nxt = out[i + 1].strip() if i + 1 < len(out) else ""
        if nxt:
            # Read with the next line first: 重大な変更に該当しな / い is no misread of
            # 重大な変更に該当する.
            joined = (text + nxt).rstrip(_TAIL)
            if joined in EXPLANATION_PHRASES:
                i += 2
                continue
            phrase = _nearest(joined) if len(joined) > len(text) else None
            if phrase is not None:
                out[i] = out[i].replace(text, phrase[: len(text)], 1)
                out[i + 1] = out[i + 1].replace(nxt, phrase[len(text) :] + (text + nxt)[len(joined) :], 1)
                i += 2
                continue
        body = text.rstrip(_TAIL)
        phrase = _nearest(body)
        if phrase is not None:
            out[i] = out[i].replace(text, phrase + text[len(body) :], 1)
        i += 1
    return out
