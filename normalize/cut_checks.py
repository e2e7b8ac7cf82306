"""Checks of the cuts between a flattened-text row's wrapped cells, line by line.

A text reader that is given no positions cuts a row's wrapped lines into item / before / after /
explanation (``partition``, ``singlepass.split_row_scored``); where it cuts wrongly, lines move
across a boundary.  These checks look at each boundary the text itself did not mark (a 事前/事後
printed between the after and the explanation marks that one) and return ``column_guess`` doubts
for the two cells on either side when the boundary shows it is in the wrong place:

* ``word``: the last line of one cell and the first line of the next make one word
  (``…住民の居住関`` | ``係の公証…``, ``…データセ`` | ``ンター…``): a line wrapped inside a word,
  which happens inside a cell, never between two (the line before the cut is at least as wide
  as the one after, as a wrapped line is);
* ``bracket``: the explanation opens with a closing bracket or a character kept off a line's
  start, or closes a bracket it never opened (``・電子申請機能）``): the rest of the after cell;
* ``placed``: the explanation opens with what only a before/after cell holds (a choice
  ``[ 再委託する ]``, 上記を新規追加 or 削除), or with a heading of the form (``委託事項２``, the
  item's last line); the item's last paragraph ends like an explanation (…に伴う修正, …の変更);
* ``repeat``: at least ``quality.explanation_repeat_share`` of the explanation's character
  pairs are the before cell's, and it does not end as explanations do (…に伴う修正, …の変更):
  an explanation says why, it does not repeat the before text; the after cell's tail (which
  shares the before text) was read as the explanation.

Measured (``tools/bench_calibration.py``, every tuning sample, office-passone among them): these checks
(and ``passone.close_cut_doubts``) put their evidence on 268 wrong rows and no right one (the
word check: 119; explanation opening with a heading 35, with an after cell's text 30; item
ending like an explanation 29; repeat 23; bracket 17; heading and value 9); on the held-out
sets, 108 wrong rows and 2 right ones.  The boundary row-ordered text marks with its timing is
left alone (a repeat there fired on 22 right rows).  Only for text read without positions
(``RawRow.widths`` set): a PDF's or a scan's cells come from the page's geometry.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import pairwise

import regex

from piatable.models import CellLine, Doubt, RawRow, Record
from piatable.settings import QualitySettings
from piatable.vocabulary import SECTION_NUMERALS

from .chars import NO_LINE_START, bigrams, display_width, paragraphs, starts_paragraph
from .items import INSTANCE_LINE, MIN_BARE_HEADING_CHARS, heading_score, is_form_heading
from .partition import BlockScorer
from .rejoin import same_printed_line
from .tokenizer import Tokenizer, default_tokenizer, word_spans_break

# The margin (cost units) of a cut that no other place could take.
MARGIN_CAP = 9.0
TEXT_CELLS = ("item", "before", "after", "explanation")
# What only a before / after cell opens with: a choice of the form (``[ 再委託する ]``), and the
# words that close an after cell (上記を新規追加, 削除).
_CHOICE = regex.compile(r"^[\[［][^\]］]{1,40}[\]］]")
_CLOSING = regex.compile(r"^(?:上記を)?(?:新規追加|削除)(?:[ 　]|$)")
# A paragraph that is a numbered heading of the form (①部署, ２．…), not a bracketed note; how
# an explanation ends (…に伴う修正, …による追記, 重大な変更に該当しない).
NUMBERED_HEADING = regex.compile(r"^[①-⑳]|^[0-9０-９]{1,2}[．.]")
EXPLANATION_END = regex.compile(r"(?:に伴う|による|のため)(?:修正|追加|追記|変更|削除|見直し)$|該当しない$")
# Characters at a paragraph's end that a ``$``-anchored ending without lookbehind
# (``EXPLANATION_END``: at most 6 characters and a final newline) is searched in by ``ends_so``.
ENDING_WINDOW = 16
# A paragraph that opens with a heading, then a space and another cell's value
# (``②対象となる本人の数 10万人以上100万人未満``).
_HEAD_THEN_VALUE = regex.compile(r"^(\S+)[ 　]+\S")
_CHANGE_END = regex.compile(r"(?:変更|修正|追加|追記|削除)$")
_CLOSERS = frozenset("）)」』】〕］]＞>")
# Each closing bracket's opener.
_OPENERS = dict(zip("）)」』】〕］]＞>", "（(「『【〔［[＜<", strict=True))


def _separated(row: RawRow, a: list[CellLine], b: list[CellLine]) -> bool:
    """Whether a timing is printed between the last line of ``a`` and the first of ``b``, or on
    the printed line of either (the text marks that boundary itself: row-ordered text)."""
    lo, hi = (a[-1].page, a[-1].line_no), (b[0].page, b[0].line_no)
    return any(lo <= (cl.page, cl.line_no) <= hi for cl in row.cells.get("timing") or [])


def _closes_unopened(text: str) -> bool:
    depth: dict[str, int] = {}
    for ch in text:
        if ch in _OPENERS.values():
            depth[ch] = depth.get(ch, 0) + 1
        elif ch in _OPENERS:
            o = _OPENERS[ch]
            if depth.get(o, 0) == 0:
                return True
            depth[o] -= 1
    return False


def _doubts(a_key: str, b_key: str, why: str) -> list[Doubt]:
    return [Doubt("column_guess", a_key, why), Doubt("column_guess", b_key, why)]


def cut_line_doubts(row: RawRow, q: QualitySettings, tokenizer: Tokenizer | None = None) -> list[Doubt]:
    """``column_guess`` doubts (on both cells of a boundary) where a text row's cut between two
    wrapped cells shows it is in the wrong place (see the module notes); [] for rows read from a
    page's geometry."""
    if not any(row.widths.values()) or any(d.kind == "column_order" for d in row.doubts):
        # Geometry placed the cells, or they were paired with rows column by column (no cut).
        return []
    cells = [(k, row.cells.get(k) or []) for k in TEXT_CELLS]
    cells = [(k, c) for k, c in cells if c]
    out: list[Doubt] = []
    tok = tokenizer or default_tokenizer()
    for (ka, a), (kb, b) in pairwise(cells):
        if (
            same_printed_line(a[-1], b[0])
            or (b[0].page, b[0].line_no) < (a[-1].page, a[-1].line_no)
            or _separated(row, a, b)
        ):
            # One printed line, a cell read apart (pass 1), or a boundary the text marks.
            continue
        last, first = a[-1].text, b[0].text
        if (
            not starts_paragraph(first)
            and display_width(last) >= display_width(first)
            and not _digit_then_zero(last, first)
            and not heading_ends_item(ka, last, first)
            and word_spans_break(tok, last, first)
        ):
            why = f"{word_why(ka, kb)} ({last[-4:]}|{first[:4]})"
            out += _doubts(ka, kb, why)
            continue
        if kb != "explanation":
            continue
        text = "".join(cl.text for cl in b)
        if first[:1] in _CLOSERS or (first[:1] in NO_LINE_START and not starts_paragraph(first)):
            out += _doubts(ka, kb, f"the explanation opens with {first[:1]}: the rest of the {ka} cell?")
        elif _closes_unopened(text):
            out += _doubts(ka, kb, f"the explanation closes a bracket it never opened ({text[:10]}…)")
        else:
            before = "".join(cl.text for cl in row.cells.get("before") or [])
            pairs = bigrams(text)
            ends_as_explanation = EXPLANATION_END.search(text) or _CHANGE_END.search(text)
            if (
                pairs
                and not ends_as_explanation
                and len(pairs & bigrams(before)) / len(pairs) >= q.explanation_repeat_share
            ):
                out += _doubts(ka, kb, f"the explanation repeats the before cell's text ({text[:10]}…)")
    return out


