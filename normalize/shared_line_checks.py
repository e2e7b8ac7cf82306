"""Checks of a flattened-text row's cells for pieces of other cells printed on one line.

pypdfium2 and ``pdftotext -raw`` put the cells printed on one baseline on one line, a space
between them.  Where cells are centred or at the foot of their row (LibreOffice Calc and
Writer tables), the one-line cells share a line with the last (or middle) line of the long
ones, and the row's cuts may keep two cells' pieces together or give a cell's opening lines to
the next column.  Each check returns ``column_guess`` or ``row_split_guess`` doubts (issue 12:
a row whose cut is in doubt must say so):

* ``closing``: a before/after paragraph in which 削除 or (上記を)新規追加, words that close an
  after cell, are followed on their line by more text (``削除 委託契約の見直しにより…``): the
  explanation printed beside them; or any text cell's paragraph in which such a word stands as a
  piece of its own after other text (``[ ]承認を受ける 削除 事``: a one-line after cell beside the
  before cell's last line; no paragraph of the samples' truth holds one so);
* ``shared``: the explanation's first paragraph is two pieces a cell gap apart, the second
  worded as an explanation ends (``…実施する。 外部監査の導入に伴う追記``): the after cell's
  last line beside the explanation; not where the gap falls inside a word or a phrase
  (``VRS の運用に伴 う追記``, ``自己点検の実施方法 の見直し…``: the explanation's own line
  wrapped and joined with a space; no cell ends inside a word the next one finishes, as
  ``cut_checks.torn_word_doubts`` holds; branch warn74, figures in docs/quality.md); or the
  after cell's last paragraph ends with such a piece
  (``[ 100人以上 ] 支所における…に伴う…の増加``);
* ``leaf``: the before cell (the after cell when the before is empty) opens with a heading of
  the form (``委託事項２``, ``⑥委託先名``) while the item holds no such heading at its end: the
  item's last lines read into the body;
* ``date piece``: a paragraph of the explanation is a piece of a wrapped date (``令和`` /
  ``２年``): the next row's date, read into this row;
* ``label``: a paragraph of the explanation opens with an attachment's label or 表紙 (``別紙２``,
  ``別添１ 事務の内容``): an item printed in pass 1 (Calc draws a one-line item with the row's
  one-line cells), read into another row; no explanation of the samples' truth opens so;
* ``alike``: the before and after cells are more alike (the Jaccard index of their character
  bigrams rises by over ``BEFORE_AFTER_ALIKE_GAIN``) with one paragraph moved across the cut
  between them (``・…管理簿により管理している。`` / ``・サーバー室には監視カメラを…``): the cut
  between two paragraphs of one list is a guess, and the after cell is most often the before
  cell amended.  Measured on the row-ordered texts of the tuning office sets (after the mends
  of ``shared_lines``): it fires on 83 rows whose before/after cells are wrong (22 of them
  warned by nothing else) and on 2 right rows of 962;
* ``one-sided``: exactly one of before and after holds text and no 新規追加 / 削除 says which
  (row-ordered text only: an empty cell prints nothing, so nothing tells a lone before cell from
  a lone after cell).  The explanation's wording is the evidence left: a lone after cell under
  an explanation that speaks of adding (…追加 / 新設 / 新規 / 追記 / 開始, ``ADDITION_REASON``)
  and not of removing, or a lone before cell under one that speaks of removing (…削除 / 廃止 /
  取りやめ / 行わない, ``DELETION_REASON``) and not of adding, agrees: a confidence-only
  ``cut_guess`` (a new user's LibreOffice tables, not in the repo, showed it firing on right rows
  whose before cell is truly empty).  Where the wording says neither, or says the other side
  (a deletion row read as an addition: issue 12's unseen set G had such rows at confidence 0.7
  with no warning), the row gets ``column_guess`` and a ``cut_guess`` (its confidence below one
  half).  Measured on the row-ordered texts of the tuning office sets (samples/office*): of 181
  one-sided rows whose explanation says neither, 169 had the text in the wrong cell; of 68 that
  agree, 21; of 4 that say the other side, none (their other cells were wrong as well).

The item/body cut's checks of ``stream_cut_checks`` (a body cell opening with the item's next
heading, an item ending with a value) run here too.

Measured on the flattened texts of every tuning sample (3,976 rows read, before the mends of
``shared_lines``; rows aligned as ``tools/eval_text.py`` does): ``closing`` fires on 8 wrong rows,
``shared`` on 74, ``leaf`` on 58, ``date piece`` on 2, and none of them on a right row;
``one-sided`` on 93 wrong rows and 4 right ones.  Most of those rows were warned already; the
checks warn 24 more wrong rows and 2 more right ones.  Only for text read without positions
(``RawRow.widths`` set, ``RawRow.positioned`` not: a ``-layout`` text's cells are cut by their
offsets), never for column-ordered text (its own checks weigh its cuts).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow, Record
from piatable.text_thresholds import BEFORE_AFTER_ALIKE_GAIN, SHARED_EXPLANATION_MIN_CHARS
from piatable.vocabulary import ATTACHMENT_OPENING_PATTERN, COVER_LABEL, EXPLANATION_ENDING

from .block_lines import opens_block_body
from .cut_checks import INSTANCE_LINE, is_heading_line
from .passone import BEFORE_AFTER_CUT_WHY, ITEM_CUT_WHY
from .period_lines import period_goes_on
from .phrase_openings import starts_mid_phrase
from .stream_cut_checks import stream_cut_doubts
from .tokenizer import default_tokenizer, word_spans_break
from .twin_openings import twin_opening_doubts

_WHITE = regex.compile(r"\s+")
# 削除 / (上記を)新規追加 and then, a space apart, more text on the same line.
_CLOSING_THEN_TEXT = regex.compile(r"^(?:上記を)?(?:新規追加|削除)[ 　]+\S")
# Text and then, a space apart, 削除 / (上記を)新規追加 as a piece of its own (``[ ]承認を受ける 削除 事``:
# a one-line after cell printed beside the before cell's last line and the timing's first piece).
_TEXT_THEN_CLOSING = regex.compile(r"\S[ 　]+(?:上記を)?(?:新規追加|削除)(?:[ 　]|$)")
# A heading and then, a space apart, 上記を新規追加 (the item's last line beside the after cell).
_HEADING_THEN_ADDITION = regex.compile(r"^(\S+)[ 　]+(?:上記を)?新規追加$")
# A half-width space between Japanese text: a gap between two cells printed on one line.
CELL_GAP = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}ー々〆、。）」』】＞〕\]］Ａ-Ｚａ-ｚ０-９]) +"
    r"(?=[\p{Han}\p{Hiragana}\p{Katakana}々〆（「『【＜〔\[［Ａ-Ｚａ-ｚ])"
)
# Where an item path ends in a heading of the lowest level (①…⑳, 委託事項N): its leaf.
LEAF = regex.compile(r"^(?:[①-⑳]|(?:提供先|移転先|再委託事項|委託事項|システム)[0-9０-９]{1,2})")
# A piece of a date wrapped in a narrow column (令和 / ２年 / 4月1日).
_DATE_PIECE = regex.compile(
    r"^(?:(?:令和|平成|昭和)(?:[0-9０-９]{1,2}|元)?年?"
    r"|(?:[0-9０-９]{1,2}|元)年(?:[0-9０-９]{1,2}月)?"
    r"|[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)$"
)
_EDIT_WORD = regex.compile(r"新規追加|削除")
# An explanation's words for adding and for removing text (…に伴う追加, 新設, …を削除, 廃止): which of
# before / after a lone text cell is (``one_sided_doubts``).
# How a one-sided row's ``cut_guess`` ends where the explanation's wording agrees (``without_settled_cuts``).
AGREEING_ONE_SIDE = ", as the explanation's wording says; no 新規追加 / 削除"
# How ``passone.close_cut_doubts``' doubts begin.
CLOSE_CUT_WHYS = (ITEM_CUT_WHY, BEFORE_AFTER_CUT_WHY)
ADDITION_REASON = regex.compile(r"追加|新設|新規|追記|開始")
DELETION_REASON = regex.compile(r"削除|廃止|削る|取りやめ|行わない")
# A reason ending in the edit's own word (…に伴う追加, 記載漏れの追記; …の削除): ``without_settled_cuts``.
ADDED_REASON_END = regex.compile(r"(?:追加|追記|新設)[。．]?$")
REMOVED_REASON_END = regex.compile(r"(?:削除|廃止)[。．]?$")
# An attachment's label opening a paragraph (``別紙２``, ``（別添１）事務の内容``), not a reference in a
# sentence (``別紙２のとおり``).
_LABEL_OPENING = regex.compile(rf"^(?:{ATTACHMENT_OPENING_PATTERN})")


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


def closing_doubts(record: Record) -> list[Doubt]:
    """``closing`` (see the module notes)."""
    for f in ("before", "after"):
        for p in _paragraphs(getattr(record, f)):
            if _CLOSING_THEN_TEXT.match(p):
                why = (
                    f"the {f} cell's {p.split()[0]} has other text beside it on its line: the explanation's?"
                )
                return [Doubt("column_guess", "explanation", why)]
            m = _HEADING_THEN_ADDITION.match(p)
            if m and (INSTANCE_LINE.match(m.group(1)) or is_heading_line(m.group(1))):
                why = (
                    f"a heading of the form beside {f}'s 新規追加 ({m.group(1)[:12]}): the item's last line?"
                )
                return [Doubt("column_guess", "item", why)]
    for f in ("item", "before", "after", "explanation"):
        for p in _paragraphs(getattr(record, f)):
            m, h = _TEXT_THEN_CLOSING.search(p), _HEADING_THEN_ADDITION.match(p)
            if m and not (h and (INSTANCE_LINE.match(h.group(1)) or is_heading_line(h.group(1)))):
                why = f"a short 削除 / 新規追加 cell printed beside other text in the {f} cell ({p[:16]}…)"
                return [Doubt("column_guess", f, why)]
    return []


def shared_line_doubts(record: Record) -> list[Doubt]:
    """``shared`` (see the module notes)."""
    expl = _paragraphs(record.explanation)
    if expl:
        m = CELL_GAP.search(expl[0])
        if (
            m
            and EXPLANATION_ENDING.search(expl[0][m.end() :])
            and not EXPLANATION_ENDING.search(expl[0][: m.start()])
            and not _inside_phrase(expl[0][: m.start()], expl[0][m.end() :])
        ):
            why = f"the explanation's first line holds another cell's text before a gap ({expl[0][:12]}…)"
            return [Doubt("column_guess", "explanation", why)]
    after = _paragraphs(record.after)
    if after:
        for m in CELL_GAP.finditer(after[-1]):
            rest = after[-1][m.end() :]
            if len(rest) >= SHARED_EXPLANATION_MIN_CHARS and EXPLANATION_ENDING.search(rest):
                why = f"the after cell ends with an explanation beside its last line ({rest[:12]}…)"
                return [Doubt("column_guess", "after", why)]
    return []


def _inside_phrase(left: str, right: str) -> bool:
    """Whether a gap between ``left`` and ``right`` on one line of a cell lies inside a word
    (``…運用に伴`` | ``う追記``) or a phrase (``…実施方法`` | ``の見直し``: an opening that leans on
    the word before it): a line of one cell wrapped and joined with a space, not two cells side by
    side (an explanation opens neither inside a word nor with a particle)."""
    return word_spans_break(default_tokenizer(), left, right) or bool(starts_mid_phrase(right))


def leaf_doubts(record: Record) -> list[Doubt]:
    """``leaf`` (see the module notes)."""
    before, after = _paragraphs(record.before), _paragraphs(record.after)
    first = before[0] if before else (after[0] if after else "")
    other = after[0] if before and after else ""
    head = first.split()[0] if first.split() else ""
    if not head or not LEAF.match(head) or not (INSTANCE_LINE.match(head) or is_heading_line(head)):
        return []
    if any(LEAF.match(p) for p in record.item_path) or (other and other[:2] == first[:2]):
        return []
    if opens_block_body(record.item_path, first):
        return []  # a block's own line after the path it is printed under (block_lines)
    field = "before" if before else "after"
    return [
        Doubt("column_guess", "item", f"the {field} cell opens with the item's last heading? ({head[:12]})")
    ]


def date_piece_doubts(record: Record) -> list[Doubt]:
    """``date piece`` and ``label`` (see the module notes)."""
    for p in _paragraphs(record.explanation):
        if _DATE_PIECE.match(p):
            return [Doubt("row_split_guess", "explanation", f"the explanation holds a piece of a date ({p})")]
        if _LABEL_OPENING.match(p) or COVER_LABEL.match(p):
            why = f"a paragraph of the explanation opens with an item's label ({p[:12]}): another row's item?"
            return [Doubt("row_split_guess", "explanation", why)]
    return []


def one_sided_doubts(record: Record) -> list[Doubt]:
    """``one-sided`` (see the module notes): ``cut_guess`` when the explanation's wording agrees
    with the side the lone text is in, ``column_guess`` when it says nothing or the other side."""
    before, after = (record.before or "").strip(), (record.after or "").strip()
    if bool(before) == bool(after) or _EDIT_WORD.search(before or after):
        return []
    field = "before" if before else "after"
    expl = record.explanation or ""
    adds, removes = bool(ADDITION_REASON.search(expl)), bool(DELETION_REASON.search(expl))
    says = "after" if adds and not removes else "before" if removes and not adds else None
    if says == field:
        why = f"only the {field} cell holds text{AGREEING_ONE_SIDE}"
        # Confidence only: a before or after cell is truly empty in many right rows.
        return [Doubt("cut_guess", field, why)]
    if says is None:
        why = f"only the {field} cell holds text, and nothing (新規追加 / 削除, the explanation) says which"
    else:
        why = f"only the {field} cell holds text, but the explanation's wording speaks of the {says} cell"
    # Both: the flag warns, and the confidence falls below one half (of the tuning rows so read,
    # 12 of 181 were right).
    return [Doubt("column_guess", field, why), Doubt("cut_guess", field, why)]


def without_settled_cuts(record: Record, doubts: list[Doubt]) -> list[Doubt]:
    """``doubts`` without the pass-2 cut margins (``passone.close_cut_doubts``: the cut between
    the item and the next cell, between before and after) of a row whose lone before or after
    text is one paragraph and whose explanation's first paragraph ends naming that side's edit
    (``…の追記``, ``…に伴う追加`` for an after cell; ``…の削除`` for a before cell): moving either
    cut puts text into the cell the explanation says is empty (an item's last heading into an
    added row's before cell), so the wording settles what the margin left open.

    Measured: set VI (a new user's Calc tables, pypdfium2 and ``pdftotext -raw``), 8 right rows
    of added text warned by the margins alone, no wrong one; on the committed samples the
    margins beside an agreeing ``one_sided_doubts`` stood on 2 right and 18 wrong rows, 6 of
    them warned by nothing else: an after cell holding the before cell's paragraphs too (two
    ``＜…＞`` blocks, a list run together), or an explanation whose reason is a 修正 (``…開始に
    伴う修正``, whose 開始 reads as an addition).  Those keep their margins (a lone cell of one
    paragraph and a reason ending in the edit's own word).  The ``cut_guess`` stays (confidence
    only)."""
    if not any(d.kind == "cut_guess" and d.why.endswith(AGREEING_ONE_SIDE) for d in doubts):
        return doubts
    before, after = _paragraphs(record.before), _paragraphs(record.after)
    reason = _paragraphs(record.explanation)[:1]
    ending = ADDED_REASON_END if after else REMOVED_REASON_END
    if len(before + after) != 1 or not reason or not ending.search(reason[0]):
        return doubts
    return [d for d in doubts if not (d.kind == "column_guess" and d.why.startswith(CLOSE_CUT_WHYS))]


def _bigrams(paragraphs: list[str]) -> set[str]:
    text = _WHITE.sub("", "".join(paragraphs))
    return {text[k : k + 2] for k in range(len(text) - 1)}


def _alike(before: list[str], after: list[str]) -> float:
    """How alike two cells are: the Jaccard index of their character bigrams."""
    a, b = _bigrams(before), _bigrams(after)
    return len(a & b) / len(a | b) if a | b else 0.0


def alike_doubts(record: Record) -> list[Doubt]:
    """``alike`` (see the module notes): moving one paragraph across the before/after cut makes
    the two cells more alike by over ``BEFORE_AFTER_ALIKE_GAIN``."""
    before, after = _paragraphs(record.before), _paragraphs(record.after)
    if not before or not after:
        return []
    base = _alike(before, after)
    moves = []
    # (Not the half of a period wrapped after its joiner: one value's lines, period_lines.)
    if len(after) > 1 and not period_goes_on(after[0], after[1]):
        moves.append((_alike(before + after[:1], after[1:]), "the after cell's first paragraph"))
    if len(before) > 1 and not period_goes_on(before[-2], before[-1]):
        moves.append((_alike(before[:-1], before[-1:] + after), "the before cell's last paragraph"))
    best = max(moves, default=None)
    if best is None or best[0] - base <= BEFORE_AFTER_ALIKE_GAIN:
        return []
    why = f"before and after are more alike with {best[1]} across their cut ({base:.2f} → {best[0]:.2f})"
    return [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]


def shared_line_row_doubts(row: RawRow, record: Record) -> list[Doubt]:
    """Every check of this module, for a row of text read without positions (else none)."""
    if row.positioned or not any(row.widths.values()) or any(d.kind == "column_order" for d in row.doubts):
        return []
    out = (
        closing_doubts(record) + shared_line_doubts(record) + leaf_doubts(record) + date_piece_doubts(record)
    )
    out += twin_opening_doubts(record)  # before and after printed on one line (twin_openings)
    return out + alike_doubts(record) + one_sided_doubts(record) + stream_cut_doubts(record)
