"""A before/after (or after/explanation) cut of row-ordered text at a paragraph break that one
cell may as well hold (issues 10 and 12, branch stream48): ``column_guess`` on both cells.

In ``pdftotext -raw`` and pypdfium2 text of LibreOffice tables a row's wrapped cells follow one
another line by line: Calc prints a page's wrapped cells row by row, column by column (its pass
2, ``twophase``); Writer prints a row's cells one after another, a one-line cell sharing its
printed line with the next cell's first line (``added_checks``).  An empty cell prints nothing.
Where the before cell's last line ends a sentence and the after cell's first line opens a new
one, the text shows a paragraph break and nothing more: the same lines are an empty before and
an after of two paragraphs, or a before of one paragraph and an after of the other.  The
partition (``partition``) weighs balance and the form's words and takes one of them with a
confidence the text does not bear (set VIII, /work/newuser47b FAULTS.md kind 1: Calc rows whose
empty 変更前 cell took the after's first paragraph, at 0.80–0.90 with no warning; Writer and
Calc rows whose one-paragraph before was read into the after in front of its numbered list, at
0.65–0.70).  Four shapes are doubted, each where the cells' own words give no sign of a
changed text's before and after:

* ``lead``: the before is empty and the after opens with one unnumbered paragraph ending a
  sentence, then a list numbered from one (``１．`` ``(1)`` ``①``) that repeats much of the
  paragraph's words (``LEAD_ALIKE``): the lead may be the before cell's text, which the list
  rewrites.  In the tuning sets' truth (samples/office*/expected) 2 after cells of empty-before
  rows open with a lead, which the list does not repeat (``…次の事務を行う。``); set VIII has
  the other reading (before the lead, after the list) in Writer and Calc;
* ``sentences``: before and after are plain sentences (neither opens with a marker of the form
  or a list, nor closes as ``削除`` / ``新規追加``), the before ends a sentence, and the two
  neither open alike (``ONE_CELL_PREFIX``) nor share ``ONE_CELL_ALIKE`` of their character
  pairs (the before and the after's first paragraph): a changed text's before and after do
  (``委託先から作業報告書を提出させ…`` / ``委託先から作業報告書を毎月提出させ…``).  In the tuning
  sets' truth 7 distinct before/after pairs are plain sentences opening differently; 6 of them
  are that alike;
* ``torn``: the before's last paragraph is a list item (``①…``, ``・…``) wrapped over two lines
  or more whose last line stops inside its sentence, and the after's first line opens no
  paragraph: the cut fell inside the item (set VIII kind 2, Writer 12 pt Mincho: ``…のための
  セキュリティ評価`` | ``制度（ＩＳＭＡＰ）…``, 0.84 unwarned).  8 of the tuning truth's 21,463
  rows with both cells end and open so; cells that open alike (a list the after cell extends,
  office-raw23 kokuho) are a changed text's;
* ``list``: the explanation opens with a list numbered from one (``(1)…(2)…``), or with the
  next number of the after cell's list (``２．`` below ``１．``), and nothing
  (a timing, a shared printed line) marks the after cell's end: an after cell's closing list
  read as the explanation (set VIII kind 2, Calc 9 pt, 0.52 unwarned).  3 of the tuning truth's
  25,711 explanations open so (``①…による追記`` / ``②重大な変更に該当しない``), each a list
  to its end.  Where the list's items follow one another (numbered one more each, each ending a
  sentence) and text of the explanation's own follows, the list goes back to the after cell
  with a weak ``cut_guess`` (``_list_back``); else both cells get ``column_guess``.

Where the text does mark the cut, the reader is put right: Writer prints a one-line before and
the after cell's first line on one baseline, which the extractors give as one line with a space
between (``内部監査を実施する。 情報セキュリティポリ``, set VII w06, 0.92 unwarned); a before cell
whose first line so holds a sentence's end, a space and more, its next line a plain
continuation, is parted there, the rest going to the after cell (``_part_glued_line``, a weak
``cut_guess``).

A boundary the text marks is otherwise left alone: before and after sharing a printed line (two cells on
one baseline), or a row cut by positions (``positioned``, ``ruled``).  Only for text read
without positions.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.text_thresholds import MENDED_CUT_STRENGTH

from .cell_shapes import bullet_run_why, edited_list_why, marked_row_why, wrapped_cut_why
from .chars import BODY_MARKER, CIRCLED, SENTENCE_END, bigrams, common_prefix, starts_paragraph
from .paragraph_choice import moved_paragraph_why
from .wrap_conflicts import cannot_share_column

# Two cells whose whitespace-free texts open with at least this many equal characters are a
# changed text's before and after, not one cell's paragraphs.
ONE_CELL_PREFIX = 2
# ... or when this share of the character pairs of the shorter of the before and the after's
# first paragraph are the other's too (a changed sentence keeps most of its words:
# ``ＩＤ及びパスワードによる認証を行っている。`` / ``生体認証（静脈認証）及びＩＤ・パスワードによる
# 二要素認証を行っている。`` 0.8; one cell's consecutive paragraphs in set VIII: 0.37).
ONE_CELL_ALIKE = 0.5
# A lead paragraph at least this much of whose character pairs the list below it repeats is a
# changed text's before, rewritten as the list (set VIII: 0.97; this branch's tuning sample:
# 0.39); an after cell's own lead says what the list is about (``…次の事務を行う。``: 0.03–0.24
# in the tuning sets).
LEAD_ALIKE = 0.3
# The first item of a numbered list: １． 1. （１） (1) ①.
LIST_FIRST = regex.compile(r"^(?:[1１][．.、]|[（(][1１][）)]|[1１][）)]|①)")
# A list number of any item (the lead paragraph holds none).
LIST_ANY = regex.compile(r"^(?:[0-9０-９]{1,2}[．.、）)]|[（(][0-9０-９]{1,2}[）)]|[①-⑳])")

LEAD_WHY = (
    "the after cell opens with one paragraph before its numbered list, the before cell is empty: "
    "the paragraph may be the before cell's (the text marks no cell's end)"
)
LIST_WHY = (
    "the explanation opens with a list's first or next number, after the after cell with nothing "
    "printed between: the after cell's closing list?"
)
TORN_WHY = (
    "the before cell ends inside a list item's sentence and the after cell opens with no marker: "
    "one paragraph cut in two?"
)
# Characters that close a bracket (a paragraph may end on one: ``＜…措置＞``, ``（…）``).
CLOSERS = frozenset("）)」』】〕］]＞>")
# A sentence's end, the space an extractor puts between two pieces on one baseline, and more.
GLUED = regex.compile(r"。 (?=\S)")
GLUED_WHY = "a one-line before and the after cell's first line on one printed line, parted at the space"
LIST_BACK_WHY = "the after cell's closing list, read as the explanation's opening, given back"
SUBJECT_WHY = (
    "the after cell's first paragraph opens as the before cell does but says another thing, and "
    "more paragraphs follow: the before cell's next paragraph under one subject?"
)
SENTENCES_WHY = (
    "the before and after cells are plain sentences cut at a paragraph break, unlike each other: "
    "one cell's paragraphs (the other cell empty)?"
)


def _texts(lines: list[CellLine]) -> list[str]:
    return [t for cl in lines if (t := cl.text.strip())]


def _plain(line: str) -> bool:
    """A line that opens no paragraph of the form's kinds (marker, list number, choice,
    closing word)."""
    return not (starts_paragraph(line) or BODY_MARKER.match(line) or LIST_ANY.match(line))


def _ends_sentence(line: str) -> bool:
    return bool(line) and line[-1] in SENTENCE_END


def _share_line(a: list[CellLine], b: list[CellLine]) -> bool:
    """Whether a line of ``a`` and one of ``b`` are one printed line (the text marks the cut)."""
    seen = {(cl.page, cl.line_no) for cl in a if cl.line_no is not None}
    return any((cl.page, cl.line_no) in seen for cl in b if cl.line_no is not None)


def lead_before_list(after: list[str]) -> bool:
    """The ``lead`` shape of an after cell's lines: an unnumbered paragraph ending a sentence,
    then a list numbered from one that says again much of what the paragraph says
    (``LEAD_ALIKE``)."""
    for k in range(1, len(after)):
        if LIST_FIRST.match(after[k]):
            lead = after[:k]
            if not (_plain(lead[0]) and _ends_sentence(lead[-1]) and all(_plain(t) for t in lead[1:])):
                return False
            pl, pr = bigrams(_squash(lead)), bigrams(_squash(after[k:]))
            return bool(pl) and len(pl & pr) / len(pl) >= LEAD_ALIKE
        if not _plain(after[k]):
            return False
    return False


def _squash(lines: list[str]) -> str:
    return "".join("".join(lines).split())


def unlike_sentences(before: list[str], after: list[str]) -> bool:
    """The ``sentences`` shape: plain before and after that do not read as a changed text."""
    if not (_plain(before[0]) and _plain(after[0]) and _ends_sentence(before[-1])):
        return False
    first = next((k for k, t in enumerate(after) if _ends_sentence(t)), len(after) - 1)
    b, a = "".join("".join(before).split()), "".join("".join(after[: first + 1]).split())
    if len(common_prefix(b, a)) >= ONE_CELL_PREFIX:
        return False
    pb, pa = bigrams(b), bigrams(a)
    return bool(pb and pa) and len(pb & pa) / min(len(pb), len(pa)) < ONE_CELL_ALIKE


def shared_subject(before: list[str], after: list[str]) -> int:
    """The ``subject`` shape (set XXV FAULTS.md §4: ``サーバー室に設置した…保管する。`` |
    ``サーバー室への入退室は…。`` / ``ガバメントクラウド上に…``): plain sentences, the before ends
    one, the after's first paragraph (its lines up to the first ending a sentence) opens as the
    before's first does (``ONE_CELL_PREFIX``) but shares under ``ONE_CELL_ALIKE`` of their
    character pairs with it, and the after goes on with more paragraphs: that paragraph reads as
    well as the before's next one, its two paragraphs opening with one subject.  The number of
    the after's lines in that first paragraph, or 0."""
    if not (_plain(before[0]) and _plain(after[0]) and _ends_sentence(before[-1])):
        return 0
    first = _first_paragraph_end(after)
    if first >= len(after) - 1:
        return 0
    head = _first_paragraph_end(before)
    b, a = _squash(before[: head + 1]), _squash(after[: first + 1])
    if len(common_prefix(b, a)) < ONE_CELL_PREFIX or b == a:
        return 0
    pb, pa = bigrams(b), bigrams(a)
    return first + 1 if pb and pa and len(pb & pa) / min(len(pb), len(pa)) < ONE_CELL_ALIKE else 0


