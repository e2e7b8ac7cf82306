"""The 変更日 date forms municipal documents print (branch dates74; samples/office-dates74,
tools/make_dates74_samples.py): a year in both calendars (``2025（令和7）年4月23日``,
``令和7年（2025年）4月23日``, full-width, ASCII brackets), a correction's date under the change's,
and that no sentence, article or version number turns into a date.

Property tests over the grammar: tests/test_dates74_properties.py (hypothesis).  The held-out set
``samples/heldout-dates74`` is measured only (tools/eval_dates74.py).
"""

from __future__ import annotations

import json

import pytest

from piatable import extract_document
from piatable.normalize.dates import (
    dual_year_mismatch,
    is_date_head,
    is_date_line,
    parse_date,
)
from piatable.normalize.line_dates import date_of_lines, raw_date

from .conftest import SAMPLES


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
