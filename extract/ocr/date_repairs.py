"""Dates misread by OCR, mended from the grammar of a date (issue 11).

A 変更日 cell is a date and nothing else, so a cell that does not parse as one but would after a
few look-alike repairs was misread.  The repairs (each one "place"):

- the era name's first character misread or lost (令和 read as 発和, 金和, 信和, る和; 平成 as 乎成),
  or its second (令私): an era is told by the character it kept (和 → 令和, 成 → 平成, 令 → 令和,
  平 → 平成) when a year and 年 follow;
- a look-alike of a digit (O/o/〇 → 0, l/I/| → 1) or of 日 (曰, 回, 目);
- a dash between digits read as the kanji 一 (or ―, ＿, ~), or a stop read as a comma: the date's
  own separator where it has one, else ``-`` (``.`` for a comma) between half-width digits and
  ``－`` (``．``) between full-width ones;
- a stroke read as a letter beside a digit or 年/月/日 (``11I日``): dropped when reading it as 1
  makes no date (when both make one, ``1I月``, it is read as 1 and the cell stays in doubt);
- a slash read as 7 (``seven_repairs``: ``2022701/04``) where the date prints its slash elsewhere;
- a 0 read as 9 (``nine_repairs``): tesseract reads the 0 of some gothic fonts (VL Gothic,
  Takao) as 9 (set XII: ``2019.4.1`` → ``2919.4.1``, ``10月`` → ``１９月``, ``R6.10.1`` →
  ``R6.19.1``).  A cell that still makes no date, or a date no change date can be (a year before
  ``EARLIEST_YEAR`` or more than ``FUTURE_YEARS`` ahead), has its 9s read as 0 in the fewest
  places that make a plausible date; two such readings leave the cell in doubt.

The cell is judged as one text: a narrow date column wraps the date (``信和元年10月`` / ``20日``),
and neither line parses alone.  A repair is kept only when the whole cell then parses; a cell
mended in more than one place (``DATE_REPAIR_PLACES``: two look-alikes of one kind count once)
is still in doubt (``ocr_suspect:change_date``).  A cell that does not parse even so keeps its
text and is flagged by ``suspects.suspect_fields``.

Dates in running text (before, after, explanation: ``多和５年１月４日から``) get the era repair
only, and only where a full date follows (year 年, month 月): no word of these forms is a kanji
followed by 和 or 成 and a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import combinations, product

import regex

from piatable.models import Doubt, RawRow
from piatable.normalize.dates import DATE_LINE, parse_date
from piatable.settings import QualitySettings

# A cell mended in more than this many places is still flagged (ocr_suspect:change_date).
DATE_REPAIR_PLACES = 1

_ERA_OF = {"和": "令和", "成": "平成", "令": "令和", "平": "平成"}
_YEAR_AHEAD = r"(?=\s*(?:元|[0-9０-９]{1,2})\s*年)"
# An era whose first character was misread (any one character but an era's own) or lost.
_FIRST_MISREAD = regex.compile(rf"^\s*(?P<x>[^\s0-9０-９令平昭])?(?P<k>和|成){_YEAR_AHEAD}")
# An era whose second character was misread.
_SECOND_MISREAD = regex.compile(rf"^\s*(?P<k>令|平)(?P<x>[^\s0-9０-９和成]){_YEAR_AHEAD}")
# One-character look-alikes in a date (each is certain in a cell that is only a date).
_SWAPS = {"O": "0", "o": "0", "Ｏ": "０", "〇": "0", "曰": "日", "回": "日", "目": "日"}
# Strokes read as a letter: a 1, or nothing (the edge of a neighbour's glyph).
_STROKES = {"l": "1", "I": "1", "|": "1", "｜": "1", "!": "1", "ｌ": "1", "Ｉ": "1"}
# A dash between digits read as the kanji one or another bar, and a stop read as a comma.
_BARS = "一―＿_~〜"
_COMMAS = ",，、"
_SEPARATORS = regex.compile(r"[/\-.．／－ー・]")
# A slash between digits read as a katakana of its slant (／ → ノ, ン: a crumpled or bent page
# slants the stroke; set XXXIII n11 read ２０１８／８／１７ as ２０１８ン８ノ１７ in 9 of 12 rows),
# one or two of them: the date's own slash where it has one, else ／ between full-width digits
# and / between half-width ones.  All of them count as one kind of look-alike (``_places``).
_SLASH_LOOKS = "ノンﾉﾝ丿"
_SLASH_RUN = regex.compile(rf"(?<=[0-9０-９])[{_SLASH_LOOKS}]{{1,2}}(?=[0-9０-９])")
_OWN_SLASH = regex.compile(r"[/／]")
_DIGIT = regex.compile(r"[0-9０-９]")
_FULL_DIGITS = "０１２３４５６７８９"
# At most this many strokes are tried both ways (kept as 1, dropped).
MAX_STROKE_TRIALS = 4


def _parses(text: str) -> bool:
    flat = regex.sub(r"\s+", "", text)
    return bool(flat) and bool(DATE_LINE.match(flat)) and parse_date(flat) is not None


def _separator_for(text: str, k: int) -> str:
    """The separator a bar or comma at ``k`` stands for: the date's own, else a stop for a
    comma (R6.10.1) and a hyphen for a bar, full width between full-width digits."""
    own = _SEPARATORS.search(text)
    if own:
        return own.group(0)
    full = text[k - 1] in _FULL_DIGITS
    if text[k] in _COMMAS:
        return "．" if full else "."
    return "－" if full else "-"


def date_edits(text: str) -> tuple[dict[int, str], list[int]]:
    """The repairs of a date cell's text: {position: replacement} ("" drops the character; a
    replacement of two characters at an era's position restores one lost), and the positions of
    strokes (``_STROKES``) that may stand for 1 or for nothing."""
    edits: dict[int, str] = {}
    strokes: list[int] = []
    # The era is looked for with the look-alikes read as digits (信和2O年).
    view = "".join(_SWAPS.get(ch) or _STROKES.get(ch) or ch for ch in text)
    m = _FIRST_MISREAD.match(view)
    if m and m.group("x"):
        edits[m.start("x")] = "令" if m.group("k") == "和" else "平"
    elif m:
        edits[m.start("k")] = _ERA_OF[m.group("k")]
    elif m := _SECOND_MISREAD.match(view):
        edits[m.start("x")] = _ERA_OF[m.group("k")][1]
    for k, ch in enumerate(text):
        if k in edits:
            continue
        if ch in _SWAPS:
            edits[k] = _SWAPS[ch]
        elif ch in _STROKES:
            strokes.append(k)
        elif (
            ch in _BARS + _COMMAS
            and 0 < k < len(text) - 1
            and _DIGIT.match(text[k - 1])
            and _DIGIT.match(text[k + 1])
        ):
            edits[k] = _separator_for(text, k)
    for m in _SLASH_RUN.finditer(text):
        if not any(k in edits for k in range(m.start(), m.end())):
            own = _OWN_SLASH.search(text)
            slash = own.group(0) if own else ("／" if text[m.start() - 1] in _FULL_DIGITS else "/")
            edits |= {k: slash if k == m.start() else "" for k in range(m.start(), m.end())}
    return edits, strokes


def _apply(text: str, edits: dict[int, str]) -> str:
    return "".join(edits.get(k, ch) for k, ch in enumerate(text))


def _places(text: str, edits: dict[int, str]) -> int:
    """Places mended: look-alikes of one kind (the same character read the same way, any slash
    read as a katakana) count once."""
    return len({("／", "") if text[k] in _SLASH_LOOKS else (text[k], new) for k, new in edits.items()})


def repair_date_text(text: str) -> tuple[dict[int, str], int] | None:
    """The edits (as ``date_edits``) that make ``text`` a date, and how many places they mend;
    None when the text parses already or no repair makes it parse.  Strokes are tried as 1
    first, then dropped; of several repairs that parse the one of fewest places wins."""
    if not text.strip() or _parses(text):
        return None
    edits, strokes = date_edits(text)
    strokes = strokes[:MAX_STROKE_TRIALS]
    best: tuple[dict[int, str], int] | None = None
    results: dict[int, set[str]] = {}
    for choice in product(("1", ""), repeat=len(strokes)):
        trial = edits | {k: (_STROKES[text[k]] if c else "") for k, c in zip(strokes, choice, strict=True)}
        if trial and _parses(mended := _apply(text, trial)):
            places = _places(text, trial)
            results.setdefault(places, set()).add(mended)
            if best is None or places < best[1]:
                best = (trial, places)
    if best is not None and len(results[best[1]]) > 1:
        # Two readings as near (1I月: 11月 or 1月): the first is kept, in doubt.
        best = (best[0], max(best[1], DATE_REPAIR_PLACES + 1))
    return best


def fix_date(text: str) -> str:
    """A line that does not parse as a date, mended when a repair (``repair_date_text``) makes
    it one; else as read."""
    found = repair_date_text(text)
    return text if found is None else _apply(text, found[0])


# A 0 read as 9: the 9s of a date cell tried as 0 (at most this many of them).
_NINES = {"9": "0", "９": "０"}
MAX_NINE_TRIALS = 6
# A plausible change date: not before the first assessments (quality.earliest_year's default)
# and at most this many years after today (a 事前 change is dated when it will take effect).
EARLIEST_YEAR = QualitySettings().earliest_year
FUTURE_YEARS = 2


def plausible_date(text: str, today: dt.date | None = None) -> bool:
    """Whether ``text`` (white space aside) is a date alone and a plausible change date."""
    flat = regex.sub(r"\s+", "", text)
    if not flat or not DATE_LINE.match(flat) or (iso := parse_date(flat)) is None:
        return False
    return EARLIEST_YEAR <= int(iso[:4]) <= (today or dt.date.today()).year + FUTURE_YEARS


def nine_repairs(text: str, today: dt.date | None = None) -> tuple[dict[int, str], bool] | None:
    """The 9s of a date cell's ``text`` read as 0 ({position: "0"}) in the fewest places that make
    a plausible date, and whether another choice of as many places makes one too (in doubt);
    None when the text is a plausible date already or no such reading makes one."""
    if not text.strip() or plausible_date(text, today):
        return None
    nines = [k for k, ch in enumerate(text) if ch in _NINES][:MAX_NINE_TRIALS]
    return _fewest_swaps(text, nines, _NINES, range(1, len(nines) + 1), today)


def _fewest_swaps(
    text: str,
    at: list[int],
    swaps: dict[str, str],
    counts: Iterable[int],
    today: dt.date | None,
    own_only: bool = False,
    printed: str = "",
) -> tuple[dict[int, str], bool] | None:
    """The fewest (``counts``, ascending) of the characters at ``at`` read as ``swaps`` says that
    make ``text`` a plausible date, and whether another choice of as many does too; with
    ``own_only`` a swap to a character neither ``text`` nor ``printed`` prints is not tried."""
    for n in counts:
        found = []
        for chosen in combinations(at, n):
            edits = {k: swaps[text[k]] for k in chosen}
            if own_only and not all(v in text or v in printed for v in edits.values()):
                continue
            if plausible_date(_apply(text, edits), today):
                found.append(edits)
        if found:
            return found[0], len(found) > 1
    return None


# A slash read as the digit 7 (its slant and a serif at its top: 2022/01/04 read 2022701/04 on
# recycled grey paper, set XXXIII w01, 6 of 14 dates): a 7 between digits, in a date cell that
# prints the slash elsewhere and makes no date as read, taken for it where that makes a
# plausible change date; at most this many 7s tried, two at a time at most.  A cell whose both
# slashes were read 7 (set XXXIV's n12: 2020/06/02 read 2020706702 under show-through) prints no
# slash of its own: the slash of the column's other dates, read as dates, is taken instead.  A 7
# is a digit too: the mended cell stays in doubt (``ocr_suspect:change_date``), its date given.
_SEVENS = {"7": "/", "７": "／"}
MAX_SEVEN_TRIALS = 4


def seven_repairs(
    text: str, today: dt.date | None = None, column_slashes: str = ""
) -> tuple[dict[int, str], bool] | None:
    """The 7s of a date cell's ``text`` read as its slash ({position: slash}) in the fewest places
    that make a plausible date, and whether another choice of as many makes one too (in doubt);
    None when the text is a plausible date already, prints no slash (nor do the column's other
    dates: ``column_slashes``, the slashes they print), or no such reading helps."""
    if not text.strip() or plausible_date(text, today):
        return None
    sevens = [
        k
        for k, ch in enumerate(text)
        if ch in _SEVENS and 0 < k < len(text) - 1 and _DIGIT.match(text[k - 1]) and _DIGIT.match(text[k + 1])
    ][:MAX_SEVEN_TRIALS]
    return _fewest_swaps(text, sevens, _SEVENS, (1, 2), today, own_only=True, printed=column_slashes)


def repair_date_lines(lines: list[str], column_slashes: str = "") -> tuple[list[str], int]:
    """A date cell's lines mended as one text (``repair_date_text``, then ``nine_repairs``, then
    ``seven_repairs`` with the ``column_slashes`` its column's other dates print), each line
    keeping its own characters; the places mended (0: left as read; a 9 read as 0 is one more
    place, or two when another reading is as near)."""
    joined = "".join(lines)
    found = repair_date_text(joined)
    edits, places = found if found is not None else ({}, 0)
    nines = nine_repairs(_apply(joined, edits))
    if nines is not None:
        edits = edits | nines[0]
        places += 2 if nines[1] else 1
    sevens = seven_repairs(_apply(joined, edits), column_slashes=column_slashes)
    if sevens is not None:  # a digit taken for a slash: a guess, the cell stays in doubt
        edits = edits | sevens[0]
        places += DATE_REPAIR_PLACES + 1
    if not edits:
        return lines, 0
    out, at = [], 0
    for line in lines:
        out.append("".join(edits.get(at + j, ch) for j, ch in enumerate(line)))
        at += len(line)
    return out, places


# A date in running text whose era's first character was misread: a kanji or katakana (not an
# era's own) before 和/成, a year, 年, a month and 月.
_RUNNING_ERA = regex.compile(
    r"(?P<x>(?![令平昭])[\p{Han}\p{Katakana}])(?P<k>和|成)(?=(?:元|[0-9０-９]{1,2})年[0-9０-９]{1,2}月)"
)
# 和/成 opening a date with no era before it that could be mended (a kana before it, or nothing).
UNKNOWN_ERA = regex.compile(
    r"(?<![令平昭\p{Han}\p{Katakana}])(?:和|成)(?=(?:元|[0-9０-９]{1,2})年[0-9０-９]{1,2}月)"
)
_TEXT_COLUMNS = ("item", "before", "after", "explanation")


def repair_running_eras(text: str) -> str:
    """Era names misread in the dates of running text (``多和５年１月４日`` → ``令和５年１月４日``)."""
    return _RUNNING_ERA.sub(lambda m: _ERA_OF[m.group("k")], text)


def column_slashes(rows: list[RawRow]) -> str:
    """The slashes (``/``, ``／``) printed by the date cells of ``rows`` that read as plausible
    change dates as they are: what a cell whose every slash was read 7 printed."""
    cells = ("".join(cl.text for cl in row.cells.get("change_date") or []) for row in rows)
    return "".join(sorted({ch for text in cells if plausible_date(text) for ch in _OWN_SLASH.findall(text)}))


def repair_dates(rows: list[RawRow]) -> int:
    """Mend the date cells and the era names in the text cells of OCR rows (in place); the
    number of lines changed.  A row changed is flagged ``ocr_corrected``; a date cell mended in
    more than ``DATE_REPAIR_PLACES`` places gets an ``ocr_suspect`` doubt."""
    changed = 0
    slashes = column_slashes(rows)
    for row in rows:
        n = 0
        dates = row.cells.get("change_date") or []
        texts, places = repair_date_lines([cl.text for cl in dates], slashes)
        if places > DATE_REPAIR_PLACES:
            why = f"the date cell was read {''.join(cl.text for cl in dates)!r}: mended in {places} places"
            row.doubts.append(Doubt("ocr_suspect", "change_date", why))
        for cl, text in zip(dates, texts, strict=True):
            if text != cl.text:
                cl.text = text
                n += 1
        for column in _TEXT_COLUMNS:
            lines = row.cells.get(column) or []
            # Judged on the cell read as one text (an era may wrap: から今 / 和５年); the repair
            # keeps every line's length.
            joined = repair_running_eras("".join(cl.text for cl in lines))
            at = 0
            for cl in lines:
                text = joined[at : at + len(cl.text)]
                at += len(cl.text)
                if text != cl.text:
                    cl.text = text
                    n += 1
        if n:
            changed += n
            row.add_flag("ocr_corrected")
    return changed
