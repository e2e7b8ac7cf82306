"""Pages whose typesetter puts white between Japanese and Latin text, and the width a lone digit
between two Japanese characters is printed in there (issues 11 and 12, session 42).

LibreOffice Writer sets about a fifth of an em of white between Japanese text and a half-width
letter or digit on either side ("autospacing"); Calc does not.  Between two kanji a half-width
digit then advances as far as a full-width one: ``週1回`` and ``週１回`` put 回 two ems after 週
(measured on samples/scan-ocr42's Writer scans: 1.00-1.08 em from a kanji's centre to a
half-width digit's, 0.77-0.84 in Calc), and in the IPAex fonts the two digits' glyphs are drawn
alike (ink 0.45-0.55 em wide in both widths), so neither the pitch nor the ink tells them.

Such a page is told by its runs of two or more letters or digits whose own pitch (ink centre to
ink centre) says half width: their ink stands ``autospace_white_em`` or more from the Japanese
character beside them (Writer 0.28-0.44 em; Calc 0.08-0.15, a full-width run's own pitch is one
em).  On such a page a lone digit between two Japanese characters measured full width within
``autospace_band_em`` is in doubt, and takes the width the page's own words show: its numbers of
two or more digits measured by their own pitch outside date lines (a date column is often
printed apart: slash dates beside ``年１回`` in the text), else its Latin words of two or more
letters (``USB``, ``ＩＤ``), when a strict majority agrees; else it stays as measured.
"""

from __future__ import annotations

import statistics

import regex

# A line that is a date alone (2023/4/1, 令和5年4月1日, 令和５年１０月): the date column's
# style says nothing of the text's.
_DATE_ONLY = regex.compile(
    r"[0-9０-９]{2,4}[/／.．\-][0-9０-９]{1,2}(?:[/／.．\-][0-9０-９]{1,2})?"
    r"|\p{Han}{0,2}[0-9０-９元]+年(?:[0-9０-９]+月(?:[0-9０-９]+日?)?)?|[0-9０-９]+月(?:[0-9０-９]+日?)?"
)
# A heading's number (４．, 2.): the form prints it full width, whatever the author's text does.
_HEADING_NUMBER = regex.compile(r"[0-9０-９]{1,2}[.．]")


def is_date_line(text: str) -> bool:
    """Whether a line (its characters joined, spaces out) is a date or part of one alone."""
    return bool(_DATE_ONLY.fullmatch(text.replace(" ", "")))


def is_heading_number(run: str, opens_line: bool) -> bool:
    """Whether a run of convertible characters is a heading's number opening its line (４．)."""
    return opens_line and bool(_HEADING_NUMBER.fullmatch(run))


def run_whites(chars: list[list], k: int, j: int, japanese: regex.Pattern, near: float) -> list[float]:
    """White (pixels) between the ink of run ``chars[k..j]`` and the ink of a Japanese character
    standing next to it (nearer than ``near``) on each side.  ``chars`` rows are
    ``[char, ink x0, ink x1, …]``."""
    out = []
    if k > 0 and japanese.match(chars[k - 1][0]) and chars[k][1] - chars[k - 1][2] < near:
        out.append(chars[k][1] - chars[k - 1][2])
    if j + 1 < len(chars) and japanese.match(chars[j + 1][0]) and chars[j + 1][1] - chars[j][2] < near:
        out.append(chars[j + 1][1] - chars[j][2])
    return out


def is_autospaced(whites: list[float], em: float, white_em: float, min_runs: int) -> bool:
    """Whether the page sets white between Japanese and Latin text: at least ``min_runs``
    measures (``run_whites`` of its sure half-width runs) whose median is ``white_em`` ems or
    more."""
    return len(whites) >= min_runs and statistics.median(whites) >= white_em * em


def page_convention(digit_votes: list[int], letter_votes: list[int]) -> bool | None:
    """Full width (True) or half for the page's text from its sure runs' votes ([half, full]
    counts): the digits' strict majority, else the letters'; None when neither has one."""
    for half, full in (digit_votes, letter_votes):
        if half != full:
            return full > half
    return None
