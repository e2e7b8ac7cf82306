"""Ruby (furigana) printed over a table's words: set aside before cells are built.

A table printed from HTML with ``<ruby>主務省令<rt>しゅむしょうれい</rt></ruby>`` (Chromium) or
from a Word document with ``w:ruby`` runs (LibreOffice Writer) holds the readings in its text
layer as small characters just above their base words (just below with ``ruby-position:
under``).  Read as text they became a line of the cell (``しゅむしょうれい番号法第１９条…``:
session 65's unseen tester, 22 rows of one table, 14 unwarned).  What tells a reading from the
cell's own text is its geometry, here known:

* its characters are much smaller than the page's body text (``RUBY_HEIGHT_RATIO`` of the
  median character height: readings are printed at 50-60 % of their base);
* a run of them (small characters on one line, each within ``RUBY_GAP_EM`` of the next) is
  kana only (hiragana, katakana, ー): a small note line (``※…``) holds kanji or digits;
* it sits just over (or under) base-size characters it spans, within ``RUBY_GAP_EM`` body
  heights, and at least one of those is a kanji (readings are printed over kanji).

Such runs are set aside with a page note counting and quoting them (``ruby_note``), so no text
is dropped silently; the blanks pdfium inferred between the base characters under a reading
(Chromium spreads a base word under a wider reading: ``行 政手続``) go with them.
"""

from __future__ import annotations

import statistics

from piatable.models import Word

# A character at most this share of the page's median character height may be a reading (ruby
# is printed at 50-60 % of its base; a page's smallest own text, a note, at 70-80 %).
RUBY_HEIGHT_RATIO = 0.68
# Characters of a reading follow each other within this many body heights (a mono-ruby's pieces
# over a word's kanji are spread); a reading's foot is this close to its base's top.
RUBY_GAP_EM = 0.9
# The median is taken over a page with at least this many characters.
MIN_BODY_CHARS = 20


# Kana a font may draw small or flat at the body size (a loose box can be as low as a reading's):
# a run of these alone is no reading.
SMALL_FORMS = frozenset("ーっゃゅょぁぃぅぇぉゎッャュョァィゥェォヮヵヶ")


def _is_kana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u3096" or "\u30a1" <= ch <= "\u30fa" or ch == "ー"


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "々〆"


def _runs(small: list[Word], gap: float) -> list[list[Word]]:
    """``small`` in runs: characters on one line (tops within ``gap`` / 2), each beginning within
    ``gap`` of the previous one's end."""
    runs: list[list[Word]] = []
    for w in sorted(small, key=lambda w: (round(w.top / max(gap / 2, 0.01)), w.x0)):
        last = runs[-1][-1] if runs else None
        if last is not None and abs(w.top - last.top) <= gap / 2 and -gap <= w.x0 - last.x1 <= gap:
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


def _inline(run: list[Word], big: list[Word], body: float) -> bool:
    """Whether a base-size character stands beside the run on its own line (within
    ``RUBY_GAP_EM`` body heights left or right, overlapping half the run's height): small glyphs
    inside a line of text (a flat ー, OCR's specks), not a reading between lines."""
    x0, x1 = run[0].x0, run[-1].x1
    top, bottom = min(w.top for w in run), max(w.bottom for w in run)
    reach = RUBY_GAP_EM * body
    half = 0.5 * (bottom - top)
    for w in big:
        if min(bottom, w.bottom) - max(top, w.top) < half:
            continue
        if x0 - reach <= w.x1 <= x0 + 0.1 * body or x1 - 0.1 * body <= w.x0 <= x1 + reach:
            return True
    return False


def _base_of(run: list[Word], big: list[Word], body: float, clear: float = -0.35) -> list[Word]:
    """The base-size characters the run reads: horizontally under (or over) it, their top within
    ``RUBY_GAP_EM`` body heights below the run's foot (or their foot above its top)."""
    x0, x1 = run[0].x0, run[-1].x1
    top, bottom = min(w.top for w in run), max(w.bottom for w in run)
    near = RUBY_GAP_EM * body
    slack = 0.25 * body
    out = []
    for w in big:
        if w.x1 <= x0 - slack or w.x0 >= x1 + slack:
            continue
        if clear * body <= w.top - bottom <= near or clear * body <= top - w.bottom <= near:
            out.append(w)
    return out