_OPEN_BRACKETS = "（(「『【〔［[＜<"


def _first_paragraph_end(lines: list[str]) -> int:
    """The index of the first line ending a sentence outside brackets (``…（コンビニ交付を含む。``
    / ``）及び本人確認のため。`` is one sentence: its 。 inside the bracket ends none), or the last
    line's."""
    depth = 0
    for k, t in enumerate(lines):
        depth += sum(ch in _OPEN_BRACKETS for ch in t) - sum(ch in CLOSERS for ch in t)
        if depth <= 0 and _ends_sentence(t):
            return k
    return len(lines) - 1


def _line_index(lines: list[CellLine], count: int) -> int:
    """The index in ``lines`` just after the ``count``-th line holding text."""
    seen = 0
    for k, cl in enumerate(lines):
        if cl.text.strip():
            seen += 1
            if seen == count:
                return k + 1
    return len(lines)


def _body_why(row: RawRow) -> str:
    """Why the row's before/after cut is one cell's paragraph break as well (``lead`` or
    ``sentences``), or ``""``."""
    bl, al = row.cells.get("before") or [], row.cells.get("after") or []
    before, after = _texts(bl), _texts(al)
    if not after or _share_line(bl, al):
        return ""
    marked = marked_row_why(before, after)
    if marked is not None:
        return marked
    if not before:
        return LEAD_WHY if lead_before_list(after) else edited_list_why(before, after)
    if unlike_sentences(before, after):
        # The widths may settle it: one cell cannot hold lines wrapped at two widths.
        return "" if cannot_share_column(bl + al) else SENTENCES_WHY
    first = shared_subject(before, after)
    if first and not cannot_share_column(bl + al[: _line_index(al, first)]):
        return SUBJECT_WHY
    return (
        TORN_WHY if torn_item(before, after) else wrapped_cut_why(before, after) or moved_paragraph_why(row)
    )


