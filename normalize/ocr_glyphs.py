"""Glyphs that OCR reads as their look-alikes, left in a cell after the corrections (issue 12):
checks for ``ocr_suspect:<field>`` that look at the characters, not the dictionary.

* ``latin glued``: two or more lowercase Latin letters glued to Japanese (``coラーニング`` for
  eラーニング): the forms print a Latin word capitalised or alone (``LGWAN``, ``Web``, ``eLTAX``),
  and a lowercase pair fused to kana is an e or a kanji read as letters;
* ``katakana among hiragana``: a katakana that has a hiragana twin of the same shape (ヘ/へ,
  ベ/べ, ペ/ぺ, リ/り) standing with no katakana beside it and a hiragana on one side
  (``研修ヘの参加``): the hiragana misread;
* ``numbering repeats``: circled numerals of a cell that count up and then repeat the last
  (``⑥ … ⑦ … ⑦``): the next one (⑧) misread as its neighbour;
* ``digit widths``: one number whose digits mix half and full widths across a separator
  (``1,０00``; side by side they are ``ocr_text.width_mix``'s);
* ``katakana among kanji``: one or two katakana that have a kanji twin of the same shape (カ/力,
  エ/工, ロ/口, ニ/二, ト/卜, タ/夕, ハ/八) standing with no katakana beside them inside Japanese
  text (``特にカカを入れて``): the kanji misread (a list's ア / カ opening a paragraph is a marker);
* ``stray line``: a line of the before, after or explanation cell that is one letter, kana or
  kanji alone (``人`` between two sentences): a speck or a piece of a ruling read as text (the grid
  joins a soft wrap to its line, so a wrapped word's last character does not stand alone); not a
  value the forms print alone (``vocabulary.ONE_CHAR_VALUES``: 紙 above 電子記録媒体 in a medium
  list, samples/office-values44).

* ``quote``: an ASCII or curly quote glued to Japanese (``着任時に'eラーニング``, ``修正“``): a speck;
* ``mixed stops``: two stops of different kinds side by side (``まで．。``, ``、。``): a speck read as
  one of them (a doubled ``。。`` is printed by the forms, 22 times in the samples' truth);
* ``Latin opening``: a line opening with one or two Latin letters right before a ○, a bracket or
  a digit (``IO○1その他``, ``Eo（住基…``): a check box ``[○]`` misread;
* ``bare block heading``: a line ``…における措置`` neither bracketed ``＜…＞`` nor numbered
  (``１．運用における措置``): the brackets of a block heading lost;
* ``half-width mark``: a half-width colon or semicolon right after Japanese on its line
  (``名称:ワクチン``), or a half-width opening parenthesis after Japanese (``システム(VRS)``, also
  across a line break) that opens no list number ``(1)`` / ``(ア)`` / ``(a)``: the forms type these
  in full width beside Japanese (none in the samples' truth, 2,714 record files), and their ink
  is the same in both widths, so the OCR's width was a guess;
* ``stops in two widths``: two periods or commas side by side of which one is half width
  (``１．.監査``): a speck read as a stop.
* ``colon opening``: a line opening with a colon or semicolon (``:一夕センター``), and ``tail kana``:
  a kana alone at a line's end after a kanji or a stop (``修正ツ``, ``保管する。ぅ``): a speck or a
  ruling's piece read as a mark or a kana (set XX's scans; none in the samples' truth cells,
  4,466 distinct texts); ``box as letter`` (``[O]`` for [○]), ``three stops`` (``。。。``) and ``at
  glued`` (``回＠ｅラーニング``): marks the corrections left (set XIX's scans; none in the truth);
* ``no calendar's date``: an era year no era has (``平成0年`` for 平成30年: the forms write the
  first year 元年; 明治 ran 45 years, 大正 15, 昭和 64, 平成 31, and 令和 is given
  ``ERA_YEAR_CEILING_REIWA``, generous for the plans' future dates), or a month or day out of
  the calendar (``13月``, ``0日``, ``32日``): a digit lost or misread (scan set G's kind, found
  at 200 dpi; none in the samples' truth);
* ``I look-alike in a capitalised word``: a lowercase l or a bar after a capital letter and not
  before a lowercase one (``Al-OCR``), or a 1 or l opening a run of capitals (``１ＳＭＡＰ``): an I
  misread (none in the samples' truth cells, 2,052 distinct texts; branch width23).

Measured on the tuning scans (samples/office, office-calcbreak, office-scanmerge at 200 and 300
dpi): each of the last six warns one to three wrong rows no other check warned and no right row
(README, issue 12 section).

And across the row's cells (``width_echo_doubts``): the before and after cells printing numbers of
one kind (a date's 年/月/日, a law's 第…条/項/号) each in one width, but not the same
(``平成３１年４月１日時点`` beside ``令和3年4月1日時点``).  The author of a table types one such
number as the other; a proportional font hides a lone digit's width from the OCR's ink, so the
two reads cannot both be right (measured on the tuning scans: 9 wrong rows no other check warned,
no right row).

And (``lookalike_echo_doubts``) a paragraph or sentence of the after cell that differs from one
of the before cell only by glyphs OCR reads as each other (カ/力, ー/一, ツ/シ, a small kana for
its full size, a width: ``外部カメラ`` / ``外部力メラ``): an amendment changes words, not a glyph
for its look-alike, so one of the two was misread (quiet on every truth row of the samples: no
before/after pair there differs so).

Only for OCR rows (normalize/evidence.ocr_doubts).
"""

