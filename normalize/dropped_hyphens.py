"""A line-end hyphen plain ``pdftotext`` dropped, put back (issues 10 and 12, branch boxes49;
new users' set X, FAULTS.md kind 7).

Writer breaks ``e-ラーニング`` after its hyphen at a cell's wrap width.  Plain ``pdftotext``
(neither ``-raw`` nor ``-layout``) joins a word hyphenated at a line's end with the next line and
drops the hyphen; a Japanese line has no spaces, so the whole next line comes up:
``全職員を対象に、年１回、eラーニングによる個人情報保`` (51 units) in a box whose other lines wrap
at 26.  pdfminer, ``-raw`` and pypdfium2 keep ``e-`` / ``ラーニング``.

A line of a box (lines between blank lines) is such a join when it is wider than the box's wrap
width (its other lines' widest, within ``WIDTH_SLACK``; at least ``WRAPPED_LINES_MIN`` other
lines that wide: a wrapped paragraph, not a Calc cell's list of short lines) and an ASCII letter
followed by a character that is no ASCII (the next line's first) ends a prefix which, with the
hyphen, fills the wrap width.  The line is split there, the hyphen put back: ``…年１回、e-`` /
``ラーニングによる個人情報保``.  Over the committed texts (plain ``pdftotext``, pdfminer,
``-raw``) it fires on 2 lines, both such joins (the truth prints ``e-ラーニング``).

The other way round, Gnumeric (Pango) hyphenates a word of full-width Latin letters at a cell's
wrap width and prints a hyphen that is no character of the cell (``ｅＬＴＡ-`` / ``Ｘ）を経由…``
for ``ｅＬＴＡＸ``); pdfminer keeps it, the ``pdftotext`` modes drop it.  Full-width text spells
its own dashes full-width (－ ー), so an ASCII hyphen ending a line between two full-width
letters is such a mark: ``drop_hyphenation_marks`` removes it, with a note (session 52,
office-shred52; over the committed texts and sets VII–XIII it fires on that one line).
"""

from __future__ import annotations

import regex

from .chars import display_width

# Units a line may pass its box's wrap width by and not be a join (a closing bracket hung).
WIDTH_SLACK = 2
# Other lines of the box as wide as its widest (within 1 unit): it is a paragraph wrapped there.
WRAPPED_LINES_MIN = 2
_LETTER = regex.compile(r"[A-Za-z]")
_NOT_ASCII = regex.compile(r"[^\x00-\x7f]")
# A full-width Latin letter, an ASCII hyphen ending the line, a full-width Latin letter opening the next.
_MARK_AT_BREAK = regex.compile(r"(?<=[Ａ-Ｚａ-ｚ])-\n(?=[Ａ-Ｚａ-ｚ])")
MARKS_NOTE = (
    "{n} lines: a hyphen printed where a word of full-width letters broke at a line's end"
    " (Gnumeric's ｅＬＴＡ-/Ｘ) was removed"
)
HYPHENS_NOTE = (
    "{n} lines: a hyphen plain pdftotext dropped where a word broke at a line's end"
    " (e-ラーニング) was put back and the line split where it was printed"
)


def _split_at(line: str, wrap: int) -> int | None:
    """Where ``line`` joins two printed lines at a dropped hyphen (module notes), or None."""
    width = 0
    for i, ch in enumerate(line):
        width += display_width(ch)
        if i + 1 >= len(line):
            break
        if _LETTER.match(ch) and _NOT_ASCII.match(line[i + 1]) and wrap - WIDTH_SLACK <= width + 1 <= wrap:
            return i + 1
    return None


def _mend_box(box: list[str]) -> tuple[list[str], int]:
    """``box`` (a box's lines) with its one join at a dropped hyphen split back, and 0 or 1.

    A line is cut only when it is wider than every other line by more than ``WIDTH_SLACK``, so
    only the box's one widest line can be (linear in the box: a ``-raw`` text of a whole
    assessment is one box of thousands of lines)."""
    if len(box) <= WRAPPED_LINES_MIN:
        return box, 0
    widths = [display_width(ln.strip("\f").rstrip()) for ln in box]
    k = max(range(len(widths)), key=widths.__getitem__)
    others = widths[:k] + widths[k + 1 :]
    wrap = max(others)
    if widths[k] <= wrap + WIDTH_SLACK or sum(w >= wrap - 1 for w in others) < WRAPPED_LINES_MIN:
        return box, 0
    line = box[k]
    cut = _split_at(line.rstrip(), wrap + line.count("\f"))
    if cut is None:
        return box, 0
    return [*box[:k], line[:cut] + "-", line[cut:], *box[k + 1 :]], 1


def restore_dropped_hyphens(text: str) -> tuple[str, int]:
    """``text`` with each line joined at a dropped hyphen split back (module notes), and how
    many were."""
    lines = text.split("\n")
    out: list[str] = []
    box: list[str] = []
    mended = 0
    for line in [*lines, ""]:
        if line.strip("\f").strip():
            box.append(line)
            continue
        fixed, n = _mend_box(box)
        out += fixed
        mended += n
        box = []
        out.append(line)
    return "\n".join(out[:-1]), mended


def drop_hyphenation_marks(text: str) -> tuple[str, int]:
    """``text`` without the hyphens printed where a word of full-width Latin letters broke at a
    line's end (module notes; the line break stays), and how many there were."""
    return _MARK_AT_BREAK.subn("\n", text)
