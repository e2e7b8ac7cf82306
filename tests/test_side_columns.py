"""Two columns printed side by side in one box of plain pdftotext text (normalize/side_columns)."""

from __future__ import annotations

from piatable.models import CellLine
from piatable.normalize.boxes import Box
from piatable.normalize.side_columns import split_side_columns

# A Calc row's before and after cells as plain pdftotext prints them (samples/colorder/co-calc-1):
# lines of the two columns in the order of their baselines, two on one baseline joined by a space.
MIXED = [
    "＜既存住基システムにおける措置＞",
    "・サーバーは、外部のデータセンターに",
    "＜既存住基システムにおける措置＞",
    "設置し、データセンターへの入館及びサ",
    "・サーバーは、入退室管理を行っている本庁舎 ーバー室への入室は、ＩＣカード及び生",
    "内のサーバー室に設置し、サーバー室への入室 体認証により許可された者に限定してい",
    "は許可された職員に限定している。",
    "る。",
    "・届出書等の紙媒体は、施錠できる書庫に保管 ・届出書等の紙媒体は、施錠できる書庫",
    "している。",
    "に保管している。",
]


def _box(texts: list[str]) -> Box:
    return Box([CellLine(t, 1, k) for k, t in enumerate(texts)])


def test_two_columns_read_apart_by_order_width_and_run_on() -> None:
    out, apart, _undecided = split_side_columns([_box(MIXED)], set())
    assert len(out) == 2 and len(apart) == 2
    before, after = ("".join(cl.text for cl in b.lines) for b in out)
    assert before == (
        "＜既存住基システムにおける措置＞・サーバーは、入退室管理を行っている本庁舎内のサーバー室に設置し、"
        "サーバー室への入室は許可された職員に限定している。・届出書等の紙媒体は、施錠できる書庫に保管している。"
    )
    assert after == (
        "＜既存住基システムにおける措置＞・サーバーは、外部のデータセンターに設置し、データセンターへの入館及び"
        "サーバー室への入室は、ＩＣカード及び生体認証により許可された者に限定している。"
        "・届出書等の紙媒体は、施錠できる書庫に保管している。"
    )
    # nothing dropped
    assert sorted("".join(MIXED).replace(" ", "")) == sorted(before + after)


def test_spaces_inside_one_cell_split_nothing() -> None:
    # Spaces inside a cell (a law's article, a date's 時点) make no line wider than its column.
    boxes = [
        _box(["番号法第１９条第７号 別表第二", "の４２の項、４３の項、４４の項"]),
        _box(["番号法第１９条第８号 別表第二", "の４２の項、４３の項、４４の", "項、４５の項"]),
        _box(["番号法第９条第１項 別表第一の", "３０の項", "番号法別表第一の主務省令で定め"]),
        _box(["令和 3 年 4 月 1 日 時点"]),
    ]
    assert split_side_columns(boxes, set()) == (boxes, set(), set())


def test_lines_printed_above_an_item_go_with_the_lines_taken_out_of_it() -> None:
    from piatable.normalize.item_intruders import join_lines_above_items, split_item_intruders

    # samples/colorder/co-calc-1: the after cell's top lines print above the item's section line,
    # the rest between the item's lines (one with a list marker after a wrapped heading line).
    lines = [
        "・システム上、管理権限を与えられた者",
        "以外は情報の複製ができない仕組みとし",
        "ている。",
    ]
    item = [
        "Ⅲ特定個人情報ファイルの取扱いプロ",
        "・USBメモリ等の外部記録媒体の使用を",
        "セスにおけるリスク対策",
        "３．特定個人情報の使用",
        "禁止し、端末の外部記録媒体接続口を物",
        "リスク４：特定個人情報ファイルが",
        "理的に封鎖している。",
        "不正に複製されるリスク",
        "リスクに対する措置の内容",
    ]
    above = Box([CellLine(t, 3, 10 + k) for k, t in enumerate(lines)])
    timing = Box([CellLine("事後", 3, 30)])
    boxes, touched = split_item_intruders(
        [above, timing, Box([CellLine(t, 3, 13 + k) for k, t in enumerate(item)])]
    )
    assert [cl.text for cl in boxes[2].lines][:2] == [
        "Ⅲ特定個人情報ファイルの取扱いプロ",
        "セスにおけるリスク対策",
    ]
    out = join_lines_above_items(boxes, touched)
    assert [len(b.lines) for b in out] == [1, 6, 6]  # the timing, the item, the other column's lines
    assert "".join(cl.text for cl in out[2].lines) == (
        "・システム上、管理権限を与えられた者以外は情報の複製ができない仕組みとしている。"
        "・USBメモリ等の外部記録媒体の使用を禁止し、端末の外部記録媒体接続口を物理的に封鎖している。"
    )


def test_a_headings_line_with_two_long_pieces_beside_it_holds_other_columns_lines() -> None:
    from piatable.normalize.item_intruders import split_item_intruders

    lines = [
        "Ⅰ基本情報",
        "６．情報提供ネットワークシステム 行政手続における特定の個人を識別するための "
        "行政手続における特定の個人を識別する",
        "による情報連携",
        "②法令上の根拠",
    ]
    item = Box([CellLine(t, 1, k) for k, t in enumerate(lines)])
    kept = ["Ⅰ基本情報", "６．情報提供ネットワークシステム", "による情報連携", "②法令上の根拠"]
    out, touched = split_item_intruders([item], columns_side=True)
    assert [cl.text for cl in out[0].lines] == kept and id(out[0]) in touched
    assert [cl.text for cl in out[1].lines] == [
        "行政手続における特定の個人を識別するための 行政手続における特定の個人を識別する"
    ]
    # Without two columns side by side in the text, such a line is left to the other rules.
    out, _ = split_item_intruders([Box(list(item.lines))], columns_side=False)
    assert "行政手続" in "".join(cl.text for cl in out[0].lines)
