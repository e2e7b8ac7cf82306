"""Checks of a row-ordered text row around the words that close an after cell (新規追加, 削除).

pypdfium2 and ``pdftotext -raw`` print a row's cells one after the other with no positions; an
added row's after cell reads only (上記を)新規追加 and a deleted row's only 削除 (issue 12).  Where
the reader's cut between the body cells and the explanation falls in the wrong place, these
words show it, and so do a few other pieces that no cell of their column holds.  Each returns
``column_guess`` or ``row_split_guess`` doubts:

* ``after the mark``: a before/after cell goes on after its closing 上記を新規追加 / 上記を削除 /
  新規追加 / 削除 and stops open, no later mark closing it (``…承認する。`` / ``上記を新規追加`` /
  ``画像データ化業務の一部を再``): the explanation's opening read into the body (a cell of several
  blocks closes each with its mark, ``…`` / ``上記を新規追加`` / ``＜…における措置＞`` / ``…`` /
  ``上記を新規追加``);
* ``added beside a before``: the after cell is only 新規追加 / 上記を新規追加 (an added row has
  no before text) while the before cell holds text (``ｅＬＴＡＸによる課税`` / ``新規追加`` /
  ``資料の受領開始に伴う追加``): the explanation's first paragraph read into the before cell;
* ``deleted open``: the after cell is only 削除 / 上記を削除 and the before cell's last paragraph
  ends open (``…委託契約の見直しに``: ``flags.ending_open``) or as a reason clause does
  (``…行わないこととしたため``): the explanation's first paragraph read into the before cell;
* ``heading in explanation``: a later paragraph of the explanation is a heading of the form
  (``組織改正による役職名の変更`` / ``②所属長の役職名``): the item's last heading read into it;
* ``bare attachment``: the item ends with an attachment's label alone (``別紙２``) while a body
  cell holds text (``事務の流れ ※保険税の…``): the label's title read into the body;
* ``item tail`` (any text row, ``-layout`` too): the body's first paragraph, holding no
  numeral, completes the item's last heading into a heading of the form
  (``５．特定個人情報の提供・移転`` + ``（委託に伴うものを除く。）``): the item's end read into the body;
* ``torn katakana``: a before (after) cell ends with katakana and the next cell opens with one
  katakana set apart by a space (``…システムサービ`` | ``ス ○○情報システム…``): one word torn
  between two cells;
* ``short explanation`` (any text row): an explanation of fewer than
  ``quality.explanation_min_chars`` characters (``時``): a fragment, its rest read elsewhere;
* ``placeholder apart``: a placeholder ○○ (two or more ○) alone as a paragraph (``○○`` /
  ``（ 市行政…``) or after its own municipal suffix standing alone (``…条例（ 市 ○○ 行政手続…``):
  the placeholder printed as a run of its own, read out of its place (the forms glue it to its
  word, ``○○市``);
* ``item holds a body paragraph``: a later line of the item is a whole paragraph (four or more
  characters) of the before or after cell (``表紙`` / ``評価書名`` / ``住民基本台帳に関する事務``):
  the body's text read into the item too;
* ``lone character`` (any text row): a text cell that opens with a paragraph of one letter,
  kana or kanji alone, more text after it (``時`` over an explanation: a piece of the header's
  wrapped 提出時 / 期; a wrap leaves a lone character at a paragraph's end, not at the cell's
  start); no row of the samples' truth has a one-character paragraph;
* ``timing piece`` (any text row): the explanation opens with 事, 前 or 後 alone, a space or a
  line after it (``後 時点修正``): a character of a 提出時期 value wrapped one character a line
  in a column one character wide (事 / 後), read into the explanation (samples/office-narrow25:
  what is left where ``normalize/grid/wrapped_timing.py`` could not pair the two characters);
* ``digit piece``: a paragraph of the explanation is only digits and date separators
  (``202`` / ``0ー`` / ``10ー1``): a date wrapped in a narrow column, read into this row
  (``row_split_guess``; ``shared_line_checks`` sees the pieces written with 令和 / 年 / 月).

Measured on the ``-raw`` / pypdfium2 rows of every tuning sample (``tools/bench_calibration.py``
rows, issue 12 branch calib14), wrong rows each check fires on (a row once per check): item tail
31, explanation pieces 24, marked body 18, short explanation 12, after the mark 10, bare
attachment 5, torn katakana 2, on a right row none (``-layout``: item tail 2, short explanation 2,
no right row).  Only for text read without positions (``RawRow.widths`` set, not ``positioned``),
like ``spill_checks``, but ``any_text_doubts``, for any text row.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record
from piatable.settings import QualitySettings
from piatable.vocabulary import BEFORE_MARK_PATTERN

from .cell_shapes import WHOLE_CELL_MARK
from .cut_checks import INSTANCE_LINE, is_heading_line
from .flags import ending_open
from .items import is_form_heading
from .mark_cells import mark_cell_doubts
from .tokenizer import Tokenizer

# The words that close an after cell, as a paragraph of their own.
_CLOSING_MARK = regex.compile(r"^(?:上記を)?(?:新規追加|追加|削除)[。．]?$")
_ADDED = regex.compile(r"^(?:上記を)?新規追加[。．]?$")
_DELETED = regex.compile(r"^(?:上記を)?削除[。．]?$")
# What an added row's before cell prints as its whole text (記載なし, －, 新規): no text the
# explanation's could be (set XXIV: 記載なし beside 上記を新規追加 warned 30 right rows of
# pypdfium2, -raw, pypdf and PyMuPDF text).
_BEFORE_MARK = regex.compile(rf"^{BEFORE_MARK_PATTERN}[。．]?$")
# A reason clause's end (…を行わなくなったため): how an explanation's reason ends.
_REASON_END = regex.compile(r"ため[。．]?$")
# Digits and date separators only (2020ー10ー1 wrapped as 202 / 0ー / 10ー1).
_DIGIT_PIECE = regex.compile(r"^[0-9０-９]{1,4}(?:[ー－\-/／.．][0-9０-９]{0,4}){0,2}$")

# A placeholder (○○) alone as a paragraph, or printed after its own municipal suffix standing
# alone (``（ 市 ○○ 行政…``, ``市役所 市 ○○民課``).  A ○○ set apart by a wrap's space
# (``〒123-4567 ○○ 市本町``) is right: 4 right rows of the tuning -raw texts were so.
_PLACEHOLDER_APART = regex.compile(r"(?m)^○{2,}$|(?:^|(?<=[\s（(]))[市町村県区][ 　]+○{2,}")
# One letter, kana or kanji alone.
_LONE_CHARACTER = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}\p{L}\p{N}]$")
# The shortest body paragraph an item line is compared with.
_ITEM_COPY_MIN = 4

# Any numeral: a body block's own numbered heading.
_NUMERAL = regex.compile(r"[0-9０-９①-⑳一二三四五六七八九十]")


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


def after_mark_doubts(record: Record, tokenizer: Tokenizer | None = None) -> list[Doubt]:
    """``after the mark`` (see the module notes)."""
    for field in ("before", "after"):
        paras = _paragraphs(getattr(record, field))
        k = next((k for k, p in enumerate(paras[:-1]) if _CLOSING_MARK.match(p)), None)
        # A cell of several blocks closes each with its mark (a later one stands last); one that
        # goes on after its mark and stops open holds the start of the explanation's sentence.
        if k is not None and not _CLOSING_MARK.match(paras[-1]) and ending_open(paras[-1], tokenizer) >= 1.0:
            why = f"the {field} cell goes on after its {paras[k]} ({paras[k + 1][:12]}): the explanation's?"
            return [Doubt("column_guess", field, why), Doubt("column_guess", "explanation", why)]
    return []


def marked_body_doubts(record: Record, tokenizer: Tokenizer | None = None) -> list[Doubt]:
    """``added beside a before`` and ``deleted open`` (see the module notes)."""
    after = _paragraphs(record.after)
    before = _paragraphs(record.before)
    if len(after) != 1 or not before:
        return []
    if _ADDED.match(after[0]) and not (len(before) == 1 and _BEFORE_MARK.match(before[0])):
        why = (
            f"the after cell is only {after[0]} beside a before text ({before[-1][:12]}): the explanation's?"
        )
    elif _DELETED.match(after[0]) and (
        _REASON_END.search(before[-1]) or ending_open(before[-1], tokenizer) >= 1.0
    ):
        why = f"a deleted row's before cell ends as the explanation would go on ({before[-1][-10:]})"
    else:
        return []
    return [Doubt("column_guess", "before", why), Doubt("column_guess", "explanation", why)]


def explanation_piece_doubts(record: Record) -> list[Doubt]:
    """``heading in explanation`` and ``digit piece`` (see the module notes)."""
    expl = _paragraphs(record.explanation)
    for p in expl[1:]:
        if INSTANCE_LINE.match(p) or is_heading_line(p):
            why = f"the explanation holds a heading of the form ({p[:12]}): the item's last heading?"
            return [Doubt("column_guess", "item", why), Doubt("column_guess", "explanation", why)]
    for p in expl:
        if _DIGIT_PIECE.match(p):
            why = f"the explanation holds a piece of a date ({p}): a row's date read into this row?"
            return [Doubt("row_split_guess", "explanation", why)]
    return []


def item_tail_doubts(record: Record) -> list[Doubt]:
    """``item tail``: the body's first paragraph completes the item's last heading
    (``５．特定個人情報の提供・移転`` + ``（委託に伴うものを除く。）`` is a heading of the form)."""
    body = next((f for f in ("before", "after") if _paragraphs(getattr(record, f))), "")
    if not body or not record.item_path:
        return []
    first = _paragraphs(getattr(record, body))[0]
    # A numbered sub-heading (（１．研修）) opens a body cell's block; the tail of a heading has none.
    # A whole-cell mark (（新規）) is a cell of its own, no heading's tail.
    if _NUMERAL.search(first) or WHOLE_CELL_MARK.match(first):
        return []
    if not is_form_heading(record.item_path[-1] + first):
        return []
    why = f"the {body} cell opens with the rest of the item's last heading ({first[:12]})"
    return [Doubt("column_guess", "item", why), Doubt("column_guess", body, why)]


# An attachment's label alone (別紙２, （別添１）): the forms print its title after it.
_BARE_ATTACHMENT = regex.compile(r"^[（(]?別[紙添表][0-9０-９]{1,2}[）)]?$")


def bare_attachment_doubts(record: Record) -> list[Doubt]:
    """``bare attachment``: the item ends with an attachment's label alone (``別紙２``) while a
    body cell holds text: the label's title (``事務の流れ``) is likely the body's opening."""
    if not record.item_path or not _BARE_ATTACHMENT.match(record.item_path[-1]):
        return []
    body = next((f for f in ("before", "after") if _paragraphs(getattr(record, f))), "")
    if not body:
        return []
    why = f"the item ends with {record.item_path[-1]} alone: its title opening the {body} cell?"
    return [Doubt("column_guess", "item", why), Doubt("column_guess", body, why)]


def placeholder_doubts(record: Record) -> list[Doubt]:
    """``placeholder apart`` (see the module notes)."""
    for field in ("item", "before", "after", "explanation"):
        m = _PLACEHOLDER_APART.search(getattr(record, field) or "")
        if m:
            text = getattr(record, field)
            near = text[max(0, m.start() - 4) : m.end() + 4]
            why = f"the placeholder {m.group(0)} stands apart from its word ({near!r}): read out of its place"
            return [Doubt("column_guess", field, why)]
    return []


def item_copy_doubts(record: Record) -> list[Doubt]:
    """``item holds a body paragraph`` (see the module notes)."""
    body = {
        "".join(p.split()): f
        for f in ("before", "after")
        for p in _paragraphs(getattr(record, f))
        if len("".join(p.split())) >= _ITEM_COPY_MIN
    }
    for line in _paragraphs(record.item)[1:]:
        field = body.get("".join(line.split()))
        # A repeated block's label (提供先２, 委託事項３) or a heading of the form ends an item and
        # opens its before / after cells as well: the filings print it in both.
        if field and not (INSTANCE_LINE.match(line.strip()) or is_heading_line(line.strip())):
            why = f"a line of the item ({line[:16]!r}) is a whole paragraph of the {field} cell"
            return [Doubt("column_guess", "item", why), Doubt("column_guess", field, why)]
    return []


def mark_doubts(record: Record, tokenizer: Tokenizer | None = None) -> list[Doubt]:
    """Every check of this module but those of ``any_text_doubts`` (for a text row read
    without positions)."""
    return (
        bare_attachment_doubts(record)
        + after_mark_doubts(record, tokenizer)
        + marked_body_doubts(record, tokenizer)
        + explanation_piece_doubts(record)
        + torn_katakana_doubts(record)
        + placeholder_doubts(record)
        + item_copy_doubts(record)
        + mark_cell_doubts(record)
    )


# A cell ending with katakana, and the next opening with one katakana set apart by a space
# (``…システムサービ`` | ``ス ○○情報システム…``): one katakana word torn between two cells.
_KATAKANA_END = regex.compile(r"\p{Katakana}$")
# A list's first marker (ア…, イ of イロハ…) opens a cell so too: not a torn piece.
_LONE_KATAKANA_OPENING = regex.compile(r"^(?![アイ])[\p{Katakana}ー][ 　]")


def torn_katakana_doubts(record: Record) -> list[Doubt]:
    """``torn katakana`` (see the module notes)."""
    for a, b in (("before", "after"), ("after", "explanation")):
        end, start = (getattr(record, a) or "").strip(), (getattr(record, b) or "").strip()
        if end and _KATAKANA_END.search(end) and _LONE_KATAKANA_OPENING.match(start):
            why = f"a katakana word torn between the {a} and {b} cells ({end[-4:]}|{start[0]})"
            return [Doubt("column_guess", a, why), Doubt("column_guess", b, why)]
    return []


def short_explanation_doubts(record: Record, q: QualitySettings) -> list[Doubt]:
    """``short explanation``: an explanation of fewer than ``quality.explanation_min_chars``
    characters (``時``): a fragment of one, its rest read elsewhere."""
    text = "".join((record.explanation or "").split())
    if not text or len(text) >= q.explanation_min_chars:
        return []
    return [Doubt("column_guess", "explanation", f"the explanation is only {text!r}: a fragment of one?")]


def lone_character_doubts(record: Record) -> list[Doubt]:
    """``lone character`` (see the module notes)."""
    for field in ("item", "before", "after", "explanation"):
        paras = _paragraphs(getattr(record, field))
        lone = paras[0] if len(paras) > 1 and _LONE_CHARACTER.match(paras[0]) else None
        if lone:
            why = f"a paragraph of the {field} cell is {lone!r} alone: a piece torn from a word elsewhere"
            return [Doubt("column_guess", field, why)]
    return []


# 事, 前 or 後 alone at the explanation's start, then a space or a line break.
_TIMING_PIECE = regex.compile(r"^[事前後](?:[ 　]+|\n)\S")


# The explanation opening with what a 提出時期 cell prints other than 事前 / 事後 (branch timing60):
# the words with 提出 (事後に提出, a -layout reader's 提出時期 column placed right of them), or a
# lone mark of a two-column 提出時期 (○, ✓ … then a space or a line break: row-ordered text prints
# the mark where the timing goes, its column unknown).
_TIMING_PRINT = regex.compile(r"^(?:事[前後](?:に)?提出|事[前後][（(]提出[)）]|[○◯〇●✓✔レ＊](?:[ 　]+|\n)\S)")


def timing_piece_doubts(record: Record) -> list[Doubt]:
    """``timing piece`` (see the module notes), or the explanation opening with a 提出時期's print
    (``_TIMING_PRINT``): ``column_guess`` on the 提出時期."""
    text = (record.explanation or "").lstrip()
    if m := _TIMING_PRINT.match(text):
        why = f"the explanation opens with {m.group(0)[:5].strip()!r}, what a 提出時期 prints: read into it?"
        return [Doubt("column_guess", "timing", why)]
    if not _TIMING_PIECE.match(text):
        return []
    why = f"the explanation opens with {text[0]!r} alone: a piece of 事前/事後 wrapped a character a line?"
    return [Doubt("column_guess", "timing", why)]


def any_text_doubts(record: Record, q: QualitySettings) -> list[Doubt]:
    """The checks of this module for any text row (``-layout`` too): item tail, short
    explanation, lone character, timing piece."""
    return (
        item_tail_doubts(record)
        + short_explanation_doubts(record, q)
        + lone_character_doubts(record)
        + timing_piece_doubts(record)
    )
