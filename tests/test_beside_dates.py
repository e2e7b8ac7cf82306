"""Wrapped dates whose pieces plain pdftotext printed beside another column's lines
(normalize/beside_dates.py), on committed LibreOffice samples (samples/office-flow23)."""

from __future__ import annotations

import json
from pathlib import Path

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.beside_dates import join_split_dates

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _texts(lines: list[tuple[str, int]], gaps: list[bool]) -> list[str]:
    out, _ = join_split_dates([CellLine(t, 1, n) for t, n in lines], gaps)
    return [cl.text for cl in out]


def test_a_numeric_date_wrapped_beside_its_item_is_made_whole():
    # A narrow Calc 変更日 column: 2018/7/ | 1 and 2016/10 | /1, the first part on the item's line.
    lines = [("2018/7/ Ⅱ特定個人情報ファイルの概要", 1), ("1", 2), ("４．特定個人情報ファイル", 3)]
    assert _texts(lines, [True, False, False]) == [
        "2018/7/1",
        "Ⅱ特定個人情報ファイルの概要",
        "４．特定個人情報ファイル",
    ]
    assert _texts([("2016/10 Ⅰ基本情報", 1), ("/1", 2)], [True, False]) == ["2016/10/1", "Ⅰ基本情報"]


def test_a_date_tail_opening_the_items_next_line_is_taken_and_the_line_kept():
    lines = [("令和2年1 Ⅳその他のリスク対策", 1), ("月6日 １．監査", 2), ("①自己点検", 3)]
    assert _texts(lines, [True, False, False]) == [
        "令和2年1月6日",
        "Ⅳその他のリスク対策",
        "１．監査",
        "①自己点検",
    ]


def test_a_date_in_a_sentence_is_left_as_it_is():
    # A cell's text (pdfminer keeps a cell's lines together): 令和元年 6 月 / 1 日から… is no 変更日.
    lines = [("令和元年 6 月", 1), ("1 日から令和元年 6 月 30", 2), ("日まで", 3)]
    assert _texts(lines, [True, False, False]) == [t for t, _ in lines]
    # Nor is a tail whose line goes on as a sentence, nor one with nothing beside its head.
    assert _texts([("令和2年1 Ⅳその他", 1), ("月6日 時点の", 2)], [True, False])[0] == "令和2年1 Ⅳその他"
    assert (
        _texts([("令和2年1", 1), ("x", 2), ("月6日 １．監査", 3)], [True, False, False])[-1]
        == "月6日 １．監査"
    )


def _case(name: str) -> tuple[list, list]:
    folder = SAMPLES / "office-flow23" / name
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return extract_document(folder / "input.txt").records, expected


def test_plain_pdftotext_of_a_narrow_numeric_date_column_gives_every_row():
    # Every date of this Calc table wraps (2018/7/ | 1): main read no row at all (status partial).
    got, expected = _case("f23-calc-zeimu-pdftotext")
    assert len(got) == len(expected) == 9
    # (Which rows a merged date covers is another matter: the dates are all found and parsed.)
    assert {r.change_date_raw for r in got} == {e["change_date_raw"] for e in expected}
    assert all(r.change_date is not None for r in got)


def test_plain_pdftotext_date_tails_beside_item_lines_become_dates():
    # 令和2年1 Ⅳその他… / 月6日 １．監査: main read neither part as a date.  (The case is still a
    # row short: an item without a section, tests/test_conservation.py KNOWN_SILENT_LOSSES.)
    got, expected = _case("f23-calc-juki-pdftotext")
    assert {r.change_date_raw for r in got} == {e["change_date_raw"] for e in expected}
    assert all(r.change_date is not None for r in got)
