"""The form's vocabulary: the table's title, its column labels, 事前/事後, page furniture, headings.

Shared by every input path: text lines, PDF page text and OCR text all meet these patterns.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

# The package's data files (headings lexicon, OCR word lists), read as plain files beside this
# module: ``importlib.resources.files`` would import its zip readers first (about 2 ms of CPU in
# every fresh process, for a package that is always installed as files).
DATA_DIR = Path(__file__).resolve().parent / "data"

# （別添２）変更箇所, (別添3) 変更箇所, 別添３ 変更箇所, or just 変更箇所, with either bracket width;
# on a continuation page or slide with its counter (変更箇所（2/3）, 変更箇所（続き）, 変更箇所（その2）:
# an Impress deck's slide titles, office-slides54).
TITLE = regex.compile(
    r"^\s*(?:[（(]\s*別\s*添\s*[0-9０-９一二三四]?\s*[）)]\s*)?(?:別\s*添\s*[0-9０-９]\s*)?"
    r"変\s*更\s*箇\s*所"
    r"(?:\s*[（(]\s*(?:[0-9０-９]{1,2}\s*[/／]\s*[0-9０-９]{1,2}|続\s*き?|その\s*[0-9０-９]{1,2})\s*[）)])?\s*$"
)
# An attachment of the assessment named as a 項目 (real filings amend their 別紙 often):
# （別紙１）事務の流れ, 別紙２, 別添1 事務の内容; the label, then
# its title if any.  Not 別表 (a law's table, cited inside cells: 番号法別表第二).
# The amendment table's own title (（別添２）変更箇所) is page furniture, never an item.
# The label alone (（別紙１）, 別添２): also what conservation counts in a text's lines.
ATTACHMENT_LABEL_PATTERN = (
    r"[（(]\s*別\s*[紙添]\s*(?:第\s*)?[0-9０-９一二三四五六七八九十]*\s*[）)]"
    r"|別\s*[紙添]\s*(?:第\s*)?[0-9０-９一二三四五六七八九十]+"
)
ATTACHMENT_LABEL = regex.compile(rf"^\s*(?P<label>{ATTACHMENT_LABEL_PATTERN})(?P<title>.*)$")
# An attachment's label that opens something (an item, a heading), not a reference to it that runs
# on in a sentence (（別紙１）のとおり, 別紙２参照, （別紙３）に記載), which a before/after cell prints
# at a line's start as often as an item does.  Atomic, so a label's digits are never cut short.
ATTACHMENT_OPENING_PATTERN = rf"(?>{ATTACHMENT_LABEL_PATTERN})(?!\s*(?:[\p{{Hiragana}}、。]|参照))"
# The cover of the assessment named as a 項目 (表紙, 表紙 評価実施機関名): real filings amend the
# cover's 評価実施機関名, 評価書名 or 宣言, and such an item opens with no section numeral.  The
# label stands alone on its line or before a space, so a sentence (表紙に記載…) is none.
COVER_LABEL_PATTERN = r"表\s*紙(?:\s|$)"
COVER_LABEL = regex.compile(rf"^\s*{COVER_LABEL_PATTERN}")
# Labels a 変更日 cell may print beside a second date that is not the change's (branch pubdate65):
# ``令和5年4月1日`` / ``（公表日：令和5年3月15日）``, ``2023/4/1`` / ``公表 2023/3/15``, ``2023/3/15施行``.
# Longest first, so ``公表日`` is read whole before ``公表``.  (``時点``, ``現在``, ``以降`` are no such
# labels: ``平成31年4月1日 時点`` is a before / after cell's value.)
DATE_QUALIFIER_LABELS = (
    "公表日", "公表", "公開日", "公開", "施行日", "施行", "実施日", "実施", "届出日", "届出",
    "決裁日", "決裁", "適用日", "適用", "提出日", "通知日", "承認日", "承認", "改正日", "作成日",
    "更新日", "受付日", "受理日", "開始日", "修正日", "修正", "訂正日", "訂正",  # 修正/訂正: dates74
)  # fmt: skip
# The printed column labels, and the pieces a narrow header cell wraps them into.
LABELS: tuple[str, ...] = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")
# The label of one column printing 変更前 and 変更後 stacked in each cell (``変更前：…`` over
# ``変更後：…``; set XXV t07, 変更内容（変更前／変更後）): with either bracket or slash width.
STACKED_LABELS: tuple[str, ...] = tuple(
    f"{head}{o}変更前{sep}変更後{c}"
    for head in ("変更内容", "変更箇所・内容", "内容")
    for o, c in (("（", "）"), ("(", ")"))
    for sep in ("／", "/", "・", "→", "⇒")
) + tuple(f"変更前{sep}変更後" for sep in ("／", "/", "・", "→", "⇒"))
# Other wordings of a whole column label, as a table prints them in place of the form's (a
# header repeated on a later page worded otherwise: set XXIV t13, Chromium, one table a page,
# 変更年月日 / 変更前 / 変更後 / 説明 on page 2, 変更箇所（項目） / 提出時期の説明 on page 3; branch
# layout63): wording → its column (an index of ``LABELS``).  A line of labels so worded is a label
# row like the form's (``is_header_line``, the layout grid's ``labels.find_header``).
LABEL_VARIANTS: dict[str, int] = {
    "変更年月日": 0,
    "変更箇所（項目）": 1,
    "変更箇所(項目)": 1,
    "変更項目": 1,
    "変更前": 2,
    "変更前の内容": 2,
    "変更後": 3,
    "変更後の内容": 3,
    "提出時期の説明": 5,
    "提出時期に関する説明": 5,
    "説明": 5,
    # One column printing both sides stacked (変更前：… over 変更後：…; ``normalize.stacked_cells``
    # splits its cells): read as the 変更後 column, whose cells are then split.
    **{label: 3 for label in STACKED_LABELS},
}
LABEL_PIECES: frozenset[str] = frozenset(
    LABELS
    + tuple(LABEL_VARIANTS)
    + (
        "提出時期に係",
        "提出時期に係る",
        "る説明",
        "説明",
        "係る説明",
        "変更前の",
        "変更後の",
        "記載",
        "の記載",
        "変更前",
        "変更後",
        "提出時",
        "期",
        "提出",
        "時期",
    )
)
# The characters of the printed column labels (a lone one in a cell: a piece of a label).
LABEL_CHARS: frozenset[str] = frozenset("".join(LABELS))
# A two-row label row's upper label spanning the columns whose own labels print under it
# (変更箇所 over 変更前の記載 / 変更後の記載; Writer, Calc print titles of two rows): a piece of
# a label row only beside two labels or more (alone, 変更箇所 is the table's title).
SPANNING_LABELS: frozenset[str] = frozenset(("変更箇所", "変更内容", "記載内容"))
# Whole-line one-character values: a check list's medium (紙 beside 電子記録媒体 / 専用線 under 入手方法
# or 保管方法) and the choices 有 / 無; a line of one is a value, not an OCR speck (normalize/ocr_glyphs.py).
ONE_CHAR_VALUES: frozenset[str] = frozenset("紙有無")
# Page numbers as printed in footers: "- 3 -", "- 2/3 -", "3/12", "3 / 12", "P.3", "3ページ", a bare number.
# The forms printed without words: "- 3 -", "- 3/5 -", "3/5" (also found glued: glued_page_marks.py).
PAGE_MARK_PATTERN = (
    r"[-－―—–]\s*[0-9０-９]{1,4}\s*(?:[/／]\s*[0-9０-９]{1,4}\s*)?[-－―—–]"
    r"|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}"
)
PAGE_NUMBER = regex.compile(
    rf"^\s*(?:{PAGE_MARK_PATTERN}"
    r"|(?:P|p|Ｐ|ページ)\s*[.．]?\s*[0-9０-９]{1,4}|[0-9０-９]{1,4}\s*(?:ページ|頁))\s*$"
)
# A browser's print header and footer (Chromium / Edge / Firefox printing a page without
# --no-pdf-header-footer: normalize/browser_furniture.py, branch furniture66): the date and time of
# printing at the header's left (``12/7/26, 12:23 AM``, ``2026/12/06 21:09``, ``令和6年12月6日 21:09``),
# the page's address at the footer's left (``file:///home/…/t09.html``, ``https://…``) and a page
# counter ``n/m`` at its right.
BROWSER_STAMP = regex.compile(
    r"(?<![0-9/])(?:[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4},?\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|午前|午後))?"
    r"|(?:午前|午後)\s*[0-9]{1,2}:[0-9]{2}"
    r"|[0-9]{4}[/.-][0-9]{1,2}[/.-][0-9]{1,2}\s+(?:午前|午後)?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
    r"|(?:令和|平成)?[0-9０-９元]{1,4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日\s*(?:午前|午後)?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)"
)
BROWSER_ADDRESS = regex.compile(r"(?:file|\ufb01le|https?)://[!-~]+")  # ﬁ: pdfminer's ligature
PAGE_COUNTER = regex.compile(r"(?<![0-9/])([0-9]{1,3})\s?/\s?([0-9]{1,3})(?![0-9/])")
# A paragraph a document prints between two amendment tables to tell which changes the next one
# holds (``【令和６年度以前の変更】``, ``以下は前回評価書からの変更``; session 65's unseen set, Writer):
# a bracketed heading naming a period or an earlier filing, or a lead sentence on the changes
# below (normalize/table_parting.py, branch furniture66).  ``【変更前】`` / ``＜中間サーバー＞``
# (a cell's own markers and headings) name no period and are none.
TABLE_PARTING_WORDS = r"(?:変更|改訂|修正|履歴|以前|以降|前回|今回|過去|再評価)"
# A change mark heading a 変更後 cell (``【修正】`` / ``【追加】`` alone: set XXVIII t02, branch
# extracol67) names no period either.
_PARTING_MARKER = (
    r"(?!(?:変更|修正)[前後](?:の記載)?[】］\]＞>〉》])"
    r"(?!(?:修正|追加|削除|新規|変更|訂正|追記|改訂)[】］\]＞>〉》])"
)
TABLE_PARTING_LINE = regex.compile(
    rf"^\s*(?:【{_PARTING_MARKER}[^】]{{0,30}}{TABLE_PARTING_WORDS}[^】]{{0,30}}】"
    rf"|[［\[]{_PARTING_MARKER}[^］\]]{{0,30}}{TABLE_PARTING_WORDS}[^］\]]{{0,30}}[］\]]"
    rf"|[＜<〈《]{_PARTING_MARKER}[^＞>〉》]{{0,30}}{TABLE_PARTING_WORDS}[^＞>〉》]{{0,30}}[＞>〉》]"
    r"|以下(?:は|に|が)?、?\S{0,30}?(?:変更|改訂|修正)(?:点|箇所|履歴|内容|分)?(?:を示す|を記載する|です|である|となります)?[。．]?"
    r"|(?:前回|過去|今回|(?:令和|平成)\S{1,3}年度)\S{0,16}の(?:変更|改訂)(?:点|箇所|履歴|内容|分)?[。．]?)\s*$"
)
# A version-history table's title and labels (版数 | 改訂日 | 改訂内容; normalize/version_history.py).
HISTORY_TITLE = regex.compile(r"^[（(【\[]?(?:評価書の)?(?:改訂|改版|変更|版数?)(?:履歴|管理)[）)】\]]?$")
HISTORY_EDITION = regex.compile(r"版|履歴|改訂番号|^(?:No|Ｎｏ|№)[.．]?")
HISTORY_CONTENT = regex.compile(r"内容|概要|理由|変更点")
# A group row's label (【令和５年度】, ＜第３回評価書の変更＞, ■ 令和5年度; ＜令和6年4月改訂＞: a month
# with its word): a period and the form's words, in brackets or after a mark (group_rows.py).
_GROUP_YEAR = r"(?:(?:令和|平成|[RHＲＨ])\s*[0-9０-９元]{1,2}|[0-9０-９]{4})\s*年"
_GROUP = (
    rf"\s*(?:(?:{_GROUP_YEAR}度|第\s*[0-9０-９一-十]{{1,3}}\s*[回版次])(?:以前|以降)?(?:の|に係る)?"
    r"(?:(?:全項目|重点項目|基礎項目)?評価書?|再評価)?の?(?:変更|改訂|修正)?(?:分|箇所|内容)?"
    rf"|{_GROUP_YEAR}\s*[0-9０-９]{{1,2}}\s*月(?:\s*[0-9０-９]{{1,2}}\s*日)?(?:の|に係る)?(?:評価書の?)?(?:変更|改訂|修正)(?:分|箇所|内容)?)\s*"
)
_GROUP_PAIRS = ("【】", "〔〕", "［］", "[]", "＜＞", "<>", "〈〉", "《》", "（）", "()")
GROUP_LABEL_LINE = regex.compile(
    rf"^\s*(?:{'|'.join(regex.escape(o) + _GROUP + regex.escape(c) for o, c in _GROUP_PAIRS)}"
    rf"|[■□◆◇●▼★◎]{_GROUP})\s*$"
)
# A bare number is a page number only where furniture stands: at a page's edge or by the header.
BARE_NUMBER = regex.compile(r"^\s*[0-9０-９]{1,3}\s*$")
# What a cell prints to say that nothing was written in it, the form's placeholder of an empty cell:
# one or two dashes (「－」, 「――」), 記載なし, 該当なし, 特になし, なし (round brackets around the
# word aside).  The one spelling of it for every reader: ``normalize.diff`` (an empty cell: a
# 変更前 記載なし is an addition's before), ``normalize.evidence`` and ``normalize.placeholder_cells``
# (a placeholder opening another cell's text).
NOTHING_WRITTEN_WORDS = ("記載なし", "該当なし", "特になし", "なし")
EMPTY_CELL_DASHES = "－-―‐—−ー"
NOTHING_WRITTEN_PATTERN = (
    rf"(?:[{regex.escape(EMPTY_CELL_DASHES)}]{{1,2}}"
    rf"|[（(]?(?:{'|'.join(NOTHING_WRITTEN_WORDS)})[）)]?)"
)
# What only a before cell prints as its whole text: a placeholder, or that the row adds its item
# (新規, 追加).  ``normalize.item_tears``, ``normalize.swapped_sides`` and
# ``normalize.placeholder_cells`` read it (an added item's before cell, never an after cell's text).
NEW_ITEM_WORDS = ("新規", "追加")
BEFORE_MARK_PATTERN = rf"(?:{NOTHING_WRITTEN_PATTERN}|{'|'.join(NEW_ITEM_WORDS)})"
# The sections of the form (Ⅰ…Ⅵ), in order; an item path opens with one of them.
SECTION_ORDER = "ⅠⅡⅢⅣⅤⅥ"
SECTION_NUMERALS = frozenset(SECTION_ORDER)
SECTION_NUMERAL_CLASS = f"[{SECTION_ORDER}]"
# The first line of a 項目 path: a section of the form (Ⅰ…Ⅵ), an attachment's label
# (（別紙１）事務の流れ) or the cover (表紙 評価実施機関名); ``normalize.items.opens_item`` asks it.
SECTION_OR_COVER_PATTERN = rf"{SECTION_NUMERAL_CLASS}|{COVER_LABEL_PATTERN}"
ITEM_OPENING_PATTERN = rf"{SECTION_OR_COVER_PATTERN}|{ATTACHMENT_OPENING_PATTERN}"
ITEM_OPENING = regex.compile(rf"^\s*(?:{ITEM_OPENING_PATTERN})")
TIMING = regex.compile(r"^\s*(事[\s　]?前|事[\s　]?後)\s*$")
# 提出時期 printed as a form's choice box (``[　事前　]``, ``［事後］``): the value is the word inside.
TIMING_CHOICE = regex.compile(r"^\s*[\[［][\s　]*(事前|事後)[\s　]*[\]］]\s*$")
# 提出時期 printed as a form's check boxes, one box per option (``■事前`` / ``□事後``, ☑ / ☐, ● / ○,
# ✓ before or after the word, ``(○)事前`` / ``( )事後``): the one place these marks are named
# (``normalize/timing_boxes.py`` reads them; branch checkbox68, set XXIX t11).  A mark that ticks
# its option, and one that leaves it open (an option printed bare beside a ticked one is open too).
TIMING_TICK_MARKS = "■☑☒✅●◉◎✓✔◼▪⬛◆★"
TIMING_OPEN_MARKS = "□☐○◯◻▫⬜◇☆"
# Brackets printed round a box's mark (``(○)事前``, ``[ ]事後``): any mark inside ticks, none leaves
# open; round the word itself (``【事前】``) they tick it (the other option printed bare).
TIMING_BOX_BRACKETS = {"(": ")", "（": "）", "[": "]", "［": "］", "【": "】", "〔": "〕"}
# What tesseract reads a printed box as: an empty box as 口 / ロ, a filled one as a dense kanji
# (t11 scan: ■ read as 画).  A scan's cell is read by these only as one of each (``口事前画事後``):
# two alike (``口事前口事後``) tell nothing of which was filled.
TIMING_OCR_OPEN_READS = "口ロ囗"
TIMING_OCR_FILLED_READS = "画圖團國回図田日目閏圏凾"
# 事前 or 事後 anywhere in a text (a page of the table prints them; a 提出時期 cell prints one).
TIMING_WORD = regex.compile(r"事\s*[前後]")
# Words that documents print as a watermark over their pages (light, large, often turned 45°):
# a lone line of one of them in a flattened text is page furniture (normalize/watermark_lines.py).
WATERMARK_WORDS = frozenset(
    {
        "案",
        "素案",
        "原案",
        "写",
        "写し",
        "控",
        "控え",
        "複製禁止",
        "社外秘",
        "部外秘",
        "取扱注意",
        "秘",
        "極秘",
    }
    | {"見本", "未定稿", "下書き", "公表用", "DRAFT", "SAMPLE", "COPY", "CONFIDENTIAL"}
)
# Words a form prints once per page or once after its table that belong to no cell
# (normalize/cell_furniture.py): a table footer saying the table goes on (「（次頁へ続く）」, printed
# at the foot of every page: an HTML ``tfoot``, a Writer table's repeated last row), and the mark
# closing the table's last page (「以下余白」: the rest of the form left blank).  Brackets optional
# for the long phrases, needed for a bare 続く / 続き (a word a cell's sentence may end with).
CONTINUED_PHRASE_PATTERN = (
    r"[（(]?[\s　]*(?:(?:次|つぎ)[\s　]*(?:頁|ページ|葉|面)[\s　]*[へに][\s　]*(?:続く|つづく|続きます)"
    r"|以[\s　]*下[\s　]*次[\s　]*(?:頁|ページ|葉)"
    r"|前[\s　]*(?:頁|ページ)[\s　]*(?:から|より)の?[\s　]*(?:続き|つづき|続く))[\s　]*[）)]?"
    r"|[（(][\s　]*(?:続く|つづく|続き|つづき)[\s　]*[）)]"
)
CLOSING_BLANK_PATTERN = (
    r"[－―ー\-（(]*[\s　]*以[\s　]*下[\s　]*(?:余[\s　]*白|空[\s　]*白)[\s　]*[）)－―ー\-]*"
)
# The heading of an amendment table printed above its title (【…全項目評価書】（別添３）変更箇所): in a
# file of two tables, flattened texts may glue it to the first table's last cell.
DOCUMENT_HEADING_PATTERN = (
    r"【[^【】\n]{0,40}評[\s　]*価[\s　]*書[\s　]*】"
    r"[\s　]*(?:[（(][\s　]*別[\s　]*添[\s　]*[0-9０-９一二三四]?[\s　]*[）)])?"
    r"[\s　]*(?:変[\s　]*更[\s　]*箇[\s　]*所)?"
)
TIMING_AT_END = regex.compile(r"^(?P<rest>.*\S)[\s　]+(?P<timing>事前|事後)\s*$")
TIMING_IN_MIDDLE = regex.compile(r"^(?P<rest>.*\S)[\s　]+(?P<timing>事前|事後)[\s　]+(?P<post>\S.*)$")
TIMING_AT_START = regex.compile(r"^\s*(?P<timing>事前|事後)[\s　]+(?P<rest>\S.*)$")
# How the 提出時期に係る説明 column's paragraphs end: the reason for a change names the change
# (…による修正, …に伴う追加, 記載内容の充実) or says whether it is a significant one (…に該当しない),
# and so why it is filed before or after (重要な変更に当たるため事前に提出(する)).  Before / after
# cells rarely end so (上記を新規追加 and 削除 are told apart by the readers).
EXPLANATION_ENDING = regex.compile(
    r"(?:修正|追加|追記|変更|削除|反映|整理|充実|増加|減少|見直し|廃止|新設|更新|ため|該当しない|該当する"
    r"|[前後]に提出(?:する)?)[。.]?\s*$"
)

# The stock sentences of the 提出時期に係る説明 column that say whether a change is a significant
# one (the second paragraph of most explanations), as the forms' users print them: each of
# SIGNIFICANCE_WORDS with each of SIGNIFICANCE_PREDICATES (重大な変更に該当しない, 重要な変更に当たる …).
# Every combination is listed: the OCR phrase snapping (``extract/ocr/phrases.py``) writes a line
# that misreads one of these as printed, so a combination missing here is "corrected" into its
# neighbour (newuser16's 重要な変更に該当する was turned into 重大な変更に該当する).
SIGNIFICANCE_WORDS = ("重大", "重要")
SIGNIFICANCE_PREDICATES = (
    "に該当しない", "に該当する", "に当たらない", "に当たる",
    "には該当しない", "には当たらない", "に該当しません", "に該当します",
    # 当たる spelled in kana, as many bodies print it (重要な変更にあたらない): a stock sentence
    # too, not a misread of the kanji spelling (newuser22's scans had 当 written over あ).
    "にあたらない",
    "にあたる",
    "にはあたらない",
)  # fmt: skip
EXPLANATION_PHRASES: tuple[str, ...] = (
    *(f"{w}な変更{p}" for w in SIGNIFICANCE_WORDS for p in SIGNIFICANCE_PREDICATES),
    "特定個人情報保護評価の再実施には該当しない",
    "特定個人情報保護評価の再実施に該当しない",
)

_SPACES = regex.compile(r"[\s　]+")
_WHITESPACE = regex.compile(r"\s+")


@lru_cache(maxsize=65536)  # asked of every line by several passes (regex: ~7 µs a call)
def is_title(text: str) -> bool:
    return bool(TITLE.match(text))


def label_count(text: str) -> int:
    """How many of the six column labels a line holds (as whole space-separated pieces, in the
    form's wording or another, ``LABEL_VARIANTS``)."""
    pieces = _SPACES.split(text.strip())
    return sum(1 for p in pieces if p in LABELS or p in LABEL_VARIANTS)


@lru_cache(maxsize=65536)
def is_header_line(text: str) -> bool:
    """A line that is the column-label row (at least three labels and nothing else; asked of
    every line by several passes: cached)."""
    pieces = [p for p in _SPACES.split(text.strip()) if p]
    if len(pieces) < 3:
        return False
    if all(p in LABEL_PIECES for p in pieces):
        return label_count(text) >= 3
    # The upper row of a two-row label row: two labels or more, a spanning label over the
    # columns whose labels print under it, and a wrapped label's first character
    # (``変更日 項目 変更箇所 提``: 提出時期 one character wide, spanning both rows).
    spanning = sum(p in SPANNING_LABELS for p in pieces)
    return (
        spanning >= 1
        and label_count(text) >= 2
        and all(p in LABEL_PIECES or p in SPANNING_LABELS or p in LABEL_CHARS for p in pieces)
    )


@lru_cache(maxsize=65536)
def is_label_piece(text: str) -> bool:
    """A line made only of column labels or pieces of them (``提出時期 提出時期に係る説明``)."""
    pieces = _label_line_pieces(text)
    return bool(pieces) and all(p in LABEL_PIECES for p in pieces)


def _label_line_pieces(text: str) -> list[str]:
    """A line's space-separated pieces, ``変更`` and ``日`` read as the label 変更日 when the line
    holds both among other pieces: 変更日 wrapped in a narrow column, pypdfium2 prints its second
    line at the end of the label row (``変更 項目 … 提出時期に係る説明 日``).  A lone 日 is a
    date's tail, not a label."""
    pieces = [p for p in _SPACES.split(text.strip()) if p]
    if len(pieces) >= 3 and "変更" in pieces and "日" in pieces:
        pieces = [p for p in pieces if p not in ("変更", "日")] + ["変更日"]
    return pieces


@lru_cache(maxsize=65536)  # asked of every line by several passes
def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER.match(text))


