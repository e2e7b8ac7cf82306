"""Character facts used everywhere: display width, kinsoku classes, paragraph markers."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

# Characters that may not start a line (行頭禁則) and may not end one (行末禁則).  A wrapped line
# that would break the rule is shortened by one or two characters, so a soft-wrapped line may
# stop that much short of its column width.
NO_LINE_START = set(
    "、。，．,.）)］]｝}〕〉》」』】〙〗〟’”｠»ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～？！?!‼⁇⁈⁉・:;：；/／"
)
NO_LINE_END = set("（(［[｛{〔〈《「『【〘〖〝‘“｟«")
SENTENCE_END = set("。．.！!？?")

# Ambiguous-width characters that Japanese fonts print full width (①, Ⅱ, ※, ○ …).
_AMBIGUOUS_AS_WIDE = True
# Particles no paragraph, heading or list entry ends on (…の, …を, …における's に…は): a line
# ending on one runs on into the next.
RUNNING_PARTICLES = frozenset("のをにがへとでは")
# Attributive forms a noun must follow (…に関する, …における): no phrase or heading ends so.
ATTRIBUTIVE_ENDING = regex.compile(r"(?:に関する|に係る|に係わる|に関わる|に対する|における|に基づく)$")


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Display width of one character: 2 for full width, wide and (in Japanese) ambiguous."""
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F"):
        return 2
    if eaw == "A":
        return 2 if _AMBIGUOUS_AS_WIDE else 1
    if unicodedata.combining(ch):
        return 0
    return 1


# regex's whitespace (Unicode White_Space); str.split() takes U+001C..U+001F for whitespace too.
_WHITESPACE = regex.compile(r"\s+")
_SEPARATORS = ("\x1c", "\x1d", "\x1e", "\x1f")


def without_whitespace(text: str) -> str:
    r"""``text`` with its whitespace taken out, exactly as ``regex.compile(r"\s+").sub("", text)``
    (or ``[\s　]+``: U+3000 is whitespace) gives it, made by ``str.split`` (a few times as fast)
    unless the text holds one of the four separators U+001C..U+001F that only ``str.split``
    takes for whitespace."""
    for sep in _SEPARATORS:
        if sep in text:
            return _WHITESPACE.sub("", text)
    return "".join(text.split())


@lru_cache(maxsize=256)
def paragraphs(text: str | None) -> tuple[str, ...]:
    """The non-blank lines of a record's cell text (``\n``-separated paragraphs), stripped.
    Remembered for the last few cells: a row's checks ask for the paragraphs of each of its
    cells some fifteen times."""
    return tuple(p.strip() for p in (text or "").split("\n") if p.strip())


@lru_cache(maxsize=65536)
def display_width(text: str) -> int:
    """Width of ``text`` in display units (full-width 2, half-width 1)."""
    return sum(map(char_width, text))


# The marks of a form that a fallback font may print out of their place on a line (the circle
# of a check box ［○］ or of a placeholder name ○○システム: ``grid/fallback_marks.py``).
FALLBACK_MARKS = "○●◎◯"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
# One kanji or kana (with the long-vowel and repeat marks).
KANA_KANJI = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー々]")
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
DIGITS = "0-9０-９"

# Starts of a paragraph inside a cell: bullets, circled numbers, numbered headings, brackets.
PARAGRAPH_MARKER = regex.compile(
    rf"""^(?:
        [・･●○◯■□☐☑☒◆◇▲△▼▽★☆※→◎](?![○◯])
      | [\[［][○〇◯●✓✔レ\s　]?[\]］]
      | [\[［][^\]］]{{1,40}}[\]］]$
      | [{CIRCLED}{_ROMAN}]
      | [（(][{DIGITS}]{{1,2}}[．.、）)]
      | [（(][{CIRCLED}]
      | [（(][ア-ンａ-ｚa-z][）)]
      | [{DIGITS}]{{1,2}}[．.、]
      | [{DIGITS}]{{1,2}}[）)]
      | [＜<《【〈][^＞>》】〉]{{1,40}}(?:[＞>》】〉]|$)
      | [アイウエオカキクケコサシスセソ][．.\s　]
      | (?:リスク|提供先|移転先|委託事項|システム)[{DIGITS}]+
      | 上記を
      | 新規追加$
      | 削除$
    )""",
    regex.VERBOSE,
)

# Heading starts typical of the 項目 column (form section numbers).
ITEM_MARKER = regex.compile(
    rf"""^(?:
        [{_ROMAN}]
      | [{DIGITS}]{{1,2}}[．.]
      | [{CIRCLED}]
      | [（(][{DIGITS}]{{1,2}}[）)]
      | [（(][{DIGITS}]{{1,2}}[．.]
      | (?:リスク|提供先|移転先|委託事項|システム)[{DIGITS}]*
      | (?:別添|\(別添|（別添)
    )""",
    regex.VERBOSE,
)

# A list marker alone (ア, イ, ①, ・, (1), １．): a cell's paragraph opening, typed with a space
# (often a full-width one, which ``pdftotext -raw`` prints half-width) before its text.
MARKER_ALONE = regex.compile(r"^(?:[ア-コ]|[①-⑳]|・|[（(][0-9０-９]{1,2}[）)]|[0-9０-９]{1,2}[．.])$")

# Starts that belong to before/after text rather than to a heading.
BODY_MARKER = regex.compile(
    r"^(?:[・･●■□◆◇※→]|[\[［][○〇◯●\s　]?[\]］]|[\[［][^\]］]{1,40}[\]］]$|[＜<《【]|上記を|　)"
)


@lru_cache(maxsize=65536)
def starts_paragraph(line: str) -> bool:
    """A line that opens with a paragraph marker (asked many times of every line: cached)."""
    return bool(PARAGRAPH_MARKER.match(line))


def common_prefix(a: str, b: str) -> str:
    """The characters both strings open with."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return a[:k]


@lru_cache(maxsize=4096)
def bigrams(text: str) -> frozenset[str]:
    """The pairs of adjacent characters of ``text`` (asked of every line by the partition and
    the edit-pair split: cached, hence frozen; a few thousand only, a set being a few KB)."""
    return frozenset([text[k : k + 2] for k in range(len(text) - 1)])