def torn_item(before: list[str], after: list[str]) -> bool:
    """The ``torn`` shape: the before's last paragraph is a list item (it opens with a marker or
    a number) wrapped over two lines or more whose last line ends inside its sentence (no
    sentence end, no closing bracket), and the after's first line opens no paragraph; the two
    cells do not open alike (``ONE_CELL_PREFIX``)."""
    k = len(before) - 1
    while k > 0 and _plain(before[k]):
        k -= 1
    last = before[-1]
    if k == len(before) - 1 or _plain(before[k]) or last[-1] in SENTENCE_END or last[-1] in CLOSERS:
        return False
    # Before and after opening alike are a changed text's (a list the after cell extends).
    return _plain(after[0]) and len(common_prefix(_squash(before), _squash(after))) < ONE_CELL_PREFIX


def _listed_explanation(row: RawRow) -> bool:
    """The ``list`` shape: an explanation opening with a list numbered from one, its boundary
    with a non-empty after cell unmarked."""
    al, el = row.cells.get("after") or [], row.cells.get("explanation") or []
    expl, after = _texts(el), _texts(al)
    if not expl or not after:
        return False
    numbers = [n for t in after if (n := _number(t)) is not None]
    opens = _number(expl[0])
    if opens is None or opens != (numbers[-1] + 1 if numbers else 1):
        return False
    return not _share_line(al, el) and not _timing_between(row, al, el)