def _side_by_side(row: RawRow, a: str, b: str) -> bool:
    """Whether the last line of cell ``a`` of a row cut by positions (``-layout`` text) stands
    on the printed line of cell ``b``'s first: two cells side by side, set apart by the text's
    own spacing, not a line wrapped inside a word."""
    la, lb = row.cells.get(a) or [], row.cells.get(b) or []
    return row.positioned and bool(la) and bool(lb) and same_printed_line(la[-1], lb[0])


def torn_word_doubts(row: RawRow, record: Record, tokenizer: Tokenizer | None = None) -> list[Doubt]:
    """``column_guess`` on both cells where one text cell's last line and the next non-empty
    cell's first line make one word (``…通知対象`` | ``者の情報…``), whatever order the extractor
    printed them in (``cut_line_doubts`` looks only at lines printed one after the other; a
    pass-1 cell of Calc text comes before the row's wrapped lines).  A cell never ends inside a
    word that the next cell finishes.  Measured on the tuning samples' text rows: 120 wrong rows,
    0 right; text rows only (``RawRow.widths`` set).  A cell's last line beside the next cell's first
    line in ``-layout`` text tears nothing (``_side_by_side``: ``有`` | ``無``, ``3/15`` | ``4/1``
    side by side had warned 11 right rows of samples/office-values44 and no wrong one)."""
    if not any(row.widths.values()):
        return []
    tok = tokenizer or default_tokenizer()
    order = [f for f in TEXT_CELLS if (getattr(record, f) or "").strip()]
    out: list[Doubt] = []
    for a, b in [*pairwise(order), *_printed_in_turn(row, order)]:
        last = getattr(record, a).strip().split("\n")[-1]
        first = getattr(record, b).strip().split("\n")[0]
        if _side_by_side(row, a, b):
            continue
        if _digit_then_zero(last, first) or heading_ends_item(a, last, first):
            continue
        if not starts_paragraph(first) and word_spans_break(tok, last, first):
            out += _doubts(a, b, f"{word_why(a, b)} ({last[-4:]}|{first[:4]})")
    return out


