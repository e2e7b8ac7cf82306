"""Punctuation look-alikes in OCR'd Japanese text put right from the script around them and the
document's own punctuation style (issue 11).

Japanese administrative text sets its punctuation by script: a sentence ends with 。 and a
clause with 、 (or, in a document that writes so, ． and ，); a list item opens with ・; brackets
close in the width they opened in; the half-width katakana forms (｡ ､ ･) are never printed; a
table cell holds no vertical bar.  Tesseract reads specks and the pieces of a ruling as ``.`` or
``|``, a bullet ・ as a dash (``－システム上…``), a full-width ） as ``)``.  Each rule here
reads a mark against its neighbours:

- ``|`` / ``｜`` opening or closing a line, or between two Japanese characters: a ruling's
  piece, dropped;
- a dash or long-vowel mark (－ - ‐ − ― ー) opening a line, or right after a 。, before Japanese
  text or a Latin word (``- USBメモリ``): the bullet ・ (no word opens with a dash; ー only
  follows kana), unless it may be a word's long vowel wrapped (サーバ / ー室): a dash after a
  line that ends on katakana, ー after one that ends on any kana;
- ``.`` / ``．`` after a kana or kanji, in a document whose sentences end with 。 (at least
  ``STOP_STYLE_MIN`` of them and ``STOP_STYLE_RATIO`` times as many as stops after Japanese read
  as dots): a 。 where the text before ends a sentence (a verb's final form) and the line ends or
  a bullet follows, else a speck, dropped (not as a line's second character: there it may
  follow a heading's misread number, ``を．特定…`` for ４．); a dot right after another stop is
  a speck too;
- a comma right after a stop or a comma (``実施する。、``), and ``の`` after 。 closing a line
  (``あった。の``): specks (no clause opens with a comma or the particle の);
- ``，`` after a kana or kanji in a document that writes 、 (the same counts): 、;
- the half-width katakana forms ｡ ､ ･: 。 、 ・;
- a half-width colon between Japanese text and a number or bracket (``電話:03``): ：;
- a round bracket pair of one cell read in two widths (``（除く。)``, ``(１．研修）``): both in the
  width of what they enclose, full when it holds anything but ASCII (``（３．送付先…）``),
  half when it is ASCII alone (``(1)``).

Measured on the tuning scans (README, branch scanchars18).  Every changed line is flagged
``ocr_corrected`` with what was read (``corrections.correct_ocr_rows``).  Only for OCR rows.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from piatable.models import RawRow
from piatable.normalize.tokenizer import SudachiTokenizer, default_tokenizer

from .rewrites import rewrite_lines

FIELDS = ("item", "before", "after", "explanation")
# A document writes 。 (、) when it holds at least this many and this many times as many as
# Japanese-final dots (commas) read.
STOP_STYLE_MIN = 3
STOP_STYLE_RATIO = 4

_JP = r"\p{Han}\p{Hiragana}\p{Katakana}ー々"
_BAR = regex.compile(rf"(?:(?<=^[ 　]*)|(?<=[{_JP}]))[|｜](?=[ 　]*$|[{_JP}])|(?<=^[ 　]*)[|｜]")
_BULLET_DASH = regex.compile(rf"(^[ 　]*|。)[－\-‐−―ー][ 　]?(?=[{_JP}A-Za-zＡ-Ｚａ-ｚ])")
_KATAKANA_END = regex.compile(r"[\p{Katakana}ー][ 　]*$")
_KANA_END = regex.compile(r"[\p{Katakana}\p{Hiragana}ー][ 　]*$")
_DOT_AFTER_JP = regex.compile(rf"(?<!^[ 　]*.)(?<=[{_JP}】」』＞〉》])[.．]")
_DOUBLE_DOT = regex.compile(r"(?<=[．。、，])[.．]")
_SPECK_AFTER_STOP = regex.compile(r"(?<=[。、，．])[、，]|(?<=。)の(?=[ 　]*$)")
_COMMA_AFTER_JP = regex.compile(rf"(?<=[{_JP}])，")
# A colon between Japanese text and a number or bracket (電話：03-…) is printed full width: 42 of
# 42 in the samples' truth, 56 of 56 in the private sets' (sets VII-XII); tesseract reads it
# half width where its ink did not tell (widths.colon_width; set XII's 250 dpi scan).
_COLON_AFTER_JP = regex.compile(rf"(?<=[{_JP}]):(?=[0-9０-９(（])")
_HALF_FORMS = str.maketrans({"｡": "。", "､": "、", "･": "・"})
# Round brackets only: a check box's square brackets ([○] / ［○］) are the form's, whatever
# they hold.
_PAIRS = {")": "(", "）": "（"}
_OTHER_WIDTH = {"(": "（", "（": "("}
_FULL_OPENINGS = "（"
_CLOSE_OF = {"(": ")", "（": "）"}


def _texts(rows: Iterable[RawRow]) -> Iterable[str]:
    for row in rows:
        for field in FIELDS:
            for cl in row.cells.get(field) or []:
                yield cl.text


def document_style(rows: list[RawRow]) -> tuple[bool, bool]:
    """(the document ends its sentences with 。, it separates clauses with 、), counted over its
    OCR rows' text against the dots and commas read after Japanese characters."""
    text = "\n".join(_texts(rows))
    maru = text.count("。")
    dots = len(_DOT_AFTER_JP.findall(text))
    ten = text.count("、")
    commas = len(_COMMA_AFTER_JP.findall(text))
    return (
        maru >= STOP_STYLE_MIN and maru >= STOP_STYLE_RATIO * dots,
        ten >= STOP_STYLE_MIN and ten >= STOP_STYLE_RATIO * commas,
    )


