"""Dates misread by OCR mended from a date's grammar (extract/ocr/date_repairs.py, issue 11):
era names misread in Droid Sans Fallback scans (令和 → 発和, 金和, 信和), a date wrapped over two
lines in a narrow column, dashes read as 一, strokes read as I, 0 read as 9."""

from __future__ import annotations

import datetime as dt

import pytest

from piatable.extract.ocr.date_repairs import (
    UNKNOWN_ERA,
    fix_date,
    nine_repairs,
    repair_date_lines,
    repair_dates,
    repair_running_eras,
)
from piatable.models import CellLine, RawRow

from .truth_files import distinct_rows


@pytest.mark.parametrize(
    ("read", "mended", "places"),
    [
        (["信和元年10月", "20日"], ["令和元年10月", "20日"], 1),  # wrapped: neither line parses alone
        (["発和6年10月1日"], ["令和6年10月1日"], 1),
        (["金和元年１０月", "１８日"], ["令和元年１０月", "１８日"], 1),
        (["る和5年3月19", "日"], ["令和5年3月19", "日"], 1),
        (["和元年5月1日"], ["令和元年5月1日"], 1),  # 令 lost
        (["令私3年4月1日"], ["令和3年4月1日"], 1),
        (["乎成30年4月1日"], ["平成30年4月1日"], 1),
        (["2024一4一1"], ["2024-4-1"], 1),  # one misread twice is one place
        (["２０２４一４一１"], ["２０２４－４－１"], 1),
        (["2024/4一1"], ["2024/4/1"], 1),  # the date's own separator
        (["R6,10,1"], ["R6.10.1"], 1),
        (["2019年11月11I日"], ["2019年11月11日"], 1),  # 111日 is no day: the stroke is dropped
        (["2019年1I月1日"], ["2019年11月1日"], 2),  # 11月 or 1月: in doubt
        (["信和2O年4月1日"], ["令和20年4月1日"], 2),
        (["令和6年10月1日"], ["令和6年10月1日"], 0),
        (["昭和60年1月1日"], ["昭和60年1月1日"], 0),
        (["新規"], ["新規"], 0),
        (["信和元年13月1日"], ["信和元年13月1日"], 0),  # no month 13: left as read
        # A 0 read as 9 (VL Gothic, Takao; set XII): the fewest 9s read as 0 that make a
        # plausible change date.
        (["2919.4.1"], ["2019.4.1"], 1),  # a year 2919 is no change date
        (["2919.19.1"], ["2019.10.1"], 1),  # one misread twice is one place
        (["令和元年１９月１日"], ["令和元年１０月１日"], 1),  # no month 19
        (["R6.19.1"], ["R6.10.1"], 1),
        (["令和元年１", "９月１日"], ["令和元年１", "０月１日"], 1),  # wrapped
        (["2019.9.19"], ["2019.9.19"], 0),  # plausible as read: its 9s are 9s
        (["2919.4.1I"], ["2019.4.11"], 3),  # a stroke (1 or nothing) and a 9: in doubt
        (["2999.9.9"], ["2999.9.9"], 0),  # no reading of its 9s is plausible
        # A slash read as a katakana of its slant (set XXXIII n11, a crumpled page): ノ and ン
        # are one kind of look-alike; two of them in a row are one slash.
        (["２０１８ン８ノ１７"], ["２０１８／８／１７"], 1),
        (["２０２１ン２ノン１３"], ["２０２１／２／１３"], 1),
        (["2021ノ2ノン13"], ["2021/2/13"], 1),
        (["２０１８ン８ノ", "１７"], ["２０１８／８／", "１７"], 1),  # wrapped
        (["２０２２ノ４ノンノ１２"], ["２０２２ノ４ノンノ１２"], 0),  # three: garbled, left as read
        (["令和2年ノ1月"], ["令和2年ノ1月"], 0),  # no digit before it
        # A slash read as 7 where the date prints its slash elsewhere (set XXXIII w01).
        # A 7 is a digit too: the cell stays in doubt.
        (["2022701/04"], ["2022/01/04"], 2),
        (["2024/04714"], ["2024/04/14"], 2),
        (["２０２４／０４７１４"], ["２０２４／０４／１４"], 2),
        (["2024/7/17"], ["2024/7/17"], 0),  # a date as read: its 7s are 7s
        (["2024701704"], ["2024701704"], 0),  # no slash of its own: nothing says which 7s
    ],
)
def test_date_cells_are_mended_as_one_text(read, mended, places):
    assert repair_date_lines(read) == (mended, places)


def test_nines_are_judged_against_today():
    today = dt.date(2026, 12, 5)
    assert nine_repairs("2919.9.19", today) == ({1: "0"}, False)  # its other 9s stay
    assert nine_repairs("2029.4.1", today) == ({3: "0"}, False)  # beyond FUTURE_YEARS: 2020
    assert nine_repairs("2027.4.1", today) is None  # a change planned a year ahead
    assert nine_repairs("2019.4.1", today) is None


def test_fix_date_mends_a_line_and_leaves_other_text():
    assert fix_date("2O23/2/6") == "2023/2/6"
    assert fix_date("R5.l.6") == "R5.1.6"
    assert fix_date("信和2年1月6日") == "令和2年1月6日"
    assert fix_date("新規") == "新規"


def test_running_text_eras_need_a_whole_date():
    text = "多和５年１月４日から今和５年２月３日まで"
    assert repair_running_eras(text) == "令和５年１月４日から令和５年２月３日まで"
    assert repair_running_eras("平和5年の計画") == "平和5年の計画"  # no month: not a date
    assert repair_running_eras("昭和60年1月1日") == "昭和60年1月1日"
    assert UNKNOWN_ERA.search("から和5年1月4日まで")
    assert not UNKNOWN_ERA.search("令和5年1月4日まで")


def test_rows_mended_in_two_places_stay_suspect():
    rows = [
        RawRow({"change_date": [CellLine("信和元年10月", 1, 0), CellLine("20日", 1, 0)]}),
        RawRow(
            {
                "change_date": [CellLine("信和2O年4月1日", 1, 0)],
                "after": [CellLine("念和元年6月1日から今", 1, 0), CellLine("和元年6月30日まで", 1, 0)],
            }
        ),
    ]
    assert repair_dates(rows) == 3  # lines changed
    assert [cl.text for cl in rows[0].cells["change_date"]] == ["令和元年10月", "20日"]
    # An era wrapped over two lines: each line keeps its length.
    assert [cl.text for cl in rows[1].cells["after"]] == ["令和元年6月1日から令", "和元年6月30日まで"]
    assert all("ocr_corrected" in r.flags for r in rows)
    assert [d.field for d in rows[0].doubts] == []
    assert [(d.kind, d.field) for d in rows[1].doubts] == [("ocr_suspect", "change_date")]


def _truth() -> list[dict]:
    return distinct_rows()  # (each distinct truth file's once: the test checks sets of their cells)


def test_no_truth_cell_of_the_samples_is_changed_or_flagged():
    records = _truth()
    dates = {str(r.get("change_date_raw") or "") for r in records}
    assert len(dates) > 100
    assert [d for d in dates if repair_date_lines(d.split("\n")) != (d.split("\n"), 0)] == []
    texts = {str(r.get(f) or "") for r in records for f in ("item", "before", "after", "explanation")}
    assert [t for t in texts if repair_running_eras(t) != t] == []
    assert [t for t in texts if UNKNOWN_ERA.search(t.replace("\n", ""))] == []
