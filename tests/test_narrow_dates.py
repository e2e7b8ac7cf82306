"""Dates printed a character a line in a narrow 変更日 column, and the count of printed dates
against the rows read (issue 10, branch stream13)."""

from __future__ import annotations

import json

import pytest

from piatable.models import CellLine
from piatable.normalize.boxes import join_narrow_pieces
from piatable.normalize.conservation import date_markers, dates_before_region
from piatable.pipeline import extract_document

from .conftest import SAMPLES


def _lines(*texts: str) -> list[CellLine]:
    return [CellLine(t, 1, k) for k, t in enumerate(texts)]


def test_a_date_a_character_a_line_is_joined_and_marked_wrapped():
    out = join_narrow_pieces(_lines("２", "０", "１", "９.", "４.", "１", "Ⅱ 特定個人情報ファ"))
    assert [cl.text for cl in out] == ["２０１９.４.１", "Ⅱ 特定個人情報ファ"]
    assert out[0].wraps is True


def test_a_look_alike_dash_date_in_pieces_is_joined():
    out = join_narrow_pieces(_lines("20", "21ー", "4ー", "1", "Ⅰ基本情報"))
    assert out[0].text == "2021ー4ー1"


def test_a_timing_a_character_a_line_is_joined():
    assert [cl.text for cl in join_narrow_pieces(_lines("事", "後", "委託先の合"))] == ["事後", "委託先の合"]


def test_a_date_inside_a_sentence_is_not_joined():
    texts = ["平", "成", "31", "年4", "月1日", "時点の数値"]
    assert [cl.text for cl in join_narrow_pieces(_lines(*texts))] == texts


def test_two_short_pieces_are_left_to_the_readers():
    # A date wrapped once (two lines) is the two-pass reader's evidence of a wrapped date.
    assert [cl.text for cl in join_narrow_pieces(_lines("令和5年3月", "31日"))] == ["令和5年3月", "31日"]


def test_date_markers_count_whole_and_pieced_dates_not_sentence_dates():
    region = ["2020/", "7/1", "Ⅰ 関連情報", "令和3年4月1", "日", "令和3年4月1日", "時点", "2021/4/1"]
    assert date_markers(region) == 3


def test_a_cover_pages_dates_are_not_the_tables():
    raw = ["公表日", "令和5年3月1日", "①実施日", "令和4年12月1日", "変更日", "2020/7/1", "Ⅰ 関連情報"]
    assert dates_before_region(raw, len(raw)) == 1


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
def test_a_writer_table_with_a_narrow_date_column_gives_its_rows(tool):
    """samples/office-stream13/s13-writer-6: 9 pt, date column 5% of the width, dates like
    ２０１９.４.１ printed a character a line: read 1 row of 10 before the pieces were joined."""
    folder = SAMPLES / "office-stream13" / f"s13-writer-6-{tool}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.txt")
    dates = [r.change_date for r in result.records]
    assert len(result.records) >= 8
    assert sum(d in {e["change_date"] for e in expected} for d in dates) >= 8


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
def test_a_row_ordered_writer_text_is_not_read_column_by_column(tool):
    """samples/mixed/mx-writer-2: read column by column it gave 5 rows of 7, every explanation
    filled from one row as a merged cell; the date lines it left unrowed now count against it."""
    folder = SAMPLES / "mixed" / f"mx-writer-2-{tool}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.txt")
    assert len(result.records) == len(expected)
    filled = [r for r in result.records if "merged_cell_filled" in r.flags]
    assert len(filled) <= 1


def test_a_date_that_goes_on_beside_other_cells_is_left_to_the_readers():
    # ``201`` / ``9`` / ``年`` / ``4`` / ``月`` / ``1`` / ``日 Ⅰ基本情報 事後``: the two-pass reader
    # splits the date's tail off the shared line; joining ``2019年4月1`` alone would orphan ``日``.
    texts = ["201", "9", "年", "4", "月", "1", "日 Ⅰ基本情報 事後"]
    assert [cl.text for cl in join_narrow_pieces(_lines(*texts))] == texts
