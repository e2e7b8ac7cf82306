"""Lines an extractor broke apart inside one cell: a date one piece per line, a check mark
read apart from its box (normalize/compound.py)."""

from __future__ import annotations

from piatable.models import CellLine
from piatable.normalize.compound import join_date_pieces, place_check_marks


def _lines(*texts: str) -> list[CellLine]:
    return [CellLine(t, 1, k) for k, t in enumerate(texts)]


def _texts(lines: list[CellLine]) -> list[str]:
    return [cl.text for cl in lines]


def test_a_date_one_piece_per_line_is_joined():
    got = join_date_pieces(_lines("令和", "5", "年 10", "月", "1", "日", "Ⅱ 特定個人情報ファイルの"))
    assert _texts(got) == ["令和5年10月1日", "Ⅱ 特定個人情報ファイルの"]
    got = join_date_pieces(_lines("令和", "6", "年", "2", "月 15", "日", "Ⅳ その他"))
    assert _texts(got)[0] == "令和6年2月15日"


def test_a_date_whose_first_piece_holds_the_year_mark_is_joined_with_its_lone_day_mark():
    # pypdfium2 text of a LibreOffice Writer date cell: "2023 年" / "2 月 6" / "日".
    got = join_date_pieces(_lines("2023 年", "2 月 6", "日", "Ⅰ 基本情報"))
    assert _texts(got) == ["2023年2月6日", "Ⅰ 基本情報"]


def test_pieces_that_make_no_date_stay_apart():
    lines = _lines("令和", "5", "年度の予算", "1")
    assert _texts(join_date_pieces(lines)) == _texts(lines)
    lines = _lines("2023", "13", "月", "1", "日")  # no 13th month
    assert _texts(join_date_pieces(lines)) == _texts(lines)


def test_a_check_mark_goes_back_into_its_box():
    # pdftotext -raw: the mark on the line before; pypdfium2: at the end; pdfminer: before the box.
    got = place_check_marks(_lines("○", "［ ］紙", "［ ］電子メール", "［ ］紙 ○", "○［ ］電子記録媒体"))
    assert _texts(got) == ["［○］紙", "［ ］電子メール", "［○］紙", "［○］電子記録媒体"]


def test_a_mark_not_before_an_empty_box_stays():
    lines = _lines("○", "市民課", "［○］紙", "○ 住民票の写し")
    assert _texts(place_check_marks(lines)) == _texts(lines)