def _number(line: str) -> int | None:
    """The number a line's list marker gives it (``２．`` ``(2)`` ``②``), or None."""
    m = LIST_ANY.match(line)
    if not m:
        return None
    mark = m.group(0)
    if mark[0] in CIRCLED:
        return CIRCLED.index(mark[0]) + 1
    digits = "".join(ch for ch in mark if ch.isdigit())
    return int(unicodedata.normalize("NFKC", digits)) if digits else None


def _timing_between(row: RawRow, a: list[CellLine], b: list[CellLine]) -> bool:
    """Whether a timing is printed between the last line of ``a`` and the first of ``b`` (the
    text marks that boundary: row-ordered text prints the timing between after and explanation)."""
    lo, hi = (a[-1].page, a[-1].line_no or 0), (b[0].page, b[0].line_no or 0)
    return any(lo <= (cl.page, cl.line_no or 0) <= hi for cl in row.cells.get("timing") or [])


def doubt_paragraph_cuts(rows: list[RawRow]) -> None:
    """``column_guess`` on the two cells of each cut of row-ordered text that one cell's
    paragraph break may as well be (the module's notes: ``lead``, ``sentences``, ``list``); in
    place."""
    for row in rows:
        if row.positioned or row.ruled:
            continue
        if _part_glued_line(row):
            row.doubts.append(Doubt("cut_guess", "before", GLUED_WHY, MENDED_CUT_STRENGTH))
        bl, al = row.cells.get("before") or [], row.cells.get("after") or []
        run = "" if _share_line(bl, al) else bullet_run_why(_texts(bl), _texts(al))
        if run:
            row.doubts += [Doubt("column_guess", "before", run), Doubt("column_guess", "after", run)]
        why = _body_why(row)
        if why:
            row.doubts += [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
        if not _listed_explanation(row):
            continue
        if _list_back(row):
            row.doubts.append(Doubt("cut_guess", "after", LIST_BACK_WHY, MENDED_CUT_STRENGTH))
        else:
            row.doubts += [
                Doubt("column_guess", "after", LIST_WHY),
                Doubt("column_guess", "explanation", LIST_WHY),
            ]


def _part_glued_line(row: RawRow) -> bool:
    """Part a before cell whose first printed line is a one-line before and the after cell's
    first line on one baseline (``内部監査を実施する。 情報セキュリティポリ``, the after's lines
    going on below): the piece after the sentence's end and the lines below go to the after
    cell, in front of its own lines; in place.  Whether it did."""
    before = [cl for cl in row.cells["before"] if cl.text.strip()]
    if len(before) < 2 or not [cl for cl in row.cells["after"] if cl.text.strip()]:
        return False
    m = GLUED.search(before[0].text)
    if not m or not all(_plain(cl.text.strip()) for cl in before[1:2]):
        return False
    left, right = before[0].text[: m.start() + 1], before[0].text[m.end() :]
    row.cells["before"] = [replace(before[0], text=left)]
    row.cells["after"] = [replace(before[0], text=right), *before[1:], *row.cells["after"]]
    return True


def _ends_block(line: str) -> bool:
    return bool(line) and (line[-1] in SENTENCE_END or line[-1] in CLOSERS)


def _list_back(row: RawRow) -> bool:
    """Give the after cell the list the explanation opens with, when the list's items follow
    one another (each numbered one more, each ending a sentence), with the marked paragraphs
    that go on from it, and text of the explanation's own follows them; in place.  Whether it
    did."""
    el = [cl for cl in row.cells["explanation"] if cl.text.strip()]
    want = _number(el[0].text.strip())
    k = 0
    while k < len(el) and want is not None and _number(el[k].text.strip()) == want:
        while k < len(el) and el[k].text.strip()[-1] not in SENTENCE_END:
            k += 1
        if k == len(el):
            return False  # the last item runs on to the end: no reason of the row's own
        k += 1
        want += 1
    if k == 0 or k == len(el) or _number(el[k].text.strip()) is not None:
        return False
    # Paragraphs the list goes on with, each opening with a marker (``＜本市における措置＞``,
    # ``・…。``) and ending a sentence or a bracket, are the after cell's too.
    while k < len(el) and not _plain(el[k].text.strip()):
        m = k
        while m < len(el) and not _ends_block(el[m].text.strip()):
            m += 1
        if m >= len(el) - 1:
            return False  # the blocks run on to the end: no reason of the row's own
        k = m + 1
    row.cells["after"] = [*row.cells["after"], *el[:k]]
    row.cells["explanation"] = el[k:]
    return True
