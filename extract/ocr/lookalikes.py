"""Look-alike glyphs of tesseract's Japanese reads as classes: two reads whose keys are equal
differ only by glyphs that look alike (ー/一, ロ/口, 、/，, letter widths), so a disagreement between
them is no evidence of a misread (``extract/ocr/second_reads.py``).  The pairs are the OCR
corrections' own tables (``corrections.CONFUSABLE``, ``corrections.MISREADS``) and the punctuation
below."""

from __future__ import annotations

from functools import lru_cache

# Punctuation and dashes tesseract reads one for another (a stop for a comma, a bullet for a
# dash, the long-vowel mark for a kanji one, ＜ for く): look-alikes for ``lookalike_key``.
PUNCTUATION_LOOKALIKES = (
    "、，,､",
    "。．.｡",
    "・･·-－‐−―ー一",
    "（(",
    "）)",
    "「｢",
    "」｣",
    "：:",
    "；;",
    # ＜ read as a kana (く市における措置＞, ぐ中間サーバー…: structure_fixes puts it back).
    "＜<くぐ",
    "＞>",
)


@lru_cache(maxsize=1)
def _lookalike_classes() -> dict[str, str]:
    """Each character of a look-alike table (``CONFUSABLE``, ``MISREADS``,
    ``PUNCTUATION_LOOKALIKES``) → one character standing for its class (the classes are the
    tables' pairs joined wherever they share a character)."""
    parent: dict[str, str] = {}

    def root(c: str) -> str:
        while parent.setdefault(c, c) != c:
            c = parent[c]
        return c

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    from .corrections import CONFUSABLE, MISREADS

    for read, printed in [*CONFUSABLE.items(), *MISREADS.items()]:
        for p in printed:
            join(read, p)
    for group in PUNCTUATION_LOOKALIKES:
        for c in group[1:]:
            join(group[0], c)
    return {c: root(c) for c in parent}


def lookalike_key(text: str) -> str:
    """``text`` as tesseract's look-alikes cannot tell it apart: spaces removed, letters and
    digits in one width (the width is read from the ink later: extract/ocr/widths.py), and each
    character of a look-alike class (ー/一, ロ/口, こ/に, 人/入, 、/，, ・/－ …: the tables above)
    written as its class's one character.  Two reads with the same key differ only by glyphs
    that look alike (``extract/ocr/second_reads.py``)."""
    import unicodedata

    classes = _lookalike_classes()
    out = []
    for ch in text:
        if ch.isspace():
            continue
        if "\uff01" <= ch <= "\uff5e":
            ch = unicodedata.normalize("NFKC", ch)
        out.append(classes.get(ch, ch))
    return "".join(out)
