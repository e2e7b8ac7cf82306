"""The Unicode policy: repair what extractors damage, keep what the form prints.

NFKC over the whole text is wrong here: it turns ① into 1, Ⅱ into II and full-width ＬＧＷＡＮ into
LGWAN, which changes what was printed.  We apply compatibility mapping only to code points that
are known damage: Kangxi radicals (⽬ U+2F6C for 目), CJK radicals supplement forms that have a
mapping, CJK compatibility ideographs, and half-width katakana.
"""

from __future__ import annotations

import unicodedata

import regex

_DAMAGED = regex.compile(r"[\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF\U0002F800-\U0002FA1F\uFF65-\uFF9F]+")
_INVISIBLE = regex.compile(r"[\u200B-\u200D\u2060\uFEFF\u00AD\p{Cc}--[\n\t\f]]", regex.V1)
CID = regex.compile(r"\(cid:\d+\)")


# CJK radicals supplement forms without a compatibility mapping that Japanese PDF fonts emit for
# whole kanji (国⺠ for 国民, 所属⻑ for 所属長): the kanji each stands for.
_RADICAL_KANJI = str.maketrans("⺠⻑⻄⻘⻝⻩⻤⻨⻭⻯⻲⻁⺩⻊", "民長西青食黄鬼麦歯竜亀虎王足")


def _repair(match: regex.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group(0).translate(_RADICAL_KANJI))


def clean_text(text: str) -> str:
    """Map damaged code points to what was printed; drop invisible characters; keep the rest."""
    text = _INVISIBLE.sub("", text)
    return _DAMAGED.sub(_repair, text)


def has_cid(text: str) -> bool:
    """True when the text layer carries ``(cid:NN)`` glyphs without a Unicode mapping."""
    return bool(CID.search(text))
