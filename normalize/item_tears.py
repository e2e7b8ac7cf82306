"""An item's lines read into the body, and a body's line read into the item (issue 12).

Extractors that print a page's lines across the columns (pdfplumber, plain and ``layout=True``;
PyMuPDF ``sort=True``) set a wrapped 項目's line beside another column's line, and the reader then
cuts them into the wrong cells.  Set XX (session 58) showed four kinds, each a wrong row with no
warning (conf 0.88–0.93); these checks put ``column_guess`` on the item and the other cell:

* ``instance in body``: a before or after cell holds a repeated block's name (``システム１``,
  ``提供先２``: ``items.INSTANCE_LINE``) as a paragraph after its first (pdfplumber: ``…中間サーバー
  との連携`` / ``システム１``).  A body cell may open with it (the filings print it in both); of
  the samples' 251,925 truth cells one holds it later (a before cell holding an item's path);
* ``heading piece in body``: a later paragraph of a before or after cell that opens with a circled
  number and, with the item's last paragraph after it, makes a heading of the form (``⑦時期・頻`` |
  ``度``): no truth cell of the samples holds such a piece;
* ``heading opens body``: a before or after cell opens with a numbered piece and a space
  (``１．特定個人情 住民基本台帳法…``) and the piece with one of the item's headings after it is a
  heading of the form (``１．特定個人情`` + ``報ファイルを取り扱う事務``): PyMuPDF ``sort=True``;
* ``line inside heading``: an item heading holds, after a space, a circled-number line
  (``２．特定個人情報ファイルを ②証明書の発行取り扱う事務…``) such that the heading without it is a
  heading of the form: the before cell's line set into the item's (PyMuPDF ``sort=True``);
* ``explanation's rest elsewhere``: the explanation ends open (``…の受領開始に伴う``,
  ``_OPEN_REASON``, ``flags.ending_open``) and a paragraph of another text cell ends, after its
  last ``。``, with a piece of at most ``REST_MAX_CHARS`` characters that closes it (``…取り込む。追加``): the
  explanation's wrapped last line set beside the other cell's (PyMuPDF ``sort=True``).  An
  explanation may end open where the table wraps it on into the next row (set column56's truth:
  72 rows); none of them has its rest after a sentence of another cell;
* ``two sides glued``: one of before / after is empty and a paragraph of the other holds two
  sentences one after the other that end alike (at least ``LIKE_ENDING_CHARS`` characters:
  ``庁舎内の…サーバ内に保管する。データセンターに設置したサーバ内に保管する。``): the before and
  after cells printed on one line with no space between them (PyMuPDF ``sort=True``); no truth
  row of the samples holds such a pair beside an empty cell;
* ``before's mark in the after cell``: the before cell is empty and the after cell opens with a
  paragraph that only a before cell holds (``新規``, ``記載なし``, ``―``), or with such a mark, a
  space and more text (``新規 住民基本台帳に…``, set XXI t04 / t09), and goes on
  (``新規`` / ``上記を新規追加``: mutool's order, set XX t12); no truth row of the samples opens
  its after cell so (``新規追加`` / ``新規追加`` does: an after cell's own words);
* ``twin line``: a before or after paragraph is one line printed twice with a space between
  (``情報セキュリティ監査を年１回実施する。 情報セキュリティ監査を年１回実施する。``): the before
  and after cells' like lines, side by side, both read into one (pdfplumber, office-datecell60);
* ``kana rest``: a before or after paragraph ends with a sentence's end, a space and a short piece
  opening with kana (``…管理している。 う修正``): a wrapped line's rest of another cell (pdfplumber).
* ``sub-columns interleaved``: two item lines each hold a heading opening after some text
  (``Ⅱ特定個人情報ファイ３．特定個人情報の入手・使用`` / ``ルの概要⑤本人への明示``), the first
  opening with a section, and the text before the two openings joined is a heading of the form
  (``Ⅱ特定個人情報ファイルの概要``): a 項目 printed over two sub-columns read line by line, the
  narrow 大項目's wraps beside the 小項目's lines (pdfplumber layout, PyMuPDF sort; set XXXII u01).
"""

from __future__ import annotations

import itertools

import regex

from piatable.models import Doubt, Record
from piatable.vocabulary import BEFORE_MARK_PATTERN

from .chars import paragraphs
from .cut_checks import NUMBERED_HEADING, is_heading_line
from .flags import ending_open
from .items import INSTANCE_LINE, is_form_heading
from .tokenizer import Tokenizer