from __future__ import annotations

import unicodedata

import regex

from piatable.models import Doubt, Record
from piatable.vocabulary import ONE_CHAR_VALUES

from .ocr_column_tears import column_tear_doubts
from .ocr_headings import heading_doubts
from .ocr_text import _CIRCLED_CHARS

FIELDS = ("item", "before", "after", "explanation")

# Two or more lowercase Latin letters (half or full width) glued to kana or kanji on either side.
_LATIN_GLUED = regex.compile(
    r"(?<![A-Za-zＡ-Ｚａ-ｚ])[a-zａ-ｚ]{2,}(?=[\p{Hiragana}\p{Katakana}\p{Han}])"
    r"|(?<=[\p{Hiragana}\p{Katakana}\p{Han}])[a-zａ-ｚ]{2,}(?![A-Za-zＡ-Ｚａ-ｚ])"
)
# Lowercase words the forms print glued to Japanese (市ｗｅｂサイト; 14 rows of the samples'
# truth): not misreads.
LATIN_WORDS = frozenset({"web", "www", "http", "https", "pdf", "csv", "html", "xml", "mail", "email"})
# A katakana with a hiragana twin, no katakana beside it, a hiragana on one side.
_TWINS = "ヘベペリ"
_KANA_AMONG_HIRAGANA = regex.compile(
    rf"(?<![\p{{Katakana}}ー])[{_TWINS}](?=\p{{Hiragana}})(?![ー])"
    rf"|(?<=\p{{Hiragana}})[{_TWINS}](?![\p{{Katakana}}ー])"
)
# One or two katakana with a kanji twin (カ/力 …), no katakana or ー on either side, Japanese on
# the left (so a paragraph's list marker, at the line's start, is not one).
_KANJI_TWINS = "カエロニトタハ"
_KANA_AMONG_KANJI = regex.compile(
    rf"(?<=[\p{{Han}}\p{{Hiragana}}])(?<![\p{{Katakana}}ー])[{_KANJI_TWINS}]{{1,2}}(?![\p{{Katakana}}ー])"
)
# A line of one letter, kana or kanji alone.
_STRAY_LINE = regex.compile(r"(?m)^[ 　]*([\p{Han}\p{Hiragana}\p{Katakana}A-Za-zＡ-Ｚａ-ｚ])[ 　]*$")
STRAY_LINE_FIELDS = ("before", "after", "explanation")
_QUOTE_GLUED = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}])['\"`“”‘’]|['\"`“”‘’](?=[\p{Han}\p{Hiragana}\p{Katakana}])"
)
_MIXED_STOPS = regex.compile(r"[．，、][．。]|。[、，．]")
# A line opening with Latin letters before a mark or digit (``l特定…``, ``Il(``: a ruling or a
# numeral's stroke read as letters) — but not an era abbreviation opening a date (``R5.10.2``,
# ``Ｈ３１／４／１``: 令和/平成/昭和/大正/明治 by their initials, as assessments print them; session 71).
_LATIN_OPENING = regex.compile(
    r"(?m)^(?![MTSHRＭＴＳＨＲ][0-9０-９]{1,2}[.．/／])[A-Za-zＡ-Ｚａ-ｚ]{1,2}(?=[○〇（(\[［0-9０-９])"
)
_BARE_BLOCK = regex.compile(r"(?m)^(?![＜<［\[（(0-9０-９①-⑳・])[^\n]*における措置$")
# One number whose digits mix widths across a thousands or decimal separator.
_JAPANESE_CHAR = r"[\p{Han}\p{Hiragana}\p{Katakana}ー]"
_HALF_MARK = regex.compile(
    _JAPANESE_CHAR + r"[ 　]*[:;]|" + _JAPANESE_CHAR + r"\s*\((?![0-9０-９]{1,2}\)|\p{Katakana}\)|[a-z]\))"
)
# A colon or semicolon opening a line (``:一夕センター`` for データセンター): a ruling's speck or
# a character's left half; the forms open a line with a mark, a numbering or text, never with
# these (none in the samples' truth, 4,466 distinct cell texts).
_COLON_OPENING = regex.compile(r"(?m)^[ 　]*[:;：；]")
# A kana alone at a line's end after a kanji (katakana: ``修正ツ``) or after a stop (``保管する。ぅ``):
# a speck or a piece of the ruling read as a kana (none in the samples' truth).
_TAIL_KANA = regex.compile(r"(?m)(?:(?<=\p{Han})\p{Katakana}|(?<=[。．])[\p{Hiragana}\p{Katakana}])[ 　]*$")
# A check box whose circle reads as a Latin O or a zero (``[O]1万人以上``), three stops in a row
# (``記載する。。。``) and an at sign glued to Japanese (``年1回＠ｅラーニング``): marks the
# corrections left (none in the samples' truth cells; set XIX's scans).
_BOX_AS_LETTER = regex.compile(r"[\[［][OoＯｏ0０][\]］]")
_THREE_STOPS = regex.compile(r"。。。")
_AT_GLUED = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}])[@＠]|[@＠](?=[\p{Han}\p{Hiragana}\p{Katakana}])"
)
_STOPS_TWO_WIDTHS = regex.compile(r"[.,][．，]|[．，][.,]")
_WIDTH_ACROSS = regex.compile(r"[0-9][,，.．][０-９]|[０-９][,，.．][0-9]")
# Era years: the last year of each era (令和's ceiling is generous: the forms print plans' dates).
ERA_YEAR_CEILING_REIWA = 50
_ERA_LAST_YEAR = {"明治": 45, "大正": 15, "昭和": 64, "平成": 31, "令和": ERA_YEAR_CEILING_REIWA}
_ERA_DATE = regex.compile(
    r"(明治|大正|昭和|平成|令和)[ 　]?([0-9０-９]{1,3}|元)[ 　]?年"
    r"(?:[ 　]?([0-9０-９]{1,2})[ 　]?月(?:[ 　]?([0-9０-９]{1,2})[ 　]?日)?)?"
)
_I_LOOKALIKE = regex.compile(
    r"(?<=[A-ZＡ-Ｚ])[lｌ|｜](?![a-zａ-ｚ])|(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])[1１lｌ](?=[A-ZＡ-Ｚ]{2})"
)


