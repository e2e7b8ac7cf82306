"""Item cells printing no section of the form (Ⅰ…Ⅵ) in column-ordered text
(normalize/sectionless_items.py, boxes._opens_next_item), on committed LibreOffice samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.boxes import lines_to_boxes
from piatable.normalize.sectionless_items import is_heading_path

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "office-flow23"


def test_a_path_of_headings_under_no_section_is_an_item():
    wrapped = ("２．特定個人情報の入手（情報提供", "ネットワークシステムを通じた入手", "を除く。）")
    risk = (
        "リスク１：目的外の入手が行われる",
        "リスク",
        "対象者以外の情報の入手を防止する",
        "ための措置の内容",
    )
    assert is_heading_path((*wrapped, *risk))
    assert is_heading_path(("６．特定個人情報の保管・消去", "①保管場所"))


def test_a_cell_quoting_a_heading_is_no_item():
    assert not is_heading_path(
        ("（１．研修）", "・年１回、全職員を対象とした個人情報保護研修を実施している。")
    )
    assert not is_heading_path(("１．対象人数", "住民基本台帳法に基づき、住民の居住関係の公証、"))
    assert not is_heading_path(("①保管場所", "サーバー室に保管する。"))


def test_adjacent_item_cells_in_one_box_are_cut_at_the_next_numbered_heading():
    texts = [
        "Ⅱしきい値判断項目",
        "１．対象人数",
        "評価対象の事務の対象人数は何人か",
        "２．特定個人情報の入手",
    ]
    texts += ["リスク１：目的外の入手が行われるリスク", "５．特定個人情報の提供・移転"]
    lines = [CellLine(t, 1, n) for n, t in enumerate(texts, 1)]
    boxes = lines_to_boxes(lines, [True] + [False] * (len(lines) - 1))
    assert [[cl.text for cl in b.lines] for b in boxes] == [texts[:3], texts[3:5], texts[5:]]
    # A cell numbering its paragraphs is not cut: its lines are no path of headings.
    cell = ["１．住民に関する記録を正確に行う。", "２．届出の簡素化を図る。"]
    boxes = lines_to_boxes([CellLine(t, 1, n) for n, t in enumerate(cell, 1)], [True, False])
    assert len(boxes) == 1


@pytest.mark.parametrize("family", ["pdfminer", "pdftotext"])
@pytest.mark.parametrize("table", ["calc-lists"])
def test_rows_whose_items_print_no_section_are_read(table, family):
    # main read 5 rows of 8 and said nothing (status success).  (writer-kokuho and
    # writer-municipal are still short of rows.)
    folder = SAMPLES / f"f23-{table}-{family}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.txt")
    got = [r.item.replace(" ", "") for r in result.records]
    sectionless = [e["item"] for e in expected if e["item"][:1] not in "ⅠⅡⅢⅣⅤⅥ"]
    assert sectionless
    assert all(item in got for item in sectionless)
    assert len(result.records) == len(expected) or result.status == "partial"
