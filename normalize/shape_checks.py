"""Checks of a finished row's shape that any reader's misreading leaves, and what keeps quiet
(issue 12, session 48: set VIII's wrong rows with no warning and right rows warned).

Each check looks at the cleaned record alone (its cells' paragraphs) and returns ``column_guess``
doubts:

* ``numbered explanation``: the 提出時期に係る説明 opens with a numbered paragraph (``(1)…``,
  ``１．…``, ``①…``) that does not end as a reason ends (…に伴う修正, 重要な変更に当たらない):
  the closing items of the after cell's list, printed beside the explanation's first line and
  read into it (``pdftotext -raw`` / pypdfium2 of Calc tables with merged dates; set VIII c6).
  The truth's numbered explanations (``①組織改正による部署名の変更`` / ``②重大な変更に該当しない``)
  end as reasons.
* ``before in the after``: an empty before cell beside an after cell that opens with an
  unnumbered sentence much like (``ALIKE_OPENING`` of its character pairs) the numbered list
  that follows (``研修を実施している。`` / ``１．…研修を実施している。``): a changed value's before
  and after, the before's one line read into the after cell (Writer / Calc row-ordered text).
  An after cell's own preamble (``次の事務を行う。`` / ``１．申請書の受付``) is no alike.
* ``deleted text in the after``: an empty before cell beside an after cell that closes with
  削除 after other paragraphs (``〇〇県知事`` / ``①法令上の根拠…`` / ``削除``): the deleted text,
  the before cell's, read into the after cell (Writer ``pdftotext -raw``, office-quiet48).  The
  truth's 111 after cells that close so all stand beside a before cell with text.
* ``two sentences on a line``: a before / after paragraph holding a sentence end, one ASCII
  space, then more text (``内部監査を実施する。 情報セキュリティポリシーに…``): the last line of one
  cell and the first of the next, printed on one baseline and joined by the reader with the
  space it puts between two columns' pieces.  A cell's own text sets sentences apart with a
  full-width space or a line break (the truth of the committed samples and of sets V–VIII has
  no ``。`` + ASCII space inside a paragraph).  Only in row-ordered text (``-raw``, pypdfium2),
  which keeps a full-width space as printed: plain and ``-layout`` ``pdftotext`` print it as an
  ASCII space, and the check warned 7 right rows of office-/heldout-layout40 there.
* ``the after's copy in the before``: a before cell that holds a stretch of its own text twice
  (``REPEAT_CHARS``, whitespace out) and the whole after cell (``COPY_CHARS`` or more) besides: a
  changed value's before and after print the same unchanged lines, and a before/after cut that
  fell late left the after's copy of them, and the after's opening, in the before cell
  (``[ 十分に行っている ]`` / ``① 給与支払報告書…`` / ``[ 特に力を入れて行っている ]`` /
  ``① 給与支払報告書…``:
  Writer ``pdftotext -raw``, office-header53 h53-writer, at 0.91 with no warning).  None of
  the 62,157 truth rows of the committed samples has it (147 have the mirror, a before cell
  inside an after cell that repeats itself: an addition that restates the before; not checked).

And the quiet side of two of ``evidence.cut_doubts``' checks: ``is_wrapped_heading``, and its
``新規追加`` check: a before cell that is the
whole word ``新規追加`` (or ``（新規追加）``) beside an after cell with text is how an amendment
table marks an added item (変更前 「新規追加」 / 変更後 the new text; set VIII prints it so in
every table), not the after cell's closing words read into the before cell; ``is_addition_mark``.

Measured (``tools/bench_calibration.py``, every committed sample; sets V–VIII with their
``score.py``): see README (session 48).
"""

from __future__ import annotations

import unicodedata

import regex

from piatable.models import Doubt, Record

from .chars import bigrams, paragraphs, without_whitespace
from .columnar_checks import ends_as_reason
from .diff import is_added_before
from .heading_lexicon import structure
from .item_key import item_key
from .items import INSTANCE_LINE, is_form_heading

# An after cell's unnumbered opening sharing at least this share (Jaccard, whitespace out) of its
# character pairs with the list item after it is a before value read into the after cell.
# Set VIII's misread rows: 0.62; a preamble and its list (次の事務を行う。 / １．申請書の受付): ~0;
# an instance label and its first item (委託事項２ … / ①委託内容 …): 0.3.
ALIKE_OPENING = 0.5
# A before cell holding a stretch of this many characters (whitespace out) twice, and the whole
# after cell of at least ``COPY_CHARS``, holds the after's copy (module notes: 0 truth rows).
REPEAT_CHARS = 30
COPY_CHARS = 20

# A paragraph opening a numbered list: (1), １．, ①.
_NUMBERED = regex.compile(r"^(?:[（(][0-9０-９]{1,2}[）)]|[0-9０-９]{1,2}[．.]|[①-⑳])")
# The first item of a numbered list.
_FIRST_ITEM = regex.compile(r"^(?:[（(][1１][）)]|[1１][．.]|①)")
# A sentence end, one ASCII space, then more text inside one paragraph.
_SENTENCE_THEN_TEXT = regex.compile(r"。 (?=\S)")
# An after cell's closing words (an addition's or a deletion's).
_CLOSING_WORDS = regex.compile(r"(?:新規追加|削除)[）)】］\]]?$")


