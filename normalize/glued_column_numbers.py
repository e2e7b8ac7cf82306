"""A column of numbers printed one a row (a page reference 評価書頁, a serial No.) read into the
cells beside it: the doubt on every row where one of its values is glued to a cell's text.

Layout text (``pdftotext -layout``, pdfplumber and pypdf layout mode) of a table with a column
beyond the six whose label was not read as one (``評価`` / ``書頁`` wrapped over two lines, a
serial ``No`` repeated on a later page) prints each row's value at the end of a neighbour's first
line, and the reader joins it to that cell: ``【修正】10``, ``財政部市民税課14``,
``収納対策17課``, ``電話番7号``, ``第三者9点検`` (samples/office-extracol67, Writer ``pagemid2``
and ``serialast`` read by pypdf's layout mode, pdfplumber's and pdftotext's: 20 wrong rows at
confidence 0.934 with no flag on main).  One such number alone is no evidence (``…に伴う追加11``
ends right cells of wrapped text: ``stray_numbers``), but the values of one column run with the
rows: a page reference grows from row to row, a serial grows by one a row.  So a number glued to
Japanese text (``glued_numbers``) that is one of a run over the document's rows (``run_rows``)
gives its row ``column_guess``: which column the number belongs to, and whether a cell of the
table prints it as its own, the text does not tell, so nothing is cut out.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from piatable.models import Doubt, Record

from .stray_numbers import COUNTERS, NUMBER_LEADS, WORD_CONTEXT
from .tokenizer import Tokenizer, default_tokenizer, word_spans_break

_JA = r"[\p{Han}\p{Hiragana}\p{Katakana}ー】）]"
# One to three ASCII digits glued to Japanese text on their left and ending the line or glued to
# Japanese text on their right.  Full-width digits are left out: the form's own numbering
# (システム３, 委託事項１, リスク５) prints them so, and the extractors give a column's values as
# the PDF prints them, ASCII in the samples' tables (office-extracol67, extracols62/63).
_GLUED = regex.compile(r"(?<=" + _JA + r")([0-9]{1,3})(?=$|\n|" + _JA + r")", regex.MULTILINE)
GLUED_FIELDS = ("before", "after", "explanation")
# Rows a run needs: two whose values grow by as much as their rows lie apart (a serial), or this
# many whose values grow (page references skip pages).
MIN_GROWING_ROWS = 3


def glued_numbers(text: str, tokenizer: Tokenizer | None = None) -> tuple[list[int], list[int]]:
    """The numbers of ``text`` glued to Japanese text (see ``_GLUED``), leaving out those after 第
    / an era / の (``NUMBER_LEADS``): those the text writes as its own.  Returned in two lists:
    the numbers sure to be glued, and those before a counter (``COUNTERS``: 年１回, 3件, but also
    第三者|9|点検) where the characters each side make no one word without the number
    (``tokenizer.word_spans_break``; 電話番|7|号 does, and is sure): such a number joins a run the
    sure ones made (``run_rows``), never starts one."""
    sure: list[int] = []
    weak: list[int] = []
    tok = tokenizer
    for m in _GLUED.finditer(text):
        left, right = text[: m.start()], text[m.end() :]
        if left[-1] in NUMBER_LEADS:
            continue
        if right[:1] in COUNTERS:
            tok = tok or default_tokenizer()
            if not word_spans_break(tok, left, right, WORD_CONTEXT):
                weak.append(int(m.group(1)))
                continue
        sure.append(int(m.group(1)))
    return sure, weak


def _growing(held: list[tuple[int, int]]) -> bool:
    return all(b[1] > a[1] for a, b in pairwise(held))


def run_rows(sure: list[list[int]], weak: list[list[int]] | None = None) -> set[int]:
    """Indexes of the rows whose glued number is one of a run.  Rows holding a sure number
    (``sure``: per row, the first one taken), in order, are a run when their numbers grow strictly
    from row to row over at least ``MIN_GROWING_ROWS`` rows, or over two or more whose numbers lie
    as far apart as the rows (a serial).  A row of no sure number joins the run with a number of
    ``weak`` (per row) that keeps it growing (and, for a serial, keeps the step of one a row)."""
    held = [(k, v[0]) for k, v in enumerate(sure) if v]
    if len(held) < 2 or not _growing(held):
        return set()
    serial = all(b[1] - a[1] == b[0] - a[0] for a, b in pairwise(held))
    if len(held) < MIN_GROWING_ROWS and not serial:
        return set()
    rows = {k for k, _ in held}
    offset = held[0][1] - held[0][0]
    for k, values in enumerate(weak or []):
        if k in rows:
            continue
        for v in values:
            trial = sorted([*held, (k, v)])
            if _growing(trial) and (not serial or v - k == offset):
                held, rows = trial, rows | {k}
                break
    return rows


def glued_column_doubts(records: list[Record], tokenizer: Tokenizer | None = None) -> list[list[Doubt]]:
    """Per record, ``column_guess`` where a number glued to a before / after / explanation cell's
    text is one of a run over the rows (``run_rows``): another column's value read into the cell."""
    found = [{f: glued_numbers(getattr(r, f) or "", tokenizer) for f in GLUED_FIELDS} for r in records]
    sure = [[n for f in GLUED_FIELDS for n in cells[f][0]] for cells in found]
    weak = [[n for f in GLUED_FIELDS for n in cells[f][1]] for cells in found]
    out: list[list[Doubt]] = [[] for _ in records]
    for k in sorted(run_rows(sure, weak)):
        field = next(f for f in GLUED_FIELDS if any(found[k][f]))
        n = (found[k][field][0] or found[k][field][1])[0]
        why = f"a number glued to the text ({n}), one of a run over the rows: another column's value?"
        out[k].append(Doubt("column_guess", field, why))
    return out
