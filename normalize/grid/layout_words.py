"""Words of ``pdftotext -layout``-like text (``cell`` units): the spaces an autospacing maker
(Word, Writer) printed between Latin and Japanese text, and a text column's wrap width.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

from piatable.models import CellLine
from piatable.settings import GridSettings, Settings

from ..rejoin import is_soft_break

# A Latin letter or digit (or a numeral Ⅰ ① that Word sets as Latin) beside a Japanese
# character, with or without a space between.
_LATIN = r"[0-9A-Za-zⅠ-Ⅻ①-⑳]"
_KANA_KANJI = r"[\p{Han}\p{Hiragana}\p{Katakana}ー]"
_BOUNDARY_SPACED = regex.compile(rf"(?<={_LATIN}) (?={_KANA_KANJI})|(?<={_KANA_KANJI}) (?=[0-9A-Za-z])")
_BOUNDARY_TIGHT = regex.compile(rf"(?<={_LATIN})(?={_KANA_KANJI})|(?<={_KANA_KANJI})(?=[0-9A-Za-z])")


def is_autospaced(texts: list[str], settings: GridSettings) -> bool:
    """True when the text comes from a PDF whose maker set Latin text apart from Japanese
    (Word, Writer): at least ``layout_autospace_share`` of the Latin/Japanese boundaries of
    ``texts`` carry a single space, and at least ``layout_autospace_min`` do."""
    spaced = sum(len(_BOUNDARY_SPACED.findall(t)) for t in texts)
    tight = sum(len(_BOUNDARY_TIGHT.findall(t)) for t in texts)
    share = settings.layout_autospace_share
    return spaced >= settings.layout_autospace_min and spaced >= share * (spaced + tight)


def drop_autospace(text: str) -> str:
    """The text without the spaces an autospacing maker printed at Latin/Japanese boundaries
    (``10 万人`` → ``10万人``, ``Ⅰ 基本情報`` → ``Ⅰ基本情報``).  A real space there is lost too;
    whitespace-free the text is unchanged."""
    return _BOUNDARY_SPACED.sub("", text)


def wrap_width(widths: list[float], settings: GridSettings) -> float:
    """A text column's wrap width from its lines' display widths: the widest that at least
    ``layout_wrap_min_lines`` lines have, and at least ``layout_wrap_min_share`` as many as the
    commonest width has (one over-wide line, a misplaced piece or a spread-out date, does not
    set it; lines a character longer than the rest, kinsoku aside, still wrap)."""
    if not widths:
        return 0.0
    counts = Counter(round(w) for w in widths)
    need = max(settings.layout_wrap_min_lines, settings.layout_wrap_min_share * max(counts.values()))
    wide = [w for w, n in counts.items() if n >= need]
    return float(max(wide)) if wide else max(widths)


def drop_cell_autospace(lines: list[CellLine], width: float | None, settings: Settings) -> None:
    """Drop the autospace of a cell's lines (``10 万人`` → ``10万人``), the wrap verdict taken
    first on the lines as printed: the spaces took room on the line, so without them a full
    line would look short."""
    printed = [replace(cl, text=cl.text.strip()) for cl in lines]
    for k, cl in enumerate(lines):
        if k + 1 < len(lines) and printed[k].text and printed[k + 1].text:
            cl.wraps = is_soft_break(printed[k], printed[k + 1], width, settings.rejoin)
        cl.text = drop_autospace(cl.text)