def _printed_in_turn(row: RawRow, order: list[str]) -> list[tuple[str, str]]:
    """Pairs of text cells (``a`` before ``b`` in column order, not next to each other in
    ``order``) whose lines the text prints one right after the other: ``a``'s last line, then
    ``b``'s first on the next line of the page.  A cell between them was read from another
    printed line (a pass-1 line ``削除 事前`` of column-ordered pypdf text), so the stream runs
    from ``a`` into ``b``: a word torn there is torn between them (set XX t08 pypdf-join0:
    ``…⑤物理的対`` | ``策に統合したため``)."""
    out: list[tuple[str, str]] = []
    for i, a in enumerate(order):
        for b in order[i + 2 :]:
            la, lb = row.cells.get(a) or [], row.cells.get(b) or []
            if not la or not lb or la[-1].line_no is None or lb[0].line_no is None:
                continue
            if la[-1].page == lb[0].page and lb[0].line_no == la[-1].line_no + 1:
                out.append((a, b))
    return out


# An Arabic digit closing a cell and the ideographic zero 〇 opening the next (``…5111`` |
# ``〇〇市…``): the tokenizer reads them as one number, but print never mixes the two in one
# number; 〇〇 is a name left out (伏字).  Set VIII: 15 right rows of -raw, pypdfium2, pdfminer
# and -layout text had been warned for it, no wrong one.
_DIGIT_END = regex.compile(r"[0-9０-９]$")


# A whole numeric date closing a cell (``2022.4.1``, ``２０２２/４/１``) and a year opening the next
# (``2023.4.1…``, ``2023年``): two dates side by side (before | after), not one number torn; a day
# torn after its first digit leaves no year after it.  Set IX c4 pypdfium2 / -raw: 2 right rows.
_WHOLE_DATE_END = regex.compile(r"[0-9０-９]{4}[./／．][0-9０-９]{1,2}[./／．][0-9０-９]{1,2}$")
_YEAR_START = regex.compile(r"^[0-9０-９]{4}[./／．年]")


def _digit_then_zero(last: str, first: str) -> bool:
    """A number closing a cell beside 〇〇 (伏字) or beside another date: no word torn."""
    if _WHOLE_DATE_END.search(last) and _YEAR_START.match(first):
        return True
    return bool(_DIGIT_END.search(last)) and first.startswith("〇")


def heading_ends_item(cell: str, last: str, first: str) -> bool:
    """Whether ``cell`` is the item and its last line ``last`` is a whole heading of the form
    (``heading_score`` 1: ``①連絡先``, ``①実施日``) that no opening of the next cell's first line
    ``first`` (up to ``_LONGEST_HEADING_TAIL`` characters) makes a longer heading of: the item
    ends there, so a word the tokenizer finds across the cut (``①連絡先`` | ``住民基本…`` read
    as 先住民; ``①入手元`` | ``年１回、`` as 元年) is no word torn.  Set XXIV: 36 right rows
    of pypdfium2, -raw, pypdf, mupdf and -layout text were warned for it, 7 wrong rows (each
    with another warning)."""
    if cell != "item" or heading_score(last) < 1.0:
        return False
    return not any(is_form_heading(last + first[:n]) for n in range(1, _LONGEST_HEADING_TAIL + 1))


def word_why(a: str, b: str) -> str:
    """The words of a torn-word doubt between cells ``a`` and ``b`` (without the example)."""
    return f"a word runs on from the {a} cell into the {b} cell"


