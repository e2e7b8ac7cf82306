"""Box-order texts (plain pdftotext) of LibreOffice tables (session 50, set XI FAULTS.md kind 4):
an added row's 新規追加 printed alone in its before cell, and a before cell's wrapped line
beside the after cell's lines."""

from __future__ import annotations

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.body_pairing import _cell, pair_score
from piatable.normalize.boxes import Box
from piatable.normalize.side_columns import _off_grid, split_side_columns
from tests.text_checks import SAMPLES

# A Calc row's before and after cells as plain pdftotext prints them (set XI, c3_strike, Calc,
# Mincho 9 pt): the first lines of both fill their columns and share a line; then the lines
# baseline by baseline, the before cell's second and last line first.
SIDE_BY_SIDE = [
    "届出の際に本人確認書類の提示を求め、本人確 届出の際に本人確認書類（個人番号カード、運",
    "認を厳格に行う。",
    "転免許証等）の提示を求め、本人確認を厳格に",
    "行う。",
    "また、代理人による届出の場合は、委任状及び",
    "代理人の本人確認書類の提示を求める。",
]
# Three more boxes of that page's rows (c3_strike), whose two-piece lines teach the widths.
OTHERS = [
    [
        "地方税法その他の地方税に関する法律及びこれ 地方税法その他の地方税に関する法律及びこれ",
        "らの法律に基づく条例による地方税の賦課徴収 らの法律に基づく条例又は森林環境税及び森林",
        "に関する事務であって主務省令で定めるもの",
        "環境譲与税に関する法律による地方税又は森林",
        "環境税の賦課徴収に関する事務であって主務省",
        "令で定めるもの",
    ],
    [
        "市ホームページ及び市役所情報公開コーナーに 市ホームページ、市役所情報公開コーナー及び",
        "おいて評価書案を公表し、意見を募集した。",
        "各支所において評価書案を公表し、意見を募集",
        "した。",
    ],
]


def _box(texts: list[str], line0: int = 0) -> Box:
    return Box([CellLine(t, 1, line0 + k) for k, t in enumerate(texts)])


def test_a_line_after_the_shorter_column_ended_goes_to_the_longer_one() -> None:
    """``行う。`` follows the after cell's full line ``…本人確認を厳格に`` and comes after it on
    the baseline order: it is the after cell's third line, not a third line of the before cell
    (whose own third line would have come before the after cell's third); ``また、…`` opens a
    paragraph, not the middle of a phrase."""
    boxes = [_box(OTHERS[0], 0), _box(SIDE_BY_SIDE, 10), _box(OTHERS[1], 20)]
    out, apart, undecided = split_side_columns(boxes, set())
    before, after = out[2], out[3]
    opening = "届出の際に本人確認書類の提示を求め、本人確"
    assert [cl.text for cl in before.lines] == [opening, "認を厳格に行う。"]
    assert "".join(cl.text for cl in after.lines) == (
        "届出の際に本人確認書類（個人番号カード、運転免許証等）の提示を求め、本人確認を厳格に行う。"
        "また、代理人による届出の場合は、委任状及び代理人の本人確認書類の提示を求める。"
    )
    assert not {(cl.page, cl.line_no) for cl in before.lines} & undecided
    assert id(before) in apart and id(after) in apart


def test_the_baseline_order_of_a_box_opening_with_both_columns() -> None:
    opened = [("a", "b")]
    assert not _off_grid(opened, "c", None)  # the left column's second line
    assert _off_grid(opened + [(None, "d")], "c", None)  # a left line after more right lines
    assert not _off_grid(opened + [("c", None)], None, "d")  # the right one beside it
    assert _off_grid(opened + [("c", None), ("e", None)], None, "d")  # two left lines ahead
    assert _off_grid(opened + [("c", None)], "e", "f")  # both pieces where the counts differ
    assert not _off_grid([("a", None)], None, "b")  # no line of both columns: no grid


def test_a_bare_addition_mark_is_the_before_cell_of_the_after_beside_it() -> None:
    mark = _cell([CellLine("新規追加", 1, 0)])
    names = _cell([CellLine("国民健康保険情報ファイル", 1, 1), CellLine("中間サーバー副本ファイル", 1, 2)])
    assert mark.closing == "mark"
    assert pair_score(mark, names) > pair_score(names, mark)


def test_an_added_rows_list_of_names_is_its_after_cell_not_an_explanation() -> None:
    """p50-calc-v1 (plain pdftotext, Calc, top-aligned): the added row's after cell, two names
    as narrow as the explanation column, is emitted right before the before cell's 新規追加;
    it is the row's after cell, and the explanations go one per row."""
    case = SAMPLES / "office-plain50" / "p50-calc-v1-pdftotext"
    records = extract_document(case / "input.txt").records
    assert len(records) == 4
    added = records[1]
    assert added.before == "新規追加"
    assert added.after == "国民健康保険情報ファイル\n中間サーバー副本ファイル"
    assert added.explanation == "中間サーバーへの副本登録の開始に伴う追加"
    assert records[0].explanation == "事務の名称の見直しによる修正"
    # the rows around it, whose before and after cells print side by side, stay warned
    assert "column_guess" in records[0].flags and "column_guess" in records[2].flags


