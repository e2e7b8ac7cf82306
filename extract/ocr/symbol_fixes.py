"""OCR fixes of a cell's symbols: an arrow read as an ellipsis, ＩＤ / ＩＣ read with a one or a
T, and circled numbers read as @ or as their look-alikes (⑧ for ②, ⑨ for ③), put right from the
cell's own count of circled numbers."""

from __future__ import annotations

import regex

from piatable.normalize.chars import CIRCLED

from .heading_fixes import CIRCLED_LOOKALIKES
from .paragraph_counts import recount_circled

# An arrow between two words (既存住基システム→市町村ＣＳ) read as an ellipsis: the form writes
# omissions as ・・・ or 等, never as … inside a word pair.
_ARROW = regex.compile(r"(?<=[\p{L}\p{N}）)])…(?=[\p{L}\p{N}（(])")
# An at sign outside an address (no Latin letter or digit on both sides): a circled number read
# as @, or a stray @ read beside the circled number itself.
_AT_BY_CIRCLED = regex.compile(r"[@＠](?=[①-⑳])|(?<=[①-⑳])[@＠]")
_LONE_AT = regex.compile(r"(?<![A-Za-z0-9._-])[@＠](?![A-Za-z0-9._-])")
# ＩＤ (ユーザＩＤ) and ＩＣ (ＩＣカード) read with a one: "1D", "1C" stand for nothing else.
_ID = regex.compile(
    r"(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])[1１lｌ|｜](?=\n?([DＤCＣ])(?![A-Za-zＡ-Ｚａ-ｚ0-9０-９]))"
)
# An I read as a one or an l opening a word of capitals (（１ＳＭＡＰ）, lSMAP): three or more
# capitals after it (a size's 1GB, 1TB keep their digit); none in the samples' truth cells.
_I_OPENING = regex.compile(r"(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])[1１lｌ](?=([A-ZＡ-Ｚ])[A-ZＡ-Ｚ]{2})")
# A slash between a Latin word and a Japanese one (ＩＤ／パスワード) read as the katakana of its
# one stroke, ノ: no truth cell of the samples or the private sets prints ノ after a letter or a
# digit (／ there: 5).  Its width follows the letter's.
_SLASH_AS_NO = regex.compile(r"(?<=([A-Za-zＡ-Ｚａ-ｚ]))ノ(?=[\p{Katakana}\p{Han}])")
# An underscore between two Japanese characters (設_置, also at a wrap): a speck of an underline
# or a ruling read as a glyph; no truth cell of the samples or the private sets prints one there.
_UNDERSCORE = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}])[_＿](?=\n?[\p{Han}\p{Hiragana}\p{Katakana}])"
)
# ＩＣカード read with a T (ＴＣカード): the forms' card is the IC card.
_IC_CARD = regex.compile(r"(?<![A-Za-zＡ-Ｚａ-ｚ])[TＴ](?=([CＣ])\n?カード)")


def _renumber_circled(text: str) -> str:
    """A cell's circled numbers with a look-alike misread (⑧ for ②, ⑨ for ③) put right where it
    breaks the cell's count (① ⑧ ③), and a misread printed beside the right number dropped
    (提供先１⑧② → 提供先１②)."""
    text = regex.sub(
        r"([⑧⑨])(?=([①-⑳]))",
        lambda m: "" if CIRCLED_LOOKALIKES[m.group(1)] == m.group(2) else m.group(1),
        text,
    )
    spots = [m.start() for m in regex.finditer(r"[①-⑳]", text)]
    chars = list(text)
    for k, i in enumerate(spots):
        right = CIRCLED_LOOKALIKES.get(chars[i])
        if right is None:
            continue
        before = chars[spots[k - 1]] if k else None
        after = chars[spots[k + 1]] if k + 1 < len(spots) else None
        # ① ⑧ ③, ① ⑧ (at the end) and ⑧ ③ (at the start) all count ② there.
        fits_before = before is None or _next_circled(before) == right
        fits_after = after is None or after == _next_circled(right)
        if fits_before and fits_after and (before or after):
            chars[i] = right
    return "".join(chars)


def _next_circled(number: str) -> str | None:
    k = CIRCLED.index(number) + 1
    return CIRCLED[k] if k < len(CIRCLED) else None


def fix_symbols(text: str) -> str:
    """A cell's text with … between words as →, ノ after a letter as ／, an underscore between
    Japanese characters dropped, 1D / 1C / 1SMAP as ID / IC / ISMAP, and a circled
    number read as @ restored from its neighbours in the cell (the number after the one before it,
    or before the one after), as is a paragraph's number that breaks the cell's count
    (``recount_circled``)."""
    text = _ARROW.sub("→", text)
    text = _SLASH_AS_NO.sub(lambda m: "／" if m.group(1) >= "Ａ" else "/", text)
    text = _UNDERSCORE.sub("", text)
    text = _ID.sub(lambda m: "Ｉ" if m.group(1) in "ＤＣ" else "I", text)
    text = _IC_CARD.sub(lambda m: "Ｉ" if m.group(1) == "Ｃ" else "I", text)
    text = _I_OPENING.sub(lambda m: "Ｉ" if m.group(1) >= "Ａ" else "I", text)
    text = _AT_BY_CIRCLED.sub("", text)
    text = recount_circled(_renumber_circled(text))
    while m := _LONE_AT.search(text):
        before = [c for c in text[: m.start()] if c in CIRCLED]
        after = [c for c in text[m.end() :] if c in CIRCLED]
        if before and _next_circled(before[-1]):
            number = _next_circled(before[-1])
        elif after and after[0] != CIRCLED[0]:
            number = CIRCLED[CIRCLED.index(after[0]) - 1]
        else:
            break
        text = text[: m.start()] + number + text[m.end() :]
    return text
