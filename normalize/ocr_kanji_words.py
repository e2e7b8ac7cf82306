"""Kanji words of an OCR cell one kanji off a word the document prints, the odd kanji printed
nowhere else (issue 12).

Tesseract misreads a kanji as another of like shape with a confidence it gives right reads
(組織改績 for 組織改編 at 95, 税季 for 税務 at 98): the unsure-kanji check
(``ocr_spots``) does not see it.  The document does: an amendment table prints its terms again
and again (組織改編による修正 in three rows), and the misread is

* a run of kanji the document prints once, one kanji off a run of the same length it prints
  elsewhere (組織改績 / 組織改編);
* that kanji is in a pair the dictionary holds in no word (SudachiPy reads 改 / 績 as two words
  of one character, and 改績 is no entry), nor the form's headings;
* and the kanji is printed nowhere else in the document nor in the form's headings.

A right run one kanji off another (除票 / 附票, 課内 / 庁内, 個人番号通知書等 / …書及) is made of
words, or its odd kanji is one the document uses elsewhere: quiet on every truth row of the
samples (1,651 distinct tables, 4,466 distinct cell texts).  Only for OCR rows.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import pairwise

import regex

from piatable.models import Doubt, RawRow, Record

from .ocr_spots import form_pairs
from .tokenizer import SudachiTokenizer, Tokenizer, default_tokenizer

FIELDS = ("item", "before", "after", "explanation")
_RUN = regex.compile(r"\p{Han}{2,}")
_ONE_KANJI = regex.compile(r"^\p{Han}$")


@lru_cache(maxsize=1)
def _form_chars() -> frozenset[str]:
    return frozenset(c for p in form_pairs() for c in p)


def _document_runs(records: list[Record]) -> tuple[Counter[str], Counter[str]]:
    """Kanji runs and characters of the document's text cells, each distinct line counted once
    (a merged cell copied into several rows is one print)."""
    runs: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    seen: set[str] = set()
    for rec in records:
        for f in FIELDS:
            for line in (getattr(rec, f) or "").split("\n"):
                if line in seen:
                    continue
                seen.add(line)
                runs.update(_RUN.findall(line))
                chars.update(line)
    return runs, chars


def _odd_pairs(tok: SudachiTokenizer, line: str, form: frozenset[str]) -> list[int]:
    """Offsets in ``line`` of each kanji pair read as two one-kanji words whose pair is no
    dictionary word nor in the form's headings."""
    out = []
    ms = list(tok.tokenize(line))
    for a, b in pairwise(ms):
        pair = a.surface() + b.surface()
        if _ONE_KANJI.match(a.surface()) and _ONE_KANJI.match(b.surface()):
            if pair not in form and not tok.is_word(pair):
                out.append(a.begin())
    return out


def _near_run(run: str, j: int, runs: Counter[str]) -> str:
    """A run of the document as long as ``run`` that differs from it at ``j`` only."""
    return next(
        (
            w
            for w in runs
            if len(w) == len(run) and w != run and w[:j] == run[:j] and w[j + 1 :] == run[j + 1 :]
        ),
        "",
    )


def _odd_run(
    tok: SudachiTokenizer, line: str, runs: Counter[str], chars: Counter[str], form: frozenset[str]
) -> str:
    """Why a kanji run of ``line`` is a misread (see the module notes), or ``""``."""
    odd = _odd_pairs(tok, line, form) if _RUN.search(line) else []
    for m in _RUN.finditer(line) if odd else ():
        run = m.group(0)
        if runs[run] > 1:
            continue
        for j in sorted({j for at in odd for j in (at - m.start(), at - m.start() + 1) if 0 <= j < len(run)}):
            if chars[run[j]] > 1 or run[j] in _form_chars():
                continue
            if near := _near_run(run, j, runs):
                return f"{run!r}, printed once, is a kanji off {near!r} (its {run[j]} printed nowhere else)"
    return ""


def odd_kanji_doubts(
    rows: list[RawRow], records: list[Record], tokenizer: Tokenizer | None = None
) -> list[list[Doubt]]:
    """Per row, an ``ocr_suspect`` doubt for each OCR text cell holding a kanji run one kanji
    off another run of the document (see the module notes)."""
    ocr = [row.read_by_ocr for row in rows]
    return document_odd_kanji_doubts(records, ocr, tokenizer)


def document_odd_kanji_doubts(
    records: list[Record], ocr: list[bool], tokenizer: Tokenizer | None = None
) -> list[list[Doubt]]:
    """``odd_kanji_doubts`` for the records whose ``ocr`` is True (all of them are the document)."""
    out: list[list[Doubt]] = [[] for _ in records]
    tok = tokenizer or default_tokenizer()
    if not isinstance(tok, SudachiTokenizer) or not any(ocr):
        return out
    runs, chars = _document_runs(records)
    form = form_pairs()
    for k, rec in enumerate(records):
        for f in FIELDS if ocr[k] else ():
            lines = (getattr(rec, f) or "").split("\n")
            if why := next((w for line in lines if (w := _odd_run(tok, line, runs, chars, form))), ""):
                out[k].append(Doubt("ocr_suspect", f, why))
    return out
