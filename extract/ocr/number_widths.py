"""Numbers of one kind in a cell written in one width.

A document prints its numbers of a kind in one font and width: the articles and items of a law
(第１９条第７号, 別表第二の４２の項), a date's year, month and day, a count with its counter
(１０万人, ５年).  Tesseract measures the width of each digit from where its neighbours stand, and
one measure can go either way: 第1 9条第7号別表第二の4 2の項、４３の項 holds both widths for
one kind.  Two signs tell the width:

- the width most numbers of that kind in the cell were read in: numbers of two or more digits,
  whose own pitch tells their width, else lone digits, measured from their neighbours;
- a number whose digits tesseract read apart (``1 9``, ``4 2``): full-width digits stand an em
  apart, which tesseract takes for a space between half-width ones; such a number votes full
  width, whatever its glyphs.

Within one cell (the lines of one cell together), numbers of a kind take the width of the strict
majority of its votes (those of two or more digits, each by its count of digits: a pitch measured
over more digits is surer; the lone digits' where those tie); the
space inside a number read apart is dropped.  A tie (no truth cell of the samples mixes the
widths of a kind, so a tied cell is misread either way) takes the width the rest of the document
prints that kind in, when its other cells agree on it (more than ``DOCUMENT_WIDTH_SHARE`` of at
least ``DOCUMENT_WIDTH_MIN`` numbers); else it is left as read (and ``extract/ocr/suspects`` still
flags the mix).  Measured on the samples' 453 distinct truth documents (not held out): a cell's
width of a kind is the one the document's other cells print by more than 80% in 879 of 923
reference numbers, 636 of 667 dates and 803 of 807 other counters (95–99%).

A kind that a cell prints only in lone digits (``年１回``, ``令和３年４月１日時点``) has no number
measured by its own pitch there: LibreOffice sets white round a half-width digit between kanji,
so each such digit can read full width, all of them alike.  Such a kind takes the width the
document's other cells print that kind's numbers of two or more digits in, when they agree
(``DOCUMENT_WIDTH_SHARE`` of at least ``DOCUMENT_WIDTH_MIN``; newuser23's scans: printed ２ and
３０ read half width, printed 1 full).  On the samples' truth (379 distinct tuning documents) the
lone digits of such kinds are of that width in 499 of 530 (94%; held-out 118 of 124); a document
whose other cells print no such numbers, or mixed, leaves them as read.
"""

from __future__ import annotations

import regex

from piatable.models import RawRow

from .rewrites import rewrite_lines
from .suspects import COUNTER_KINDS

# A number (its digits possibly read apart by a space) and the kanji counter after it (on the
# next line when the cell wraps between them).  Its thousands' commas are of its width too
# (set XXXIV's n12 scan: ３，１００人 read 3,１００人, a number of both widths).
_COUNTED = regex.compile(
    r"(?<![0-9０-９])([0-9０-９](?:[ \u3000]?[0-9０-９])*(?:[,，][0-9０-９]{3})*)(の?\n?)(\p{Han})"
)
_SPLIT = regex.compile(r"[ \u3000]")
_FULL = str.maketrans("0123456789,", "０１２３４５６７８９，")
_HALF = str.maketrans("０１２３４５６７８９，", "0123456789,")
FIELDS = ("before", "after", "explanation")
# A tied cell takes the document's width of a kind when more than this share of at least
# DOCUMENT_WIDTH_MIN numbers of that kind in the document's other cells are of that width.
DOCUMENT_WIDTH_SHARE = 0.8
DOCUMENT_WIDTH_MIN = 2
# A year, month or day of a 和暦 date (令和５年１月, 平成3 0年) is a kind of its own ("era date"):
# a document may print its 西暦 dates half width and its 和暦 ones full (set VIII: 2023年11月24日
# beside （令和５年１月運用開始） in one table), so the western dates' longer numbers say nothing of
# an era date's lone digits.  On the truth of the samples and the private sets (1,082 distinct
# documents), a lone era-date digit in a cell without longer ones has the width the document's
# other era dates' longer numbers print in 346 times of 354 (98%), the western dates' only 70 of
# 99 (71%).  The era name may wrap on to the next line (（令|和５年), or the date after it (（令和|
# ６年１０月: set XXXIV's w06 scan, where the wrapped date's month was taken for a western date's
# and its year's lone ６, an era date's alone, was written half width in 6 rows).
_ERA = r"(?:令\n?和|平\n?成|昭\n?和)"
_ERA_BEFORE = regex.compile(
    rf"{_ERA}[ \u3000]*$|{_ERA}\n?[ \u3000]*(?:[0-9０-９][ \u3000]?[0-9０-９]?|元)\n?年\n?[ \u3000]*"
    r"(?:[0-9０-９][ \u3000]?[0-9０-９]?\n?月\n?[ \u3000]*)?$"
)
ERA_DATE = "era date"
# A year before a law's kind and number (令和５年法律第48号, 平成25年政令第155号) dates the law, not a
# day: a kind of its own ("law year").  A table printing its dates 令和5年11月6日 may cite its laws
# 令和５年法律 (set XVII's t09: the era dates' half-width months turned the law's ５ half width).
_LAW_AFTER = regex.compile(r"\n?(?:法律|政令|省令|条例|規則|告示)")
LAW_YEAR = "law year"


def _kind(text: str, m: regex.Match) -> str:
    """The kind of the number ``m`` (a ``_COUNTED`` match in ``text``): its counter's
    (``COUNTER_KINDS``), an era date's year, month or day apart (``ERA_DATE``), a law's year
    apart (``LAW_YEAR``)."""
    kind = COUNTER_KINDS.get(m.group(3), m.group(3))
    if kind == "date" and m.group(3) == "年" and _LAW_AFTER.match(text, m.end()):
        return LAW_YEAR
    if kind == "date" and _ERA_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
        return ERA_DATE
    return kind