def cut_margins(scorer: BlockScorer, item: int, before: int) -> tuple[float, float]:
    """(item/before, before/after) margins of a partition's cut (``scorer``'s lines cut at
    ``item`` and ``before``): how much more the best reading that moves only that boundary
    costs (``MARGIN_CAP`` when no other place is possible)."""
    n, base = scorer.n, scorer.cost(item, before)
    lo = 1 if scorer.n and scorer.t[0][:1] in SECTION_NUMERALS else 0
    ib = [scorer.cost(k, before) - base for k in range(lo, before + 1) if k != item]
    ba = [scorer.cost(item, k) - base for k in range(item, n + 1) if k != before]
    return min([MARGIN_CAP, *ib]), min([MARGIN_CAP, *ba])


def is_heading_line(p: str) -> bool:
    """A paragraph that is a heading of the form (numbered, or listed in the headings)."""
    return is_form_heading(p) or (bool(NUMBERED_HEADING.match(p)) and heading_score(p) >= 1.0)


# An unnumbered heading's value opens with a number (使用者数 50人以上…, いつ時点の計数か 平成31年…)
# or is set apart by a space.
_VALUE_START = regex.compile(r"[ 　]*[0-9０-９]|[ 　]+\S")
# The first character of any match of _VALUE_START.
_VALUE_FIRST = regex.compile(r"[ 　0-9０-９]")
# The same characters as a set: the places the pattern is tried at (the others cannot start it).
_VALUE_FIRST_CHARS = frozenset(" 　0123456789０１２３４５６７８９")
# The longest unnumbered heading looked for at a paragraph's start, in characters.
_LONGEST_BARE_HEADING = 30


def ends_so(pattern: regex.Pattern[str], paragraph: str) -> bool:
    """``pattern`` (``$``-anchored, no lookbehind, shorter than ``ENDING_WINDOW``) found at the end
    of ``paragraph``: the whole paragraph's verdict, without trying it at each character."""
    return pattern.search(paragraph[-ENDING_WINDOW:]) is not None


def bare_heading_before_value(paragraph: str) -> str:
    """The heading of the form (the lexicon's, unnumbered: ``使用者数``, ``いつ時点の計数か``)
    that opens ``paragraph`` directly before a number or after a space and more text, or ``""``:
    the item's last heading read into the before / after cell with its value.  No truth
    before / after cell of the samples (626 tuning, 429 held-out) opens so; ``使用開始日から…``,
    a heading word running on in a sentence, does not count."""
    last = min(len(paragraph) - 1, _LONGEST_BARE_HEADING)
    if not _VALUE_FIRST.search(paragraph, MIN_BARE_HEADING_CHARS, last + 1):
        return ""  # no value can start at any place looked at
    for n in range(last, MIN_BARE_HEADING_CHARS - 1, -1):
        if (
            paragraph[n] in _VALUE_FIRST_CHARS
            and _VALUE_START.match(paragraph, n)
            and is_form_heading(paragraph[:n])
        ):
            return paragraph[:n]
    return ""


# A paragraph's numbering: a circled numeral, or a number closed by ．/.) (``（２．``, ``２．``,
# ``(3)``), in brackets or not.
_PARAGRAPH_NUMBER = regex.compile(r"^[（(＜<]?(?:([①-⑳])|([0-9０-９]{1,2})[．.）)])")


def _numbering(paragraph: str) -> tuple[int, str] | None:
    """(the number, its style: the opening bracket and circled or not) of a numbered paragraph."""
    m = _PARAGRAPH_NUMBER.match(paragraph)
    if not m:
        return None
    if m.group(1):
        return ord(m.group(1)) - ord("①") + 1, "c" + paragraph[:1]
    return int(unicodedata.normalize("NFKC", m.group(2))), "d" + paragraph[:1]


def torn_numbering(before: Sequence[str], after: Sequence[str]) -> str:
    """``"k→k+1"`` when the after cell opens with paragraph k+1 of a list (k+1 ≥ 2) whose
    paragraph k, in the same style, is the before cell's last numbered one (``（１．…`` /
    ``（２．…``): one list cut in two between the cells, which prints its list whole; else
    ``""``.  No truth row of the samples has one (6,502 tuning rows, 3,184 held-out)."""
    if not before or not after:
        return ""
    first = _numbering(after[0])
    if not first or first[0] < 2:
        return ""
    same = [n for p in before if (n := _numbering(p)) and n[1] == first[1]]
    return f"{same[-1][0]}→{first[0]}" if same and same[-1][0] == first[0] - 1 else ""


