"""Pages whose read cannot be trusted as a whole: said in a note, their rows flagged and the input
``partial`` (issues 11/12, session 53).

Two kinds, both from users' scans that read as garbage with the status ``success``:

- **Too low a resolution.**  A page whose glyphs are fewer than ``MIN_SOURCE_GLYPH_PX`` pixels
  tall as scanned (a 100 dpi grey PNG of a table printed fit-to-page: 7–10 px) is upscaled to
  tesseract's size (``OcrSettings.target_glyph_px``) before it is read, but the strokes the scan
  never held do not come back: tesseract reads most of its cells wrong (LibreOffice Calc and
  Writer pages of samples/scan-ocr53: 8–11 px glyphs read 4 to 16 of 18 cells right; 14 px and
  more read like 200 dpi scans do).  The note names the glyph height in pixels and the scan's
  resolution.
- **Orientation unsure, read poorly.**  A page whose orientation neither the cues nor
  tesseract's detection decided is read as it lies (``orient.find_orientation``); when its
  words then read at a mean confidence below ``UNSURE_MIN_MEAN_CONF`` it was most likely
  turned, and what was read is not the table's text.  An upright page that was merely unsure
  (few lines, centred text) reads at 80–95 and is left alone.

Each such page's rows get ``ocr_suspect:<field>`` on every field (``PAGE_FIELDS``): the row must
not look trusted (README, flags).
"""

from __future__ import annotations

from .page_scan import PageScan

# Glyph height (px, as scanned, before any scaling) below which a page's read is in doubt.
MIN_SOURCE_GLYPH_PX = 12.0
# Such a page is upscaled to glyphs this tall (px), not OcrSettings.target_glyph_px (20), before
# it is read: tesseract reads the smoothed strokes better large (session 54, the tuning pages at
# 9 px glyphs, samples/office-scan54 grey100 and samples/scan-ocr53 calc-gothic-100: 14 of 36
# cells right at 20 px, 16 at 26, 19 at 32, 19 at 40, which is slower).  Its rows stay flagged.
LOW_RES_GLYPH_PX = 32.0
# Mean tesseract confidence (0-100) of a page left as it lay (orientation unsure) below which
# it was probably turned and its read is not trusted.
UNSURE_MIN_MEAN_CONF = 60.0
# The fields flagged on a doubted page's rows.
PAGE_FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")


def mean_conf(scan: PageScan) -> float:
    """Mean tesseract confidence (0-100) of the page's words that carry one; 100 with none."""
    confs = [w.conf for w in scan.words if w.conf >= 0 and w.text.strip()]
    return sum(confs) / len(confs) if confs else 100.0


def page_doubts(scans: list[PageScan]) -> tuple[list[str], dict[int, str], bool]:
    """(notes, flags by page — space-separated ``ocr_suspect:<field>`` — , partial) for the
    pages whose read is doubted as a whole (see the module notes)."""
    notes: list[str] = []
    flags: dict[int, str] = {}
    for s in scans:
        why = ""
        if 0 < s.source_glyph < MIN_SOURCE_GLYPH_PX:
            why = (
                f"page {s.page}: glyphs only {s.source_glyph:.0f} px tall as scanned (at "
                f"{s.source_dpi:.0f} dpi; below {MIN_SOURCE_GLYPH_PX:.0f} px OCR misreads many "
                "characters even upscaled): its rows' text is in doubt; scan at 200-300 dpi"
            )
        elif s.turned_by == "unsure" and (conf := mean_conf(s)) < UNSURE_MIN_MEAN_CONF:
            why = (
                f"page {s.page}: orientation unsure and its text read at a mean confidence of "
                f"{conf:.0f}: the page may be turned; its rows' text is in doubt"
            )
        if why:
            notes.append(why)
            flags[s.page] = " ".join(f"ocr_suspect:{f}" for f in PAGE_FIELDS)
    return notes, flags, bool(notes)
