"""Column-ordered boxes (pdfminer, plain pdftotext): what the timing and explanation columns tell
the before/after pairing, and explanation boxes of several rows cut where each explanation ends."""

from piatable.models import CellLine
from piatable.normalize.body_pairing import Anchors, pair_cells
from piatable.normalize.boxes import Box
from piatable.normalize.columnar import column_order_rows
from piatable.normalize.merged_explanations import explanation_cuts
from tests.test_columnar import box_lines


def _box(*texts: str, page: int = 1) -> list[CellLine]:
    return [CellLine(t, page, k) for k, t in enumerate(texts)]


def test_a_lone_after_cell_goes_to_the_row_whose_timing_it_follows():
    # One addition for two rows: the order alone cannot tell whose it is; the timing boxes
    # emitted before it (one per row) can.
    addition = _box("[ 十分である ]", "上記を新規追加")
    windows = [(0, 0), (1, 1)]
    after_first = pair_cells([addition], [set(), set()], None, [Anchors([1], windows)])
    assert after_first.cells[0] == (None, None) and after_first.cells[1][1] == addition
    before_first = pair_cells([addition], [set(), set()], None, [Anchors([0], windows)])
    assert before_first.cells[0][1] == addition and before_first.cells[1] == (None, None)


def _explanation(*texts: str) -> Box:
    return Box([CellLine(t, 1, k) for k, t in enumerate(texts)])


def test_an_explanation_box_is_cut_where_an_explanation_ends_not_in_one():
    two = _explanation("中間サーバーへの副本登録の", "開始に伴う追加", "番号法の改正に伴う条項の修", "正")
    assert explanation_cuts(two) == [2]
    # A second paragraph of one explanation, and 削除 wrapped after …に伴う, are no new cells.
    one = _explanation(
        "オンライン資格確認等システ", "ムの導入に伴う修正", "特定個人情報保護評価の再実", "施には該当しない"
    )
    assert explanation_cuts(one) == []
    assert explanation_cuts(_explanation("収納事務の委託の終了に伴う", "削除")) == []


# Three rows as pdfminer gives them: a row's cells together, the explanations of the last two
# rows merged into one box.
BOXES = [
    ["令和2年7月1日"],
    ["Ⅰ関連情報", "１．特定個人情報ファイルを取り扱う事務", "①事務の名称"],
    ["国民健康保険に関する事務"],
    ["国民健康保険の資格及び給付に関する事務"],
    ["事前"],
    ["オンライン資格確認等システ", "ムの導入に伴う修正", "特定個人情報保護評価の再実", "施には該当しない"],
    ["令和2年10月1日"],
    ["Ⅰ関連情報", "２．特定個人情報ファイル名"],
    ["国民健康保険情報ファイル"],
    ["国民健康保険情報ファイル", "中間サーバー副本ファイル"],
    ["令和3年4月1日"],
    ["Ⅰ関連情報", "５．情報提供ネットワークシステムによる情報連携", "②法令上の根拠"],
    ["番号法第１９条第７号"],
    ["番号法第１９条第８号"],
    ["事前"],
    ["事後"],
    ["中間サーバーへの副本登録の", "開始に伴う追加", "番号法の改正に伴う条項の修正"],
]


def test_explanations_of_two_rows_merged_into_one_box_give_each_row_its_own():
    lines, gaps = box_lines(BOXES)
    rows = column_order_rows(lines, gaps)
    text = ["".join(cl.text for cl in r.cells["explanation"]) for r in rows]
    assert text == [
        "オンライン資格確認等システムの導入に伴う修正特定個人情報保護評価の再実施には該当しない",
        "中間サーバーへの副本登録の開始に伴う追加",
        "番号法の改正に伴う条項の修正",
    ]
    assert all("unplaced_text" not in r.flags for r in rows)


def test_a_column_label_wrapped_in_its_header_cell_is_furniture():
    from piatable.normalize.boxes import without_label_boxes

    texts = ["提出", "時期", "事後"]
    lines = [CellLine(t, 1, k) for k, t in enumerate(texts)]
    kept, _ = without_label_boxes(lines, [True, False, True])
    assert [cl.text for cl in kept] == ["事後"]


def test_an_explanation_phrase_is_an_explanation_whatever_its_width():
    from piatable.normalize.columnar import _kind

    # Writer's narrow columns: the explanation wraps about as wide as the before/after cells.
    box = _explanation("サービス検索・電子申請機能", "及びマイナポータルのお知ら", "せ機能の利用に伴う修正")
    assert _kind(box, (26, 22), True) == "explanation"
    assert (
        _kind(_explanation("市民課の窓口で受け付ける。", "住民票の写しを交付する。"), (26, 22), True)
        == "body"
    )


def test_an_items_lone_section_takes_its_heading_past_the_dates_printed_between():
    from piatable.normalize.box_joins import join_lone_sections

    # pdfminer: the item's section line, two dates of the rows beside it, then the rest of it.
    boxes = [
        Box(_box("Ⅰ 関連情報")),
        Box(_box("2021/4/1")),
        Box(_box("2022/1/4")),
        Box(_box("５．情報提供ネットワー", "クシステムによる情報連", "携", "② 法令上の根拠")),
    ]
    out = join_lone_sections(boxes)
    assert [b.text for b in out] == [
        "Ⅰ 関連情報５．情報提供ネットワークシステムによる情報連携② 法令上の根拠",
        "2021/4/1",
        "2022/1/4",
    ]
    # A heading on the next page is no part of it (join_items_over_pages decides that).
    other_page = [Box(_box("Ⅰ 関連情報")), Box(_box("５．情報提供ネットワークシステム", page=2))]
    assert len(join_lone_sections(other_page)) == 2


def test_an_anchor_far_off_costs_no_more_than_its_cap():
    from piatable.normalize.body_pairing import ANCHOR_MAX_DISTANCE

    # An anchoring column handed out in another order than the rows' must not outweigh the
    # cells' own evidence: a distance of 9 boxes counts as the cap.
    assert Anchors([9], [(0, 0)]).distance(0, 0) == ANCHOR_MAX_DISTANCE
    assert Anchors([1], [(0, 0)]).distance(0, 0) == 1
