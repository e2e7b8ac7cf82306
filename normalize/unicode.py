"""The Unicode policy: repair what extractors damage, keep what the form prints.

NFKC over the whole text is wrong here: it turns ① into 1, Ⅱ into II and full-width ＬＧＷＡＮ into
LGWAN, which changes what was printed.  We apply compatibility mapping only to code points that
are known damage: Kangxi radicals (⽬ U+2F6C for 目), CJK Radicals Supplement forms (⺠ U+2EA0 for 民,
⻑ U+2ED1 for 長: a font that maps one glyph to both code points lets an extractor pick the radical),
and CJK compatibility ideographs; and U+2027 HYPHENATION POINT (‧), which pypdf, pdfminer and
pdfplumber give for the katakana middle dot ・ (U+30FB) of Chromium's PDFs in Noto Sans CJK (the
font draws both with one glyph and Chromium's ToUnicode names the glyph by U+2027; pdftotext,
pypdfium2 and PyMuPDF read ・ there — set XIV's t11).  A Japanese form prints ・, never a Latin
hyphenation point.  Half-width katakana (ｼｽﾃﾑ) is what some forms print, so cells
keep it; keys and lexicon matches fold it (``fold_halfwidth_kana``).

Spaces (``plain_spaces``): a text copied from a web viewer writes U+00A0 (NBSP) for every space
(set XXV's webcopy texts), and other viewers and fonts write the typographic spaces U+2000–U+200A,
U+202F or U+205F; those are the spaces they stand for, but the em space U+2003, a full-width
space's width, which pypdf writes for the U+3000 a cell prints: it is kept.  Zero-width
spaces are dropped (``clean_text``), unless a text writes no U+0020 and more of them than other
spaces: then they stand for the spaces.  A full-width space U+3000 is a character forms print
(``第１項　別表``) and stays, unless a text with ASCII in it writes no other space and puts U+3000
where only a separator stands (``2020/7/1　事前``): a viewer's copy writing U+3000 for every
space.  poppler's Shift-JIS text (``extract.poppler_sjis``, no ASCII at all) and text spaced out
with U+3000 (``normalize.spacing_evidence``) are read back where they are told.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import islice

import regex

# Plain character classes, matched with the standard library's ``re`` (two to four times as
# fast as ``regex`` on a page's text; ``clean_text`` runs over every page the scan reads).
_DAMAGED = re.compile(r"[\u2027\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF\U0002F800-\U0002FA1F]+")
# Half-width katakana and its marks (U+FF65–U+FF9F; a voiced mark ﾞ follows its kana).
_HALFWIDTH_KANA = re.compile(r"[\uFF65-\uFF9F]+")
# Zero-width characters, the soft hyphen and the control characters (Unicode Cc) but tab, line
# feed and form feed.
_INVISIBLE = re.compile(r"[\u200B-\u200D\u2060\uFEFF\u00AD\x00-\x08\x0B\x0D-\x1F\x7F-\x9F]")
CID = regex.compile(r"\(cid:\d+\)")
# Unicode spaces that stand for a space: NBSP, the typographic spaces, narrow NBSP, the medium
# mathematical space.
_OTHER_SPACES = re.compile(r"[\u00A0\u2000-\u2002\u2004-\u200A\u202F\u205F]")
# Zero-width space, the word joiner and U+FEFF (a BOM inside the text).
_ZERO_WIDTH = re.compile(r"[\u200B\u2060\uFEFF]+")
_ZERO_WIDTH_BETWEEN = re.compile(r"(?<=[^\s\u200B\u2060\uFEFF])[\u200B\u2060\uFEFF]+(?=\S)")
# U+3000 where only a separator stands: between a date's last digit and 事前/事後, after 事前/事後
# before more text (not a choice's closing bracket, ``[　事前　]``), between the column labels
# 変更日 and 項目.  A text with no other space that
# shows it in ``IDEOGRAPHIC_SEPARATOR_MIN_PLACES`` places writes U+3000 for its spaces.
_IDEOGRAPHIC_SEPARATOR = re.compile(r"[0-9]\u3000+事[前後]|事[前後]\u3000+[^\s\]］）)」]|変更日\u3000+項目")
IDEOGRAPHIC_SEPARATOR_MIN_PLACES = 2
_ASCII_VISIBLE = re.compile(r"[\x21-\x7e]")


# CJK Radicals Supplement (and four Kangxi radicals, below) → the ideograph printed with the
# same glyph (after Unicode's EquivalentUnifiedIdeograph.txt; only two of the block have an NFKC
# mapping).  Radicals that
# stand only as a component, with no ideograph of their shape, are kept as they are.
RADICALS_SUPPLEMENT = str.maketrans(
    {
        # Not a radical: the hyphenation point of Chromium's one glyph for both (module docstring).
        "\u2027": "\u30fb",
        "\u2e81": "厂",
        "\u2e84": "乙",
        "\u2e85": "亻",
        "\u2e86": "冂",
        "\u2e89": "刂",
        "\u2e8a": "卜",
        "\u2e8b": "㔾",
        "\u2e8c": "小",
        "\u2e8d": "小",
        "\u2e8e": "兀",
        "\u2e8f": "尣",
        "\u2e90": "尢",
        "\u2e92": "巳",
        "\u2e93": "幺",
        "\u2e94": "彑",
        "\u2e96": "忄",
        "\u2e97": "㣺",
        "\u2e98": "扌",
        "\u2e99": "攵",
        "\u2e9b": "旡",
        "\u2e9c": "日",
        "\u2e9d": "月",
        "\u2e9e": "歺",
        "\u2e9f": "母",
        "\u2ea0": "民",
        "\u2ea1": "氵",
        "\u2ea2": "氺",
        "\u2ea3": "灬",
        "\u2ea4": "爫",
        "\u2ea6": "丬",
        "\u2ea7": "牛",
        "\u2ea8": "犭",
        "\u2ea9": "王",
        "\u2eaa": "疋",
        "\u2eab": "目",
        "\u2eac": "示",
        "\u2ead": "礻",
        "\u2eaf": "糹",
        "\u2eb0": "纟",
        "\u2eb1": "罓",
        "\u2eb2": "罒",
        "\u2eb3": "㓁",
        "\u2eb6": "羊",
        "\u2eb9": "耂",
        "\u2eba": "肀",
        "\u2ebb": "聿",
        "\u2ebc": "月",
        "\u2ebe": "艹",
        "\u2ebf": "艹",
        "\u2ec0": "艹",
        "\u2ec1": "虎",
        "\u2ec2": "衤",
        "\u2ec3": "覀",
        "\u2ec4": "西",
        "\u2ec5": "见",
        "\u2ec6": "角",
        "\u2ec7": "角",
        "\u2ec8": "讠",
        "\u2ec9": "贝",
        "\u2eca": "足",
        "\u2ecb": "车",
        "\u2ecc": "辶",
        "\u2ecd": "辶",
        "\u2ece": "辶",
        "\u2ecf": "阝",
        "\u2ed0": "钅",
        "\u2ed1": "長",
        "\u2ed2": "镸",
        "\u2ed3": "长",
        "\u2ed4": "门",
        "\u2ed5": "阜",
        "\u2ed6": "阝",
        "\u2ed7": "雨",
        "\u2ed8": "青",
        "\u2ed9": "韦",
        "\u2eda": "页",
        "\u2edb": "风",
        "\u2edc": "飞",
        "\u2edd": "食",
        "\u2edf": "飠",
        "\u2ee0": "饣",
        "\u2ee2": "马",
        "\u2ee3": "骨",
        "\u2ee4": "鬼",
        "\u2ee5": "鱼",
        "\u2ee6": "鸟",
        "\u2ee7": "卤",
        "\u2ee8": "麦",
        "\u2ee9": "黄",
        "\u2eea": "黾",
        "\u2eeb": "斉",
        "\u2eec": "齐",
        "\u2eed": "歯",
        "\u2eee": "齿",
        "\u2eef": "竜",
        "\u2ef0": "龙",
        "\u2ef1": "龜",
        "\u2ef2": "亀",
        "\u2ef3": "龟",
        # Kangxi radicals whose NFKC ideograph is a form JIS X 0208 lacks, where Japanese fonts
        # (Noto Sans CJK JP, IPA) draw the radical with the glyph of the JIS form and Chromium's
        # ToUnicode names that glyph by the radical: ⼾ is the 戸 of 戸籍 (NFKC gives 戶 U+6236,
        # set XVIII's I), ⾭ 青 (not 靑), ⿈ 黄 (not 黃), ⿊ 黒 (not 黑).  The other radicals
        # outside JIS X 0208 (⼁ ⼹ ⽧ ⽱ ⾡) stand only as components and keep their NFKC form.
        "\u2f3e": "戸",
        "\u2fad": "青",
        "\u2fc8": "黄",
        "\u2fca": "黒",
    }
)


def _repair(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group(0).translate(RADICALS_SUPPLEMENT))


def clean_text(text: str) -> str:
    """Map damaged code points to what was printed; drop invisible characters; keep the rest."""
    # "\r" (of every "\r\n" of pdfium's page text) is one of them: taken out first by
    # ``str.replace``, a single pass, leaving the pattern few matches to cut out one by one.
    text = _INVISIBLE.sub("", text.replace("\r", ""))
    return _DAMAGED.sub(_repair, text)


def plain_spaces(text: str) -> tuple[str, int]:
    """``text`` with the Unicode characters that stand for spaces written as spaces (U+0020), and
    how many were so written (module docstring: a web viewer's copy writes NBSP for every space).

    * NBSP, U+2000–U+2002, U+2004–U+200A, U+202F, U+205F: always a space.
    * U+2003 (EM SPACE, a full-width space's width) is kept: pypdf writes it for the U+3000 a
      cell prints (set XXV's t03 and t10 pypdf texts, whose ``事務\u2003全項目`` read as two cells
      when taken for a space; written U+3000, office-itemkey55's pypdf rows joined an item's
      lines otherwise and warned a right row).
    * Zero-width spaces (U+200B, U+2060, U+FEFF) between two characters: spaces when the text
      writes no U+0020 and more of them than of the above (a copy writing them for its spaces,
      beside a few em spaces of the document's own); otherwise they are left for ``clean_text``
      to drop (a viewer's break hints after 、 and 。 in a copy of NBSP spaces).
    * U+3000: a space when the text writes no other space, holds visible ASCII (poppler's
      Shift-JIS text holds none: ``extract.poppler_sjis`` reads it back) and shows U+3000 where
      only a separator stands (a date, then 事前: ``_separated_by_ideographic``); otherwise kept,
      the document's own (module docstring).
    """
    if " " in text:
        return _OTHER_SPACES.subn(" ", text)
    # No U+0020: the text's spaces are the kind it writes most between characters.
    others = len(_OTHER_SPACES.findall(text))
    zero_width = len(_ZERO_WIDTH_BETWEEN.findall(text)) if _ZERO_WIDTH.search(text) else 0
    if zero_width > others:
        text, count = _ZERO_WIDTH_BETWEEN.subn(" ", text)
        text, more = _OTHER_SPACES.subn(" ", text)
        return text, count + more
    if others:
        return _OTHER_SPACES.subn(" ", text)
    if "\u3000" in text and _ASCII_VISIBLE.search(text) and _separated_by_ideographic(text):
        return text.replace("\u3000", " "), text.count("\u3000")
    return text, 0


def _separated_by_ideographic(text: str) -> bool:
    """Whether ``text`` holds U+3000 where only a separator stands (``_IDEOGRAPHIC_SEPARATOR``) in
    ``IDEOGRAPHIC_SEPARATOR_MIN_PLACES`` places."""
    places = islice(_IDEOGRAPHIC_SEPARATOR.finditer(text), IDEOGRAPHIC_SEPARATOR_MIN_PLACES)
    return sum(1 for _ in places) >= IDEOGRAPHIC_SEPARATOR_MIN_PLACES


def fold_halfwidth_kana(text: str) -> str:
    """``text`` with its half-width katakana written full-width (ｼｽﾃﾑ → システム, ｼﾞ → ジ: NFKC of
    those runs alone), for keys and matches that must not tell the two printings apart; the
    cells keep what was printed."""
    return _HALFWIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def has_cid(text: str) -> bool:
    """True when the text layer carries ``(cid:NN)`` glyphs without a Unicode mapping."""
    return bool(CID.search(text))