# Numbers of one kind: a date (year, month, day; 元 of 令和元年 has no width) and a law's article,
# paragraph or item number.
_DATE_NUMBERS = regex.compile(r"([0-9０-９]{1,4}|元)年([0-9０-９]{1,2})月(?:([0-9０-９]{1,2})日)?")
_LAW_NUMBERS = regex.compile(r"第([0-9０-９]{1,3})[条項号]")
_FULL_DIGIT = regex.compile(r"^[０-９]+$")
_HALF_DIGIT = regex.compile(r"^[0-9]+$")


def _number_widths(text: str, pattern: regex.Pattern) -> set[str]:
    """The widths (``"full"``, ``"half"``) of the numbers ``pattern`` finds in ``text``."""
    out = set()
    for m in pattern.finditer(text):
        for g in m.groups():
            if g and _FULL_DIGIT.match(g):
                out.add("full")
            elif g and _HALF_DIGIT.match(g):
                out.add("half")
    return out


def width_echo_doubts(record: Record) -> list[Doubt]:
    """``ocr_suspect`` doubts on the before and after cells when each prints numbers of one kind
    (dates, a law's 第…条) in one width and the two widths differ."""
    before, after = record.before or "", record.after or ""
    for kind, pattern in (("date", _DATE_NUMBERS), ("law article", _LAW_NUMBERS)):
        wb, wa = _number_widths(before, pattern), _number_widths(after, pattern)
        if len(wb) == 1 and len(wa) == 1 and wb != wa:
            (b,), (a,) = wb, wa
            why = f"the before cell's {kind} numbers read {b} width, the after cell's {a}"
            return [Doubt("ocr_suspect", "before", why), Doubt("ocr_suspect", "after", why)]
    return []