def is_table_start(text: str) -> bool:
    """A line that announces the table: its title or its column-label row."""
    return is_title(text) or is_header_line(text)


# The headings of the assessment forms.  ``pia_headings.tsv`` lists them; real documents number them
# in many ways (Ⅱ, ３．, ①, (1), リスク２：), so matching strips the numbering and compares the words.
_NUMBERING = regex.compile(
    r"^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[0-9０-９]{1,2}[．.、]?|[①-⑳⑴-⒇]|[（(][0-9０-９]{1,2}[．.）)]"
    r"|(?:リスク|提供先|移転先|委託事項|システム)(?:[0-9０-９]+[：:]?|[：:])|[（(])\s*"
)
# The reference list of the forms' headings (a copy of shared/reference/pia_headings.tsv) and our
# additions recalled from the form.
HEADING_FILES = ("pia_headings.tsv", "extra_headings.tsv")
# Labels the 全項目評価書 prints inside a heading's cell that neither file holds: no other column's
# text when an item ends with them (``evidence.cut_doubts``; not in the lexicon, whose headings
# also steer how column-ordered text is paired: branch quiet47 found a plain text read otherwise).
FORM_SUB_LABELS = frozenset({"ルールの内容及びルール遵守の確認方法"})
# In those files: a note after ``--``, alternatives split at ``/`` or ``…``, a bracketed note at
# the end (compiled once: a pattern string costs a cache look-up per call, per line read).
HEADING_NOTE = regex.compile(r"\s*--.*$")
HEADING_ALTERNATIVES = regex.compile(r"\s*/\s*|\s*…\s*")
_TRAILING_NOTE = regex.compile(r"\([^)]*\)$")
_ANNOTATION = regex.compile(r"\s*(?:※|\([^)]*\)|（[^）]*）|【[^】]*】)\s*$")


