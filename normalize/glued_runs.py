"""Two cells' text runs written with no space between them (pypdf, PyMuPDF).

pypdf's ``extract_text()`` writes no space between two runs on one baseline when the gap is
narrower than its space threshold (a CJK font's space width), nor when the next run starts left
of the last (a cell drawn later, further left: Calc draws a merged 変更日 after the row's other
cells).  pdftotext ``-raw`` and pypdfium2 separate such runs.  Set XIV's t02 (Calc, 8 pt, narrow
提出時期 column: ``１万人以上１０万人未満 事後人口減少に伴う変更``) and samples/office-pypdf53
(Calc with wrapped dates: ``事後 記載内容の充実2019/1 0/1``, ``事後2020/3 /31``) show three
shapes, parted here as ``-raw`` prints them:

- a timing glued to a date (``事後2020/3 /31``): the date goes to a line of its own, closed up
  when its pieces make one date (no cell text opens with 事前 or 事後 followed by a date's
  digits);
- a timing glued to the explanation's first line, as the last piece of a line that holds at
  least ``GLUED_TIMING_MIN_PIECES`` pieces (a row's before / after / timing+explanation) and no
  other timing: a space between them.  A lone line that opens with 事前 (``事前提出の対象外``, an
  explanation of its own) is left as it is.

- a date glued after the explanation on a line that opens with the row's timing (``事後
  記載内容の充実2019/1 0/1``: the next row's date, drawn further left after it): the date goes
  to a line of its own.  A date glued after text elsewhere is left alone: a cell's own period
  (``令和元年6月1日から令和元年…``, ``2023/5/6から2023/5/27``) has that shape in every extractor's
  text, never after a timing (every sample text and sets XII–XIV: only this pypdf line).
"""

from __future__ import annotations

import regex

from piatable.normalize.dates import is_date_line
from piatable.vocabulary import TIMING

# Pieces a line holds (space-separated) for a last piece ``事後…`` to be read as a timing glued
# to the explanation: a row's before, after and the glued piece.  Texts of -raw / pypdfium2 /
# pdfminer print ``事前提出の対象外`` as an explanation after one piece at most (samples/
# office-layout40).
GLUED_TIMING_MIN_PIECES = 3
_DATE_START = r"(?:(?:19|20)\d{2}/\d{1,2}|[RH]\d{1,2}\.\d{1,2}|(?:令和|平成)[0-9０-９元]{1,2}年)"
# A numbering column's row number before the timing (``3 事後令和4年10月17日``: Calc's first pass
# prints it there; normalize/row_numbers.py sets it aside after this parting).
_ROW_NUMBER = r"(?:[0-9０-９]{1,3}[ \u3000]+)?"
# 事前 / 事後 glued to a date.
_TIMING_DATE = regex.compile(rf"^({_ROW_NUMBER}事[前後])({_DATE_START}.*)$")
# A line opening with a timing whose explanation ends glued to a date.
_TIMING_TEXT_DATE = regex.compile(
    rf"^({_ROW_NUMBER}事[前後][ \u3000]+.*[\p{{Han}}\p{{Hiragana}}\p{{Katakana}}。、）])"
    rf"({_DATE_START}[0-9/. ]*)$"
)
# 事前 / 事後 glued to a following word (not hiragana: 事前に, 事後の are words).
_TIMING_WORD = regex.compile(r"^(事[前後])([\p{Han}\p{Katakana}Ａ-ｚA-Za-z（(].*)$")
_SPACES = regex.compile(r"[ \u3000]+")


def split_glued_run_line(line: str) -> str | None:
    """The line with its glued cells parted (module docstring), or None when none is."""
    if "事" not in line:
        return None
    m = _TIMING_DATE.match(line.strip())
    if m:
        # pypdf's space between a wrapped date's lines (``2020/3 /31``) goes when the pieces
        # make one date.
        date = m.group(2)
        squeezed = _SPACES.sub("", date)
        return f"{m.group(1)}\n{squeezed if is_date_line(squeezed) else date}"
    m = _TIMING_TEXT_DATE.match(line.strip())
    if m:
        return f"{m.group(1)}\n{m.group(2)}"
    pieces = [p for p in _SPACES.split(line.strip()) if p]
    if len(pieces) < GLUED_TIMING_MIN_PIECES or any(TIMING.match(p) for p in pieces):
        return None
    m = _TIMING_WORD.match(pieces[-1])
    if m is None:
        return None
    cut = line.rstrip().rfind(pieces[-1]) + len(m.group(1))
    return f"{line[:cut]} {line[cut:].rstrip()}"


def split_glued_runs(text: str) -> tuple[str, int]:
    """``text`` with each line's glued cells parted (``split_glued_run_line``; each side of a
    bare form feed is a line); how many lines changed."""
    out: list[str] = []
    changed = 0
    for line in text.split("\n"):
        parts = line.split("\f")
        for i, part in enumerate(parts):
            mended = split_glued_run_line(part)
            if mended is not None:
                parts[i] = mended
                changed += 1
        out.append("\f".join(parts))
    return ("\n".join(out), changed) if changed else (text, 0)


GLUED_RUNS_NOTE = (
    "{n} lines held two cells' text with no space between them (a timing or a date glued to"
    " its neighbour, as pypdf writes close runs); they were parted"
)