def _vote(number: str) -> bool | None:
    """Full width (True), half (False) or None (digits of both widths) for one number."""
    if _SPLIT.search(number):
        return True
    digits = _SPLIT.sub("", number).replace(",", "").replace("，", "")
    if all("０" <= c <= "９" for c in digits):
        return True
    if all("0" <= c <= "9" for c in digits):
        return False
    return None


def kind_votes(text: str, longer: bool = False) -> dict[str, list[int]]:
    """Numbers of each kind in ``text`` by width: {kind: [half, full]} (numbers of both widths
    not counted; with ``longer``, numbers of two or more digits only)."""
    out: dict[str, list[int]] = {}
    for m in _COUNTED.finditer(text):
        if longer and len(m.group(1)) < 2:
            continue
        v = _vote(m.group(1))
        if v is not None:
            out.setdefault(_kind(text, m), [0, 0])[int(v)] += 1
    return out


def document_width(votes: list[int] | None) -> bool | None:
    """Full width (True), half (False) or None: what the document's other cells print a kind in
    (``votes`` [half, full]; see DOCUMENT_WIDTH_SHARE)."""
    if not votes or sum(votes) < DOCUMENT_WIDTH_MIN:
        return None
    if max(votes) / sum(votes) <= DOCUMENT_WIDTH_SHARE:
        return None
    return votes[1] > votes[0]


def even_counted_numbers(
    text: str, document: dict[str, list[int]] | None = None, longer: dict[str, list[int]] | None = None
) -> str:
    """``text`` (one cell, lines joined by ``\\n``) with the numbers of each kind in the width
    the strict majority of that kind's numbers vote for (see the module notes); a tie goes to
    the width of ``document`` ({kind: [half, full]} of the document's other cells) when it is
    clear, and a kind the cell prints only in lone digits to the width of ``longer`` (the same,
    numbers of two or more digits only) when it is clear."""
    votes: dict[str, list[list[int]]] = {}
    for m in _COUNTED.finditer(text):
        kind = _kind(text, m)
        v = _vote(m.group(1))
        # A number read in both widths (3,１００人) votes for neither, but is of its kind: with no
        # other number of it in the cell, the document's longer numbers of the kind tell its width.
        tally = votes.setdefault(kind, [[0, 0], [0, 0]])
        if v is not None:
            single = len(m.group(1)) == 1
            # A longer number's pitch is measured over more digits: it votes by its digits
            # (2023年１０月: the year's four half-width digits outweigh the month's two).
            weight = 1 if single else len(_SPLIT.sub("", m.group(1)))
            tally[int(single)][int(v)] += weight
    width: dict[str, bool] = {}
    for kind, (multi, single) in votes.items():
        if not sum(multi):
            # Only lone digits: the document's longer numbers of the kind, when they agree.
            doc = document_width((longer or {}).get(kind))
            if doc is not None:
                width[kind] = doc
                continue
        # Numbers of two or more digits first (their own pitch tells their width), lone digits
        # (measured from their neighbours) only where those tie.  A kind read all in one width
        # changes only where a number of it was read apart.
        for v in (multi, single):
            if v[0] != v[1]:
                width[kind] = v[1] > v[0]
                break
        else:
            if multi[0] + single[0] and multi[1] + single[1]:
                # Both widths, tied: the document's other cells decide, when they agree.
                doc = document_width((document or {}).get(kind))
                if doc is not None:
                    width[kind] = doc
    if not width:
        return text

    def write(m: regex.Match) -> str:
        kind = _kind(text, m)
        if kind not in width:
            return m.group(0)
        number = _SPLIT.sub("", m.group(1)).translate(_FULL if width[kind] else _HALF)
        return number + m.group(2) + m.group(3)

    return _COUNTED.sub(write, text)


def even_number_widths(rows: list[RawRow]) -> int:
    """``even_counted_numbers`` on every before, after and explanation cell of OCR rows (in
    place); the number of lines changed.  Rows changed are flagged ``ocr_corrected``."""
    cells = [
        (row, lines)
        for row in rows
        for f in FIELDS
        if (lines := row.cells.get(f) or []) and not any("\n" in cl.text for cl in lines)
    ]
    texts = ["\n".join(cl.text for cl in lines) for _, lines in cells]
    votes = [kind_votes(t) for t in texts]
    longer = [kind_votes(t, longer=True) for t in texts]
    total, total_longer = _summed(votes), _summed(longer)
    changed = 0
    for (row, lines), text, own, own_longer in zip(cells, texts, votes, longer, strict=True):
        # The document's other cells: every cell's votes less this one's.
        others = other_cells_votes(total, own)
        written = even_counted_numbers(text, others, other_cells_votes(total_longer, own_longer)).split("\n")
        changed += rewrite_lines(row, lines, written)
    return changed


def _summed(votes: list[dict[str, list[int]]]) -> dict[str, list[int]]:
    """{kind: [half, full]} over all of ``votes``."""
    total: dict[str, list[int]] = {}
    for v in votes:
        for kind, (half, full) in v.items():
            t = total.setdefault(kind, [0, 0])
            t[0] += half
            t[1] += full
    return total


def other_cells_votes(total: dict[str, list[int]], own: dict[str, list[int]]) -> dict[str, list[int]]:
    """``total`` less one cell's ``own`` votes: the document's other cells."""
    return {k: [t[0] - own.get(k, [0, 0])[0], t[1] - own.get(k, [0, 0])[1]] for k, t in total.items()}
