"""The better of two reads (extract/ocr/better_reads.py, issues 11/12, session 50): an unsure
line's second read taken where the dictionary reads it plainly better (提供範明 → 提供範囲) or
where it has the one circled number the forms give a heading the first read numbers otherwise
(⑥ → ⑤提供する情報の対象となる本人の範囲 under 提供先２), all places of a line or none; and a
check box's circle (〇 / ○ / [O]) one key for the second reads; a clause broken where a 、 was
lost in doubt (extract/ocr/broken_clauses.py).  Real SudachiPy, committed
tesseract reads (samples/scan-ocr46) and a live tesseract read (samples/office-ocr50)."""

from __future__ import annotations

import json

from piatable.extract.ocr.better_reads import better_line, take_better_reads
from piatable.extract.ocr.second_reads import WHY_OPENING, SecondRead, read_key, still_in_doubt
from piatable.models import CellLine, Doubt, RawRow

from .conftest import SAMPLES
from .test_scan_own_numbering import read_scan_folder

_ITEM = [
    "Ⅱ特定個人情報ファイルの概要",
    "５．特定個人情報の提供・移転（委託に伴うものを除く。）",
    "提供先２",
    "⑥提供する情報の対象とな",
    "る本人の範囲",
]


def test_a_misread_kanji_the_second_read_has_right_is_taken():
    line = "提供範明の見直しに伴う修正"
    assert (
        better_line([line], 0, line, "提供範囲の見直しに伴う修正", "explanation")
        == "提供範囲の見直しに伴う修正"
    )


def test_a_date_keeps_its_read_where_the_second_makes_it_none():
    # Set XII's c1: 金和 mended to 令和 by the date's grammar, read again 信和 (a cheaper path
    # for the dictionary): the plausible date stays.
    line = better_line(["令和5年4月1日"], 0, "金和5年4月1日", "信和5年4月1日", "change_date")
    assert line == "信和5年4月1日"  # what the dictionary alone would take
    why = SecondRead(0, 0, 9, 9, "金和5年4月1日", "信和5年4月1日", 41.0).why
    row = RawRow({"change_date": [CellLine("令和5年4月1日", 1, 0)]})
    row.doubts.append(Doubt("ocr_suspect", "change_date", why))
    assert take_better_reads([row]) == 0
    assert row.cells["change_date"][0].text == "令和5年4月1日"


def test_the_circled_number_the_forms_give_the_heading_is_taken_over_a_wrap():
    got = better_line(_ITEM, 3, "⑥提供する情報の対象とな", "⑤提供する情報の対象とな", "item")
    assert got == "⑤提供する情報の対象とな"
    # Another text cell's circled number has no lexicon: as read (the dictionary cannot tell).
    assert better_line(["⑥提供する情報"], 0, "⑥提供する情報", "⑤提供する情報", "after") == "⑥提供する情報"


def test_a_line_is_not_mixed_of_two_reads():
    line = "番号法第９条第１項別表第一の子了テの項"
    assert (
        better_line(
            [line], 0, "番号法第9条第1項別表第一の子了テの項", "番号法第9条第1項別表第一の了子の項", "before"
        )
        == line
    )


def test_a_check_box_circle_read_as_o_or_the_kanji_zero_is_one_key():
    assert read_key("[O]庁内") == read_key("[〇]庁内") == read_key("[○]庁内")
    # set IX's c3 at 300 dpi: the cell corrected to the second read bar the box's circle.
    first, second = "'[O]店内連携システム'", "'[〇]庁内連携システム'"
    why = f"{WHY_OPENING}{first} (a character at confidence 92), read again {second}"
    assert not still_in_doubt(why, "[○]庁内連携システム", "after")


