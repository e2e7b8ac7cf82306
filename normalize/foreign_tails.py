"""Another cell's or another row's text left inside a cell of flattened text (issue 12, set XXII's
kinds #7 and #9): checks of ``evidence.row_doubts`` that warn rows the text cut wrong.

* ``column_guess`` on the item: a paragraph of the item after its first that is a sentence
  (ends with 。) or a note (opens with ※): the before or after cell's tail read into the 項目
  (PyMuPDF sort, pdfplumber: ``①保管場所`` / ``登録事業者とする。``).  No item of any truth row of
  the samples and sets I–XXII (92,686 rows, 799 distinct items) holds such a paragraph.
* ``column_guess`` on the explanation: a later paragraph of the explanation that is a short
  sentence tail opening with a hiragana (``いる。``) while the before or after cell's last
  paragraph stops open (no 。 or closing bracket: ``…入退室を記録して``): the body cell's last
  wrapped line read into the explanation.  No truth explanation of those rows has a later
  paragraph of at most ``_TAIL_MAX`` characters opening with a hiragana.
* ``column_guess`` on the explanation: a later paragraph of it that is a paragraph of the before
  or after cell (PyMuPDF ``sort=True``: one of the after cell's lines moved into the explanation).
* ``column_guess`` where cells hold pieces of the column labels (``載``, ``…係る説明``): the header
  row repeated where a row breaks over a page, read into the row (``-layout`` text, no form feeds).
* ``row_split_guess`` on the explanation (or before / after): a date glued to the text before it
  inside a paragraph (``…当たらない2023/2/6 庁舎内…``) and a later paragraph opening with a
  提出時期 set apart (``事後 行政手続…``): the next page's first row read into this cell, as
  pages joined with ``""`` give it (pypdf); that row is lost.  ``evidence.whole_row_doubts``
  finds such a row when its date opens a paragraph.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from piatable.models import Doubt, Record
from piatable.vocabulary import LABELS

from .chars import paragraphs
from .cut_checks import EXPLANATION_END, ends_so
from .dates import DATE

# A sentence tail of the body cell: at most this many characters (``いる。``, ``する。``,
# ``ている。``); the explanations' own later paragraphs opening with a hiragana (なお、…,
# しきい値…) are all longer than 12 characters.
_TAIL_MAX = 8
# The shortest before/after line (characters, whitespace aside) an explanation paragraph echoing
# is taken for that cell's line: shorter ones are marks (削除, 新規追加, 記載なし).
_ECHO_MIN = 6
# A later explanation paragraph sharing a run this long with the body cells, and ending as no
# sentence or reason does (``_OWN_END``), is a piece of a body line.
_RUN_MIN = 8
_OWN_END = regex.compile(
    r"(?:。|修正|変更|追加|追記|削除|見直し|ない|たる|ため|こと|記載|明確化|反映|更新|訂正)$"
)
_HIRAGANA_OPENING = regex.compile(r"^\p{Hiragana}")
# How a cell's paragraph ends when its sentence is done: a stop, a closing bracket, a choice box.
_CLOSED_END = regex.compile(r"[。．.）)」』］\]】〕＞>]$")
# A date glued to the Japanese text before it (no space between), inside a paragraph.
_GLUED_DATE = regex.compile(rf"[\p{{Han}}\p{{Hiragana}}\p{{Katakana}}。）]({DATE.pattern})")
# The tails of the long column labels (変更前の記載 → 載, 記載, の記載 …; 提出時期に係る説明 → 説明 …),
# and those of 4 characters or more, which no cell's paragraph ends with either.
_LABEL_TAILS = frozenset(label[k:] for label in LABELS if len(label) > 4 for k in range(1, len(label)))
_LONG_LABEL_TAILS = tuple(sorted(t for t in _LABEL_TAILS if len(t) >= 4))
# A 提出時期 opening a paragraph and set apart from the words after it (``事後 行政手続…``).
_TIMING_OPENING = regex.compile(r"^(事前|事後)[ 　]+\S")


def item_sentence_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on the item when a paragraph of it after the first ends with 。 or opens
    with ※ (another cell's sentence or note)."""
    for para in paragraphs(record.item)[1:]:
        if para.endswith("。") or para.startswith("※"):
            why = f"the item cell holds a sentence, another cell's text ({para[:16]})"
            return [Doubt("column_guess", "item", why)]
    return []


