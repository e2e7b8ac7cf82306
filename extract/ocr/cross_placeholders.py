"""The placeholder ×× (××市, ××市税務部) read from a scan as Latin x's or katakana me.

Forms and filled copies name a municipality or an office left anonymous with ○○ or with ××
(U+00D7, the multiplication sign).  Tesseract's ``jpn`` model does not write ×: it reads the
crossed strokes as ｘ / Ｘ / x / X or as the katakana メ, two alike in a run (session 54:
samples/heldout-ocr52 printed ××市 on both its pages and read ｘｘ市, ＸＸ市 and メメ市; every
row holding it was wrong).  A bare run of two or more of those standing before a kanji, with no
Latin letter or digit before it, is not a Latin word nor a Japanese one (メメ is no word), so it
is the placeholder: written back as ××.  ``structure_fixes.fix_placeholder_run`` does the same
for ○○ read as OO.
"""

from __future__ import annotations

import regex

# Two or more crossed-stroke reads (one kind or mixed), not inside a Latin word or a number, before
# a kanji: ｘｘ市, ＸＸ市, メメ市, xX市.  Mixing メ with x's is allowed (one × read each way).
_CROSS_RUN = regex.compile(r"(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９ァ-ヺー])[xXｘＸ×メ]{2,}(?=\p{Han})")


def fix_cross_run(line: str) -> str:
    """``ｘｘ市`` / ``ＸＸ市`` / ``メメ市`` → ``××市`` (see the module notes); other text as it is."""
    return _CROSS_RUN.sub(lambda m: "×" * len(m.group(0)), line)
