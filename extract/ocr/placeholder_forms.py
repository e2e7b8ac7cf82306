"""Placeholder runs (○○市, ○○システム) whose circle a scan cannot tell: flagged, not guessed.

Forms and their filled copies write the placeholder of a name with either ○ (U+25CB) or the
kanji zero 〇 (U+3007), and the two are drawn alike: in IPAex Gothic 〇 is 0.82 em wide and ○
0.84, in IPAex Mincho 0.80 and 0.84, strokes a pixel apart at 200 dpi.  Tesseract never writes
○; it reads either as 〇 or O / Ｏ, in the same shares: the placeholder circles of the private
scan sets read 〇 in 22 of 41 where the page printed 〇 (set VIII, 54%) and in 29 of 53 where it
printed ○ (sets V–VII and samples/scan-ocr47, 55%), one document at a time anywhere from none to
all of them.  Nothing on the page tells the two apart, so the corrections write every
placeholder run as the forms' ○ (``corrections.fix_placeholder``,
``structure_fixes.fix_placeholder_run``, ``structure_fixes.even_placeholders``: four of the five
new users' sets print ○) and this step says so: each cell holding a run of two or more circles
(or one inside a line before a Japanese character) outside a check box gets an
``ocr_suspect:<field>`` doubt of strength ``PLACEHOLDER_DOUBT`` naming both characters, so that
a table printing 〇〇 is not given ○○ silently.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

# Strength (0–1) of the doubt on a cell whose placeholder circle is a guess: the text is right
# but for that one character's code point, in most tables (four of the five private sets).
PLACEHOLDER_DOUBT = 0.5
_TEXT_COLUMNS = ("item", "before", "after", "explanation")
# A placeholder run as the corrections write it: two or more circles, not in a check box; or one
# inside a line before a Japanese character (〒…○市: a run with a circle lost), or anywhere
# before a circle's misread and a kanji (○の市, ○C市, ○CO町), or opening a line before the kind
# of municipality a placeholder names (○市総務部; a lone circle opening a line before other
# text is a bullet).
_PLACEHOLDER = regex.compile(
    r"(?<![\[［○〇])(?:[○〇]{2,}|(?<=\S)[○〇](?=[\p{Han}\p{Hiragana}\p{Katakana}])"
    r"|[○〇](?=[のごCcＣｃOＯoｏ0０]{1,2}\p{Han})|^\s*[○〇](?=[市町村区都道府県](?!民)))(?![\]］○〇])"
)
_WHY = (
    "placeholder {run} read from a scan: ○ (U+25CB) and the kanji zero 〇 (U+3007) print alike "
    "and tesseract reads both as 〇 or O, so which one the page printed is a guess"
)


def flag_placeholder_forms(rows: list[RawRow]) -> list[str]:
    """An ``ocr_suspect`` doubt on each text cell of OCR rows holding a placeholder run (module
    notes; in place); a note counting the cells."""
    count = 0
    for row in rows:
        for column in _TEXT_COLUMNS:
            for cl in row.cells.get(column) or []:
                m = _PLACEHOLDER.search(cl.text)
                if m:
                    why = _WHY.format(run=m.group(0))
                    row.doubts.append(Doubt("ocr_suspect", column, why, PLACEHOLDER_DOUBT))
                    count += 1
                    break
    if not count:
        return []
    return [f"{count} OCR cell(s) with a placeholder whose circle (○ or 〇) is a guess (ocr_suspect)"]
