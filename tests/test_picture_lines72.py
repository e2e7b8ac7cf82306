"""A line read from a picture in a cell (a diagram's boxes read IHHH I, set XXXIII n08) is dropped
with the row's evidence; text, item headings and short Latin words stay."""

from __future__ import annotations

from piatable.extract.ocr.picture_lines import drop_picture_lines, is_picture_line
from piatable.models import CellLine, RawRow


def test_lines_of_stroke_letters_alone_are_pictures():
    assert is_picture_line("IHHH I") and is_picture_line("HH I") and is_picture_line("|[]| =")
    for text in ("II", "IT", "HIS", "ID", "（システム構成は下図のとおり）", "Ⅲ", "H I 1"):
        assert not is_picture_line(text), text


def test_a_picture_line_is_dropped_with_evidence_and_the_item_kept():
    row = RawRow()
    row.cells["after"] = [
        CellLine("ながの電子計算株式会社"),
        CellLine("（システム構成は下図のとおり）"),
        CellLine("IHHH I"),
    ]
    row.cells["item"] = [CellLine("III")]
    assert drop_picture_lines([row]) == 1
    assert [cl.text for cl in row.cells["after"]] == [
        "ながの電子計算株式会社",
        "（システム構成は下図のとおり）",
    ]
    assert [cl.text for cl in row.cells["item"]] == ["III"]
    assert "ocr_corrected" in row.flags
    assert any("IHHH I" in d.why for d in row.doubts)
