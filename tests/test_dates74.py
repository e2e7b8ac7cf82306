"""The 変更日 date forms municipal documents print (branch dates74; samples/office-dates74,
tools/make_dates74_samples.py): a year in both calendars (``2025（令和7）年4月23日``,
``令和7年（2025年）4月23日``, full-width, ASCII brackets), a correction's date under the change's,
and that no sentence, article or version number turns into a date.

Property tests (hypothesis) draw dates and print them in each form; the held-out set
``samples/heldout-dates74`` is measured only (tools/eval_dates74.py).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from piatable import extract_document
from piatable.normalize.dates import (
    DATE_AT_START,
    dual_year_mismatch,
    is_date_head,
    is_date_line,
    parse_date,
)
from piatable.normalize.line_dates import date_of_lines, raw_date

from .conftest import SAMPLES

hypothesis = pytest.importorskip("hypothesis")  # declared in pyproject's dev extra
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FW = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("2025（令和7）年4月23日", "2025-04-23"),
        ("令和7年（2025年）4月23日", "2025-04-23"),
        ("令和７（2025）年４月２３日", "2025-04-23"),
        ("令和７（２０２５）年４月２３日", "2025-04-23"),
        ("2025年（令和7年）4月23日", "2025-04-23"),
        ("2025(令和7)年4月23日", "2025-04-23"),
        ("令和7年(2025年)4月23日", "2025-04-23"),
        ("令和元年（2019年）5月1日", "2019-05-01"),
        ("2019（平成31）年4月1日", "2019-04-01"),
        ("2025（R7）年4月23日", "2025-04-23"),
        ("令和元年5月1日", "2019-05-01"),
        ("2025年4月23日（水）", "2025-04-23"),
        ("2025年4月23日(水曜日)", "2025-04-23"),
        ("令和7年4月23日付", "2025-04-23"),
        ("R7.4.23", "2025-04-23"),
        ("2025.04.23", "2025-04-23"),
        ("２０２５年　４月　２３日", "2025-04-23"),
        ("2025（令和7）年4月23日（水）", "2025-04-23"),
    ],
)
def test_printed_forms_are_date_lines_with_their_iso_date(printed, iso):
    assert parse_date(printed) == iso
    assert is_date_line(printed), "a reader opens the row at this line"


def test_disagreeing_calendars_give_no_date_but_still_open_a_row():
    text = "2025（令和6）年4月23日"
    assert parse_date(text) is None
    assert dual_year_mismatch(text)
    assert is_date_line(text)
    assert not dual_year_mismatch("2025（令和7）年4月23日")
    assert not dual_year_mismatch("令和7年4月23日")


@pytest.mark.parametrize(
    ("lines", "iso", "raw"),
    [
        (["令和6年4月1日", "(令和6年5月1日修正)"], "2024-04-01", "令和6年4月1日\n(令和6年5月1日修正)"),
        (["2023/4/1", "（訂正日：令和5年5月1日）"], "2023-04-01", "2023/4/1\n（訂正日：令和5年5月1日）"),
        (["令和7年", "4月23日"], "2025-04-23", "令和7年4月23日"),
        (["令和7年", "（2025年）", "4月23日"], "2025-04-23", "令和7年（2025年）4月23日"),
        (["2025年（令和", "7年）4月23日"], "2025-04-23", "2025年（令和7年）4月23日"),
    ],
)
def test_cells_over_lines(lines, iso, raw):
    """A correction's date under the change's is not the row's date; a wrapped date is one date."""
    assert date_of_lines(lines)[0] == iso
    assert raw_date(lines) == raw


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


def test_dual_heads_wrap_but_years_alone_do_not():
    assert is_date_head("令和7年（2025")
    assert is_date_head("2025年（令和")
    assert not is_date_head("（令和7年度）")
    assert not is_date_head("令和7年度の事業")


@pytest.mark.parametrize("case", ["dt74-2-pdftotext-layout", "dt74-8-pdftotext-layout", "dt74-3"])
def test_samples_read_their_dates(case):
    """Real LibreOffice tables: each printed form gives the row its ISO date (set office-dates74)."""
    folder = SAMPLES / "office-dates74" / case
    inp = next(folder.glob("input.*"))
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(inp).records
    assert [r.change_date for r in got] == [e["change_date"] for e in expected]


def test_a_weekday_torn_before_its_bracket_stays_with_its_date():
    """``2021年9月1日（水`` / ``）``: a 14-character Calc column tears the weekday (office-dates74)."""
    from piatable.normalize.dates import DATE_TAIL, DATE_THEN_ITEM

    assert is_date_line("2021年9月1日（水")
    assert DATE_THEN_ITEM.match("2021年9月1日（水   Ⅰ基本情報")
    assert DATE_TAIL.match("）")
    assert not is_date_line("令和5年4月1日（水道局の統合）")
    assert not is_date_line("2021年9月1日（水道")


def test_a_label_between_a_date_and_its_item_keeps_the_date_only():
    from piatable.normalize.dates import DATE_THEN_ITEM

    m = DATE_THEN_ITEM.match("2019年5月1日 施行 Ⅲ特定個人情報ファイルの取扱いプロセス")
    assert m and m.group().strip() == "2019年5月1日 施行"
    assert not DATE_THEN_ITEM.match("平成31年4月1日 時点 Ⅱ")


@pytest.mark.parametrize(
    ("pieces", "iso"),
    [
        (["2019年", "（平成", "31年）4", "月1日"], "2019-04-01"),
        (["平成３", "１（２", "０１９", "）年４", "月１日"], "2019-04-01"),
        (["令和元", "（２０", "１９）", "年５月", "１日"], "2019-05-01"),
    ],
)
def test_a_dual_date_broken_over_narrow_lines_is_joined(pieces, iso):
    """Row-ordered text of a 6-character Calc column (office-dates74 dt74-2, pypdfium2)."""
    from piatable.models import CellLine
    from piatable.normalize.split_dates import join_split_dates

    lines = [CellLine(t, 1, k) for k, t in enumerate([*pieces, "Ⅱ特定個人情報ファイルの概要"])]
    out, joined = join_split_dates(lines)
    assert joined
    assert parse_date(out[0].text) == iso
    assert out[1].text == "Ⅱ特定個人情報ファイルの概要"


def test_a_row_whose_calendars_disagree_keeps_its_place_raw_text_and_a_flag(tmp_path):
    """The seed's first date printed ``2023（令和4）年2月6日``: the row still opens there (12 rows),
    its date is null, its raw text kept, flagged and under 0.9; the next row is untouched."""
    seed = (SAMPLES / "seed" / "input.txt").read_text("utf-8")
    path = tmp_path / "input.txt"
    path.write_text(seed.replace("2023/2/6", "2023（令和4）年2月6日", 1), "utf-8")
    records = extract_document(path).records
    assert len(records) == 12
    first, second = records[0], records[1]
    assert first.change_date is None and first.change_date_raw == "2023（令和4）年2月6日"
    assert {"date_ambiguous", "date_unparsed"} <= set(first.flags) and first.confidence < 0.9
    assert second.change_date == "2023-02-06" and "date_ambiguous" not in second.flags