# Glyphs OCR reads as each other, each group written as its first: kana and their kanji twins,
# small and full-size kana, voiced and semi-voiced marks, digits and letters, stops.  Widths are
# folded by NFKC first.
_LOOKALIKES = (
    "カ力 エ工 ロ口 ニ二 ト卜 タ夕 ハ八 ー一― へヘ べベ ぺペ りリ 0OoＯ〇 1lI|｜ 。. 、, 日曰 己已 未末 "
    "干千 人入 土士 ばぱ びぴ ぶぷ べぺ ぼぽ つっ やゃ ゆゅ よょ あぁ いぃ うぅ えぇ おぉ ツッシ ヤャ ユュ "
    "ヨョ アァ イィ ウゥ エェ オォ ケヶ ソン"
)
_LOOKALIKE_OF = {ch: group[0] for group in _LOOKALIKES.split() for ch in group}
# Paragraphs and sentences shorter than this (white space aside) are not compared.
LOOKALIKE_MIN_CHARS = 4
_SPACE = regex.compile(r"\s+")


def _lookalike_key(text: str) -> str:
    flat = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    return "".join(_LOOKALIKE_OF.get(ch, ch) for ch in flat)


def _pieces(text: str) -> list[str]:
    """The paragraphs and sentences of a cell, white space removed, of LOOKALIKE_MIN_CHARS or more."""
    parts = (_SPACE.sub("", p) for p in regex.split(r"\n|(?<=。)", text))
    return [p for p in parts if len(p) >= LOOKALIKE_MIN_CHARS]


def lookalike_echo_doubts(record: Record) -> list[Doubt]:
    """``ocr_suspect`` doubts on the before and after cells when a paragraph or sentence of one
    differs from one of the other only by look-alike glyphs (``_LOOKALIKES``) or widths."""
    keys: dict[str, set[str]] = {}
    for p in _pieces(record.before or ""):
        keys.setdefault(_lookalike_key(p), set()).add(p)
    for p in _pieces(record.after or ""):
        twins = keys.get(_lookalike_key(p))
        if twins and p not in twins:
            was = sorted(twins)[0]
            why = f"before and after differ only by look-alike glyphs ({was[:12]!r} / {p[:12]!r})"
            return [Doubt("ocr_suspect", "before", why), Doubt("ocr_suspect", "after", why)]
    return []


def impossible_date(text: str) -> str:
    """The first era date of ``text`` that no calendar has (an era year 0 or past the era's last
    year, a month outside 1–12, a day outside 1–31), as printed; else ``""``.  Western years are
    not judged (a lost digit leaves a plausible year)."""
    for m in _ERA_DATE.finditer(text):
        era, year, month, day = m.groups()
        y = 1 if year == "元" else int(unicodedata.normalize("NFKC", year))
        bad = not 1 <= y <= _ERA_LAST_YEAR[era]
        bad = bad or (month is not None and not 1 <= int(unicodedata.normalize("NFKC", month)) <= 12)
        bad = bad or (day is not None and not 1 <= int(unicodedata.normalize("NFKC", day)) <= 31)
        if bad:
            return m.group(0)
    return ""