# A Writer table's page as plain pdftotext prints it (set XI, w1_mincho9, 8-character columns):
# each row's before cell a box of its own, then the page's after cells merged into one box.
BEFORES = [
    ["行政手続における", "特定の個人を識別", "するための番号の", "利用等に関する法", "律（番号法）"],
    ["住民基本台帳法に", "基づき、住民の居", "住関係の公証、選", "挙人名簿の登録そ"],
    ["① 住民異動の届出", "に基づき住民票の", "記載等を行う。"],
    ["＜サーバ＞", "入退室管理を行っ", "ている庁舎内の"],
]
MERGED_AFTERS = [
    "行政手続における",
    "特定の個人を識別",
    "するための番号の",
    "利用等に関する法",
    "律（番号法）",
    "住民基本台帳法に",
    "基づき、住民の居",
    "住関係の公証、選",
    "① 住民異動の届出",
    "に基づき住民票の",
    "記載等を行う。",
    "③ マイナポータル",
    "＜ガバメントクラ",
    "ウド＞",
]


def test_a_box_of_a_columns_cells_is_cut_where_they_open_as_their_befores() -> None:
    from piatable.normalize.merged_column_cells import cut_merged_cells

    befores = [_box(t, 10 * k) for k, t in enumerate(BEFORES)]
    merged = _box(MERGED_AFTERS, 100)
    doubtful: set[tuple[int | None, int | None]] = set()
    boxes, bodies = cut_merged_cells([*befores, merged], [*befores, merged], doubtful)
    texts = ["".join(cl.text for cl in b.lines) for b in bodies]
    assert texts[:2] == ["".join(BEFORES[0]), "".join(MERGED_AFTERS[:5])]
    assert texts[2:4] == ["".join(BEFORES[1]), "".join(MERGED_AFTERS[5:8])]
    # the last piece repeats the third before's opening and runs on into the fourth row's
    # after cell (＜ガバメントクラウド＞ opens otherwise than ＜サーバ＞): its rows are warned
    assert texts[4:] == ["".join(BEFORES[2]), "".join(MERGED_AFTERS[8:]), "".join(BEFORES[3])]
    assert doubtful == {(1, 100 + k) for k in range(8, len(MERGED_AFTERS))}
    assert len(boxes) == 4 + 3  # nothing dropped: the merged box's lines are all in its pieces
    assert sum(len(b.lines) for b in boxes) == sum(map(len, BEFORES)) + len(MERGED_AFTERS)


def test_a_box_after_an_item_is_a_before_cell_unless_it_ends_as_an_explanation() -> None:
    from piatable.normalize.neighbour_kinds import settle_by_neighbours

    item = _box(["Ⅰ 基本情報", "５．個人番号の利", "用", "法令上の根拠"])
    before = _box(BEFORES[0], 10)
    reason = _box(["番号法別表第一の", "改正に伴う修正"], 20)
    kinds = {id(item): "item", id(before): "explanation", id(reason): "explanation"}
    settle_by_neighbours([item, before], kinds)
    assert kinds[id(before)] == "body"
    kinds[id(before)] = "explanation"
    settle_by_neighbours([item, reason, before], kinds)
    assert kinds[id(reason)] == "explanation" and kinds[id(before)] == "explanation"


def test_a_circled_number_after_the_shorter_column_ended_opens_the_longer_ones_item() -> None:
    """Set XI c2_datevalues (Calc, plain pdftotext): the before cell ends at ``。`` (its fourth
    line, the after cell's beside it); ``③マイナポータルを通じた`` opens a list item of the
    after cell (a circled number after a full line would open a paragraph, not run on)."""
    lines = [
        "①住民異動の届出に基づき ①住民異動の届出に基づき",
        "住民票の記載等を行う。",
        "住民票の記載等を行う。",
        "②住民票の写しを交付する ②住民票の写しを交付する",
        "。",
        "。",
        "③マイナポータルを通じた",
        "転出届の受付を行う。",
        "④転入予定地の市町村に転",
        "出証明書情報を送信する。",
    ]
    first = "区域内の住民（住民基本台"
    others = [
        [f"{first} {first}", "帳法第５条に基づき住民基 帳法第５条に基づき住民基"],
        ["本台帳に記録された住民を 本台帳に記録された住民を", "いう。）", "いう。）及び転出者"],
    ]
    boxes = [_box(others[0], 0), _box(lines, 10), _box(others[1], 30)]
    out, _apart, _undecided = split_side_columns(boxes, set())
    texts = ["".join(cl.text for cl in b.lines) for b in out]
    opening = "①住民異動の届出に基づき"
    before, after = (t for t in texts if t.startswith(opening))
    assert before == opening + "住民票の記載等を行う。②住民票の写しを交付する。"
    tail = "③マイナポータルを通じた転出届の受付を行う。④転入予定地の市町村に転出証明書情報を送信する。"
    assert after.endswith(tail)


def test_a_bare_mark_pairs_only_with_an_after_emitted_beside_it() -> None:
    mark = _cell([CellLine("新規追加", 1, 30)])
    near = _cell([CellLine("国民健康保険情報ファイル", 1, 27), CellLine("中間サーバー副本ファイル", 1, 28)])
    far = _cell([CellLine("・識別情報", 1, 44), CellLine("[○]個人番号", 1, 45)])
    deleted = _cell([CellLine("削除", 1, 31)])
    assert pair_score(mark, near) > pair_score(mark, far)
    assert pair_score(mark, deleted) < 0  # 新規追加 beside 削除: an after cell of its own row


def test_a_row_whose_after_cell_is_a_bare_mark_alone_is_warned() -> None:
    from piatable.models import RawRow
    from piatable.normalize.run_together import LONE_MARK_WHY, doubt_cells_of_other_rows

    lone, added = RawRow(), RawRow()
    lone.cells["after"] = [CellLine("新規追加", 1, 0)]
    added.cells["before"] = [CellLine("新規追加", 1, 1)]
    added.cells["after"] = [CellLine("・識別情報", 1, 2)]
    doubt_cells_of_other_rows([lone, added])
    assert [d.why for d in lone.doubts] == [LONE_MARK_WHY] and not added.doubts
