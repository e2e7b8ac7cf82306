"""Kanji tesseract read unsure that neither the dictionary nor the document vouches for.

Tesseract gives each character a confidence (``CellLine.unsure`` keeps the words of a line read
below ``UNSURE_WORD_CONF``).  A right character read unsure is still part of the text around it:
it makes a dictionary word with its neighbours (部|署 read at 75 is in 部署), or it stands beside
the same neighbour elsewhere in the document or in the form's headings (市民|課 in another row).
A misread (範肝 for 範囲, 部敵 for 部署, 再委旗先 for 再委託先) does neither: the kanji makes
no word with its neighbours, and the pair is printed nowhere else.  Such a cell gets an
``ocr_suspect`` doubt with the character and its confidence.

Only single kanji are judged: tesseract's low-confidence multi-character words are mostly
dictionary words, and kana, digits and letters have their own checks (``extract/ocr/suspects``,
normalize/evidence.py).  Lines the OCR corrections changed round the character are vouched for
by the corrections (``ocr_text.unsure_spots`` finds the character only with its neighbours as
read).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from piatable.models import Doubt, RawRow
from piatable.settings import QualitySettings
from piatable.vocabulary import DATA_DIR, HEADING_FILES

from .ocr_text import unsure_spots
from .tokenizer import SudachiTokenizer, Tokenizer, default_tokenizer

SPOT_FIELDS = ("item", "before", "after", "explanation")
_KANJI = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}]$")
_SPACE = regex.compile(r"\s+")


def _pairs(text: str) -> list[str]:
    t = _SPACE.sub("", text)
    return [t[i : i + 2] for i in range(len(t) - 1)]


@lru_cache(maxsize=1)
def form_pairs() -> frozenset[str]:
    """Character pairs of the form's headings and words (the heading lexicon files)."""
    text = "\n".join(
        DATA_DIR.joinpath(name).read_text("utf-8") for name in (*HEADING_FILES, "ocr_form_words.tsv")
    )
    return frozenset(p for line in text.splitlines() if not line.startswith("#") for p in _pairs(line))


def _document_pairs(rows: list[RawRow]) -> Counter[str]:
    """Character pairs of the document's cells, each printed line counted once (a merged cell
    copied into several rows, or a line shared by two cells, is one line of print)."""
    seen: set[tuple] = set()
    out: Counter[str] = Counter()
    for row in rows:
        for f in SPOT_FIELDS:
            for cl in row.cells.get(f) or []:
                key = (cl.page, cl.line_no, cl.text) if cl.line_no is not None else (id(cl),)
                if key in seen:
                    continue
                seen.add(key)
                out.update(_pairs(cl.text))
    return out


def _in_word(tok: SudachiTokenizer, text: str, at: int) -> bool:
    """The character at ``at`` of ``text`` is inside a dictionary word of two or more
    characters."""
    return any(
        m.begin() <= at < m.end() and m.end() - m.begin() >= 2 and not m.is_oov() for m in tok.tokenize(text)
    )


def suspect_spots(
    rows: list[RawRow], below: float, tokenizer: Tokenizer | None = None
) -> list[tuple[int, str, str, int, float]]:
    """(row index, field, line text, offset, confidence) of each character read below ``below``
    that is in no dictionary word with its neighbours and whose pair with either neighbour is
    printed nowhere else in the document nor in the form's headings, in document order."""
    tok = tokenizer or default_tokenizer()
    if not isinstance(tok, SudachiTokenizer) or not any(
        cl.unsure for row in rows for f in SPOT_FIELDS for cl in row.cells.get(f) or []
    ):
        return []
    doc = _document_pairs(rows)
    form = form_pairs()
    out = []
    for k, row in enumerate(rows):
        for f in SPOT_FIELDS:
            for text, a, b, conf in unsure_spots(row, f, below):
                ch = text[a:b]
                if not _KANJI.match(ch):
                    continue
                left, right = text[max(a - 1, 0) : a].strip(), text[b : b + 1].strip()
                pairs = [p for p in (left + ch, ch + right) if len(p) == 2]
                if any(doc[p] >= 2 or p in form for p in pairs):
                    continue
                # The word may wrap onto the next line or come from the one before: the cell's
                # lines joined.
                joined = "".join(cl.text for cl in row.cells[f])
                at = joined.find(text) + a if joined.find(text) >= 0 else -1
                if _in_word(tok, text, a) or (at >= 0 and _in_word(tok, joined, at)):
                    continue
                out.append((k, f, text, a, conf))
    return out


def unsure_kanji_doubts(
    rows: list[RawRow], q: QualitySettings, tokenizer: Tokenizer | None = None
) -> list[list[Doubt]]:
    """Per row, an ``ocr_suspect`` doubt for each cell holding a character ``suspect_spots``
    finds below ``q.ocr_unsure_kanji_conf``."""
    out: list[list[Doubt]] = [[] for _ in rows]
    for k, f, text, a, conf in suspect_spots(rows, q.ocr_unsure_kanji_conf, tokenizer):
        if any(d.field == f for d in out[k]):
            continue
        context = text[max(a - 2, 0) : a + 3].strip()
        why = f"{text[a]!r} read with confidence {conf:.0f} makes no word with its neighbours ({context!r})"
        out[k].append(Doubt("ocr_suspect", f, why))
    return out
