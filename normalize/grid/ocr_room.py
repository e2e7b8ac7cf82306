"""Where an OCR line ends, for the wrap verdict: tesseract's boxes hold ink, narrower than the
advance the print gave each character, so a line's reach and the next line's first piece are
read with the line's own pitch and the white a narrow glyph leaves of its em."""

from __future__ import annotations

from piatable.settings import GridSettings

from ..chars import KANA_KANJI, display_width
from .lines import Line

# A line's own pitch is measured from this many display units on; it is taken between the
# glyph height and OCR_PITCH_MAX glyph heights (a line read with a stray box is no measure).
OCR_PITCH_MIN_UNITS = 8
OCR_PITCH_MAX = 1.3


def ocr_pitch(ln: Line, hx: float) -> float:
    """The advance of a full-width character on an OCR line: its ink's span over its display
    units (a Japanese line's characters stand one em apart, a little more than the glyph height
    ``hx`` the page measures), at least ``hx``."""
    units = display_width(ln.text.replace(" ", ""))
    if units < OCR_PITCH_MIN_UNITS:
        return hx
    span = max(w.x1 for w in ln.words) - min(w.x0 for w in ln.words)
    return min(max(hx, span / (units / 2)), OCR_PITCH_MAX * hx)


def white_after(ln: Line, em: float, gs: GridSettings) -> float:
    """Room an OCR line's last character takes beyond its ink: a closing mark (、。）) stands in
    the left of its em (``ocr_closer_white_em``), a full-width digit, letter or ・ in its middle
    (half of what its ink leaves of the em)."""
    last = ln.words[-1]
    ch = last.text.rstrip()[-1:]
    if ch in OCR_WHITE_AFTER:
        return gs.ocr_closer_white_em * em
    if len(last.text.strip()) == 1 and display_width(ch) == 2 and not KANA_KANJI.match(ch):
        return max(0.0, (em - (last.x1 - last.x0)) / 2)
    return 0.0


# Full-width marks whose ink stands in the left of their em (closing punctuation): a line ending
# on one reaches, in OCR's ink boxes, short of where its advance ends.
OCR_WHITE_AFTER = frozenset("、。，．）」』】〕＞》〉")
