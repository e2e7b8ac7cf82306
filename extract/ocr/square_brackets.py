"""Square brackets in the width the document prints them, measured on the page images.

The forms' check boxes and choices are square brackets (``[○]紙``, ``[ ]その他``,
``[ 十分である ]``), and documents print them either half width or full width (``［○］紙``,
``［　十分である　］``: many municipal forms).  Tesseract reads both as ``[`` ``]``, and the
reading steps write the form's boxes half width (``structure_fixes.restore_ticked_box``), so a
document of full-width brackets came out with every box and choice wrong and no warning.

The ink tells them apart.  A full-width ］ stands in the left half of its em, so the white from
its ink to the Japanese character after it (``］紙``, ``］庁内``) is about half an em; a half-width
] ends where its half em does, and the white is a tenth of one (measured on samples/office-ocr55
at 0.68-0.74 glyph heights for ］, samples/scan-ocr49 and heldout-ocr49 at 0.05-0.15 for ]).
Likewise a full-width ［ opening a line stands in the right half of its em: its ink starts
about half an em right of where the column's other lines start their first kanji or kana (0.55
em on office-ocr55, 0.0 for a half-width [ on scan-ocr49 and heldout-scan54).  Each closing
bracket before a Japanese character and each bracket opening a line beside such a margin, set to
their own ink (``widths.snap_to_ink``), votes for a width; the document's brackets take the width more than
``number_widths.DOCUMENT_WIDTH_SHARE`` of at least ``DOCUMENT_WIDTH_MIN`` votes give; else they
stay as read.

A choice whose answer is set off inside its brackets by a full-width space (``［　十分である　］``)
leaves about an em and a tenth of white between the ［'s ink and the answer's first character
(1.1 em measured; without the space a tenth of one): openers at a line's start whose white is
at least ``PADDED_WHITE_EM`` vote padded, those under ``BARE_WHITE_EM`` bare, and a document of
full-width brackets whose votes say padded writes its whole-line choices padded.  A document
with no bracket measured for width but whose choices are padded so is taken as full width: an
em of white is a full-width space, typed between full-width brackets.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

from .engine import TsvWord
from .number_widths import document_width

# White (ems) from a bracket's ink to its neighbour's: at least FULL_WHITE_EM beside a closing
# ］ (ink in the left half of its em); from an opening ［ to a choice's answer, at least
# PADDED_WHITE_EM with a full-width space between, under BARE_WHITE_EM without (module notes).
FULL_WHITE_EM = 0.32
PADDED_WHITE_EM = 0.8
BARE_WHITE_EM = 0.45
# The next character stands on the bracket's line within this many ems (else a gap, a column);
# after a ［ opening a line, within PADDED_NEAR_EM: the ［'s right half, a full-width space and
# the answer's side bearing come to 1.5 em and more (1.51 measured on office-ocr56's 7 pt
# Mincho, whose em the glyph height gives a little short).
NEAR_EM = 1.5
PADDED_NEAR_EM = 2.0
# A line's first ink counts as its cell's margin when it is a kanji or kana (its ink fills its
# em) or a mark centred in its em (○ 〇 ・ ※), whose em starts half an em left of its ink's
# centre: a ・ is a tenth of an em of ink in the middle of its em, and taken at its ink it put
# the margin 0.4 em right of its column's (session 56: office-ocr56's 7 pt Mincho ［ measured
# 0.23 em from a ・ line's ink, 0.64 em from its em).  A bracket opening a line is measured from
# the nearest margin at most MARGIN_SLACK_EM right of it (the same column, deskewed within a
# pixel or two) and less than an em left of it.
_MARGIN_OPENER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}○〇・※]")
_CENTRED_MARK = "○〇・※"
MARGIN_SLACK_EM = 0.1
# A bracket's ink is a stem and two serifs, at most this wide (ems); a wider box holds more than
# the bracket (``[O〇]`` read with ``]`` boxed over the 〇's ink) and its white says nothing.
BRACKET_INK_EM = 0.45
_JAPANESE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# A choice's answer opens with a kanji, kana or digit; a box's tick (〇 is a Han character) does not.
_ANSWER = regex.compile(r"(?![〇○])[\p{Han}\p{Hiragana}\p{Katakana}0-9０-９]")
_TO_FULL = str.maketrans("[]", "［］")
_TO_HALF = str.maketrans("［］", "[]")
# A box with nothing in it (``[ ]``, ``[]``, ``［　］``) and a line that is one choice.
_EMPTY_BOX = regex.compile(r"［[ \u3000]*］")
_CHOICE_LINE = regex.compile(r"^(\s*)［[ \u3000]*([^［］\s](?:[^［］]*[^［］\s])?)[ \u3000]*］(\s*)$")
FIELDS = ("before", "after", "explanation")


def _margin(w: TsvWord, em: float) -> float:
    """Where the em of a line's first character starts (pixels): its ink's left, or half an em
    left of a centred mark's ink centre (``_CENTRED_MARK``)."""
    if w.text in _CENTRED_MARK:
        return w.left + w.width / 2 - em / 2
    return float(w.left)