def numbering_repeat(text: str) -> str:
    """Circled numerals of ``text`` (anywhere in it) that count up by one and then repeat the
    last (``⑥⑦⑦``), as ``"⑥⑦⑦"``; else ``""``."""
    nums = [_CIRCLED_CHARS.index(c) + 1 for c in text if c in _CIRCLED_CHARS]
    for a, b, c in zip(nums, nums[1:], nums[2:], strict=False):
        if b == a + 1 and c == b:
            return "".join(_CIRCLED_CHARS[n - 1] for n in (a, b, c))
    return ""


def glyph_doubts(record: Record) -> list[Doubt]:
    """``ocr_suspect`` doubts of an OCR record's text cells (see the module notes)."""
    out: list[Doubt] = []
    for f in FIELDS:
        text = getattr(record, f) or ""
        glued = [m.group(0) for m in _LATIN_GLUED.finditer(text)]
        glued = [g for g in glued if unicodedata.normalize("NFKC", g) not in LATIN_WORDS]
        if glued:
            out.append(Doubt("ocr_suspect", f, f"lowercase Latin letters glued to Japanese ({glued[0]!r})"))
        if m := _KANA_AMONG_HIRAGANA.search(text):
            near = text[max(0, m.start() - 2) : m.end() + 2]
            out.append(Doubt("ocr_suspect", f, f"a katakana {m.group(0)} among hiragana ({near!r})"))
        if seq := numbering_repeat(text):
            out.append(Doubt("ocr_suspect", f, f"the cell's circled numerals repeat as they count ({seq})"))
        if date := impossible_date(text):
            out.append(Doubt("ocr_suspect", f, f"a date no calendar has ({date!r}: a digit lost or misread)"))
        if m := _WIDTH_ACROSS.search(text):
            out.append(Doubt("ocr_suspect", f, f"one number in mixed digit widths ({m.group(0)!r})"))
        if m := _KANA_AMONG_KANJI.search(text):
            near = text[max(0, m.start() - 2) : m.end() + 2]
            out.append(Doubt("ocr_suspect", f, f"a katakana {m.group(0)} among kanji and kana ({near!r})"))
        stray = (m for m in _STRAY_LINE.finditer(text) if m.group(1) not in ONE_CHAR_VALUES)
        if f in STRAY_LINE_FIELDS and (m := next(stray, None)) and text.strip() != m.group(1):
            out.append(Doubt("ocr_suspect", f, f"a line of one character alone ({m.group(1)!r})"))
        for pattern, what in (
            (_QUOTE_GLUED, "an ASCII quote or a curly quote glued to Japanese"),
            (_MIXED_STOPS, "two stops of different kinds side by side"),
            (_LATIN_OPENING, "a line opening with Latin letters before a mark or digit"),
            (_BARE_BLOCK, "a block heading without its brackets ＜＞"),
            (_HALF_MARK, "a half-width colon or parenthesis after Japanese (its width guessed)"),
            (_STOPS_TWO_WIDTHS, "two stops in two widths side by side"),
            (_I_LOOKALIKE, "an I look-alike (l, 1) in a capitalised Latin word"),
            (_COLON_OPENING, "a line opening with a colon or semicolon"),
            (_TAIL_KANA, "a kana alone at a line's end after a kanji or a stop"),
            (_BOX_AS_LETTER, "a check box read with a letter or digit for its circle"),
            (_THREE_STOPS, "three stops in a row"),
            (_AT_GLUED, "an at sign glued to Japanese"),
        ):
            if m := pattern.search(text):
                near = text[max(0, m.start() - 3) : m.end() + 3]
                out.append(Doubt("ocr_suspect", f, f"{what} ({near!r})"))
    out += width_echo_doubts(record) + lookalike_echo_doubts(record)
    return out + column_tear_doubts(record) + heading_doubts(record)