# The longest tail of a wrapped heading looked for in another cell, in characters.
_LONGEST_HEADING_TAIL = 8


def _heading_tail(item: Sequence[str], paras: Sequence[str]) -> str:
    """The first or last paragraph of a before / after cell (``paras``) that completes the item's
    last heading (``③委託先における取扱者`` + ``数``, ``①実施`` + ``日``) when that heading alone
    is not whole: the tail of a wrapped heading read into the body cell.  No truth row of the
    samples has one (12,018 tuning and 5,903 held-out before/after cells).  A paragraph opening
    with a numbering (``①法令上の根拠`` under ``移転先５``) is a heading of its own, never the end of
    a wrapped one: a whole block added or deleted prints its sub-headings so (branch honest55)."""
    if not item or not paras or heading_score(item[-1]) >= 1.0:
        return ""
    for q in dict.fromkeys((paras[0], paras[-1])):
        if NUMBERED_HEADING.match(q):
            continue
        if len(q) <= _LONGEST_HEADING_TAIL and heading_score(item[-1] + q) >= 1.0:
            return q
    return ""


def placed_doubts(record: Record, ruled: bool = False, settled: bool = False) -> list[Doubt]:
    """``column_guess`` doubts where a cell opens or ends with another column's kind of text
    (``placed`` in the module notes).  ``ruled``: the row's cells lie between drawn rulings (a
    PDF's or a scan's grid), so an explanation that opens with 新規追加 or a choice is printed in
    the explanation's own cell, not read into it (a new user's Calc table prints 新規追加 as
    the explanation of added rows: right rows were warned).  ``settled``: the print placed the
    explanation's first line (``-layout`` columns, or row-ordered text printing it after the
    row's own 提出時期): an explanation opening with 新規追加 / 削除 is no doubt there either
    (set XXXI t03: ``事後 削除`` / ``重要な変更にあたらない``, 45 right rows warned by it alone)."""
    expl, item = paragraphs(record.explanation), paragraphs(record.item)
    out: list[Doubt] = []
    first = expl[0] if expl else ""
    closing = _CLOSING.match(first) and not settled
    if first and not ruled and (_CHOICE.match(first) or closing):
        why = f"the explanation opens with an after cell's text ({first[:12]})"
        out += _doubts("after", "explanation", why)
    elif first and (INSTANCE_LINE.match(first) or is_heading_line(first)):
        why = f"the explanation opens with a heading of the form ({first[:12]})"
        out += _doubts("item", "explanation", why)
    for f in ("before", "after"):
        paras = paragraphs(getattr(record, f))
        m = _HEAD_THEN_VALUE.match(paras[0]) if paras else None
        if m and NUMBERED_HEADING.match(m.group(1)) and is_heading_line(m.group(1)):
            why = f"the {f} cell opens with a heading of the form and a value ({paras[0][:16]})"
            out += _doubts("item", f, why)
            break
        # The heading may be wrapped over the cell's first two lines (``②対象となる本人`` / ``の数10万人…``);
        # a second paragraph opening with a numbering is a heading of its own, never a wrapped
        # one's tail (a whole block added or deleted: ``システム４`` / ``①システムの名称 団体内…``,
        # set XXII: 10 right rows warned by the two read as one heading, no wrong row alone).
        wrapped = len(paras) > 1 and not is_form_heading(paras[0]) and not NUMBERED_HEADING.match(paras[1])
        opening = "".join(paras[:2] if wrapped else paras[:1])
        head = bare_heading_before_value(opening)
        if head:
            why = f"the {f} cell opens with the heading {head!r} and a value ({paras[0][:16]})"
            out += _doubts("item", f, why)
            break
        tail = _heading_tail(item, paras)
        if tail:
            why = f"the item's last heading ends in the {f} cell ({item[-1][-8:]} + {tail})"
            out += _doubts("item", f, why)
            break
    torn = torn_numbering(paragraphs(record.before), paragraphs(record.after))
    if torn:
        out += _doubts(
            "before", "after", f"one numbered list runs on from the before cell into the after ({torn})"
        )
    if len(item) > 1 and (EXPLANATION_END.search(item[-1]) or _CHANGE_END.search(item[-1])):
        out += _doubts("item", "explanation", f"the item ends like an explanation ({item[-1][-12:]})")
    return out
