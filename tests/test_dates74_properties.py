"""Property tests (hypothesis) over the 変更日 date grammar (``normalize/dates.py``, branch dates74):
any date printed with its year in both calendars (either first, ASCII or full-width brackets, 年
inside or out, spaces, full-width digits) reads its day and opens a row; two disagreeing years
read no date and are flagged; a narrow column's break anywhere in it is joined back; and 年度,
articles (第2条), version numbers (1.2.3) and a sentence opening with a date are never dates.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from piatable.normalize.dates import DATE_AT_START, dual_year_mismatch, is_date_line, parse_date
from piatable.normalize.line_dates import date_of_lines

FW = str.maketrans("0123456789", "０１２３４５６７８９")


def _era(d: dt.date) -> tuple[str, int]:
    if d >= dt.date(2019, 5, 1):
        return "令和", d.year - 2018
    return "平成", d.year - 1988


DATES = st.dates(min_value=dt.date(1989, 1, 8), max_value=dt.date(2030, 12, 31))
ERA_FIRST = st.booleans()
BRACKETS = st.sampled_from([("（", "）"), ("(", ")")])
NEN_INSIDE = st.booleans()
FULL_WIDTH = st.booleans()
SPACES = st.sampled_from(["", " ", "\u3000"])


def _dual(
    d: dt.date, era_first: bool, br: tuple[str, str], inside: bool, sp: str, year: int | None = None
) -> str:
    """``d`` printed with its year in both calendars; ``year`` overrides the Western year."""
    name, ey = _era(d)
    e = f"{name}{'元' if ey == 1 else ey}"
    w = str(d.year if year is None else year)
    o, c = br
    if era_first:
        head = f"{e}年{o}{w}年{c}" if inside else f"{e}{o}{w}{c}年"
    else:
        head = f"{w}年{o}{e}年{c}" if inside else f"{w}{o}{e}{c}年"
    return f"{head}{sp}{d.month}月{sp}{d.day}日"


@settings(max_examples=300, deadline=None)
@given(DATES, ERA_FIRST, BRACKETS, NEN_INSIDE, SPACES, FULL_WIDTH)
def test_any_dual_calendar_date_reads_its_day(d, era_first, br, inside, sp, fw):
    text = _dual(d, era_first, br, inside, sp)
    text = text.translate(FW) if fw else text
    assert parse_date(text) == d.isoformat()
    assert is_date_line(text)
    assert is_date_line(text + "（" + "月火水木金土日"[d.weekday()] + "）")


@settings(max_examples=200, deadline=None)
@given(DATES, ERA_FIRST, BRACKETS, NEN_INSIDE, st.integers(min_value=1, max_value=12).map(lambda k: k))
def test_a_dual_date_whose_years_differ_is_flagged_never_read(d, era_first, br, inside, off):
    text = _dual(d, era_first, br, inside, "", year=d.year + off)
    assert parse_date(text) is None
    assert dual_year_mismatch(text)


@settings(max_examples=200, deadline=None)
@given(DATES, ERA_FIRST, BRACKETS, NEN_INSIDE, st.data())
def test_a_dual_date_wrapped_anywhere_reads_whole_joined(d, era_first, br, inside, data):
    """A narrow column breaks the date anywhere: its lines joined read the day (no digit of the
    date lost to the next cell), and a line break inside the date is no second date."""
    text = _dual(d, era_first, br, inside, "")
    cut = data.draw(st.integers(min_value=1, max_value=len(text) - 1))
    assert date_of_lines([text[:cut], text[cut:]])[0] == d.isoformat()


@settings(max_examples=200, deadline=None)
@given(DATES, ERA_FIRST, BRACKETS, NEN_INSIDE)
def test_a_dual_date_opening_a_sentence_opens_no_row(d, era_first, br, inside):
    """``2025（令和7）年4月23日から施行する。`` in a 説明 cell is a sentence, not a 変更日 line."""
    text = _dual(d, era_first, br, inside, "") + "から施行する。"
    assert not is_date_line(text)
    assert not DATE_AT_START.match(text)


NON_DATES = st.one_of(
    st.integers(1, 30).map(lambda n: f"令和{n}年度から事務を開始する。"),
    st.integers(1, 30).map(lambda n: f"令和{n}年度"),
    st.tuples(st.integers(1, 30), st.integers(1, 9)).map(lambda t: f"{t[0]}（令和{t[1]}）年度"),
    st.tuples(st.integers(1, 99), st.integers(1, 9)).map(lambda t: f"第{t[0]}条第{t[1]}項"),
    st.integers(1, 99).map(lambda n: f"第{n}条"),
    st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99)).map(
        lambda t: ".".join(map(str, t))
    ),
    st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99)).map(
        lambda t: "Ver." + ".".join(map(str, t))
    ),
    st.tuples(st.integers(2000, 2030), st.integers(1, 9)).map(lambda t: f"{t[0]}年度（令和{t[1]}年度）"),
    st.integers(1, 30).map(lambda n: f"令和{n}年（予定）"),
    st.tuples(st.integers(1, 12), st.integers(1, 28)).map(lambda t: f"{t[0]}月{t[1]}日"),
)


@settings(max_examples=400, deadline=None)
@given(NON_DATES, FULL_WIDTH)
def test_years_articles_and_versions_are_no_dates(text, fw):
    text = text.translate(FW) if fw else text
    assert parse_date(text) is None
    assert not is_date_line(text)
    assert not DATE_AT_START.match(text)