def _ends_sentence(st: SudachiTokenizer, text: str) -> bool:
    from .corrections import _ends_sentence as ends

    return bool(text) and ends(st, text)


def _fix_dots(line: str, st: SudachiTokenizer) -> str:
    """Each dot after a Japanese character: 。 where a sentence ends before it and the line ends
    or a bullet follows, else dropped (a speck)."""
    out: list[str] = []
    last = 0
    for m in _DOT_AFTER_JP.finditer(line):
        out.append(line[last : m.start()])
        rest = line[m.end() :].lstrip(" 　")
        ends = not rest or rest[0] == "・"
        out.append("。" if ends and _ends_sentence(st, "".join(out)) else "")
        last = m.end()
    out.append(line[last:])
    return "".join(out)


def pair_bracket_widths(text: str) -> str:
    """A cell's bracket pairs read in two widths put in one: full width when what they enclose
    holds anything but ASCII (``（除く。)`` → ``（除く。）``), half when it is ASCII alone; a close
    with no opening stays as read."""
    chars = list(text)
    stack: list[int] = []
    for i, ch in enumerate(chars):
        if ch in _CLOSE_OF:
            stack.append(i)
        elif ch in _PAIRS and stack:
            j = stack.pop()
            if _PAIRS[ch] != _OTHER_WIDTH[chars[j]]:
                continue
            inside = "".join(chars[j + 1 : i]).replace("\n", "")
            full = not inside.isascii()
            opening = chars[j] if (chars[j] in _FULL_OPENINGS) == full else _OTHER_WIDTH[chars[j]]
            chars[j], chars[i] = opening, _CLOSE_OF[opening]
    return "".join(chars)


def _wrapped_vowel(m: regex.Match[str], previous: str) -> bool:
    """The line-opening dash ``m`` may be a word's long vowel wrapped from ``previous``."""
    if m.group(1).endswith("。"):
        return False
    ends = _KANA_END if m.group(0).endswith("ー") else _KATAKANA_END
    return bool(ends.search(previous))


def fix_line(line: str, maru: bool, ten: bool, st: SudachiTokenizer, previous: str = "") -> str:
    """One cell line's punctuation look-alikes put right (see the module's rules); ``maru`` /
    ``ten``: the document writes 。 / 、; ``previous``: the cell's line before ("" for its
    first)."""
    line = line.translate(_HALF_FORMS)
    line = _SPECK_AFTER_STOP.sub("", _BAR.sub("", line))
    line = _BULLET_DASH.sub(lambda m: m.group(0) if _wrapped_vowel(m, previous) else m.group(1) + "・", line)
    if maru:
        line = _DOUBLE_DOT.sub("", line)
        line = _fix_dots(line, st)
    if ten:
        line = _COMMA_AFTER_JP.sub("、", line)
    return _COLON_AFTER_JP.sub("：", line)


def fix_punctuation(rows: list[RawRow], tokenizer: SudachiTokenizer | None = None) -> int:
    """The punctuation look-alikes of OCR rows' text cells put right in place (the module's
    rules); the number of lines changed."""
    maru, ten = document_style(rows)
    st = tokenizer or default_tokenizer()
    changed = 0
    for row in rows:
        for field in FIELDS:
            lines = row.cells.get(field) or []
            if not lines:
                continue
            texts = [
                fix_line(cl.text, maru, ten, st, lines[j - 1].text if j else "") for j, cl in enumerate(lines)
            ]
            paired = pair_bracket_widths("\n".join(texts)).split("\n")
            if len(paired) == len(texts):
                texts = paired
            changed += rewrite_lines(row, lines, texts)
    return changed
