"""Dates of the 変更日 column: 西暦 and 和暦 (元年 too), full-width digits, R5.2.6, H31.4.1, 平30.8.13 → ISO.

The parts of a date may be separated by 年/月/日 or by any of the dashes and slashes a date is
printed (or extracted) with: ``/ . - ／ ． －`` and the look-alikes ``− ー ‐ ‑ ‒ – — ― ｰ ﹣ ・``
(``2019−4−1`` with a minus sign, ``2021ー4ー1`` with the long-vowel mark, ``2022‐3‐15`` with a
hyphen, full-width ``２０２２－３－１５``), with or without spaces (also U+3000) around them.  Every
reader (PDF, OCR, text, layout) takes its dates from here.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import regex

from piatable.vocabulary import COVER_LABEL_PATTERN, DATE_QUALIFIER_LABELS, SECTION_NUMERAL_CLASS

_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# Every character a date's parts may be separated by (besides 年 and 月).
# U+2212 minus, U+30FC/U+FF70 long-vowel marks, U+2010–U+2015 hyphens and dashes, U+FE63 small
# hyphen-minus, and middle dots.
DATE_SEPARATORS = "/-.．／－\u2212ー\u2010\u2011\u2012\u2013\u2014\u2015ｰ\ufe63・･"

# Era name → the Gregorian year of its year 1, minus one.
ERA_OFFSETS: dict[str, int] = {
    "令和": 2018,
    # The one-kanji abbreviations (``令6.8.9``, ``平30.8.13``, ``昭64.1.7``) print in tables and
    # lists of municipal documents as the initials do; a kanji alone matches only before a whole
    # date (year, month and day), never a bare ``令`` or ``平`` in text (session 71, set XXXIII).
    "令": 2018,
    "R": 2018,
    "Ｒ": 2018,
    "㋿": 2018,
    "平成": 1988,
    "平": 1988,
    "H": 1988,
    "Ｈ": 1988,
    "㍻": 1988,
    "昭和": 1925,
    "昭": 1925,
    "S": 1925,
    "Ｓ": 1925,
    "㍼": 1925,
}
_ERA = "|".join(sorted(map(regex.escape, ERA_OFFSETS), key=len, reverse=True))
ERA_PATTERN = _ERA  # the era names (令和, R, ㋿ …), longest first, as a regex alternation
_D = r"[0-9０-９]"
# A year, month or day whose digits OCR or a spacing extractor printed apart (``平成３ １年``): one
# space (U+0020 or U+3000, never a line break) between two digits of one number.
_D12 = rf"{_D}(?:[ \u3000]?{_D})?"
_D4 = rf"{_D}(?:[ \u3000]?{_D}){{3}}"
# A day split so only when 日 follows: ``2019/4/1 1．…`` is a date and a numbered heading.
_DAY = rf"(?:{_D}[ \u3000]?{_D}(?=\s*日)|{_D}{{1,2}})"
_SEPS = "".join(regex.escape(c) for c in DATE_SEPARATORS)
DATE_SEPARATORS_CLASS = _SEPS  # ``DATE_SEPARATORS`` escaped for a character class
_SEP = rf"\s*[{_SEPS}]\s*"

_WESTERN = rf"(?P<y>{_D4})(?:{_SEP}|\s*年\s*)(?P<m>{_D12})(?:{_SEP}|\s*月\s*)(?P<d>{_DAY})(?:\s*日)?"
_JAPANESE = (
    rf"(?P<era>{_ERA})\s*(?P<ey>元|{_D12})(?:\s*年\s*|{_SEP})(?P<em>{_D12})"
    rf"(?:\s*月\s*|{_SEP})(?P<ed>{_DAY})(?:\s*日)?"
)
# A year printed in both calendars, either first, the other in ASCII or full-width brackets,
# each with or without its 年: ``2025（令和7）年4月23日``, ``2025年（令和7年）4月23日``,
# ``令和7年（2025年）4月23日``, ``令和７（２０２５）年４月２３日``, ``令和元年(2019年)5月1日`` (branch
# dates74: a tester's ``2025（令和7）年4月23日`` gave no date, and every reader, which opens rows at
# date lines, merged its row into the one above).  ``parse_date`` reads it when both years name
# one year (``dual_year_mismatch``).
_OPEN, _CLOSE = r"[（(]", r"[）)]"
_BOTH_ERA = rf"(?P<xera>{_ERA})\s*(?P<xey>元|{_D12})"
_DUAL = (
    rf"(?:(?P<xy>{_D4})\s*(?:年\s*)?{_OPEN}\s*{_BOTH_ERA}\s*(?:年\s*)?{_CLOSE}"
    rf"|{_BOTH_ERA}\s*(?:年\s*)?{_OPEN}\s*(?P<xy>{_D4})\s*(?:年\s*)?{_CLOSE})"
    rf"\s*(?:年\s*|{_SEP})?(?P<xm>{_D12})(?:\s*月\s*|{_SEP})(?P<xd>{_DAY})(?:\s*日)?"
)
# The one date grammar every pattern below is built from: a year in both calendars first (it
# holds a plain date's pieces), then Western, then Japanese.
_ANY_DATE = rf"(?:{_DUAL}|{_WESTERN}|{_JAPANESE})"
# What a 変更日 cell may print right after its date, the date's own and no other column's text:
# its weekday in brackets (``令和5年6月1日（木）``, ``(木)``, ``（木曜日）``) or 付 (``2022年4月1日付``).
# Set XXI t07 / t13 (Calc): read as other text, it cut the date from its tail in flattened text
# and put every right row of the PDFs in doubt (branch datecell60).
# A weekday after a date (``(火)``, ``（水曜日）``), a holiday's (``（祝）``, ``（月・祝）``).
_WEEKDAY = r"\s*[（(]\s*(?:[月火水木金土日](?:\s*曜日?)?(?:\s*[・･]\s*祝日?)?|祝日?)\s*[）)]"
# A weekday (or holiday) alone: a wrapped date's last piece under its day.
WEEKDAY_ALONE = regex.compile(rf"^{_WEEKDAY}\s*$")
# A weekday a narrow column tore before its closing bracket, at the line's end or before the next
# column's text (``2021年9月1日（水`` / ``）``: every extractor's text of office-dates74's 14-character
# Calc column, branch dates74).
_TORN_WEEKDAY = r"\s*[（(]\s*(?:[月火水木金土日](?:\s*曜日?)?|祝日?)(?=\s*$|[ \u3000]+[^\s）)])"
DATE_ANNEX = rf"(?:{_WEEKDAY}|{_TORN_WEEKDAY}|\s*付け?)"
# What a 変更日 cell may print on a line above its date (``第４版`` / ``2022年4月1日付``, ``No.3``,
# ``第2回``, ``改訂3``, ``Ver.2``), which the text readers put before the date, glued to it
# (``date_prefixes.join_date_prefixes``: a prefix with a space after it, ``第1回 令和4年4月1日``,
# is a cell's sentence, never a row's date).
_NUM = r"[0-9０-９一二三四五六七八九十]+"
DATE_PREFIX = (
    rf"(?:[【\[［（(]\s*)?(?:第\s*{_NUM}\s*[版回次号]|{_NUM}\s*版|改[訂定]\s*{_NUM}(?:\s*版)?"
    rf"|(?:No|NO|no|Ｎｏ|ＮＯ|№)\s*[.．]?\s*{_NUM}"
    rf"|(?:Ver|ver|VER|Ｖｅｒ|[vVｖＶ])\s*[.．]?\s*[0-9０-９]+(?:[.．][0-9０-９]+)*)(?:\s*[】\]］）)])?"
)
DATE = regex.compile(_ANY_DATE)
# A second date a 変更日 cell prints beside the change's, qualified by a label or set in brackets:
# ``（公表日：令和5年3月15日）``, ``公表 2023/3/15``, ``2023/3/15施行``, ``(2023/3/15)`` (branch
# pubdate65: a new user's Chromium table; such a date opened a row of its own, or was read as
# the 変更日).  ``\s`` between its parts may be a line end (a narrow column wraps it).  Never a
# row's 変更日 (``qualified_dates``); the patterns below take one beside a row's date.
_PLAIN_DATE = regex.sub(r"\(\?P<\w+>", "(?:", _ANY_DATE)
# One date of either grammar, no prefix, qualifier or annex and no named groups, for another
# module's pattern that checks what stands around it (a date glued to the next cell's text).
PLAIN_DATE_PATTERN = _PLAIN_DATE
# A label may be wrapped in a narrow column (``【公`` / ``表:2021/10/27】``): a line end between its
# characters.
_QLABEL = "|".join(
    r"\s?".join(map(regex.escape, w)) for w in sorted(DATE_QUALIFIER_LABELS, key=len, reverse=True)
)
_QOPEN, _QCLOSE = r"[（(【［〔\[]", r"[）)】］〕\]]"
QUALIFIED_PATTERN = (
    rf"(?:{_QOPEN}\s*(?:(?:{_QLABEL})\s*[：:]?\s*)?{_PLAIN_DATE}\s*(?:{_QLABEL})?\s*{_QCLOSE}"
    rf"|(?:{_QLABEL})\s*[：:]?\s*{_PLAIN_DATE}|{_PLAIN_DATE}\s*(?:{_QLABEL})(?!\p{{Han}}|\s*[：:]?\s*{_PLAIN_DATE}))"
)
QUALIFIED_DATE = regex.compile(QUALIFIED_PATTERN)
_QUALIFIED_BEFORE = rf"(?:{QUALIFIED_PATTERN}\s*)?"
_QUALIFIED_AFTER = rf"(?:\s*{QUALIFIED_PATTERN})?"
DATE_LINE = regex.compile(
    rf"^\s*(?:{DATE_PREFIX})?{_QUALIFIED_BEFORE}{_ANY_DATE}{DATE_ANNEX}?{_QUALIFIED_AFTER}\s*$"
)
DATE_AT_START = regex.compile(
    rf"^\s*(?:{DATE_PREFIX})?{_QUALIFIED_BEFORE}{_ANY_DATE}{DATE_ANNEX}?{_QUALIFIED_AFTER}(?=\s|$)"
)
# A date printed on one line with the first line of its row's item (a section Ⅰ…Ⅵ of the form,
# an attachment's label: （別紙１）事務の流れ, or the cover: 表紙 評価実施機関名),
# as row-ordered extractors give it; a date followed by other words (平成31年4月1日 時点) is text.
# A qualifier's label may stand between (``2019年5月1日 施行 Ⅲ特定個人情報…``: a 変更日 cell printing
# its date so, office-dates74, branch dates74; the cell reads its date in doubt, ``line_dates``).
DATE_THEN_ITEM = regex.compile(
    rf"^\s*(?:{DATE_PREFIX})?{_ANY_DATE}{DATE_ANNEX}?(?:[ \u3000]*(?:{_QLABEL}))?"
    rf"(?=[\s　]+(?:{SECTION_NUMERAL_CLASS}|[（(]?別[紙添]|{COVER_LABEL_PATTERN}))"
)
# The first part of a date wrapped over two lines in a narrow column (``令和元年5月1`` / ``日``):
# it opens like a date and is short; the caller checks that the two parts make a date.
DATE_HEAD = regex.compile(
    rf"^\s*(?:{DATE_PREFIX})?(?:(?:{_ERA})\s*(?:元|{_D})|{_D}{{4}}\s*[{_SEPS}年（(])[0-9０-９元年月日{_SEPS}\s]{{0,9}}$"
    # A year in both calendars wrapped (``令和7年（2025`` / ``年）4月23日``, ``2025年（令和`` / ``7年）…``):
    # its brackets and the other calendar's year, at most one bracket each way.
    rf"|^\s*(?:(?:{_ERA})\s*(?:元|{_D12})|{_D4})\s*年?\s*{_OPEN}\s*(?:{_ERA}|{_D})?[0-9０-９元年月日{_SEPS}\s]{{0,9}}"
    rf"(?:{_CLOSE}[0-9０-９元年月日{_SEPS}\s]{{0,9}})?$"
)


# A date line ending on its day's digits whose next line opens with 日 and goes on (日付の通知に基,
# 日から): a sentence's date wrapped in a narrow text cell, not a 変更日 cell (whose wrapped 日
# stands alone, or before the item's section Ⅰ…Ⅵ).
_DAY_DIGITS_END = regex.compile(r"月\s*[0-9０-９]{1,2}\s*$")
_DAY_GOES_ON = regex.compile(r"^\s*日[^\sⅠⅡⅢⅣⅤⅥ（(]")
# What follows a date inside a sentence of a cell (``平成31年4月1日`` / ``時点``), never a row's
# 変更日: a line opening with hiragana or with these words.
DATE_IN_SENTENCE_NEXT = regex.compile(r"^\s*(?:\p{Hiragana}|時点|現在|以降|付け|付で|施行)")


# What a wrapped date leaves on its second line when the first already reads as a date.
# (A date's annex, ``DATE_ANNEX``, may follow: ``日（木）``, ``日付``; or stand alone after a
# whole date, a weekday: ``（木）``; 付 alone opens a sentence's line, ``DATE_IN_SENTENCE_NEXT``.)
# (``）``, ``曜日）``: a torn weekday's rest, ``_TORN_WEEKDAY``.)
DATE_TAIL = regex.compile(rf"^\s*(?:[0-9０-９]{{0,2}}\s*日{DATE_ANNEX}?|{_WEEKDAY}|(?:曜日?)?\s*[）)])\s*$")
# What finishes a date whose first part stands a line or two above (``日``, ``1日``, ``月1日``; ``1``,
# ``/1``, ``7/1`` after ``2018/7/``, ``2016/10``: a numeric date wrapped in a narrow 変更日 column,
# whose first part plain ``pdftotext`` prints beside the item's first line).
DATE_REST = regex.compile(
    rf"^\s*(?:[0-9０-９]{{0,2}}\s*(?:月\s*[0-9０-９]{{0,2}}\s*)?日{DATE_ANNEX}?|"
    rf"[{_SEPS}]?\s*{_D}{{1,2}}(?:\s*[{_SEPS}]\s*{_D}{{1,2}})?)\s*$"
)


# What the lines of a date wrapped character by character may hold, joined (``平`` / ``成30`` …;
# ``2019年`` / ``（平成`` / ``31年）4`` / ``月1日``: a year in both calendars, branch dates74), never a
# bracketed number alone (``（１）``, a paragraph's marker).
WRAPPED_DATE_PIECES = regex.compile(
    r"^(?![（(][0-9０-９]{1,2}[）)]$)[0-9０-９元年月日令和平成昭RHSＲＨＳ/.\-／．－（）()]{1,20}$"
)


def _num(s: str) -> int:
    return int(s.translate(_FW_DIGITS).replace(" ", "").replace("\u3000", ""))


@lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """ISO ``YYYY-MM-DD`` of the first date in ``text``, or None when there is none or it is invalid
    (cached: each row's 変更日 is read by the record and again by the document's date checks,
    and many rows of a table share one)."""
    m = DATE.search(text)
    if not m:
        return None
    if m.group("xy"):
        year = _dual_year(m)
        if year is None:
            return None  # the two calendars name two years: no date is sure (``dual_year_mismatch``)
        month, day = _num(m.group("xm")), _num(m.group("xd"))
    elif m.group("y"):
        year, month, day = _num(m.group("y")), _num(m.group("m")), _num(m.group("d"))
    else:
        year = _era_year(m.group("era"), m.group("ey"))
        month, day = _num(m.group("em")), _num(m.group("ed"))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _era_year(era: str, year: str) -> int:
    """The Gregorian year of ``year`` (digits or 元) of era ``era`` (a key of ``ERA_OFFSETS``)."""
    return ERA_OFFSETS[era] + (1 if year == "元" else _num(year))


def _dual_year(m: regex.Match) -> int | None:
    """The year of a ``_DUAL`` match, None when its Western and era years differ."""
    western = _num(m.group("xy"))
    return western if western == _era_year(m.group("xera"), m.group("xey")) else None


def dual_year_mismatch(text: str) -> bool:
    """True when the first date of ``text`` prints its year in both calendars and they differ
    (``2025（令和6）年4月23日``): ``parse_date`` gives None, the raw text is kept, and the record is
    flagged (``date_unparsed`` and ``date_ambiguous``) rather than given either year."""
    m = DATE.search(text)
    return bool(m and m.group("xy") and _dual_year(m) is None)


@lru_cache(maxsize=65536)
def is_date_line(text: str) -> bool:
    """A line that is a date alone (asked several times of every line: cached)."""
    return bool(DATE_LINE.match(text))


def is_date_head(text: str) -> bool:
    """True for the first part of a date that wraps onto the next line (``令和5年2月`` / ``6日``)."""
    return bool(DATE_HEAD.match(text)) and not is_date_line(text)


# A run of the characters a date prints: an era's name's (``ERA_OFFSETS``), digits, 元, 年月日, the
# separators dates parse (``DATE_SEPARATORS``); a wrapped date's line, or a piece of a date a page
# break cut off from its rest (``202`` / ``0/3/31``, ``令和`` / ``元年9月22日``).
DATE_CHARS = regex.compile("[" + regex.escape("".join(ERA_OFFSETS)) + rf"元0-9０-９年月日{_SEPS}]+")


def only_date_chars(text: str) -> bool:
    """True when ``text`` (spaces aside) prints nothing but ``DATE_CHARS``: the head of a date
    whose rest a page break moved to the next page, when head and rest make a date."""
    return bool(DATE_CHARS.fullmatch("".join(text.split())))


_ERA_NAME = regex.compile(_ERA)
_DIGIT_RUN = regex.compile(r"[0-9０-９元]+")


def date_style(text: str) -> tuple[str, str]:
    """How a date is printed, whatever its value: (skeleton, digit width).  The skeleton has
    its era name as ``E`` and each number (元 too) as ``#``, spaces removed (``令和6年1月4日`` and
    ``平成31年12月1日`` → ``E#年#月#日``; ``2023/4/1`` → ``#/#/#``); the width is ``full`` with a
    full-width digit, ``half`` with a half-width one, else ``""``.  A table's 変更日 column keeps
    one style (a cell's format); a date typed into a before / after cell need not."""
    squeezed = regex.sub(r"\s+", "", text)
    skeleton = _DIGIT_RUN.sub("#", _ERA_NAME.sub("E", squeezed))
    width = "full" if regex.search("[０-９]", squeezed) else "half" if regex.search("[0-9]", squeezed) else ""
    return skeleton, width


def torn_before_day(line: str, nxt: str) -> bool:
    """Whether ``line``, a date alone, is a sentence's date torn before its 日 by a narrow cell's
    wrap (``令和３年４月１`` / ``日付の通知に基づき…``, branch merged63): it ends on the day's digits
    after its 月 and ``nxt``, the line after it, opens with 日 and goes on (not 日 alone, nor 日
    before a section Ⅰ…Ⅵ: a 変更日 cell's wrapped day)."""
    return bool(_DAY_DIGITS_END.search(line)) and bool(_DAY_GOES_ON.match(nxt))