# What only a before cell prints as its whole text (a new item: 新規, 追加; nothing written: 記載なし,
# なし, ―); the same then a space and more text (``新規 住民基本台帳に…``: the mark on the after
# cell's first line, one paragraph).  No truth row of the samples with an empty before cell (14,738
# of 87,930) opens its after cell with either; none with an empty after cell (55 distinct) opens
# its before cell with a mark then text (branch extracols63).
_BEFORE_MARK = regex.compile(rf"^{BEFORE_MARK_PATTERN}$")
_BEFORE_MARK_THEN_TEXT = regex.compile(rf"^({BEFORE_MARK_PATTERN})[ 　]+\S")
# Two sentences of one paragraph ending alike in this many characters are a before and an after.
LIKE_ENDING_CHARS = 6
# The longest rest of an explanation found after another cell's sentence (``追加``, ``に伴う修正``).
REST_MAX_CHARS = 8
_LETTER = regex.compile(r"\p{L}")
# An explanation's reason that a noun must follow (``…の受領開始に伴う`` 追加): the tokenizer takes
# the verb's form as an end.  No truth explanation of the samples ends so (``…による`` does:
# ``人口増加による``, set block46).
_OPEN_REASON = regex.compile(r"(?:に伴う|に係る|に関する|における|のための)$")
# A sentence's end, a space, and a word's rest opening with kana closing the paragraph
# (``…管理している。 う修正``: the explanation's ``…移設に伴`` | ``う修正`` set beside it).
_KANA_REST = regex.compile(rf"。[ 　]+([\p{{Hiragana}}ー][^。 　]{{0,{REST_MAX_CHARS - 1}}})$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# A numbered piece then a space and more text, opening a body cell (``１．特定個人情 住民…``).
_PIECE_THEN_TEXT = regex.compile(r"^(\S{2,20})[ 　]+\S")
# A numbered piece that is a body cell's whole first paragraph (``２．特定個人``).
_PIECE_ALONE = regex.compile(r"^(\S{2,20})$")
# A circled-number line set into a heading after a space (`` ②証明書の発行取り扱う…``).
_INSET = regex.compile(rf"[ 　]+([{_CIRCLED}]\S+)")


def _completes(piece: str, line: str) -> bool:
    """Whether ``piece`` then the opening of the item's ``line`` (a heading of the form, perhaps
    with more after it: ``…システムシステム７``) is a heading of the form."""
    return any(is_form_heading(piece + line[:k]) for k in range(len(line), 1, -1))


def _doubts(field: str, why: str) -> list[Doubt]:
    return [Doubt("column_guess", "item", why), Doubt("column_guess", field, why)]


def _body_doubts(record: Record) -> list[Doubt]:
    item = [p.strip() for p in paragraphs(record.item or "")]
    for f in ("before", "after"):
        paras = [p.strip() for p in paragraphs(getattr(record, f) or "")]
        if (
            item
            and paras
            and (m := _PIECE_THEN_TEXT.match(paras[0]) or _PIECE_ALONE.match(paras[0]))
            and (n := NUMBERED_HEADING.match(piece := m.group(1)))
            and n.end() < len(piece)  # words after the number (``1.`` alone numbers a list)
            and not is_heading_line(piece)
            and any(_completes(piece, p) for p in item[1:])
        ):
            return _doubts(
                f, f"the {f} cell opens with a piece of an item heading ({piece}): a line of the item?"
            )
        for p in paras[1:]:
            if INSTANCE_LINE.match(p):
                return _doubts(
                    f, f"the {f} cell holds a repeated block's name ({p}) after its text: the item's line?"
                )
            if item and p[:1] in _CIRCLED and not is_heading_line(p) and is_form_heading(p + item[-1]):
                return _doubts(f, f"the {f} cell holds a piece of the item's last heading ({p} | {item[-1]})")
    return []


def _inset_doubts(record: Record) -> list[Doubt]:
    for heading in record.item_path:
        for m in _INSET.finditer(heading):
            word = m.group(1)
            head = heading[: m.start()]
            if not head or is_form_heading(heading):
                continue
            for k in range(2, len(word)):
                if is_form_heading(head + word[k:]):
                    why = f"an item heading holds another cell's line ({word[:k]}) inside it"
                    return [Doubt("column_guess", "item", why)]
    return []


def _common_ending(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` end alike in."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _glued_sides_doubts(record: Record) -> list[Doubt]:
    sides = {f: (getattr(record, f) or "").strip() for f in ("before", "after")}
    full = [f for f, v in sides.items() if v]
    if len(full) != 1:
        return []
    for p in paragraphs(sides[full[0]]):
        sentences = [x.strip() for x in p.split("。") if x.strip()]
        for a, b in itertools.pairwise(sentences):
            if _common_ending(a, b) >= LIKE_ENDING_CHARS:
                why = f"the {full[0]} cell holds two sentences ending alike beside an empty cell: two cells?"
                return [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
    return []


def _twin_line_doubts(record: Record) -> list[Doubt]:
    for f in ("before", "after"):
        for p in paragraphs(getattr(record, f) or ""):
            half, sep, rest = p.strip().partition(" ")
            if sep and len(half) >= LIKE_ENDING_CHARS and half == rest.strip():
                why = f"the {f} cell holds one line twice ({half[:12]}): the other cell's line?"
                return [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
    return []


def _before_mark_doubts(record: Record) -> list[Doubt]:
    after = [p.strip() for p in paragraphs(record.after or "")]
    before = [p.strip() for p in paragraphs(record.before or "")]
    if before and not after and (m := _BEFORE_MARK_THEN_TEXT.match(before[0])):
        # The mirror (``記載なし 番号法第１９条…`` beside an empty after cell: the before mark and
        # the after cell's first line printed on one line, row-ordered text; set XXIV t05).
        why = (
            f"the before cell holds {m.group(1)}, a before cell's mark, then text, beside an empty after cell"
        )
        return [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
    if before or not after:
        return []
    if len(after) >= 2 and _BEFORE_MARK.match(after[0]):
        mark = after[0]
    elif m := _BEFORE_MARK_THEN_TEXT.match(after[0]):
        mark = m.group(1)
    else:
        return []
    why = f"the after cell opens with {mark}, a before cell's mark, beside an empty before cell"
    return [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]


def _kana_rest_doubts(record: Record) -> list[Doubt]:
    for f in ("before", "after"):
        for p in paragraphs(getattr(record, f) or ""):
            if m := _KANA_REST.search(p):
                why = f"the {f} cell ends a sentence, then a word's rest ({m.group(1)}): another cell's line?"
                return [Doubt("column_guess", f, why), Doubt("column_guess", "explanation", why)]
    return []


def _rest_doubts(record: Record, tokenizer: Tokenizer | None) -> list[Doubt]:
    expl = [p.strip() for p in paragraphs(record.explanation or "")]
    if not expl or not (_OPEN_REASON.search(expl[-1]) or ending_open(expl[-1], tokenizer) >= 1.0):
        return []
    for f in ("item", "before", "after"):
        for p in paragraphs(getattr(record, f) or ""):
            head, dot, rest = p.strip().rpartition("。")
            rest = rest.strip()
            if (
                head
                and dot
                and len(rest) <= REST_MAX_CHARS
                and _LETTER.search(rest)
                and ending_open(expl[-1] + rest, tokenizer) == 0
            ):
                why = f"the explanation ends open ({expl[-1][-6:]}) and the {f} cell holds its rest? ({rest})"
                return [Doubt("column_guess", "explanation", why), Doubt("column_guess", f, why)]
    return []


# A heading's opening after text on an item line (``…ファイ３．特定…``, ``…概要⑤本人…``).
_MID_HEADING = regex.compile(rf"(?<=\S)[ 　]*(?:[{_CIRCLED}]|[0-9０-９]{{1,2}}[．.])")
_SECTION = regex.compile(r"^[ⅠⅡⅢⅣⅤⅥ]")
# A section's name cut short by a wrap: the numeral and three characters or more, no space or
# bracket (``Ⅱ特定個人情報ファイ``; not ``Ⅳ`` alone nor ``Ⅱ　特定… （``).
_CUT_SECTION = regex.compile(r"^[ⅠⅡⅢⅣⅤⅥ][^\s　（(]{3,}$")
# The longest rest of a section's name wrapped in a narrow 大項目 (``ルの概要``, ``イルの取扱いプロセ``).
TAIL_MAX_CHARS = 16
INTERLEAVED_WHY = (
    "the item's lines each hold a heading after a piece of the section's name ({section!r}): the"
    " 項目's sub-columns read line by line, their order in the item a guess"
)


def _interleaved_doubts(record: Record) -> list[Doubt]:
    """``sub-columns interleaved`` of the module notes: an item line opening with a section whose
    name stops short of a heading of the form before a heading's opening (``Ⅱ特定個人情報ファイ
    ３．…``), while the section's rest (``ルの概要``) stands later in the item, on the next line's
    head or set inside a line (``…（委ルの概要託に伴う…``)."""
    item = record.item or ""
    for line in item.split("\n"):
        m = _MID_HEADING.search(line)
        if m is None or not _SECTION.match(line):
            continue
        section = line[: m.start()].strip()
        if not _CUT_SECTION.match(section) or is_form_heading(section):
            continue
        rest = "".join(item[item.index(line) + m.start() :].split())
        for i in range(len(rest)):
            for k in range(i + 1, min(i + TAIL_MAX_CHARS, len(rest)) + 1):
                if is_form_heading(whole := section + rest[i:k]):
                    return [Doubt("column_guess", "item", INTERLEAVED_WHY.format(section=whole))]
    return []


def item_tear_doubts(record: Record, tokenizer: Tokenizer | None = None) -> list[Doubt]:
    """Every check of the module notes on one record (text rows and PDFs alike: no truth row of
    the samples gives any of them)."""
    return (
        _body_doubts(record)
        or _inset_doubts(record)
        or _rest_doubts(record, tokenizer)
        or _kana_rest_doubts(record)
        or _glued_sides_doubts(record)
        or _twin_line_doubts(record)
        or _before_mark_doubts(record)
        or _interleaved_doubts(record)
    )