def is_addition_mark(record: Record) -> bool:
    """Whether the before cell says only that the item is new (``diff.is_added_before``: 新規追加,
    （新規）) beside an after cell with text that does not itself close with 新規追加 / 削除."""
    before, after = paragraphs(record.before), paragraphs(record.after)
    return (
        len(before) == 1
        and is_added_before(before[0])
        and bool(after)
        and not _CLOSING_WORDS.search(after[-1])
    )


def is_wrapped_heading(path_part: str) -> bool:
    """Whether an item heading holding a space is a heading of the form wrapped there
    (``Ⅱ特定個人情報ファイルの 概要``: set VIII's Writer PDF, plain ``pdftotext``), not a heading and
    a second value; none with a bracket (the lexicon's key drops a bracketed note, where another
    column's text can hide: ``…移転（委託や ア…``, office-loss25)."""
    if "（" in path_part or "(" in path_part:
        return False
    return is_form_heading(without_whitespace(path_part))


def is_heading_then_instance(path_part: str, item_path: list[str]) -> bool:
    """Whether an item heading holding one space is a heading of the form, then a repeated block's
    label or a sub-heading printed beside it (``４．特定個人情報ファイルの取扱いの委託 委託事項２``,
    ``…使用するシステム システム１``: set XX's t11, a 項目 printed on one line; ``②保管期間 期間``:
    set XIX's t09), not a heading and another cell's value: the text after the space is an
    instance label (``items.INSTANCE_LINE``) the cell's key takes as its block, or a heading the
    forms print just under the one before the space (``heading_lexicon.structure``), and the
    whole cell keys into headings the lexicon knows, nothing left out (``item_key``)."""
    pieces = path_part.split()
    if len(pieces) != 2:
        return False
    key = item_key(item_path)
    if key.unknown or key.dropped:
        return False
    if INSTANCE_LINE.match(pieces[1]):
        return key.instance == unicodedata.normalize("NFKC", pieces[1])
    head, sub = item_key(pieces[0]).path, item_key(pieces[1]).path
    return bool(head) and len(sub) == 1 and head[-1] in structure().parents.get(sub[0], frozenset())


def _alike(a: str, b: str) -> float:
    pa, pb = bigrams("".join(a.split())), bigrams("".join(b.split()))
    return len(pa & pb) / len(pa | pb) if pa and pb else 0.0


def repeats_itself(text: str, size: int = REPEAT_CHARS) -> bool:
    """Whether ``text`` holds some stretch of ``size`` characters twice, the two not overlapping."""
    first: dict[str, int] = {}
    for k in range(len(text) - size + 1):
        at = first.setdefault(text[k : k + size], k)
        if k - at >= size:
            return True
    return False


def holds_after_copy(record: Record) -> bool:
    """Whether the before cell holds the whole after cell and a stretch of its own text twice
    (module notes: the after's copy of a changed value read into the before)."""
    before = without_whitespace(record.before or "")
    after = without_whitespace(record.after or "")
    return len(after) >= COPY_CHARS and after != before and after in before and repeats_itself(before)


def shape_doubts(record: Record, row_ordered: bool = False) -> list[Doubt]:
    """``column_guess`` doubts of the module notes' checks on one cleaned record; the sentences
    joined by a space only with ``row_ordered`` (``pdftotext -raw`` / pypdfium2 text)."""
    out: list[Doubt] = []
    expl = paragraphs(record.explanation)
    if expl and _NUMBERED.match(expl[0]) and not ends_as_reason(expl[0]):
        why = f"the explanation opens with a numbered line, no reason ({expl[0][:12]}): the after's list?"
        out.append(Doubt("column_guess", "explanation", why))
    after = paragraphs(record.after)
    if (
        not paragraphs(record.before)
        and len(after) >= 2
        and not _NUMBERED.match(after[0])
        and after[0].endswith("。")
        and _FIRST_ITEM.match(after[1])
        and _alike(after[0], after[1]) >= ALIKE_OPENING
    ):
        why = f"the after cell opens with a sentence like its list item ({after[0][:12]}): the before's?"
        out += [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
    if not paragraphs(record.before) and len(after) >= 2 and after[-1] == "削除":
        why = f"an empty before and an after closing with 削除 after text ({after[0][:12]}): the before's?"
        out += [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
    if holds_after_copy(record):
        why = "the before cell holds a stretch of its text twice and the whole after cell: the cut fell late?"
        out += [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
    for f in ("before", "after") if row_ordered else ():
        hit = next((p for p in paragraphs(getattr(record, f)) if _SENTENCE_THEN_TEXT.search(p)), None)
        if hit:
            k = hit.index("。 ")
            why = f"the {f} cell joins sentences with a space ({hit[max(0, k - 6) : k + 8]}): two cells?"
            out.append(Doubt("column_guess", f, why))
    return out
