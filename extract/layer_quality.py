"""Whether a page's text layer says what the page shows: the judgement behind ``PageScan.unusable``.

A PDF can carry a text layer whose characters are not the printed ones: a Ghostscript
``pdfwrite`` pass over a Chromium PDF rebuilds the fonts' ToUnicode maps wrongly (set XIX t11:
kana come out as Latin-1 letters, ``ÿ別添２Ā変更箇所``, ``a基本情報``, ``{おいv``), a PostScript
printing driver (``gs -sDEVICE=ps2write`` → ``ps2pdf``) leaves glyph codes that pdfium maps to
control characters, Latin-1 letters or Dingbats (``✓✖✚❊``), a Type3 or CID font without a
ToUnicode map gives codes of no script at all.  Read as text, such a layer loses the rows or
yields garbage rows while the document says success; its page must be read as a scan (OCR).

A page is judged on its whitespace-free text after ``normalize.unicode.clean_text`` (which maps
Kangxi radicals, CJK Radicals Supplement forms and CJK compatibility ideographs to the printed
ideographs: those alone are repaired, not a reason to OCR):

- ``strange``: characters a Japanese assessment table does not print (Latin-1 and Latin Extended
  letters, Dingbats, Cyrillic, Hangul, …; anything outside ``_TABLE_CHARS``).  Every page of the
  repository's 1,617 sample PDFs (4,310 pages) has none but the Symbol-font bullets (U+F0B7)
  that ``glyph_codes`` mends, which are counted as ``garbled`` instead; the broken layers of
  t11 and of samples/office-garbled58 hold 7–88%.  ``STRANGE_SHARE`` lies well between.
- ``japanese``: kana, ideographs and full-width forms.  Every sample page of at least
  ``JAPANESE_MIN_CHARS`` characters holds 28.9% or more (heldout-plumber53/hp53-abiword-v2
  page 4: addresses and telephone numbers); a layer of glyph codes read as ASCII, or of another
  language, holds none.
"""

from __future__ import annotations

import re

from piatable.normalize.unicode import clean_text

# Characters a Japanese table prints: ASCII, ¥ § ° ± ¶ × ÷, general punctuation to misc
# technical (U+2000–U+23FF: ‐ ― … ※ Ⅰ → ∼), enclosed alphanumerics to misc symbols (① ─ ■ ○ ★),
# CJK symbols, kana, CJK blocks (also those after clean_text), full-width forms, CJK
# extension planes.  The garbled class of ``pdf_scan`` (controls, private use, U+FFFD) is
# counted apart and left out here.
_TABLE_CHARS = re.compile(
    r"[\x21-\x7e\u00a5\u00a7\u00b0\u00b1\u00b6\u00d7\u00f7\u2000-\u23ff\u2460-\u26ff"
    r"\u3000-\u30ff\u3190-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
    r"\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ufffe\ue000-\uf8ff]+"
)
_JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

# A page whose share of ``strange`` characters exceeds this has a text layer that does not map
# to the printed glyphs (samples: 0 on every page; broken layers: 0.07 and more).
STRANGE_SHARE = 0.05
# A page of at least JAPANESE_MIN_CHARS characters of which fewer than this share are Japanese
# is no Japanese text (samples: 0.289 and more; glyph codes as ASCII: 0).
JAPANESE_MIN_SHARE = 0.1
JAPANESE_MIN_CHARS = 40


def strange_count(flat: str) -> int:
    """How many characters of ``flat`` (whitespace-free, ``clean_text``-ed) no Japanese table prints."""
    return len(flat) - sum(m.end() - m.start() for m in _TABLE_CHARS.finditer(flat))


def japanese_count(flat: str) -> int:
    """How many characters of ``flat`` are kana, ideographs or full-width forms."""
    return len(_JAPANESE.findall(flat))


def layer_fault(chars: int, strange: int, japanese: int) -> str:
    """Why a page's text layer of ``chars`` characters (``strange`` of no Japanese table,
    ``japanese`` Japanese) does not say what the page shows, in a few words; "" when it may."""
    if chars and strange > STRANGE_SHARE * chars:
        return (
            f"text layer not the printed text ({100 * strange // chars}% of its characters are Latin "
            "letters, symbols or codes no Japanese table prints: a broken ToUnicode map)"
        )
    if chars >= JAPANESE_MIN_CHARS and japanese < JAPANESE_MIN_SHARE * chars:
        return "text layer not the printed text (no Japanese in it: glyph codes without a Unicode map)"
    return ""


def text_fault(raw: str) -> str:
    """``layer_fault`` of a page's raw text (pdfium's ``get_text_range``)."""
    flat = "".join(clean_text(raw).split())
    return layer_fault(len(flat), strange_count(flat), japanese_count(flat))


# Characters a glyph-code layer gives for kana and digits that a cover fact (a date, an agency,
# a name) prints rarely: an ASCII letter or bracket from such a layer is no evidence.
_CODE_ASCII = re.compile(r"[A-Za-z{|}~^_`\\\[\]]")


def layer_facts(facts: dict[str, str]) -> dict[str, str]:
    """The cover ``facts`` read from a text layer that is not the printed text which may still be
    trusted: those with no character such a layer makes of kana or digits (t11: 公表日
    ``令和元年6月3日`` and the agency ``西川村長`` kept, the name ``児童手当{関y»事務`` dropped)."""
    return {k: v for k, v in facts.items() if not strange_count(v) and not _CODE_ASCII.search(v)}


# The note of a flattened text some of whose pages are not the printed text (``faulty_text_pages``).
TEXT_FAULT_NOTE = (
    "page(s) {pages} of the text: {fault}; the text was taken from a PDF whose text layer is broken,"
    " so its rows are flagged unmapped_glyphs: give the PDF itself (its pages are then read by OCR)"
)


def faulty_text_pages(text: str) -> dict[int, str]:
    """The 1-based pages (at form feeds) of a flattened ``text`` whose characters are not the
    printed text (``text_fault``: an extractor's text of a PDF whose layer is broken), each with
    why.  The repository's 27,686 text pages and sets XVII-XIX's 870 have none."""
    return {i: f for i, page in enumerate(text.split("\f"), start=1) if (f := text_fault(page))}