def test_committed_reads_take_the_second_read():
    """samples/scan-ocr46's Writer Gothic page at 200 dpi: ３０万人未満 read ３０万償満, read
    again right at 1.5×: taken, flagged ocr_corrected with both reads (tools/bench_scan_sets.py
    samples/scan-ocr46: 105 → 106 of 120 cells, no row's warning changed)."""
    got, expected = read_scan_folder(SAMPLES / "scan-ocr46" / "writer-gothic-200-t4")
    assert got[3]["after"] == expected[3]["after"] == "１０万人以上３０万人未満"
    assert "ocr_corrected" in got[3]["flags"]
    assert any("read again at another scale" in e for e in got[3]["evidence"])


def test_live_read_of_a_yellowed_page():
    """samples/office-ocr50's 300 dpi JPEG of yellowed paper with grey ink (tools/make_ocr50_samples.py),
    read by tesseract now: every row found, the unsure lines read twice."""
    from piatable.extract.ocr.pages import scan_image_file
    from piatable.extract.ocr.reader import scans_to_reading
    from piatable.pipeline import reading_to_result
    from piatable.settings import Settings

    case = SAMPLES / "office-ocr50" / "writer-yellow-300-t2"
    settings = Settings()
    scans = scan_image_file(case / "input.jpg", settings.ocr)
    res = reading_to_result(scans_to_reading(scans, "scan", len(scans), settings.ocr), "scan", settings)
    got = [r.to_dict() for r in res.records]
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    assert len(got) == len(expected) == 7
    assert [g["timing"] for g in got] == [e["timing"] for e in expected]
    assert [g["change_date_raw"] for g in got] == [e["change_date_raw"] for e in expected]
    assert all("ocr" in g["flags"] for g in got)


def test_a_wrapped_heading_of_the_form_vouches_for_its_last_line():
    """set XI's c3 at 300 dpi: the tail く。） of ５．特定個人情報の提供・移転（委託に伴うものを除
    / く。） read again くり; the joined heading is the form's, so no doubt (a heading on one line
    already had none).  A tail that makes no heading stays in doubt."""
    cell = "\n".join(_ITEM[:1] + ["５．特定個人情報の提供・移転（委託に伴うものを除", "く。）", "提供先２"])
    why = f"{WHY_OPENING}'く。' (a character at confidence 91), read again 'くり'"
    assert not still_in_doubt(why, cell, "item")
    assert still_in_doubt(why, cell.replace("く。）", "く。）ず"), "item")


def _row(after: list[tuple[str, bool | None]]):
    from piatable.models import CellLine, RawRow

    return RawRow({"after": [CellLine(t, 1, k, wraps=w) for k, (t, w) in enumerate(after)]})


def test_a_clause_broken_where_a_comma_was_lost_is_in_doubt():
    """set XI's c1 at 400 dpi: ……年１回実施し / 未受講者には… (its 、 not read, the line stopping
    short) and samples/office's Writer seed at 200 dpi (廃止され / 個人番号通知書…) get
    ocr_suspect:after (extract/ocr/broken_clauses.py); a soft wrap, a noun (見直し) or だ's に
    (速やかに) does not."""
    from piatable.extract.ocr.broken_clauses import flag_broken_clauses

    lost = [_row([("研修を年１回実施し", False), ("未受講者には受講を促している。", None)])]
    lost.append(_row([("通知カードが廃止され", False), ("個人番号通知書となった", None)]))
    assert flag_broken_clauses(lost) == [
        "2 OCR cell(s) with a clause broken where a 、 was probably lost (ocr_suspect)"
    ]
    assert all(r.doubts[0].kind == "ocr_suspect" and r.doubts[0].field == "after" for r in lost)
    kept = [
        _row([("研修を年１回実施し", True), ("未受講者には受講を促している。", None)]),
        _row([("管理方法の見直し", False), ("監査体制の見直し", None)]),
        _row([("庁内の手順に従い速やかに", False), ("復元する。", None)]),
        _row([("研修を実施し", False), ("①未受講者", None)]),
    ]
    assert flag_broken_clauses(kept) == [] and not any(r.doubts for r in kept)