def split_ruby(
    words: list[Word], min_run: int = 1, clear: float = -0.35, narrow: bool = False
) -> tuple[set[int], list[str]]:
    """The ids (``id()``) of one page's characters (pdfium's loose boxes, pt) that are ruby, with
    the blanks between the base characters under each reading, and the readings (each run's
    text, in reading order).  Empty when the page has fewer than ``MIN_BODY_CHARS`` characters.
    ``min_run``: the fewest characters of a reading; ``clear``: how far (body heights, negative:
    overlapping) a reading's foot may reach below its base's top (or its top above the base's
    foot); ``narrow``: a reading's characters are small across too (a body line's ー, へ or ニ
    may have a box as flat as a reading's, never as narrow).  OCR also asks for two and a clear
    gap (ink boxes)."""
    glyphs = [w for w in words if w.text.strip()]
    if len(glyphs) < MIN_BODY_CHARS:
        return set(), []
    body = statistics.median(w.bottom - w.top for w in glyphs)
    if body <= 0:
        return set(), []
    limit = RUBY_HEIGHT_RATIO * body
    # Across, a reading's characters are compared with the page's full-width characters' width
    # (a loose box's height need not be its em; ink boxes of kana vary).
    wide = [w.x1 - w.x0 for w in glyphs if not w.text.isascii()]
    across = RUBY_HEIGHT_RATIO * statistics.median(wide) if wide else limit
    small = [w for w in glyphs if w.bottom - w.top <= limit and (not narrow or w.x1 - w.x0 <= across)]
    if not small:
        return set(), []
    big = [w for w in glyphs if w.bottom - w.top > limit]
    out: set[int] = set()
    readings: list[str] = []
    blanks = [w for w in words if not w.text.strip()]
    for run in _runs(small, RUBY_GAP_EM * body):
        if len(run) < min_run or not all(_is_kana(w.text) for w in run):
            continue
        if all(w.text in SMALL_FORMS for w in run):
            continue
        if _inline(run, big, body):
            continue
        base = _base_of(run, big, body, clear)
        if not any(_is_kanji(w.text) for w in base):
            continue
        out.update(id(w) for w in run)
        readings.append("".join(w.text for w in run))
        # pdfium's blanks between the base characters under (or over) this reading: a blank on
        # a base line, inside the reading's span, between two characters of that line.
        x0, x1 = run[0].x0 - 0.25 * body, run[-1].x1 + 0.25 * body
        tops = {round(w.top, 1) for w in base}
        for b in blanks:
            if x0 < b.x0 and b.x1 < x1 and any(abs(b.top - t) <= 0.25 * body for t in tops):
                out.add(id(b))
    return out, readings


def ruby_note(number: int, readings: list[str]) -> str:
    """The page's note on the ruby characters set aside (quotes at most 20 readings)."""
    count = sum(len(r) for r in readings)
    quoted = "、".join(readings[:20]) + ("…" if len(readings) > 20 else "")
    return (
        f"page {number}: {count} ruby (furigana) characters set aside, {len(readings)} readings "
        f"printed small (at most {RUBY_HEIGHT_RATIO:g} times the page's text height) over kanji: 「{quoted}」"
    )


# OCR: a reading has at least this many characters, and its ink stands clear of its base's
# (tesseract's boxes are ink boxes: one flat ー or small っ of a body line is as low as a reading).
OCR_MIN_RUN = 2
OCR_CLEAR_EM = 0.05


def split_ocr_ruby(chars: list, page: int) -> tuple[list, list[str]]:  # type: ignore[type-arg]
    """Tesseract's characters (``TsvWord``: left, top, width, height in pixels) without those
    that are ruby (``split_ruby`` with ``OCR_MIN_RUN`` and ``OCR_CLEAR_EM``), and the readings."""
    boxes = [Word(c.text, page, c.left, c.left + c.width, c.top, c.top + c.height, "ocr") for c in chars]
    ruby, readings = split_ruby(boxes, OCR_MIN_RUN, OCR_CLEAR_EM, narrow=True)
    if not ruby:
        return chars, []
    return [c for c, b in zip(chars, boxes, strict=True) if id(b) not in ruby], readings
