"""Row-order texts of LibreOffice tables (issue 10, branch stream14): Writer dates and timings
printed in pieces that left gaps read as blank lines, Calc rows opened by an attachment's label,
and an after cell of only 上記を新規追加 beside an item that runs on with the after cell's text."""

from __future__ import annotations

import json

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.added_above import item_tail_start, mend_added_above
from piatable.normalize.boxes import looks_boxed
from piatable.normalize.compound import closed_up, join_date_pieces, join_vertical_words
from piatable.normalize.items import opens_item_line
from piatable.pipeline import extract_document

from .conftest import SAMPLES


def _lines(*texts: str) -> list[CellLine]:
    return [CellLine(t, 1, k + 1) for k, t in enumerate(texts)]


def _gaps(lines: list[CellLine]) -> list[bool]:
    return [
        k == 0 or b.line_no - a.line_no > 1
        for k, (a, b) in enumerate(zip([lines[0], *lines], lines, strict=False))
    ]


def test_joined_timing_pieces_leave_no_gap():
    out = join_vertical_words(_lines("市民課 市民窓口課 事", "前", "組織改正に", "よる部署名"))
    assert [cl.text for cl in out] == ["市民課 市民窓口課 事前", "組織改正に", "よる部署名"]
    assert [cl.line_no for cl in out] == [1, 2, 3]


def test_joined_date_pieces_leave_no_gap_but_a_blank_line_stays():
    lines = [*_lines("令和", "元年", "5 月", "1 日", "Ⅰ基本情報"), CellLine("次の箱", 1, 7)]
    out = join_date_pieces(lines)
    assert [(cl.text, cl.line_no) for cl in out] == [("令和元年5月1日", 1), ("Ⅰ基本情報", 2), ("次の箱", 4)]


def test_closed_up_keeps_pieces_of_one_printed_line_together():
    before = [
        CellLine("a", 1, 1),
        CellLine("b", 1, 2),
        CellLine("c", 1, 3),
        CellLine("d", 1, 3),
        CellLine("e", 1, 4),
    ]
    after = [before[0], before[2], before[3], before[4]]  # b joined into a
    assert [cl.line_no for cl in closed_up(before, after)] == [1, 2, 2, 3]


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
@pytest.mark.parametrize("case", ["office-narrowdate14/nd14-writer-2", "office-stream13/s13-writer-10"])
def test_a_writer_table_with_dates_in_pieces_is_read_in_row_order(case, tool):
    """samples/office-narrowdate14/nd14-writer-2 (date column 4% of the width, dates like
    ``202`` / ``1 ー`` / ``4 ー`` / ``1`` in pieces with Writer's spaces) read 0 rows of 4;
    s13-writer-10 (timings 事 / 前 joined, leaving gaps that made the text look boxed) 6 rows of
    8, column by column."""
    folder = SAMPLES / f"{case}-{tool}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.txt")
    assert not any("column by column" in n for n in result.notes)
    assert [r.change_date for r in result.records] == [e["change_date"] for e in expected]
    assert [r.timing for r in result.records] == [e["timing"] for e in expected]


def test_the_joined_text_is_not_boxed():
    from piatable.extract.text import read_text, text_to_pages
    from piatable.normalize.compound import split_compound_lines
    from piatable.normalize.region import unbroken_lines
    from piatable.normalize.stream import pages_to_cell_lines

    path = SAMPLES / "office-narrowdate14" / "nd14-writer-2-pdftotext-raw" / "input.txt"
    lines = split_compound_lines(unbroken_lines(pages_to_cell_lines(text_to_pages(read_text(path)))))
    assert not looks_boxed(lines, _gaps(lines))


def test_an_attachment_label_opens_an_item_line_a_reference_does_not():
    assert opens_item_line("（別紙２）特定個人情報ファイル")
    assert opens_item_line("別紙２ 事務の流れ")
    assert opens_item_line("Ⅱ特定個人情報ファイルの概要")
    assert not opens_item_line("別紙１参照")
    assert not opens_item_line("（別紙１）のとおり")
    assert not opens_item_line("（別添２）変更箇所")


def _page_lines(page: int, printed: list[list[str]], first_no: int = 1) -> list[CellLine]:
    """CellLines of one page: each inner list one printed line's pieces."""
    return [CellLine(t, page, first_no + k) for k, pieces in enumerate(printed) for t in pieces]


BODY = [["＜中間サーバーにおける措置＞"], ["①情報提供機能により、照会許可用照合"], ["リストを入手している。"]]


def _two_pages(last_first: list[list[str]]) -> list[CellLine]:
    one = _page_lines(
        1,
        [["平成30年7月1日", "事前"], ["Ⅱ特定個人情報ファイルの概要"], ["４．特定個人情報ファイルの取扱"]]
        + [["いの委託"], ["[ 再委託しない ]"], ["[ 再委託する ]"], ["委託内容の拡大に伴う修正"]],
    )
    return one + _page_lines(2, [*last_first, *BODY], first_no=20)


@pytest.mark.parametrize(
    "head",
    [
        # pdftotext -raw: the label on a line of its own after pass 1.
        [["令和元年10月1日", "事後", "記載内容の充実"], ["（別紙２）特定個人情報ファイル"], ["記録項目"]],
        # pypdfium2: the label on the row's top line, between the date and the timing.
        [["令和元年10月1日", "（別紙２）特定個人情報ファイル", "事後", "記載内容の充実"], ["記録項目"]],
    ],
)
def test_a_wrapped_attachment_label_opens_the_pages_row(head):
    from piatable.normalize.twophase import two_phase_pages

    pages = two_phase_pages(_two_pages(head))
    assert pages is not None and len(pages) == 2
    last = pages[1]
    assert [cl.text for cl in last.singles] == ["令和元年10月1日", "事後", "記載内容の充実"]
    assert len(last.rows) == 1 and last.rows[0].lines[0].text == "（別紙２）特定個人情報ファイル"


