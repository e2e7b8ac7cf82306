"""Boxes of column-ordered text (pdfminer) joined or cut where the producers' layouts tear or
merge cells (session 53, set XIV): an explanation's last line parted from its first line beside
the 提出時期, a Gnumeric item's headings printed after the row's other cells, a merged
explanation ending ``…したもの``."""

from piatable.models import CellLine
from piatable.normalize.box_joins import join_explanation_tails, join_lone_sections, join_sections_past_cells
from piatable.normalize.boxes import Box, lines_to_boxes
from piatable.normalize.merged_explanations import explanation_cuts


def _line(text: str, line_no: int, page: int = 1) -> CellLine:
    return CellLine(text, page, line_no)


def _lines(boxes: list[Box]) -> list[CellLine]:
    return [cl for b in boxes for cl in b.lines]


def test_an_explanations_last_line_after_a_blank_line_joins_its_first_line_beside_the_timing():
    # Writer 10.5 pt in pdfminer: ``事後 外部監査の導入`` is one printed line the stream step
    # split, ``に伴う変更`` a box of its own after a blank line.
    boxes = [Box([_line("事前", 10)]), Box([_line("外部監査の導入", 10)]), Box([_line("に伴う変更", 12)])]
    out = join_explanation_tails(boxes, _lines(boxes))
    assert [b.text for b in out] == ["事前", "外部監査の導入に伴う変更"]
    # A running connective is no end: ``組織改編に伴う`` / ``変更`` is one explanation.
    boxes = [Box([_line("事後", 3)]), Box([_line("組織改編に伴う", 3)]), Box([_line("変更", 5)])]
    assert [b.text for b in join_explanation_tails(boxes, _lines(boxes))] == ["事後", "組織改編に伴う変更"]
    # Also when the tail opens the next page (a row broken over the page break).
    boxes = [Box([_line("事後", 3)]), Box([_line("組織改編に伴う", 3)]), Box([_line("変更", 1, page=2)])]
    assert [b.text for b in join_explanation_tails(boxes, _lines(boxes))] == ["事後", "組織改編に伴う変更"]


def test_a_whole_explanation_beside_its_timing_takes_no_next_box():
    boxes = [Box([_line("事後", 3)]), Box([_line("組織改編に伴う変更", 3)]), Box([_line("市民課長", 5)])]
    assert len(join_explanation_tails(boxes, _lines(boxes))) == 3
    # A timing printed right of another column's piece (``市民生活部市民窓口課 事後``, set XI
    # w2: an after cell's line) makes no explanation of that piece.
    boxes = [
        Box([_line("事後", 3)]),
        Box([_line("市民生活部市民窓口課", 3)]),
        Box([_line("組織改編に伴う変更", 5)]),
    ]
    lines = [_line("市民生活部市民窓口課", 3), _line("事後", 3), _line("組織改編に伴う変更", 5)]
    assert len(join_explanation_tails(boxes, lines)) == 3
    # A first line not printed beside a timing joins nothing.
    boxes = [Box([_line("事後", 3)]), Box([_line("外部監査の導入", 4)]), Box([_line("に伴う変更", 6)])]
    assert len(join_explanation_tails(boxes, _lines(boxes))) == 3


def test_a_gnumeric_items_headings_after_the_rows_other_cells_join_its_section():
    # pdfminer on a Gnumeric sheet (set XIV t08): the date's line, the before / after / timing
    # boxes, then the item's headings.
    texts = [
        ("R5.10.1 Ⅰ基本情報", False),
        ("市民部市民課", True),
        ("市民生活部市民窓口課", True),
        ("事後 組織改編に伴う変更", True),
        ("７．評価実施機関における担", True),
        ("当部署", False),
        ("①部署", False),
        ("R5.10.1 Ⅰ基本情報", True),
    ]
    lines = [_line(t, k) for k, (t, _) in enumerate(texts)]
    gaps = [g for _, g in texts]
    boxes = join_sections_past_cells(join_lone_sections(lines_to_boxes(lines, gaps)))
    texts_out = ["".join(cl.text for cl in b.lines) for b in boxes]
    assert "Ⅰ基本情報７．評価実施機関における担当部署①部署" in texts_out
    # The body cell after the blank line is no part of the item.
    assert "市民部市民課" in texts_out


def test_a_section_cut_short_takes_its_next_line_after_a_blank_line():
    # Gnumeric 9 pt (set XIV t07): ``2024/1/4 Ⅲ特定個人情報`` / blank / ``ファイルの取扱い``.
    texts = [("2024/1/4 Ⅲ特定個人情報", False), ("ファイルの取扱い", True), ("プロセスにおける", False)]
    lines = [_line(t, k) for k, (t, _) in enumerate(texts)]
    boxes = lines_to_boxes(lines, [g for _, g in texts])
    assert [b.text.replace("\n", "") for b in boxes][-1] == "Ⅲ特定個人情報ファイルの取扱いプロセスにおける"


def test_an_explanation_ending_with_shitamono_ends_there_when_a_box_is_cut():
    texts = ["行政手続における特定の個", "項のずれを修正したもの", "消除者を対象に含めること", "としたため"]
    box = Box([_line(t, k) for k, t in enumerate(texts)])
    assert explanation_cuts(box) == [2]