def page_votes(words: list[TsvWord], em: float) -> tuple[list[int], list[int]]:
    """([half, full], [bare, padded]) votes of one page's characters (one ``TsvWord`` each, in
    pixels, ``em`` the page's em in pixels): see the module notes."""
    lines: dict[tuple[int, int, int], list[TsvWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    width = [0, 0]
    padding = [0, 0]
    ordered = [sorted(line, key=lambda w: w.left) for line in lines.values()]
    margins = [
        _margin(line[0], em) for line in ordered if line[0].inked and _MARGIN_OPENER.match(line[0].text)
    ]
    for line in ordered:
        first = line[0]
        if first.inked and first.text in "[［" and first.width <= BRACKET_INK_EM * em:
            near = [m for m in margins if -MARGIN_SLACK_EM * em <= first.left - m < 1.0 * em]
            if near:
                width[int(first.left - max(near) >= FULL_WHITE_EM * em)] += 1
        for k, w in enumerate(line):
            if not w.inked or len(w.text) != 1 or w.width > BRACKET_INK_EM * em:
                continue
            after = line[k + 1] if k + 1 < len(line) else None
            if after is None or not after.inked:
                continue
            white = (after.left - w.left - w.width) / em
            opener = w.text in "[［" and k == 0
            if white > (PADDED_NEAR_EM if opener else NEAR_EM):
                continue
            if w.text in "]］" and _JAPANESE.match(after.text):
                width[int(white >= FULL_WHITE_EM)] += 1
            elif opener and _ANSWER.match(after.text):
                if white >= PADDED_WHITE_EM:
                    padding[1] += 1
                elif white < BARE_WHITE_EM:
                    padding[0] += 1
    return width, padding


def document_brackets(votes: list[tuple[list[int], list[int]]]) -> tuple[bool | None, bool]:
    """(full width, half width or None; choices padded) from the pages' ``page_votes``.  Choices
    padded by an em of white are full-width choices whatever the boxes' width (``write_brackets``)."""
    width = [sum(v[0][0] for v in votes), sum(v[0][1] for v in votes)]
    padding = [sum(v[1][0] for v in votes), sum(v[1][1] for v in votes)]
    full = document_width(width)
    padded = document_width(padding)
    if full is None and padded:
        # No bracket measured against a neighbour or a margin, but choices set off by an em of
        # white: a full-width space, typed between full-width brackets.
        full = True
    return full, bool(padded)


def write_brackets(text: str, full: bool, padded: bool) -> str:
    """``text`` with its square brackets in one width; a full-width empty box written ［　］ and,
    with ``padded``, a whole line that is one choice written ［　answer　］, also in a document
    whose boxes are half width: the forms print boxes ``[○]紙`` half width beside choices
    ``［　10人未満　］`` full width (set XXII t04, whose half-width boxes outvoted the choices'
    em of white and left them ``[ 10人未満]``, unwarned); an em of white is a full-width space,
    typed between full-width brackets."""
    text = text.translate(_TO_FULL if full else _TO_HALF)
    if full:
        text = _EMPTY_BOX.sub("［　］", text)
    m = _CHOICE_LINE.match(text.translate(_TO_FULL)) if padded else None
    if m and _ANSWER.search(m.group(2)):
        text = f"{m.group(1)}［　{m.group(2)}　］{m.group(3)}"
    return text


def even_square_brackets(rows: list[RawRow], full: bool | None, padded: bool) -> int:
    """``write_brackets`` over the lines of the rows' text cells (in place) when the document's
    width is told (``full`` not None); the number of lines changed.  Not flagged: the width is
    read from the ink, as ``widths.normalize_widths`` reads a digit's."""
    if full is None:  # (choices padded make ``document_brackets`` tell a width)
        return 0
    changed = 0
    for row in rows:
        for field in FIELDS:
            for cl in row.cells.get(field) or []:
                text = write_brackets(cl.text, full, padded)
                if text != cl.text:
                    cl.text = text
                    changed += 1
    return changed


# A whole-line choice read with white inside one of its brackets only (``[ 10人未満]``), or
# closed by a bracket it never opened (``再委託する]``, ``十分に行っている」``): how tesseract reads
# ``［　10人未満　］`` where no vote told the width (set XXII t04: 9 rows wrong by width alone,
# 4 of them unwarned at 0.72).
_ANSWER_TEXT = r"[^\[\]［］\s](?:.*[^\[\]［］\s])?"
_LOPSIDED_CHOICE = regex.compile(
    rf"^\s*[\[［](?:[ \u3000]+{_ANSWER_TEXT}|{_ANSWER_TEXT}[ \u3000]+)[\]］」]\s*$"
)
_UNOPENED_CHOICE = regex.compile(r"^\s*[^\[\]［］「」\s○〇][^\[\]［］「」]{1,30}[\]］」]\s*$")


def choice_doubts(rows: list[RawRow]) -> int:
    """An ``ocr_suspect`` doubt on each before / after cell with a line that is a choice read
    lopsided or unopened (``_LOPSIDED_CHOICE``, ``_UNOPENED_CHOICE``) once ``even_square_brackets``
    has written what the ink told (in place); the number of cells doubted."""
    count = 0
    for row in rows:
        for field in ("before", "after"):
            lines = [cl.text for cl in row.cells.get(field) or []]
            for k, text in enumerate(lines):
                # A closer opened on no line above (a quotation wrapped over lines is opened).
                unopened = k == 0 and _UNOPENED_CHOICE.match(text)
                if _LOPSIDED_CHOICE.match(text) or unopened:
                    why = f"{text.strip()!r}: a choice whose brackets read unevenly (width, padding in doubt)"
                    row.doubts.append(Doubt("ocr_suspect", field, why))
                    count += 1
                    break
    return count
