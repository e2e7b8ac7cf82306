"""A 変更日 cell glued to the 項目 cell beside it in pdfplumber ``extract_text()`` text, cut apart.

pdfplumber puts a space between two characters only where their gap passes ``x_tolerance``
(3 pt).  A date that fills its narrow column to the edge stands closer than that to the item
beside it, so the two print as one fragment, line after line of a wrapped date:
``2022年4月Ⅰ基本情報`` / ``1日５．個人番号の利`` (set XI's Calc table of real date cells).
``unglue_dates`` cuts such a line's first fragment where the date ends:

- a date's start (a year with or without its month and day) followed by a section numeral
  Ⅰ…Ⅶ (an item path's first line: no date runs on into one);
- under a line whose date was cut (or stands alone) without its day, the date's rest (``1日``,
  ``月1日``) followed by more text;
- a date's start without its day glued to any text, over a line opening with the date's rest
  alone (``令和2年10システムによる情報連携`` / ``月1日 ②法令上の根拠``: Calc's narrow 変更日 beside
  an item's wrapped line, office-plumber52);
- a date wrapped over two to four lines of a column so narrow that each line holds a few
  characters, every piece glued to the item's line beside it (``平成３Ⅵ評価実施手続`` /
  ``１年１３．第三者点検`` / ``月２日③結果``; ``令和７Ⅱ…`` / ``年１０概要`` / ``月２６３．…`` / ``日・使用``:
  set XXXII u04, 1 row read for 20): the cuts that make the pieces one valid date, the
  pieces above the last as wide as the first (the column's width; ``wrapped_cuts``).  The item's
  numbering glued after a piece (``１年１`` + ``３．``) is told from the date by the date's
  validity (no 13th month) and the column's width (``月２６`` + ``３．``, not ``月２`` + ``６３．``).
"""

from __future__ import annotations

import regex

from piatable.normalize.dates import DATE_ANNEX, WEEKDAY_ALONE
from piatable.normalize.glued_dates import wrapped_cuts

_DIGIT = "[0-9０-９]"
# A date's start as a 変更日 cell prints it: 2022年4月1日, 2023/1/16, 令和4年10月1日, R4.10.1 (or
# a first line of one wrapped).
_DATE_START = regex.compile(
    rf"^(?:{_DIGIT}{{4}}[年/]{_DIGIT}{{0,2}}[月/]?{_DIGIT}{{0,2}}日?"
    rf"|(?:令和|平成|[RH])[元0-9０-９]{{1,2}}[年.]{_DIGIT}{{0,2}}[月.]?{_DIGIT}{{0,2}}日?)"
)
# A date's start that lacks its day: ``2022年4月``, ``2022年10``, ``令和6年``, ``2024/4/``.
_WITHOUT_DAY = regex.compile(rf"(?:[年月/]|[年月]{_DIGIT}{{1,2}})$")
_SECTION = regex.compile(r"^[ⅠⅡⅢⅣⅤⅥⅦ]")
# The rest of a date wrapped before its day: ``1日``, ``月1日``, ``10月1日``.
# With the date's annex (``dates.DATE_ANNEX``: ``月1日（水）``, ``1日付``) taken along: cut before it,
# the weekday was read into the item (``Ⅱ特定個人情報ファイル（水）``, set XXI t06, branch datecell60).
_DATE_REST = regex.compile(
    rf"^(?:(?:{_DIGIT}{{0,2}}月)?{_DIGIT}{{1,2}}日|月{_DIGIT}{{1,2}}日)(?:{DATE_ANNEX})?"
)


def unglue_dates(lines: list[list[str]]) -> list[list[str]]:
    """The lines (each its fragments) with a date glued to the item beside it cut off (see the
    module's docstring); other lines as they are."""
    out: list[list[str]] = []
    open_date = False  # the line above cut or printed a date without its day
    planned: dict[int, int] = {}  # a narrow column's date pieces: line → cut (``wrapped_cuts``)
    for li, frags in enumerate(lines):
        if not frags:
            out.append(frags)
            continue
        first, cut = frags[0], planned.pop(li, None)
        start = _DATE_START.match(first)
        if cut is None and not open_date and (cuts := wrapped_cuts([f[0] if f else "" for f in lines[li:]])):
            planned.update({li + k: c for k, c in enumerate(cuts) if k})
            cut = cuts[0]
        if cut is not None:
            pass
        elif start and 0 < start.end() < len(first) and _SECTION.match(first[start.end() :]):
            cut = start.end()
        elif start and 0 < start.end() < len(first) and _WITHOUT_DAY.search(start.group()):
            below = lines[li + 1] if li + 1 < len(lines) else []
            if below and _DATE_REST.fullmatch(below[0]):
                cut = start.end()
        elif open_date:
            rest = _DATE_REST.match(first)
            if rest and rest.end() < len(first):
                cut = rest.end()
        if cut is not None and cut < len(first):
            frags = [first[:cut], first[cut:], *frags[1:]]
        head = frags[0]
        open_date = bool(_DATE_START.fullmatch(head)) and bool(_WITHOUT_DAY.search(head))
        out.append(frags)
    return out


# A later line of a date wrapped in a narrow 変更日 column (Writer's: ``令和5`` / ``年4月1`` /
# ``日``, ``令和5`` / ``年12月`` / ``1日``: set XII's w1; ``2019/`` / ``05/01``: office-plumber51's
# Writer tables): what follows a year's digits, a month's
# or a day's; or a separator and what follows it (``2022/10`` / ``/17``, ``2019.5`` / ``.1``: Impress
# breaks a numeric date before its separator, office-slides54).  It is a date's piece only under a
# line that put a piece in 変更日 (plumber_text).
_SEP = "[/.／．]"
_DATE_PIECE = regex.compile(
    rf"^(?:{_DIGIT}{{0,2}}年{_DIGIT}{{0,2}}(?:月(?:{_DIGIT}{{1,2}}日?)?)?|{_DIGIT}{{1,2}}月(?:{_DIGIT}{{1,2}}日?)?"
    rf"|月(?:{_DIGIT}{{1,2}}日?)?|{_DIGIT}{{1,2}}日?|日|{_DIGIT}{{1,2}}/(?:{_DIGIT}{{1,2}})?"
    rf"|{_SEP}{_DIGIT}{{1,2}}(?:{_SEP}{_DIGIT}{{1,2}})?)(?:(?<=日){DATE_ANNEX})?$"
)


def is_date_piece(frag: str) -> bool:
    """True for a wrapped date's later line (``年4月1``, ``１年１``, ``年12月``, ``1日``, ``日``, ``05/01``; a
    piece ending with 日 may carry the date's annex: ``1日（水）``, ``日付``)."""
    return bool(_DATE_PIECE.match(frag) or WEEKDAY_ALONE.match(frag))