def test_a_one_line_attachment_item_of_pass_one_opens_no_row():
    # ``別添１ 事務の内容 事後 …`` then the next row's one-line cells: pass 1, not a wrapped row.
    from piatable.normalize.twophase import _opens_row_item

    lines = _page_lines(1, [["別添１ 事務の内容", "事後", "外部監査の導入に伴う追記"], ["事後"], ["事前"]])
    assert not _opens_row_item(lines, 0)
    lines = _page_lines(1, [["令和3年9月1日", "（別紙１）事務の流れ"], ["削除", "事後"]])
    assert not _opens_row_item(lines, 1)
    # 項目 top-aligned, the rest centred: the label alone on its line, the row's cells below it.
    lines = _page_lines(1, [["（別紙１）事務の流れ"], ["市民課", "市民窓口課", "事後", "組織改正"], ["事前"]])
    assert not _opens_row_item(lines, 0)


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
def test_a_calc_page_whose_row_amends_an_attachment_gives_one_row(tool):
    """samples/office-stream13/s13-calc-3: the last page's only row amends （別紙２）…, its label
    wrapped: pass 2 opened no row there, and each of its lines became a row (46 rows for 7)."""
    folder = SAMPLES / "office-stream13" / f"s13-calc-3-{tool}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.txt")
    assert len(result.records) == len(expected)
    assert "".join(result.records[-1].item.split()) == "".join(expected[-1]["item"].split())


def _row(item: list[str], before: list[str], after: list[str]) -> RawRow:
    row = RawRow()
    row.cells["item"] = _lines(*item)
    row.cells["before"] = _lines(*before)
    row.cells["after"] = _lines(*after)
    return row


ITEM = ["Ⅱ特定個人情報ファイルの概要", "６．特定個人情報の保管・消去", "①保管場所"]
ADDED = [
    "＜ガバメントクラ",
    "ウドにおける措置",
    "＞",
    "① 特定個人情報",
    "は、クラウド事業",
    "者が保有・管理す",
    "る環境に構築す",
    "る。",
]


def test_the_after_cells_text_read_as_the_items_tail_goes_back():
    row = _row([*ITEM, *ADDED], [], ["上記を新規追加"])
    mend_added_above(row)
    assert [cl.text for cl in row.cells["item"]] == ITEM
    assert [cl.text for cl in row.cells["after"]] == [*ADDED, "上記を新規追加"]
    assert any(d.kind == "cut_guess" and d.field == "item" for d in row.doubts)


def test_an_item_of_headings_only_keeps_its_lines():
    row = _row(ITEM, [], ["上記を新規追加"])
    mend_added_above(row)
    assert [cl.text for cl in row.cells["item"]] == ITEM
    assert not row.doubts
    # ... and a tail without a sentence is no after text (a heading the lexicon lacks).
    assert item_tail_start(_lines(*ITEM, "＜中間サーバーにおける措置＞")) is None


def test_a_before_cell_or_other_closing_words_leave_the_row_alone():
    row = _row([*ITEM, *ADDED], ["旧"], ["上記を新規追加"])
    mend_added_above(row)
    assert len(row.cells["item"]) == len(ITEM) + len(ADDED)
    row = _row([*ITEM, *ADDED], [], ["新規追加"])
    mend_added_above(row)
    assert len(row.cells["item"]) == len(ITEM) + len(ADDED)


def test_a_date_in_pieces_whose_last_shares_the_items_line_is_split():
    from piatable.normalize.narrow_item_dates import split_date_beside_item

    lines = _lines("施錠できる", "２", "０", "１", "９.", "５.", "１ 別紙２ 事務の流れ", "・サーバー室")
    out = split_date_beside_item(lines)
    assert [(cl.text, cl.line_no) for cl in out] == [
        ("施錠できる", 1),
        ("２０１９.５.１", 2),
        ("別紙２ 事務の流れ", 3),
        ("・サーバー室", 4),
    ]
    assert out[1].wraps is True
    # Calc's pass-1 timing beside the date's tail is the two-pass reader's to split.
    texts = ["２", "０", "１", "９.", "５.", "１ Ⅰ基本情報 事後"]
    assert [cl.text for cl in split_date_beside_item(_lines(*texts))] == texts
    # A date inside a cell's sentence, or a line that opens no item, is left alone.
    texts = ["２", "０", "１", "９.", "５.", "１ から適用する"]
    assert [cl.text for cl in split_date_beside_item(_lines(*texts))] == texts


def test_a_writer_row_whose_date_ends_beside_its_item_is_a_row():
    """tests/data/cases/writer_raw_date_beside_item.txt (handmade after Writer's -raw text of a
    bottom-aligned table): the second row's date ends on the line of its one-line item
    ``別紙２ 事務の流れ``; it ran into the first row (2 rows of 3)."""
    result = extract_document(SAMPLES.parent / "tests" / "data" / "cases" / "writer_raw_date_beside_item.txt")
    assert [r.change_date for r in result.records] == ["2019-04-01", "2019-05-01", "2020-07-01"]
    assert "".join(result.records[1].item.split()) == "別紙２事務の流れ"
    assert [r.timing for r in result.records] == ["事前", "事前", "事後"]