def explanation_tail_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on the explanation when a later paragraph of it is a short hiragana
    sentence tail and the before or after cell stops open.  A tail that does not end with 。 counts
    only after an explanation paragraph that is done (``…に伴う修正``): after one that stops open
    (``…に伴`` / ``う修正``) it is the explanation's own sentence wrapped."""
    paras = paragraphs(record.explanation)
    tails = [
        p
        for prev, p in pairwise(paras)
        if len(p) <= _TAIL_MAX
        and _HIRAGANA_OPENING.match(p)
        and (p.endswith("。") or _CLOSED_END.search(prev) or ends_so(EXPLANATION_END, prev))
    ]
    if not tails:
        return []
    for f in ("after", "before"):
        cell = paragraphs(getattr(record, f))
        if cell and not _CLOSED_END.search(cell[-1]):
            why = f"the explanation holds {tails[0]!r}, the tail of the {f} cell ({cell[-1][-10:]})?"
            return [Doubt("column_guess", "explanation", why)]
    return []


def explanation_echo_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on the explanation when a later paragraph of it is, whitespace aside, a
    paragraph of the before or after cell (``会計年度任用職員の増員による修正`` / ``100 人以上500 人未満``
    beside an after cell printing that line): one of the body cell's lines read into the
    explanation (PyMuPDF ``sort=True``).  No truth row of the samples and sets (93,424 rows) has
    one; a short mark (``削除``, ``記載なし``) is left alone: a right row may end its explanation's
    line with one that a reader parts off (pdfplumber, PyMuPDF: set pagejoin59's koseki_fuhyo)."""
    body = {"".join(p.split()) for f in ("before", "after") for p in paragraphs(getattr(record, f))}
    # Parted by line ends (no squashed paragraph holds one): a run is one body paragraph's.  Joined
    # with nothing, a run across two set members, in the order of the strings' hash seed, made
    # the doubt come and go from one process to the next (a9b092ee, plumber52 p52-calc-v1).
    joined = "\n".join(body)
    for para in paragraphs(record.explanation)[1:]:
        squashed = "".join(para.split())
        if len(squashed) >= _ECHO_MIN and squashed in body:
            why = f"a later paragraph of the explanation is a before/after line ({para[:16]})"
            return [Doubt("column_guess", "explanation", why)]
        # A piece of a body line (``番号通知書及び交付申請書を印刷`` of the after cell's
        # ``個人番号通知書及び交付申請書を印刷し、``) ending no sentence nor reason: set XXII t12
        # PyMuPDF sort=True, conf 0.934 (branch rightwarn61b; no truth row of the samples and
        # sets, 96,510 rows, has one).
        if len(squashed) >= _RUN_MIN and not _OWN_END.search(squashed) and _shares_run(squashed, joined):
            why = f"a later paragraph of the explanation is a piece of a before/after line ({para[:16]})"
            return [Doubt("column_guess", "explanation", why)]
    return []


def _shares_run(text: str, body: str) -> bool:
    """Whether ``text`` and ``body`` share a run of ``_RUN_MIN`` characters."""
    return any(text[i : i + _RUN_MIN] in body for i in range(len(text) - _RUN_MIN + 1))


def label_piece_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` where cells hold pieces of the column labels (``載`` of 変更前の記載,
    ``…係る説明`` of 提出時期に係る説明): a header row repeated where a row breaks over a page,
    its words read into the row's cells (``-layout`` text without form feeds).  A paragraph that
    is a label's tail, or ends with one of 4 characters or more; warned when one piece is 2
    characters or more or two cells hold one.  No truth row of the samples and sets (92,686
    rows) holds either."""
    pieces = []
    for f in ("item", "before", "after", "explanation"):
        for para in paragraphs(getattr(record, f)):
            if para in _LABEL_TAILS or any(para.endswith(t) for t in _LONG_LABEL_TAILS):
                pieces.append((f, para))
                break
    if pieces and (len(pieces) > 1 or len(pieces[0][1]) > 1):
        f, para = pieces[0]
        why = f"the {f} cell holds a piece of a column label ({para[-8:]}): a repeated header row?"
        return [Doubt("column_guess", f, why)]
    return []


def glued_row_doubts(record: Record) -> list[Doubt]:
    """``row_split_guess`` when a cell holds a date glued inside a paragraph and, after it, a
    paragraph opening with a 提出時期 set apart: a whole further row read into the cell."""
    for f in ("explanation", "before", "after"):
        paras = paragraphs(getattr(record, f))
        for k, para in enumerate(paras):
            glued = _GLUED_DATE.search(para)
            if glued and any(_TIMING_OPENING.match(p) for p in paras[k + 1 :]):
                why = f"the {f} cell holds a glued date ({glued.group(1)}), then a 提出時期: a whole row?"
                return [Doubt("row_split_guess", f, why)]
    return []


def foreign_tail_doubts(record: Record) -> list[Doubt]:
    """The three checks of this module on one row."""
    return (
        item_sentence_doubts(record)
        + explanation_tail_doubts(record)
        + explanation_echo_doubts(record)
        + label_piece_doubts(record)
        + glued_row_doubts(record)
    )