@lru_cache(maxsize=65536)
def heading_key(text: str) -> str:
    """A heading with its numbering, spaces, trailing ※ and bracketed notes removed."""
    t = _WHITESPACE.sub("", text)
    for _ in range(2):
        t = _NUMBERING.sub("", t)
    t = _ANNOTATION.sub("", t)
    return t.strip("：:")


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Heading keys of the forms (both verified and recalled rows: soft evidence only)."""
    data = DATA_DIR
    text = "\n".join(data.joinpath(name).read_text("utf-8") for name in HEADING_FILES)
    keys: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        heading = line.split("\t")[1]
        heading = HEADING_NOTE.sub("", heading)
        # A heading whose bracket lists its sub-headings with a ``…`` inside (``…毀損リスク (①NISC…
        # … ⑩死者の個人番号)``): the split below cuts the bracket open, so the heading's own key
        # is added from the whole line, its bracket removed.
        whole = _TRAILING_NOTE.sub("", heading).strip()
        if whole != heading and not HEADING_ALTERNATIVES.search(whole):
            keys.add(heading_key(whole))
        for part in HEADING_ALTERNATIVES.split(heading):
            key = heading_key(_TRAILING_NOTE.sub("", part))
            if len(key) >= 2:
                keys.add(key)
    return frozenset(keys)


@lru_cache(maxsize=1)
def top_headings() -> dict[str, frozenset[str]]:
    """Top headings of the forms → the Roman numerals printed before them (特定個人情報ファイルの概要
    → Ⅱ; リスク対策 → Ⅲ in the seed's 全項目 table, Ⅳ in 基礎項目 tables)."""
    data = DATA_DIR
    out: dict[str, set[str]] = {}
    for name in HEADING_FILES:
        for line in data.joinpath(name).read_text("utf-8").splitlines():
            parts = line.split("\t")
            m = regex.fullmatch(r"(?:[^:\t/]+:)?([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])", parts[0]) if len(parts) >= 2 else None
            if m:
                out.setdefault(regex.sub(r"\s+", "", parts[1]), set()).add(m.group(1))
    # Short names the tables print: the seed's Ⅲリスク対策, 基礎項目's Ⅳリスク対策.
    out.setdefault("リスク対策", set()).update({"Ⅲ", "Ⅳ"})
    return {k: frozenset(v) for k, v in out.items()}


# Labels of columns beyond the six, whitespace removed, by what their cells hold (gathered here
# for every reader: the label row says which extra columns a table prints and where).
# A kind column: a short word a row (修正 / 追加 / 削除 / 誤記: set XX t02, set XXIII's Gnumeric).
KIND_COLUMN_LABELS = (
    "区分",
    "種別",
    "種類",
    "変更区分",
    "変更種別",
    "修正区分",
    "改訂区分",
    "変更の区分",
    "変更の種類",
    "新規・変更",
)
# The words a kind column's cells most often hold (more are learned from a table's own cells:
# ``normalize/extra_columns.strip_extra_values``).
KIND_COLUMN_WORDS = frozenset({"修正", "追加", "削除", "新規"})
# The closed vocabulary of a 変更区分 column between 項目 and 変更前 (``mid_kind_values``, branch
# roworder68): the kind words above and 変更 / 廃止 (a form's 新規 / 変更 / 廃止).
MID_KIND_WORDS = frozenset({*KIND_COLUMN_WORDS, "変更", "廃止"})
# A numbering column: ``1``, ``2`` … or a reference ``2-3`` (番号 / No. / 項番 …).
NUMBER_COLUMN_LABELS = (
    "番号",
    "No.",
    "No",
    "NO.",
    "NO",
    "no.",
    "Ｎｏ．",
    "Ｎｏ",
    "Ｎｏ.",
    "項番",
    "通番",
    "連番",
    "整理番号",
    "#",
    "№",
)
# Words naming what a numbering label numbers (``変更箇所No.``, set XXI t12; ``変更箇所番号``), put
# before the numbering labels of ``NUMBER_LABEL_BASES``.  Not ``変更`` / ``修正`` alone: a cell's
# last words (``…による修正``) glued to a repeated label row (``番号 変更日 …``) would be taken out.
NUMBER_LABEL_PREFIXES = ("変更箇所", "修正箇所")
NUMBER_LABEL_BASES = ("番号", "No.", "No", "NO.", "Ｎｏ．", "Ｎｏ", "Ｎｏ.", "№")
COMPOSITE_NUMBER_LABELS = tuple(p + b for p in NUMBER_LABEL_PREFIXES for b in NUMBER_LABEL_BASES)
# A remarks column (備考) and a section-in-charge column (担当課: set XXI t03).
REMARK_COLUMN_LABELS = ("備考", "備考欄", "補足")
SECTION_COLUMN_LABELS = ("担当課", "担当部署", "所管課")
# The labels of the columns 項目 is printed over under a spanning 項目 label (set XXIX t09:
# 大項目 | 中項目・小項目; also 大項目 | 中項目 | 小項目, set XXXII u01's 評価書の項目 | 細目): a sub-header
# row of them is the label row's, no body row (normalize/grid/two_row_labels.py, sub_columns.py).
ITEM_PART_LABELS = ("大項目", "中項目", "小項目", "細項目", "細目", "評価書の項目", "項目")
# The same as extra columns' labels (``EXTRA_COLUMN_ROLES``, role ``item_part``): flattened text
# that cannot set the columns apart takes them out of its label block and warns every row.
ITEM_PART_COLUMN_LABELS = (
    "大項目",
    "中項目",
    "小項目",
    "細目",
    "中項目・小項目",
    "中項目／小項目",
    "中項目/小項目",
)
_ITEM_PART_WORD = "|".join(sorted(ITEM_PART_LABELS, key=len, reverse=True))
ITEM_PART_LABEL_ROW = regex.compile(rf"^(?:{_ITEM_PART_WORD})(?:[・／/、]?(?:{_ITEM_PART_WORD}))*$")
# A column of prose after 説明 giving why the entry changed or under what law (set XXVI: a
# Writer table's 変更理由, a portrait Calc table's 根拠; branch reason65).  Its cells read as a
# second paragraph of the explanation (``…による修正`` / ``番号法の改正に伴い…ため``), so no
# reader of flattened text can cut them off by their words (``normalize/reason_column``).
# Named by shape: a reason word (理由 / 事由) after what changed, or 根拠 with what it rests on.
_REASON_HEADS = ("", "変更", "変更の", "改正", "改正の", "修正", "修正の", "改訂", "改訂の", "記載変更の")
_BASIS_LABELS = (
    "根拠",
    "根拠法令",
    "根拠法",
    "根拠規定",
    "根拠条文",
    "根拠条項",
    "根拠法令等",
    "法令根拠",
    "法的根拠",
)
REASON_COLUMN_LABELS = (
    *(head + base for head in _REASON_HEADS for base in ("理由", "事由")),
    *_BASIS_LABELS,
)
# A label spanning several columns of a two-row label block (``変更内容`` over 変更前の記載 /
# 変更後の記載 and a page column: set XXVIII t10, Calc; branch extracol67): no column of its own,
# the labels under it stand where it stands (``normalize/label_blocks``).
GROUP_LABELS = ("変更内容", "変更の内容", "記載内容", "変更記載")
# A page column after the fields (a small integer a row) and a place column (``3頁 5行``: set XXII
# t02) between 項目 and 変更前.
PAGE_COLUMN_LABELS = (
    "頁",
    "該当頁",
    "ページ",
    "該当ページ",
    "参照頁",
    "記載頁",
    "評価書頁",
    "頁番号",
    "評価書の頁",
    "評価書の該当頁",
    "評価書のページ",
    "P.",
    "Ｐ",
    "Ｐ．",
    "Ｐ.",
    "p.",
)
PLACE_COLUMN_LABELS = (
    "変更箇所",
    "該当箇所",
    "記載箇所",
    "該当頁",
    "頁・行",
    "頁行",
    "頁",
    "変更頁",
    "変更ページ",
    "該当ページ",
    "ページ",
)
# A page word in brackets after a place or page label (``変更箇所（頁）``, ``変更箇所（ページ）``,
# ``該当箇所(P.)``: set XXV t03, branch place64): the label names the same place column.  Not
# ``（項目）``: ``変更箇所（項目）`` is the 項目 column's wording (``LABEL_VARIANTS``).
PAGE_QUALIFIER = r"[（(](?:該当)?(?:頁|ページ|[PpＰｐ][.．]?)(?:[・/／](?:行|行目))?[）)]"
# A page / line reference as a place column's cell prints it: ``3頁 5行``, ``12頁``, ``3-4頁``,
# ``p.3``, ``P3``, ``12ページ`` (``normalize/place_column``, ``grid/place_words``).
_N = "[0-9０-９]{1,3}"
_PAGE_RANGE = rf"(?:[ 　]?[-－‐～~][ 　]?{_N})?"  # 3-4頁
PAGE_REF_PATTERN = "|".join(
    (
        rf"{_N}{_PAGE_RANGE}[ 　]?頁(?:[ 　]?{_N}[ 　]?行目?)?",
        rf"{_N}{_PAGE_RANGE}[ 　]?ページ",
        rf"[PpＰｐ][.．]?[ 　]?{_N}{_PAGE_RANGE}(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ])",
    )
)
PAGE_REF = regex.compile(rf"^\s*(?:{PAGE_REF_PATTERN})\s*$")
_QUALIFIED_LABEL = regex.compile(rf"^(?P<base>.+?)(?P<qualifier>{PAGE_QUALIFIER})$")
# Every extra column's label → what its cells hold ("kind", "number", "remark", "section",
# "page", "place"; a label two roles share takes the first).
EXTRA_COLUMN_ROLES: dict[str, str] = {}
for _role, _labels in (
    ("kind", KIND_COLUMN_LABELS),
    ("number", NUMBER_COLUMN_LABELS + COMPOSITE_NUMBER_LABELS),
    ("remark", REMARK_COLUMN_LABELS),
    ("section", SECTION_COLUMN_LABELS),
    ("reason", REASON_COLUMN_LABELS),
    ("page", PAGE_COLUMN_LABELS),
    ("place", PLACE_COLUMN_LABELS),
    ("item_part", ITEM_PART_COLUMN_LABELS),
):
    for _label in _labels:
        EXTRA_COLUMN_ROLES.setdefault(_label, _role)


def extra_column_role(label: str) -> str:
    """What an extra column labelled ``label`` (a label row's piece, spaces inside allowed) holds
    (``EXTRA_COLUMN_ROLES``; a place or page label with a bracketed page word after it,
    ``PAGE_QUALIFIER``, is a place column's), or "" when ``label`` names no column beyond the
    six."""
    text = _WHITESPACE.sub("", label)
    if text in EXTRA_COLUMN_ROLES:
        return EXTRA_COLUMN_ROLES[text]
    m = _QUALIFIED_LABEL.match(text)
    if m and EXTRA_COLUMN_ROLES.get(m["base"]) in ("page", "place"):
        return "place"
    return ""
