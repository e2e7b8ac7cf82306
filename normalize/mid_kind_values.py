"""A kind column (変更区分: 追加 / 修正 / 削除) between 項目 and 変更前 in row-ordered text: its
values found by the rows' timing words.

Set XXIX t01 (openpyxl → Calc): ``変更日 | 項目 | 変更区分 | 変更前の記載 | …``.  The PDF and
``-layout`` read it (the column is ruled or placed); every row-ordered text (pypdfium2, pypdf,
``-raw``, PyMuPDF, pdfminer, plain pdftotext, pdfplumber) printed the value as one more cell of
its row, and the reader took ``修正`` for the 変更前 (and the real before into 変更後) or, in
pdfminer's text, for an explanation: 0 of 14 rows right.  The value's place differs by extractor
(``2023/2/6 修正 事後`` on a line of one-line cells, ``修正`` alone on a line between the item and
the before, ``2023/2/6Ⅱ… 修正 [○]紙 …``), but every one prints a row's kind before the row's
提出時期 (事前 / 事後), and after the row's date.

``mid_kind_hits`` cuts the text at each whole timing word into spans; in each span that ends on
a timing word it takes the first whole word of ``MID_KIND_WORDS`` after the span's first
line opening with a date (before the date: an explanation's wrapped ``…に伴う`` / ``修正`` of
the row above), or, in a span with no date (pdfminer prints some rows' dates together, their
cells after), the first in the span that is not such a wrapped tail (``WRAP_MIN_CHARS``).  A
変更後 cell that is ``削除`` too comes after the row's kind, so the first is the kind's.  Text
after the last timing word is left alone.  The caller counts the values: a column whose values
were not all found keeps its rows' ``column_guess``.
"""

from __future__ import annotations

import regex

from piatable.vocabulary import MID_KIND_WORDS

from .dates import DATE

# A whole timing word (a 提出時期 cell), space- or line-bounded.
_TIMING = regex.compile(r"(?<![^\s\u3000])事[前後](?![^\s\u3000])")
# A whole word (space- or line-bounded) on a line.
_WORD = regex.compile(r"[^\s\u3000]+")
# A word alone on its line right under a line of this many characters or more (not a date, not
# ending a sentence) is that line's wrapped tail (an explanation's ``…への移行に伴う`` / ``修正``),
# passed over in a span with no date when another word follows (set XXIX t01, pdfminer).
WRAP_MIN_CHARS = 10
# A line opening a row: its date first (pdfplumber glues the item's section to it: ``2023/2/6Ⅱ…``).
_ROW_DATE = regex.compile(rf"^[\s\u3000\f]*(?:{DATE.pattern})")


def mid_kind_hits(lines: list[str]) -> list[tuple[int, int, int, str]]:
    """(line, start, end, value) of each row's kind value in ``lines`` (row-ordered text, the
    label row's kind label already taken out), in the text's order; see the module notes."""
    hits: list[tuple[int, int, int, str]] = []
    span: list[tuple[int, int, int, str]] = []  # the current span's kind words
    dated = -1  # index into span of the first word after the span's first dated line, or -1
    for k, line in enumerate(lines):
        stops = [m.start() for m in _TIMING.finditer(line)]
        if _ROW_DATE.match(line) and dated < 0:
            dated = len(span)
        pos = 0
        for stop in [*stops, None]:
            end = len(line) if stop is None else stop
            for m in _WORD.finditer(line, pos, end):
                if m.group() in MID_KIND_WORDS:
                    span.append((k, m.start(), m.end(), m.group()))
            if stop is None:
                break
            pick = dated if 0 <= dated < len(span) else _first_unwrapped(lines, span)
            if span:
                hits.append(span[pick])
            span, dated, pos = [], -1, stop + 2
    return hits


def _first_unwrapped(lines: list[str], span: list[tuple[int, int, int, str]]) -> int:
    """Index of the first word of ``span`` that is not a wrapped line's tail (see
    ``WRAP_MIN_CHARS``), or 0."""
    for n, (k, _, _, word) in enumerate(span):
        above = lines[k - 1].strip(" \u3000\f") if k > 0 else ""
        tail = (
            lines[k].strip(" \u3000\f") == word
            and len(above) >= WRAP_MIN_CHARS
            and not above.endswith("。")
            and not _ROW_DATE.match(above)
        )
        if not tail:
            return n
    return 0


def cut_hits(lines: list[str], hits: list[tuple[int, int, int, str]], keep_lines: bool = False) -> list[str]:
    """``lines`` without the words ``hits`` name (a line left blank by its word goes unless
    ``keep_lines``, and the spaces around a word inside a line close to one)."""
    out = list(lines)
    gone: set[int] = set()
    for k, a, b, _ in sorted(hits, reverse=True):
        line = out[k]
        left, right = line[:a].rstrip(" \u3000"), line[b:].lstrip(" \u3000")
        if not (left + right).strip(" \u3000\f"):
            gone.add(k)
            out[k] = left + right
            continue
        out[k] = f"{left} {right}" if left.strip() and right else left + right
    return [ln for k, ln in enumerate(out) if keep_lines or k not in gone or "\f" in ln]
